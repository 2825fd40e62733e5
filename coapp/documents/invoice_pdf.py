"""The invoice as an A4 PDF, drawn with fpdf2 from an InvoiceDocument and nothing else.

fpdf2 is imported on the first render, so starting the app never pays for it; the class built on it
is made once per session. Layout: seller (the issuer) and invoice facts on top, the buyer and the
statements (who sends it and is paid on the seller's behalf, reverse charge) below them, the lines
under their heading (column titles repeated on every page), the totals per VAT rate, the commission
breakdown next to the payment details, and a footer with the seller's identifiers and "page n of N"
on every page.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coapp.base.atomic_file import write_atomic
from coapp.documents import pdf_fonts
from coapp.documents.invoice_pdf_canvas import BOTTOM_MARGIN, LEFT, TOP
from coapp.documents.invoice_pdf_layout import InvoiceLayout, number_text, texts_of, title_of
from coapp.domain.invoices import InvoiceDocument, InvoiceKind, InvoiceState, compute_totals

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


def _new_pdf(doc: InvoiceDocument) -> Any:
    pdf = pdf_fonts.pdf_class()(orientation="P", unit="mm", format="A4")
    pdf_fonts.FONTS.add_fonts(pdf)
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

    pdf_fonts.FONTS.add_fonts(pdf_fonts.pdf_class()())
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
