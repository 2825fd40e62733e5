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

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StrictInt

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
    entity: str = Field(max_length=64, description="time_entry (contracts are read-only)")
    row_id: UUID
    op: OpKind
    base_version: StrictInt | None = Field(
        default=None, ge=0, le=2**63 - 1, description="the server version the edit was based on"
    )
    fields: dict[str, Any] = Field(default_factory=dict)


class PushRequest(_Body):
    ops: list[PushOp] = Field(max_length=PUSH_BATCH_MAX)


class ContractRecord(BaseModel):
    """A contract as the platform holds it; read-only for the freelancer."""

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
    version: int
    deleted_at: datetime | None = None


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
    row: TimeEntryRecord | None = Field(default=None, description="the server's row after this op")


class PushResponse(BaseModel):
    results: list[OpResult]
    max_version: int


class ContractChange(BaseModel):
    entity: Literal["contract"] = "contract"
    version: int
    row: ContractRecord


class TimeEntryChange(BaseModel):
    entity: Literal["time_entry"] = "time_entry"
    version: int
    row: TimeEntryRecord


Change = Annotated[ContractChange | TimeEntryChange, Field(discriminator="entity")]


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
