"""Invoices, their lines and the local number series.

Amounts are integer minor units, rates hundredths of a percent, quantities ten-thousandths; the
parties and payment details are frozen as JSON at confirmation, so a confirmed invoice reads the
same forever whatever later happens to the business details or the contract.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text, inspect
from sqlalchemy.orm import Mapped, mapped_column, validates
from sqlalchemy.types import TypeDecorator

from coapp.domain.errors import ValidationError
from coapp.domain.invoices import BilledTo, InvoiceKind, InvoiceState, check_transition
from coapp.models.base import Base, SyncMixin, UtcDateTime

E = TypeVar("E", bound=StrEnum)


class StrEnumColumn(TypeDecorator[E], Generic[E]):
    """A domain StrEnum stored as its value (plain text, so the SQL triggers and CHECKs read it);
    a value the enum does not know is refused on the way in and on the way out."""

    impl = String(16)
    cache_ok = True

    def __init__(self, enum: type[E]) -> None:
        super().__init__()
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: Any, dialect: Any) -> E | None:
        return None if value is None else self.enum(value)


class Invoice(SyncMixin, Base):
    __tablename__ = "invoices"
    __sync_entity__ = "invoice"
    __table_args__ = (
        CheckConstraint("state IN ('draft', 'confirmed', 'sent', 'paid', 'credited')", name="state"),
        CheckConstraint("kind IN ('invoice', 'credit_note')", name="kind"),
        CheckConstraint("billed_to IN ('client', 'platform')", name="billed_to"),
    )

    # Every write of `state` goes through the domain's check_transition (the validator below); the
    # platform's refusals, which the domain allows only as such, go through `move(..., returned=True)`.
    kind: Mapped[InvoiceKind] = mapped_column(StrEnumColumn(InvoiceKind), default=InvoiceKind.INVOICE)
    state: Mapped[InvoiceState] = mapped_column(
        StrEnumColumn(InvoiceState), default=InvoiceState.DRAFT, index=True
    )
    contract_id: Mapped[str] = mapped_column(ForeignKey("contracts.id"), index=True)
    # Null on drafts and on confirmations made offline that wait for the platform's number.
    number: Mapped[str | None] = mapped_column(String(32), unique=True, default=None)
    issue_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    language: Mapped[str] = mapped_column(String(2), default="sv")
    line_mode: Mapped[str] = mapped_column(String(8), default="day")
    # Who buys: the client (hourly and daily work, sent and collected by the platform on the seller's
    # behalf) or the platform (fixed fees). The seller always issues.
    billed_to: Mapped[BilledTo] = mapped_column(
        StrEnumColumn(BilledTo), default=BilledTo.CLIENT, server_default=BilledTo.CLIENT.value
    )
    reverse_charge: Mapped[bool] = mapped_column(Boolean, default=False)
    credited_invoice_id: Mapped[str | None] = mapped_column(ForeignKey("invoices.id"), default=None)
    # Amounts are positive on credit notes too (UBL); `kind` says credit. Lists sign them.
    net_minor: Mapped[int] = mapped_column(Integer, default=0)
    vat_minor: Mapped[int] = mapped_column(Integer, default=0)
    total_minor: Mapped[int] = mapped_column(Integer, default=0)
    commission_bp: Mapped[int] = mapped_column(Integer, default=0)
    commission_minor: Mapped[int] = mapped_column(Integer, default=0)
    frozen: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)  # parties, payment at confirmation
    buyer_reference: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    pdf_path: Mapped[str] = mapped_column(String(500), default="")
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    state_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    # Issue 11 (r0013): the fixed fee's milestone this invoice to the platform bills (drafted from it).
    milestone_id: Mapped[str | None] = mapped_column(String(36), default=None)

    _returning = False  # set only inside move(..., returned=True)

    @validates("state")
    def _check_state(self, _key: str, new: InvoiceState | str) -> InvoiceState:
        new = InvoiceState(new)
        current = self.__dict__.get("state")
        if current is None and inspect(self).has_identity:
            current = self.state  # expired since the last commit: loaded again to be checked
        if current is not None:
            check_transition(InvoiceState(current), new, returned=self._returning)
            if new is InvoiceState.DRAFT and self.number is not None:
                # RETURNS allows it only for a confirmation that never got its number.
                raise ValidationError(f"invoice {self.number} was issued; it never becomes a draft again")
        return new

    def move(self, new: InvoiceState, when: datetime, *, returned: bool = False) -> None:
        """Change the state as the domain allows; *returned* for the platform's refusals (RETURNS)."""
        self._returning = returned
        try:
            self.state = new
        finally:
            self._returning = False
        self.state_changed_at = when


class InvoiceLineRow(SyncMixin, Base):
    __tablename__ = "invoice_lines"
    __sync_entity__ = "invoice_line"

    invoice_id: Mapped[str] = mapped_column(ForeignKey("invoices.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    quantity_e4: Mapped[int] = mapped_column(Integer)  # quantity × 10,000
    unit: Mapped[str] = mapped_column(String(3))
    unit_price_minor: Mapped[int] = mapped_column(Integer)
    vat_rate_bp: Mapped[int] = mapped_column(Integer)
    vat_category: Mapped[str] = mapped_column(String(2), default="S")
    amount_minor: Mapped[int] = mapped_column(Integer)
    first_day: Mapped[date | None] = mapped_column(Date, default=None)
    last_day: Mapped[date | None] = mapped_column(Date, default=None)
    raw_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    billed_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")


class NumberSeries(Base):
    """The issuer's unbroken series while the local store is the numbering authority."""

    __tablename__ = "number_series"

    series: Mapped[str] = mapped_column(String(32), primary_key=True)
    next_value: Mapped[int] = mapped_column(Integer, default=1)
