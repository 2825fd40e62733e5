"""The contract PDF's milestones table: title, due date, amount and state, one row per milestone.

Each row is measured first and moves to the next page whole; only a row taller than a page (a
title of pages) flows on line by line. While the table is `active`, the page header draws the column
titles again ("(continued)"), so a reader of page 2 knows what the numbers are.
"""

from __future__ import annotations

from collections.abc import Sequence

from coapp.documents.contract_pdf_shapes import Milestone
from coapp.documents.contract_pdf_texts import ContractTexts, printable
from coapp.documents.invoice_pdf_canvas import (
    BOTTOM_MARGIN,
    LEFT,
    MUTED,
    PAGE_H,
    ROW,
    SHADE,
    SMALL,
    SMALL_LINE,
    Canvas,
)
from coapp.documents.money_format import format_amount, format_date

# The columns: title, due date, amount, state (x, width, align); the state's words may wrap.
TITLE, DUE, AMOUNT, STATE = (LEFT, 80.0, "L"), (LEFT + 82, 26.0, "L"), (LEFT + 108, 30.0, "R"), (
    LEFT + 142, 32.0, "L")  # fmt: skip


class MilestonesTable:
    def __init__(self, c: Canvas, texts: ContractTexts, language: str, currency: str) -> None:
        self.c, self.t, self.lang, self.currency = c, texts, language, currency
        self.active = False

    def titles(self, y: float, *, continued: bool = False) -> float:
        c, t = self.c, self.t
        c.font(SMALL, bold=True, color=MUTED)
        amount = t.amount.format(currency=self.currency)
        title = f"{t.milestone} {t.continued}" if continued else t.milestone
        for (x, w, align), text in zip((TITLE, DUE, AMOUNT, STATE),
                                       (title, t.due, amount, t.milestone_state), strict=True):  # fmt: skip
            c.put(x, y, w, text, align=align, h=SMALL_LINE)
        c.rule(y + SMALL_LINE + 0.8)
        return y + SMALL_LINE + 2

    def draw(self, y: float, milestones: Sequence[Milestone]) -> float:
        y = self.titles(y)
        self.active = True
        for m in milestones:
            y = self._row(y, m)
        self.active = False
        return y

    def _row(self, y: float, m: Milestone) -> float:
        c, t = self.c, self.t
        c.font(ROW)
        titles = c.wrap(printable(m.title), TITLE[1]) or ["—"]
        # A state a newer platform added is shown as sent, as text.
        states = c.wrap(t.milestone_states.get(m.state, printable(m.state)), STATE[1])
        height = max(len(titles), len(states), 1) * SMALL_LINE + 1.6
        fits = height <= PAGE_H - BOTTOM_MARGIN - c.page_top
        y = c.ensure_room(y, height if fits else 2 * SMALL_LINE)
        top = y + 0.8
        if fits:  # the title first, so that a reader (or a text extractor) meets the row in order
            bottom = max(c.flow(TITLE[0], top, TITLE[1], titles, SMALL_LINE), top + len(states) * SMALL_LINE)
        self._cells(top, m, states)
        if not fits:  # a title of pages flows on after the other cells are on the row's first page
            bottom = c.flow(TITLE[0], top, TITLE[1], titles, SMALL_LINE)
        c.rule(bottom + 0.8, color=SHADE)
        return bottom + 0.8

    def _cells(self, top: float, m: Milestone, states: list[str]) -> None:
        c = self.c
        c.put(DUE[0], top, DUE[1], format_date(m.due_date, self.lang), h=SMALL_LINE)
        c.put(AMOUNT[0], top, AMOUNT[1], format_amount(m.amount, self.lang), align="R", h=SMALL_LINE)
        c.flow(STATE[0], top, STATE[1], states, SMALL_LINE)
