"""Invoice arithmetic (EN 16931 model): Decimal throughout, ROUND_HALF_UP stated at each point.

Line amount = quantity × unit price, rounded to cents per line; the net is the exact sum of the
rounded lines; VAT is computed per rate group on that net and rounded once per group; the total is
net + VAT. So lines always add up to the total, to the öre.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from coapp.domain.errors import ValidationError

CENT = Decimal("0.01")
QUANTITY_STEP = Decimal("0.0001")  # quantities carry at most four decimals
HUNDRED = Decimal(100)


def round_money(amount: Decimal) -> Decimal:
    if not isinstance(amount, Decimal):
        raise TypeError("money must be Decimal")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def round_quantity(quantity: Decimal) -> Decimal:
    return quantity.quantize(QUANTITY_STEP, rounding=ROUND_HALF_UP)


class Unit(StrEnum):
    """UN/ECE Recommendation 20 codes, as UBL wants them."""

    HOUR = "HUR"
    DAY = "DAY"
    PIECE = "C62"


class VatCategory(StrEnum):
    """UNCL 5305 codes used by Peppol BIS Billing 3.0."""

    STANDARD = "S"
    ZERO = "Z"
    REVERSE_CHARGE = "AE"
    EXPORT = "G"
    OUTSIDE_SCOPE = "O"


class InvoiceKind(StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


class InvoiceState(StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    SENT = "sent"
    PAID = "paid"
    CREDITED = "credited"


# Which states may follow which; a confirmed invoice never goes back to draft.
TRANSITIONS: dict[InvoiceState, frozenset[InvoiceState]] = {
    InvoiceState.DRAFT: frozenset({InvoiceState.CONFIRMED}),
    InvoiceState.CONFIRMED: frozenset({InvoiceState.SENT, InvoiceState.PAID, InvoiceState.CREDITED}),
    InvoiceState.SENT: frozenset({InvoiceState.PAID, InvoiceState.CREDITED}),
    InvoiceState.PAID: frozenset({InvoiceState.CREDITED}),
    InvoiceState.CREDITED: frozenset(),
}


def check_transition(current: InvoiceState, new: InvoiceState) -> None:
    if new not in TRANSITIONS[current]:
        raise ValidationError(f"an invoice that is {current.value} cannot become {new.value}")


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    quantity: Decimal
    unit: Unit
    unit_price: Decimal
    vat_rate: Decimal  # percent, e.g. Decimal("25")
    vat_category: VatCategory = VatCategory.STANDARD
    first_day: date | None = None
    last_day: date | None = None
    raw_minutes: int | None = None  # reported time behind the line
    billed_minutes: int | None = None  # after the contract's rounding rule
    notes: str = ""

    def __post_init__(self) -> None:
        for name in ("quantity", "unit_price", "vat_rate"):
            if not isinstance(getattr(self, name), Decimal):
                raise TypeError(f"{name} must be Decimal")

    @property
    def amount(self) -> Decimal:
        return round_money(self.quantity * self.unit_price)


@dataclass(frozen=True)
class VatGroup:
    category: VatCategory
    rate: Decimal
    base: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Totals:
    net: Decimal
    vat: tuple[VatGroup, ...]
    total: Decimal

    @property
    def vat_total(self) -> Decimal:
        return sum((g.amount for g in self.vat), Decimal(0))


def compute_totals(lines: Sequence[InvoiceLine]) -> Totals:
    groups: dict[tuple[VatCategory, Decimal], Decimal] = {}
    for line in lines:
        key = (line.vat_category, line.vat_rate.normalize())
        groups[key] = groups.get(key, Decimal(0)) + line.amount
    vat = tuple(
        VatGroup(category, rate, base, round_money(base * rate / HUNDRED))
        for (category, rate), base in sorted(groups.items(), key=lambda kv: (-kv[0][1], kv[0][0].value))
    )
    net = sum((line.amount for line in lines), Decimal(0))
    return Totals(net=net, vat=vat, total=net + sum((g.amount for g in vat), Decimal(0)))


@dataclass(frozen=True)
class Commission:
    """The platform's commission on the value of the agreement, shown the same way everywhere."""

    agreement_value: Decimal  # the net: what the client pays for the work, VAT excluded
    rate: Decimal  # percent
    amount: Decimal
    net_to_freelancer: Decimal  # agreement value − commission
    payout: Decimal  # what reaches the freelancer: the total (VAT included) − commission


def compute_commission(totals: Totals, rate: Decimal) -> Commission:
    if not Decimal(0) <= rate <= HUNDRED:
        raise ValidationError("the commission rate must be between 0 and 100 %")
    amount = round_money(totals.net * rate / HUNDRED)
    return Commission(totals.net, rate, amount, totals.net - amount, totals.total - amount)


@dataclass(frozen=True)
class Party:
    """A seller or buyer as printed on the invoice (frozen into it at confirmation)."""

    name: str
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "SE"
    org_number: str = ""
    vat_number: str = ""
    registered_office: str = ""
    limited_company: bool = False
    f_skatt: bool = False
    email: str = ""


@dataclass(frozen=True)
class Payment:
    bankgiro: str = ""
    plusgiro: str = ""
    iban: str = ""
    bic: str = ""
    reference_kind: str = ""  # coapp.domain.payment_refs.ReferenceKind: "ocr", "kid", "fik", ...
    reference: str = ""


@dataclass(frozen=True)
class InvoiceDocument:
    """Everything a renderer (PDF, UBL, CSV) needs; no renderer looks anything else up."""

    id: str
    kind: InvoiceKind
    state: InvoiceState
    number: str | None  # None on a draft, or when confirmed offline and not yet numbered
    issue_date: date
    due_date: date
    period_start: date
    period_end: date
    currency: str
    language: str  # "sv" or "en"
    seller: Party
    buyer: Party
    self_billing: bool  # the platform issues it on the seller's behalf (hourly and daily work)
    reverse_charge: bool
    contract_title: str
    lines: tuple[InvoiceLine, ...]
    totals: Totals
    commission: Commission
    payment: Payment
    credited_number: str | None = None  # on a credit note: the invoice it corrects
    buyer_reference: str = ""
    notes: str = ""
    issuer: Party | None = None  # the platform, when it issues on the seller's behalf


def sum_by_currency(amounts: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    result: dict[str, Decimal] = {}
    for currency, amount in amounts:
        result[currency] = result.get(currency, Decimal(0)) + amount
    return result
