"""Invoice commands (SYNC.md "commands", INVOICING.md): confirm, credit, and the invoice record."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    model_validator,
)

from coapp.domain.invoice_numbers import DEFAULT_NUMBER_FORMAT, NUMBER_PATTERN
from coapp.domain.invoices import BilledTo, Unit, VatCategory
from coapp.sync.wire.common import ErrorBody, _Body

# --- Invoice commands (SYNC.md "commands", INVOICING.md) ---------------------------------------------

IF_MATCH_HEADER = "If-Match"
INVOICE_LINES_MAX = 500
INVOICE_ENTRIES_MAX = 5000
INVOICE_NOTES_MAX_LENGTH = 4000
FROZEN_MAX_BYTES = 65_536  # the parties and payment details, serialized compactly
_OLD_NAME = "self_billing"  # billed_to's name before issue 8, read from old clients only
# Invoice numbers reach file names, URLs and payment references: the domain's alphabet, checked
# wherever one is parsed (a number the platform sends that does not match is a bad answer).
INVOICE_NUMBER_PATTERN = f"^{NUMBER_PATTERN.pattern}$"
# Bounds that keep every total well inside a 64-bit column: 500 lines × 100,000 units × 100 million
# in major units, doubled by VAT, is still below 2**63 minor units.
QUANTITY_E4_LIMIT = 10**9
UNIT_PRICE_MINOR_LIMIT = 10**10
AMOUNT_MINOR_LIMIT = 10**18


def if_match(version: int) -> str:
    """The If-Match value for a command decided on `version` (an entity tag in quotes)."""
    return f'"{version}"'


class InvoiceLineRecord(BaseModel):
    """One invoice line in integer units: quantity × 10,000, prices and amounts in minor units, VAT in
    hundredths of a percent (the columns of the client's invoice_lines table)."""

    position: int = Field(ge=0, le=100_000)
    description: str = Field(max_length=1000)
    quantity_e4: int = Field(ge=-QUANTITY_E4_LIMIT, le=QUANTITY_E4_LIMIT)
    unit: Unit
    unit_price_minor: int = Field(ge=-UNIT_PRICE_MINOR_LIMIT, le=UNIT_PRICE_MINOR_LIMIT)
    vat_rate_bp: int = Field(ge=0, le=10_000)
    vat_category: VatCategory = VatCategory.STANDARD
    amount_minor: int = Field(ge=-AMOUNT_MINOR_LIMIT, le=AMOUNT_MINOR_LIMIT)
    first_day: date | None = None
    last_day: date | None = None
    raw_minutes: int | None = Field(default=None, ge=0, le=10**7)
    billed_minutes: int | None = Field(default=None, ge=0, le=10**7)
    notes: str = Field(default="", max_length=INVOICE_NOTES_MAX_LENGTH)


class InvoiceLineData(InvoiceLineRecord):
    model_config = ConfigDict(extra="forbid")


class ConfirmInvoiceRequest(_Body):
    """`POST /v1/invoices/{id}/confirm`: the draft the client decided on, with its own totals. The
    server recomputes every figure with the same domain code and assigns the number, printed in
    `number_format` (the business's series format, coapp.domain.invoice_numbers).

    `billed_to` says who buys: the client (hourly and daily work) or the platform (fixed fees); the
    seller always issues."""

    # Compatibility: a client from before billed_to sends the boolean under its old name (true =
    # client, false = platform); _old_name reads it on requests only, and nothing ever sends it.

    contract_id: UUID
    kind: Literal["invoice"] = "invoice"
    issue_date: date
    due_date: date
    period_start: date
    period_end: date
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    language: str = Field(default="sv", pattern=r"^[a-z]{2}$")
    line_mode: Literal["day", "week"] = "day"
    billed_to: BilledTo = BilledTo.CLIENT
    reverse_charge: StrictBool = False
    buyer_reference: str = Field(default="", max_length=100)
    notes: str = Field(default="", max_length=INVOICE_NOTES_MAX_LENGTH)
    commission_bp: StrictInt = Field(ge=0, le=10_000)
    number_format: str = Field(default=DEFAULT_NUMBER_FORMAT, max_length=40)
    entry_ids: list[UUID] = Field(
        default_factory=list,
        max_length=INVOICE_ENTRIES_MAX,
        description="the time entries billed (empty for a fixed-fee milestone)",
    )
    lines: list[InvoiceLineData] = Field(min_length=1, max_length=INVOICE_LINES_MAX)
    net_minor: StrictInt = Field(ge=-AMOUNT_MINOR_LIMIT, le=AMOUNT_MINOR_LIMIT)
    vat_minor: StrictInt = Field(ge=-AMOUNT_MINOR_LIMIT, le=AMOUNT_MINOR_LIMIT)
    total_minor: StrictInt = Field(ge=-AMOUNT_MINOR_LIMIT, le=AMOUNT_MINOR_LIMIT)
    commission_minor: StrictInt = Field(ge=-AMOUNT_MINOR_LIMIT, le=AMOUNT_MINOR_LIMIT)
    frozen: dict[str, Any] = Field(
        default_factory=dict, description=f"the parties and payment, stored as given (≤ {FROZEN_MAX_BYTES} B)"
    )
    number: str | None = Field(
        default=None,
        max_length=32,
        pattern=INVOICE_NUMBER_PATTERN,
        description="a number given locally before the first sign-in: accepted only if it is the "
        "series' next one",
    )
    # Issue 11, optional: the fixed-fee milestone this invoice to the platform bills (it must be
    # ready; it becomes invoiced, and ready again if the invoice is credited).
    milestone_id: UUID | None = Field(default=None, description="the milestone billed (fixed fee)")

    @model_validator(mode="before")
    @classmethod
    def _old_name(cls, data: Any) -> Any:
        # Not a declared field (the schema and every answer name only billed_to); read, then dropped.
        if isinstance(data, dict) and _OLD_NAME in data:
            data = dict(data)
            old = data.pop(_OLD_NAME)
            if "billed_to" not in data and isinstance(old, bool):
                data["billed_to"] = BilledTo.CLIENT if old else BilledTo.PLATFORM
        return data


class CreditInvoiceRequest(_Body):
    """`POST /v1/invoices/{id}/credit`: a credit note for the whole invoice; its entries unlock."""

    credit_note_id: UUID
    issue_date: date
    number_format: str = Field(default=DEFAULT_NUMBER_FORMAT, max_length=40)


class InvoiceRecord(BaseModel):
    """A confirmed invoice or credit note as the platform holds it; it never changes except its
    state (confirmed → sent → paid, or credited). Amounts are positive on a credit note too (UBL's
    convention); `kind` says credit."""

    id: UUID
    kind: Literal["invoice", "credit_note"]
    state: Literal["confirmed", "sent", "paid", "credited"]
    number: str = Field(pattern=INVOICE_NUMBER_PATTERN)
    contract_id: UUID
    issue_date: date
    due_date: date
    period_start: date
    period_end: date
    currency: str
    language: str
    line_mode: Literal["day", "week"]
    billed_to: BilledTo
    reverse_charge: bool
    buyer_reference: str
    notes: str
    net_minor: int
    vat_minor: int
    total_minor: int
    commission_bp: int
    commission_minor: int
    lines: list[InvoiceLineRecord]
    entry_ids: list[UUID] = Field(description="the time entries it billed")
    credited_invoice_id: UUID | None = Field(default=None, description="on a credit note: the invoice")
    frozen: dict[str, Any]
    version: int
    confirmed_at: datetime


class InvoiceConflictBody(ErrorBody):
    """A 409 from an invoice command: the invoice already there (already_confirmed, already_credited),
    or the number the server would give (number_taken)."""

    invoice: InvoiceRecord | None = None
    number: str | None = Field(default=None, pattern=INVOICE_NUMBER_PATTERN)
