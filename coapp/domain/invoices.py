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


class BilledTo(StrEnum):
    """Who buys, which decides who is paid. Never self-billing: the seller always issues.

    - CLIENT (hourly and daily work): the freelancer is the seller and the issuer, the client the
      buyer. The platform sends the invoice on the seller's behalf and collects the payment on its
      client-funds account (the document's ``payee``), keeps its commission and pays out the rest.
    - PLATFORM (fixed fees): the freelancer invoices the platform, which is the buyer and pays the
      freelancer's own account; the platform invoices the client separately.
    """

    CLIENT = "client"
    PLATFORM = "platform"


def signed_total(kind: InvoiceKind, amount: Decimal) -> Decimal:
    """An amount as it counts in a list or a ledger. Documents follow UBL's convention: a credit
    note's lines and totals are positive and its kind says that it credits; only sums sign it."""
    return -amount if kind is InvoiceKind.CREDIT_NOTE else amount


class InvoiceState(StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    SENT = "sent"
    PAID = "paid"
    CREDITED = "credited"


# Which states may follow which; a numbered invoice never goes back to draft.
TRANSITIONS: dict[InvoiceState, frozenset[InvoiceState]] = {
    InvoiceState.DRAFT: frozenset({InvoiceState.CONFIRMED}),
    InvoiceState.CONFIRMED: frozenset({InvoiceState.SENT, InvoiceState.PAID, InvoiceState.CREDITED}),
    InvoiceState.SENT: frozenset({InvoiceState.PAID, InvoiceState.CREDITED}),
    InvoiceState.PAID: frozenset({InvoiceState.CREDITED}),
    InvoiceState.CREDITED: frozenset(),
}

# The platform's own moves, allowed only where `check_transition(..., returned=True)` says so:
# - confirmed → draft ("returned"): a confirmation made offline has no number yet; if the platform
#   refuses it, it was never issued, so it goes back to draft with the reason kept. Only an invoice
#   *without a number* may be returned (checked by the callers: `returnable`).
# - credited → confirmed: a credit note the platform refused was never issued, so the invoice it
#   meant to cancel stands again.
RETURNS: dict[InvoiceState, frozenset[InvoiceState]] = {
    InvoiceState.CONFIRMED: frozenset({InvoiceState.DRAFT}),
    InvoiceState.CREDITED: frozenset({InvoiceState.CONFIRMED}),
}


def check_transition(current: InvoiceState, new: InvoiceState, *, returned: bool = False) -> None:
    """Raise unless *current* may become *new*; *returned* allows the platform's refusals (RETURNS)."""
    current, new = InvoiceState(current), InvoiceState(new)
    if new in TRANSITIONS[current]:
        return
    if returned and new in RETURNS.get(current, frozenset()):
        return
    raise ValidationError("an invoice that is {current} cannot become {new}", current=current, new=new)


@dataclass(frozen=True)
class InvoiceLine:
    """One line. A time line says what was done that day (the day's note) in ``description``; the
    service and contract it belongs to are the document's ``line_heading``, written once. A
    credit note's lines are positive like the invoice's (UBL); the document's kind says credit."""

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

    @property
    def day(self) -> date | None:
        """The date of a per-day line (None for a week line or a milestone)."""
        return self.first_day if self.first_day is not None and self.first_day == self.last_day else None


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


PLATFORM_COUNTRY = "SE"  # the platform is a Swedish company: its commission carries Swedish VAT
COMMISSION_VAT_RATE = Decimal(25)


@dataclass(frozen=True)
class Commission:
    """The platform's commission on the value of the agreement, shown the same way everywhere.

    The commission is the platform's service to the freelancer, so it carries VAT by the platform's
    rules: 25 % for a freelancer established in Sweden; reverse charge (no VAT, ``reverse_charge``
    set) for one established in another country.
    """

    agreement_value: Decimal  # the net: what the client pays for the work, VAT excluded
    rate: Decimal  # percent
    amount: Decimal
    vat_rate: Decimal  # percent on the commission: 25, or 0 under reverse charge
    vat: Decimal  # VAT on the commission, rounded once, half up
    reverse_charge: bool  # the freelancer accounts for the commission's VAT (established abroad)
    net_to_freelancer: Decimal  # agreement value − commission
    payout: Decimal  # what reaches the freelancer: total (VAT included) − commission − its VAT


def commission_vat_rate(seller_country: str) -> tuple[Decimal, bool]:
    """(rate, reverse charge?) of the VAT on the platform's commission for a freelancer established
    in *seller_country*."""
    if (seller_country or PLATFORM_COUNTRY).strip().upper() == PLATFORM_COUNTRY:
        return COMMISSION_VAT_RATE, False
    return Decimal(0), True


def compute_commission(totals: Totals, rate: Decimal, *, seller_country: str) -> Commission:
    """The commission on *totals* at *rate* percent, for a freelancer established in
    *seller_country* (which decides the VAT on the commission)."""
    if not Decimal(0) <= rate <= HUNDRED:
        raise ValidationError("the commission rate must be between 0 and 100 %")
    amount = round_money(totals.net * rate / HUNDRED)
    vat_rate, reverse_charge = commission_vat_rate(seller_country)
    vat = round_money(amount * vat_rate / HUNDRED)
    return Commission(
        agreement_value=totals.net,
        rate=rate,
        amount=amount,
        vat_rate=vat_rate,
        vat=vat,
        reverse_charge=reverse_charge,
        net_to_freelancer=totals.net - amount,
        payout=totals.total - amount - vat,
    )


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
    """Everything a renderer (PDF, UBL, CSV) needs; no renderer looks anything else up.

    The seller is always the issuer (never self-billing). ``billed_to`` says who buys; on a CLIENT
    invoice ``payee`` is the platform, which sends the invoice on the seller's behalf and collects
    the payment on its client-funds account (``payment`` holds that account and this invoice's own
    reference); on a PLATFORM invoice ``payee`` is None and ``payment`` is the seller's account.
    Amounts are positive on invoices and credit notes alike; ``kind`` says which (UBL).
    """

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
    billed_to: BilledTo
    reverse_charge: bool
    contract_title: str
    lines: tuple[InvoiceLine, ...]
    totals: Totals
    commission: Commission
    payment: Payment
    credited_number: str | None = None  # on a credit note: the invoice it corrects
    buyer_reference: str = ""
    notes: str = ""
    payee: Party | None = None  # CLIENT invoices: the platform, which is paid on the seller's behalf
    line_heading: str = ""  # written once above the lines, e.g. "Konsulttjänster: <contract title>"

    @property
    def signed_total(self) -> Decimal:
        return signed_total(self.kind, self.totals.total)


def sum_by_currency(amounts: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    result: dict[str, Decimal] = {}
    for currency, amount in amounts:
        result[currency] = result.get(currency, Decimal(0)) + amount
    return result
