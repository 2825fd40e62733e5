"""Long texts replaced by a push (the letter, a job's description, ...): the newest few are kept per
field so the freelancer can restore one that another device overwrote (SYNC.md, "who wins").
Only the owner reads them; restoring is an ordinary edit of the field on the device."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coapp.sync.wire import LONG_TEXTS, TEXT_VERSIONS_KEPT, TextVersion
from coserver.context import ServerContext
from coserver.errors import ApiError
from coserver.models import ProfileRow, ProfileTextVersion


def keep_replaced_text(
    session: Session,
    account_id: uuid.UUID,
    row: ProfileRow,
    field: str,
    text: str,
    version: int,
    replaced_at: datetime,
) -> None:
    """Keep *text* (written at *version*) and drop what falls beyond the newest TEXT_VERSIONS_KEPT."""
    session.add(
        ProfileTextVersion(
            account_id=account_id,
            entity=row.entity,
            row_id=row.id,
            field=field,
            version=version,
            replaced_at=replaced_at,
            text=text,
        )
    )
    session.flush()
    same_field = (
        ProfileTextVersion.account_id == account_id,
        ProfileTextVersion.entity == row.entity,
        ProfileTextVersion.row_id == row.id,
        ProfileTextVersion.field == field,
    )
    stale = session.scalars(
        select(ProfileTextVersion.id)
        .where(*same_field)
        .order_by(ProfileTextVersion.id.desc())
        .offset(TEXT_VERSIONS_KEPT)
    ).all()
    if stale:
        session.execute(delete(ProfileTextVersion).where(ProfileTextVersion.id.in_(stale)))


def text_versions(ctx: ServerContext, account_id: uuid.UUID, row_id: uuid.UUID) -> list[TextVersion]:
    """The caller's earlier texts of the row's long text, newest first; 404 when the caller has no
    row with a long text under that id. Each of those entities has one long text, and a row's id is
    the device's UUID, so the id alone names the field."""
    with ctx.sessions() as session:
        found = session.scalars(
            select(ProfileRow.entity).where(
                ProfileRow.account_id == account_id,
                ProfileRow.id == row_id,
                ProfileRow.entity.in_(list(LONG_TEXTS)),
            )
        ).all()
        if not found:
            raise ApiError(
                404, "not_found", "No row with a long text under this id in this account's profile."
            )
        rows = session.scalars(
            select(ProfileTextVersion)
            .where(
                ProfileTextVersion.account_id == account_id,
                ProfileTextVersion.row_id == row_id,
                ProfileTextVersion.entity.in_(found),
            )
            .order_by(ProfileTextVersion.id.desc())
        ).all()
        return [TextVersion(version=r.version, replaced_at=r.replaced_at, text=r.text) for r in rows]
