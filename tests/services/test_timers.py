"""The running timer: one at a time, survives restarts, becomes minutes on local dates when stopped."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from coapp.app.context import AppContext
from coapp.domain.errors import LockedError, ValidationError
from coapp.models import RunningTimer
from coapp.services.contracts import ContractInfo
from coapp.services.timesheet import Cell, CellChange
from tests.conftest import make_contract

from .helpers import lock, outbox, outbox_count

STHLM = "Europe/Stockholm"


def at(*args: int, zone: str = STHLM, fold: int = 0) -> datetime:
    """A Stockholm wall-clock time as an aware UTC instant."""
    return datetime(*args, tzinfo=ZoneInfo(zone), fold=fold).astimezone(UTC)  # type: ignore[misc]


def live_timers(ctx: AppContext) -> list[RunningTimer]:
    with ctx.store.read() as s:
        return list(s.scalars(select(RunningTimer).where(RunningTimer.deleted_at.is_(None))))


def test_start_and_stop_record_the_minutes(ctx: AppContext, contract: ContractInfo) -> None:
    assert ctx.timers.running() is None
    state = ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 9, 0))
    assert state.contract.id == contract.id
    assert state.zone == STHLM
    assert state.started_at == at(2026, 11, 23, 9, 0)
    assert state.elapsed_minutes(at(2026, 11, 23, 9, 45, 59)) == 45
    assert ctx.timers.running() == state

    result = ctx.timers.stop(at(2026, 11, 23, 11, 15))

    assert result is not None
    assert result.contract.id == contract.id
    assert result.added == {date(2026, 11, 23): 135}
    assert result.previous == [CellChange(contract.id, date(2026, 11, 23), 0, "")]
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 135
    assert ctx.timers.running() is None
    assert live_timers(ctx) == []


def test_stop_adds_to_the_time_already_reported_and_keeps_the_note(
    ctx: AppContext, contract: ContractInfo
) -> None:
    day = date(2026, 11, 23)
    ctx.timesheet.set_time(contract.id, day, 60, "standup")
    ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 13, 0))
    result = ctx.timers.stop(at(2026, 11, 23, 14, 30))
    assert result is not None
    assert ctx.timesheet.cell(contract.id, day) == Cell(150, "standup")
    # Undo of the stop puts back what the cell held.
    assert result.previous == [CellChange(contract.id, day, 60, "standup")]
    ctx.timesheet.apply(result.previous)
    assert ctx.timesheet.cell(contract.id, day) == Cell(60, "standup")


def test_stop_splits_at_local_midnight(ctx: AppContext, contract: ContractInfo) -> None:
    ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 22, 10))
    result = ctx.timers.stop(at(2026, 11, 24, 1, 40))
    assert result is not None
    assert result.added == {date(2026, 11, 23): 110, date(2026, 11, 24): 100}
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 110
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 24)).minutes == 100
    assert len(result.previous) == 2


def test_a_timer_across_the_autumn_dst_change_records_real_time(
    ctx: AppContext, contract: ContractInfo
) -> None:
    # 2026-10-25: 01:30 CEST → 03:30 CET is three real hours on the 25th.
    ctx.timers.start(contract.id, STHLM, now=at(2026, 10, 25, 1, 30))
    ctx.timers.stop(at(2026, 10, 25, 3, 30))
    assert ctx.timesheet.cell(contract.id, date(2026, 10, 25)).minutes == 180


def test_a_timer_across_the_spring_dst_change_records_real_time(
    ctx: AppContext, contract: ContractInfo
) -> None:
    # 2026-03-29: 23:00 on the 28th → 04:00 on the 29th is one hour, then three (02:00 → 03:00 skipped).
    ctx.timers.start(contract.id, STHLM, now=at(2026, 3, 28, 23, 0))
    ctx.timers.stop(at(2026, 3, 29, 4, 0))
    assert ctx.timesheet.cell(contract.id, date(2026, 3, 28)).minutes == 60
    assert ctx.timesheet.cell(contract.id, date(2026, 3, 29)).minutes == 180


def test_the_timer_zone_decides_the_work_date(ctx: AppContext, contract: ContractInfo) -> None:
    # 23:30–00:30 UTC: in Helsinki (UTC+2) all of it is on the 24th.
    ctx.timers.start(contract.id, "Europe/Helsinki", now=datetime(2026, 11, 23, 23, 30, tzinfo=UTC))
    ctx.timers.stop(datetime(2026, 11, 24, 0, 30, tzinfo=UTC))
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 24)).minutes == 60
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 0


def test_starting_another_contract_switches(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    ctx.timers.start(a.id, STHLM, now=at(2026, 11, 23, 9, 0))
    state = ctx.timers.start(b.id, STHLM, now=at(2026, 11, 23, 10, 30))
    assert state.contract.id == b.id
    assert ctx.timesheet.cell(a.id, date(2026, 11, 23)).minutes == 90
    assert [t.contract_id for t in live_timers(ctx)] == [b.id]
    ctx.timers.stop(at(2026, 11, 23, 11, 0))
    assert ctx.timesheet.cell(b.id, date(2026, 11, 23)).minutes == 30
    assert live_timers(ctx) == []


def test_starting_the_running_contract_again_keeps_the_timer(ctx: AppContext, contract: ContractInfo) -> None:
    first = ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 9, 0))
    again = ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 9, 30))
    assert again == first
    assert len(live_timers(ctx)) == 1
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 0


def test_the_timer_survives_reopening_the_app(data_dir: Path) -> None:
    first = AppContext.open(data_dir)
    try:
        contract = make_contract(first)
        started = first.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 9, 0))
    finally:
        first.close()

    second = AppContext.open(data_dir)
    try:
        state = second.timers.running()
        assert state is not None
        assert state.id == started.id
        assert state.contract.id == contract.id
        assert state.zone == STHLM
        assert state.started_at == at(2026, 11, 23, 9, 0)
        assert state.started_at.utcoffset() == timedelta(0)
        second.timers.stop(at(2026, 11, 23, 12, 0))
    finally:
        second.close()

    third = AppContext.open(data_dir)
    try:
        assert third.timers.running() is None
        assert third.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 180
    finally:
        third.close()


def test_a_stop_that_would_break_a_rule_leaves_the_timer_running(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    day = date(2026, 11, 23)
    ctx.timesheet.set_time(a.id, day, 1400)
    state = ctx.timers.start(b.id, STHLM, now=at(2026, 11, 23, 9, 0))
    before = outbox_count(ctx)

    with pytest.raises(ValidationError, match="24 hours"):
        ctx.timers.stop(at(2026, 11, 23, 10, 0))

    assert ctx.timers.running() == state
    assert ctx.timesheet.cell(b.id, day).minutes == 0
    assert outbox_count(ctx) == before
    # Making room lets it stop with all its time.
    ctx.timesheet.set_time(a.id, day, 1000)
    ctx.timers.stop(at(2026, 11, 23, 10, 0))
    assert ctx.timesheet.cell(b.id, day).minutes == 60
    assert ctx.timers.running() is None


def test_a_stop_onto_a_locked_day_leaves_the_timer_running(ctx: AppContext, contract: ContractInfo) -> None:
    day = date(2026, 11, 23)
    ctx.timesheet.set_time(contract.id, day, 60)
    lock(ctx, contract.id, day)
    state = ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 9, 0))
    with pytest.raises(LockedError):
        ctx.timers.stop(at(2026, 11, 23, 10, 0))
    assert ctx.timers.running() == state
    assert ctx.timesheet.cell(contract.id, day) == Cell(60, "", locked=True)


def test_a_stop_refused_on_the_second_day_records_nothing_on_the_first(
    ctx: AppContext, contract: ContractInfo
) -> None:
    ctx.timesheet.set_time(contract.id, date(2026, 11, 24), 30)
    lock(ctx, contract.id, date(2026, 11, 24))
    ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 23, 0))
    with pytest.raises(LockedError):
        ctx.timers.stop(at(2026, 11, 24, 1, 0))
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 0
    assert ctx.timers.running() is not None


def test_discard_stops_without_recording(ctx: AppContext, contract: ContractInfo) -> None:
    day = date(2026, 11, 23)
    ctx.timesheet.set_time(contract.id, day, 1400)
    ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 9, 0))
    # Even a timer whose time could not be recorded can be discarded.
    result = ctx.timers.stop(at(2026, 11, 23, 10, 0), discard=True)
    assert result is not None
    assert result.added == {}
    assert result.previous == []
    assert ctx.timers.running() is None
    assert ctx.timesheet.cell(contract.id, day).minutes == 1400


def test_stop_without_a_timer_does_nothing(ctx: AppContext, contract: ContractInfo) -> None:
    before = outbox_count(ctx)
    assert ctx.timers.stop(at(2026, 11, 23, 10, 0)) is None
    assert ctx.timers.stop(discard=True) is None
    assert outbox_count(ctx) == before


def test_a_clock_set_back_records_nothing_and_still_stops(ctx: AppContext, contract: ContractInfo) -> None:
    ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 9, 0))
    result = ctx.timers.stop(at(2026, 11, 23, 8, 0))
    assert result is not None
    assert sum(result.added.values()) == 0
    assert ctx.timers.running() is None
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 0


def test_start_refusals(ctx: AppContext) -> None:
    c = make_contract(ctx, "Short", start_date=date(2026, 11, 1), end_date=date(2026, 11, 30))
    with pytest.raises(ValidationError, match="time zone"):
        ctx.timers.start(c.id, "Mars/Olympus_Mons", now=at(2026, 11, 23, 9, 0))
    with pytest.raises(ValidationError, match="not active today"):
        ctx.timers.start(c.id, STHLM, now=at(2026, 12, 1, 9, 0))
    with pytest.raises(ValidationError, match="no contract"):
        ctx.timers.start("no-such-contract", STHLM, now=at(2026, 11, 23, 9, 0))
    assert live_timers(ctx) == []
    # "Today" is the local date in the timer's zone: 23:30 UTC on 30 Nov is 1 Dec in Stockholm.
    with pytest.raises(ValidationError, match="not active today"):
        ctx.timers.start(c.id, STHLM, now=datetime(2026, 11, 30, 23, 30, tzinfo=UTC))


def test_timer_changes_go_through_the_outbox(ctx: AppContext, contract: ContractInfo) -> None:
    before = outbox_count(ctx)
    state = ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 9, 0))
    started = outbox(ctx)[before:]
    assert [(r.entity, r.row_id, r.op) for r in started] == [("running_timer", state.id, "upsert")]
    assert started[0].fields["contract_id"] == contract.id
    assert started[0].fields["zone"] == STHLM

    ctx.timers.stop(at(2026, 11, 23, 10, 0))
    stopped = outbox(ctx)[before + 1 :]
    assert sorted((r.entity, r.op) for r in stopped) == [
        ("running_timer", "delete"),
        ("time_entry", "upsert"),
    ]


def test_a_refused_switch_leaves_the_running_timer_alone(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    ended = make_contract(ctx, "Ended", start_date=date(2026, 1, 1), end_date=date(2026, 6, 30))
    state = ctx.timers.start(a.id, STHLM, now=at(2026, 11, 23, 9, 0))
    before = outbox_count(ctx)
    with pytest.raises(ValidationError, match="not active today"):
        ctx.timers.start(ended.id, STHLM, now=at(2026, 11, 23, 10, 0))
    with pytest.raises(ValidationError, match="no contract"):
        ctx.timers.start("no-such-contract", STHLM, now=at(2026, 11, 23, 10, 0))
    assert ctx.timers.running() == state
    assert ctx.timesheet.cell(a.id, date(2026, 11, 23)).minutes == 0
    assert outbox_count(ctx) == before


def test_switch_stops_and_starts_in_one_step(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    ctx.timers.start(a.id, STHLM, now=at(2026, 11, 23, 9, 0))
    state, stopped = ctx.timers.switch(b.id, STHLM, now=at(2026, 11, 23, 9, 40))
    assert state.contract.id == b.id
    assert stopped is not None
    assert stopped.contract.id == a.id
    assert stopped.added == {date(2026, 11, 23): 40}
    assert ctx.timers.switch(b.id, STHLM, now=at(2026, 11, 23, 9, 50)) == (state, None)


def test_a_switch_whose_stop_is_refused_changes_nothing(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    c = make_contract(ctx, "Gamma")
    ctx.timesheet.set_time(c.id, date(2026, 11, 23), 1400)
    state = ctx.timers.start(a.id, STHLM, now=at(2026, 11, 23, 9, 0))
    with pytest.raises(ValidationError, match="24 hours"):
        ctx.timers.start(b.id, STHLM, now=at(2026, 11, 23, 10, 0))
    assert ctx.timers.running() == state
    assert len(live_timers(ctx)) == 1
