"""The server's tables for the profile's files (photo, portfolio files): kept in the database.

Why the database and not a folder named by checksum: a file is committed in the same transaction
that checks it, so there is never a half-written or unreferenced file on disk, a backup of the
database (and its restore, which changes the epoch) covers the files too, several server processes
on one PostgreSQL need no shared disk, and SQLite and PostgreSQL behave the same. The price is a
bigger database; files are small (a photo ≤ 2 MB, a portfolio file ≤ 25 MB).

A file belongs to an account: the same bytes in two accounts are two rows, so one account can never
learn, from "already have it" or a download, that another holds a file.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from coserver.models import Base, UtcDateTime


class FileRow(Base):
    """A whole file the account holds, checked against its checksum and content type."""

    __tablename__ = "files"

    account_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    content_type: Mapped[str] = mapped_column(String(100))
    purpose: Mapped[str] = mapped_column(String(16))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class FileUploadRow(Base):
    """An upload under way: at most one per file and account, so starting again resumes it."""

    __tablename__ = "file_uploads"
    __table_args__ = (UniqueConstraint("account_id", "sha256", name="uq_file_uploads_account_sha256"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("accounts.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    content_type: Mapped[str] = mapped_column(String(100))
    purpose: Mapped[str] = mapped_column(String(16))
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class FileChunkRow(Base):
    """One received chunk; keyed by its offset, so a chunk sent twice at once is stored once."""

    __tablename__ = "file_upload_chunks"

    upload_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("file_uploads.id", ondelete="CASCADE"), primary_key=True
    )
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
