"""Setting one field of the profile from typed text (the CLI's `profile set FIELD VALUE`, later the
form's fields): the text is parsed here, the rules are PersonalDetails' own."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from coapp.domain.errors import ValidationError
from coapp.domain.profile import PersonalDetails, parse_amount
from coapp.domain.profile_text import clean_line

DETAIL_FIELDS = (
    "name",
    "title",
    "email",
    "phone",
    "city",
    "country",
    "hourly_rate",
    "daily_rate",
    "currency",
    "available_from",
    "availability_percent",
)
SETTABLE_FIELDS = (*DETAIL_FIELDS, "letter")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _date(text: str) -> date | None:
    raw = text.strip()
    if not raw:
        return None
    if _ISO_DATE.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise ValidationError("“{raw}” is not a date in the calendar", raw=raw) from None
    raise ValidationError("“{raw}” is not a date; write it like 2026-11-23", raw=raw[:30])


def _percent(text: str) -> int | None:
    raw = text.strip().removesuffix("%").strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit():
        raise ValidationError(
            "“{text}” is not a percentage; write a whole number, 1 to 100", text=text.strip()[:20]
        )
    return int(raw)


def _currency(text: str) -> str:
    return clean_line(text, "the currency", max_length=3, required=True).upper()


_PARSERS: dict[str, Any] = {
    "hourly_rate": lambda t: parse_amount(t, "hourly rate"),
    "daily_rate": lambda t: parse_amount(t, "daily rate"),
    "available_from": _date,
    "availability_percent": _percent,
    "currency": _currency,
}


def check_field_name(name: str) -> str:
    field = name.strip().lower().replace("-", "_")
    if field not in SETTABLE_FIELDS:
        choices = ", ".join(SETTABLE_FIELDS)
        raise ValidationError(
            "“{name}” is not a profile field; use one of {choices}", name=name[:30], choices=choices
        )
    return field


def with_detail(details: PersonalDetails, field: str, text: str) -> PersonalDetails:
    """The details with one field set from typed text ("" clears it); validated as a whole, so a
    currency change is refused when a rate has more decimals than the new currency allows."""
    if field not in DETAIL_FIELDS:
        raise ValidationError("“{field}” is not one of the personal details", field=field)
    parse = _PARSERS.get(field)
    value: Any = parse(text) if parse else text
    return replace(details, **{field: value})
