"""Reading an invoice with everything around it (contract, parties) inside one session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.identifiers import (
    format_bankgiro,
    format_iban,
    format_org_number,
    format_plusgiro,
    format_vat_number,
)
from coapp.domain.invoice_lines import line_heading
from coapp.domain.invoices import BilledTo, InvoiceDocument, Party, Payment
from coapp.models import BusinessDetails, Contract, Invoice, InvoiceLineRow
from coapp.services.invoice_records import document_from_rows, party_from_json, payment_from_json
from coapp.services.platform import PLATFORM, PLATFORM_CLIENT_FUNDS


@dataclass
class Loaded:
    row: Invoice
    lines: list[InvoiceLineRow]
    contract: Contract


def load(s: Session, invoice_id: str) -> Loaded:
    row = s.get(Invoice, invoice_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("no invoice with id {id}", id=invoice_id)
    contract = s.get(Contract, row.contract_id)
    assert contract is not None
    live = (InvoiceLineRow.invoice_id == row.id) & InvoiceLineRow.deleted_at.is_(None)
    lines = list(s.scalars(select(InvoiceLineRow).where(live)))
    return Loaded(row, lines, contract)


def business_row(s: Session) -> BusinessDetails | None:
    return s.scalars(select(BusinessDetails).where(BusinessDetails.deleted_at.is_(None))).first()


def _formatted(format_: Callable[[str, str], str], text: str, country: str) -> str:
    """Identifiers as people read them ("556036-0793"); a value that no longer validates (an old
    record) is printed as stored rather than hidden, and the pre-flight check names it."""
    if not text:
        return ""
    try:
        return format_(text, country)
    except ValidationError:
        return text


def seller_party(details: BusinessDetails | None) -> Party:
    if details is None:
        return Party(name="")
    return Party(
        name=details.name,
        address=details.address,
        postcode=details.postcode,
        city=details.city,
        country=details.country,
        org_number=_formatted(format_org_number, details.org_number, details.country),
        vat_number=_formatted(format_vat_number, details.vat_number, details.country),
        registered_office=details.registered_office,
        limited_company=details.company_form == "limited",
        f_skatt=details.f_skatt,
        email=details.email,
    )


def client_party(contract: Contract) -> Party:
    return Party(
        name=contract.client_name,
        address=contract.client_address,
        postcode=contract.client_postcode,
        city=contract.client_city,
        country=contract.client_country,
        org_number=_formatted(format_org_number, contract.client_org_number, contract.client_country),
        vat_number=_formatted(format_vat_number, contract.client_vat_number, contract.client_country),
    )


def payment_of(details: BusinessDetails | None) -> Payment:
    if details is None:
        return Payment()
    return Payment(
        bankgiro=_formatted(lambda text, _c: format_bankgiro(text), details.bankgiro, details.country),
        plusgiro=_formatted(lambda text, _c: format_plusgiro(text), details.plusgiro, details.country),
        iban=_formatted(lambda text, _c: format_iban(text), details.iban, details.country),
        bic=details.bic,
    )


def document(s: Session, loaded: Loaded) -> InvoiceDocument:
    """Confirmed invoices read their frozen parties; drafts show today's details."""
    row = loaded.row
    if row.frozen:
        seller = party_from_json(row.frozen.get("seller"))  # type: ignore[arg-type]
        buyer = party_from_json(row.frozen.get("buyer"))  # type: ignore[arg-type]
        payee_json = row.frozen.get("payee") or row.frozen.get("issuer")
        payee = party_from_json(payee_json) if payee_json else None  # type: ignore[arg-type]
        payment = payment_from_json(row.frozen.get("payment"))  # type: ignore[arg-type]
        title = str(row.frozen.get("contract_title", loaded.contract.title))
    else:
        details = business_row(s)
        seller = seller_party(details)
        if row.billed_to is BilledTo.CLIENT:
            # The client pays the platform's client-funds account; the platform pays out.
            buyer, payee, payment = client_party(loaded.contract), PLATFORM, PLATFORM_CLIENT_FUNDS
        else:
            buyer, payee, payment = PLATFORM, None, payment_of(details)
        title = loaded.contract.title
    credited = None
    if row.credited_invoice_id:
        original = s.get(Invoice, row.credited_invoice_id)
        credited = original.number if original is not None else None
    return document_from_rows(
        row,
        loaded.lines,
        contract_title=title,
        seller=seller,
        buyer=buyer,
        payee=payee,
        payment=payment,
        credited_number=credited,
        line_heading=_heading(row, loaded.lines, title),
    )


def _heading(row: Invoice, lines: list[InvoiceLineRow], title: str) -> str:
    """The service and contract above the time lines; none on a fixed-fee invoice (its milestones
    say what they are), nor on lines made before the heading existed (they each repeat it)."""
    if row.billed_to is not BilledTo.CLIENT:
        return ""
    heading = line_heading(title, row.language)
    if any(line.description.startswith(heading) for line in lines):
        return ""
    return heading
