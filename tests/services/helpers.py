"""Small readers of the store that service tests share."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from coapp.app.context import AppContext
from coapp.models import OutboxRecord, TimeEntry
from coapp.models.time_entries import entry_id


def outbox(ctx: AppContext) -> list[OutboxRecord]:
    with ctx.store.read() as s:
        return list(s.scalars(select(OutboxRecord).order_by(OutboxRecord.seq)))


def outbox_count(ctx: AppContext) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxRecord)) or 0


def entry_row(ctx: AppContext, contract_id: str, day: date) -> TimeEntry | None:
    """The stored row of one cell, tombstoned or not."""
    with ctx.store.read() as s:
        return s.get(TimeEntry, entry_id(contract_id, day))


def lock(ctx: AppContext, contract_id: str, day: date, invoice_id: str = "inv-1") -> None:
    """Put a cell on a confirmed invoice, as the invoicing service (not written yet) will."""
    with ctx.store.write() as s:
        row = s.get(TimeEntry, entry_id(contract_id, day))
        assert row is not None
        row.invoice_id = invoice_id
