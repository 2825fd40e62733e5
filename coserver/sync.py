"""Sync use cases (SYNC.md): meta and push (per-op results); the change feed and summary are in
coserver.feed, each entity's rules in coserver.entries, coserver.timers, coserver.contracts and
coserver.profile_sync.

Object-level authorization lives with each entity: every query is filtered by the caller's account,
and an op on a row of another account is refused without changing anything.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from coapp.sync.wire import (
    PROFILE_RECORDS,
    PROTOCOL_VERSION,
    Entity,
    OpResult,
    OpStatus,
    PublicSyncMeta,
    PushOp,
    PushRequest,
    PushResponse,
    SyncMeta,
    SyncRecord,
)
from coserver.application_models import MessageRow
from coserver.context import ServerContext
from coserver.contracts import apply_contract, contract_record
from coserver.db import lock_accounts, max_version, server_epoch
from coserver.entries import apply_entry, entry_record
from coserver.entry_rows import BatchRows
from coserver.errors import ApiError
from coserver.favourites import apply_favourite, favourite_record, find_favourite
from coserver.feed import TOMBSTONE_HORIZON_KEY as TOMBSTONE_HORIZON_KEY  # re-exported for retention
from coserver.messages import apply_message, find_message, message_record
from coserver.models import (
    AppliedOp,
    ContractRow,
    FavouriteRow,
    ProfileRow,
    RunningTimerRow,
    TimeEntryRow,
)
from coserver.profile_sync import apply_profile_op, find_row, profile_record
from coserver.refusals import Refusal, rejected
from coserver.timers import apply_timer, timer_record

log = logging.getLogger(__name__)

_VERSION = re.compile(r"^(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:[-+.][0-9A-Za-z.+-]*)?$")

_Apply = Callable[[ServerContext, Session, uuid.UUID, PushOp], OpResult]
# Per entity: how an op applies, the table, and how a row becomes the record in an answer.
_ENTITIES: dict[str, tuple[_Apply, Any, Callable[[Any], SyncRecord]]] = {
    Entity.TIME_ENTRY: (apply_entry, TimeEntryRow, entry_record),
    Entity.RUNNING_TIMER: (apply_timer, RunningTimerRow, timer_record),
    Entity.CONTRACT: (apply_contract, ContractRow, contract_record),
    Entity.FAVOURITE: (apply_favourite, FavouriteRow, favourite_record),
    Entity.MESSAGE: (apply_message, MessageRow, message_record),
}
# The profile's twelve entities share one table and one set of rules (coserver.profile_sync).
_ENTITIES.update(dict.fromkeys(PROFILE_RECORDS, (apply_profile_op, ProfileRow, profile_record)))
_RECORDS: dict[type, Callable[[Any], SyncRecord]] = {t: to_record for _, t, to_record in _ENTITIES.values()}


# --- meta and client versions -----------------------------------------------------------------------


def parse_version(text: str) -> tuple[int, ...] | None:
    m = _VERSION.match(text.strip())
    if m is None:
        return None
    return tuple(int(part) for part in m.groups() if part is not None)


def check_client(ctx: ServerContext, client_version: str | None) -> None:
    """Refuse a client older than the minimum with 426 and a sentence saying what to do."""
    if client_version is None:
        return
    theirs = parse_version(client_version)
    if theirs is None:
        raise ApiError(400, "invalid_client_version", "Coapp-Client-Version must look like 1.2.3.")
    minimum = parse_version(ctx.settings.min_client_version) or (0,)
    if theirs < minimum:
        raise ApiError(
            426,
            "client_outdated",
            f"This version of coapp is too old for the platform; update to "
            f"{ctx.settings.min_client_version} or newer. Nothing was lost: your changes wait locally.",
        )


def public_meta(ctx: ServerContext) -> PublicSyncMeta:
    return PublicSyncMeta(
        protocol_version=PROTOCOL_VERSION,
        min_client_version=ctx.settings.min_client_version,
        server_time=ctx.now(),
    )


def meta(ctx: ServerContext) -> SyncMeta:
    """For a signed-in caller: the epoch and max_version are what the app's round starts from."""
    with ctx.sessions() as session:
        return SyncMeta(
            protocol_version=PROTOCOL_VERSION,
            min_client_version=ctx.settings.min_client_version,
            server_time=ctx.now(),
            epoch=server_epoch(session),
            max_version=max_version(session),
        )


# --- push ----------------------------------------------------------------------------------------------


def _owner(row: Any) -> uuid.UUID:
    return row.freelancer_id if isinstance(row, ContractRow) else row.account_id


def _record(row: Any) -> SyncRecord:
    return _RECORDS[type(row)](row)


def _apply(ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp) -> OpResult:
    handler = _ENTITIES.get(op.entity)
    if handler is None:
        raise rejected("unknown_entity", f"Unknown entity {ascii(op.entity)[:70]}.")
    return handler[0](ctx, session, account_id, op)


def push(ctx: ServerContext, session: Session, account_id: uuid.UUID, body: PushRequest) -> PushResponse:
    """Apply a batch in one transaction; a refused op leaves no trace and never stops the ones after it.

    Time entries, most of every push, go in bulk: the batch's rows are loaded in one query per table
    (coserver.entry_rows.BatchRows), judged in memory by the same rules (which refuse before they
    change anything, so they need no savepoint) and written in one flush per table. Other entities
    keep a savepoint each. Should the database still refuse the bulk write (a constraint a rule did
    not foresee, a row a concurrent writer committed), the batch is rolled back to its savepoint and
    applied again op by op, each in its own savepoint, so the answers are what they always were."""
    _writer_locks(session, account_id)
    whole = session.begin_nested()
    try:
        results = _push_in_bulk(ctx, session, account_id, body)
        session.flush()
        whole.commit()
    except DBAPIError:
        whole.rollback()
        log.warning("a push batch was refused by the database in bulk; applying it op by op")
        results = _push_op_by_op(ctx, session, account_id, body)
    return PushResponse(results=results, max_version=max_version(session))


def _writer_locks(session: Session, account_id: uuid.UUID) -> None:
    """What a push must not run beside, on PostgreSQL (SQLite's BEGIN IMMEDIATE already serializes
    every writer): another push of the same account, whose rules read the same rows (cells, the day's
    24 hours), and the platform's commands that change the account's rows or the rules a push reads
    (confirming or crediting an invoice, a contract's life). All of them take the account's lock
    (coserver.db.lock_accounts), so writers of different accounts never wait for each other."""
    lock_accounts(session, account_id)


def _applied_before(session: Session, account_id: uuid.UUID, body: PushRequest) -> set[uuid.UUID]:
    ids = {op.op_id for op in body.ops}
    if not ids:
        return set()
    found = session.execute(
        select(AppliedOp.op_id).where(AppliedOp.account_id == account_id, AppliedOp.op_id.in_(ids))
    ).scalars()
    return set(found)


def _push_in_bulk(
    ctx: ServerContext, session: Session, account_id: uuid.UUID, body: PushRequest
) -> list[OpResult]:
    done = _applied_before(session, account_id, body)
    rows = BatchRows(session, account_id, body.ops)
    results: list[OpResult] = []
    now = ctx.now()
    for op in body.ops:
        if op.op_id in done:
            results.append(_duplicate(session, account_id, op))
            continue
        done.add(op.op_id)
        if op.entity != Entity.TIME_ENTRY:
            session.flush()  # what the batch did so far, before this op's savepoint
            results.append(_apply_in_savepoint(ctx, session, account_id, op, now))
            continue
        try:
            with session.no_autoflush:
                result = apply_entry(ctx, session, account_id, op, rows)
        except Refusal as refusal:
            # Nothing changed (the rules refuse first): the row in memory is the server's copy.
            result = _refused(op, refusal)
        else:
            session.add(AppliedOp(account_id=account_id, op_id=op.op_id, row_id=op.row_id, created_at=now))
        results.append(result)
    return results


def _push_op_by_op(
    ctx: ServerContext, session: Session, account_id: uuid.UUID, body: PushRequest
) -> list[OpResult]:
    results: list[OpResult] = []
    seen: set[uuid.UUID] = set()
    now = ctx.now()
    for op in body.ops:
        if op.op_id in seen or session.get(AppliedOp, (account_id, op.op_id)) is not None:
            results.append(_duplicate(session, account_id, op))
            continue
        seen.add(op.op_id)
        results.append(_apply_in_savepoint(ctx, session, account_id, op, now))
    return results


def _apply_in_savepoint(
    ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp, now: Any
) -> OpResult:
    savepoint = session.begin_nested()
    try:
        result = _apply(ctx, session, account_id, op)
        session.add(AppliedOp(account_id=account_id, op_id=op.op_id, row_id=op.row_id, created_at=now))
        session.flush()
        savepoint.commit()
    except Refusal as refusal:
        savepoint.rollback()
        if refusal.row is not None:
            session.refresh(refusal.row)
        return _refused(op, refusal)
    except DBAPIError:
        savepoint.rollback()
        log.exception("op %s refused by the database", op.op_id)
        return OpResult(
            op_id=op.op_id,
            status=OpStatus.REJECTED,
            code="invalid_row",
            message="The database refused this change.",
        )
    return result


def _refused(op: PushOp, refusal: Refusal) -> OpResult:
    row = refusal.row
    return OpResult(
        op_id=op.op_id,
        status=refusal.status,
        code=refusal.code,
        message=refusal.message,
        version=row.version if row is not None else None,
        row=_record(row) if row is not None else None,
    )


def _duplicate(session: Session, account_id: uuid.UUID, op: PushOp) -> OpResult:
    handler = _ENTITIES.get(op.entity)
    row: Any
    if op.entity in PROFILE_RECORDS:
        row = find_row(session, account_id, op.entity, op.row_id)
    elif op.entity == Entity.FAVOURITE:
        row = find_favourite(session, account_id, op.row_id)
    elif op.entity == Entity.MESSAGE:
        row = find_message(session, account_id, op.row_id)
    else:
        row = session.get(handler[1], op.row_id) if handler is not None else None
    if row is None or _owner(row) != account_id:
        return OpResult(op_id=op.op_id, status=OpStatus.DUPLICATE)
    return OpResult(op_id=op.op_id, status=OpStatus.DUPLICATE, version=row.version, row=_record(row))
