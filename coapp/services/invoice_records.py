"""Between stored invoice rows (integer minor units) and the InvoiceDocument renderers read."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from typing import Any

from coapp.domain.invoices import (
    BilledTo,
    InvoiceDocument,
    InvoiceKind,
    InvoiceLine,
    InvoiceState,
    Party,
    Payment,
    Unit,
    VatCategory,
    compute_commission,
    compute_totals,
)
from coapp.domain.money import basis_points_to_percent, from_minor, percent_to_basis_points, to_minor
from coapp.models import Invoice, InvoiceLineRow

QUANTITY_SCALE = 10_000


def line_from_row(row: InvoiceLineRow, currency: str) -> InvoiceLine:
    return InvoiceLine(
        description=row.description,
        quantity=Decimal(row.quantity_e4) / QUANTITY_SCALE,
        unit=Unit(row.unit),
        unit_price=from_minor(row.unit_price_minor, currency),
        vat_rate=basis_points_to_percent(row.vat_rate_bp),
        vat_category=VatCategory(row.vat_category),
        first_day=row.first_day,
        last_day=row.last_day,
        raw_minutes=row.raw_minutes,
        billed_minutes=row.billed_minutes,
        notes=row.notes,
    )


def row_from_line(line: InvoiceLine, invoice_id: str, position: int, currency: str) -> InvoiceLineRow:
    quantity_e4 = line.quantity * QUANTITY_SCALE
    if quantity_e4 != quantity_e4.to_integral_value():
        raise ValueError("quantities carry at most four decimals")
    return InvoiceLineRow(
        invoice_id=invoice_id,
        position=position,
        description=line.description,
        quantity_e4=int(quantity_e4),
        unit=line.unit.value,
        unit_price_minor=to_minor(line.unit_price, currency),
        vat_rate_bp=percent_to_basis_points(line.vat_rate),
        vat_category=line.vat_category.value,
        amount_minor=to_minor(line.amount, currency),
        first_day=line.first_day,
        last_day=line.last_day,
        raw_minutes=line.raw_minutes,
        billed_minutes=line.billed_minutes,
        notes=line.notes,
    )


def party_to_json(party: Party) -> dict[str, Any]:
    return asdict(party)


def party_from_json(data: dict[str, Any] | None) -> Party:
    if not data:
        return Party(name="")
    known = {k: v for k, v in data.items() if k in Party.__dataclass_fields__}
    return Party(**known)


def payment_from_json(data: dict[str, Any] | None) -> Payment:
    if not data:
        return Payment()
    return Payment(**{k: v for k, v in data.items() if k in Payment.__dataclass_fields__})


def document_from_rows(
    row: Invoice,
    lines: list[InvoiceLineRow],
    *,
    contract_title: str,
    seller: Party,
    buyer: Party,
    payee: Party | None,
    payment: Payment,
    credited_number: str | None = None,
    line_heading: str = "",
) -> InvoiceDocument:
    """An InvoiceDocument; totals are recomputed from the lines (they are the source of truth)."""
    doc_lines = tuple(line_from_row(r, row.currency) for r in sorted(lines, key=lambda r: r.position))
    totals = compute_totals(doc_lines)
    return InvoiceDocument(
        id=row.id,
        kind=InvoiceKind(row.kind),
        state=InvoiceState(row.state),
        number=row.number,
        issue_date=row.issue_date,
        due_date=row.due_date,
        period_start=row.period_start,
        period_end=row.period_end,
        currency=row.currency,
        language=row.language,
        seller=seller,
        buyer=buyer,
        billed_to=BilledTo(row.billed_to),
        reverse_charge=row.reverse_charge,
        contract_title=contract_title,
        lines=doc_lines,
        totals=totals,
        commission=compute_commission(
            totals, basis_points_to_percent(row.commission_bp), seller_country=seller.country or "SE"
        ),
        payment=payment,
        credited_number=credited_number,
        buyer_reference=row.buyer_reference,
        notes=row.notes,
        payee=payee,
        line_heading=line_heading,
    )


def store_totals(row: Invoice, doc: InvoiceDocument) -> None:
    """Keep the row's summary columns (used by lists and filters) equal to the lines' totals."""
    row.net_minor = to_minor(doc.totals.net, row.currency)
    row.vat_minor = to_minor(doc.totals.vat_total, row.currency)
    row.total_minor = to_minor(doc.totals.total, row.currency)
    row.commission_minor = to_minor(doc.commission.amount, row.currency)
