"""How much time a week is expected to hold: each contract's working day (its minutes per day) on
Monday to Friday within its period, public holidays excepted. The dashboard sets the hours reported
against it; utilisation in insights reads the same rule.

A person works one working day however many contracts share it: the day's expected time is the
longest working day among the contracts running that day, not their sum (three overlapping
contracts of eight hours expect eight hours, not twenty-four; a day-rate contract's minutes per day
is also the length of the day it bills, so it cannot be made smaller to say "one day a week").

A contract's own working pattern is not modelled yet (every contract works weekdays).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class WorkingDay:
    """A contract as the rule reads it: its period and the length of its working day."""

    start: date
    end: date | None
    minutes_per_day: int

    def runs_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def expected_total(
    days: Iterable[date], contracts: Collection[WorkingDay], holidays: Collection[date]
) -> int:
    """Minutes one person is expected to work over *days*: on each weekday that is no holiday, the
    longest working day among the contracts running then (0 when none runs)."""
    return sum(
        max((c.minutes_per_day for c in contracts if c.runs_on(day)), default=0)
        for day in days
        if day.weekday() in WORKDAYS and day not in holidays
    )
