"""Where the time-entry rules (coserver.entries) find the rows they judge an op against: straight from
the database, op by op, or from one load per table for a whole push batch (SYNC.md, "push").

The batch view answers exactly what the queries would inside the push's transaction: it loads every
row those queries could find (the batch's rows by id, and the live rows on the batch's days of the
caller or of the batch's contracts) and keeps them in step as the batch's ops change and add rows,
so the rules run unchanged and the rows are written in one bulk flush at the end.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Protocol

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from coapp.sync.wire import Entity, PushOp
from coserver.models import ContractRow, TimeEntryRow


class EntryRows(Protocol):
    def get(self, row_id: uuid.UUID) -> TimeEntryRow | None: ...

    def holder(self, contract_id: uuid.UUID, work_date: date) -> TimeEntryRow | None:
        """The live entry on this contract and day, of any account (the unique index's view)."""
        ...

    def minutes_besides(self, account_id: uuid.UUID, work_date: date, row_id: uuid.UUID) -> int:
        """The account's live minutes on this day in every entry but `row_id`."""
        ...

    def add(self, row: TimeEntryRow) -> None: ...


class QueriedRows:
    """Each question asked of the database (an op applied alone, in its own savepoint)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, row_id: uuid.UUID) -> TimeEntryRow | None:
        return self.session.get(TimeEntryRow, row_id)

    def holder(self, contract_id: uuid.UUID, work_date: date) -> TimeEntryRow | None:
        return self.session.execute(
            select(TimeEntryRow).where(
                TimeEntryRow.contract_id == contract_id,
                TimeEntryRow.work_date == work_date,
                TimeEntryRow.deleted_at.is_(None),
            )
        ).scalar_one_or_none()

    def minutes_besides(self, account_id: uuid.UUID, work_date: date, row_id: uuid.UUID) -> int:
        total: int = self.session.execute(
            select(func.coalesce(func.sum(TimeEntryRow.minutes), 0)).where(
                TimeEntryRow.account_id == account_id,
                TimeEntryRow.work_date == work_date,
                TimeEntryRow.deleted_at.is_(None),
                TimeEntryRow.id != row_id,
            )
        ).scalar_one()
        return total

    def add(self, row: TimeEntryRow) -> None:
        self.session.add(row)  # flushed with the op's AppliedOp (coserver.sync)


class BatchRows:
    """The rows a batch's time-entry ops can touch, loaded up front (three queries in all: the rows,
    the live rows on their days, the contracts they name) and changed in memory until the flush."""

    def __init__(self, session: Session, account_id: uuid.UUID, ops: Iterable[PushOp]) -> None:
        self.session = session
        entry_ops = [op for op in ops if op.entity == Entity.TIME_ENTRY]
        ids = {op.row_id for op in entry_ops}
        self._rows: dict[uuid.UUID, TimeEntryRow] = {}
        if ids:
            found = session.execute(select(TimeEntryRow).where(TimeEntryRow.id.in_(ids))).scalars()
            self._rows = {row.id: row for row in found}
        days: set[date] = {row.work_date for row in self._rows.values()}
        contracts: set[uuid.UUID] = {row.contract_id for row in self._rows.values()}
        for op in entry_ops:
            days.update(_maybe_date(op.fields.get("work_date")))
            contracts.update(_maybe_uuid(op.fields.get("contract_id")))
        self._by_day: dict[date, dict[uuid.UUID, TimeEntryRow]] = {}
        for row in self._rows.values():
            self._by_day.setdefault(row.work_date, {})[row.id] = row
        if days:
            live = session.execute(
                select(TimeEntryRow).where(
                    TimeEntryRow.work_date.in_(days),
                    TimeEntryRow.deleted_at.is_(None),
                    or_(TimeEntryRow.account_id == account_id, TimeEntryRow.contract_id.in_(contracts)),
                )
            ).scalars()
            for row in live:
                self._by_day.setdefault(row.work_date, {})[row.id] = row
        # Into the session's identity map (which holds rows weakly: kept here), so own_contract's
        # session.get asks the database nothing.
        self._contracts: list[ContractRow] = []
        if contracts:
            found_contracts = session.execute(select(ContractRow).where(ContractRow.id.in_(contracts)))
            self._contracts = list(found_contracts.scalars())

    def get(self, row_id: uuid.UUID) -> TimeEntryRow | None:
        return self._rows.get(row_id)

    def holder(self, contract_id: uuid.UUID, work_date: date) -> TimeEntryRow | None:
        for row in self._by_day.get(work_date, {}).values():
            if row.contract_id == contract_id and row.deleted_at is None:
                return row
        return None

    def minutes_besides(self, account_id: uuid.UUID, work_date: date, row_id: uuid.UUID) -> int:
        return sum(
            row.minutes
            for row in self._by_day.get(work_date, {}).values()
            if row.account_id == account_id and row.deleted_at is None and row.id != row_id
        )

    def add(self, row: TimeEntryRow) -> None:
        self.session.add(row)
        self._rows[row.id] = row
        self._by_day.setdefault(row.work_date, {})[row.id] = row


def _maybe_date(value: object) -> list[date]:
    # Only to widen the load: an op whose date does not parse is refused before any lookup.
    if isinstance(value, str) and len(value) == 10:
        try:
            return [date.fromisoformat(value)]
        except ValueError:
            return []
    return []


def _maybe_uuid(value: object) -> list[uuid.UUID]:
    if isinstance(value, str):
        try:
            return [uuid.UUID(value)]
        except ValueError:
            return []
    return []
