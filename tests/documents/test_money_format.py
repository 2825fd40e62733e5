"""Amounts, quantities and rates as each invoice language writes them; babel is loaded lazily."""

from __future__ import annotations

import string
import subprocess
import sys
from dataclasses import fields
from decimal import Decimal

import pytest

from coapp.documents.invoice_pdf_texts import EN, SV
from coapp.documents.money_format import (
    country_name,
    format_amount,
    format_date,
    format_minutes,
    format_money,
    format_percent,
    format_period,
    format_quantity,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "currency", "language", "expected"),
    [
        ("1234.5", "SEK", "sv", "1 234,50 kr"),
        ("1234.5", "SEK", "en", "SEK 1,234.50"),
        ("1234567.891", "SEK", "sv", "1 234 567,89 kr"),
        ("0.005", "SEK", "sv", "0,01 kr"),  # half up, not babel's half even
        ("0.025", "SEK", "en", "SEK 0.03"),
        ("-1234.5", "SEK", "sv", "-1 234,50 kr"),
        ("-1234.5", "NOK", "en", "-NOK 1,234.50"),
        ("99.9", "EUR", "sv", "99,90 EUR"),
        ("99.9", "DKK", "en", "DKK 99.90"),
    ],
)
def test_money(amount: str, currency: str, language: str, expected: str) -> None:
    formatted = format_money(Decimal(amount), currency, language)
    assert formatted.replace(NBSP, " ") == expected
    assert " " not in formatted  # never broken across two lines


def test_amount_without_currency() -> None:
    assert format_amount(Decimal("7362.5"), "sv").replace(NBSP, " ") == "7 362,50"
    assert format_amount(Decimal("7362.5"), "en") == "7,362.50"


@pytest.mark.parametrize(
    ("quantity", "decimals", "language", "expected"),
    [
        ("7.5", 2, "sv", "7,50"),
        ("7.75", 2, "en", "7.75"),
        ("0.11666", 2, "en", "0.1167"),
        ("1", 0, "sv", "1"),
        ("0.5", 0, "sv", "0,5"),
        ("-7.75", 2, "sv", "-7,75"),
    ],
)
def test_quantity(quantity: str, decimals: int, language: str, expected: str) -> None:
    assert format_quantity(Decimal(quantity), language, decimals) == expected


@pytest.mark.parametrize(
    ("quantity", "language", "expected"),
    [
        ("7.5000", "sv", "7,5"),  # 15-minute rounding: as billed, no trailing zeros
        ("7.2500", "sv", "7,25"),
        ("8.0000", "sv", "8"),
        ("7.5", "en", "7.5"),
        ("7.5167", "sv", "7,5167"),  # billed by the minute: what quantity × price was computed from
        ("1234.5", "en", "1,234.5"),
    ],
)
def test_quantity_as_billed(quantity: str, language: str, expected: str) -> None:
    assert format_quantity(Decimal(quantity), language) == expected


def test_dates_and_periods() -> None:
    from datetime import date

    day = date(2026, 11, 24)
    assert format_date(day, "sv") == "2026-11-24"
    assert format_date(day, "en") == "24 Nov 2026"
    assert format_date(day, "en", long=True) == "24 November 2026"
    assert format_period(date(2026, 11, 1), date(2026, 11, 30), "sv") == f"2026-11-01{NBSP}– 2026-11-30"
    assert format_period(date(2026, 11, 1), date(2026, 11, 30), "en") == "1–30 November 2026"
    assert format_period(date(2026, 10, 26), date(2026, 11, 1), "en") == "26 Oct – 1 Nov 2026"
    assert format_period(date(2026, 12, 28), date(2027, 1, 3), "en") == "28 Dec 2026 – 3 Jan 2027"
    assert format_period(day, day, "en") == "24 November 2026"


def test_percent_and_minutes_and_countries() -> None:
    assert format_percent(Decimal("25"), "sv") == f"25{NBSP}%"
    assert format_percent(Decimal("12.50"), "sv") == f"12,5{NBSP}%"
    assert format_percent(Decimal("25.5"), "en") == "25.5%"
    assert format_minutes(450) == "7:30"
    assert format_minutes(2265) == "37:45"
    assert format_minutes(5) == "0:05"
    assert country_name("DK", "sv") == "Danmark"
    assert country_name("NO", "en") == "Norway"
    assert country_name("XX", "en") == "XX"


def test_unknown_language_is_english() -> None:
    assert format_money(Decimal("1"), "SEK", "fi") == f"SEK{NBSP}1.00"


def test_importing_the_documents_pays_for_neither_babel_nor_fpdf() -> None:
    code = (
        "import sys, coapp.documents.invoice_pdf, coapp.documents.money_format;"
        "print(sorted(m for m in ('babel', 'fpdf', 'fontTools') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def _placeholders(text: object) -> set[str]:
    if isinstance(text, dict):
        return set().union(*(_placeholders(v) for v in text.values()))
    if isinstance(text, tuple):
        return set().union(*(_placeholders(v) for v in text))
    return {name for _, name, _, _ in string.Formatter().parse(str(text)) if name}


def test_swedish_and_english_texts_are_complete_with_the_same_placeholders() -> None:
    for field in fields(SV):
        sv, en = getattr(SV, field.name), getattr(EN, field.name)
        assert sv, field.name
        assert en, field.name
        assert _placeholders(sv) == _placeholders(en), field.name
        if isinstance(sv, dict):
            assert sv.keys() == en.keys(), field.name
