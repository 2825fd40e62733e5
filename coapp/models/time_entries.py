"""Reported time (integer minutes on a local work date) and running timers."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, SyncMixin, UtcDateTime

_ENTRY_NAMESPACE = uuid.UUID("6f1c2d4e-8a57-4a0e-9a43-3c1f0e7b9d21")


def entry_id(contract_id: str, work_date: date) -> str:
    """One grid cell, one identity: two devices typing into the same cell offline produce the
    same id, so the server merges them field by field instead of holding two rows for one day."""
    return str(uuid.uuid5(_ENTRY_NAMESPACE, f"{contract_id}/{work_date.isoformat()}"))


class TimeEntry(SyncMixin, Base):
    __tablename__ = "time_entries"
    __sync_entity__ = "time_entry"
    __table_args__ = (
        UniqueConstraint("contract_id", "work_date"),
        CheckConstraint("minutes >= 0 AND minutes <= 1440", name="minutes_range"),
    )

    contract_id: Mapped[str] = mapped_column(ForeignKey("contracts.id"), index=True)
    work_date: Mapped[date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    # Set when the entry is on a confirmed invoice: the entry is then read-only.
    invoice_id: Mapped[str | None] = mapped_column(String(36), default=None)


class RunningTimer(SyncMixin, Base):
    """At most one live timer per person; stopping it tombstones the row."""

    __tablename__ = "running_timers"
    __sync_entity__ = "running_timer"

    contract_id: Mapped[str] = mapped_column(ForeignKey("contracts.id"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    zone: Mapped[str] = mapped_column(String(64))
