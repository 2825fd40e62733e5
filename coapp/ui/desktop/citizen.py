"""Everything the desktop adds around the main window, built in one place so the window only
wires it: the tray, reminders, idle time while a timer runs, and the Help menu's support tools
(diagnostic information, the log)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMenu

from coapp.base.log_redaction import redact_file_handlers
from coapp.ui.desktop.idle_watch import IdleWatcher
from coapp.ui.desktop.reminders_ui import ReminderRunner
from coapp.ui.desktop.tray import DesktopTray

if TYPE_CHECKING:
    from coapp.ui.desktop.log_viewer import LogViewer
    from coapp.ui.main_window import MainWindow

STATUS_MS = 5000


class DesktopCitizen(QObject):
    def __init__(self, window: MainWindow, help_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        # The log file is opened by the entry point; from here on its lines hide e-mails and tokens.
        redact_file_handlers(window.state.paths.logs)
        self.tray = DesktopTray(window)
        self.reminders = ReminderRunner(window, self.tray)
        self.idle = IdleWatcher(window)
        self._help_actions(help_menu)

    def _help_actions(self, help_menu: QMenu) -> None:
        existing = help_menu.actions()
        self.copy_diagnostics_action = QAction(self.tr("&Copy diagnostic information"), self.window)
        self.copy_diagnostics_action.setObjectName("copyDiagnosticsAction")
        self.copy_diagnostics_action.triggered.connect(self.copy_diagnostics)
        self.show_log_action = QAction(self.tr("Show &log…"), self.window)
        self.show_log_action.setObjectName("showLogAction")
        self.show_log_action.triggered.connect(self.show_log)
        ours = [self.copy_diagnostics_action, self.show_log_action]
        if existing:  # above About, apart from it
            help_menu.insertActions(existing[0], ours)
            help_menu.insertSeparator(existing[0])
        else:
            help_menu.addActions(ours)

    def copy_diagnostics(self) -> str:
        from coapp.ui.desktop.diagnostics import diagnostic_text

        text = diagnostic_text(self.window)
        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(
            self.tr("Diagnostic information copied; it holds no personal data."), STATUS_MS
        )
        return text

    def show_log(self) -> LogViewer:
        from coapp.ui.desktop.log_viewer import LogViewer

        viewer = LogViewer(self.window.state.paths.logs, self.window)
        viewer.finished.connect(viewer.deleteLater)
        viewer.open()
        return viewer

    def quit(self) -> None:
        """File → Quit and the tray's Quit: the app ends, also when the window hides in the tray."""
        self.tray.quit()

    def keep_running(self, event: QCloseEvent) -> bool:
        """The window is closing: True when it only hides in the tray."""
        return self.tray.keep_running(event)

    def shutdown(self) -> None:
        self.tray.shutdown()
