"""A running timer turns into minutes on local work dates when it stops.

The start and stop instants are UTC; the IANA zone decides which local date each minute belongs
to. Real elapsed minutes are counted, so a timer across a DST change records the time that
actually passed, and a timer across midnight is split between the two dates.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from coapp.domain.errors import ValidationError


def split_at_midnight(start_utc: datetime, stop_utc: datetime, zone: str) -> dict[date, int]:
    """Whole elapsed minutes per local date between two aware UTC instants."""
    if start_utc.tzinfo is None or stop_utc.tzinfo is None:
        raise ValueError("timer instants must be timezone-aware")
    if stop_utc < start_utc:
        raise ValidationError("the timer stopped before it started (was the clock changed?)")
    tz = ZoneInfo(zone)
    result: dict[date, int] = {}
    cursor = start_utc
    # Floor whole minutes against the total so per-day parts add up to the timer's elapsed time.
    total = int((stop_utc - start_utc).total_seconds() // 60)
    counted = 0
    while cursor < stop_utc:
        local_day = cursor.astimezone(tz).date()
        segment_end = min(_next_midnight(cursor, local_day, tz), stop_utc)
        elapsed_so_far = int((segment_end - start_utc).total_seconds() // 60)
        part = elapsed_so_far - counted
        if part > 0:
            result[local_day] = result.get(local_day, 0) + part
        counted = elapsed_so_far
        cursor = segment_end
    assert counted == total
    return result


def _next_midnight(cursor: datetime, local_day: date, tz: ZoneInfo) -> datetime:
    """The first instant after *cursor* at which *local_day* ends.

    Where clocks fall back across midnight (Newfoundland until 2011: 00:01 back to 23:01), the
    first 00:00 of the next day lies before a cursor in the repeated hour; the second one ends it.
    """
    for fold in (0, 1):
        midnight = datetime.combine(local_day + timedelta(days=1), time(0), tz).replace(fold=fold)
        candidate = midnight.astimezone(UTC)
        if candidate > cursor:
            return candidate
    return datetime.max.replace(tzinfo=UTC)  # pragma: no cover - no zone goes back a whole day


def local_minutes_in_day(day: date, zone: str) -> int:
    """Length of a local calendar day in minutes (1380 or 1500 on DST change days)."""
    tz = ZoneInfo(zone)
    start = datetime.combine(day, time(0), tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tz).astimezone(UTC)
    return int((end - start).total_seconds() // 60)


def within_period(
    minutes_per_day: dict[date, int], first: date, last: date | None
) -> tuple[dict[date, int], int]:
    """A stopped timer's minutes split at a contract's period: the days inside it, and how many
    minutes fell outside (a timer left running after the contract's last day). The two add up to
    the timer's elapsed minutes, so nothing is counted twice and the dropped part can be said."""
    kept = {day: m for day, m in minutes_per_day.items() if first <= day and (last is None or day <= last)}
    dropped = sum(minutes_per_day.values()) - sum(kept.values())
    return kept, dropped
