"""The platform API's JSON bodies, shared by the client and the reference server (coserver).

One module so that both sides speak the same JSON by construction and `/openapi.json` is generated
from the same classes the client parses with. Pure pydantic: it may import `coapp.domain` only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    StrictBool,
    StrictInt,
)

from coapp.domain.invoices import Unit, VatCategory

API_PREFIX = "/v1"
# The sync protocol (SYNC.md). A client sends its own version in CLIENT_VERSION_HEADER; one older than
# the server's minimum is refused with 426 and a message saying what to do.
PROTOCOL_VERSION = 1
CLIENT_VERSION_HEADER = "Coapp-Client-Version"
IDEMPOTENCY_HEADER = "Idempotency-Key"
IDEMPOTENCY_KEY_MAX_LENGTH = 200
PUSH_BATCH_MAX = 500
CHANGES_LIMIT_DEFAULT = 500
CHANGES_LIMIT_MAX = 1000
NOTE_MAX_LENGTH = 2000  # the same limit as the client's grid (coapp.services.sheets.MAX_NOTE)
PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 256  # argon2 takes any length; a cap keeps a request from costing seconds
PASSWORD_MIN_DISTINCT = 5

# The handful that people still try; a real deployment would add a breached-password check.
_COMMON_PASSWORDS = frozenset(
    {
        "1234567890",
        "0123456789",
        "12345678910",
        "qwertyuiop",
        "password123",
        "password1234",
        "passwordpassword",
        "iloveyou123",
        "lösenord123",
        "qwerty123456",
        "letmein1234",
        "welcome123",
        "administrator",
    }
)


class Role(StrEnum):
    FREELANCER = "freelancer"
    CLIENT = "client"
    AGENT = "agent"
    ADMIN = "admin"


SELF_SERVICE_ROLES = (Role.FREELANCER, Role.CLIENT)


def password_problems(password: str, email: str = "") -> list[str]:
    """Why a password is too weak, in words a person can act on; empty when it is acceptable."""
    problems: list[str] = []
    if len(password) < PASSWORD_MIN_LENGTH:
        problems.append(f"use at least {PASSWORD_MIN_LENGTH} characters")
    if len(password) > PASSWORD_MAX_LENGTH:
        problems.append(f"use at most {PASSWORD_MAX_LENGTH} characters")
    if len(set(password)) < PASSWORD_MIN_DISTINCT:
        problems.append(f"use at least {PASSWORD_MIN_DISTINCT} different characters")
    lowered = password.casefold()
    if lowered in _COMMON_PASSWORDS:
        problems.append("this password is too common")
    local_part = email.split("@", 1)[0].casefold()
    if len(local_part) >= 4 and local_part in lowered:
        problems.append("do not use your e-mail address in the password")
    return problems


class _Body(BaseModel):
    # Unknown fields are refused so a typo in a client never passes silently.
    model_config = ConfigDict(extra="forbid")


class ErrorBody(BaseModel):
    """Every error the API answers: a stable code for programs, a sentence for people."""

    error: str = Field(description="stable machine-readable code, e.g. invalid_credentials")
    message: str
    field: str | None = Field(default=None, description="the request field at fault (422)")


class RegisterRequest(_Body):
    email: EmailStr
    password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)
    role: Literal[Role.FREELANCER, Role.CLIENT] = Role.FREELANCER
    display_name: str | None = Field(default=None, max_length=200)


class ConfirmRequest(_Body):
    token: str = Field(min_length=1, max_length=200)


class SignInRequest(_Body):
    email: EmailStr
    password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)
    device_name: str | None = Field(default=None, max_length=200)


class RefreshRequest(_Body):
    refresh_token: str = Field(min_length=1, max_length=200)


class SignOutRequest(_Body):
    refresh_token: str = Field(min_length=1, max_length=200)


class ChangePasswordRequest(_Body):
    current_password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)
    new_password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)


class Account(BaseModel):
    id: UUID
    email: str
    role: Role
    display_name: str | None = None
    confirmed: bool
    created_at: datetime


class TokenPair(BaseModel):
    """Opaque bearer tokens; the client keeps them in the OS keyring only."""

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds until the access token expires")
    refresh_expires_in: int = Field(description="seconds until the refresh token expires")
    account: Account


# --- Sync (SYNC.md) -------------------------------------------------------------------------------


class SyncMeta(BaseModel):
    """`GET /v1/sync/meta`: what a client checks before every round."""

    protocol_version: int
    min_client_version: str
    server_time: datetime = Field(description="the server's clock; warn the user when off by > 5 min")
    epoch: str = Field(description="changes when the database is restored from a backup")
    max_version: int = Field(description="the newest version the server has stamped")


class Entity(StrEnum):
    CONTRACT = "contract"
    TIME_ENTRY = "time_entry"
    RUNNING_TIMER = "running_timer"
    INVOICE = "invoice"


class OpKind(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


class OpStatus(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class PushOp(_Body):
    """One outbox record. `fields` holds the changed columns only (all of them for a new row); the
    entity and the field values are checked per op, so one bad op never fails the batch."""

    op_id: UUID
    entity: str = Field(
        max_length=64,
        description="time_entry, running_timer, or contract (only the freelancer's own contracts)",
    )
    row_id: UUID
    op: OpKind
    base_version: StrictInt | None = Field(
        default=None, ge=0, le=2**63 - 1, description="the server version the edit was based on"
    )
    fields: dict[str, Any] = Field(default_factory=dict)


class PushRequest(_Body):
    ops: list[PushOp] = Field(max_length=PUSH_BATCH_MAX)


class ContractRecord(BaseModel):
    """A contract as the platform holds it. Platform contracts are read-only for the freelancer;
    `freelancer` ones were made in the app (before signing in, too) and stay the freelancer's."""

    id: UUID
    title: str
    client_name: str
    fee_model: Literal["hourly", "daily", "fixed"]
    rate_minor: int
    currency: str
    commission_bp: int
    start_date: date
    end_date: date | None
    minutes_per_day: int
    rounding_rule: str
    client_org_number: str = ""
    client_vat_number: str = ""
    client_address: str = ""
    client_postcode: str = ""
    client_city: str = ""
    client_country: str = "SE"
    origin: Literal["platform", "freelancer"] = "platform"
    version: int
    deleted_at: datetime | None = None
    # Added after protocol 1 shipped: optional and last, so older clients (which map record fields
    # to their columns by name) ignore it.
    assignment_id: UUID | None = Field(default=None, description="the assignment it came from, if any")


class TimeEntryRecord(BaseModel):
    """A time entry as the server holds it (the server copy in conflicts and refusals too)."""

    id: UUID
    contract_id: UUID
    work_date: date
    minutes: int
    note: str
    invoice_id: UUID | None = None
    locked: bool = Field(description="on a confirmed invoice: every change is refused")
    version: int
    deleted_at: datetime | None = None


TIMER_MAX_AHEAD_SECONDS = 300  # a timer may start at most 5 minutes ahead of the server's clock
ZONE_MAX_LENGTH = 64


class RunningTimerRecord(BaseModel):
    """The account's running timer (at most one is live); stopping it tombstones the row."""

    id: UUID
    contract_id: UUID
    started_at: datetime = Field(description="an aware UTC instant")
    zone: str = Field(description="the IANA zone the timer's minutes fall into when stopped")
    version: int
    deleted_at: datetime | None = None


# What OpResult.row may hold: the server's copy of the op's row, whatever its entity.
SyncRecord = TimeEntryRecord | RunningTimerRecord | ContractRecord


class OpResult(BaseModel):
    op_id: UUID
    status: OpStatus
    version: int | None = Field(default=None, description="the row's server version after this op")
    code: str | None = Field(default=None, description="why the op was refused (rejected, conflict)")
    message: str | None = None
    overwritten: list[str] = Field(
        default_factory=list,
        description="fields whose newer server value (changed after base_version) this op replaced",
    )
    row: SyncRecord | None = Field(default=None, description="the server's row after this op")


class PushResponse(BaseModel):
    results: list[OpResult]
    max_version: int


# --- Invoice commands (SYNC.md "commands", INVOICING.md) ---------------------------------------------

IF_MATCH_HEADER = "If-Match"
INVOICE_LINES_MAX = 500
INVOICE_ENTRIES_MAX = 5000
INVOICE_NOTES_MAX_LENGTH = 4000
FROZEN_MAX_BYTES = 65_536  # the parties and payment details, serialized compactly
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
    server recomputes every figure with the same domain code and assigns the number."""

    contract_id: UUID
    kind: Literal["invoice"] = "invoice"
    issue_date: date
    due_date: date
    period_start: date
    period_end: date
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    language: str = Field(default="sv", pattern=r"^[a-z]{2}$")
    line_mode: Literal["day", "week"] = "day"
    self_billing: bool = True
    reverse_charge: bool = False
    buyer_reference: str = Field(default="", max_length=100)
    notes: str = Field(default="", max_length=INVOICE_NOTES_MAX_LENGTH)
    commission_bp: int = Field(ge=0, le=10_000)
    entry_ids: list[UUID] = Field(
        default_factory=list,
        max_length=INVOICE_ENTRIES_MAX,
        description="the time entries billed (empty for a fixed-fee milestone)",
    )
    lines: list[InvoiceLineData] = Field(min_length=1, max_length=INVOICE_LINES_MAX)
    net_minor: int = Field(ge=-AMOUNT_MINOR_LIMIT, le=AMOUNT_MINOR_LIMIT)
    vat_minor: int = Field(ge=-AMOUNT_MINOR_LIMIT, le=AMOUNT_MINOR_LIMIT)
    total_minor: int = Field(ge=-AMOUNT_MINOR_LIMIT, le=AMOUNT_MINOR_LIMIT)
    commission_minor: int = Field(ge=-AMOUNT_MINOR_LIMIT, le=AMOUNT_MINOR_LIMIT)
    frozen: dict[str, Any] = Field(
        default_factory=dict, description=f"the parties and payment, stored as given (≤ {FROZEN_MAX_BYTES} B)"
    )
    number: str | None = Field(
        default=None,
        max_length=32,
        description="a number given locally before the first sign-in: accepted only if it is the "
        "series' next one",
    )


class CreditInvoiceRequest(_Body):
    """`POST /v1/invoices/{id}/credit`: a credit note for the whole invoice; its entries unlock."""

    credit_note_id: UUID
    issue_date: date


class InvoiceRecord(BaseModel):
    """A confirmed invoice or credit note as the platform holds it; it never changes except its
    state (confirmed → sent → paid, or credited)."""

    id: UUID
    kind: Literal["invoice", "credit_note"]
    state: Literal["confirmed", "sent", "paid", "credited"]
    number: str
    contract_id: UUID
    issue_date: date
    due_date: date
    period_start: date
    period_end: date
    currency: str
    language: str
    line_mode: str
    self_billing: bool
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
    number: str | None = None


class ContractChange(BaseModel):
    entity: Literal["contract"] = "contract"
    version: int
    row: ContractRecord


class TimeEntryChange(BaseModel):
    entity: Literal["time_entry"] = "time_entry"
    version: int
    row: TimeEntryRecord


class RunningTimerChange(BaseModel):
    entity: Literal["running_timer"] = "running_timer"
    version: int
    row: RunningTimerRecord


class InvoiceChange(BaseModel):
    entity: Literal["invoice"] = "invoice"
    version: int
    row: InvoiceRecord


Change = Annotated[
    ContractChange | TimeEntryChange | RunningTimerChange | InvoiceChange, Field(discriminator="entity")
]


class ChangesPage(BaseModel):
    """One page of the change feed, ordered by version. Store `cursor` in the same local transaction
    that applies the page; ask again while `has_more`."""

    changes: list[Change]
    cursor: str
    has_more: bool


def id_version_digest(rows: Iterable[tuple[UUID | str, int]]) -> str:
    """The hash both sides compute over their live rows of one entity: SHA-256 of "id:version" lines
    sorted by id (lower-case UUID text). Equal counts and digests mean the replicas agree."""
    lines = sorted(f"{str(row_id).lower()}:{version}\n" for row_id, version in rows)
    return hashlib.sha256("".join(lines).encode()).hexdigest()


class EntitySummary(BaseModel):
    count: int = Field(description="live rows (tombstones excluded)")
    digest: str = Field(description="id_version_digest over those rows")


class SyncSummary(BaseModel):
    """`GET /v1/sync/summary`: per entity, what the account's live rows are as of `as_of`. A client
    whose cursor is at `as_of` compares; on a mismatch it resyncs that entity, never asking the user."""

    as_of: int = Field(description="the newest version when the summary was taken")
    entities: dict[Entity, EntitySummary]


# --- Assignments (PRODUCT.md "Assignments": browse, search, favourite, apply) ------------------------

ASSIGNMENTS_LIMIT_DEFAULT = 20
ASSIGNMENTS_LIMIT_MAX = 100
ASSIGNMENT_QUERY_MAX_LENGTH = 200
ASSIGNMENT_TITLE_MIN_LENGTH = 3
ASSIGNMENT_TITLE_MAX_LENGTH = 200
ASSIGNMENT_DESCRIPTION_MAX_LENGTH = 10_000
ASSIGNMENT_SKILLS_MAX = 30
ASSIGNMENT_SKILL_MAX_LENGTH = 60
ASSIGNMENT_RATE_MINOR_MAX = 2**53  # exact in every JSON reader; far above any real hourly rate
ASSIGNMENT_HOURS_PER_WEEK_MAX = 80


class AssignmentStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


def _iso_text(value: Any) -> Any:
    """A date or time must arrive as ISO text: pydantic alone would read 0 as 1970-01-01."""
    if not isinstance(value, str):
        raise ValueError("must be ISO 8601 text")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_text)]
IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_text)]


class NewAssignmentRequest(_Body):
    """`POST /v1/assignments` (agents and admins): an assignment to publish now, open until
    `closes_at`. Rates are per hour in minor units of `currency`; the server also checks that the
    texts hold something, min ≤ max and the dates are in order, answering 422 with the field."""

    title: str = Field(min_length=ASSIGNMENT_TITLE_MIN_LENGTH, max_length=ASSIGNMENT_TITLE_MAX_LENGTH)
    client_name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=ASSIGNMENT_DESCRIPTION_MAX_LENGTH)
    location: str = Field(min_length=1, max_length=100, description='a city, or "Remote"')
    remote: StrictBool = Field(default=False, description="the work can be done remotely")
    skills: list[Annotated[str, Field(min_length=1, max_length=ASSIGNMENT_SKILL_MAX_LENGTH)]] = Field(
        default_factory=list, max_length=ASSIGNMENT_SKILLS_MAX
    )
    rate_min_minor: StrictInt = Field(ge=0, le=ASSIGNMENT_RATE_MINOR_MAX, description="per hour")
    rate_max_minor: StrictInt = Field(ge=0, le=ASSIGNMENT_RATE_MINOR_MAX, description="per hour")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217, e.g. SEK, NOK, DKK, EUR")
    hours_per_week: StrictInt = Field(ge=1, le=ASSIGNMENT_HOURS_PER_WEEK_MAX)
    start_date: IsoDate
    end_date: IsoDate | None = Field(default=None, description="null: until further notice")
    closes_at: IsoDateTime = Field(description="apply by: an aware instant after now")


class AssignmentRecord(BaseModel):
    """An assignment as the platform publishes it; every signed-in account may read it."""

    id: UUID
    title: str
    client_name: str
    description: str
    location: str
    remote: bool
    skills: list[str]
    rate_min_minor: int = Field(description="per hour, minor units of currency")
    rate_max_minor: int = Field(description="per hour, minor units of currency")
    currency: str
    hours_per_week: int
    start_date: date
    end_date: date | None = None
    published_at: datetime
    closes_at: datetime = Field(description="apply by")
    agent_id: UUID = Field(description="the agent account that posted it")
    status: AssignmentStatus = Field(
        description="closed once the agent closed it or its closes_at has passed"
    )
    version: int
    deleted_at: datetime | None = None


class AssignmentsPage(BaseModel):
    """One page of `GET /v1/assignments`, newest first. Ask again with `cursor` while `has_more`."""

    assignments: list[AssignmentRecord]
    cursor: str | None = Field(description="for the next page; null on the last one")
    has_more: bool
