"""The profile's files on the platform: resumable uploads checked on their last byte, downloads by
checksum, each file its account's own (coserver/file_models.py).

An upload's state is the bytes it holds (`received`): a chunk is taken only at exactly that offset,
so a retried or duplicated chunk never lands twice, and a refused one tells the client where to go
on. When the last byte arrives the whole file is checked (size, SHA-256, content type sniffed from
the bytes with the same rules as the app's: coapp.domain.profile_files) and then either kept or
thrown away with the upload, in the same transaction; a client then starts again.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coapp.domain.profile_files import same_kind, sniff_content_type
from coapp.sync.wire.files import (
    FILE_CHUNK_MAX,
    FILE_SIZE_MAX,
    PHOTO_CONTENT_TYPES,
    UPLOAD_OFFSET_HEADER,
    StartUpload,
    UploadStatus,
)
from coserver.context import ServerContext
from coserver.db import transaction
from coserver.errors import ApiError
from coserver.file_models import FileChunkRow, FileRow, FileUploadRow

# An upload nobody touched for this long is forgotten (its chunks deleted when next asked about);
# the client's next start begins again from 0.
UPLOAD_KEPT = timedelta(days=7)

_NO_UPLOAD = "No such upload (it may have expired or completed); start it again."
_NO_FILE = "No such file."


def _status(upload: FileUploadRow) -> UploadStatus:
    return UploadStatus(
        upload_id=upload.id, sha256=upload.sha256, size=upload.size, offset=upload.received, complete=False
    )


def _check_start(request: StartUpload) -> None:
    limit = FILE_SIZE_MAX[request.purpose]
    if request.size > limit:
        raise ApiError(
            422,
            "file_too_large",
            f"A {request.purpose} file may be at most {limit} bytes; this one is {request.size}.",
            field="size",
        )
    if request.purpose == "photo" and request.content_type not in PHOTO_CONTENT_TYPES:
        raise ApiError(422, "invalid_content_type", "A photo is sent as image/jpeg.", field="content_type")


def start_upload(
    ctx: ServerContext, account_id: uuid.UUID, request: StartUpload
) -> tuple[UploadStatus, bool]:
    """The upload of this file (new, or the one under way), or "complete" when the account holds the
    file already; the flag says whether an upload was created."""
    _check_start(request)
    now = ctx.now()
    for _attempt in range(2):  # a second start racing this one: read what it made
        try:
            with transaction(ctx.sessions) as s:
                held = s.get(FileRow, (account_id, request.sha256))
                if held is not None:
                    status = UploadStatus(
                        upload_id=None, sha256=held.sha256, size=held.size, offset=held.size, complete=True
                    )
                    return status, False
                upload = _upload_of_file(s, account_id, request.sha256)
                if upload is not None and (
                    now - upload.updated_at > UPLOAD_KEPT
                    or (upload.size, upload.content_type, upload.purpose)
                    != (request.size, request.content_type, request.purpose)
                ):
                    s.delete(upload)  # expired, or started with other facts: begin again
                    s.flush()
                    upload = None
                if upload is not None:
                    return _status(upload), False
                upload = FileUploadRow(
                    id=uuid.uuid4(),
                    account_id=account_id,
                    sha256=request.sha256,
                    size=request.size,
                    content_type=request.content_type,
                    purpose=request.purpose,
                    received=0,
                    created_at=now,
                    updated_at=now,
                )
                s.add(upload)
                s.flush()
                return _status(upload), True
        except IntegrityError:
            continue
    raise ApiError(409, "upload_conflict", "Another start of this upload is under way; try again.")


def upload_status(ctx: ServerContext, account_id: uuid.UUID, upload_id: uuid.UUID) -> UploadStatus:
    with transaction(ctx.sessions) as s:
        return _status(_live_upload(ctx, s, account_id, upload_id))


def put_chunk(
    ctx: ServerContext, account_id: uuid.UUID, upload_id: uuid.UUID, offset: int, data: bytes
) -> UploadStatus:
    """Take a chunk at exactly the offset the upload holds; with the last byte, check and keep the
    file (or throw the upload away: 422, start again)."""
    try:
        with transaction(ctx.sessions) as s:
            upload = _live_upload(ctx, s, account_id, upload_id, lock=True)
            if offset != upload.received:
                raise ApiError(
                    409,
                    "wrong_offset",
                    f"This upload holds {upload.received} bytes; send the chunk that starts there.",
                    field=UPLOAD_OFFSET_HEADER,
                    headers={UPLOAD_OFFSET_HEADER: str(upload.received)},
                )
            if not data:
                raise ApiError(422, "empty_chunk", "A chunk holds at least one byte.", field="body")
            if len(data) > FILE_CHUNK_MAX:  # the body limit refuses it first; said here too
                raise ApiError(413, "body_too_large", f"A chunk holds at most {FILE_CHUNK_MAX} bytes.")
            if offset + len(data) > upload.size:
                raise ApiError(
                    422,
                    "beyond_size",
                    f"The upload was started for {upload.size} bytes; this chunk goes past them.",
                    field="body",
                )
            s.add(FileChunkRow(upload_id=upload.id, offset=offset, data=data))
            upload.received = offset + len(data)
            upload.updated_at = ctx.now()
            s.flush()
            if upload.received < upload.size:
                return _status(upload)
            problem = _finish(ctx, s, upload)
            if problem is None:
                return UploadStatus(
                    upload_id=upload.id,
                    sha256=upload.sha256,
                    size=upload.size,
                    offset=upload.size,
                    complete=True,
                )
    except IntegrityError:
        # The same chunk arrived twice at once and the other one won: say where the upload is now.
        with transaction(ctx.sessions) as s:
            held = _live_upload(ctx, s, account_id, upload_id).received
        raise ApiError(
            409,
            "wrong_offset",
            f"This upload holds {held} bytes; send the chunk that starts there.",
            field=UPLOAD_OFFSET_HEADER,
            headers={UPLOAD_OFFSET_HEADER: str(held)},
        ) from None
    # The failed upload's removal is committed; the refusal goes out after it.
    raise problem


def _finish(ctx: ServerContext, s: Session, upload: FileUploadRow) -> ApiError | None:
    """Check the whole file and keep it, or delete the upload; returns the refusal to send."""
    data = b"".join(
        s.scalars(
            select(FileChunkRow.data).where(FileChunkRow.upload_id == upload.id).order_by(FileChunkRow.offset)
        )
    )
    problem = None
    if len(data) != upload.size:  # cannot happen with exact offsets; checked rather than assumed
        problem = ApiError(
            422, "size_mismatch", "The bytes received are not the size announced; start again."
        )
    elif hashlib.sha256(data).hexdigest() != upload.sha256:
        problem = ApiError(
            422, "checksum_mismatch", "The bytes received do not have the SHA-256 announced; start again."
        )
    elif not same_kind(upload.content_type, sniff_content_type(data)):
        problem = ApiError(
            422,
            "content_type_mismatch",
            f"The bytes are not {upload.content_type} as announced; start again with the right type.",
        )
    elif s.get(FileRow, (upload.account_id, upload.sha256)) is None:
        s.add(
            FileRow(
                account_id=upload.account_id,
                sha256=upload.sha256,
                size=upload.size,
                content_type=upload.content_type,
                purpose=upload.purpose,
                data=data,
                created_at=ctx.now(),
            )
        )
    s.execute(delete(FileChunkRow).where(FileChunkRow.upload_id == upload.id))
    s.delete(upload)
    s.flush()
    return problem


def download(ctx: ServerContext, account_id: uuid.UUID, sha256: str) -> FileRow:
    with transaction(ctx.sessions) as s:
        row = s.get(FileRow, (account_id, sha256))
        if row is None:
            raise ApiError(404, "not_found", _NO_FILE)
        return row


def _upload_of_file(s: Session, account_id: uuid.UUID, sha256: str) -> FileUploadRow | None:
    return s.scalar(
        select(FileUploadRow).where(FileUploadRow.account_id == account_id, FileUploadRow.sha256 == sha256)
    )


def _live_upload(
    ctx: ServerContext, s: Session, account_id: uuid.UUID, upload_id: uuid.UUID, lock: bool = False
) -> FileUploadRow:
    """The caller's upload; another account's, an unknown or an expired one is 404 alike."""
    query = select(FileUploadRow).where(FileUploadRow.id == upload_id, FileUploadRow.account_id == account_id)
    upload = s.scalar(query.with_for_update() if lock else query)
    if upload is None:
        raise ApiError(404, "not_found", _NO_UPLOAD)
    if ctx.now() - upload.updated_at > UPLOAD_KEPT:  # forgotten: the next start replaces it
        raise ApiError(404, "not_found", _NO_UPLOAD)
    return upload
