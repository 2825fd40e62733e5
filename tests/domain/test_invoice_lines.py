"""Readable invoice lines: the day's date and note on each line, the service written once above them,
quantities as the contract's rounding gives them with the raw minutes beside."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.invoice_lines import LineMode, Terms, TimeItem, build_time_lines, line_heading
from coapp.domain.invoices import InvoiceLine, VatCategory

DAY = date(2026, 11, 23)


def _lines(rule: str, mode: LineMode = LineMode.PER_DAY, language: str = "sv") -> list[InvoiceLine]:
    items = [TimeItem(DAY, 451, "API design"), TimeItem(date(2026, 11, 24), 60, "")]
    terms = Terms("Backend", FeeModel.HOURLY, Decimal(950), 480, RoundingRule.parse(rule))
    return build_time_lines(items, terms, mode, Decimal(25), VatCategory.STANDARD, language)


def test_each_day_line_says_what_was_done_and_when_the_service_is_written_once() -> None:
    first, second = _lines("up:15:entry")
    assert (first.day, first.description) == (DAY, "API design")
    assert (second.day, second.description) == (date(2026, 11, 24), "2026-11-24")  # no note: its date
    assert line_heading("Backend", "sv") == "Konsulttjänster: Backend"
    assert line_heading("Backend", "en") == "Consulting services: Backend"
    assert all("Konsulttjänster" not in line.description for line in (first, second))


def test_quantities_follow_the_contracts_rounding_and_keep_the_raw_minutes() -> None:
    [rounded, _] = _lines("up:15:entry")
    assert (rounded.quantity, rounded.raw_minutes, rounded.billed_minutes) == (Decimal("7.75"), 451, 465)
    [tenths, _] = _lines("nearest:6:entry")
    assert (tenths.quantity, tenths.raw_minutes) == (Decimal("7.5"), 451)
    # Only a contract that bills per minute bills the minute: 451 min is 7.5167 h there.
    [per_minute, _] = _lines("none")
    assert (per_minute.quantity, per_minute.raw_minutes, per_minute.billed_minutes) == (
        Decimal("7.5167"),
        451,
        451,
    )


def test_a_week_line_names_its_week_and_the_notes() -> None:
    [week] = _lines("up:15:entry", LineMode.PER_WEEK)
    assert week.description == "v. 48: API design"
    assert week.day is None
    assert (week.first_day, week.last_day) == (DAY, date(2026, 11, 24))
