"""How much time a week is expected to hold: each contract's working day (its minutes per day) on
Monday to Friday within its period, public holidays excepted. The dashboard sets the hours reported
against it; later, utilisation in insights reads the same rule.

A contract's own working pattern is not modelled yet (every contract works weekdays); a part-time
contract states fewer minutes per day.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date

WORKDAYS = range(5)  # Monday..Friday (date.weekday())


def expected_minutes(
    days: Iterable[date], start: date, end: date | None, minutes_per_day: int, holidays: Collection[date]
) -> int:
    """Minutes one contract expects over *days*."""
    return sum(
        minutes_per_day
        for day in days
        if day.weekday() in WORKDAYS and day not in holidays and start <= day and (end is None or day <= end)
    )
