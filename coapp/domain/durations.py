"""Durations typed by people, kept as integer minutes.

Accepted: "7,5" and "7.5" (decimal hours), "7:30" (clock), "7h30m", "7h", "30m", "7 h 30 min",
"" and "0" (nothing). Fractions of a minute are rounded half up, so "0,01" is one minute.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from coapp.domain.errors import DurationError

MINUTES_PER_DAY = 24 * 60
_MAX_TEXT = 32

_DECIMAL = re.compile(r"^(\d{1,4})?(?:[.,](\d{1,6}))?$")
_CLOCK = re.compile(r"^(\d{1,4}):(\d{2})$")
_UNITS = re.compile(
    r"^(?:(?P<h>\d{1,4}(?:[.,]\d{1,6})?)\s*(?:h|t|tim|timmar|hours?|hrs?))?"
    r"\s*(?:(?P<m>\d{1,5})\s*(?:m|min|minutes?|minuter))?$"
)


class HoursFormat(StrEnum):
    DECIMAL = "decimal"  # 7,5 or 7.5 depending on the locale's separator
    CLOCK = "clock"  # 7:30


def _hours_to_minutes(text: str) -> int:
    try:
        hours = Decimal(text.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the regexes admit only digits
        raise DurationError("“{text}” is not a number of hours", text=text) from exc
    return int((hours * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_duration(text: str) -> int:
    """Return the minutes a person means by *text*; raise DurationError otherwise."""
    if not isinstance(text, str):
        raise DurationError("a duration must be text")
    raw = text.strip().lower()
    if len(raw) > _MAX_TEXT:
        raise DurationError("that is too long to be a duration")
    if raw.startswith(("-", "−")):
        raise DurationError("time cannot be negative")
    if raw == "":
        return 0
    if m := _DECIMAL.match(raw):
        if m.group(1) is None and m.group(2) is None:
            raise DurationError("“{text}” is not a duration; try 7,5 or 7:30", text=text.strip())
        minutes = _hours_to_minutes(raw)
    elif m := _CLOCK.match(raw):
        hours, mins = int(m.group(1)), int(m.group(2))
        if mins >= 60:
            raise DurationError("“{text}”: minutes must be below 60", text=text.strip())
        minutes = hours * 60 + mins
    elif (m := _UNITS.match(raw)) and (m.group("h") or m.group("m")):
        minutes = (_hours_to_minutes(m.group("h")) if m.group("h") else 0) + int(m.group("m") or 0)
    else:
        raise DurationError("“{text}” is not a duration; try 7,5 or 7:30 or 7h30m", text=text.strip())
    if minutes == 0 and any(ch in "123456789" for ch in raw):
        # "0,001" is not nothing, but it is less than a minute: clearing the cell would surprise.
        raise DurationError(
            "“{text}” is less than a minute; time is kept in whole minutes", text=text.strip()
        )
    if minutes > MINUTES_PER_DAY:
        raise DurationError("a day has at most 24 hours")
    return minutes


def format_minutes(minutes: int, fmt: HoursFormat = HoursFormat.DECIMAL, decimal_sep: str = ".") -> str:
    """Format minutes for display; 0 shows as an empty string so empty days stay quiet."""
    if minutes == 0:
        return ""
    return format_minutes_always(minutes, fmt, decimal_sep)


def format_minutes_always(
    minutes: int, fmt: HoursFormat = HoursFormat.DECIMAL, decimal_sep: str = "."
) -> str:
    """Format minutes, showing zero as "0" (totals, exports)."""
    if fmt is HoursFormat.CLOCK:
        return f"{minutes // 60}:{minutes % 60:02d}"
    # Two decimals are enough to parse back to the same whole minute (error ≤ 0.3 min).
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = format(hours.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", decimal_sep)
