"""Invoice periods as people write them: a month, an ISO week, or a range of dates."""

from __future__ import annotations

import calendar
import re
from datetime import date

from coapp.domain.errors import ValidationError
from coapp.domain.weeks import IsoWeek

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$")
_WEEK = re.compile(r"^\d{4}-?W\d{1,2}$", re.IGNORECASE)


def parse_period(text: str) -> tuple[date, date]:
    """ "2026-11" (a month), "2026-W48" (an ISO week) or "2026-11-01..2026-11-15" (both days included)."""
    raw = text.strip()
    if m := _MONTH.match(raw):
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise ValidationError("“{raw}”: there is no month {month}", raw=raw, month=month)
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if _WEEK.match(raw):
        week = IsoWeek.parse(raw)
        return week.monday, week.sunday
    if m := _RANGE.match(raw):
        try:
            first, last = date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
        except ValueError:
            raise ValidationError("“{raw}” holds a day that is not in the calendar", raw=raw) from None
        if last < first:
            raise ValidationError("“{raw}”: the period ends before it starts", raw=raw)
        return first, last
    raise ValidationError(
        "“{raw}” is not a period; write 2026-11, 2026-W48 or 2026-11-01..2026-11-15", raw=raw
    )
