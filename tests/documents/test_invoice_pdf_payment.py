"""Who pays whom, on the PDF: on work billed to the client, the client pays the platform (payee on
the seller's behalf) on its client-funds account with this invoice's reference, and the breakdown
shows how the freelancer's payout follows: total − commission − VAT on the commission."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from coapp.documents.invoice_pdf import render_invoice_pdf
from coapp.domain.invoices import InvoiceLine, Unit
from tests.documents.pdf_samples import (
    NORWEGIAN_AS,
    SELLER_BANKGIRO,
    fixed_fee,
    make_document,
    page_texts,
)


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page_texts(pdf)).split())


def test_the_client_pays_the_platform_on_the_sellers_behalf() -> None:
    doc = make_document()
    text = text_of(render_invoice_pdf(doc))
    assert (
        "Betalning Betalas till Consultancy Platform AB för säljarens räkning Bankgiro 5050-1055 "
        "OCR-nummer 20261100426 Förfallodatum 2026-12-30 Att betala 45 125,00 kr"
    ) in text
    assert SELLER_BANKGIRO.bankgiro not in text  # never the freelancer's own account
    assert (
        "Avtalets värde (exkl. moms) 36 100,00 kr Plattformens provision 12,5 % 4 512,50 kr "
        "Moms på provisionen 25 % 1 128,13 kr Utbetalning till frilansaren 39 484,37 kr"
    ) in text
    assert doc.commission.payout == Decimal("39484.37")


def test_a_fixed_fee_is_paid_to_the_seller_by_the_platform() -> None:
    text = text_of(render_invoice_pdf(fixed_fee("en")))
    assert "BUYER Consultancy Platform AB" in text
    assert "Payment Bankgiro 5555-5551 OCR reference 20261100426" in text
    assert "Pay to" not in text
    assert "Sent by" not in text


def test_a_freelancer_abroad_has_the_commission_reverse_charged() -> None:
    text = text_of(render_invoice_pdf(make_document(seller=NORWEGIAN_AS, language="en")))
    assert "VAT on the commission: SEK 0.00 reverse charge Paid to the freelancer SEK 40,612.50" in text


def _printed(text: str, label: str) -> Decimal:
    """The amount printed after `label` (a pattern) in an English PDF's text."""
    found = re.search(rf"{label} SEK ([\d,]+\.\d\d)", text)
    assert found, label
    return Decimal(found.group(1).replace(",", ""))


@settings(max_examples=25, deadline=None)
@given(
    quantities=st.lists(st.decimals(min_value=Decimal("0.25"), max_value=Decimal(12), places=2), min_size=1,
                        max_size=4),
    price=st.decimals(min_value=Decimal("100.00"), max_value=Decimal("2500.00"), places=2),
    rate=st.decimals(min_value=Decimal(0), max_value=Decimal(30), places=1),
    abroad=st.booleans(),
)  # fmt: skip
def test_the_printed_breakdown_adds_up(
    quantities: list[Decimal], price: Decimal, rate: Decimal, abroad: bool
) -> None:
    """What the PDF prints: total due − commission − VAT on the commission = the payout, to the öre."""
    lines = tuple(InvoiceLine("Arbete", q, Unit.HOUR, price, Decimal(25)) for q in quantities)
    seller = {"seller": NORWEGIAN_AS} if abroad else {}
    doc = make_document(lines=lines, commission_rate=str(rate), language="en", **seller)
    text = text_of(render_invoice_pdf(doc))
    total = _printed(text, r"Total due")
    commission = _printed(text, r"Platform commission [\d.]+%")
    vat = _printed(text, r"VAT on the commission[^S]*")
    payout = _printed(text, r"Paid to the freelancer")
    assert total - commission - vat == payout == doc.commission.payout
    expected_vat = Decimal(0) if abroad else (commission / 4).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert vat == expected_vat
