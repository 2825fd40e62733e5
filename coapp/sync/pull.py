"""Applying the change feed (SYNC.md, the client's round, step 4).

Each page is applied in one local transaction that also stores the page's cursor, so a crash leaves
either the whole page with its cursor or neither. Applying is idempotent (the feed delivers at least
once). A row with local edits still waiting to be pushed keeps those fields: the server's values
fill in the rest, and the push that follows decides per field in server order.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from coapp.models import OutboxRecord, SyncSeen, SyncState, TimeEntry
from coapp.sync.entities import ENTITIES, SyncedEntity
from coapp.sync.wire import ChangesPage, InvoiceChange


def pending_fields(session: Session, entity: str, row_id: str) -> set[str] | None:
    """The fields this device changed and has not pushed yet; None when nothing is waiting."""
    records = session.scalars(
        select(OutboxRecord).where(OutboxRecord.entity == entity, OutboxRecord.row_id == row_id)
    ).all()
    if not records:
        return None
    fields: set[str] = set()
    for r in records:
        fields.update(r.fields or {})
        if r.op == "delete":
            fields.add("deleted_at")
    return fields


def apply_row(
    session: Session,
    entity: SyncedEntity,
    record: dict[str, Any],
    version: int,
    as_json: dict[str, Any] | None = None,
) -> None:
    row_id = str(record["id"])
    values = entity.local_values(record)
    row = session.get(entity.model, row_id)
    if row is None:
        if values.get("deleted_at") is not None:
            return  # a tombstone of a row this device never had: nothing to hide
        fresh = entity.model()
        for key, value in {**values, "id": row_id, "server_version": version, "dirty": False}.items():
            setattr(fresh, key, value)
        session.add(fresh)
        return
    if row.server_version is not None and version < row.server_version:
        return  # an older copy than one already applied (the feed is at-least-once)
    if isinstance(row, TimeEntry):
        from coapp.sync.commands import keep_pending_lock

        keep_pending_lock(session, row, values)
    waiting = pending_fields(session, entity.name, row_id)
    if values.get("invoice_id") is not None and getattr(row, "invoice_id", None) != values["invoice_id"]:
        # Time the platform has put on a confirmed invoice: its copy is final, whatever waits here
        # (a waiting edit is refused at its push, and the user sees why).
        waiting = None
    if waiting is None:
        for key, value in values.items():
            setattr(row, key, value)
        row.dirty = False
    else:
        # Local intent waits to be pushed: keep it, including a local delete or a local revive
        # (a server delete meets it at the push, which reports the conflict to the user).
        for key, value in values.items():
            if key not in waiting and key != "deleted_at":
                setattr(row, key, value)
        if as_json is not None:
            # A refused change keeps the platform's newest copy: "discard" must show that one, and
            # the feed will not bring this version again.
            session.execute(
                update(OutboxRecord)
                .where(
                    OutboxRecord.entity == entity.name,
                    OutboxRecord.row_id == row_id,
                    OutboxRecord.refused_code.is_not(None),
                )
                .values(server_row=as_json)
            )
    row.server_version = version


def apply_page(session: Session, state: SyncState, page: ChangesPage) -> int:
    """Apply one page and move the cursor, in the caller's (single) transaction."""
    session.info["applying_remote"] = True
    try:
        for change in page.changes:
            if isinstance(change, InvoiceChange):
                from coapp.sync.commands import apply_invoice

                apply_invoice(session, change.row)
                continue
            entity = ENTITIES.get(change.entity)
            if entity is None:
                continue  # an entity this client version does not keep
            record = change.row.model_dump()
            apply_row(session, entity, record, change.version, change.row.model_dump(mode="json"))
            if state.resync:
                session.merge(SyncSeen(entity=entity.name, row_id=str(record["id"])))
        session.flush()
    finally:
        session.info["applying_remote"] = False
    state.cursor = page.cursor
    return len(page.changes)
