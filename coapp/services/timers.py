"""The running timer: one per person, stored as a UTC instant plus the IANA zone so it survives a
restart or a crash, and turned into minutes on local work dates when stopped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coapp.domain.errors import ValidationError
from coapp.domain.timer import split_at_midnight, within_period
from coapp.models import Contract, RunningTimer, TimeEntry
from coapp.models.contracts import IN_FORCE
from coapp.models.time_entries import entry_id
from coapp.services.contracts import ContractInfo, to_info
from coapp.services.timesheet import CellChange, TimesheetService, apply_in_session
from coapp.store.engine import Store


@dataclass(frozen=True)
class TimerState:
    id: str
    contract: ContractInfo
    started_at: datetime
    zone: str

    def elapsed_minutes(self, now: datetime | None = None) -> int:
        now = now or datetime.now(UTC)
        return max(0, int((now - self.started_at).total_seconds() // 60))


@dataclass(frozen=True)
class StopResult:
    contract: ContractInfo
    added: dict[date, int]  # minutes added per local date
    previous: list[CellChange]  # what the cells held before (for undo)
    dropped: int = 0  # minutes outside the contract's period, not recorded (``within_contract``)


class TimerService:
    def __init__(self, store: Store, timesheet: TimesheetService) -> None:
        self._store = store
        self._timesheet = timesheet

    def running(self) -> TimerState | None:
        with self._store.read() as s:
            row = s.scalars(
                select(RunningTimer)
                .where(RunningTimer.deleted_at.is_(None))
                .order_by(RunningTimer.started_at)
            ).first()
            if row is None:
                return None
            contract = s.get(Contract, row.contract_id)
            assert contract is not None
            return TimerState(row.id, to_info(contract), row.started_at, row.zone)

    def start(self, contract_id: str, zone: str, now: datetime | None = None) -> TimerState:
        """Start timing a contract (see ``switch``)."""
        return self.switch(contract_id, zone, now)[0]

    def switch(
        self, contract_id: str, zone: str, now: datetime | None = None
    ) -> tuple[TimerState, StopResult | None]:
        """Start timing a contract. A timer already running for another contract is stopped in
        the same transaction (its time is recorded), because a person works on one thing at a
        time; if the new contract cannot be timed, nothing changes and the old timer runs on."""
        now = now or datetime.now(UTC)
        try:
            tz = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError("“{zone}” is not a time zone", zone=zone) from None
        current = self.running()
        if current is not None and current.contract.id == contract_id:
            return current, None
        with self._store.write() as s:
            contract = s.get(Contract, contract_id)
            if contract is None or contract.deleted_at is not None:
                raise ValidationError("no contract with id {id}", id=contract_id)
            if not contract.active_on(now.astimezone(tz).date()):
                if contract.end_date is None:
                    raise ValidationError(
                        "{contract} is not active today; its period is {start} – open",
                        contract=contract.title,
                        start=contract.start_date,
                    )
                raise ValidationError(
                    "{contract} is not active today; its period is {start} – {end}",
                    contract=contract.title,
                    start=contract.start_date,
                    end=contract.end_date,
                )
            # The timer being replaced records its days within its contract (one left running past
            # the contract's end would otherwise block starting anything else).
            stopped = None
            if current is not None:
                stopped = _stop_in(s, current, now, discard=False, within_contract=True)
            row = RunningTimer(contract_id=contract_id, started_at=now, zone=zone)
            s.add(row)
            s.flush()
            return TimerState(row.id, to_info(contract), now, zone), stopped

    def stop(
        self, now: datetime | None = None, *, discard: bool = False, within_contract: bool = False
    ) -> StopResult | None:
        """Stop the timer and add its minutes to the work dates, split at local midnight.

        If the time cannot be recorded (a locked day, a day over 24 hours) the timer keeps running
        and the error says why, so no time is lost; ``discard=True`` stops it without recording.
        ``within_contract=True`` records the days inside the contract's period and drops the rest
        (a timer left running past the contract's last day), counted in ``StopResult.dropped``."""
        now = now or datetime.now(UTC)
        state = self.running()
        if state is None:
            return None
        # Recording the minutes and ending the timer is one transaction: a crash between the two
        # would otherwise count the same time twice at the next stop.
        with self._store.write() as s:
            return _stop_in(s, state, now, discard=discard, within_contract=within_contract)

    def drop_idle(self, minutes: int, now: datetime | None = None) -> TimerState | None:
        """Take *minutes* of time away from the running timer (the person was away): its start
        moves forward by exactly that many minutes, never past *now*. None when no timer runs."""
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
            raise ValidationError("idle time must be a whole number of minutes, not {value}", value=minutes)
        now = now or datetime.now(UTC)
        state = self.running()
        if state is None or minutes == 0:
            return state
        started = min(state.started_at + timedelta(minutes=minutes), max(now, state.started_at))
        with self._store.write() as s:
            row = s.get(RunningTimer, state.id)
            if row is None or row.deleted_at is not None:
                return None
            row.started_at = started
        return TimerState(state.id, state.contract, started, state.zone)

    def recent_contracts(self, today: date, limit: int = 5) -> list[ContractInfo]:
        """The contracts a timer can start on *today* (the tray's short list): the one being timed,
        then those with the latest reported time; contracts never used follow by title."""
        with self._store.read() as s:
            last_used = dict(
                s.execute(
                    select(TimeEntry.contract_id, func.max(TimeEntry.work_date))
                    .where(TimeEntry.deleted_at.is_(None))
                    .group_by(TimeEntry.contract_id)
                ).all()
            )
            rows = s.scalars(select(Contract).where(Contract.deleted_at.is_(None), IN_FORCE)).all()
            live = [to_info(r) for r in rows if r.active_on(today)]
            timed = s.scalar(select(RunningTimer.contract_id).where(RunningTimer.deleted_at.is_(None)))
        live.sort(key=lambda c: c.title.casefold())
        live.sort(key=lambda c: (c.id == timed, last_used.get(c.id) or date.min), reverse=True)
        return live[:limit]


def _stop_in(
    s: Session, state: TimerState, now: datetime, *, discard: bool, within_contract: bool = False
) -> StopResult:
    split = {} if discard else split_at_midnight(state.started_at, max(now, state.started_at), state.zone)
    dropped = 0
    if within_contract:
        split, dropped = within_period(split, state.contract.start_date, state.contract.end_date)
    changes = []
    for day, minutes in sorted(split.items()):
        if minutes <= 0:
            continue
        entry = s.get(TimeEntry, entry_id(state.contract.id, day))
        live = entry is not None and entry.deleted_at is None
        base, note = (entry.minutes, entry.note) if live else (0, "")  # type: ignore[union-attr]
        changes.append(CellChange(state.contract.id, day, base + minutes, note))
    previous = apply_in_session(s, changes)
    row = s.get(RunningTimer, state.id)
    if row is not None and row.deleted_at is None:
        row.deleted_at = now
    return StopResult(state.contract, split, previous, dropped)
