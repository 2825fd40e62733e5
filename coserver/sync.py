"""Sync use cases (SYNC.md): meta, push (per-op results) and the change feed.

Object-level authorization lives here: every query is filtered by the caller's account, and an op on
a row of another account is refused without changing anything.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from coapp.domain.durations import MINUTES_PER_DAY
from coapp.sync.wire import (
    NOTE_MAX_LENGTH,
    PROTOCOL_VERSION,
    Change,
    ChangesPage,
    ContractChange,
    ContractRecord,
    Entity,
    EntitySummary,
    OpKind,
    OpResult,
    OpStatus,
    PushOp,
    PushRequest,
    PushResponse,
    SyncMeta,
    SyncSummary,
    TimeEntryChange,
    TimeEntryRecord,
    id_version_digest,
)
from coserver.context import ServerContext
from coserver.db import max_version, next_version, server_epoch
from coserver.errors import ApiError
from coserver.models import AppliedOp, ContractRow, ServerMeta, ServerSequence, TimeEntryRow

log = logging.getLogger(__name__)

TOMBSTONE_HORIZON_KEY = "tombstone_horizon"
_VERSION = re.compile(r"^(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:[-+.][0-9A-Za-z.+-]*)?$")


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


def meta(ctx: ServerContext) -> SyncMeta:
    with ctx.sessions() as session:
        return SyncMeta(
            protocol_version=PROTOCOL_VERSION,
            min_client_version=ctx.settings.min_client_version,
            server_time=ctx.now(),
            epoch=server_epoch(session),
            max_version=max_version(session),
        )


# --- records -------------------------------------------------------------------------------------------


def contract_record(row: ContractRow) -> ContractRecord:
    return ContractRecord.model_validate(row, from_attributes=True)


def entry_record(row: TimeEntryRow) -> TimeEntryRecord:
    return TimeEntryRecord(
        id=row.id,
        contract_id=row.contract_id,
        work_date=row.work_date,
        minutes=row.minutes,
        note=row.note,
        invoice_id=row.invoice_id,
        locked=row.invoice_id is not None,
        version=row.version,
        deleted_at=row.deleted_at,
    )


# --- push ----------------------------------------------------------------------------------------------


@dataclass
class _Refusal(Exception):
    status: OpStatus
    code: str
    message: str
    row: TimeEntryRow | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _rejected(code: str, message: str, row: TimeEntryRow | None = None) -> _Refusal:
    return _Refusal(OpStatus.REJECTED, code, message, row)


_ENTRY_FIELDS = {"contract_id", "work_date", "minutes", "note", "invoice_id", "deleted_at"}


@dataclass
class _EntryFields:
    contract_id: uuid.UUID | None = None
    work_date: date | None = None
    minutes: int | None = None
    note: str | None = None


def _parse_entry_fields(op: PushOp, current: TimeEntryRow | None) -> _EntryFields:
    unknown = sorted(set(op.fields) - _ENTRY_FIELDS)
    if unknown:
        names = ", ".join(ascii(name)[:40] for name in unknown[:5])
        raise _rejected("unknown_field", f"A time entry has no field {names}.")
    out = _EntryFields()
    raw = op.fields
    if "contract_id" in raw:
        try:
            out.contract_id = (
                uuid.UUID(str(raw["contract_id"])) if isinstance(raw["contract_id"], str) else None
            )
        except ValueError:
            out.contract_id = None
        if out.contract_id is None:
            raise _rejected("invalid_field", "contract_id must be a contract's UUID.")
    if "work_date" in raw:
        value = raw["work_date"]
        try:
            out.work_date = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        except ValueError:
            out.work_date = None
        if out.work_date is None:
            raise _rejected("invalid_field", "work_date must be a date written YYYY-MM-DD.")
    if "minutes" in raw:
        value = raw["minutes"]
        if not isinstance(value, int) or isinstance(value, bool):
            raise _rejected("invalid_field", "minutes must be a whole number.")
        if not 0 <= value <= MINUTES_PER_DAY:
            raise _rejected("invalid_minutes", f"minutes must be between 0 and {MINUTES_PER_DAY}.")
        out.minutes = value
    if "note" in raw:
        value = raw["note"]
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise _rejected("invalid_field", "note must be text.")
        if len(value) > NOTE_MAX_LENGTH:
            raise _rejected("note_too_long", f"A note can hold at most {NOTE_MAX_LENGTH} characters.")
        if "\x00" in value or not _encodable(value):
            raise _rejected("invalid_field", "note holds characters that cannot be stored.")
        out.note = value
    if "invoice_id" in raw:
        # Set by the platform when an invoice is confirmed, never by a push.
        theirs = raw["invoice_id"]
        ours = str(current.invoice_id) if current is not None and current.invoice_id else None
        if theirs != ours:
            raise _rejected("read_only_field", "invoice_id is set by confirming an invoice, not by a push.")
    if "deleted_at" in raw and raw["deleted_at"] is not None and op.op is OpKind.UPSERT:
        raise _rejected("invalid_field", "Delete with op=delete; an upsert cannot set deleted_at.")
    return out


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _own_contract(session: Session, account_id: uuid.UUID, contract_id: uuid.UUID) -> ContractRow:
    contract = session.get(ContractRow, contract_id)
    if contract is None or contract.freelancer_id != account_id or contract.deleted_at is not None:
        raise _rejected("unknown_contract", "No such contract on this account.")
    return contract


def _check_entry(session: Session, account_id: uuid.UUID, row: TimeEntryRow, minutes: int) -> None:
    """The same rules as the client's grid: the contract's period and 24 hours a day in total."""
    contract = _own_contract(session, account_id, row.contract_id)
    if row.work_date < contract.start_date or (
        contract.end_date is not None and row.work_date > contract.end_date
    ):
        end = contract.end_date.isoformat() if contract.end_date else ""
        period = f"{contract.start_date.isoformat()} – {end}"
        raise _rejected(
            "outside_contract", f"{row.work_date.isoformat()} is outside the contract ({period})."
        )
    if minutes == 0:
        return
    others = session.execute(
        select(func.coalesce(func.sum(TimeEntryRow.minutes), 0)).where(
            TimeEntryRow.account_id == account_id,
            TimeEntryRow.work_date == row.work_date,
            TimeEntryRow.deleted_at.is_(None),
            TimeEntryRow.id != row.id,
        )
    ).scalar_one()
    if others + minutes > MINUTES_PER_DAY:
        raise _rejected(
            "day_over_24h",
            f"{row.work_date.isoformat()} would hold more than 24 hours across your contracts.",
        )


def _apply_entry(ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp) -> OpResult:
    current = session.get(TimeEntryRow, op.row_id)
    if current is not None and current.account_id != account_id:
        raise _rejected("forbidden", "This row belongs to another account.")
    if op.op is OpKind.DELETE:
        return _delete_entry(ctx, session, current, op)
    parsed = _parse_entry_fields(op, current)
    if current is None:
        return _create_entry(ctx, session, account_id, op, parsed)
    return _update_entry(ctx, session, account_id, current, op, parsed)


def _create_entry(
    ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp, f: _EntryFields
) -> OpResult:
    if f.contract_id is None or f.work_date is None:
        raise _rejected("missing_field", "A new time entry needs contract_id and work_date.")
    _own_contract(session, account_id, f.contract_id)  # before anything about the cell is revealed
    taken = session.execute(
        select(TimeEntryRow).where(
            TimeEntryRow.contract_id == f.contract_id,
            TimeEntryRow.work_date == f.work_date,
            TimeEntryRow.deleted_at.is_(None),
        )
    ).scalar_one_or_none()
    if taken is not None:
        mine = taken.account_id == account_id
        raise _rejected(
            "cell_taken",
            "Another time entry already holds this contract and day.",
            taken if mine else None,
        )
    minutes = f.minutes if f.minutes is not None else 0
    version = next_version(session)
    row = TimeEntryRow(
        id=op.row_id,
        account_id=account_id,
        contract_id=f.contract_id,
        work_date=f.work_date,
        minutes=minutes,
        note=f.note if f.note is not None else "",
        invoice_id=None,
        version=version,
        minutes_version=version,
        note_version=version,
        created_at=ctx.now(),
    )
    _check_entry(session, account_id, row, minutes)
    session.add(row)
    session.flush()
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=version, row=entry_record(row))


def _update_entry(
    ctx: ServerContext,
    session: Session,
    account_id: uuid.UUID,
    row: TimeEntryRow,
    op: PushOp,
    f: _EntryFields,
) -> OpResult:
    if (f.contract_id is not None and f.contract_id != row.contract_id) or (
        f.work_date is not None and f.work_date != row.work_date
    ):
        raise _rejected(
            "immutable_field", "An entry's contract and day cannot change; delete it and add another.", row
        )
    changes: dict[str, Any] = {}
    if f.minutes is not None and f.minutes != row.minutes:
        changes["minutes"] = f.minutes
    if f.note is not None and f.note != row.note:
        changes["note"] = f.note
    revive = row.deleted_at is not None
    base = op.base_version
    if base is not None and base > row.version:
        raise _Refusal(
            OpStatus.CONFLICT, "unknown_base_version", "The server has no such version of this row.", row
        )
    if revive and (base is None or base < (row.deleted_version or 0)):
        # Delete wins over an edit made before the edit's device saw the delete.
        raise _Refusal(OpStatus.CONFLICT, "deleted", "This entry was deleted on another device.", row)
    if not changes and not revive:
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=row.version, row=entry_record(row))
    if row.invoice_id is not None:
        raise _rejected("locked", "This entry is on a confirmed invoice and cannot change.", row)
    minutes = changes.get("minutes", row.minutes)
    _check_entry(session, account_id, row, minutes)
    if revive:
        holder = session.execute(
            select(TimeEntryRow).where(
                TimeEntryRow.contract_id == row.contract_id,
                TimeEntryRow.work_date == row.work_date,
                TimeEntryRow.deleted_at.is_(None),
            )
        ).scalar_one_or_none()
        if holder is not None:
            raise _rejected("cell_taken", "Another time entry already holds this contract and day.", holder)
    # Last writer wins per field in server order; report the fields whose newer value we replaced.
    overwritten = [name for name in changes if base is None or getattr(row, f"{name}_version") > base]
    version = next_version(session)
    for name, value in changes.items():
        setattr(row, name, value)
        setattr(row, f"{name}_version", version)
    if revive:
        row.deleted_at = None
        row.deleted_version = None
    row.version = version
    session.flush()
    return OpResult(
        op_id=op.op_id,
        status=OpStatus.APPLIED,
        version=version,
        overwritten=sorted(overwritten),
        row=entry_record(row),
    )


def _delete_entry(ctx: ServerContext, session: Session, row: TimeEntryRow | None, op: PushOp) -> OpResult:
    if row is None:
        # Never reached the server (created and deleted offline, or refused): nothing to delete.
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED)
    if row.deleted_at is not None:
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=row.version, row=entry_record(row))
    if row.invoice_id is not None:
        raise _rejected("locked", "This entry is on a confirmed invoice and cannot be deleted.", row)
    version = next_version(session)
    row.deleted_at = ctx.now()
    row.deleted_version = version
    row.version = version
    session.flush()
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=version, row=entry_record(row))


def _apply(ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp) -> OpResult:
    if op.entity == Entity.TIME_ENTRY:
        return _apply_entry(ctx, session, account_id, op)
    if op.entity == Entity.CONTRACT:
        raise _rejected("read_only", "Contracts are changed by the platform only.")
    raise _rejected("unknown_entity", f"Unknown entity {ascii(op.entity)[:70]}.")


def push(ctx: ServerContext, session: Session, account_id: uuid.UUID, body: PushRequest) -> PushResponse:
    """Apply a batch in one transaction, each op in its own savepoint: a refused op leaves no trace
    and never stops the ones after it."""
    # Writers take the sequence row first, so the whole batch reads and writes as if alone (on
    # PostgreSQL; SQLite's BEGIN IMMEDIATE already serializes writers).
    session.execute(select(ServerSequence.value).where(ServerSequence.id == 1).with_for_update())
    results: list[OpResult] = []
    seen: set[uuid.UUID] = set()
    now = ctx.now()
    for op in body.ops:
        if op.op_id in seen or session.get(AppliedOp, (account_id, op.op_id)) is not None:
            results.append(_duplicate(session, account_id, op))
            continue
        seen.add(op.op_id)
        savepoint = session.begin_nested()
        try:
            result = _apply(ctx, session, account_id, op)
            session.add(AppliedOp(account_id=account_id, op_id=op.op_id, row_id=op.row_id, created_at=now))
            session.flush()
            savepoint.commit()
        except _Refusal as refusal:
            savepoint.rollback()
            row = refusal.row
            if row is not None:
                session.refresh(row)
            result = OpResult(
                op_id=op.op_id,
                status=refusal.status,
                code=refusal.code,
                message=refusal.message,
                version=row.version if row is not None else None,
                row=entry_record(row) if row is not None else None,
            )
        except DBAPIError:
            savepoint.rollback()
            log.exception("op %s refused by the database", op.op_id)
            result = OpResult(
                op_id=op.op_id,
                status=OpStatus.REJECTED,
                code="invalid_row",
                message="The database refused this change.",
            )
        results.append(result)
    return PushResponse(results=results, max_version=max_version(session))


def _duplicate(session: Session, account_id: uuid.UUID, op: PushOp) -> OpResult:
    row = session.get(TimeEntryRow, op.row_id)
    if row is None or row.account_id != account_id:
        return OpResult(op_id=op.op_id, status=OpStatus.DUPLICATE)
    return OpResult(op_id=op.op_id, status=OpStatus.DUPLICATE, version=row.version, row=entry_record(row))


# --- the change feed ---------------------------------------------------------------------------------


def _gone(code: str, message: str) -> ApiError:
    return ApiError(410, code, message + " Do a full resync (start without a cursor).")


def _parse_cursor(session: Session, cursor: str | None, newest: int) -> int:
    if not cursor:
        return 0
    epoch, _, number = cursor.partition(".")
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
    return after


def changes(ctx: ServerContext, account_id: uuid.UUID, cursor: str | None, limit: int) -> ChangesPage:
    with ctx.sessions() as session, session.begin():
        # Read the newest version first: writers commit in version order, so every change up to it
        # is visible to the queries below, and a cursor at `newest` can never skip one.
        newest = max_version(session)
        after = _parse_cursor(session, cursor, newest)
        epoch = server_epoch(session)
        contracts = session.execute(
            select(ContractRow)
            .where(
                ContractRow.freelancer_id == account_id,
                ContractRow.version > after,
                ContractRow.version <= newest,
            )
            .order_by(ContractRow.version)
            .limit(limit + 1)
        ).scalars()
        entries = session.execute(
            select(TimeEntryRow)
            .where(
                TimeEntryRow.account_id == account_id,
                TimeEntryRow.version > after,
                TimeEntryRow.version <= newest,
            )
            .order_by(TimeEntryRow.version)
            .limit(limit + 1)
        ).scalars()
        merged: list[Change] = [ContractChange(version=c.version, row=contract_record(c)) for c in contracts]
        merged += [TimeEntryChange(version=e.version, row=entry_record(e)) for e in entries]
    merged.sort(key=lambda change: change.version)
    has_more = len(merged) > limit
    page = merged[:limit]
    last = page[-1].version if has_more else newest
    return ChangesPage(changes=page, cursor=f"{epoch}.{last}", has_more=has_more)


def summary(ctx: ServerContext, account_id: uuid.UUID) -> SyncSummary:
    """Counts and digests of the account's live rows, all read in one snapshot."""
    engine = ctx.engine
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    with Session(engine) as session, session.begin():
        newest = max_version(session)
        contracts = session.execute(
            select(ContractRow.id, ContractRow.version).where(
                ContractRow.freelancer_id == account_id, ContractRow.deleted_at.is_(None)
            )
        ).all()
        entries = session.execute(
            select(TimeEntryRow.id, TimeEntryRow.version).where(
                TimeEntryRow.account_id == account_id, TimeEntryRow.deleted_at.is_(None)
            )
        ).all()
    return SyncSummary(
        as_of=newest,
        entities={
            Entity.CONTRACT: EntitySummary(count=len(contracts), digest=id_version_digest(contracts)),
            Entity.TIME_ENTRY: EntitySummary(count=len(entries), digest=id_version_digest(entries)),
        },
    )


def get_entry(ctx: ServerContext, account_id: uuid.UUID, entry_id: uuid.UUID) -> TimeEntryRecord:
    with ctx.sessions() as session:
        row = session.get(TimeEntryRow, entry_id)
        if row is None or row.account_id != account_id:
            raise ApiError(404, "not_found", "No such time entry on this account.")
        return entry_record(row)


def get_contract(ctx: ServerContext, account_id: uuid.UUID, contract_id: uuid.UUID) -> ContractRecord:
    with ctx.sessions() as session:
        row = session.get(ContractRow, contract_id)
        if row is None or row.freelancer_id != account_id:
            raise ApiError(404, "not_found", "No such contract on this account.")
        return contract_record(row)
