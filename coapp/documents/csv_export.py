"""CSV exports: the invoice list, and the time behind one invoice.

Swedish spreadsheets expect ";" between fields and a decimal comma; English ones "," and a point.
Dates are ISO 8601 either way, so every spreadsheet reads them as dates. In the invoice list a credit
note's amounts count against the invoices (the domain's `signed_total`, as the list on screen shows
them), so the columns sum to what was invoiced; its document itself prints them positive.

CSV injection (OWASP): contract titles come from the platform and notes from the user, and a
spreadsheet evaluates a cell that starts with "=", "+", "-" or "@" (and, in some programs, one
that starts with a tab or carriage return, or with those after leading blanks) as a formula. Every
text cell that could be read so gets a leading single quote, which spreadsheets take as "this is
text". Numeric columns (amounts, minutes, hours) are not text: they are formatted here from Decimal
and int, never from free text, and written as they are, so a credit note's "-45125,00" stays a
number. A `Figure` refuses anything that is not a plain number, so text cannot slip through the
numeric path unquoted.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Protocol

from coapp.domain.contracts import RoundingRule
from coapp.domain.durations import HoursFormat, format_minutes_always
from coapp.domain.invoice_lines import TimeItem
from coapp.domain.invoices import InvoiceKind, signed_total

# What makes Excel, LibreOffice Calc or Google Sheets read a cell as a formula (or DDE call).
FORMULA_START = frozenset("=+-@\t\r\n")
_BLANKS = " \t\r\n\u00a0\u3000"
_PLAIN_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def neutralise(text: str) -> str:
    """The text as a spreadsheet shows it but never evaluates: "'=1+1" for "=1+1"."""
    if text and (text[0] in FORMULA_START or text.lstrip(_BLANKS)[:1] in FORMULA_START):
        return "'" + text
    return text


@dataclass(frozen=True)
class Figure:
    """A cell of a numeric column, already formatted: written as it is, sign included."""

    text: str

    def __post_init__(self) -> None:
        if not _PLAIN_NUMBER.fullmatch(self.text):
            raise ValueError(f"not a plain number: {self.text!r}")


Cell = str | Figure


@dataclass(frozen=True)
class CsvStyle:
    delimiter: str
    decimal: str

    @classmethod
    def for_language(cls, language: str) -> CsvStyle:
        return cls(";", ",") if language == "sv" else cls(",", ".")


class InvoiceListing(Protocol):
    """What the list export reads of an invoice (the invoice list's summaries have it)."""

    number: str | None
    kind: Enum
    state: Enum
    contract_title: str
    issue_date: date
    due_date: date
    period_start: date
    period_end: date
    currency: str
    net: Decimal
    vat: Decimal
    total: Decimal


_INVOICE_HEADER = {
    "sv": ["Nummer", "Typ", "Status", "Uppdrag", "Fakturadatum", "Förfallodatum", "Period från",
           "Period till", "Valuta", "Netto", "Moms", "Att betala"],
    "en": ["Number", "Kind", "State", "Assignment", "Issue date", "Due date", "Period from", "Period to",
           "Currency", "Net", "VAT", "Total"],
}  # fmt: skip
_TIME_HEADER = {
    "sv": [
        "Datum",
        "Rapporterat (min)",
        "Fakturerat (min)",
        "Rapporterat (h)",
        "Fakturerat (h)",
        "Anteckning",
    ],
    "en": ["Date", "Reported (min)", "Billed (min)", "Reported (h)", "Billed (h)", "Note"],
}


def _write(rows: Iterable[Sequence[Cell]], style: CsvStyle) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=style.delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([cell.text if isinstance(cell, Figure) else neutralise(cell) for cell in row])
    return out.getvalue()


def _amount(value: Decimal, style: CsvStyle) -> Figure:
    return Figure(format(value, "f").replace(".", style.decimal))


def _minutes(minutes: int) -> Figure:
    return Figure(str(minutes))


def _hours(minutes: int, style: CsvStyle) -> Figure:
    return Figure(format_minutes_always(minutes, HoursFormat.DECIMAL, style.decimal))


def invoices_csv(rows: Iterable[InvoiceListing], language: str = "sv") -> str:
    style = CsvStyle.for_language(language)
    body: list[list[Cell]] = []
    for r in rows:
        kind = InvoiceKind(r.kind.value)
        net, vat, total = (signed_total(kind, amount) for amount in (r.net, r.vat, r.total))
        body.append([
            r.number or "", r.kind.value, r.state.value, r.contract_title, r.issue_date.isoformat(),
            r.due_date.isoformat(), r.period_start.isoformat(), r.period_end.isoformat(), r.currency,
            _amount(net, style), _amount(vat, style), _amount(total, style),
        ])  # fmt: skip
    return _write([_INVOICE_HEADER.get(language, _INVOICE_HEADER["en"]), *body], style)


def time_csv(items: Iterable[TimeItem], rounding: RoundingRule, language: str = "sv") -> str:
    """One row per day, raw and billed side by side, then a total row."""
    style = CsvStyle.for_language(language)
    rows: list[list[Cell]] = [list(_TIME_HEADER.get(language, _TIME_HEADER["en"]))]
    raw_total = billed_total = 0
    for item in sorted(items, key=lambda i: i.day):
        billed = rounding.apply(item.minutes)
        raw_total, billed_total = raw_total + item.minutes, billed_total + billed
        rows.append(
            [
                item.day.isoformat(),
                _minutes(item.minutes),
                _minutes(billed),
                _hours(item.minutes, style),
                _hours(billed, style),
                item.note,
            ]
        )
    rows.append(["Summa" if language == "sv" else "Total", _minutes(raw_total), _minutes(billed_total),
                 _hours(raw_total, style), _hours(billed_total, style), ""])  # fmt: skip
    return _write(rows, style)


# For other exports built from these cells (coapp.services.insights_export).
write_rows = _write
amount_cell = _amount
hours_cell = _hours
minutes_cell = _minutes
