"""A timer left running past its contract's last day: the days up to it are recorded, the rest is
dropped and counted; idle time taken off a running timer moves its start by whole minutes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.app.context import AppContext
from coapp.domain.errors import ValidationError
from coapp.domain.timer import split_at_midnight, within_period
from coapp.services.contracts import ContractInfo
from tests.conftest import make_contract

from .helpers import outbox, outbox_count

STHLM = "Europe/Stockholm"


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(STHLM)).astimezone(UTC)  # type: ignore[misc]


def test_a_timer_past_the_contracts_end_records_the_valid_part(ctx: AppContext) -> None:
    c = make_contract(ctx, "Short", start_date=date(2026, 11, 1), end_date=date(2026, 11, 30))
    ctx.timers.start(c.id, STHLM, now=at(2026, 11, 30, 22, 0))
    # Without the split the stop is refused (the 1st of December is outside the period) and the
    # timer runs on, as before.
    with pytest.raises(ValidationError):
        ctx.timers.stop(at(2026, 12, 2, 1, 30))
    assert ctx.timers.running() is not None

    result = ctx.timers.stop(at(2026, 12, 2, 1, 30), within_contract=True)

    assert result is not None
    assert result.added == {date(2026, 11, 30): 120}
    assert result.dropped == 24 * 60 + 90
    assert ctx.timesheet.cell(c.id, date(2026, 11, 30)).minutes == 120
    assert ctx.timesheet.cell(c.id, date(2026, 12, 1)).minutes == 0
    assert ctx.timers.running() is None


def test_within_contract_changes_nothing_for_a_timer_inside_the_period(
    ctx: AppContext, contract: ContractInfo
) -> None:
    ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 22, 10))
    result = ctx.timers.stop(at(2026, 11, 24, 1, 40), within_contract=True)
    assert result is not None
    assert result.added == {date(2026, 11, 23): 110, date(2026, 11, 24): 100}
    assert result.dropped == 0


@given(
    start=st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2027, 12, 31)),
    length=st.integers(min_value=0, max_value=5 * 24 * 60 * 60),
    first=st.dates(min_value=date(2023, 12, 25), max_value=date(2028, 1, 5)),
    days=st.one_of(st.none(), st.integers(min_value=0, max_value=10)),
)
def test_kept_and_dropped_add_up_to_the_elapsed_minutes(
    start: datetime, length: int, first: date, days: int | None
) -> None:
    begin = start.replace(tzinfo=UTC)
    split = split_at_midnight(begin, begin + timedelta(seconds=length), STHLM)
    last = None if days is None else first + timedelta(days=days)
    kept, dropped = within_period(split, first, last)
    assert sum(kept.values()) + dropped == length // 60
    assert dropped >= 0
    assert all(first <= d and (last is None or d <= last) for d in kept)
    assert all(kept[d] == split[d] for d in kept)


def test_drop_idle_moves_the_start_forward_by_whole_minutes(ctx: AppContext, contract: ContractInfo) -> None:
    start = at(2026, 11, 23, 9, 0, 17)
    ctx.timers.start(contract.id, STHLM, now=start)
    before = outbox_count(ctx)
    now = at(2026, 11, 23, 10, 30, 45)
    state = ctx.timers.drop_idle(25, now)
    assert state is not None
    assert state.started_at == start + timedelta(minutes=25)
    assert ctx.timers.running() == state
    assert state.elapsed_minutes(now) == 90 - 25  # exactly the idle minutes fewer
    assert [(r.entity, r.op) for r in outbox(ctx)[before:]] == [("running_timer", "upsert")]
    result = ctx.timers.stop(now)
    assert result is not None
    assert result.added == {date(2026, 11, 23): 65}


def test_drop_idle_never_moves_the_start_past_now(ctx: AppContext, contract: ContractInfo) -> None:
    ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 9, 0))
    now = at(2026, 11, 23, 9, 20)
    state = ctx.timers.drop_idle(600, now)
    assert state is not None
    assert state.started_at == now
    assert state.elapsed_minutes(now) == 0


@pytest.mark.parametrize("bad", [-1, 1.5, "10", True, None])
def test_drop_idle_refuses_what_is_not_whole_minutes(
    ctx: AppContext, contract: ContractInfo, bad: object
) -> None:
    state = ctx.timers.start(contract.id, STHLM, now=at(2026, 11, 23, 9, 0))
    with pytest.raises(ValidationError, match="whole number of minutes"):
        ctx.timers.drop_idle(bad, at(2026, 11, 23, 10, 0))  # type: ignore[arg-type]
    assert ctx.timers.running() == state


def test_drop_idle_without_a_timer_is_nothing(ctx: AppContext) -> None:
    assert ctx.timers.drop_idle(10) is None


def test_recent_contracts_put_the_last_used_first(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    c = make_contract(ctx, "Gamma")
    make_contract(ctx, "Ended", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    ctx.timesheet.set_time(a.id, date(2026, 11, 2), 60)
    ctx.timesheet.set_time(c.id, date(2026, 11, 20), 60)
    today = date(2026, 11, 23)
    assert [x.title for x in ctx.timers.recent_contracts(today)] == ["Gamma", "Alpha", "Beta"]
    assert [x.id for x in ctx.timers.recent_contracts(today, limit=2)] == [c.id, a.id]
    assert b.id not in [x.id for x in ctx.timers.recent_contracts(today, limit=2)]


def test_recent_contracts_put_the_timed_one_first(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    ctx.timesheet.set_time(a.id, date(2026, 11, 20), 60)
    ctx.timers.start(b.id, STHLM, now=at(2026, 11, 23, 9, 0))
    assert [x.id for x in ctx.timers.recent_contracts(date(2026, 11, 23))] == [b.id, a.id]


def test_switching_away_from_a_timer_past_the_end_records_its_valid_part(ctx: AppContext) -> None:
    ended = make_contract(ctx, "Short", start_date=date(2026, 11, 1), end_date=date(2026, 11, 30))
    other = make_contract(ctx, "Other")
    ctx.timers.start(ended.id, STHLM, now=at(2026, 11, 30, 23, 0))
    state, stopped = ctx.timers.switch(other.id, STHLM, now=at(2026, 12, 1, 0, 45))
    assert state.contract.id == other.id
    assert stopped is not None
    assert stopped.added == {date(2026, 11, 30): 60}
    assert stopped.dropped == 45
    assert ctx.timesheet.cell(ended.id, date(2026, 11, 30)).minutes == 60
