"""The invoice lines: date, what was done, quantity as billed (and reported → billed time when the
contract's rounding changed it), unit price, VAT rate and amount.

What the lines are for ("Konsulttjänster: <contract>") is written once, as a heading above the lines
it covers, not on every line: the document's `line_heading`, or, for a document without one, the
description that a run of dated lines repeats (then each line shows its notes). A line's own text is
what was done that day.

Each row is measured before it is drawn and moves to the next page whole; only a row taller than a
page (pages of notes) is split, line by line. The page header hook calls `page_header` while the
table is `active`, so the column titles, and the heading the rows belong to, repeat on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coapp.documents.invoice_pdf_canvas import (
    ACCENT,
    BODY,
    GAP,
    LEFT,
    LINE,
    MUTED,
    ROW,
    SMALL,
    SMALL_LINE,
    WIDTH,
    Canvas,
)
from coapp.documents.invoice_pdf_texts import Texts
from coapp.documents.money_format import (
    NBSP,
    format_amount,
    format_date,
    format_minutes,
    format_percent,
    format_quantity,
)
from coapp.domain.invoices import InvoiceDocument, InvoiceLine

PAD = 1.6  # above and below each row
HEADING_H = LINE + 2.6


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


DATE, DESCRIPTION, QUANTITY, UNIT_PRICE, VAT, AMOUNT = COLUMNS = _columns(
    (23, "L"), (73, "L"), (22, "R"), (20, "R"), (12, "R"), (24, "R")
)


@dataclass(frozen=True)
class Group:
    heading: str  # "" for lines that stand alone
    rows: tuple[tuple[InvoiceLine, str, str], ...]  # line, its text, its notes


def group_lines(doc: InvoiceDocument) -> list[Group]:
    """The lines under their headings, in the document's order."""
    if doc.line_heading.strip():
        rows = tuple((li, _own_text(li), _extra_notes(li)) for li in doc.lines)
        return [Group(doc.line_heading.strip(), rows)]
    groups: list[Group] = []
    run: list[InvoiceLine] = []

    def close() -> None:
        if len(run) > 1:
            groups.append(Group(run[0].description, tuple((li, li.notes, "") for li in run)))
        else:
            groups.extend(Group("", ((li, li.description, li.notes),)) for li in run)
        run.clear()

    for line in doc.lines:
        dated = line.first_day is not None and bool(run) and run[0].first_day is not None
        repeats = dated and line.description == run[0].description
        if not repeats:
            close()
        run.append(line)
    close()
    return groups


def _own_text(line: InvoiceLine) -> str:
    """The line's text, less a day's date standing in for a missing note (the date has its column)."""
    if line.day is not None and line.description.strip() == line.day.isoformat():
        return ""
    return line.description


def _extra_notes(line: InvoiceLine) -> str:
    """The line's notes, unless its text already says them (a day's note is the line's text)."""
    notes = line.notes.strip()
    return "" if not notes or notes in line.description else line.notes


class LinesTable:
    def __init__(self, canvas: Canvas, doc: InvoiceDocument, texts: Texts) -> None:
        self.c, self.doc, self.t, self.lang = canvas, doc, texts, doc.language
        self.active = False
        self._heading = ""  # of the rows being drawn, repeated on a new page

    def draw(self, y: float) -> float:
        y = self.c.ensure_room(y, 30)
        y = self.header(y)
        self.active = True
        for group in group_lines(self.doc):
            y = self._group(y, group)
        self.active = False
        return y

    def header(self, y: float) -> float:
        t = self.t
        labels = (t.date, t.description, t.quantity, t.unit_price, t.vat, f"{t.amount} ({self.doc.currency})")
        self.c.font(SMALL, bold=True, color=MUTED)
        for column, label in zip(COLUMNS, labels, strict=True):
            self.c.put(column.x, y, column.width, label, align=column.align, h=SMALL_LINE + 1)
        y += SMALL_LINE + 2
        self.c.rule(y, color=ACCENT, width=0.35)
        return y + 0.6

    def page_header(self, y: float) -> float:
        """The column titles on a page the table continues on, and the heading its rows belong to."""
        y = self.header(y)
        if self._heading:
            y = self._draw_heading(y, f"{self._heading} ({self.t.continued})", muted=True)
        return y

    def _group(self, y: float, group: Group) -> float:
        self._heading = ""
        if group.heading:
            c = self.c
            c.font(BODY, bold=True)
            heading = c.wrap(group.heading, WIDTH)
            first = group.rows[0] if group.rows else None
            # Never a heading alone at the foot of a page: it goes with its first row.
            room = len(heading) * LINE + 2.6 + (self._row_height(*first) if first else 0)
            y = c.ensure_room(y, min(room, 80))
            y = self._draw_heading(y, group.heading)
            self._heading = group.heading
        for line, text, notes in group.rows:
            y = self._row(y, line, text, notes)
        self._heading = ""
        return y

    def _draw_heading(self, y: float, text: str, *, muted: bool = False) -> float:
        c = self.c
        c.font(BODY, bold=not muted, color=MUTED if muted else ACCENT)
        y = c.flow(LEFT, y + 1.8, WIDTH, c.wrap(text, WIDTH), LINE)
        return y + 0.8

    def _dates(self, line: InvoiceLine) -> list[str]:
        first, last = line.first_day, line.last_day
        if first is None:
            return [] if last is None else [format_date(last, self.lang)]
        if last is None or last == first:
            return [format_date(first, self.lang)]
        if self.lang != "sv" and (first.year, first.month) == (last.year, last.month):
            return [f"{first.day}–{format_date(last, self.lang)}"]
        return [f"{format_date(first, self.lang)} –", format_date(last, self.lang)]

    def _quantity(self, line: InvoiceLine) -> tuple[str, str]:
        """The quantity as billed with its unit, and reported → billed time when rounding changed it."""
        singular, plural = self.t.units[line.unit]
        unit = singular if abs(line.quantity) <= 1 else plural
        main = f"{format_quantity(line.quantity, self.lang)}{NBSP}{unit}"
        raw, billed = line.raw_minutes, line.billed_minutes
        if raw is None or billed is None or raw == billed:
            return main, ""
        return main, f"{format_minutes(raw)} → {format_minutes(billed)}"

    def _measure(self, line: InvoiceLine, text: str, notes: str) -> tuple[list[str], list[str], float]:
        c, text_w = self.c, DESCRIPTION.width - GAP
        c.font(ROW)
        described = c.wrap(text, text_w)
        c.font(SMALL)
        noted = c.wrap(notes, text_w)
        # The notes sit under the text, in its column; the other columns may be taller.
        left_h = len(described) * LINE + (len(noted) * SMALL_LINE + 0.4 if noted else 0)
        right_h = max(len(self._dates(line)), 2 if self._quantity(line)[1] else 1) * LINE
        return described, noted, max(left_h, right_h)

    def _row_height(self, line: InvoiceLine, text: str, notes: str) -> float:
        return PAD + self._measure(line, text, notes)[2] + PAD

    def _row(self, y: float, line: InvoiceLine, text: str, notes: str) -> float:
        c, text_w = self.c, DESCRIPTION.width - GAP
        described, noted, height = self._measure(line, text, notes)
        dates = self._dates(line)
        quantity, times = self._quantity(line)
        y = c.ensure_room(y, PAD + height + PAD)
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
        if dates:
            c.put(DATE.x, top, DATE.width - GAP, dates[0])
        end = c.flow(DESCRIPTION.x, top, text_w, described[:1], LINE)
        for column, value in numbers:
            c.put(column.x, top, column.width, value, align="R")
        second = top + LINE
        if len(dates) > 1:
            c.put(DATE.x, second, DATE.width - GAP, dates[1])
        end = c.flow(DESCRIPTION.x, max(end, second), text_w, described[1:2], LINE) if described[1:2] else end
        if times:
            c.font(SMALL, color=MUTED)
            c.put(QUANTITY.x, second, QUANTITY.width, times, align="R")
            c.font(ROW)
        end = self._rest(end, described[2:], noted)
        if c.page == page:
            end = max(end, top + max(len(dates), 2 if times else 1) * LINE)
        end += PAD
        c.rule(end)
        return end

    def _rest(self, y: float, described: Sequence[str], noted: Sequence[str]) -> float:
        c, text_w = self.c, DESCRIPTION.width - GAP
        c.font(ROW)
        y = c.flow(DESCRIPTION.x, y, text_w, list(described), LINE)
        if noted:
            c.font(SMALL, color=MUTED)
            y = c.flow(DESCRIPTION.x, y, text_w, list(noted), SMALL_LINE) + 0.4
        return y
