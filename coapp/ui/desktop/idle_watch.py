"""Watches for time away while a timer runs and asks what to do with it when the person is back
(coapp.ui.desktop.idle_dialog). Ticks only while a timer runs and the preference asks; the timer
itself changes through the window's TimerController, as everywhere else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

from coapp.ui.desktop.idle_dialog import IdleChoice, IdleDialog
from coapp.ui.desktop.idle_tracker import IdleTracker

if TYPE_CHECKING:
    from coapp.services.timers import TimerState
    from coapp.ui.desktop.idle_sources import IdleSource
    from coapp.ui.main_window import MainWindow

TICK_MS = 30_000


class IdleWatcher(QObject):
    def __init__(
        self,
        window: MainWindow,
        source: IdleSource | None = None,
        clock: Callable[[], datetime] | None = None,
        interval_ms: int = TICK_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.source = source
        self.clock = clock or (lambda: datetime.now(UTC))
        self.tracker = IdleTracker(timedelta(milliseconds=interval_ms))
        self.dialog: IdleDialog | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(interval_ms)
        self._tick.timeout.connect(self.tick)
        window.timesheet.timer.changed.connect(self._timer_changed)
        self._timer_changed(window.timesheet.timer.state)

    def _timer_changed(self, state: TimerState | None) -> None:
        self.tracker.reset()
        if state is not None:  # the preference is read at each tick: it may change meanwhile
            self._tick.start()
        else:
            self._tick.stop()

    def tick(self) -> IdleDialog | None:
        """Read the idle source; ask when the person is back after long enough away."""
        state = self.window.timesheet.timer.state
        threshold = self.window.state.settings.idle_minutes
        if state is None or threshold <= 0 or self.dialog is not None or self.window.closing:
            return None
        if self.source is None:  # found at the first tick: ctypes and D-Bus stay off the start path
            from coapp.ui.desktop.idle_sources import system_idle_source

            self.source = system_idle_source(QGuiApplication.platformName())
        minutes = self.tracker.tick(self.clock(), self.source.read(), threshold, state.started_at)
        return self.ask(minutes, state.contract.title) if minutes else None

    def ask(self, minutes: int, title: str) -> IdleDialog:
        self.dialog = IdleDialog(minutes, title, self.window)
        self.dialog.chosen.connect(self._chosen)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()
        return self.dialog

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _chosen(self, choice: IdleChoice, minutes: int) -> None:
        timer = self.window.timesheet.timer
        if choice is IdleChoice.DROP:
            timer.drop_idle(minutes)
        elif choice is IdleChoice.DROP_AND_STOP:
            timer.drop_idle(minutes, stop=True)
