"""HTTP routes for the profile's files (coserver.files): start an upload, send a chunk at an offset,
ask how far an upload got, download a file. The freelancer's own only; ids of another account's
uploads and files are 404, whatever bytes the caller holds."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from coapp.domain.profile_files import ALLOWED_KINDS, MAX_PHOTO_BYTES, MAX_PORTFOLIO_BYTES
from coapp.sync.wire import ErrorBody
from coapp.sync.wire.files import FILE_CHUNK_MAX, UPLOAD_OFFSET_HEADER, StartUpload, UploadStatus
from coserver import files
from coserver.api_auth import Ctx
from coserver.api_sync import client_version_check
from coserver.errors import responses
from coserver.roles import FREELANCER, Freelancer

router = APIRouter(prefix="/v1", tags=["files"], dependencies=[Depends(client_version_check), FREELANCER])

Sha256Path = Annotated[
    str, Path(pattern=r"^[0-9a-f]{64}$", description="the file's SHA-256, 64 lowercase hex digits")
]
_LIMITS = (
    f"A photo is at most {MAX_PHOTO_BYTES} bytes (2 MB, image/jpeg); a portfolio file at most "
    f"{MAX_PORTFOLIO_BYTES} bytes (25 MB): {ALLOWED_KINDS}."
)


@router.post(
    "/files/uploads",
    response_model=UploadStatus,
    status_code=201,
    responses={
        200: {
            "model": UploadStatus,
            "description": "An upload under way (resume at its offset), or the file "
            "is already held (complete, no upload id)",
        },
        **responses(400, 401, 409, 422, 426),
    },
    summary="Start (or find again) the upload of a file by its checksum. " + _LIMITS,
)
def start_upload(request: StartUpload, caller: Freelancer, ctx: Ctx) -> Any:
    status, created = files.start_upload(ctx, caller.account.id, request)
    return JSONResponse(status.model_dump(mode="json"), status_code=201 if created else 200)


_CHUNK_BODY = {
    "requestBody": {
        "required": True,
        "description": f"the chunk's bytes, 1 to {FILE_CHUNK_MAX}",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.put(
    "/files/uploads/{upload_id}",
    response_model=UploadStatus,
    responses={
        409: {
            "model": ErrorBody,
            "description": f"Not the offset the upload holds: resume at the {UPLOAD_OFFSET_HEADER} header's",
            "headers": {UPLOAD_OFFSET_HEADER: {"schema": {"type": "integer"}, "description": "bytes held"}},
        },
        **responses(400, 401, 404, 422, 426),
    },
    openapi_extra=_CHUNK_BODY,
    summary=f"Send the bytes of an upload from an offset (chunks of at most {FILE_CHUNK_MAX} bytes); "
    "with the last byte the size, the SHA-256 and the content type sniffed from the bytes are checked "
    "(422: the upload is discarded, start again)",
)
async def put_chunk(
    upload_id: uuid.UUID,
    offset: Annotated[
        int,
        Header(
            alias=UPLOAD_OFFSET_HEADER, ge=0, le=MAX_PORTFOLIO_BYTES, description="where the chunk starts"
        ),
    ],
    request: Request,
    caller: Freelancer,
    ctx: Ctx,
) -> UploadStatus:
    data = await request.body()  # at most the chunk cap: coserver.limits refused anything bigger
    return await run_in_threadpool(files.put_chunk, ctx, caller.account.id, upload_id, offset, data)


@router.get(
    "/files/uploads/{upload_id}",
    response_model=UploadStatus,
    responses=responses(400, 401, 404, 422, 426),
    summary="How far an upload got: send the next chunk from its offset",
)
def upload_status(upload_id: uuid.UUID, caller: Freelancer, ctx: Ctx) -> UploadStatus:
    return files.upload_status(ctx, caller.account.id, upload_id)


@router.get(
    "/files/{sha256}",
    response_class=Response,
    responses={
        200: {
            "description": "The file's bytes (always as application/octet-stream; its kind is on the row "
            "that names it); the X-Content-SHA256 header repeats the checksum",
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
        },
        **responses(400, 401, 404, 422, 426),
    },
    summary="Download a file this account holds, by its checksum",
)
def download(sha256: Sha256Path, caller: Freelancer, ctx: Ctx) -> Response:
    row = files.download(ctx, caller.account.id, sha256)
    return Response(
        row.data,
        media_type="application/octet-stream",
        headers={
            "X-Content-SHA256": row.sha256,
            "Content-Disposition": "attachment",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )
