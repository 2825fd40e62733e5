"""Invoices, their lines and the local number series.

Amounts are integer minor units, rates hundredths of a percent, quantities ten-thousandths; the
parties and payment details are frozen as JSON at confirmation, so a confirmed invoice reads the
same forever whatever later happens to the business details or the contract.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, SyncMixin, UtcDateTime


class Invoice(SyncMixin, Base):
    __tablename__ = "invoices"
    __sync_entity__ = "invoice"
    __table_args__ = (
        CheckConstraint("state IN ('draft', 'confirmed', 'sent', 'paid', 'credited')", name="state"),
        CheckConstraint("kind IN ('invoice', 'credit_note')", name="kind"),
    )

    kind: Mapped[str] = mapped_column(String(16), default="invoice")
    state: Mapped[str] = mapped_column(String(16), default="draft", index=True)
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
    self_billing: Mapped[bool] = mapped_column(Boolean, default=True)
    reverse_charge: Mapped[bool] = mapped_column(Boolean, default=False)
    credited_invoice_id: Mapped[str | None] = mapped_column(ForeignKey("invoices.id"), default=None)
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
