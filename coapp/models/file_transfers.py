"""Where each file's trip to or from the platform stands (profile photo, portfolio files).

Files travel by their SHA-256, apart from the rows that name them: a row can sync while its file is
still on its way. An upload remembers the platform's upload id and how many bytes the platform has
confirmed, so an interrupted upload resumes from there (or restarts when the platform has forgotten
it); a download is checked against its checksum before it is kept.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, UtcDateTime, utcnow


class FileTransfer(Base):
    __tablename__ = "file_transfers"
    __table_args__ = (
        CheckConstraint("direction IN ('up', 'down')", name="direction"),
        CheckConstraint("done_bytes >= 0", name="done_not_negative"),
    )

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    direction: Mapped[str] = mapped_column(String(4), primary_key=True)  # "up" or "down"
    state: Mapped[str] = mapped_column(String(12))  # the transfer code's own words (waiting, done, ...)
    upload_id: Mapped[str | None] = mapped_column(String(64), default=None)
    done_bytes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    error: Mapped[str | None] = mapped_column(Text, default=None)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, onupdate=utcnow)
