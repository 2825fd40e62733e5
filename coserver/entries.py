"""Time entries in push: per-field last writer wins with base versions, delete wins over an edit made
before it was seen, one live entry per (contract, day), at most 24 hours a day across contracts, and
entries on a confirmed invoice refuse every change."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from coapp.domain.durations import MINUTES_PER_DAY
from coapp.sync.wire import NOTE_MAX_LENGTH, OpKind, OpResult, OpStatus, PushOp, TimeEntryRecord
from coserver.context import ServerContext
from coserver.contracts import own_contract
from coserver.db import next_version
from coserver.entry_rows import EntryRows, QueriedRows
from coserver.errors import ApiError
from coserver.models import TimeEntryRow
from coserver.refusals import Refusal, encodable, rejected


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
        raise rejected("unknown_field", f"A time entry has no field {names}.")
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
            raise rejected("invalid_field", "contract_id must be a contract's UUID.")
    if "work_date" in raw:
        value = raw["work_date"]
        try:
            out.work_date = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        except ValueError:
            out.work_date = None
        if out.work_date is None:
            raise rejected("invalid_field", "work_date must be a date written YYYY-MM-DD.")
    if "minutes" in raw:
        value = raw["minutes"]
        if not isinstance(value, int) or isinstance(value, bool):
            raise rejected("invalid_field", "minutes must be a whole number.")
        if not 0 <= value <= MINUTES_PER_DAY:
            raise rejected("invalid_minutes", f"minutes must be between 0 and {MINUTES_PER_DAY}.")
        out.minutes = value
    if "note" in raw:
        value = raw["note"]
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise rejected("invalid_field", "note must be text.")
        if len(value) > NOTE_MAX_LENGTH:
            raise rejected("note_too_long", f"A note can hold at most {NOTE_MAX_LENGTH} characters.")
        if "\x00" in value or not encodable(value):
            raise rejected("invalid_field", "note holds characters that cannot be stored.")
        out.note = value
    if "invoice_id" in raw:
        # Set by the platform when an invoice is confirmed, never by a push.
        theirs = raw["invoice_id"]
        ours = str(current.invoice_id) if current is not None and current.invoice_id else None
        if theirs != ours:
            raise rejected("read_only_field", "invoice_id is set by confirming an invoice, not by a push.")
    if "deleted_at" in raw and raw["deleted_at"] is not None and op.op is OpKind.UPSERT:
        raise rejected("invalid_field", "Delete with op=delete; an upsert cannot set deleted_at.")
    return out


def _check_entry(
    session: Session, rows: EntryRows, account_id: uuid.UUID, row: TimeEntryRow, minutes: int
) -> None:
    """The same rules as the client's grid: the contract's period and 24 hours a day in total."""
    contract = own_contract(session, account_id, row.contract_id)
    if row.work_date < contract.start_date or (
        contract.end_date is not None and row.work_date > contract.end_date
    ):
        end = contract.end_date.isoformat() if contract.end_date else ""
        period = f"{contract.start_date.isoformat()} – {end}"
        raise rejected("outside_contract", f"{row.work_date.isoformat()} is outside the contract ({period}).")
    if minutes == 0:
        return
    others = rows.minutes_besides(account_id, row.work_date, row.id)
    if others + minutes > MINUTES_PER_DAY:
        raise rejected(
            "day_over_24h",
            f"{row.work_date.isoformat()} would hold more than 24 hours across your contracts.",
        )


def apply_entry(
    ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp, rows: EntryRows | None = None
) -> OpResult:
    """Judge and apply one op. With `rows` from a whole batch (coserver.entry_rows.BatchRows) it asks
    the database nothing but the version and leaves the writing to the batch's flush; every refusal
    is raised before anything changes, so a refused op needs no savepoint to leave no trace."""
    rows = rows if rows is not None else QueriedRows(session)
    current = rows.get(op.row_id)
    if current is not None and current.account_id != account_id:
        raise rejected("forbidden", "This row belongs to another account.")
    if op.op is OpKind.DELETE:
        return _delete_entry(ctx, session, current, op)
    parsed = _parse_entry_fields(op, current)
    if current is None:
        return _create_entry(ctx, session, rows, account_id, op, parsed)
    return _update_entry(ctx, session, rows, account_id, current, op, parsed)


def _create_entry(
    ctx: ServerContext, session: Session, rows: EntryRows, account_id: uuid.UUID, op: PushOp, f: _EntryFields
) -> OpResult:
    if f.contract_id is None or f.work_date is None:
        raise rejected("missing_field", "A new time entry needs contract_id and work_date.")
    own_contract(session, account_id, f.contract_id)  # before anything about the cell is revealed
    taken = rows.holder(f.contract_id, f.work_date)
    if taken is not None:
        mine = taken.account_id == account_id
        raise rejected(
            "cell_taken",
            "Another time entry already holds this contract and day.",
            taken if mine else None,
        )
    minutes = f.minutes if f.minutes is not None else 0
    row = TimeEntryRow(
        id=op.row_id,
        account_id=account_id,
        contract_id=f.contract_id,
        work_date=f.work_date,
        minutes=minutes,
        note=f.note if f.note is not None else "",
        invoice_id=None,
        created_at=ctx.now(),
    )
    _check_entry(session, rows, account_id, row, minutes)
    # The version only once the op is accepted: a refused op takes no number.
    version = next_version(session)
    row.version = row.minutes_version = row.note_version = version
    rows.add(row)
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=version, row=entry_record(row))


def _update_entry(
    ctx: ServerContext,
    session: Session,
    rows: EntryRows,
    account_id: uuid.UUID,
    row: TimeEntryRow,
    op: PushOp,
    f: _EntryFields,
) -> OpResult:
    if (f.contract_id is not None and f.contract_id != row.contract_id) or (
        f.work_date is not None and f.work_date != row.work_date
    ):
        raise rejected(
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
        raise Refusal(
            OpStatus.CONFLICT, "unknown_base_version", "The server has no such version of this row.", row
        )
    if revive and base is not None and base < (row.deleted_version or 0):
        # Delete wins over an edit made before the edit's device saw the delete. Without a base the
        # device never saw this entry at all (a new cell on a device, or everything sent again after
        # the server was restored from a backup): it is filling the day, not editing what was deleted.
        raise Refusal(OpStatus.CONFLICT, "deleted", "This entry was deleted on another device.", row)
    if not changes and not revive:
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=row.version, row=entry_record(row))
    if row.invoice_id is not None:
        raise rejected("locked", "This entry is on a confirmed invoice and cannot change.", row)
    minutes = changes.get("minutes", row.minutes)
    _check_entry(session, rows, account_id, row, minutes)
    if revive:
        holder = rows.holder(row.contract_id, row.work_date)
        if holder is not None:
            raise rejected("cell_taken", "Another time entry already holds this contract and day.", holder)
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
        raise rejected("locked", "This entry is on a confirmed invoice and cannot be deleted.", row)
    version = next_version(session)
    row.deleted_at = ctx.now()
    row.deleted_version = version
    row.version = version
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=version, row=entry_record(row))


def get_entry(ctx: ServerContext, account_id: uuid.UUID, entry_id: uuid.UUID) -> TimeEntryRecord:
    with ctx.sessions() as session:
        row = session.get(TimeEntryRow, entry_id)
        if row is None or row.account_id != account_id:
            raise ApiError(404, "not_found", "No such time entry on this account.")
        return entry_record(row)
