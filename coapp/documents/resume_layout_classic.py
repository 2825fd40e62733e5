"""The classic resume: one column, the name and headings in a serif, a thin rule under each heading,
dates aligned on the right, skills and languages in a grid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coapp.documents.resume_flow import INK, MUTED, SERIF, Column, Style
from coapp.documents.resume_markdown import escape
from coapp.documents.resume_sections import Item, contact_parts, language_level, main_sections
from coapp.documents.resume_texts import ResumeTexts
from coapp.domain.profile import LanguageSkill, Profile
from coapp.domain.skills import Skill

LEFT, RIGHT_MARGIN, TOP, BOTTOM = 20.0, 20.0, 18.0, 20.0
WIDTH = 210.0 - LEFT - RIGHT_MARGIN
ACCENT = (28, 52, 84)
DOTS_OFF = (214, 219, 225)
HEADING_H = 11.5
# The stored photo is square (coapp.services.profile_photo): a square box keeps it level with the name.
PHOTO_W = PHOTO_H = 30.0


def _heading(col: Column, text: str) -> None:
    col.skip(2.5)
    col.font(12.5, "B", ACCENT, SERIF)
    col.pdf.set_x(col.x)
    col.pdf.cell(col.w, 6.0, text)
    col.pdf.ln(6.6)
    col.rule(col.y, ACCENT, 0.3)
    col.skip(2.6)


def _grid(col: Column, cells: list[tuple[str, str, int | None]], columns: int = 3) -> list[Item]:
    """Rows of (name, note, level): the name, then five dots for a level or the note in grey."""
    cell_w = col.w / columns
    row_h = 5.4
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]

    def draw_row(row: list[tuple[str, str, int | None]]) -> None:
        top = col.y
        for i, (name, note, level) in enumerate(row):
            x = col.x + i * cell_w
            col.font(col.style.body)
            right = 15.0 if level is not None else col.pdf.get_string_width(note) + 3 if note else 0
            name_w = cell_w - right - 3
            shown = name
            while col.pdf.get_string_width(shown) > name_w and len(shown) > 2:
                shown = shown[:-2] + "…"
            col.pdf.set_xy(x, top)
            col.pdf.cell(name_w, row_h, shown)
            if level is not None:
                col.dots(x + cell_w - 16.5, top + row_h / 2, level, ACCENT, DOTS_OFF)
            elif note:
                col.font(col.style.small, color=MUTED)
                col.pdf.set_xy(x + cell_w - right - 3, top)
                col.pdf.cell(right, row_h, note, align="R")
        col.pdf.set_xy(col.x, top + row_h)

    items: list[Item] = [(row_h, lambda r=row: draw_row(r)) for row in rows]  # type: ignore[misc]
    if items:
        h, last = items[-1]
        items[-1] = (h, lambda last=last: (last(), col.skip(2.0)))  # type: ignore[misc]
    return items


def skill_cells(skills: tuple[Skill, ...]) -> list[tuple[str, str, int | None]]:
    return [(s.name, "", s.level) for s in skills]


def language_cells(
    languages: tuple[LanguageSkill, ...], texts: ResumeTexts
) -> list[tuple[str, str, int | None]]:
    return [(lang.language, language_level(lang, texts), None) for lang in languages]


def _header(col: Column, profile: Profile, texts: ResumeTexts, photo: Path | None) -> None:
    pdf = col.pdf
    d = profile.details
    text_w = col.w - (PHOTO_W + 6 if photo else 0)
    if photo:
        pdf.image(str(photo), x=col.x + col.w - PHOTO_W, y=TOP, w=PHOTO_W, h=PHOTO_H, keep_aspect_ratio=True)
    if d.name:
        col.font(24, "B", ACCENT, SERIF)
        col.text(escape(d.name), 10.5, w=text_w)
    if d.title:
        col.font(12, color=MUTED)
        col.text(escape(d.title), 6.0, w=text_w)
    parts = contact_parts(profile, texts.code)
    if parts:
        col.skip(1.5)
        col.font(col.style.small + 0.5, color=INK)
        col.text(escape("   ·   ".join(parts)), 4.6, w=text_w)
    if photo:
        pdf.set_y(max(col.y, TOP + PHOTO_H))
    col.skip(3.0)
    col.rule(col.y, ACCENT, 0.7)
    col.skip(2.0)


def draw_classic(pdf: Any, profile: Profile, texts: ResumeTexts, photo: Path | None) -> None:
    pdf.set_margins(LEFT, TOP, RIGHT_MARGIN)
    pdf.set_auto_page_break(True, margin=BOTTOM)
    col = Column(pdf, LEFT, WIDTH, Style(accent=ACCENT))

    def footer() -> None:
        pdf.set_font("DejaVu", "", 8)
        pdf.set_text_color(*MUTED)
        pdf.set_xy(LEFT, 297.0 - 12.0)
        if profile.details.name:
            pdf.cell(WIDTH / 2, 4, profile.details.name)
        pdf.set_xy(LEFT + WIDTH / 2, 297.0 - 12.0)
        pdf.cell(WIDTH / 2, 4, f"{pdf.page_no()}/{{nb}}", align="R")

    pdf.on_header = None
    pdf.on_footer = footer
    pdf.add_page()
    _header(col, profile, texts, photo)
    extra = (
        (texts.skills, _grid(col, skill_cells(profile.skills))),
        (texts.languages, _grid(col, language_cells(profile.languages, texts))),
    )
    main_sections(col, profile, texts, _heading, HEADING_H, extra)
