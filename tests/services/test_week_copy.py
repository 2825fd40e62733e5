"""“Copy last week”: plans for rows, hours, and hours with notes; what is skipped and why."""

from __future__ import annotations

from datetime import date

import pytest

from coapp.app.context import AppContext
from coapp.domain.public_holidays import holiday_name
from coapp.domain.weeks import IsoWeek
from coapp.services.contracts import ContractInfo
from coapp.services.timesheet import CellChange
from coapp.services.week_copy import CopyMode, plan_copy_last_week
from tests.conftest import make_contract

from .helpers import lock

W51 = IsoWeek(2026, 51)  # 14..20 December 2026
W52 = IsoWeek(2026, 52)  # 21..27 December 2026: Christmas Day on Friday the 25th
SRC = W51.days()
DST = W52.days()


@pytest.fixture
def three(ctx: AppContext) -> tuple[ContractInfo, ContractInfo, ContractInfo]:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    c = make_contract(ctx, "Gamma")
    ctx.timesheet.apply(
        [CellChange(a.id, SRC[i], 480, f"a{i}") for i in range(5)] + [CellChange(b.id, SRC[1], 120, "b1")]
    )
    ctx.timesheet.set_hidden_rows(W51, [c.id])  # Gamma was not shown last week
    ctx.timesheet.apply([CellChange(a.id, DST[2], 60, "already")])  # Wednesday holds time
    return a, b, c


def test_the_calendar_is_what_the_tests_assume() -> None:
    assert holiday_name(DST[4], "SE") == "Christmas Day"
    assert all(holiday_name(d, "SE") is None for d in DST[:4])


def test_rows_only(ctx: AppContext, three: tuple[ContractInfo, ...]) -> None:
    *_, c = three
    plan = plan_copy_last_week(ctx.timesheet, W52, CopyMode.ROWS)
    assert plan.week == W52
    assert plan.hidden_rows == frozenset({c.id})
    assert plan.changes == ()
    assert plan.empty
    assert plan.skipped == 0


def test_rows_and_hours(ctx: AppContext, three: tuple[ContractInfo, ...]) -> None:
    a, b, c = three
    plan = plan_copy_last_week(ctx.timesheet, W52, CopyMode.HOURS)
    assert plan.hidden_rows == frozenset({c.id})
    assert sorted(plan.changes, key=lambda ch: (ch.work_date, ch.contract_id)) == sorted(
        [
            CellChange(a.id, DST[0], 480, ""),
            CellChange(a.id, DST[1], 480, ""),
            CellChange(b.id, DST[1], 120, ""),
            CellChange(a.id, DST[3], 480, ""),
        ],
        key=lambda ch: (ch.work_date, ch.contract_id),
    )
    # Wednesday already holds time; Friday is Christmas Day.
    assert plan.skipped == 2
    assert not plan.empty


def test_rows_hours_and_notes(ctx: AppContext, three: tuple[ContractInfo, ...]) -> None:
    a, b, _ = three
    plan = plan_copy_last_week(ctx.timesheet, W52, CopyMode.HOURS_AND_NOTES)
    notes = {(ch.contract_id, ch.work_date): ch.note for ch in plan.changes}
    assert notes == {
        (a.id, DST[0]): "a0",
        (a.id, DST[1]): "a1",
        (b.id, DST[1]): "b1",
        (a.id, DST[3]): "a3",
    }
    assert plan.skipped == 2


def test_the_plan_applies_cleanly_and_leaves_existing_time_alone(
    ctx: AppContext, three: tuple[ContractInfo, ...]
) -> None:
    a, b, c = three
    plan = plan_copy_last_week(ctx.timesheet, W52, CopyMode.HOURS_AND_NOTES)
    previous = ctx.timesheet.apply(plan.changes)
    ctx.timesheet.set_hidden_rows(plan.week, plan.hidden_rows)

    sheet = ctx.timesheet.week(W52)
    rows = {r.contract.id: r for r in sheet.rows}
    assert set(rows) == {a.id, b.id}
    assert [cell.minutes for cell in rows[a.id].cells] == [480, 480, 60, 480, 0, 0, 0]
    assert rows[a.id].cells[2].note == "already"
    assert [cell.minutes for cell in rows[b.id].cells] == [0, 120, 0, 0, 0, 0, 0]
    assert [x.id for x in sheet.hidden] == [c.id]
    # One undo step puts the week back.
    ctx.timesheet.apply(previous)
    assert ctx.timesheet.week(W52).total == 60
    # A second plan after applying has nothing left to copy.
    ctx.timesheet.apply(plan.changes)
    again = plan_copy_last_week(ctx.timesheet, W52, CopyMode.HOURS)
    assert again.empty
    assert again.skipped == 6


def test_a_row_with_time_this_week_is_never_hidden(ctx: AppContext, three: tuple[ContractInfo, ...]) -> None:
    _, _, c = three
    ctx.timesheet.apply([CellChange(c.id, DST[0], 30)])
    plan = plan_copy_last_week(ctx.timesheet, W52, CopyMode.ROWS)
    assert plan.hidden_rows == frozenset()


def test_locked_cells_are_skipped(ctx: AppContext, three: tuple[ContractInfo, ...]) -> None:
    a, _, _ = three
    lock(ctx, a.id, DST[2])
    plan = plan_copy_last_week(ctx.timesheet, W52, CopyMode.HOURS)
    assert all(ch.work_date != DST[2] for ch in plan.changes)
    ctx.timesheet.apply(plan.changes)  # and the plan is accepted


def test_days_outside_the_contract_are_skipped(ctx: AppContext) -> None:
    short = make_contract(ctx, "Short", start_date=date(2026, 12, 1), end_date=DST[1])
    ctx.timesheet.apply([CellChange(short.id, d, 240) for d in SRC[:5]])
    plan = plan_copy_last_week(ctx.timesheet, W52, CopyMode.HOURS)
    assert [ch.work_date for ch in plan.changes] == [DST[0], DST[1]]
    assert plan.skipped == 3
    ctx.timesheet.apply(plan.changes)


def test_a_day_is_never_pushed_past_24_hours(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    ctx.timesheet.apply([CellChange(a.id, SRC[0], 600), CellChange(b.id, SRC[0], 600)])
    ctx.timesheet.apply([CellChange(b.id, DST[1], 1000)])
    late = make_contract(ctx, "Late", start_date=DST[0])
    ctx.timesheet.apply([CellChange(late.id, DST[0], 1000)])
    # Last week's Monday: Alpha 600 and Beta 600; this Monday already holds 1000 for Late.
    plan = plan_copy_last_week(ctx.timesheet, W52, CopyMode.HOURS)
    assert plan.changes == ()
    assert plan.skipped == 2
    # With 500 on Monday, only one of the two fits.
    ctx.timesheet.apply([CellChange(late.id, DST[0], 500)])
    plan = plan_copy_last_week(ctx.timesheet, W52, CopyMode.HOURS)
    assert len(plan.changes) == 1
    assert plan.skipped == 1
    ctx.timesheet.apply(plan.changes)
    assert ctx.timesheet.week(W52).day_totals[0] == 1100


@pytest.mark.parametrize(("country", "copied_monday"), [("NO", False), ("SE", True)])
def test_the_holiday_country_decides(ctx: AppContext, country: str, copied_monday: bool) -> None:
    # Monday 17 May 2027 is Norway's Constitution Day and an ordinary day in Sweden.
    week = IsoWeek(2027, 20)
    monday = week.monday
    assert monday == date(2027, 5, 17)
    assert (holiday_name(monday, country) is not None) is not copied_monday
    a = make_contract(ctx, "Alpha")
    ctx.timesheet.apply([CellChange(a.id, d, 450) for d in week.shifted(-1).days()[:5]])
    plan = plan_copy_last_week(ctx.timesheet, week, CopyMode.HOURS, country=country)
    assert (monday in {ch.work_date for ch in plan.changes}) is copied_monday
    assert len(plan.changes) == (5 if copied_monday else 4)


def test_nothing_to_copy_from_an_empty_week(ctx: AppContext) -> None:
    make_contract(ctx, "Alpha")
    for mode in CopyMode:
        plan = plan_copy_last_week(ctx.timesheet, W52, mode)
        assert plan.empty
        assert plan.skipped == 0
        assert plan.hidden_rows == frozenset()


def test_a_contract_that_starts_this_week_stays_visible(
    ctx: AppContext, three: tuple[ContractInfo, ...]
) -> None:
    *_, gamma = three
    newcomer = make_contract(ctx, "Newcomer", start_date=DST[0])
    plan = plan_copy_last_week(ctx.timesheet, W52, CopyMode.ROWS)
    assert newcomer.id not in plan.hidden_rows  # it had no row last week to copy
    assert plan.hidden_rows == frozenset({gamma.id})
