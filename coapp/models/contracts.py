"""Contracts: the terms that the grid and invoices need."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, SyncMixin, UtcDateTime


class Contract(SyncMixin, Base):
    __tablename__ = "contracts"
    __sync_entity__ = "contract"
    __table_args__ = (
        CheckConstraint("fee_model IN ('hourly', 'daily', 'fixed')", name="fee_model"),
        CheckConstraint("rate_minor >= 0", name="rate_not_negative"),
        CheckConstraint("commission_bp >= 0 AND commission_bp <= 10000", name="commission_range"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="period_order"),
        CheckConstraint("minutes_per_day > 0 AND minutes_per_day <= 1440", name="day_length"),
    )

    client_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    fee_model: Mapped[str] = mapped_column(String(10))
    # Hourly: price of one hour; daily: of one day; fixed: the whole fee. Minor units of currency.
    rate_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    # The platform's commission in hundredths of a percent (1500 = 15 %).
    commission_bp: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    minutes_per_day: Mapped[int] = mapped_column(Integer, default=480)
    rounding_rule: Mapped[str] = mapped_column(String(32), default="none")
    # The buyer on invoices billed to the client (hourly and daily work; the freelancer issues them).
    client_org_number: Mapped[str] = mapped_column(String(32), default="", server_default="")
    client_vat_number: Mapped[str] = mapped_column(String(32), default="", server_default="")
    client_address: Mapped[str] = mapped_column(String(200), default="", server_default="")
    client_postcode: Mapped[str] = mapped_column(String(16), default="", server_default="")
    client_city: Mapped[str] = mapped_column(String(100), default="", server_default="")
    client_country: Mapped[str] = mapped_column(String(2), default="SE", server_default="SE")
    # "local": made on this machine (adopted by the account at the first sync); "platform": the
    # platform's, read-only here; "freelancer": one's own, adopted earlier or made on another device.
    origin: Mapped[str] = mapped_column(String(16), default="local", server_default="local")
    # Issue 11 (r0013): a platform contract's life and the terms signed, as the platform sends them
    # (coapp.sync.entities never pushes these; the freelancer's own contracts keep the defaults:
    # active, terms version 1, no signature).
    state: Mapped[str] = mapped_column(String(12), default="active", server_default="active")
    terms_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    scope: Mapped[str] = mapped_column(Text, default="", server_default="")
    payment_terms_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    assignment_id: Mapped[str | None] = mapped_column(String(36), default=None)
    application_id: Mapped[str | None] = mapped_column(String(36), default=None)
    offered_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    signed_name: Mapped[str | None] = mapped_column(String(200), default=None)
    signed_terms_version: Mapped[int | None] = mapped_column(Integer, default=None)
    original_end_date: Mapped[date | None] = mapped_column(Date, default=None)
    state_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    state_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    ended_on: Mapped[date | None] = mapped_column(Date, default=None)

    def active_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)

    @property
    def in_force(self) -> bool:
        """Signed at some point, or one's own: an offer waiting for the signature (or withdrawn
        unsigned) takes no time; the platform refuses it (contract_not_signed)."""
        return self.offered_at is None or self.signed_at is not None


# The same rule for queries (coapp.store.week_query.IN_FORCE_SQL writes it out for the grid's plain SQL).
IN_FORCE = Contract.offered_at.is_(None) | Contract.signed_at.is_not(None)


# The columns only the platform writes (issue 11): taken from the feed, never pushed (the platform
# refuses them on a contract of the freelancer's own).
PLATFORM_TERMS = frozenset(
    {
        "state",
        "terms_version",
        "scope",
        "payment_terms_days",
        "assignment_id",
        "application_id",
        "offered_at",
        "signed_at",
        "signed_name",
        "signed_terms_version",
        "original_end_date",
        "state_changed_at",
        "state_reason",
        "ended_on",
    }
)
