"""Reminders shown while coapp runs: a tray notification where there is a tray, and always in the
window's status bar. The service decides what and when (the chosen time, quiet hours, once a
day); this only asks it once a minute and words what it says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from coapp.domain.errors import CoappError

if TYPE_CHECKING:  # the services load SQLAlchemy: after the first paint, at the first check
    from coapp.services.reminders import Reminder, ReminderService
    from coapp.ui.desktop.tray import DesktopTray
    from coapp.ui.main_window import MainWindow

CHECK_MS = 60_000  # the reminder's time is chosen in minutes
STATUS_MS = 60_000
SHOWN_DAYS = 3  # missing days named one by one; more are counted from the first


class ReminderRunner(QObject):
    shown = Signal(list)  # [(Reminder, text)]: what was told, for the window and tests

    def __init__(
        self,
        window: MainWindow,
        tray: DesktopTray,
        clock: Callable[[], datetime] | None = None,
        interval_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tray = tray
        self._clock = clock
        self._service: ReminderService | None = None
        self.last: list[tuple[Reminder, str]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        tray.messageClicked.connect(self._open_last)
        window.state.when_ready(self._timer.start)

    def service(self) -> ReminderService:
        if self._service is None:
            from coapp.services.reminders import ReminderService

            ctx = self.window.ctx
            told = ctx.paths.data_dir / "reminders.json"
            self._service = ReminderService(ctx.contracts, ctx.timesheet, ctx.invoices, told, self._clock)
        return self._service

    def check(self) -> list[tuple[Reminder, str]]:
        """Show what is due now (nothing before the chosen time, in quiet hours, or already told)."""
        if not self.window.state.ready or self.window.closing:
            return []
        try:
            reminders = self.service().to_show(self.window.state.settings)
        except (CoappError, OSError):
            return []  # a reminder is a courtesy: a failing read must not interrupt the day
        if not reminders:
            return []
        told = [(r, self.describe(r)) for r in reminders]
        self.last = told
        text = "\n".join(t for _, t in told)
        self.tray.notify(self.tr("coapp reminder"), text)  # where there is a tray; and always:
        self.window.statusBar().showMessage(" ".join(t for _, t in told), STATUS_MS)
        self.shown.emit(told)
        return told

    def describe(self, reminder: Reminder) -> str:
        from coapp.services.reminders import ReminderKind

        formats = self.window.formats
        if reminder.kind is ReminderKind.MISSING_DAYS:
            days = reminder.days
            contracts = ", ".join(reminder.contracts)
            if len(days) > SHOWN_DAYS:
                return self.tr("No time reported on {n} working days since {first} ({contracts}).").format(
                    n=len(days), first=formats.day_header(days[0]), contracts=contracts
                )
            return self.tr("No time reported on {days} ({contracts}).").format(
                days=", ".join(formats.day_header(d) for d in days), contracts=contracts
            )
        if reminder.kind is ReminderKind.WEEK_CLOSES:
            return self.tr("Report your week: today is its last working day.")
        if reminder.kind is ReminderKind.MONTH_CLOSES:
            return self.tr("Report your month: today is its last working day.")
        if reminder.count == 1:
            return self.tr("1 invoice waits for your confirmation.")
        return self.tr("{n} invoices wait for your confirmation.").format(n=reminder.count)

    def _open_last(self) -> None:
        """A click on the notification: the screen where the reminder is dealt with."""
        from coapp.services.reminders import ReminderKind

        if not self.last:
            return
        self.tray.open_window()
        drafts = all(r.kind is ReminderKind.DRAFTS for r, _ in self.last)
        self.window.show_screen(self.window.invoices if drafts else self.window.timesheet)
