"""The invoice's page geometry, colours and type sizes, and a few drawing primitives on fpdf2.

Millimetres throughout, on A4 in DejaVu Sans. Text is always placed at an explicit position; texts
that may not fit are measured first (`wrap`) so that every block knows its height before it is drawn.
"""

from __future__ import annotations

from typing import Any

FONT = "DejaVu"
PAGE_W, PAGE_H = 210.0, 297.0
LEFT = 18.0
WIDTH = PAGE_W - 2 * LEFT
RIGHT = LEFT + WIDTH
TOP = 15.0
BOTTOM_MARGIN = 22.0  # the footer lives below the page break line

INK = (33, 37, 41)
MUTED = (108, 117, 125)
ACCENT = (31, 58, 95)
RULE = (206, 212, 218)
SHADE = (241, 243, 245)
WATERMARK = (233, 236, 239)

BODY, ROW, SMALL, TINY = 9.0, 8.5, 7.5, 7.0  # points
LINE, SMALL_LINE, TINY_LINE = 4.3, 3.5, 3.1  # millimetres
GAP = 2.5  # between a left-aligned text and whatever stands to its right

Color = tuple[int, int, int]


class Canvas:
    def __init__(self, pdf: Any) -> None:
        from fpdf.enums import MethodReturnValue

        self.pdf = pdf
        self.page_top = TOP  # where content starts on the current page, below its header
        self._lines_output = MethodReturnValue.LINES
        pdf.c_margin = 0  # every text is placed exactly; gaps are explicit

    def font(self, size: float = BODY, bold: bool = False, color: Color = INK) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)
        self.pdf.set_text_color(*color)

    def put(self, x: float, y: float, w: float, text: str, align: str = "L", h: float = LINE) -> None:
        self.pdf.set_xy(x, y)
        self.pdf.cell(w, h, text, align=align)

    def width_of(self, text: str) -> float:
        return float(self.pdf.get_string_width(text))

    def wrap(self, text: str, w: float) -> list[str]:
        """The lines `text` takes in width `w` with the current font."""
        if not text.strip():
            return []
        if "\n" not in text and self.width_of(text) <= w:
            return [text]  # most texts fit, and measuring is much cheaper than breaking
        return list(self.pdf.multi_cell(w, LINE, text, dry_run=True, output=self._lines_output))

    def flow(self, x: float, y: float, w: float, lines: list[str], h: float) -> float:
        """Draw lines one under the other, continuing on a new page when this one is full."""
        for line in lines:
            if y + h > self.pdf.page_break_trigger:
                y = self.new_page()
            self.put(x, y, w, line, h=h)
            y += h
        return y

    def rule(
        self, y: float, x1: float = LEFT, x2: float = RIGHT, color: Color = RULE, width: float = 0.2
    ) -> None:
        self.pdf.set_draw_color(*color)
        self.pdf.set_line_width(width)
        self.pdf.line(x1, y, x2, y)

    def fill(self, x: float, y: float, w: float, h: float, color: Color) -> None:
        self.pdf.set_fill_color(*color)
        self.pdf.rect(x, y, w, h, style="F")

    def frame(self, x: float, y: float, w: float, h: float) -> None:
        self.pdf.set_draw_color(*RULE)
        self.pdf.set_line_width(0.3)
        self.pdf.rect(x, y, w, h, style="D", round_corners=True, corner_radius=1.5)

    def new_page(self) -> float:
        self.pdf.add_page()
        return self.page_top

    def ensure_room(self, y: float, height: float) -> float:
        """`y`, or the top of a new page when a block of `height` does not fit below `y`."""
        return self.new_page() if y + height > self.pdf.page_break_trigger else y

    @property
    def page(self) -> int:
        return int(self.pdf.page_no())
