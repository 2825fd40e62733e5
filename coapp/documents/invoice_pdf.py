"""The invoice as an A4 PDF, drawn with fpdf2 from an InvoiceDocument and nothing else.

fpdf2 is imported on the first render, so starting the app never pays for it; the class built on it
is made once per session. Layout: seller (the issuer) and invoice facts on top, the buyer and the
statements (who sends it and is paid on the seller's behalf, reverse charge) below them, the lines
under their heading (column titles repeated on every page), the totals per VAT rate, the commission
breakdown next to the payment details, and a footer with the seller's identifiers and "page n of N"
on every page.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, time
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coapp.base.atomic_file import write_atomic
from coapp.base.paths import resource_dir
from coapp.documents.invoice_pdf_canvas import BOTTOM_MARGIN, FONT, LEFT, TOP
from coapp.documents.invoice_pdf_layout import InvoiceLayout, number_text, texts_of, title_of
from coapp.domain.invoices import InvoiceDocument, InvoiceKind, InvoiceState, compute_totals

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


class _FontCache:
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


_FONTS = _FontCache()


@functools.cache
def _pdf_class() -> type[FPDF]:
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


def _new_pdf(doc: InvoiceDocument) -> Any:
    pdf = _pdf_class()(orientation="P", unit="mm", format="A4")
    _FONTS.add_fonts(pdf)
    pdf.set_margins(LEFT, TOP, LEFT)
    pdf.set_auto_page_break(True, margin=BOTTOM_MARGIN)
    pdf.alias_nb_pages("{nb}")
    pdf.set_title(document_title(doc))
    pdf.set_author(doc.seller.name)
    pdf.set_subject(doc.contract_title)
    pdf.set_creator("coapp")
    pdf.set_lang("sv-SE" if doc.language == "sv" else "en")
    # The issue date, not the clock: the same invoice always gives the same file.
    pdf.set_creation_date(datetime.combine(doc.issue_date, time(0), tzinfo=UTC))
    return pdf


def document_title(doc: InvoiceDocument) -> str:
    """ "Faktura 2026-0042", "Invoice (draft)": the PDF's title, for viewers and file lists."""
    if doc.number:
        return f"{title_of(doc)} {doc.number}"
    if doc.state is InvoiceState.DRAFT:
        return f"{title_of(doc)} ({texts_of(doc).draft.lower()})"
    return f"{title_of(doc)} ({number_text(doc)})"


def warm_up() -> None:
    """Pay the first invoice's costs now (fpdf2's import, about a second, the fonts and babel), e.g.
    on a background thread once the window is up, so that the first confirmation does not."""
    from decimal import Decimal

    from coapp.documents.money_format import format_money

    _FONTS.add_fonts(_pdf_class()())
    for language in ("sv", "en"):
        format_money(Decimal(0), "SEK", language)


def positive_credit_note(doc: InvoiceDocument) -> InvoiceDocument:
    """A credit note as the domain keeps it, positive (UBL's convention; its kind says credit), also
    when an older version stored it with negative amounts."""
    if doc.kind is not InvoiceKind.CREDIT_NOTE or doc.totals.total >= 0:
        return doc
    lines = tuple(dataclasses.replace(line, quantity=-line.quantity) for line in doc.lines)
    c = doc.commission
    commission = dataclasses.replace(
        c, agreement_value=-c.agreement_value, amount=-c.amount, vat=-c.vat,
        net_to_freelancer=-c.net_to_freelancer, payout=-c.payout,
    )  # fmt: skip
    return dataclasses.replace(doc, lines=lines, totals=compute_totals(lines), commission=commission)


def render_invoice_pdf(doc: InvoiceDocument, logo: Path | None = None) -> bytes:
    """The invoice as PDF bytes; the same document always gives the same bytes."""
    doc = positive_credit_note(doc)
    if logo is not None and not logo.is_file():
        # A logo deleted since it was chosen must not stop an invoice from being confirmed.
        log.warning("invoice logo %s not found; rendering without it", logo)
        logo = None
    pdf = _new_pdf(doc)
    InvoiceLayout(pdf, doc, logo).draw()
    return bytes(pdf.output())


def write_invoice_pdf(doc: InvoiceDocument, path: Path, logo: Path | None = None) -> None:
    """Render, then replace `path` atomically: readers see the old file or the whole new one."""
    write_atomic(Path(path), render_invoice_pdf(doc, logo))
