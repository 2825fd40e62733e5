"""The PDF documents' fonts and FPDF class, shared by the invoice, the contract and the resume:
DejaVu Sans parsed once per session (FontCache), and an FPDF subclass that calls back into a
layout for what every page carries. fpdf2 is imported when the first document is made."""

from __future__ import annotations

import copy
import functools
import logging
import threading
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coapp.base.paths import resource_dir
from coapp.documents.invoice_pdf_canvas import FONT

if TYPE_CHECKING:
    from fpdf import FPDF

log = logging.getLogger(__name__)


@functools.cache
def _font_files() -> tuple[Path, Path]:
    folder = resource_dir() / "fonts"
    regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
    for font in (regular, bold):
        if not font.is_file():
            raise FileNotFoundError(f"the invoice font is missing: {font}")
    return regular, bold


# Tables that never reach the embedded font: fpdf2 drops these when it subsets ("not used"), and
# fontTools drops the legacy "kern" next to GPOS. Parsing the layout tables just to drop them costs
# a third of the subsetting, so the per-invoice copy never has them.
_DROPPED_TABLES = frozenset({"FFTM", "GDEF", "GPOS", "GSUB", "MATH", "hdmx", "meta", "kern"})


class FontCache:
    """Parse each font face once per session instead of once per invoice.

    fpdf2 has no public way to share a loaded font between documents: add_font() parses the TTF
    (about 40 ms for the two faces), and writing the PDF subsets that parsed font in place. So the
    first invoice keeps the parsed metrics of each face as a template, and each invoice gets a copy
    with its own state (glyph subset, object number) and its own fontTools object, opened lazily
    from the cached file bytes, less the tables that would be dropped anyway, for the subsetting to
    consume. This relies on TTFFont's attributes: a test checks that the PDF is byte for byte what
    add_font() gives, and if the attributes change the cache turns itself off (add_font() again).
    """

    def __init__(self) -> None:
        self.enabled = True
        self._lock = threading.Lock()
        self._templates: dict[str, tuple[Any, bytes]] = {}

    def add_fonts(self, pdf: Any, extra: tuple[tuple[str, str, Path], ...] = ()) -> None:
        """The invoice's fonts, then `extra` ones given as (family, style, path)."""
        fonts = [(FONT, style, path) for style, path in zip(("", "B"), _font_files(), strict=True)]
        for family, style, path in (*fonts, *extra):
            if self.enabled:
                try:
                    self._add_copy(pdf, family, style, path)
                    continue
                except (AttributeError, TypeError, KeyError, ValueError) as exc:
                    log.warning("font cache off, fpdf2 fonts have changed: %r", exc)
                    self.enabled = False
            pdf.add_font(family, style, path)

    def _template(self, pdf: Any, family: str, style: str, path: Path) -> tuple[Any, bytes]:
        key = f"{family.lower()}{style}"
        with self._lock:
            if key not in self._templates:
                scratch = type(pdf)()
                scratch.add_font(family, style, path)
                template = scratch.fonts[key]
                template.close()  # its metrics are all it gives; each invoice opens its own copy
                if template.is_cff:
                    raise ValueError("only TrueType outlines are cached")
                self._templates[key] = (template, path.read_bytes())
            return self._templates[key]

    def _add_copy(self, pdf: Any, family: str, style: str, path: Path) -> None:
        from fontTools import ttLib
        from fpdf.fonts import SubsetMap

        template, data = self._template(pdf, family, style, path)
        font = copy.copy(template)
        font.i = len(pdf.fonts) + 1
        font.ttfont = ttLib.TTFont(BytesIO(data), recalcTimestamp=False, lazy=True)
        for tag in _DROPPED_TABLES & set(font.ttfont.keys()):
            del font.ttfont[tag]  # dropped from the embedded subset anyway, but parsed before that
        font.desc = copy.copy(template.desc)
        font.subset = SubsetMap(font)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        pdf.fonts[template.fontkey] = font


FONTS = FontCache()  # one per process: every document (invoice, contract, resume) shares it


@functools.cache
def pdf_class() -> type[FPDF]:
    from fpdf import FPDF

    class InvoicePDF(FPDF):
        """Calls back into the layout for what every page carries (header, watermark, footer)."""

        on_header: Callable[[], None] | None = None
        on_footer: Callable[[], None] | None = None

        def header(self) -> None:
            if self.on_header:
                self.on_header()

        def footer(self) -> None:
            if self.on_footer:
                self.on_footer()

    return InvoicePDF
