"""The modern resume: a coloured side column (photo, contact, links, skills with level dots,
languages) on every page, and a main column with the name, the letter, experience and education.

The main column is drawn first, over as many pages as it needs; the side column is then drawn from
the first page on, continuing on the next page (added if need be) when it is long.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from coapp.documents.resume_flow import INK, MUTED, RULE, SANS, Column, Style
from coapp.documents.resume_markdown import escape
from coapp.documents.resume_sections import contact_parts, language_level, main_sections
from coapp.documents.resume_texts import ResumeTexts
from coapp.domain.profile import Profile

PAGE_W, PAGE_H = 210.0, 297.0
SIDE_W = 66.0
SIDE_PAD = 8.0
MAIN_X = SIDE_W + 11.0
MAIN_W = PAGE_W - MAIN_X - 15.0
TOP, BOTTOM = 16.0, 20.0
SIDE_BOTTOM = PAGE_H - 16.0
ACCENT = (27, 67, 96)
SIDE = (27, 55, 80)
SIDE_TEXT = (255, 255, 255)
SIDE_MUTED = (178, 196, 212)
DOTS_OFF = (72, 100, 126)
HEADING_H = 11.0
PHOTO = 34.0


def _heading(col: Column, text: str) -> None:
    col.skip(2.0)
    col.font(10.5, "B", ACCENT)
    col.pdf.set_char_spacing(0.9)
    col.pdf.set_x(col.x)
    col.pdf.cell(col.w, 5.5, text.upper())
    col.pdf.set_char_spacing(0)
    col.pdf.ln(6.6)
    col.rule(col.y, RULE, 0.3)
    col.skip(2.6)


def _header(col: Column, profile: Profile) -> None:
    d = profile.details
    if d.name:
        col.font(22, "B", INK)
        col.text(escape(d.name), 9.5)
    if d.title:
        col.font(12, color=ACCENT)
        col.text(escape(d.title), 6.0)
    if d.name or d.title:
        col.skip(3.0)


class _Side:
    """The side column, drawn page by page after the main column."""

    def __init__(self, pdf: Any, last_page: int) -> None:
        self.pdf = pdf
        self.page = 1
        self.last_page = last_page
        self.x = SIDE_PAD
        self.w = SIDE_W - 2 * SIDE_PAD
        self.y = TOP
        pdf.page = 1

    def need(self, h: float) -> None:
        if self.y + h <= SIDE_BOTTOM:
            return
        self.page += 1
        if self.page > self.last_page:
            self.pdf.page = self.last_page
            self.pdf.add_page()
            self.last_page = self.page
        self.pdf.page = self.page
        self.y = TOP

    def font(self, size: float, style: str = "", color: tuple[int, int, int] = SIDE_TEXT) -> None:
        self.pdf.set_font(SANS, style, size)
        self.pdf.set_text_color(*color)

    def lines(
        self, text: str, size: float, h: float, style: str = "", color: tuple[int, int, int] = SIDE_TEXT
    ) -> None:
        self.font(size, style, color)
        for line in self.pdf.multi_cell(self.w, h, text, dry_run=True, output="LINES"):
            self.need(h)
            self.pdf.set_xy(self.x, self.y)
            self.pdf.cell(self.w, h, line)
            self.y += h

    def heading(self, text: str, first_h: float) -> None:
        self.need(12.0 + first_h)
        self.y += 3.0
        self.font(9.5, "B")
        self.pdf.set_char_spacing(0.9)
        self.pdf.set_xy(self.x, self.y)
        self.pdf.cell(self.w, 5.0, text.upper())
        self.pdf.set_char_spacing(0)
        self.y += 6.5
        self.pdf.set_draw_color(*SIDE_MUTED)
        self.pdf.set_line_width(0.3)
        self.pdf.line(self.x, self.y, self.x + 10.0, self.y)
        self.y += 3.0

    def dots(self, y: float, level: int) -> None:
        r = 0.95
        x0 = self.x + self.w - 5 * (2 * r + 1.0) + 1.0
        for i in range(5):
            self.pdf.set_fill_color(*(SIDE_TEXT if i < level else DOTS_OFF))
            self.pdf.circle(x=x0 + i * (2 * r + 1.0) + r, y=y, radius=r, style="F")


def _draw_side(pdf: Any, profile: Profile, texts: ResumeTexts, photo: Path | None) -> None:
    side = _Side(pdf, pdf.page_no())
    if photo:
        pdf.image(str(photo), x=(SIDE_W - PHOTO) / 2, y=TOP, w=PHOTO, h=PHOTO, keep_aspect_ratio=True)
        side.y += PHOTO + 4.0
    parts = contact_parts(profile, texts.code)
    if parts:
        side.heading(texts.contact, 5.0)
        for part in parts:
            side.lines(part, 8.5, 4.3)
            side.y += 1.2
    if profile.skills:
        side.heading(texts.skills, 5.2)
        for skill in profile.skills:
            dots_w = 14.5 if skill.level is not None else 0.0
            side.font(8.8)
            # A name too long for its line wraps beside the dots (never cut: it is what matching reads).
            name_w = side.w - dots_w - 1.5
            lines = pdf.multi_cell(name_w, 4.2, skill.name, dry_run=True, output="LINES")
            side.need(5.2 + 4.2 * (len(lines) - 1))
            if skill.level is not None:
                side.dots(side.y + 2.6, skill.level)
            for i, line in enumerate(lines):
                pdf.set_xy(side.x, side.y + 0.5 + 4.2 * i)
                pdf.cell(name_w, 4.2, line)
            side.y += 5.2 + 4.2 * (len(lines) - 1)
    if profile.languages:
        side.heading(texts.languages, 5.2)
        for lang in profile.languages:
            side.need(5.2)
            side.font(8.8)
            pdf.set_xy(side.x, side.y)
            pdf.cell(side.w, 5.2, lang.language)
            side.font(8.3, color=SIDE_MUTED)
            pdf.set_xy(side.x, side.y)
            pdf.cell(side.w, 5.2, language_level(lang, texts), align="R")
            side.y += 5.2
    pdf.page = side.last_page


def draw_modern(pdf: Any, profile: Profile, texts: ResumeTexts, photo: Path | None) -> None:
    pdf.set_margins(MAIN_X, TOP, PAGE_W - MAIN_X - MAIN_W)
    pdf.set_auto_page_break(True, margin=BOTTOM)

    def band() -> None:
        pdf.set_fill_color(*SIDE)
        pdf.rect(0, 0, SIDE_W, PAGE_H, style="F")

    def footer() -> None:
        pdf.set_font(SANS, "", 8)
        pdf.set_text_color(*MUTED)
        pdf.set_xy(MAIN_X, PAGE_H - 12.0)
        pdf.cell(MAIN_W, 4, f"{pdf.page_no()}/{{nb}}", align="R")

    on_header: Callable[[], None] = band
    pdf.on_header = on_header
    pdf.on_footer = footer
    pdf.add_page()
    col = Column(pdf, MAIN_X, MAIN_W, Style(accent=ACCENT))
    _header(col, profile)
    main_sections(col, profile, texts, _heading, HEADING_H)
    pdf.set_auto_page_break(False)
    _draw_side(pdf, profile, texts, photo)
