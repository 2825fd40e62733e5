"""Everything the desktop adds around the main window, built in one place so the window only
wires it: the tray, reminders, idle time while a timer runs, and the Help menu's support tools."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMenu

from coapp.ui.desktop.idle_watch import IdleWatcher
from coapp.ui.desktop.reminders_ui import ReminderRunner
from coapp.ui.desktop.tray import DesktopTray

if TYPE_CHECKING:
    from coapp.ui.main_window import MainWindow


class DesktopCitizen(QObject):
    def __init__(self, window: MainWindow, help_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.tray = DesktopTray(window)
        self.reminders = ReminderRunner(window, self.tray)
        self.idle = IdleWatcher(window)

    def quit(self) -> None:
        """File → Quit and the tray's Quit: the app ends, also when the window hides in the tray."""
        self.tray.quit()

    def keep_running(self, event: QCloseEvent) -> bool:
        """The window is closing: True when it only hides in the tray."""
        return self.tray.keep_running(event)

    def shutdown(self) -> None:
        self.tray.shutdown()
