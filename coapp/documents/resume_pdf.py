"""The resume as an A4 PDF, drawn with fpdf2 from a Profile: two looks (classic, modern), Swedish or
English headings, the letter's Markdown, page numbers "1/3", and the same bytes for the same input.

The caller chooses what to show (coapp.domain.resume_variants.select) before rendering; the renderer
draws every non-empty section it is given. fpdf2 is imported on the first render, like the invoice's.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coapp.base.atomic_file import write_atomic
from coapp.base.paths import resource_dir
from coapp.documents import pdf_fonts  # one font cache for every document
from coapp.documents.resume_flow import SANS, SERIF
from coapp.documents.resume_texts import texts_for
from coapp.domain.profile import Profile
from coapp.domain.resume_variants import check_language, check_look

# A fixed date: a resume carries no date of its own, and the same profile must give the same file.
_CREATED = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class ResumeOptions:
    language: str = "sv"
    look: str = "classic"
    photo: Path | None = None  # the profile photo's file (a square JPEG); skipped when None or missing

    def __post_init__(self) -> None:
        check_language(self.language)
        check_look(self.look)


@functools.cache
def _extra_fonts() -> tuple[tuple[str, str, Path], ...]:
    folder = resource_dir() / "fonts"
    fonts = (
        (SANS, "I", folder / "DejaVuSans-Oblique.ttf"),
        (SANS, "BI", folder / "DejaVuSans-BoldOblique.ttf"),
        (SERIF, "B", folder / "DejaVuSerif-Bold.ttf"),
    )
    for _, _, path in fonts:
        if not path.is_file():
            raise FileNotFoundError(f"the resume font is missing: {path}")
    return fonts


def _new_pdf(profile: Profile, options: ResumeOptions) -> Any:
    pdf = pdf_fonts.pdf_class()(orientation="P", unit="mm", format="A4")
    pdf_fonts.FONTS.add_fonts(pdf, _extra_fonts())
    pdf.alias_nb_pages("{nb}")
    name = profile.details.name
    pdf.set_title(f"{name} – CV" if name else "CV")
    if name:
        pdf.set_author(name)
    pdf.set_creator("coapp")
    pdf.set_lang(texts_for(options.language).page_language)
    pdf.set_creation_date(_CREATED)
    pdf.c_margin = 0
    return pdf


def warm_up() -> None:
    """Pay the first resume's costs now (fpdf2's import, the fonts), e.g. on a worker when My Profile
    is first shown, so that exporting does not."""
    from coapp.documents.invoice_pdf import warm_up as warm_up_invoices

    warm_up_invoices()
    pdf_fonts.FONTS.add_fonts(pdf_fonts.pdf_class()(), _extra_fonts())


def render_resume_pdf(profile: Profile, options: ResumeOptions | None = None) -> bytes:
    """The resume as PDF bytes; the same profile and options always give the same bytes."""
    options = options or ResumeOptions()
    photo = options.photo if options.photo is not None and options.photo.is_file() else None
    pdf = _new_pdf(profile, options)
    texts = texts_for(options.language)
    if options.look == "modern":
        from coapp.documents.resume_layout_modern import draw_modern

        draw_modern(pdf, profile, texts, photo)
    else:
        from coapp.documents.resume_layout_classic import draw_classic

        draw_classic(pdf, profile, texts, photo)
    return bytes(pdf.output())


def write_resume_pdf(profile: Profile, path: Path, options: ResumeOptions | None = None) -> None:
    """Render first, then replace `path` atomically: a failed render leaves no file behind."""
    write_atomic(Path(path), render_resume_pdf(profile, options))
