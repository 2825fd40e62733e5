"""Issue 10's entities in the change feed and the summary (coserver.feed merges them in): the
platform's assignments (every freelancer sees every one) and the account's favourites.

They travel only to clients that ask `with_assignments`, like the profile's (coserver.profile_feed).
An assignment whose `closes_at` passed is closed here, as a write with a new version, before the
feed is read: its status change reaches the devices like the agent closing it does.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.sync.wire import (
    AssignmentChange,
    AssignmentStatus,
    Change,
    Entity,
    EntitySummary,
    FavouriteChange,
    id_version_digest,
)
from coserver.assignments import assignment_record
from coserver.context import ServerContext
from coserver.db import next_version, transaction
from coserver.favourites import favourite_record
from coserver.models import AssignmentRow, FavouriteRow


def close_expired(ctx: ServerContext) -> None:
    """Close the open assignments whose applications closed, each with a new version."""
    now = ctx.now()
    expired = (
        select(AssignmentRow.id)
        .where(AssignmentRow.status == AssignmentStatus.OPEN.value, AssignmentRow.closes_at <= now)
        .limit(500)
    )
    with ctx.sessions() as session:
        if session.execute(expired).first() is None:
            return  # the common case: no write
    with transaction(ctx.sessions) as session:
        for row in session.execute(select(AssignmentRow).where(AssignmentRow.id.in_(expired))).scalars():
            row.status = AssignmentStatus.CLOSED.value
            row.version = next_version(session)


def assignment_changes(
    session: Session, account_id: uuid.UUID, after: int, newest: int, limit: int, now: datetime
) -> list[Change]:
    """Assignments (anyone's) and the account's favourites written after *after*, at most limit + 1
    of each."""
    assignments = session.execute(
        select(AssignmentRow)
        .where(AssignmentRow.version > after, AssignmentRow.version <= newest)
        .order_by(AssignmentRow.version)
        .limit(limit + 1)
    ).scalars()
    changes: list[Change] = [
        AssignmentChange(version=row.version, row=assignment_record(row, now)) for row in assignments
    ]
    favourites = session.execute(
        select(FavouriteRow)
        .where(
            FavouriteRow.account_id == account_id,
            FavouriteRow.version > after,
            FavouriteRow.version <= newest,
        )
        .order_by(FavouriteRow.version)
        .limit(limit + 1)
    ).scalars()
    changes += [FavouriteChange(version=row.version, row=favourite_record(row)) for row in favourites]
    return changes


def assignment_summaries(session: Session, account_id: uuid.UUID) -> dict[Entity, EntitySummary]:
    """Counts and digests of the live assignments and of the account's live favourites."""
    assignments = session.execute(
        select(AssignmentRow.id, AssignmentRow.version).where(AssignmentRow.deleted_at.is_(None))
    ).all()
    favourites = session.execute(
        select(FavouriteRow.id, FavouriteRow.version).where(
            FavouriteRow.account_id == account_id, FavouriteRow.deleted_at.is_(None)
        )
    ).all()
    return {
        Entity.ASSIGNMENT: _summary(assignments),
        Entity.FAVOURITE: _summary(favourites),
    }


def _summary(rows: object) -> EntitySummary:
    pairs = [(row_id, version) for row_id, version in rows]  # type: ignore[attr-defined]
    return EntitySummary(count=len(pairs), digest=id_version_digest(pairs))
