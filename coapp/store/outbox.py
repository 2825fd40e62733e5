"""Writes an outbox record for every change to a syncable row, inside the same flush.

Doing it on flush (not in each service) means no use case can change a syncable row and forget to
queue it. The sync engine applies server rows with ``session.info["applying_remote"] = True`` so
that what came from the server is not sent back.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from coapp.models.base import SyncMixin, new_id
from coapp.models.outbox import OutboxRecord

_META_COLUMNS = {"id", "server_version", "dirty", "updated_at"}


def _wire(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _changed_fields(obj: SyncMixin, is_new: bool) -> dict[str, Any]:
    state = inspect(obj)
    fields: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _META_COLUMNS:
            continue
        hist = state.attrs[key].history
        if is_new or hist.has_changes():
            fields[key] = _wire(getattr(obj, key))
    return fields


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get("applying_remote"):
        return
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, SyncMixin):
            continue
        is_new = obj in session.new
        if obj.id is None:  # the column default fires only at INSERT; the outbox needs it now
            obj.id = new_id()
        if not is_new and not session.is_modified(obj, include_collections=False):
            continue
        fields = _changed_fields(obj, is_new)
        if not fields:
            continue
        if "deleted_at" in fields and obj.deleted_at is None and not is_new:
            # A revive carries the whole row: the server's tombstone still holds the values from
            # before the delete, and a field that is "unchanged" here may differ there.
            fields = _changed_fields(obj, True)
        obj.dirty = True
        op = "delete" if obj.deleted_at is not None and "deleted_at" in fields else "upsert"
        session.add(
            OutboxRecord(
                entity=type(obj).__sync_entity__,
                row_id=obj.id,
                op=op,
                base_version=obj.server_version,
                fields=fields,
            )
        )
    for obj in session.deleted:
        if isinstance(obj, SyncMixin):
            raise RuntimeError("syncable rows are tombstoned (deleted_at), never deleted")


def install_outbox(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
