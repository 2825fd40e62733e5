"""The invoice lines: description with its notes, date(s), quantity (billed, and reported → billed
time when the contract's rounding changed it), unit price, VAT rate and amount.

Each row is measured before it is drawn and moves to the next page whole; only a row taller than a
page (pages of notes) is split, line by line. The page header hook calls `header` while the table is
`active`, so the column titles repeat on every page the table reaches.
"""

from __future__ import annotations

from dataclasses import dataclass

from coapp.documents.invoice_pdf_canvas import (
    ACCENT,
    GAP,
    LEFT,
    LINE,
    MUTED,
    ROW,
    SMALL,
    SMALL_LINE,
    Canvas,
)
from coapp.documents.invoice_pdf_texts import Texts
from coapp.documents.money_format import format_amount, format_minutes, format_percent, format_quantity
from coapp.domain.invoices import InvoiceDocument, InvoiceLine, Unit

PAD = 1.6  # above and below each row


@dataclass(frozen=True)
class Column:
    x: float
    width: float
    align: str  # "L" or "R"


def _columns(*spec: tuple[float, str]) -> tuple[Column, ...]:
    columns, x = [], LEFT
    for width, align in spec:
        columns.append(Column(x, width, align))
        x += width
    return tuple(columns)


DESCRIPTION, DATE, QUANTITY, UNIT_PRICE, VAT, AMOUNT = COLUMNS = _columns(
    (72, "L"), (24, "L"), (22, "R"), (20, "R"), (12, "R"), (24, "R")
)


class LinesTable:
    def __init__(self, canvas: Canvas, doc: InvoiceDocument, texts: Texts) -> None:
        self.c, self.doc, self.t, self.lang = canvas, doc, texts, doc.language
        self.active = False

    def draw(self, y: float) -> float:
        y = self.c.ensure_room(y, 20)
        y = self.header(y)
        self.active = True
        for line in self.doc.lines:
            y = self._row(y, line)
        self.active = False
        return y

    def header(self, y: float) -> float:
        t = self.t
        labels = (t.description, t.date, t.quantity, t.unit_price, t.vat, f"{t.amount} ({self.doc.currency})")
        self.c.font(SMALL, bold=True, color=MUTED)
        for column, label in zip(COLUMNS, labels, strict=True):
            self.c.put(column.x, y, column.width, label, align=column.align, h=SMALL_LINE + 1)
        y += SMALL_LINE + 2
        self.c.rule(y, color=ACCENT, width=0.35)
        return y + 0.6

    def _dates(self, line: InvoiceLine) -> list[str]:
        if line.first_day is None:
            return []
        if line.last_day is None or line.last_day == line.first_day:
            return [line.first_day.isoformat()]
        return [f"{line.first_day.isoformat()} –", line.last_day.isoformat()]

    def _quantity(self, line: InvoiceLine) -> tuple[str, str]:
        """The billed quantity with its unit, and reported → billed time when rounding changed it."""
        singular, plural = self.t.units[line.unit]
        decimals = 2 if line.unit is Unit.HOUR else 0  # hours as decimal hours; days and pieces counted
        unit = singular if abs(line.quantity) <= 1 else plural
        main = f"{format_quantity(line.quantity, self.lang, decimals)} {unit}"
        raw, billed = line.raw_minutes, line.billed_minutes
        if raw is None or billed is None or raw == billed:
            return main, ""
        return main, f"{format_minutes(raw)} → {format_minutes(billed)}"

    def _row(self, y: float, line: InvoiceLine) -> float:
        c = self.c
        text_w = DESCRIPTION.width - GAP
        c.font(ROW)
        description = c.wrap(line.description, text_w)
        dates = self._dates(line)
        quantity, times = self._quantity(line)
        c.font(SMALL)
        notes = c.wrap(line.notes, text_w)
        # The notes sit under the description, in its column; the other columns may be taller.
        left_h = len(description) * LINE + (len(notes) * SMALL_LINE + 0.4 if notes else 0)
        right_h = max(len(dates), 2 if times else 1) * LINE
        y = c.ensure_room(y, PAD + max(left_h, right_h) + PAD)
        top, page = y + PAD, c.page
        numbers = (
            (QUANTITY, quantity),
            (UNIT_PRICE, format_amount(line.unit_price, self.lang)),
            (VAT, format_percent(line.vat_rate, self.lang)),
            (AMOUNT, format_amount(line.amount, self.lang)),
        )
        # Drawn in reading order, each visual line left to right, so that copied text (and a
        # screen reader) follows the table.
        c.font(ROW)
        end = c.flow(LEFT, top, text_w, description[:1], LINE)
        if dates:
            c.put(DATE.x, top, DATE.width - GAP, dates[0])
        for column, text in numbers:
            c.put(column.x, top, column.width, text, align="R")
        end = c.flow(LEFT, end, text_w, description[1:2], LINE)
        if len(dates) > 1:
            c.put(DATE.x, top + LINE, DATE.width - GAP, dates[1])
        if times:
            c.font(SMALL, color=MUTED)
            c.put(QUANTITY.x, top + LINE, QUANTITY.width, times, align="R")
            c.font(ROW)
        end = c.flow(LEFT, end, text_w, description[2:], LINE)
        if notes:
            c.font(SMALL, color=MUTED)
            end = c.flow(LEFT, end, text_w, notes, SMALL_LINE) + 0.4
        if c.page == page:
            end = max(end, top + right_h)
        end += PAD
        c.rule(end)
        return end
