"""What the sync engine remembers between rounds, in the same database as the data it covers.

Keeping the cursor, the in-flight batch's idempotency key and the refusals next to the rows means one
local transaction can move all of them together (SYNC.md: "a cursor saved before the data it
covers" is the PouchDB bug this avoids).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, UtcDateTime, new_id, utcnow


class SyncState(Base):
    """One row (id 1) once the data folder belongs to an account; none before the first sign-in."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(500))
    account_id: Mapped[str] = mapped_column(String(36))
    account_email: Mapped[str] = mapped_column(String(320))
    epoch: Mapped[str | None] = mapped_column(String(100), default=None)
    cursor: Mapped[str | None] = mapped_column(String(200), default=None)
    # The push in flight: its key is stored before the request is sent, so a retry after a crash
    # sends the same key with the same ops and the server replays its first answer.
    pending_key: Mapped[str | None] = mapped_column(String(64), default=None)
    pending_through_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    last_synced_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    clock_skew_seconds: Mapped[int] = mapped_column(Integer, default=0)
    # A full pull that must end by dropping the synced rows it did not see (cursor expired).
    resync: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncSeen(Base):
    """The rows a full resync has seen so far: kept in the database so a crash mid-resync resumes."""

    __tablename__ = "sync_seen"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class SyncCommand(Base):
    """A command (confirm or credit an invoice) waiting to be sent: the server decides its result.

    Like a push batch, its idempotency key and If-Match version are fixed when it is queued."""

    __tablename__ = "sync_commands"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), default=new_id)
    if_match: Mapped[int | None] = mapped_column(Integer, default=None)
    body: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    refused_code: Mapped[str | None] = mapped_column(String(64), default=None)
    refused_message: Mapped[str | None] = mapped_column(Text, default=None)
