"""The weekly timesheet: read a week, change cells (all or nothing), hide rows.

Every change goes through ``apply`` so the grid, paste, copy-last-week, undo, the timer and the
CLI obey the same rules: no negative or over-long days, no time outside the contract's period, no
change to time that is on a confirmed invoice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coapp.domain.durations import MINUTES_PER_DAY, format_minutes_always
from coapp.domain.errors import LockedError, ValidationError
from coapp.domain.weeks import IsoWeek
from coapp.models import Contract, HiddenWeekRow, TimeEntry
from coapp.models.time_entries import entry_id
from coapp.services.sheets import (
    EMPTY,
    MAX_NOTE,
    Cell,
    CellChange,
    WeekRow,
    WeekSheet,
    build_week_sheet,
    contract_from_values,
)
from coapp.store.engine import Store
from coapp.store.week_query import fetch_week

# Re-exported: callers have long imported these values from here.
__all__ = ["EMPTY", "MAX_NOTE", "Cell", "CellChange", "TimesheetService", "WeekRow", "WeekSheet"]


class TimesheetService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- reading -------------------------------------------------------------------------

    def week(self, week: IsoWeek) -> WeekSheet:
        first, last = week.monday, week.sunday
        # The grid's hot path (a week switch has a 5 ms budget): plain SQL on a pooled connection,
        # in one read transaction so the three queries see the same snapshot, without an ORM session.
        conn = self._store.engine.raw_connection()
        try:
            conn.execute("BEGIN")
            try:
                contracts, entries, hidden = fetch_week(conn, first, last, str(week))
            finally:
                conn.execute("COMMIT")
        finally:
            conn.close()
        return build_week_sheet(week, [contract_from_values(*row) for row in contracts], entries, hidden)

    def cell(self, contract_id: str, day: date) -> Cell:
        with self._store.read() as s:
            row = s.get(TimeEntry, entry_id(contract_id, day))
            if row is None or row.deleted_at is not None:
                return EMPTY
            return Cell(row.minutes, row.note, row.invoice_id is not None)

    def entries_between(self, first: date, last: date) -> list[tuple[str, date, int, str]]:
        with self._store.read() as s:
            return [
                tuple(r)  # type: ignore[misc]
                for r in s.execute(
                    select(
                        TimeEntry.contract_id,
                        TimeEntry.work_date,
                        TimeEntry.minutes,
                        TimeEntry.note,
                    )
                    .where(
                        TimeEntry.work_date.between(first, last),
                        TimeEntry.deleted_at.is_(None),
                    )
                    .order_by(TimeEntry.work_date)
                )
            ]

    # --- changing ------------------------------------------------------------------------

    def set_time(
        self, contract_id: str, day: date, minutes: int, note: str | None = None
    ) -> list[CellChange]:
        """What typing into one cell does; the note is kept unless a new one is given."""
        current = self.cell(contract_id, day)
        new_note = current.note if note is None else note
        return self.apply([CellChange(contract_id, day, minutes, new_note if minutes else "")])

    # --- rows ----------------------------------------------------------------------------

    def hidden_rows(self, week: IsoWeek) -> set[str]:
        with self._store.read() as s:
            return set(s.scalars(select(HiddenWeekRow.contract_id).where(HiddenWeekRow.week == str(week))))

    def set_hidden_rows(self, week: IsoWeek, contract_ids: Iterable[str]) -> set[str]:
        """Replace the week's hidden rows; return the previous set (for undo)."""
        wanted = set(contract_ids)
        with self._store.write() as s:
            before = set(s.scalars(select(HiddenWeekRow.contract_id).where(HiddenWeekRow.week == str(week))))
            s.execute(delete(HiddenWeekRow).where(HiddenWeekRow.week == str(week)))
            s.add_all(HiddenWeekRow(week=str(week), contract_id=cid) for cid in sorted(wanted))
        return before

    def apply(self, changes: Sequence[CellChange]) -> list[CellChange]:
        """Apply every change or none; return the previous content of each cell (for undo)."""
        with self._store.write() as s:
            return apply_in_session(s, changes)


def apply_in_session(s: Session, changes: Sequence[CellChange]) -> list[CellChange]:
    """``TimesheetService.apply`` inside a caller's write transaction (the timer's stop)."""
    changes = _last_per_cell(changes)
    if not changes:
        return []
    contracts = {
        c.id: c
        for c in s.scalars(select(Contract).where(Contract.id.in_({ch.contract_id for ch in changes})))
    }
    ids = [entry_id(ch.contract_id, ch.work_date) for ch in changes]
    existing = {e.id: e for e in s.scalars(select(TimeEntry).where(TimeEntry.id.in_(ids)))}
    previous: list[CellChange] = []
    for ch, eid in zip(changes, ids, strict=True):
        contract = contracts.get(ch.contract_id)
        _validate(ch, contract, existing.get(eid))
        old = existing.get(eid)
        if old is not None and old.deleted_at is None:
            previous.append(CellChange(ch.contract_id, ch.work_date, old.minutes, old.note))
        else:
            previous.append(CellChange(ch.contract_id, ch.work_date, 0, ""))
    _check_day_totals(s, changes, contracts)
    now = datetime.now(UTC)
    for ch, eid in zip(changes, ids, strict=True):
        old = existing.get(eid)
        if ch.minutes == 0:
            if old is not None and old.deleted_at is None:
                old.minutes, old.note, old.deleted_at = 0, "", now
        elif old is None:
            s.add(
                TimeEntry(
                    id=eid,
                    contract_id=ch.contract_id,
                    work_date=ch.work_date,
                    minutes=ch.minutes,
                    note=ch.note,
                )
            )
        elif (old.minutes, old.note, old.deleted_at) != (
            ch.minutes,
            ch.note,
            None,
        ):
            old.minutes, old.note, old.deleted_at = ch.minutes, ch.note, None

    return previous


def _last_per_cell(changes: Sequence[CellChange]) -> list[CellChange]:
    by_cell: dict[tuple[str, date], CellChange] = {}
    for ch in changes:
        by_cell[(ch.contract_id, ch.work_date)] = ch
    return list(by_cell.values())


def _validate(ch: CellChange, contract: Contract | None, old: TimeEntry | None) -> None:
    if contract is None or contract.deleted_at is not None:
        raise ValidationError("no contract with id {id}", id=ch.contract_id)
    at = {"contract": contract.title, "day": ch.work_date}  # "Acme, 2026-03-04" (a date: said per language)
    if not isinstance(ch.minutes, int) or isinstance(ch.minutes, bool):
        raise ValidationError("{contract}, {day}: time must be whole minutes", **at)
    if ch.minutes < 0:
        raise ValidationError("{contract}, {day}: time cannot be negative", **at)
    if ch.minutes > MINUTES_PER_DAY:
        raise ValidationError("{contract}, {day}: a day has at most 24 hours", **at)
    if len(ch.note) > MAX_NOTE:
        raise ValidationError(
            "{contract}, {day}: a note can hold at most {most} characters", most=MAX_NOTE, **at
        )
    if ch.minutes == 0 and ch.note.strip():
        raise ValidationError("{contract}, {day}: a note belongs to reported time; type the time first", **at)
    locked = old is not None and old.deleted_at is None and old.invoice_id is not None
    if locked and (old.minutes, old.note) != (ch.minutes, ch.note):  # type: ignore[union-attr]
        raise LockedError(
            "{contract}, {day}: this day is on a confirmed invoice and cannot change; "
            "credit the invoice to correct it",
            **at,
        )
    if ch.minutes and not contract.in_force:
        raise ValidationError(
            "{contract}, {day}: this is an offer you have not signed; sign it first on the contracts screen",
            **at,
        )
    if ch.minutes and not contract.active_on(ch.work_date):
        if contract.end_date is None:
            raise ValidationError(
                "{contract}, {day}: outside the contract's period ({start} – open-ended)",
                start=contract.start_date,
                **at,
            )
        raise ValidationError(
            "{contract}, {day}: outside the contract's period ({start} – {end})",
            start=contract.start_date,
            end=contract.end_date,
            **at,
        )


def _check_day_totals(s, changes: Sequence[CellChange], contracts: dict[str, Contract]) -> None:  # type: ignore[no-untyped-def]
    dates = {ch.work_date for ch in changes}
    totals: dict[date, int] = defaultdict(int)
    changed = {(ch.contract_id, ch.work_date) for ch in changes}
    for contract_id, work_date, minutes in s.execute(
        select(TimeEntry.contract_id, TimeEntry.work_date, TimeEntry.minutes).where(
            TimeEntry.work_date.in_(dates), TimeEntry.deleted_at.is_(None)
        )
    ):
        if (contract_id, work_date) not in changed:
            totals[work_date] += minutes
    for ch in changes:
        totals[ch.work_date] += ch.minutes
    for day, total in sorted(totals.items()):
        if total > MINUTES_PER_DAY:
            raise ValidationError(
                "{day}: that makes {hours} h across all contracts; a day has at most 24 hours",
                day=day,
                hours=format_minutes_always(total),
            )
