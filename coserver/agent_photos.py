"""Agents' card photos (issue 10: "Each freelancer has one agent (name, photo, phone, e-mail)").

The agent uploads any common picture; the platform makes the stored photo itself with the app's own
rule (coapp.domain.photos: a square JPEG of at most 512 px, EXIF orientation applied, metadata
dropped, decompression bombs and broken files refused), so the bytes a freelancer downloads are
never the uploaded file. Its SHA-256 is on the agent's card: the app downloads it only when that
changes, and checks it.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from coapp.domain.errors import ValidationError
from coapp.domain.photos import MAX_SOURCE_BYTES, make_photo
from coserver.agents import agent_of
from coserver.application_models import AgentPhotoRow
from coserver.context import ServerContext
from coserver.db import transaction
from coserver.errors import ApiError

UPLOAD_MAX_BYTES = 10 * 1024 * 1024  # a phone's photo; far below the app's own 50 MB for a profile
assert UPLOAD_MAX_BYTES <= MAX_SOURCE_BYTES


def set_photo(ctx: ServerContext, agent_id: uuid.UUID, data: bytes) -> str:
    """Store the agent's photo made from *data*; its SHA-256. 413 too large, 422 not a picture."""
    if len(data) > UPLOAD_MAX_BYTES:
        raise ApiError(413, "too_large", f"A photo may be at most {UPLOAD_MAX_BYTES // (1024 * 1024)} MB.")
    if not data:
        raise ApiError(422, "invalid_photo", "The photo is empty.")
    try:
        jpeg = make_photo(data, "the photo")
    except ValidationError as exc:
        raise ApiError(422, "invalid_photo", str(exc)[:1].upper() + str(exc)[1:]) from None
    with transaction(ctx.sessions) as session:
        return store_photo(session, agent_id, jpeg)


def store_photo(session: Session, agent_id: uuid.UUID, jpeg: bytes) -> str:
    """Keep *jpeg* (made by coapp.domain.photos) as the agent's photo; its SHA-256."""
    digest = hashlib.sha256(jpeg).hexdigest()
    row = session.get(AgentPhotoRow, agent_id)
    if row is None:
        row = AgentPhotoRow(agent_id=agent_id)
        session.add(row)
    row.jpeg, row.sha256, row.updated_at = jpeg, digest, datetime.now(UTC)
    session.flush()
    return digest


def initials_portrait(name: str) -> bytes:
    """A card photo for a demo agent: the initials on a calm blue ground, made like any upload."""
    from PIL import Image, ImageDraw, ImageFont

    initials = "".join(part[0] for part in name.split()[:2]).upper() or "?"
    image = Image.new("RGB", (512, 512), (37, 99, 201))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=200)
    draw.text((256, 256), initials, fill=(255, 255, 255), font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG")
    return make_photo(out.getvalue(), "the portrait")


def remove_photo(ctx: ServerContext, agent_id: uuid.UUID) -> None:
    with transaction(ctx.sessions) as session:
        row = session.get(AgentPhotoRow, agent_id)
        if row is not None:
            session.delete(row)


def my_agents_photo(ctx: ServerContext, freelancer_id: uuid.UUID) -> bytes:
    """The caller's agent's photo; 404 when there is no agent or no photo."""
    with ctx.sessions() as session:
        agent_id = agent_of(session, freelancer_id)
        row = session.get(AgentPhotoRow, agent_id) if agent_id is not None else None
        if row is None:
            raise ApiError(404, "no_photo", "Your agent has no photo.")
        return bytes(row.jpeg)
