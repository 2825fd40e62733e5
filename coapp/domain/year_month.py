"""A month of the calendar (YYYY-MM): when a job, a degree or a certificate started or ended.

Resumes speak in months, not days; storing a day would invent a precision nobody typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from coapp.domain.errors import ValidationError

_YEAR_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
FIRST_YEAR = 1900
LAST_YEAR = 2100


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValidationError(
                "the year {year} is not between {first_year} and {last_year}",
                year=self.year,
                first_year=FIRST_YEAR,
                last_year=LAST_YEAR,
            )
        if not 1 <= self.month <= 12:
            raise ValidationError("the month {month} is not between 01 and 12", month=self.month)

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        raw = " ".join(str(text).split())
        m = _YEAR_MONTH.match(raw)
        if not m:
            shown = raw if len(raw) <= 40 else raw[:40] + "…"
            raise ValidationError("“{shown}” is not a month; write it like 2024-03", shown=shown)
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: date) -> YearMonth:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def check_period(start: YearMonth, end: YearMonth | None, current: bool, what: str) -> None:
    """The rule every dated section shares: an end is not before the start, and "current" has no end."""
    if current and end is not None:
        raise ValidationError(
            "{what} is current, so it has no end month; leave out the end or “current”", what=what
        )
    if end is not None and end < start:
        raise ValidationError(
            "{what} ends ({end}) before it starts ({start})", what=what, end=end, start=start
        )
