"""The profile's files on the wire: resumable uploads by checksum, downloads by checksum.

A file is named by its SHA-256 everywhere (never by a path or a name a person gave it). An upload is
started with the checksum, size, content type and purpose; the platform answers with an upload id and
how many bytes it holds (0 for a new upload, more for one already under way, the whole size when the
account already has the file). The bytes go in chunks of at most FILE_CHUNK_MAX, each with the offset
it starts at (header UPLOAD_OFFSET_HEADER); a chunk at any other offset is refused with the offset the
platform holds, so a client that lost an answer resumes exactly there. With the last byte the
platform checks the size, the checksum and the content type sniffed from the bytes.
"""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, Field, StrictInt, StringConstraints

from coapp.domain.profile_files import CONTENT_TYPES, MAX_PHOTO_BYTES, MAX_PORTFOLIO_BYTES
from coapp.sync.wire.common import _Body

FILE_CHUNK_MAX = 1024 * 1024  # bytes in one PUT of an upload
UPLOAD_OFFSET_HEADER = "Upload-Offset"
FILE_SIZE_MAX = {"photo": MAX_PHOTO_BYTES, "portfolio": MAX_PORTFOLIO_BYTES}
FILE_CONTENT_TYPES = CONTENT_TYPES
PHOTO_CONTENT_TYPES = ("image/jpeg",)  # the app stores every photo as a JPEG (its import converts)

Sha256 = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{64}$", min_length=64, max_length=64),
    Field(description="the file's SHA-256 as 64 lowercase hex digits: its only name"),
]
FilePurpose = Literal["photo", "portfolio"]
FileContentType = Literal[
    "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain", "text/markdown"
]


class StartUpload(_Body):
    """`POST /v1/files/uploads`: a file this account wants the platform to hold."""

    sha256: Sha256
    size: StrictInt = Field(  # JSON true is not 1 byte
        ge=1,
        le=MAX_PORTFOLIO_BYTES,
        description=f"bytes; a photo at most {MAX_PHOTO_BYTES} (2 MB), a portfolio file at most "
        f"{MAX_PORTFOLIO_BYTES} (25 MB)",
    )
    content_type: FileContentType = Field(
        description="checked against the bytes when the upload completes (a photo is image/jpeg)"
    )
    purpose: FilePurpose = Field(description="photo: the profile photo; portfolio: a portfolio item's file")


class UploadStatus(BaseModel):
    """Where an upload stands; `complete` once the platform holds the whole, checked file."""

    upload_id: UUID | None = Field(description="None when the account already had the file")
    sha256: Sha256
    size: int
    offset: int = Field(description="bytes the platform holds: send the next chunk from here")
    complete: bool
