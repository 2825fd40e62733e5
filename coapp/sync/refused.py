"""Changes the platform refused, and the user's three ways out: retry, discard, keep a copy.

A refused change never disappears by itself (SYNC.md): its outbox records stay, marked with the
reason and the server's copy of the row, out of the push queue, and the local row keeps the user's
values until they decide.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coapp.base.atomic_file import write_atomic
from coapp.domain.errors import NotFoundError
from coapp.models import (
    ApplicationCommand,
    ApplicationRow,
    AssignmentRow,
    Contract,
    Invoice,
    OutboxRecord,
    SyncCommand,
    SyncState,
)
from coapp.store.engine import Store
from coapp.sync import application_commands
from coapp.sync.entities import ENTITIES
from coapp.sync.profile_labels import profile_label
from coapp.sync.pull import apply_row
from coapp.sync.resync import start_full_pull

# What the user can do about each reason, in words (the server's message says what happened).
ADVICE = {
    "outside_contract": "Move the time to a day inside the contract, or discard it.",
    "day_over_24h": "Lower the time on this day (all contracts together), then retry.",
    "locked": "This time is on a confirmed invoice. Discard your change, or credit the invoice first.",
    "deleted": "Another device deleted this. Retry to keep your version, or discard to accept the deletion.",
    "unknown_contract": "The contract is not on your account. Keep a copy and discard, or retry later.",
    "read_only": "The platform owns this; discard your change to see the platform's version.",
    "timer_running": "A timer runs on another device. Discard this one, or keep a copy of its time.",
    "cell_taken": "Another entry holds this day. Discard this one to see it.",
}
DEFAULT_ADVICE = "Fix what the message says and retry, or discard the change (keep a copy first if unsure)."


@dataclass(frozen=True)
class RefusedChange:
    entity: str
    row_id: str
    code: str
    message: str
    advice: str
    refused_at: datetime | None
    fields: dict[str, Any]  # the user's values that were refused
    server_row: dict[str, Any] | None  # the platform's copy, when it has one
    label: str  # what the change is about, e.g. "Backend, 2026-03-02"


def _records(s: Session, entity: str, row_id: str) -> list[OutboxRecord]:
    return list(
        s.scalars(
            select(OutboxRecord)
            .where(OutboxRecord.entity == entity, OutboxRecord.row_id == row_id)
            .where(OutboxRecord.refused_code.is_not(None))
            .order_by(OutboxRecord.seq)
        )
    )


def _label(s: Session, entity: str, row_id: str, fields: dict[str, Any]) -> str:
    model = ENTITIES[entity].model if entity in ENTITIES else None
    row = s.get(model, row_id) if model is not None else None
    if isinstance(row, Contract):
        return row.title
    profile = profile_label(entity, row, fields)
    if profile is not None:
        return profile
    contract_id = getattr(row, "contract_id", None) or fields.get("contract_id")
    contract = s.get(Contract, contract_id) if contract_id else None
    title = contract.title if contract is not None else "Unknown contract"
    day = getattr(row, "work_date", None) or fields.get("work_date")
    return f"{title}, {day}" if day else title


INVOICE_ADVICE = (
    "The invoice is a draft again and its time is free: refresh the draft and confirm it again, "
    "or discard this message."
)


def _refused_commands(s: Session) -> list[RefusedChange]:
    out = []
    for command in s.scalars(
        select(SyncCommand).where(SyncCommand.refused_code.is_not(None)).order_by(SyncCommand.created_at)
    ):
        invoice = s.get(Invoice, command.target_id)
        contract = s.get(Contract, invoice.contract_id) if invoice is not None else None
        label = "Invoice"
        if invoice is not None:
            what = "Credit note" if invoice.kind == "credit_note" else "Invoice"
            title = f" – {contract.title}" if contract is not None else ""
            label = f"{what}{title}, {invoice.period_start} – {invoice.period_end}"
        out.append(
            RefusedChange(
                entity="invoice",
                row_id=command.target_id,
                code=command.refused_code or "refused",
                message=command.refused_message or "",
                advice=INVOICE_ADVICE,
                refused_at=command.created_at,
                fields=dict(command.body),
                server_row=None,
                label=label,
            )
        )
    return out


def _refused_applications(s: Session) -> list[RefusedChange]:
    """Submit and withdraw commands the platform refused: the application and its reason."""
    out = []
    for command in s.scalars(
        select(ApplicationCommand)
        .where(ApplicationCommand.refused_code.is_not(None))
        .order_by(ApplicationCommand.created_at)
    ):
        row = s.get(ApplicationRow, command.application_id)
        assignment = s.get(AssignmentRow, row.assignment_id) if row is not None else None
        title = assignment.title if assignment is not None else "an assignment"
        what = "Application to" if command.kind == application_commands.SUBMIT else "Withdrawal from"
        code = command.refused_code or "refused"
        out.append(
            RefusedChange(
                entity="application",
                row_id=command.application_id,
                code=code,
                message=command.refused_message or "",
                advice=application_commands.ADVICE.get(code, application_commands.DEFAULT_ADVICE),
                refused_at=command.refused_at or command.created_at,
                fields=dict(command.body),
                server_row=None,
                label=f"{what} {title}",
            )
        )
    return out


def _drop_command(store: Store, invoice_id: str) -> bool:
    with store.write() as s:
        found = s.scalars(select(SyncCommand).where(SyncCommand.target_id == invoice_id)).all()
        for command in found:
            s.delete(command)
        return bool(found)


def list_refused(store: Store) -> list[RefusedChange]:
    with store.read() as s:
        keys = s.execute(
            select(OutboxRecord.entity, OutboxRecord.row_id)
            .where(OutboxRecord.refused_code.is_not(None))
            .group_by(OutboxRecord.entity, OutboxRecord.row_id)
            .order_by(OutboxRecord.entity, OutboxRecord.row_id)
        ).all()
        out = []
        for entity, row_id in keys:
            records = _records(s, entity, row_id)
            fields: dict[str, Any] = {}
            for r in records:
                fields.update(r.fields or {})
            last = records[-1]
            code = last.refused_code or "refused"
            out.append(
                RefusedChange(
                    entity=entity,
                    row_id=row_id,
                    code=code,
                    message=last.refused_message or "",
                    advice=ADVICE.get(code, DEFAULT_ADVICE),
                    refused_at=last.refused_at,
                    fields=fields,
                    server_row=last.server_row,
                    label=_label(s, entity, row_id, fields),
                )
            )
        return out + _refused_commands(s) + _refused_applications(s)


def _take(s: Session, entity: str, row_id: str) -> list[OutboxRecord]:
    """Remove the refused change's records (the caller decides what replaces them)."""
    records = _records(s, entity, row_id)
    if not records:
        raise NotFoundError("that refused change is no longer waiting")
    s.execute(delete(OutboxRecord).where(OutboxRecord.seq.in_([r.seq for r in records])))
    s.flush()
    return records


def _invoice_decided(store: Store, entity: str, row_id: str, *, again: bool = False) -> bool:
    """Refused commands. Invoices: retry and discard both drop the refusal (a draft is confirmed
    again by the user; a confirmation still waiting is queued afresh next round). Applications:
    retry sends the command again, discard drops it (coapp.sync.application_commands)."""
    if entity == "application":
        with store.write() as s:
            step = application_commands.retry if again else application_commands.discard
            decided = step(s, row_id)
        if not decided:
            raise NotFoundError("that refused change is no longer waiting")
        return True
    if entity != "invoice":
        return False
    if not _drop_command(store, row_id):
        raise NotFoundError("that refused change is no longer waiting")
    return True


def retry(store: Store, entity: str, row_id: str) -> None:
    """Queue the refused change again, as one op on top of the platform's current copy."""
    if _invoice_decided(store, entity, row_id, again=True):
        return
    with store.write() as s:
        records = _take(s, entity, row_id)
        fields: dict[str, Any] = {}
        for r in records:
            fields.update(r.fields or {})
        base = records[-1].server_row.get("version") if records[-1].server_row else None
        # A new record goes to the end of the queue (a batch in flight keeps its exact content).
        s.add(
            OutboxRecord(
                op_id=records[0].op_id,
                entity=entity,
                row_id=row_id,
                op=records[-1].op,
                base_version=base if isinstance(base, int) else None,
                fields=fields,
            )
        )


def discard(store: Store, entity: str, row_id: str) -> None:
    """Drop the refused change and show the platform's version (or nothing, if it never had one)."""
    if _invoice_decided(store, entity, row_id):
        return
    with store.write() as s:
        server_row = _take(s, entity, row_id)[-1].server_row
        synced = ENTITIES.get(entity)
        if synced is None:
            return
        waiting = s.scalar(
            select(OutboxRecord.seq).where(OutboxRecord.entity == entity, OutboxRecord.row_id == row_id)
        )
        row = s.get(synced.model, row_id)
        same = server_row is not None and str(server_row.get("id")) == row_id
        s.info["applying_remote"] = True
        try:
            if server_row is not None:
                if same and row is not None:
                    row.server_version = None  # let the platform's copy replace ours entirely
                    s.flush()
                version = int(str(server_row.get("version") or 0))
                apply_row(s, synced, _from_json(server_row), version)
            if not same and row is not None and row.deleted_at is None:
                if row.server_version is None:
                    # Refused in favour of another row (the timer already running, the entry
                    # already holding the day): this one never existed on the platform.
                    row.deleted_at = datetime.now(UTC)
                else:
                    # The platform holds its own version of this row (another device's), but the
                    # refusal carried the row it clashed with: read the feed again from the start
                    # so the platform's version replaces ours (found by the state machine: a day
                    # over 24 hours discarded here vanished from this device only).
                    row.server_version = None
                    state = s.get(SyncState, 1)
                    if state is not None:
                        start_full_pull(s, state)
            row = s.get(synced.model, row_id)
            if row is not None and waiting is None:
                row.dirty = False
            s.flush()
        finally:
            s.info["applying_remote"] = False


def keep_copy(store: Store, entity: str, row_id: str, folder: Path) -> Path:
    """Write the refused change to a file the user can open, then discard it."""
    change = next((c for c in list_refused(store) if c.entity == entity and c.row_id == row_id), None)
    if change is None:
        raise NotFoundError("that refused change is no longer waiting")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # "kept changes/": the user's alone
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"refused-{entity}-{stamp}-{row_id[:8]}.json"
    body = {
        "what": change.label,
        "entity": entity,
        "id": row_id,
        "refused_because": change.message,
        "code": change.code,
        "your_values": change.fields,
        "platform_copy": change.server_row,
    }
    write_atomic(path, json.dumps(body, indent=2, ensure_ascii=False, default=str).encode())
    discard(store, entity, row_id)
    return path


def _from_json(row: dict[str, Any]) -> dict[str, Any]:
    """A server row as stored (JSON) back to the types the columns take."""
    from datetime import date

    out = dict(row)
    for key, value in row.items():
        if not isinstance(value, str):
            continue
        if key.endswith("_date") and len(value) == 10:
            out[key] = date.fromisoformat(value)
        elif key in ("deleted_at", "started_at", "confirmed_at"):
            out[key] = datetime.fromisoformat(value)
    return out
