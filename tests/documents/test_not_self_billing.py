"""The freelancer issues every invoice; the platform only sends it (INVOICING.md). So no document,
PDF or e-invoice, in either language, calls itself self-billing or says the buyer or the platform
issued it. What it may say: that the platform sends it on the seller's behalf."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest

from coapp.documents.invoice_pdf import render_invoice_pdf
from coapp.documents.ubl import render_ubl
from coapp.domain.invoices import InvoiceDocument, InvoiceState, VatCategory
from tests.documents import pdf_samples as p
from tests.documents import ubl_samples as u

FORBIDDEN = re.compile(
    r"sj[äa]lv\s?faktur|self[-\s]?bill|utf[äa]rdad av|issued by|selvfaktur|itselasku", re.IGNORECASE
)

PDF_DOCUMENTS: dict[str, Callable[[], InvoiceDocument]] = {
    "to a client": p.make_document,
    "credit note": lambda: p.credit_note_for(p.make_document()),
    "fixed fee to the platform": p.fixed_fee,
    "draft": lambda: p.make_document(state=InvoiceState.DRAFT, number=None),
    "reverse charge": lambda: p.make_document(
        seller=p.SWEDISH_AB,
        buyer=p.DANISH_CLIENT,
        reverse_charge=True,
        payment=p.IBAN,
        lines=p.hour_lines(3, vat="0", category=VatCategory.REVERSE_CHARGE),
    ),
}
UBL_DOCUMENTS: dict[str, Callable[[], InvoiceDocument]] = {
    "to a client": u.sole_trader_to_client,
    "credit note": u.credit_note,
    "fixed fee to the platform": u.fixed_fee_to_platform,
    "reverse charge": u.reverse_charge_to_denmark,
}


def pdf_text(pdf: bytes) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    pages = " ".join(page.extract_text() for page in reader.pages)
    metadata = reader.metadata or {}
    return " ".join(f"{pages} {' '.join(str(v) for v in metadata.values())}".split())


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("name", list(PDF_DOCUMENTS))
def test_the_pdf_never_says_self_billing(name: str, language: str) -> None:
    text = pdf_text(render_invoice_pdf(dataclasses.replace(PDF_DOCUMENTS[name](), language=language)))
    assert not FORBIDDEN.search(text), FORBIDDEN.search(text)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("name", list(UBL_DOCUMENTS))
def test_the_e_invoice_never_says_self_billing(name: str, language: str) -> None:
    xml = render_ubl(dataclasses.replace(UBL_DOCUMENTS[name](), language=language)).decode()
    assert not FORBIDDEN.search(xml), FORBIDDEN.search(xml)
    assert "<cbc:InvoiceTypeCode>389<" not in xml  # the self-billed invoice type


@pytest.mark.parametrize(
    ("language", "sent_by"),
    [
        ("sv", "Fakturan skickas av Consultancy Platform AB (Org.nr 559000-0007) för säljarens räkning."),
        ("en", "Sent by Consultancy Platform AB (Org. no. 559000-0007) on behalf of the seller."),
    ],
)
def test_the_pdf_says_who_sends_it_on_the_sellers_behalf(language: str, sent_by: str) -> None:
    assert sent_by in pdf_text(render_invoice_pdf(p.make_document(language=language)))
    # A fixed fee billed to the platform is the seller's own invoice to the platform: nothing to say.
    assert "Consultancy Platform AB (Org" not in pdf_text(render_invoice_pdf(p.fixed_fee(language)))
