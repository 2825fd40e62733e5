"""The running timer: a button on the timesheet, elapsed time for the status bar and title."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from coapp.domain.durations import HoursFormat, format_minutes_always
from coapp.domain.errors import CoappError
from coapp.ui.app_state import AppState
from coapp.ui.error_text import error_text, translated

if TYPE_CHECKING:
    from coapp.services.timers import StopResult, TimerState


def format_elapsed(seconds: int) -> str:
    hours, rest = divmod(max(0, seconds), 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


class TimerController(QObject):
    """Polls nothing: the state lives in the store, and a one-second tick only updates text."""

    changed = Signal(object)  # TimerState | None
    elapsedText = Signal(str)  # "" when no timer runs
    stopped = Signal(object)  # StopResult
    message = Signal(str, bool)

    def __init__(self, app: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.state: TimerState | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._emit_elapsed)

    def refresh(self) -> None:
        """Read the timer from the store (it survives restarts and crashes)."""
        self.state = self.app.ctx.timers.running()
        self._announce()

    def toggle(self, contract_id: str | None) -> None:
        if self.state is not None and (contract_id is None or contract_id == self.state.contract.id):
            self.stop()
        elif contract_id is not None:
            self.start(contract_id)
        else:
            self.message.emit(self.tr("Select a contract row to start its timer."), True)

    def start(self, contract_id: str) -> None:
        try:
            self.state, switched_from = self.app.ctx.timers.switch(contract_id, self.app.settings.zone)
        except CoappError as exc:
            self.message.emit(error_text(exc), True)
            return
        if switched_from is not None and switched_from.dropped:
            # What was dropped is the message that matters; the new timer shows in the title.
            self._said_split(switched_from)
            self._announce()
            return
        if switched_from is not None and sum(switched_from.added.values()):
            self.stopped.emit(switched_from)  # the previous timer's time, as an undo step
        self.message.emit(
            self.tr("Timer started for {title}.").format(title=self.state.contract.title), False
        )
        self._announce()

    def stop(self, *, discard: bool = False) -> None:
        try:
            # A timer left running past its contract's last day records the days up to it; the
            # rest is dropped and said so (it could otherwise only be discarded whole).
            result = self.app.ctx.timers.stop(discard=discard, within_contract=True)
        except CoappError as exc:
            self.message.emit(
                self.tr("The timer keeps running: {reason}").format(reason=translated(exc)), True
            )
            return
        self.state = None
        self._announce()
        if result is not None and result.dropped:
            self._said_split(result)
        elif result is not None and not sum(result.added.values()):
            self.message.emit(self.tr("Timer stopped after less than a minute; nothing was added."), False)
        elif result is not None:
            # Recorded (and made undoable) first: that clears the grid's message, this one stays.
            self.stopped.emit(result)
            total = sum(result.added.values())
            self.message.emit(
                self.tr("Timer stopped: {time} h added to {title}.").format(
                    time=format_minutes_always(total, HoursFormat.CLOCK), title=result.contract.title
                ),
                False,
            )

    def _said_split(self, result: StopResult) -> None:
        if sum(result.added.values()):
            self.stopped.emit(result)
        end = result.contract.end_date
        self.message.emit(
            self.tr(
                "Timer stopped: {time} h added to {title} up to its last day, {end}; {dropped} h after it were not recorded."  # noqa: E501
            ).format(
                time=format_minutes_always(sum(result.added.values()), HoursFormat.CLOCK),
                title=result.contract.title,
                end=end.isoformat() if end is not None else "",
                dropped=format_minutes_always(result.dropped, HoursFormat.CLOCK),
            ),
            False,
        )

    def drop_idle(self, minutes: int, *, stop: bool = False) -> None:
        """The person was away *minutes*: take them off the running timer (its start moves forward
        by as much), and stop it when asked. Keeping the time is doing nothing."""
        try:
            self.state = self.app.ctx.timers.drop_idle(minutes)
        except CoappError as exc:
            self.message.emit(error_text(exc), True)
            return
        if stop:
            self.stop()
            return
        self._announce()
        self.message.emit(
            self.tr("{minutes} min away were taken off the timer.").format(minutes=minutes), False
        )

    def _announce(self) -> None:
        if self.state is None:
            self._tick.stop()
        else:
            self._tick.start()
        self.changed.emit(self.state)
        self._emit_elapsed()

    def elapsed_text(self) -> str:
        """What the status bar and title show now; "" when no timer runs."""
        if self.state is None:
            return ""
        seconds = int((datetime.now(UTC) - self.state.started_at).total_seconds())
        return self.tr("Timer {elapsed} · {title}").format(
            elapsed=format_elapsed(seconds), title=self.state.contract.title
        )

    def _emit_elapsed(self) -> None:
        self.elapsedText.emit(self.elapsed_text())
