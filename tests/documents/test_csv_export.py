"""CSV exports read back with the csv module: no cell a spreadsheet would evaluate as a formula
(OWASP CSV injection), numbers in numeric columns left as numbers, text otherwise unchanged."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.documents.csv_export import Figure, invoices_csv, neutralise, time_csv
from coapp.domain.contracts import RoundingMode, RoundingRule
from coapp.domain.invoice_lines import TimeItem
from coapp.domain.invoices import InvoiceKind, InvoiceState

NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def evaluated(cell: str) -> bool:
    """Would Excel, LibreOffice or Google Sheets take this cell for a formula (or a DDE call)?"""
    if NUMBER.fullmatch(cell):
        return False  # a plain number: a value, even with its minus sign
    first, first_visible = cell[:1], cell.lstrip(" \t\r\n\u00a0\u3000")[:1]
    return first in ("\t", "\r", "\n") or first_visible in ("=", "+", "-", "@")


@dataclass(frozen=True)
class Listing:
    number: str | None
    contract_title: str
    net: Decimal
    vat: Decimal
    total: Decimal
    kind: InvoiceKind = InvoiceKind.INVOICE
    state: InvoiceState = InvoiceState.CONFIRMED
    issue_date: date = date(2026, 11, 30)
    due_date: date = date(2026, 12, 30)
    period_start: date = date(2026, 11, 1)
    period_end: date = date(2026, 11, 30)
    currency: str = "SEK"


def read(text: str, language: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if language == "sv" else ","))


AMOUNTS = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(
    title=st.text(),
    number=st.one_of(st.none(), st.text()),
    amounts=st.tuples(AMOUNTS, AMOUNTS, AMOUNTS),
    language=st.sampled_from(["sv", "en"]),
)
def test_invoice_list_has_no_formula_cell(
    title: str, number: str | None, amounts: tuple[Decimal, Decimal, Decimal], language: str
) -> None:
    net, vat, total = amounts
    rows = read(invoices_csv([Listing(number, title, net, vat, total)], language), language)
    assert len(rows) == 2
    header, row = rows
    assert not [cell for cell in header + row if evaluated(cell)]
    # Text is kept, marked as text only where it had to be; numbers stay plain numbers.
    assert row[0] in (number or "", "'" + (number or ""))
    assert row[3] in (title, "'" + title)
    decimal = "," if language == "sv" else "."
    assert row[9:] == [format(a, "f").replace(".", decimal) for a in amounts]


@given(notes=st.lists(st.text(), min_size=1, max_size=5), language=st.sampled_from(["sv", "en"]))
def test_time_export_has_no_formula_cell(notes: list[str], language: str) -> None:
    items = [TimeItem(date(2026, 11, 2 + i), 451 + i, note) for i, note in enumerate(notes)]
    rows = read(time_csv(items, RoundingRule(RoundingMode.UP, 15), language), language)
    assert len(rows) == len(notes) + 2
    assert not [cell for row in rows for cell in row if evaluated(cell)]
    for row, note in zip(rows[1:], notes, strict=False):
        assert row[5] in (note, "'" + note)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+46 8 123", "'+46 8 123"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("Backend för betalningar", "Backend för betalningar"),
        ("2026-0042", "2026-0042"),
        ("", ""),
    ],
)
def test_neutralise_prefixes_a_single_quote(text: str, written: str) -> None:
    assert neutralise(text) == written


def test_a_negative_amount_stays_a_number() -> None:
    # A credit note's amounts: the numeric columns are written as the numbers they are.
    amounts = Decimal("-36100.00"), Decimal("-9025.00"), Decimal("-45125.00")
    listing = Listing("2026-0043", "-Backend", *amounts)
    row = read(invoices_csv([listing], "sv"), "sv")[1]
    assert row[3] == "'-Backend"
    assert row[9:] == ["-36100,00", "-9025,00", "-45125,00"]


def test_a_credit_note_counts_against_the_invoices() -> None:
    """Positive on the document (UBL's convention), signed in the list as on screen: the Total
    column sums to what was invoiced."""
    invoice = Listing("2026-0042", "Backend", Decimal("36100.00"), Decimal("9025.00"), Decimal("45125.00"))
    credit = dataclasses.replace(invoice, number="2026-0043", kind=InvoiceKind.CREDIT_NOTE)
    rows = read(invoices_csv([invoice, credit], "en"), "en")
    assert rows[2][1] == "credit_note"
    assert rows[2][9:] == ["-36100.00", "-9025.00", "-45125.00"]
    assert sum(Decimal(row[11]) for row in rows[1:]) == 0


def test_a_figure_is_a_plain_number_only() -> None:
    assert Figure("-7,5").text == "-7,5"
    for text in ("=1+1", "-1+2", "7,5 h", ""):
        with pytest.raises(ValueError, match="not a plain number"):
            Figure(text)


def test_time_export_rows_and_total() -> None:
    items = [TimeItem(date(2026, 11, 3), 451, "=cmd|' /C calc'!A0"), TimeItem(date(2026, 11, 2), 450, "Kod")]
    text = time_csv(items, RoundingRule(RoundingMode.UP, 15), "sv")
    assert read(text, "sv") == [
        ["Datum", "Rapporterat (min)", "Fakturerat (min)", "Rapporterat (h)", "Fakturerat (h)", "Anteckning"],
        ["2026-11-02", "450", "450", "7,5", "7,5", "Kod"],
        ["2026-11-03", "451", "465", "7,52", "7,75", "'=cmd|' /C calc'!A0"],
        ["Summa", "901", "915", "15,02", "15,25", ""],
    ]
