"""The sync protocol's bodies (SYNC.md): meta, push ops and results, and the synced records."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    Field,
    StrictInt,
)

from coapp.domain.contract_states import ContractState
from coapp.sync.wire.applications import FavouriteRecord, MessageRecord
from coapp.sync.wire.common import PUSH_BATCH_MAX, _Body
from coapp.sync.wire.profile import ProfileEntityRecord

NOTE_MAX_LENGTH = 2000  # the same limit as the client's grid (coapp.services.sheets.MAX_NOTE)

# --- Sync (SYNC.md) -------------------------------------------------------------------------------


class PublicSyncMeta(BaseModel):
    """`GET /v1/sync/meta` without a bearer token: what a client may check before signing in. The
    epoch and the newest version are left out: they tell a stranger when the database was restored
    and how busy the platform is."""

    protocol_version: int
    min_client_version: str
    server_time: datetime = Field(description="the server's clock; warn the user when off by > 5 min")


class SyncMeta(PublicSyncMeta):
    """`GET /v1/sync/meta` signed in: what a client checks before every round."""

    epoch: str = Field(description="changes when the database is restored from a backup")
    max_version: int = Field(description="the newest version the server has stamped")


class Entity(StrEnum):
    CONTRACT = "contract"
    TIME_ENTRY = "time_entry"
    RUNNING_TIMER = "running_timer"
    INVOICE = "invoice"
    # The freelancer's profile and resume, resume variants and business details (wire.profile).
    PROFILE = "profile"
    PROFILE_LANGUAGE = "profile_language"
    PROFILE_LINK = "profile_link"
    PROFILE_SKILL = "profile_skill"
    PROFILE_EXPERIENCE = "profile_experience"
    PROFILE_EDUCATION = "profile_education"
    PROFILE_CERTIFICATE = "profile_certificate"
    PROFILE_AWARD = "profile_award"
    PROFILE_REFERENCE = "profile_reference"
    PROFILE_PORTFOLIO_ITEM = "profile_portfolio_item"
    RESUME_VARIANT = "resume_variant"
    BUSINESS_DETAILS = "business_details"
    # Issue 10, in the feed only for clients that ask `with_assignments` (coserver.assignment_feed).
    ASSIGNMENT = "assignment"
    FAVOURITE = "favourite"
    APPLICATION = "application"
    APPLICATION_EVENT = "application_event"
    INTERVIEW = "interview"
    CONSENT = "consent"
    MESSAGE = "message"
    # Issue 11, in the feed only for clients that ask `with_contracts` (coserver.contract_feed).
    CONTRACT_MILESTONE = "contract_milestone"
    CONTRACT_FEEDBACK = "contract_feedback"
    CONTRACT_REVIEW = "contract_review"


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
        description="time_entry, running_timer, contract (only the freelancer's own contracts), or one "
        "of the profile's entities (profile, profile_skill, ..., resume_variant, business_details), "
        "favourite, message",
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
    # Issue 11 (s0011), optional likewise: a platform contract's life and the terms signed. A contract
    # from before it, or the freelancer's own, is `active` with terms version 1 and no signature.
    state: ContractState = Field(
        default=ContractState.ACTIVE, description="offered, signed, active, ended, terminated"
    )
    terms_version: int = Field(default=1, description="bumped by every change of an offer's terms")
    scope: str = ""
    payment_terms_days: int = Field(default=30, description="days from the invoice to its due date")
    application_id: UUID | None = Field(default=None, description="the application it was offered for")
    offered_at: datetime | None = None
    signed_at: datetime | None = None
    signed_name: str | None = Field(default=None, description="the full name the freelancer typed")
    signed_terms_version: int | None = Field(default=None, description="the terms version signed")
    original_end_date: date | None = Field(default=None, description="the end date as signed (extensions)")
    state_changed_at: datetime | None = None
    state_reason: str = Field(default="", description="the agent's words with the last move")
    ended_on: date | None = Field(default=None, description="the last day, once ended or terminated")


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


# What OpResult.row may hold: the server's copy of the op's row, whatever its entity (profile
# records name their entity, so none is taken for another).
SyncRecord = (
    TimeEntryRecord
    | RunningTimerRecord
    | ContractRecord
    | ProfileEntityRecord
    | FavouriteRecord
    | MessageRecord
)


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
