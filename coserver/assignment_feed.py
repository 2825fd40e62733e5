"""Issue 10's entities in the change feed and the summary (coserver.feed merges them in): the
platform's assignments (every freelancer sees every one), and the account's own favourites,
applications, their events, interviews and consents, and messages.

They travel only to clients that ask `with_assignments`, like the profile's (coserver.profile_feed).
An assignment whose `closes_at` passed is closed here, as a write with a new version, before the
feed is read: its status change reaches the devices like the agent closing it does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.sync.wire import (
    ApplicationChange,
    ApplicationEventChange,
    AssignmentChange,
    AssignmentStatus,
    Change,
    ConsentChange,
    Entity,
    EntitySummary,
    FavouriteChange,
    InterviewChange,
    MessageChange,
    id_version_digest,
)
from coserver.application_models import (
    ApplicationEventRow,
    ApplicationRow,
    ConsentRow,
    InterviewRow,
    MessageRow,
)
from coserver.applications import application_record, consent_record, event_record, interview_record
from coserver.assignments import assignment_record
from coserver.context import ServerContext
from coserver.db import next_version, transaction
from coserver.favourites import favourite_record
from coserver.messages import message_record
from coserver.models import AssignmentRow, FavouriteRow

# The freelancer's own rows of the pipeline: written once or moved only by the platform, never
# deleted (no tombstones), each keyed to the freelancer by `account_id`.
_OWNED: tuple[tuple[Entity, Any, Callable[[Any], Change]], ...] = (
    (
        Entity.APPLICATION,
        ApplicationRow,
        lambda r: ApplicationChange(version=r.version, row=application_record(r)),
    ),
    (
        Entity.APPLICATION_EVENT,
        ApplicationEventRow,
        lambda r: ApplicationEventChange(version=r.version, row=event_record(r)),
    ),
    (Entity.INTERVIEW, InterviewRow, lambda r: InterviewChange(version=r.version, row=interview_record(r))),
    (Entity.CONSENT, ConsentRow, lambda r: ConsentChange(version=r.version, row=consent_record(r))),
    (Entity.MESSAGE, MessageRow, lambda r: MessageChange(version=r.version, row=message_record(r))),
)


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
    for _, table, to_change in _OWNED:
        rows = session.execute(
            select(table)
            .where(table.account_id == account_id, table.version > after, table.version <= newest)
            .order_by(table.version)
            .limit(limit + 1)
        ).scalars()
        changes += [to_change(row) for row in rows]
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
    found = {Entity.ASSIGNMENT: _summary(assignments), Entity.FAVOURITE: _summary(favourites)}
    for entity, table, _ in _OWNED:
        rows = session.execute(select(table.id, table.version).where(table.account_id == account_id)).all()
        found[entity] = _summary(rows)
    return found


def _summary(rows: object) -> EntitySummary:
    pairs = [(row_id, version) for row_id, version in rows]  # type: ignore[attr-defined]
    return EntitySummary(count=len(pairs), digest=id_version_digest(pairs))
