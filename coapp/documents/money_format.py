"""Amounts, quantities, rates and dates as people in each invoice language write them.

"1 234,50 kr" in Swedish, "SEK 1,234.50" in English; dates "2026-11-24" in Swedish (the Swedish
standard), "24 Nov 2026" in English (a month name is unambiguous on both sides of the Atlantic, where
24/11 and 11/24 are not). Babel is imported inside the functions so that
starting the app never pays for it; the first formatted amount does. Values are rounded half up here
(babel would round half to even) although amounts arrive already rounded to cents.
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

_LOCALES = {"sv": "sv_SE", "en": "en_GB"}
_CENT = Decimal("0.01")
_QUANTITY_STEP = Decimal("0.0001")
# What a Swedish reader calls the home currency; other currencies show their ISO code.
_SWEDISH_SYMBOLS = {"SEK": "kr"}
NBSP = "\u00a0"


@functools.cache
def _locale(language: str) -> Locale:
    from babel import Locale

    return Locale.parse(_LOCALES.get(language, _LOCALES["en"]))


def _decimal(value: Decimal, pattern: str, language: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale=_locale(language))


def format_amount(amount: Decimal, language: str) -> str:
    """Two decimals with the language's separators, no currency: "1 234,50" / "1,234.50"."""
    return _decimal(amount.quantize(_CENT, rounding=ROUND_HALF_UP), "#,##0.00", language)


def format_money(amount: Decimal, currency: str, language: str) -> str:
    """ "1 234,50 kr" / "1 234,50 EUR" in Swedish, "SEK 1,234.50" in English; never broken across lines."""
    number = format_amount(amount, language)
    if language == "sv":
        return f"{number}{NBSP}{_SWEDISH_SYMBOLS.get(currency, currency)}"
    if number.startswith("-"):
        return f"-{currency}{NBSP}{number[1:]}"
    return f"{currency}{NBSP}{number}"


def format_quantity(quantity: Decimal, language: str, min_decimals: int = 0) -> str:
    """As billed, at most four decimals: "7,5", "7,25", "8", and "7,5167" only when the contract
    bills by the minute (the quantity × the price is the line's amount, so nothing is rounded away)."""
    pattern = "#,##0." + "0" * min_decimals + "#" * (4 - min_decimals)
    return _decimal(quantity.quantize(_QUANTITY_STEP, rounding=ROUND_HALF_UP), pattern, language)


def format_percent(rate: Decimal, language: str) -> str:
    """A rate given in percent: "25 %" and "12,5 %" in Swedish, "25%" and "12.5%" in English."""
    number = _decimal(rate.quantize(_QUANTITY_STEP, rounding=ROUND_HALF_UP), "#,##0.####", language)
    return f"{number}{NBSP}%" if language == "sv" else f"{number}%"


def format_minutes(minutes: int) -> str:
    """Reported time as hours and minutes: 450 → "7:30"."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{rest:02d}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip


def format_date(day: date, language: str, *, long: bool = False) -> str:
    """ "2026-11-24" in Swedish; "24 Nov 2026" (or `long`: "24 November 2026") in English."""
    if language == "sv":
        return day.isoformat()
    month = _MONTHS[day.month - 1]
    return f"{day.day} {month if long else month[:3]} {day.year}"


def format_period(start: date, end: date, language: str) -> str:
    """ "2026-11-01 – 2026-11-30" in Swedish; "1–30 November 2026" or "28 Oct – 3 Nov 2026" in English."""
    if language == "sv":
        return f"{start.isoformat()}{NBSP}– {end.isoformat()}"  # if it must break, after the dash
    if start == end:
        return format_date(start, language, long=True)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, language, long=True)}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1][:3]} – {format_date(end, language)}"
    return f"{format_date(start, language)} – {format_date(end, language)}"


def country_name(code: str, language: str) -> str:
    """ "DK" → "Danmark" / "Denmark"; an unknown code is shown as it is."""
    return _locale(language).territories.get(code.upper(), code)
