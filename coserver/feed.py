"""The change feed (`/v1/sync/changes`) and the per-entity summary (`/v1/sync/summary`).

Every synced table carries the database-wide `version` of its last write; the feed is the account's
rows with a version after the cursor, merged across tables in version order. Versions are unique
across tables (one sequence), so a page may end anywhere without skipping a row.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from coapp.sync.wire import (
    Change,
    ChangesPage,
    ContractChange,
    Entity,
    EntitySummary,
    InvoiceChange,
    RunningTimerChange,
    SyncSummary,
    TimeEntryChange,
    id_version_digest,
)
from coserver.context import ServerContext
from coserver.contracts import contract_record
from coserver.db import max_version, server_epoch
from coserver.entries import entry_record
from coserver.errors import ApiError
from coserver.invoices import invoice_record
from coserver.models import ContractRow, InvoiceRow, RunningTimerRow, ServerMeta, TimeEntryRow
from coserver.profile_feed import profile_changes, profile_summaries
from coserver.timers import timer_record

TOMBSTONE_HORIZON_KEY = "tombstone_horizon"


@dataclass(frozen=True)
class _Synced:
    """One synced table: who owns a row, and how a row becomes a change in the feed."""

    entity: Entity
    table: Any
    owner: InstrumentedAttribute[uuid.UUID]
    change: Callable[[Any], Change]
    tombstones: bool = True


SYNCED: tuple[_Synced, ...] = (
    _Synced(
        Entity.CONTRACT,
        ContractRow,
        ContractRow.freelancer_id,
        lambda r: ContractChange(version=r.version, row=contract_record(r)),
    ),
    _Synced(
        Entity.TIME_ENTRY,
        TimeEntryRow,
        TimeEntryRow.account_id,
        lambda r: TimeEntryChange(version=r.version, row=entry_record(r)),
    ),
    _Synced(
        Entity.RUNNING_TIMER,
        RunningTimerRow,
        RunningTimerRow.account_id,
        lambda r: RunningTimerChange(version=r.version, row=timer_record(r)),
    ),
    # Confirmed invoices are never deleted (corrections are credit notes): no tombstones.
    _Synced(
        Entity.INVOICE,
        InvoiceRow,
        InvoiceRow.account_id,
        lambda r: InvoiceChange(version=r.version, row=invoice_record(r)),
        tombstones=False,
    ),
)


def _gone(code: str, message: str) -> ApiError:
    return ApiError(410, code, message + " Do a full resync (start without a cursor).")


# In the cursors of a feed that carries the profile's entities: "<epoch>.p.<version>". A cursor
# without it was made by a feed without them, so it may be past profile rows the client never got.
_PROFILE_MARK = "p"


def _parse_cursor(session: Session, cursor: str | None, newest: int, with_profile: bool = False) -> int:
    if not cursor:
        return 0
    epoch, _, number = cursor.partition(".")
    mark, dot, rest = number.partition(".")
    marked = bool(dot) and mark == _PROFILE_MARK
    if marked:
        number = rest
    if not number.isdigit() or len(number) > 19 or not epoch:
        raise ApiError(400, "invalid_cursor", "This is not a cursor this server handed out.", field="cursor")
    after = int(number)
    if epoch != server_epoch(session):
        raise _gone("epoch_changed", "The server was restored from a backup since this cursor was made.")
    horizon = session.get(ServerMeta, TOMBSTONE_HORIZON_KEY)
    if horizon is not None and after < int(horizon.value):
        raise _gone("cursor_expired", "This cursor is older than the deletions the server keeps.")
    if after > newest:
        raise _gone("cursor_unknown", "This cursor is newer than anything on the server.")
    if with_profile and not marked:
        raise _gone(
            "cursor_without_profile",
            "This cursor comes from a feed without the profile, which may have passed profile rows.",
        )
    return after


def changes(
    ctx: ServerContext, account_id: uuid.UUID, cursor: str | None, limit: int, *, with_profile: bool = False
) -> ChangesPage:
    with ctx.sessions() as session, session.begin():
        # Read the newest version first: writers commit in version order, so every change up to it
        # is visible to the queries below, and a cursor at `newest` can never skip one.
        newest = max_version(session)
        after = _parse_cursor(session, cursor, newest, with_profile)
        epoch = server_epoch(session)
        merged: list[Change] = []
        for synced in SYNCED:
            table = synced.table
            rows = session.execute(
                select(table)
                .where(synced.owner == account_id, table.version > after, table.version <= newest)
                .order_by(table.version)
                .limit(limit + 1)
            ).scalars()
            merged += [synced.change(row) for row in rows]
        if with_profile:
            merged += profile_changes(session, account_id, after, newest, limit)
    merged.sort(key=lambda change: change.version)
    has_more = len(merged) > limit
    page = merged[:limit]
    last = page[-1].version if has_more else newest
    mark = f"{_PROFILE_MARK}." if with_profile else ""
    return ChangesPage(changes=page, cursor=f"{epoch}.{mark}{last}", has_more=has_more)


def summary(ctx: ServerContext, account_id: uuid.UUID, *, with_profile: bool = False) -> SyncSummary:
    """Counts and digests of the account's live rows, all read in one snapshot."""
    engine = ctx.engine
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    entities: dict[Entity, EntitySummary] = {}
    with Session(engine) as session, session.begin():
        newest = max_version(session)
        for synced in SYNCED:
            table = synced.table
            query = select(table.id, table.version).where(synced.owner == account_id)
            if synced.tombstones:
                query = query.where(table.deleted_at.is_(None))
            rows = [(row_id, version) for row_id, version in session.execute(query).all()]
            entities[synced.entity] = EntitySummary(count=len(rows), digest=id_version_digest(rows))
        if with_profile:
            entities.update(profile_summaries(session, account_id))
    return SyncSummary(as_of=newest, entities=entities)
