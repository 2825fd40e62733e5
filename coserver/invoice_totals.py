"""The server's own arithmetic for an invoice the client decided on: every line amount, the net, VAT
per rate group, the total and the commission, recomputed with the very domain code the client used
(coapp.domain.invoices, the EN 16931 model), so both sides agree to the öre by construction. A figure
that differs is refused and named; the client's numbers are never stored unchecked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from coapp.domain.errors import ValidationError
from coapp.domain.invoices import InvoiceLine, compute_commission, compute_totals
from coapp.domain.money import basis_points_to_percent, exponent, from_minor, to_minor
from coapp.sync.wire import InvoiceLineRecord
from coserver.errors import ApiError

QUANTITY_SCALE = 10_000  # quantity_e4: the client's invoice_lines column (coapp.services.invoice_records)


@dataclass(frozen=True)
class Figures:
    net_minor: int
    vat_minor: int
    total_minor: int
    commission_minor: int


def mismatch(field: str, message: str) -> ApiError:
    return ApiError(422, "totals_mismatch", message, field=field)


def check_currency(currency: str) -> None:
    try:
        exponent(currency)
    except ValidationError as exc:
        raise ApiError(422, "invalid_field", str(exc), field="currency") from None


def domain_line(line: InvoiceLineRecord, currency: str) -> InvoiceLine:
    """The same conversion as the client's line_from_row."""
    return InvoiceLine(
        description=line.description,
        quantity=Decimal(line.quantity_e4) / QUANTITY_SCALE,
        unit=line.unit,
        unit_price=from_minor(line.unit_price_minor, currency),
        vat_rate=basis_points_to_percent(line.vat_rate_bp),
        vat_category=line.vat_category,
        first_day=line.first_day,
        last_day=line.last_day,
        raw_minutes=line.raw_minutes,
        billed_minutes=line.billed_minutes,
        notes=line.notes,
    )


def recompute(
    lines: Sequence[InvoiceLineRecord], currency: str, commission_bp: int, seller_country: str = "SE"
) -> Figures:
    """Check each line's amount (quantity × unit price, rounded half up per line) and return the
    invoice's figures as the domain computes them."""
    check_currency(currency)
    domain_lines = []
    for index, line in enumerate(lines):
        domain = domain_line(line, currency)
        amount = to_minor(domain.amount, currency)
        if amount != line.amount_minor:
            raise mismatch(
                f"lines.{index}.amount_minor",
                f"Line {line.position}: {domain.quantity} × {domain.unit_price} is {amount} in minor "
                f"units, not {line.amount_minor}.",
            )
        domain_lines.append(domain)
    totals = compute_totals(domain_lines)
    commission = compute_commission(
        totals, basis_points_to_percent(commission_bp), seller_country=seller_country
    )
    return Figures(
        net_minor=to_minor(totals.net, currency),
        vat_minor=to_minor(totals.vat_total, currency),
        total_minor=to_minor(totals.total, currency),
        commission_minor=to_minor(commission.amount, currency),
    )


def compare(theirs: Figures, ours: Figures) -> None:
    """Refuse the first figure the client got wrong, saying what the server computed."""
    for name in ("net_minor", "vat_minor", "total_minor", "commission_minor"):
        sent, computed = getattr(theirs, name), getattr(ours, name)
        if sent != computed:
            raise mismatch(name, f"{name} is {computed} by the server's arithmetic, not {sent}.")
