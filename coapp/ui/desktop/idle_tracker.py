"""When was the person away while a timer ran, and for how long: pure logic over readings of an
idle source (seconds since the last input, a locked screen) taken at each tick, with a big jump of
wall-clock time between two ticks read as a suspend (the machine slept: nobody worked).

Kept free of Qt and of the clock so tests can walk through an afternoon in a few lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

SUSPEND_SLACK = timedelta(seconds=60)  # a late tick is not a suspend; a gap this much longer is
INPUT_JITTER = timedelta(seconds=1)  # idle times come in whole seconds: the same input read twice


@dataclass(frozen=True)
class IdleReading:
    seconds: int | None  # since the last keyboard or mouse input; None where it cannot be known
    locked: bool = False  # the screen is locked (or its saver runs): away, whatever the input says


class IdleTracker:
    """Between two ticks the source says when the last input was. While that moment stays put the
    person is away; when it moves, they are back, and the time away ran from the input before the
    stretch without input (or the last tick before a suspend or a lock) to the input now seen."""

    def __init__(self, interval: timedelta) -> None:
        self.interval = interval
        self.away_since: datetime | None = None  # a lock or a suspend began then
        self._quiet_from: datetime | None = None  # the last input, as of the last tick
        self._last_tick: datetime | None = None

    def reset(self) -> None:
        """A timer started, stopped or changed: what came before is not this timer's time."""
        self.away_since = None
        self._quiet_from = None
        self._last_tick = None

    def _away_from(self, moment: datetime) -> None:
        self.away_since = moment if self.away_since is None else min(self.away_since, moment)

    def tick(self, now: datetime, reading: IdleReading, threshold_minutes: int, started: datetime) -> int:
        """Whole minutes the person was away, when they have just come back after at least
        *threshold_minutes*; 0 otherwise. Never counts time before the timer's *started*."""
        last, self._last_tick = self._last_tick, now
        if last is not None and now - last > self.interval + SUSPEND_SLACK:
            self._away_from(last)  # asleep since the last tick that ran
        idle = max(0, reading.seconds) if reading.seconds is not None else None
        if reading.locked:
            self._away_from(now - timedelta(seconds=idle or 0))
            return 0
        quiet_from = self._quiet_from
        if idle is None:
            back = now  # nothing known of input: back when the machine runs and is unlocked
        else:
            back = now - timedelta(seconds=idle)
            if quiet_from is not None and back <= quiet_from + INPUT_JITTER:
                return 0  # no input since the last tick: still away, or just reading quietly
            self._quiet_from = back
        starts = [moment for moment in (self.away_since, quiet_from) if moment is not None]
        self.away_since = None
        if not starts:
            return 0
        minutes = int((back - max(min(starts), started)).total_seconds() // 60)
        return minutes if minutes >= max(1, threshold_minutes) else 0
