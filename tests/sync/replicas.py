"""What a replica holds, read the same way on a device and on the server, so a test can compare them:
live time entries per cell, live running timers, invoiced time and invoice numbers, the profile's rows.

Unlike ``Device.entries`` nothing is filtered: a live row with 0 minutes (which the grid never makes)
would show up as a difference instead of being hidden.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from coapp.models import Invoice, OutboxRecord, RunningTimer, SyncCommand, TimeEntry
from coapp.store.database import quick_check
from coapp.sync.entities import ENTITIES, all_fields
from coapp.sync.wire import PROFILE_RECORDS
from coserver.models import InvoiceRow, ProfileRow, RunningTimerRow, TimeEntryRow
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database
from tests.sync.devices import Device

Cells = dict[tuple[str, date], tuple[int, str]]
# The profile's live rows: (entity, id) -> the fields as pushed (lists as lists, dates as text).
ProfileRows = dict[tuple[str, str], dict[str, Any]]
Timers = dict[str, tuple[str, datetime]]  # timer id -> (contract, started_at)


def device_cells(device: Device) -> Cells:
    with device.ctx.store.read() as s:
        rows = s.scalars(select(TimeEntry).where(TimeEntry.deleted_at.is_(None))).all()
        return {(r.contract_id, r.work_date): (r.minutes, r.note) for r in rows}


def device_timers(device: Device) -> Timers:
    with device.ctx.store.read() as s:
        rows = s.scalars(select(RunningTimer).where(RunningTimer.deleted_at.is_(None))).all()
        return {r.id: (r.contract_id, r.started_at) for r in rows}


def device_sound(device: Device) -> str | None:
    """None when SQLite's quick_check passes on the device's database file."""
    return quick_check(device.ctx.paths.database)


def device_profile(device: Device) -> ProfileRows:
    """Every live row of the profile's entities on the device, as the values it would push."""
    out: ProfileRows = {}
    with device.ctx.store.read() as s:
        for name in PROFILE_RECORDS:
            entity = ENTITIES[name]
            for row in s.scalars(select(entity.model).where(entity.model.deleted_at.is_(None))):
                out[(name, row.id)] = entity.pushable(all_fields(row, entity))
    return out


def server_profile(server: LiveServer, account_id: uuid.UUID) -> ProfileRows:
    with database(server) as session:
        rows = session.scalars(
            select(ProfileRow).where(ProfileRow.account_id == account_id, ProfileRow.deleted_at.is_(None))
        ).all()
        return {(r.entity, str(r.id)): dict(r.fields) for r in rows}


def server_cells(server: LiveServer, account_id: uuid.UUID) -> Cells:
    with database(server) as session:
        rows = session.scalars(
            select(TimeEntryRow).where(
                TimeEntryRow.account_id == account_id, TimeEntryRow.deleted_at.is_(None)
            )
        ).all()
        cells: Cells = {}
        for r in rows:
            cell = (str(r.contract_id), r.work_date)
            assert cell not in cells, f"two live rows for one cell on the server: {cell}"
            cells[cell] = (r.minutes, r.note)
        return cells


def server_timers(server: LiveServer, account_id: uuid.UUID) -> Timers:
    with database(server) as session:
        rows = session.scalars(
            select(RunningTimerRow).where(
                RunningTimerRow.account_id == account_id, RunningTimerRow.deleted_at.is_(None)
            )
        ).all()
        return {str(r.id): (str(r.contract_id), r.started_at) for r in rows}


def server_live_rows_per_cell(server: LiveServer, account_id: uuid.UUID) -> int:
    """The most live rows any one cell has on the server (one is the rule)."""
    with database(server) as session:
        counts = session.execute(
            select(func.count())
            .select_from(TimeEntryRow)
            .where(TimeEntryRow.account_id == account_id, TimeEntryRow.deleted_at.is_(None))
            .group_by(TimeEntryRow.contract_id, TimeEntryRow.work_date)
        ).scalars()
        return max(counts, default=0)


# --- invoices ------------------------------------------------------------------------------------

Locks = dict[str, tuple[str, int, str]]  # entry id -> (invoice id, minutes, note): the invoiced time


def server_locked_time(server: LiveServer, account_id: uuid.UUID) -> Locks:
    """Every time entry on a confirmed invoice, as the server holds it."""
    with database(server) as session:
        rows = session.scalars(
            select(TimeEntryRow).where(
                TimeEntryRow.account_id == account_id, TimeEntryRow.invoice_id.is_not(None)
            )
        ).all()
        return {str(r.id): (str(r.invoice_id), r.minutes, r.note) for r in rows if r.deleted_at is None}


def device_locked_time(device: Device) -> Locks:
    with device.ctx.store.read() as s:
        rows = s.scalars(
            select(TimeEntry).where(TimeEntry.invoice_id.is_not(None), TimeEntry.deleted_at.is_(None))
        ).all()
        return {r.id: (str(r.invoice_id), r.minutes, r.note) for r in rows}


def server_invoice_numbers(server: LiveServer, account_id: uuid.UUID) -> dict[str, int]:
    """Invoice id -> its number in the account's series."""
    with database(server) as session:
        rows = session.execute(
            select(InvoiceRow.id, InvoiceRow.number_value).where(InvoiceRow.account_id == account_id)
        ).all()
        return {str(row_id): int(number) for row_id, number in rows}


def device_numbered_invoices(device: Device) -> dict[str, str]:
    """Invoice id -> number, for the invoices this device holds a platform number for."""
    with device.ctx.store.read() as s:
        rows = s.scalars(select(Invoice).where(Invoice.number.is_not(None))).all()
        return {r.id: str(r.number) for r in rows}


def device_commands(device: Device) -> int:
    """Invoice commands still waiting or refused on the device."""
    with device.ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(SyncCommand)) or 0


def outbox_to_push(device: Device) -> int:
    """Outbox records of entities that travel as rows (a round drops the local-only ones first)."""
    with device.ctx.store.read() as s:
        query = select(func.count()).select_from(OutboxRecord).where(OutboxRecord.entity.in_(list(ENTITIES)))
        return s.scalar(query) or 0
