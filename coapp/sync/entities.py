"""Which local tables sync as which wire entity, and what of them travels.

Invoices are not pushed as rows: confirming and crediting are commands the server decides
(coapp.sync.invoice_commands). Their outbox records (drafts and lines) stay local and are dropped at push.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from coapp.models import Contract, RunningTimer, SyncMixin, TimeEntry

# Columns the client never pushes: the server sets invoice_id by confirming (a push of it is
# refused), the op kind carries deletion, and a contract's origin is the server's to decide.
_NOT_PUSHED = {"invoice_id", "deleted_at", "origin"}
# Bookkeeping of this replica, never a record's field.
_META_COLUMNS = {"id", "server_version", "dirty", "updated_at"}


@dataclass(frozen=True)
class SyncedEntity:
    name: str
    model: type[SyncMixin]

    @cached_property
    def _column_keys(self) -> tuple[str, ...]:
        # Asked once per row of every page: worked out once per entity.
        table = self.model.__table__  # type: ignore[attr-defined]
        return tuple(c.key for c in table.columns if c.key not in _META_COLUMNS)

    def columns(self) -> set[str]:
        return set(self._column_keys)

    def pushable(self, fields: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in fields.items() if k not in _NOT_PUSHED}

    def local_values(self, record: dict[str, Any]) -> dict[str, Any]:
        """A server record (pydantic dump, python mode) as this table's column values."""
        return {key: _local(record[key]) for key in self._column_keys if key in record}

    def record_values(self, record: BaseModel) -> dict[str, Any]:
        """``local_values(dict(record))`` without copying the record first (a first sync makes
        tens of thousands of these): the fields both the wire model and the table have."""
        return {key: _local(getattr(record, key)) for key in self._shared_keys(type(record))}

    def _shared_keys(self, model: type[BaseModel]) -> tuple[str, ...]:
        keys = self._shared.get(model)
        if keys is None:
            keys = self._shared[model] = tuple(k for k in self._column_keys if k in model.model_fields)
        return keys

    @cached_property
    def _shared(self) -> dict[type[BaseModel], tuple[str, ...]]:
        return {}


def _local(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


# Order matters for a full resend after an epoch change: contracts before what refers to them.
ENTITIES: dict[str, SyncedEntity] = {
    e.name: e
    for e in (
        SyncedEntity("contract", Contract),
        SyncedEntity("time_entry", TimeEntry),
        SyncedEntity("running_timer", RunningTimer),
    )
}

# Outbox entities that never travel as rows: invoices go by command (see the module docstring);
# the business details are the freelancer's profile, which this protocol version does not carry.
LOCAL_ONLY = {"invoice", "invoice_line", "business_details"}


def wire_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def all_fields(row: SyncMixin, entity: SyncedEntity) -> dict[str, Any]:
    """Every pushable column of a row, as the outbox would have written it for a new row."""
    return entity.pushable({key: wire_value(getattr(row, key)) for key in entity.columns()})
