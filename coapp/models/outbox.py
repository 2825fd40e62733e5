"""The outbox: every local change to a syncable row, in order, waiting to be pushed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, UtcDateTime, new_id, utcnow


class OutboxRecord(Base):
    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), default=new_id, unique=True)
    entity: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))  # "upsert" or "delete"
    base_version: Mapped[int | None] = mapped_column(Integer, default=None)
    fields: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # Set when the server refused the op (rejected or conflict): it stays here, out of the push
    # queue, until the user retries, discards or keeps a copy (nothing refused disappears unasked).
    refused_code: Mapped[str | None] = mapped_column(String(64), default=None)
    refused_message: Mapped[str | None] = mapped_column(Text, default=None)
    refused_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    server_row: Mapped[dict[str, object] | None] = mapped_column(JSON, default=None)
