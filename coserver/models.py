"""The server's tables (SQLAlchemy 2, typed). Schema changes go through coserver/migrations."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python, naive UTC in the column: the same on SQLite and PostgreSQL
    (SQLite has no time zone type and would silently drop the offset)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class ServerMeta(Base):
    """Server-wide facts; `server_epoch` is random and changes when a backup is restored."""

    __tablename__ = "server_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class ServerSequence(Base):
    """One row, one counter per database: every syncable write takes the next number (see db.py)."""

    __tablename__ = "server_sequence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class AccountRow(Base):
    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint("role IN ('freelancer', 'client', 'agent', 'admin')", name="ck_accounts_role"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(String(320))
    # casefold()ed e-mail: uniqueness ignores case on both databases without collations.
    email_key: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    display_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(BigInteger)


class EmailConfirmation(Base):
    __tablename__ = "email_confirmations"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AuthSession(Base):
    """A sign-in on one device: the family of its refresh tokens. Revoking it ends the session."""

    __tablename__ = "auth_sessions"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    device_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    revoked_reason: Mapped[str | None] = mapped_column(String(40))


class AccessToken(Base):
    __tablename__ = "access_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("auth_sessions.id", ondelete="CASCADE"), index=True
    )
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class RefreshToken(Base):
    __tablename__ = "refresh_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("auth_sessions.id", ondelete="CASCADE"), index=True
    )
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    # Set when rotated: presenting a used token again means it leaked, and the family is revoked.
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class RateLimitBucket(Base):
    __tablename__ = "rate_limit_buckets"
    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    count: Mapped[int] = mapped_column(Integer)


class IdempotencyKey(Base):
    """One `Idempotency-Key` per account: the request's hash while it runs (`status` NULL, leased
    until `locked_until`), then the answer to replay. Kept at least 90 days (coserver.retention)."""

    __tablename__ = "idempotency_keys"
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[int | None] = mapped_column(Integer)
    response: Mapped[str | None] = mapped_column(Text)


class AppliedOp(Base):
    """Outbox op ids already applied for an account: a re-sent op answers `duplicate`."""

    __tablename__ = "applied_ops"
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class ContractRow(Base):
    """A contract linked to one freelancer account. `origin` says who owns its terms: the platform
    (read-only to the freelancer) or the freelancer (made in the app, adopted at the first sync)."""

    __tablename__ = "contracts"
    __table_args__ = (
        CheckConstraint("fee_model IN ('hourly', 'daily', 'fixed')", name="ck_contracts_fee_model"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="ck_contracts_period"),
        CheckConstraint("minutes_per_day > 0 AND minutes_per_day <= 1440", name="ck_contracts_day"),
        CheckConstraint("origin IN ('platform', 'freelancer')", name="ck_contracts_origin"),
        CheckConstraint(
            "state IN ('offered', 'signed', 'active', 'ended', 'terminated')", name="ck_contracts_state"
        ),
        Index("ix_contracts_freelancer_version", "freelancer_id", "version"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    freelancer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    client_name: Mapped[str] = mapped_column(String(200))
    fee_model: Mapped[str] = mapped_column(String(10))
    rate_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    commission_bp: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    minutes_per_day: Mapped[int] = mapped_column(Integer, default=480)
    rounding_rule: Mapped[str] = mapped_column(String(32), default="none")
    client_org_number: Mapped[str] = mapped_column(String(32), default="")
    client_vat_number: Mapped[str] = mapped_column(String(32), default="")
    client_address: Mapped[str] = mapped_column(String(200), default="")
    client_postcode: Mapped[str] = mapped_column(String(16), default="")
    client_city: Mapped[str] = mapped_column(String(100), default="")
    client_country: Mapped[str] = mapped_column(String(2), default="SE")
    origin: Mapped[str] = mapped_column(String(10), default="platform", server_default="platform")
    version: Mapped[int] = mapped_column(BigInteger)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The assignment the platform made this contract for (NULL for the freelancer's own).
    assignment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("assignments.id"))
    # Issue 11 (s0011): the contract's life and terms (coapp.domain.contract_states). Rows from before
    # it, and the freelancer's own, are 'active' with terms version 1 and no signature.
    state: Mapped[str] = mapped_column(String(12), default="active", server_default="active")
    terms_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    scope: Mapped[str] = mapped_column(Text, default="", server_default="")
    payment_terms_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    # The client's account (feedback, reviews); NULL where the client has none on the platform.
    client_account_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    application_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("applications.id"))
    offered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    signed_name: Mapped[str | None] = mapped_column(String(200))
    signed_terms_version: Mapped[int | None] = mapped_column(Integer)
    original_end_date: Mapped[date | None] = mapped_column(Date)
    state_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    state_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    ended_on: Mapped[date | None] = mapped_column(Date)


class TimeEntryRow(Base):
    """Reported time: the client's UUID, one row per (contract, work date). `minutes_version` and
    `note_version` are the versions that last changed each field (per-field last writer wins).
    Tombstoned with `deleted_at`, kept at least 180 days; locked once `invoice_id` is set."""

    __tablename__ = "time_entries"
    __table_args__ = (
        # One live entry per cell; a tombstone does not block a new row (with another id) there.
        Index(
            "uq_time_entries_live_cell",
            "contract_id",
            "work_date",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        CheckConstraint("minutes >= 0 AND minutes <= 1440", name="ck_time_entries_minutes"),
        Index("ix_time_entries_account_version", "account_id", "version"),
        Index("ix_time_entries_account_day", "account_id", "work_date"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"))
    work_date: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text)
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    version: Mapped[int] = mapped_column(BigInteger)
    minutes_version: Mapped[int] = mapped_column(BigInteger)
    note_version: Mapped[int] = mapped_column(BigInteger)
    # The version that tombstoned the row: an edit based on an older version loses (delete wins).
    deleted_version: Mapped[int | None] = mapped_column(BigInteger)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RunningTimerRow(Base):
    """A running timer: the client's UUID, a UTC start and the IANA zone. At most one live timer per
    account, enforced by a partial unique index so concurrent server processes cannot both start one;
    stopping it tombstones the row (the minutes go into a time entry on the client)."""

    __tablename__ = "running_timers"
    __table_args__ = (
        Index(
            "uq_running_timers_live",
            "account_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index("ix_running_timers_account_version", "account_id", "version"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    zone: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(BigInteger)
    deleted_version: Mapped[int | None] = mapped_column(BigInteger)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class InvoiceSeriesRow(Base):
    """Each account's one unbroken number series (invoices and credit notes share it). The next
    value is taken in the confirming transaction, so a refused confirmation leaves no gap."""

    __tablename__ = "invoice_series"
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    next_value: Mapped[int] = mapped_column(BigInteger)


class InvoiceRow(Base):
    """A confirmed invoice or credit note. Lines are stored as JSON (wire InvoiceLineRecord), the
    parties as the client froze them; only `state` (and `version`) ever change afterwards. Amounts
    are positive on credit notes too (UBL); `kind` says credit."""

    __tablename__ = "invoices"
    __table_args__ = (
        CheckConstraint("kind IN ('invoice', 'credit_note')", name="ck_invoices_kind"),
        CheckConstraint("state IN ('confirmed', 'sent', 'paid', 'credited')", name="ck_invoices_state"),
        CheckConstraint("billed_to IN ('client', 'platform')", name="ck_invoices_billed_to"),
        # The series is unbroken and unique per account; this is the database's half of the promise.
        Index("uq_invoices_account_number", "account_id", "number_value", unique=True),
        # The printed number too (it carries the series' format, e.g. 2026-0001).
        Index("uq_invoices_account_number_text", "account_id", "number", unique=True),
        Index("ix_invoices_account_version", "account_id", "version"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"))
    kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    number_value: Mapped[int] = mapped_column(BigInteger)
    number: Mapped[str] = mapped_column(String(32))
    issue_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    language: Mapped[str] = mapped_column(String(2))
    line_mode: Mapped[str] = mapped_column(String(8))
    billed_to: Mapped[str] = mapped_column(String(16), server_default="client")  # who buys: client/platform
    reverse_charge: Mapped[bool] = mapped_column(Boolean)
    buyer_reference: Mapped[str] = mapped_column(String(100))
    notes: Mapped[str] = mapped_column(Text)
    net_minor: Mapped[int] = mapped_column(BigInteger)
    vat_minor: Mapped[int] = mapped_column(BigInteger)
    total_minor: Mapped[int] = mapped_column(BigInteger)
    commission_bp: Mapped[int] = mapped_column(Integer)
    commission_minor: Mapped[int] = mapped_column(BigInteger)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    entry_ids: Mapped[list[str]] = mapped_column(JSON)
    frozen: Mapped[dict[str, Any]] = mapped_column(JSON)
    credited_invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invoices.id"))
    version: Mapped[int] = mapped_column(BigInteger)
    confirmed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    state_changed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AssignmentRow(Base):
    """An assignment an agent posted for a client: every signed-in account may browse it until it
    closes (`status` closed, or `closes_at` passed). Rates are per hour in minor units.
    `search_text` is title, client and skills casefolded in Python, so the text filter matches the
    same way on SQLite and PostgreSQL without collations."""

    __tablename__ = "assignments"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'closed')", name="ck_assignments_status"),
        CheckConstraint(
            "rate_min_minor >= 0 AND rate_min_minor <= rate_max_minor", name="ck_assignments_rate"
        ),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="ck_assignments_period"),
        CheckConstraint("hours_per_week > 0 AND hours_per_week <= 168", name="ck_assignments_hours"),
        # Newest first with (published_at, id) as the keyset of the listing's pages.
        Index("ix_assignments_newest", "published_at", "id"),
        Index("ix_assignments_version", "version"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    title: Mapped[str] = mapped_column(String(200))
    client_name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(String(100))
    remote: Mapped[bool] = mapped_column(Boolean)
    skills: Mapped[list[str]] = mapped_column(JSON)
    rate_min_minor: Mapped[int] = mapped_column(BigInteger)
    rate_max_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    hours_per_week: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closes_at: Mapped[datetime] = mapped_column(UtcDateTime)
    agent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    search_text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(BigInteger)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Issue 10 (s0009): what a freelancer decides on. `skills` stays must_have + nice_to_have and
    # `remote` stays workplace == "remote" for older readers.
    must_have: Mapped[list[str]] = mapped_column(JSON, server_default=text("'[]'"))
    nice_to_have: Mapped[list[str]] = mapped_column(JSON, server_default=text("'[]'"))
    seniority: Mapped[str | None] = mapped_column(String(10))
    workplace: Mapped[str] = mapped_column(String(10), server_default="onsite")
    country: Mapped[str] = mapped_column(String(2), server_default="")
    language: Mapped[str] = mapped_column(String(2), server_default="")


class FavouriteRow(Base):
    """A freelancer's favourite assignment. The id is derived from the assignment on the devices
    (wire.favourite_row_id), so the same id exists in every account: the key is (account, id).
    Removing tombstones the row; adding again revives it with a new version."""

    __tablename__ = "favourites"
    __table_args__ = (Index("ix_favourites_account_version", "account_id", "version"),)
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    assignment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assignments.id"))
    version: Mapped[int] = mapped_column(BigInteger)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ProfileRow(Base):
    """A row of the freelancer's profile, resume sections, resume variants or business details (one
    table for the twelve entities of coapp.sync.wire.profile). Their ids are derived on the devices
    (the profile's is fixed, a skill's comes from its name), so the same id exists in every account:
    the key is (account, entity, id). `fields` holds the validated wire values, `field_versions` the
    version that last changed each field (per-field last writer wins, as time entries do)."""

    __tablename__ = "profile_rows"
    __table_args__ = (Index("ix_profile_rows_account_version", "account_id", "version"),)
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    field_versions: Mapped[dict[str, int]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(BigInteger)
    # The version that tombstoned the row: an edit of a list item based on an older one loses.
    deleted_version: Mapped[int | None] = mapped_column(BigInteger)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ProfileTextVersion(Base):
    """A long text (the letter, a description) as it was before a push replaced it: the newest few
    per field are kept so that an overwrite from another device can be undone (SYNC.md)."""

    __tablename__ = "profile_text_versions"
    __table_args__ = (
        Index("ix_profile_text_versions_field", "account_id", "entity", "row_id", "field", "version"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    field: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(BigInteger)  # the version that had written this text
    replaced_at: Mapped[datetime] = mapped_column(UtcDateTime)
    text: Mapped[str] = mapped_column(Text)


# Every table in one metadata whenever the models are imported: a contract names its application
# (ContractRow.application_id), so a process that imports only this module (a seeding script, a
# benchmark's server) must still know the applications table, or its first flush fails.
from coserver import application_models, contract_models, file_models  # noqa: E402, F401
