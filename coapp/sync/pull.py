"""Applying the change feed (SYNC.md, the client's round, step 4).

Each page is applied in one local transaction that also stores the page's cursor, so a crash leaves
either the whole page with its cursor or neither. Applying is idempotent (the feed delivers at least
once). A row with local edits still waiting to be pushed keeps those fields: the server's values
fill in the rest, and the push that follows decides per field in server order.

A page is applied in bulk: the rows it names and their waiting outbox records are read with one
query per entity, and rows new to this device are inserted in one statement (a first sync brings
tens of thousands; row by row it took seconds per thousand).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from coapp.models import OutboxRecord, SyncSeen, SyncState, TimeEntry
from coapp.models.base import SyncMixin
from coapp.sync.entities import ENTITIES, SyncedEntity
from coapp.sync.wire import ChangesPage, InvoiceChange

IN_CHUNK = 900  # ids per IN (...) query: well under SQLite's variable limit


def waiting_fields(session: Session, entity: str, row_ids: list[str]) -> dict[str, set[str]]:
    """Per row, the fields this device changed and has not pushed yet (absent: nothing waits)."""
    waiting: dict[str, set[str]] = {}
    for start in range(0, len(row_ids), IN_CHUNK):
        chunk = row_ids[start : start + IN_CHUNK]
        rows = session.execute(
            select(OutboxRecord.row_id, OutboxRecord.op, OutboxRecord.fields).where(
                OutboxRecord.entity == entity, OutboxRecord.row_id.in_(chunk)
            )
        )
        for row_id, op, fields in rows:
            names = waiting.setdefault(row_id, set())
            names.update(fields or {})
            if op == "delete":
                names.add("deleted_at")
    return waiting


def pending_fields(session: Session, entity: str, row_id: str) -> set[str] | None:
    """The fields this device changed and has not pushed yet; None when nothing is waiting."""
    return waiting_fields(session, entity, [row_id]).get(row_id)


def apply_row(
    session: Session,
    entity: SyncedEntity,
    record: dict[str, Any],
    version: int,
    as_json: dict[str, Any] | Callable[[], dict[str, Any]] | None = None,
) -> None:
    """One row from the server (a push answer or a refused change's copy); pages use apply_page."""
    row_id = str(record["id"])
    row = session.get(entity.model, row_id)
    values = entity.local_values(record)
    if row is None:
        if values.get("deleted_at") is None:
            session.add(_fresh(entity, row_id, values, version))
        return
    merge_row(session, entity, row, values, version, pending_fields(session, entity.name, row_id), as_json)


def _fresh(entity: SyncedEntity, row_id: str, values: dict[str, Any], version: int) -> SyncMixin:
    fresh = entity.model()
    for key, value in {**values, "id": row_id, "server_version": version, "dirty": False}.items():
        setattr(fresh, key, value)
    return fresh


def merge_row(
    session: Session,
    entity: SyncedEntity,
    row: SyncMixin,
    values: dict[str, Any],
    version: int,
    waiting: set[str] | None,
    as_json: dict[str, Any] | Callable[[], dict[str, Any]] | None,
) -> None:
    if row.server_version is not None and version < row.server_version:
        return  # an older copy than one already applied (the feed is at-least-once)
    if waiting is None and version == row.server_version:
        return  # this very version is here already (our own push, answered with the row)
    if isinstance(row, TimeEntry):
        from coapp.sync.invoice_commands import keep_pending_lock

        keep_pending_lock(session, row, values)
    if values.get("invoice_id") is not None and getattr(row, "invoice_id", None) != values["invoice_id"]:
        # Time the platform has put on a confirmed invoice: its copy is final, whatever waits here
        # (a waiting edit is refused at its push, and the user sees why).
        waiting = None
    if waiting is None:
        incoming = values.get("invoice_id")
        if isinstance(row, TimeEntry) and row.invoice_id and incoming and incoming != row.invoice_id:
            # Moved from one invoice to another (credited, then invoiced again, elsewhere): the lock
            # is released first, since invoiced time never changes while it is locked.
            row.invoice_id = None
            session.flush()
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
                    OutboxRecord.row_id == row.id,
                    OutboxRecord.refused_code.is_not(None),
                )
                .values(server_row=as_json() if callable(as_json) else as_json)
            )
    row.server_version = version


def _apply_entity(session: Session, entity: SyncedEntity, changes: list[Any]) -> None:
    # The feed may carry a row twice (at least once); the newest copy is the one that counts.
    newest: dict[str, Any] = {}
    for change in changes:
        key = str(change.row.id)
        if key not in newest or change.version >= newest[key].version:
            newest[key] = change
    ids = list(newest)
    existing: dict[str, SyncMixin] = {}
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        existing.update(
            {r.id: r for r in session.scalars(select(entity.model).where(entity.model.id.in_(chunk)))}
        )
    waiting = waiting_fields(session, entity.name, [i for i in ids if i in existing])
    now = datetime.now(UTC)
    fresh: list[dict[str, Any]] = []
    for row_id, change in newest.items():
        values = entity.record_values(change.row)
        row = existing.get(row_id)
        if row is None:
            if values.get("deleted_at") is None:
                values["id"] = row_id
                values["server_version"] = change.version
                values["dirty"] = False
                values["updated_at"] = now
                fresh.append(values)
            continue
        merge_row(session, entity, row, values, change.version, waiting.get(row_id), json_of(change.row))
    if fresh:
        # A Core insert into the table, not the ORM's bulk insert of the class: no ORM bookkeeping
        # per row (a first sync brings tens of thousands), and no outbox (these came from the
        # server). Every row of one entity has the same keys (its wire model's fields), so this is
        # one executemany.
        session.execute(insert(entity.model.__table__), fresh)  # type: ignore[attr-defined]


def json_of(model: Any) -> Callable[[], dict[str, Any]]:
    """The row as JSON, made only if a refused change needs it."""
    return lambda: dict(model.model_dump(mode="json"))


def apply_page(session: Session, state: SyncState, page: ChangesPage) -> int:
    """Apply one page and move the cursor, in the caller's (single) transaction."""
    session.info["applying_remote"] = True
    try:
        with session.no_autoflush:
            by_entity: dict[str, list[Any]] = defaultdict(list)
            for change in page.changes:
                if isinstance(change, InvoiceChange):
                    continue
                if change.entity in ENTITIES:
                    by_entity[change.entity].append(change)  # others: kept by a newer client
            # Contracts first: the rows that follow refer to them.
            for name in ENTITIES:
                if by_entity.get(name):
                    _apply_entity(session, ENTITIES[name], by_entity[name])
                    session.flush()
        for change in page.changes:
            if isinstance(change, InvoiceChange):
                from coapp.sync.invoice_commands import apply_invoice

                apply_invoice(session, change.row)
        if state.resync:
            for change in page.changes:
                session.merge(SyncSeen(entity=change.entity, row_id=str(change.row.id)))
        session.flush()
    finally:
        session.info["applying_remote"] = False
    state.cursor = page.cursor
    return len(page.changes)
