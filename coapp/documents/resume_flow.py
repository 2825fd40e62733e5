"""Drawing a resume's column on fpdf2: text that flows over pages, headings kept with their first item.

A Column is a strip of the page (x, width). Text goes down it with fpdf2's own page breaks; before a
heading or an item starts, `keep` moves to a new page when the heading and the start of what follows
would not fit, so no heading is left alone at a page's bottom and no job's title is split from its text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coapp.documents.resume_markdown import Block, blocks, escape
from coapp.documents.resume_measure import LineMeasure

SANS = "DejaVu"
SERIF = "DejaVuSerif"
INK = (33, 37, 41)
MUTED = (100, 108, 117)
RULE = (206, 212, 218)

Color = tuple[int, int, int]


@dataclass
class Style:
    accent: Color
    body: float = 9.5  # points
    line: float = 4.6  # millimetres per body line
    small: float = 8.5
    small_line: float = 4.0


class Column:
    def __init__(self, pdf: Any, x: float, w: float, style: Style) -> None:
        self.pdf = pdf
        self.x = x
        self.w = w
        self.style = style
        self.measure = LineMeasure(pdf)

    # --- primitives ------------------------------------------------------------------------------

    def font(self, size: float, style: str = "", color: Color = INK, family: str = SANS) -> None:
        self.pdf.set_font(family, style, size)
        self.pdf.set_text_color(*color)

    @property
    def y(self) -> float:
        return float(self.pdf.get_y())

    def skip(self, h: float) -> None:
        self.pdf.set_y(self.y + h)
        self.pdf.set_x(self.x)

    def room(self) -> float:
        return float(self.pdf.page_break_trigger) - self.y

    def keep(self, h: float) -> None:
        """Start a new page unless `h` millimetres fit below."""
        if h > self.room() and self.y > self.pdf.t_margin + 1:
            self.pdf.add_page()
        self.pdf.set_x(self.x)

    def height(self, text: str, w: float, h: float, markdown: bool = True) -> float:
        if not text:
            return 0.0
        lines = self.pdf.multi_cell(w, h, text, markdown=markdown, dry_run=True, output="HEIGHT")
        return float(lines)

    def start_height(self, text: str, w: float, h: float, lines: int = 2) -> float:
        """The height of a text's first `lines` lines (less when it is shorter): what is kept with
        what comes before it (coapp.documents.resume_measure says why this does not ask fpdf2)."""
        if not text:
            return 0.0
        return self.measure.count(text, w, lines) * h

    def text(
        self, text: str, h: float, x: float | None = None, w: float | None = None, align: str = "L"
    ) -> None:
        """Markup text wrapped in the column (or a part of it), continuing on the next page."""
        if not text:
            return
        x = self.x if x is None else x
        w = self.w - (x - self.x) if w is None else w
        old = self.pdf.l_margin
        self.pdf.set_left_margin(x)  # continuation lines after a page break start here too
        self.pdf.set_x(x)
        self.pdf.multi_cell(w, h, text, markdown=True, align=align, new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_left_margin(old)
        self.pdf.set_x(self.x)

    def rule(self, y: float, color: Color = RULE, width: float = 0.25) -> None:
        self.pdf.set_draw_color(*color)
        self.pdf.set_line_width(width)
        self.pdf.line(self.x, y, self.x + self.w, y)

    def dots(self, x: float, y: float, level: int, on: Color, off: Color, r: float = 0.9) -> None:
        """Five dots, `level` of them filled: a skill's level at a glance."""
        for i in range(5):
            self.pdf.set_fill_color(*(on if i < level else off))
            self.pdf.circle(x=x + i * (2 * r + 1.0) + r, y=y, radius=r, style="F")

    # --- an item: a title line with a date on the right, a subtitle, then Markdown ----------------

    def item_header(self, title: str, date: str, subtitle: str = "") -> None:
        s = self.style
        self.font(s.small, color=MUTED)
        date_w = self.pdf.get_string_width(date) + 0.5 if date else 0.0
        gap = 4.0 if date else 0.0
        self.font(s.body + 0.5, "B")
        title_w = self.w - date_w - gap
        start_page, top = self.pdf.page_no(), self.y
        self.text(escape(title), s.line + 0.3, w=title_w)
        if date:
            after = self.y
            page_now = self.pdf.page_no()
            self.pdf.page = start_page
            self.font(s.small, color=MUTED)
            self.pdf.set_xy(self.x + self.w - date_w, top + 0.35)
            self.pdf.cell(date_w, s.line, date, align="R")
            self.pdf.page = page_now
            self.pdf.set_y(after)
        if subtitle:
            self.font(s.body, color=MUTED)
            self.text(escape(subtitle), s.line)

    def item_header_height(self, title: str, date: str, subtitle: str = "") -> float:
        s = self.style
        self.font(s.small, color=MUTED)
        date_w = self.pdf.get_string_width(date) + 4.5 if date else 0.0
        self.font(s.body + 0.5, "B")
        h = self.height(escape(title), self.w - date_w, s.line + 0.3)
        if subtitle:
            self.font(s.body)
            h += self.height(escape(subtitle), self.w, s.line)
        return h

    def markdown(self, text: str, size: float | None = None) -> None:
        s = self.style
        size = size or s.body
        line = s.line * size / s.body
        previous = ""
        for block in blocks(text):
            if previous in ("bullet", "numbered") and block.kind not in ("bullet", "numbered"):
                self.skip(1.2)  # a list ends: a little air before the text that follows
            self._block(block, size, line)
            previous = block.kind

    def markdown_start_height(self, text: str) -> float:
        """What the first two lines of a Markdown text take: kept with the item's header."""
        parts = blocks(text)
        if not parts:
            return 0.0
        s = self.style
        self.font(s.body)
        first = parts[0]
        h = self.start_height(first.text, self.w - (4.0 if first.kind != "paragraph" else 0.0), s.line)
        return 0.8 + h + 0.5

    def _block(self, block: Block, size: float, line: float) -> None:
        if block.kind == "heading":
            heading_size = size + max(0.0, 2.5 - block.level * 0.5)
            self.font(heading_size, "B")
            self.keep(line * 3)
            self.skip(1.2)
            self.text(block.text, line + 0.4)
            self.skip(0.4)
            return
        if block.kind in ("bullet", "numbered"):
            self.font(size)
            self.keep(line)
            mark = "•" if block.kind == "bullet" else f"{block.level}."
            indent = 4.0 if block.kind == "bullet" else 5.5
            top, page = self.y, self.pdf.page_no()
            self.text(block.text, line, x=self.x + indent)
            after, page_now = self.y, self.pdf.page_no()
            self.pdf.page = page
            self.font(size, color=self.style.accent if block.kind == "bullet" else INK)
            self.pdf.set_xy(self.x + 0.6, top)
            self.pdf.cell(indent, line, mark)
            self.pdf.page = page_now
            self.pdf.set_xy(self.x, after + 0.6)
            return
        self.font(size)
        self.keep(self.start_height(block.text, self.w, line))
        self.text(block.text, line)
        self.skip(1.6)


Draw = Callable[[], None]


def section(
    col: Column, heading: Callable[[], None], heading_h: float, items: list[tuple[float, Draw]]
) -> None:
    """A section: its heading kept with the start of its first item; then each item kept whole at its
    start. Nothing is drawn for a section without items."""
    if not items:
        return
    first_h, _ = items[0]
    col.keep(heading_h + first_h)
    heading()
    for i, (start_h, draw) in enumerate(items):
        if i:
            col.keep(start_h)
        draw()
