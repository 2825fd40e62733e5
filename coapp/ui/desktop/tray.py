"""The system tray: the running timer's elapsed time, start/stop for the few contracts used last,
quick add, open the window, sync now, quit; and the window left in the tray when closed (a
preference, off by default, said once the first time it happens).

Where the system has no tray (some Wayland desktops, the offscreen platform of tests) the menu
is still built, so its actions are the same everywhere, but no icon is shown and closing the window
quits as it always did.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

if TYPE_CHECKING:
    from coapp.services.contracts import ContractInfo
    from coapp.services.timers import TimerState
    from coapp.ui.main_window import MainWindow

RECENT = 4  # contracts in the menu: the ones used last; the rest are a click away in the window
MESSAGE_MS = 8000
TOLD_KEY = "trayToldOnce"  # window.ini: the first close to the tray was explained


class _TrayIcon(QSystemTrayIcon):
    """The one icon in the tray. The window's notices (coapp.ui.notifier) show their messages from it
    too, so a click on a message is handed to whoever showed it."""

    def __init__(self, icon: QIcon, parent: QObject) -> None:
        super().__init__(icon, parent)
        self.owner = ""  # who showed the last message: "tray" (reminders, the timer) or "notices"
        self.next_owner = ""

    def showMessage(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        self.owner, self.next_owner = self.next_owner or "notices", ""
        super().showMessage(*args, **kwargs)  # type: ignore[call-overload]


class DesktopTray(QObject):
    messageClicked = Signal()  # a notification was clicked

    def __init__(self, window: MainWindow, quit_app: Callable[[], None] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._quit_app = quit_app or QApplication.quit
        self.quitting = False
        self.contracts: list[ContractInfo] = []
        self.menu = QMenu(window)
        self.menu.setObjectName("trayMenu")
        self.menu.setAccessibleName(self.tr("coapp in the system tray"))
        self.status_action = self._action("trayStatusAction", "", None)
        self.status_action.setEnabled(False)  # a label: what the timer does
        self.stop_action = self._action("trayStopAction", self.tr("Stop the timer"), self.stop_timer)
        self.menu.addSeparator()
        self._contracts_end = self.menu.addSeparator()  # recent contracts go above this line
        self.contract_actions: list[QAction] = []
        self.quick_add_action = self._action("trayQuickAddAction", self.tr("Add time today…"), self.quick_add)
        self.open_action = self._action("trayOpenAction", self.tr("Open coapp"), self.open_window)
        self.sync_action = self._action("traySyncAction", self.tr("Sync now"), self.sync_now)
        self.menu.addSeparator()
        self.quit_action = self._action("trayQuitAction", self.tr("Quit coapp"), self.quit)
        self.menu.aboutToShow.connect(self.refresh_contracts)

        self.icon: _TrayIcon | None = None
        if self.available():
            self.icon = _TrayIcon(self._icon(), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.messageClicked.connect(self._message_clicked)
            self.icon.show()
            # One icon for the whole app: the notices' messages come from this one, not a second.
            window.notices.notifier.use_tray(self.icon)

        timer = window.timesheet.timer
        timer.changed.connect(self._timer_changed)
        timer.elapsedText.connect(self._elapsed)
        timer.message.connect(self._timer_message)
        self._timer_changed(timer.state)
        self._elapsed(timer.elapsed_text())
        window.state.when_ready(self.refresh_contracts)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def _action(self, name: str, text: str, slot: Callable[[], object] | None) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        if slot is not None:
            action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _icon(self) -> QIcon:
        from coapp.ui.app_icon import app_icon

        icon = self.window.windowIcon()
        if icon.isNull():
            icon = app_icon()  # coapp's own, in every size packaging/ renders
        if icon.isNull():
            import qtawesome  # the icon font loads here, after the first paint

            icon = qtawesome.icon("fa6s.stopwatch")
        return icon

    # --- what the menu shows -------------------------------------------------------------

    def _elapsed(self, text: str) -> None:
        shown = text or self.tr("No timer is running")
        self.status_action.setText(shown.replace("&", "&&"))
        if self.icon is not None:
            self.icon.setToolTip(f"coapp — {shown}")

    def _timer_message(self, text: str, is_error: bool) -> None:
        """What the timer says after a tray action, where the hidden window cannot say it."""
        if text and not self.window.isVisible():
            warning = QSystemTrayIcon.MessageIcon.Warning if is_error else None
            self.notify("coapp", text, warning)

    def _timer_changed(self, state: TimerState | None) -> None:
        self.stop_action.setVisible(state is not None)
        self._label_contracts(state)

    def today(self) -> date:
        return datetime.now(ZoneInfo(self.window.state.settings.zone)).date()

    def refresh_contracts(self) -> None:
        """The few contracts used last, each with its start (or stop) action."""
        if not self.window.state.ready or self.window.closing:
            return
        self.contracts = self.window.ctx.timers.recent_contracts(self.today(), RECENT)
        for action in self.contract_actions:
            self.menu.removeAction(action)
            action.deleteLater()
        self.contract_actions = []
        for number, contract in enumerate(self.contracts):
            action = QAction(self.menu)
            action.setObjectName(f"trayContractAction{number}")
            action.setData(contract.id)
            action.triggered.connect(lambda _=False, cid=contract.id: self.toggle(cid))
            self.menu.insertAction(self._contracts_end, action)
            self.contract_actions.append(action)
        self._label_contracts(self.window.timesheet.timer.state)

    def _label_contracts(self, state: TimerState | None) -> None:
        running = state.contract.id if state is not None else None
        for action, contract in zip(self.contract_actions, self.contracts, strict=True):
            name = contract.display_name.replace("&", "&&")
            if contract.id == running:
                action.setText(self.tr("Stop {contract}").format(contract=name))
            else:
                action.setText(self.tr("Start {contract}").format(contract=name))

    # --- actions: the window's own, never a second copy ------------------------------------

    def toggle(self, contract_id: str) -> None:
        self.window.timesheet.timer.toggle(contract_id)
        self.refresh_contracts()  # the one just timed moves to the top next time

    def stop_timer(self) -> None:
        self.window.timesheet.timer.stop()

    def open_window(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def quick_add(self) -> None:
        """Today's cell of the timed (or last used) contract, on the timesheet, ready to type."""
        self.open_window()
        window = self.window
        window.show_screen(window.timesheet)
        today = self.today()
        window.timesheet.show_date(today)
        state = window.timesheet.timer.state
        wanted = state.contract.id if state is not None else self.contracts[0].id if self.contracts else None
        model = window.timesheet.controller.model
        rows = [r for r in range(model.rowCount()) if model.contract_id(r) is not None]
        row = next((r for r in rows if model.contract_id(r) == wanted), rows[0] if rows else None)
        column = next((c for c in range(model.columnCount()) if model.day(c) == today), None)
        if row is not None and column is not None:
            grid = window.timesheet.grid
            grid.setCurrentIndex(model.index(row, column))
            grid.setFocus()

    def sync_now(self) -> None:
        self.window.account.sync_now()

    def quit(self) -> None:
        """Quit for real, also when the window only hides in the tray."""
        self.quitting = True
        QApplication.setQuitOnLastWindowClosed(True)
        hidden = not self.window.isVisible()
        self.window.close()
        if hidden:  # closing a hidden window ends no event loop by itself
            self._quit_app()

    def _message_clicked(self) -> None:
        if self.icon is not None and self.icon.owner == "notices":
            self.window.notices.notifier.clicked()
        else:
            self.messageClicked.emit()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_window()

    # --- the window closed into the tray -------------------------------------------------

    def in_tray(self) -> bool:
        return self.icon is not None and self.icon.isVisible()

    def keep_running(self, event: QCloseEvent) -> bool:
        """Closing the window: hide it in the tray when the preference says so (True: handled).

        Only a close the person asked for from the window system (its close button, Alt+F4) hides;
        a close the app makes itself (File → Quit, the window rebuilt in another language or on a
        restored backup) closes for real."""
        if not event.spontaneous() or self.quitting:
            return False
        if not self.window.state.settings.close_to_tray or not self.in_tray():
            return False
        event.ignore()
        self.window.save_window_state()
        # A dialog closed while the window hides must not end the app.
        QApplication.setQuitOnLastWindowClosed(False)
        self.window.hide()
        told = QSettings(str(self.window.state.paths.data_dir / "window.ini"), QSettings.Format.IniFormat)
        if told.value(TOLD_KEY) is None:
            self.notify(
                self.tr("coapp is still running"),
                self.tr("It stays in the system tray with your timer. Quit it from the tray's menu."),
            )
            told.setValue(TOLD_KEY, 1)
            told.sync()
        return True

    def notify(self, title: str, text: str, icon: QSystemTrayIcon.MessageIcon | None = None) -> bool:
        """A notification from the tray; False where there is no tray to show it (the caller shows it
        in the window instead)."""
        if self.icon is None or not QSystemTrayIcon.supportsMessages():
            return False
        self.icon.next_owner = "tray"
        self.icon.showMessage(title, text, icon or QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)
        return True

    def shutdown(self) -> None:
        """The window really closes: no icon left behind, and Qt quits with the last window again
        (a window once hidden in the tray, closed after the preference was turned off)."""
        QApplication.setQuitOnLastWindowClosed(True)
        if self.icon is not None:
            self.icon.hide()
