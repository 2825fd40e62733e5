"""ISO weeks: the grid shows Monday..Sunday of one ISO week."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from coapp.domain.errors import ValidationError

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    def __post_init__(self) -> None:
        # date.fromisocalendar validates the week number for the year (52 or 53 weeks).
        try:
            date.fromisocalendar(self.year, self.week, 1)
        except ValueError as exc:
            raise ValidationError("{year} has no week {week}", year=self.year, week=self.week) from exc

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        m = _WEEK.match(text.strip())
        if not m:
            raise ValidationError("“{text}” is not an ISO week; write it like 2026-W48", text=text)
        return cls(int(m.group(1)), int(m.group(2)))

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def days(self) -> list[date]:
        monday = self.monday
        return [monday + timedelta(days=i) for i in range(7)]

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"
