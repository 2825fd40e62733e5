"""Peppol BIS Billing 3.0 (UBL 2.1) e-invoices and credit notes from an InvoiceDocument.

``render_ubl(doc)`` returns the XML as UTF-8 bytes with an XML declaration; ``write_ubl(doc, path)``
writes it atomically. Everything comes from the InvoiceDocument; nothing is looked up.

Decisions (checked against the official Schematron, release 3.0.19):

- Not self-billing: the freelancer is the seller and issues the invoice, so it is a commercial
  invoice, 380 (credit note 381), and never says "self-billing" (type code 389 and the Peppol
  Self-Billing BIS are for invoices the buyer issues). On work billed to the client the platform
  sends it and is paid on the seller's behalf: it is the PayeeParty (BG-10, its name and
  organisation number), the PaymentMeans are its client-funds account with this invoice's
  reference, and the note says so.
- One document note only (PEPPOL-EN16931-R002): who sends it and is paid, reverse charge, the
  contract, the commission breakdown (with the VAT on the commission) and the invoice's own notes
  are lines of that one note.
- BuyerReference is mandatory in Peppol (R003): the buyer's reference, else the contract title.
- A credit note has positive amounts, as the domain stores it (a UBL credit note credits positive
  amounts; Danish rule DK-R-016 forbids a negative one); one stored negative by an older version is
  written positive too.
- Lines: the item name (BT-153) is what the lines are for, the document's line heading
  ("Konsulttjänster: <contract>"), and the item description (BT-154) the line's own text (the day's
  note) with its notes; the line period holds the day.
- Reverse charge: category AE, rate 0, exemption code VATEX-EU-AE with the text "Reverse charge"
  (Swedish: "Omvänd betalningsskyldighet"); the buyer's VAT number is required.
- Line net amount = quantity × unit price rounded half up to cents (InvoiceLine.amount); price and
  quantity are written unrounded, so quantity × price is within half an öre of the line amount
  (PEPPOL-EN16931-R120 allows 0.02).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from coapp.base.atomic_file import write_atomic
from coapp.documents.ubl_parties import add_party, add_payee, add_payment_means, compact_vat, payment_terms
from coapp.documents.ubl_xml import (
    CAC,
    CBC,
    CREDIT_NOTE_NS,
    INVOICE_NS,
    add,
    add_amount,
    add_text,
    clean,
    money,
    plain,
)
from coapp.domain.errors import ValidationError
from coapp.domain.invoices import BilledTo, InvoiceDocument, InvoiceKind, InvoiceLine, Party, VatCategory

CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
INVOICE_TYPE_CODE = "380"  # commercial invoice: the seller issues it (see the module docstring)
CREDIT_NOTE_TYPE_CODE = "381"

# VAT exemption reasons (BT-120/121) for the categories that need one; S and Z must have none.
_EXEMPTION: dict[VatCategory, tuple[str, dict[str, str]]] = {
    VatCategory.REVERSE_CHARGE: (
        "VATEX-EU-AE",
        {"sv": "Omvänd betalningsskyldighet", "en": "Reverse charge"},
    ),
    VatCategory.EXPORT: ("VATEX-EU-G", {"sv": "Export utanför EU", "en": "Export outside the EU"}),
    VatCategory.OUTSIDE_SCOPE: (
        "VATEX-EU-O",
        {"sv": "Omfattas inte av mervärdesskatt", "en": "Not subject to VAT"},
    ),
}

_TEXTS = {
    "sv": {
        "sent_by": "Skickad av {platform} för säljarens räkning",
        "paid_to": "betalning till {platform}, som tar emot den för säljarens räkning",
        "reverse_charge": "Omvänd betalningsskyldighet",
        "contract": "Avtal",
        "commission": "Avtalsvärde {value} {cur}, provision {rate} % = {amount} {cur}, {vat}, "
        "till säljaren {payout} {cur}",
        "commission_vat": "moms på provisionen {rate} % = {vat} {cur}",
        "commission_vat_reverse": "moms på provisionen: omvänd betalningsskyldighet",
    },
    "en": {
        "sent_by": "Sent by {platform} on behalf of the seller",
        "paid_to": "payment to {platform}, which receives it on the seller's behalf",
        "reverse_charge": "Reverse charge",
        "contract": "Contract",
        "commission": "Agreement value {value} {cur}, commission {rate} % = {amount} {cur}, {vat}, "
        "paid to the seller {payout} {cur}",
        "commission_vat": "VAT on the commission {rate} % = {vat} {cur}",
        "commission_vat_reverse": "VAT on the commission: reverse charge",
    },
}


@dataclass(frozen=True)
class _Line:
    """A line as written: signs turned for a credit note stored with negative amounts."""

    source: InvoiceLine
    quantity: Decimal
    price: Decimal
    amount: Decimal


def render_ubl(doc: InvoiceDocument) -> bytes:
    """The Peppol BIS Billing 3.0 Invoice (380) or CreditNote (381) for a numbered document."""
    _check(doc)
    credit = doc.kind is InvoiceKind.CREDIT_NOTE
    sign = Decimal(-1) if credit and doc.totals.total < 0 else Decimal(1)
    language = doc.language if doc.language in _TEXTS else "en"
    root = ET.Element(
        "CreditNote" if credit else "Invoice",
        {"xmlns": CREDIT_NOTE_NS if credit else INVOICE_NS, "xmlns:cac": CAC, "xmlns:cbc": CBC},
    )
    add(root, "cbc:CustomizationID", CUSTOMIZATION_ID)
    add(root, "cbc:ProfileID", PROFILE_ID)
    add(root, "cbc:ID", doc.number or "")
    add(root, "cbc:IssueDate", doc.issue_date.isoformat())
    if credit:
        add(root, "cbc:CreditNoteTypeCode", CREDIT_NOTE_TYPE_CODE)
    else:
        add(root, "cbc:DueDate", doc.due_date.isoformat())
        add(root, "cbc:InvoiceTypeCode", INVOICE_TYPE_CODE)
    add_text(root, "cbc:Note", _note(doc, language, sign))
    add(root, "cbc:DocumentCurrencyCode", doc.currency)
    add(root, "cbc:BuyerReference", clean(doc.buyer_reference) or clean(doc.contract_title) or doc.id)
    period = add(root, "cac:InvoicePeriod")
    add(period, "cbc:StartDate", doc.period_start.isoformat())
    add(period, "cbc:EndDate", doc.period_end.isoformat())
    if credit:
        reference = add(add(root, "cac:BillingReference"), "cac:InvoiceDocumentReference")
        add(reference, "cbc:ID", doc.credited_number or "")
    # Category O ("not subject to VAT") forbids VAT identifiers on the invoice (BR-O-02).
    with_vat = all(line.vat_category is not VatCategory.OUTSIDE_SCOPE for line in doc.lines)
    add_party(
        add(root, "cac:AccountingSupplierParty"), doc.seller, "seller", with_vat=with_vat, language=language
    )
    add_party(
        add(root, "cac:AccountingCustomerParty"), doc.buyer, "buyer", with_vat=with_vat, language=language
    )
    payee = _payee(doc)
    if payee is not None:
        add_payee(root, payee)
    if not credit:
        add_payment_means(root, doc.payment, clean(doc.payment.reference) or doc.number or "")
        add(add(root, "cac:PaymentTerms"), "cbc:Note", payment_terms(doc.issue_date, doc.due_date, language))
    _add_tax_total(root, doc, sign, language)
    _add_monetary_total(root, doc, sign)
    heading = clean(doc.line_heading)
    for index, line in enumerate(_lines(doc, sign), start=1):
        _add_line(root, line, index, doc.currency, credit, heading)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()


def write_ubl(doc: InvoiceDocument, path: Path) -> None:
    write_atomic(Path(path), render_ubl(doc))


def _check(doc: InvoiceDocument) -> None:
    """Refuse what cannot become a valid e-invoice, naming the problem."""
    if not doc.number:
        raise ValidationError("an e-invoice needs the invoice number: confirm the invoice (and sync) first")
    if not doc.lines:
        raise ValidationError("an e-invoice needs at least one line")
    if doc.kind is InvoiceKind.CREDIT_NOTE and not doc.credited_number:
        raise ValidationError("a credit note must name the invoice it corrects")
    if doc.period_end < doc.period_start:
        raise ValidationError("the invoice period ends before it starts")
    for line in doc.lines:
        first, last = line.first_day or line.last_day, line.last_day or line.first_day
        if first and last and not (doc.period_start <= first <= last <= doc.period_end):
            raise ValidationError(f"line “{line.description}” lies outside the invoice period")
        if line.vat_category is VatCategory.REVERSE_CHARGE and line.vat_rate != 0:
            raise ValidationError("a reverse-charge line must have a VAT rate of 0")
    if doc.reverse_charge and any(line.vat_category is not VatCategory.REVERSE_CHARGE for line in doc.lines):
        raise ValidationError("a reverse-charge invoice must have every line in VAT category AE")
    categories = {line.vat_category for line in doc.lines}
    if VatCategory.OUTSIDE_SCOPE in categories and len(categories) > 1:
        raise ValidationError("lines not subject to VAT cannot share an invoice with other VAT categories")
    reverse_lines = any(line.vat_category is VatCategory.REVERSE_CHARGE for line in doc.lines)
    if reverse_lines and not compact_vat(doc.buyer.vat_number):
        raise ValidationError("reverse charge needs the buyer's VAT number")
    totals = doc.totals
    net = sum((line.amount for line in doc.lines), Decimal(0))
    if totals.net != net or sum((g.base for g in totals.vat), Decimal(0)) != net:
        raise ValidationError("the invoice totals do not add up to its lines")
    if totals.total != totals.net + totals.vat_total:
        raise ValidationError("the invoice total is not net + VAT")


def _payee(doc: InvoiceDocument) -> Party | None:
    """The platform on work billed to the client; no one else is paid on the seller's behalf."""
    if doc.billed_to is BilledTo.CLIENT and doc.payee is not None and clean(doc.payee.name):
        return doc.payee
    return None


def _note(doc: InvoiceDocument, language: str, sign: Decimal) -> str:
    texts = _TEXTS[language]
    parts = []
    payee = _payee(doc)
    if payee is not None:
        platform = clean(payee.name)
        statement = texts["sent_by"].format(platform=platform)
        if doc.kind is not InvoiceKind.CREDIT_NOTE:  # a credit note asks for no payment
            statement += "; " + texts["paid_to"].format(platform=platform)
        parts.append(statement)
    if doc.reverse_charge:
        parts.append(texts["reverse_charge"])
    if clean(doc.contract_title):
        parts.append(f"{texts['contract']}: {clean(doc.contract_title)}")
    commission = doc.commission
    if commission.rate:
        if commission.reverse_charge:
            vat = texts["commission_vat_reverse"]
        else:
            vat = texts["commission_vat"].format(
                rate=plain(commission.vat_rate), vat=money(sign * commission.vat), cur=doc.currency
            )
        parts.append(
            texts["commission"].format(
                value=money(sign * commission.agreement_value),
                rate=plain(commission.rate),
                amount=money(sign * commission.amount),
                vat=vat,
                payout=money(sign * commission.payout),
                cur=doc.currency,
            )
        )
    if clean(doc.notes):
        parts.append(clean(doc.notes))
    return "\n".join(parts)


def _add_tax_category(
    parent: ET.Element, tag: str, category: VatCategory, rate: Decimal, language: str, *, reason: bool
) -> None:
    element = add(parent, tag)
    add(element, "cbc:ID", category.value)
    if category is not VatCategory.OUTSIDE_SCOPE:  # category O carries no rate (BR-O-05)
        add(element, "cbc:Percent", plain(rate))
    if reason and category in _EXEMPTION:
        code, text = _EXEMPTION[category]
        add(element, "cbc:TaxExemptionReasonCode", code)
        add(element, "cbc:TaxExemptionReason", text[language])
    add(add(element, "cac:TaxScheme"), "cbc:ID", "VAT")


def _add_tax_total(root: ET.Element, doc: InvoiceDocument, sign: Decimal, language: str) -> None:
    tax_total = add(root, "cac:TaxTotal")
    add_amount(tax_total, "cbc:TaxAmount", sign * doc.totals.vat_total, doc.currency)
    for group in doc.totals.vat:
        subtotal = add(tax_total, "cac:TaxSubtotal")
        add_amount(subtotal, "cbc:TaxableAmount", sign * group.base, doc.currency)
        add_amount(subtotal, "cbc:TaxAmount", sign * group.amount, doc.currency)
        _add_tax_category(subtotal, "cac:TaxCategory", group.category, group.rate, language, reason=True)


def _add_monetary_total(root: ET.Element, doc: InvoiceDocument, sign: Decimal) -> None:
    total = add(root, "cac:LegalMonetaryTotal")
    add_amount(total, "cbc:LineExtensionAmount", sign * doc.totals.net, doc.currency)
    add_amount(total, "cbc:TaxExclusiveAmount", sign * doc.totals.net, doc.currency)
    add_amount(total, "cbc:TaxInclusiveAmount", sign * doc.totals.total, doc.currency)
    add_amount(total, "cbc:PayableAmount", sign * doc.totals.total, doc.currency)


def _lines(doc: InvoiceDocument, sign: Decimal) -> list[_Line]:
    """Lines as written; the price is never negative (BR-27): a negative price turns the quantity."""
    result = []
    for line in doc.lines:
        quantity, price = sign * line.quantity, line.unit_price
        if price < 0:
            quantity, price = -quantity, -price
        result.append(_Line(line, quantity, price, sign * line.amount))
    return result


def _add_line(root: ET.Element, line: _Line, index: int, currency: str, credit: bool, heading: str) -> None:
    source = line.source
    element = add(root, "cac:CreditNoteLine" if credit else "cac:InvoiceLine")
    add(element, "cbc:ID", str(index))
    quantity_tag = "cbc:CreditedQuantity" if credit else "cbc:InvoicedQuantity"
    add(element, quantity_tag, plain(line.quantity), unitCode=source.unit.value)
    add_amount(element, "cbc:LineExtensionAmount", line.amount, currency)
    if source.first_day or source.last_day:
        period = add(element, "cac:InvoicePeriod")
        if source.first_day:
            add(period, "cbc:StartDate", source.first_day.isoformat())
        if source.last_day:
            add(period, "cbc:EndDate", source.last_day.isoformat())
    item = add(element, "cac:Item")
    if heading:  # the name says what it is; the description what was done (the day's note)
        text, notes = clean(source.description), clean(source.notes)
        description = "\n".join(t for t in (text, "" if notes in text else notes) if t)
        add_text(item, "cbc:Description", description)
        add(item, "cbc:Name", heading)
    else:
        add_text(item, "cbc:Description", source.notes)
        add(item, "cbc:Name", clean(source.description) or "-")
    _add_tax_category(
        item, "cac:ClassifiedTaxCategory", source.vat_category, source.vat_rate, "en", reason=False
    )
    _add_price(add(element, "cac:Price"), line.price, currency)


def _add_price(price: ET.Element, amount: Decimal, currency: str) -> None:
    """Item net price (BT-146): unrounded, so that quantity × price gives the line amount."""
    add(price, "cbc:PriceAmount", plain(amount), currencyID=currency)
