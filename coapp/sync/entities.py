"""Which local tables sync as which wire entity, and what of them travels.

Invoices are not pushed as rows: confirming and crediting are commands the server decides
(coapp.sync.invoice_commands). Their outbox records (drafts and lines) stay local and are dropped at push.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from coapp.models import Contract, RunningTimer, SyncMixin, TimeEntry

# Columns the client never pushes: the server sets invoice_id by confirming (a push of it is
# refused), the op kind carries deletion, and a contract's origin is the server's to decide.
_NOT_PUSHED = {"invoice_id", "deleted_at", "origin"}


@dataclass(frozen=True)
class SyncedEntity:
    name: str
    model: type[SyncMixin]

    def columns(self) -> set[str]:
        table = self.model.__table__  # type: ignore[attr-defined]
        return {c.key for c in table.columns} - {"id", "server_version", "dirty", "updated_at"}

    def pushable(self, fields: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in fields.items() if k not in _NOT_PUSHED}

    def local_values(self, record: dict[str, Any]) -> dict[str, Any]:
        """A server record (pydantic dump, python mode) as this table's column values."""
        values: dict[str, Any] = {}
        for key in self.columns():
            if key in record:
                values[key] = _local(record[key])
        return values


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
