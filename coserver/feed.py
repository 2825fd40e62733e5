"""The change feed (`/v1/sync/changes`) and the per-entity summary (`/v1/sync/summary`).

Every synced table carries the database-wide `version` of its last write; the feed is the account's
rows with a version after the cursor, merged across tables in version order. Versions are unique
across tables (one sequence), so a page may end anywhere without skipping a row.

The feed reads up to the horizon (coserver.db.version_bounds), never the newest number handed out:
on PostgreSQL a transaction with a lower version may still be running, and a cursor past it would
skip its rows for good. A cursor is therefore at most the horizon, and never moves back.
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
from coserver.assignment_feed import assignment_changes, assignment_summaries, close_expired
from coserver.context import ServerContext
from coserver.contract_feed import contract_changes, contract_summaries, older_clients_see, prepare
from coserver.contracts import contract_record
from coserver.db import max_version, server_epoch, version_bounds
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


# A cursor names the optional entity groups its feed carried: "<epoch>.<marks>.<version>", with
# "p" for the profile's entities, "a" for issue 10's (assignments, favourites, ...) and "c" for issue
# 11's (milestones, feedback, reviews, unsigned offers). A client that asks for a group its cursor
# lacks may be past rows of it that it never got: it reads again once.
_PROFILE_MARK = "p"
_ASSIGNMENTS_MARK = "a"
_CONTRACTS_MARK = "c"
_MARKS = frozenset(_PROFILE_MARK + _ASSIGNMENTS_MARK + _CONTRACTS_MARK)


def _parse_cursor(
    session: Session,
    cursor: str | None,
    newest: int,
    with_profile: bool = False,
    with_assignments: bool = False,
    with_contracts: bool = False,
) -> int:
    if not cursor:
        return 0
    epoch, _, number = cursor.partition(".")
    marks, dot, rest = number.partition(".")
    if dot:
        if not marks or not set(marks) <= _MARKS or len(set(marks)) != len(marks):
            raise ApiError(
                400, "invalid_cursor", "This is not a cursor this server handed out.", field="cursor"
            )
        number = rest
    else:
        marks = ""
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
    if with_profile and _PROFILE_MARK not in marks:
        raise _gone(
            "cursor_without_profile",
            "This cursor comes from a feed without the profile, which may have passed profile rows.",
        )
    if with_assignments and _ASSIGNMENTS_MARK not in marks:
        raise _gone(
            "cursor_without_assignments",
            "This cursor comes from a feed without assignments, which may have passed their rows.",
        )
    if with_contracts and _CONTRACTS_MARK not in marks:
        raise _gone(
            "cursor_without_contracts",
            "This cursor comes from a feed without contract terms, which may have passed their rows.",
        )
    return after


def changes(
    ctx: ServerContext,
    account_id: uuid.UUID,
    cursor: str | None,
    limit: int,
    *,
    with_profile: bool = False,
    with_assignments: bool = False,
    with_contracts: bool = False,
) -> ChangesPage:
    if with_assignments:
        close_expired(ctx)
    prepare(ctx)  # the calendar's moves of contracts (every feed) and reviews due to show
    with ctx.sessions() as session, session.begin():
        # Read the horizon first: every change up to it has committed (or is gone), so the queries
        # below (each its own snapshot at READ COMMITTED) see all of them and a cursor at `newest`
        # can never skip one. A cursor may be past the horizon (it was the horizon when handed
        # out; a writer starting since can hold it back): it is unknown only past every number.
        newest, handed_out = version_bounds(session)
        after = _parse_cursor(session, cursor, handed_out, with_profile, with_assignments, with_contracts)
        epoch = server_epoch(session)
        merged: list[Change] = []
        for synced in SYNCED:
            table = synced.table
            query = select(table).where(
                synced.owner == account_id, table.version > after, table.version <= newest
            )
            if synced.entity is Entity.CONTRACT and not with_contracts:
                query = query.where(older_clients_see())
            rows = session.execute(query.order_by(table.version).limit(limit + 1)).scalars()
            merged += [synced.change(row) for row in rows]
        if with_profile:
            merged += profile_changes(session, account_id, after, newest, limit)
        if with_assignments:
            merged += assignment_changes(session, account_id, after, newest, limit, ctx.now())
        if with_contracts:
            merged += contract_changes(session, account_id, after, newest, limit)
    merged.sort(key=lambda change: change.version)
    has_more = len(merged) > limit
    page = merged[:limit]
    last = page[-1].version if has_more else max(newest, after)
    marks = (
        (_PROFILE_MARK if with_profile else "")
        + (_ASSIGNMENTS_MARK if with_assignments else "")
        + (_CONTRACTS_MARK if with_contracts else "")
    )
    mark = f"{marks}." if marks else ""
    return ChangesPage(changes=page, cursor=f"{epoch}.{mark}{last}", has_more=has_more)


def summary(
    ctx: ServerContext,
    account_id: uuid.UUID,
    *,
    with_profile: bool = False,
    with_assignments: bool = False,
    with_contracts: bool = False,
) -> SyncSummary:
    """Counts and digests of the account's live rows, all read in one snapshot."""
    if with_assignments:
        close_expired(ctx)  # as the feed does, so both speak of the same versions
    prepare(ctx)
    engine = ctx.engine
    as_of: int | None = None
    if engine.dialect.name == "postgresql":
        # The horizon before the snapshot: every change up to it is in the snapshot (one committed
        # meanwhile above it may be too: the client's next round compares again).
        with ctx.sessions() as session, session.begin():
            as_of = max_version(session)
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    entities: dict[Entity, EntitySummary] = {}
    with Session(engine) as session, session.begin():
        newest = max_version(session) if as_of is None else as_of
        for synced in SYNCED:
            table = synced.table
            query = select(table.id, table.version).where(synced.owner == account_id)
            if synced.tombstones:
                query = query.where(table.deleted_at.is_(None))
            if synced.entity is Entity.CONTRACT and not with_contracts:
                query = query.where(older_clients_see())
            rows = [(row_id, version) for row_id, version in session.execute(query).all()]
            entities[synced.entity] = EntitySummary(count=len(rows), digest=id_version_digest(rows))
        if with_profile:
            entities.update(profile_summaries(session, account_id))
        if with_assignments:
            entities.update(assignment_summaries(session, account_id))
        if with_contracts:
            entities.update(contract_summaries(session, account_id))
    return SyncSummary(as_of=newest, entities=entities)
