"""The weekly timesheet service: the week model and every rule that guards a change."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from coapp.app.context import AppContext
from coapp.domain.durations import MINUTES_PER_DAY
from coapp.domain.errors import LockedError, ValidationError
from coapp.domain.weeks import IsoWeek
from coapp.models import Contract, TimeEntry
from coapp.models.time_entries import entry_id
from coapp.services.contracts import ContractInfo
from coapp.services.timesheet import EMPTY, Cell, CellChange
from tests.conftest import make_contract

from .helpers import entry_row, lock, outbox, outbox_count

W48 = IsoWeek(2026, 48)  # Monday 23 November .. Sunday 29 November 2026
MON, TUE, WED, THU, FRI, SAT, SUN = W48.days()


def minutes_of(ctx: AppContext, contract: ContractInfo, week: IsoWeek = W48) -> list[int]:
    sheet = ctx.timesheet.week(week)
    (row,) = [r for r in sheet.rows if r.contract.id == contract.id]
    return [c.minutes for c in row.cells]


# --- the week model ----------------------------------------------------------------------------


def test_an_empty_week_has_one_empty_row_per_active_contract(ctx: AppContext, contract: ContractInfo) -> None:
    sheet = ctx.timesheet.week(W48)
    assert sheet.week == W48
    assert sheet.days == tuple(W48.days())
    assert [r.contract.id for r in sheet.rows] == [contract.id]
    assert sheet.rows[0].cells == (EMPTY,) * 7
    assert sheet.day_totals == (0,) * 7
    assert sheet.total == 0
    assert sheet.hidden == ()


def test_rows_are_the_contracts_active_in_the_week(ctx: AppContext) -> None:
    always = make_contract(ctx, "Always", start_date=date(2026, 1, 1), end_date=None)
    ends_monday = make_contract(ctx, "Ends Monday", start_date=date(2026, 1, 1), end_date=MON)
    starts_sunday = make_contract(ctx, "Starts Sunday", start_date=SUN, end_date=date(2027, 1, 1))
    make_contract(ctx, "Ended", start_date=date(2026, 1, 1), end_date=MON - timedelta(days=1))
    make_contract(ctx, "Future", start_date=SUN + timedelta(days=1), end_date=None)
    withdrawn = make_contract(ctx, "Withdrawn")
    with ctx.store.write() as s:
        row = s.get(Contract, withdrawn.id)
        assert row is not None
        row.deleted_at = row.updated_at

    sheet = ctx.timesheet.week(W48)

    # Ordered by start date, then title.
    assert [r.contract.title for r in sheet.rows] == ["Always", "Ends Monday", "Starts Sunday"]
    assert [r.contract.id for r in sheet.rows] == [always.id, ends_monday.id, starts_sunday.id]
    assert [c.title for c in ctx.contracts.active_between(MON, SUN)] == [
        "Always",
        "Ends Monday",
        "Starts Sunday",
    ]


def test_cells_totals_and_locks(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    ctx.timesheet.apply(
        [
            CellChange(a.id, MON, 450, "planning"),
            CellChange(a.id, TUE, 480),
            CellChange(b.id, MON, 60, "call"),
            CellChange(b.id, SUN, 15),
            # Outside the week: must not leak into it.
            CellChange(a.id, MON - timedelta(days=1), 300),
            CellChange(a.id, SUN + timedelta(days=1), 300),
        ]
    )
    lock(ctx, b.id, MON)

    sheet = ctx.timesheet.week(W48)

    alpha, beta = sheet.rows
    assert alpha.cells[0] == Cell(450, "planning", locked=False)
    assert alpha.cells[1] == Cell(480, "", locked=False)
    assert beta.cells[0] == Cell(60, "call", locked=True)
    assert beta.cells[6] == Cell(15)
    assert [c.minutes for c in alpha.cells] == [450, 480, 0, 0, 0, 0, 0]
    assert alpha.total == 930
    assert beta.total == 75
    assert sheet.day_totals == (510, 480, 0, 0, 0, 0, 15)
    assert sheet.total == 1005
    assert ctx.timesheet.cell(b.id, MON).locked
    assert not ctx.timesheet.cell(a.id, MON).locked
    assert ctx.timesheet.cell(a.id, WED) == EMPTY
    entries = ctx.timesheet.entries_between(MON, SUN)
    assert sorted(entries) == sorted(
        [(a.id, MON, 450, "planning"), (b.id, MON, 60, "call"), (a.id, TUE, 480, ""), (b.id, SUN, 15, "")]
    )
    assert [e[1] for e in entries] == sorted(e[1] for e in entries)


def test_entries_between_is_ordered_by_date_and_skips_cleared_cells(
    ctx: AppContext, contract: ContractInfo
) -> None:
    ctx.timesheet.apply([CellChange(contract.id, WED, 60), CellChange(contract.id, MON, 30)])
    ctx.timesheet.apply([CellChange(contract.id, TUE, 45)])
    ctx.timesheet.apply([CellChange(contract.id, TUE, 0)])
    assert ctx.timesheet.entries_between(MON, SUN) == [
        (contract.id, MON, 30, ""),
        (contract.id, WED, 60, ""),
    ]


# --- changing cells ----------------------------------------------------------------------------


def test_apply_returns_what_the_cells_held_and_undo_restores_them(
    ctx: AppContext, contract: ContractInfo
) -> None:
    first = ctx.timesheet.apply([CellChange(contract.id, MON, 450, "a")])
    assert first == [CellChange(contract.id, MON, 0, "")]

    previous = ctx.timesheet.apply(
        [CellChange(contract.id, MON, 480, "b"), CellChange(contract.id, TUE, 60, "c")]
    )
    assert previous == [CellChange(contract.id, MON, 450, "a"), CellChange(contract.id, TUE, 0, "")]
    assert minutes_of(ctx, contract) == [480, 60, 0, 0, 0, 0, 0]

    redo = ctx.timesheet.apply(previous)  # undo
    assert minutes_of(ctx, contract) == [450, 0, 0, 0, 0, 0, 0]
    assert ctx.timesheet.cell(contract.id, MON).note == "a"
    ctx.timesheet.apply(redo)  # redo
    assert minutes_of(ctx, contract) == [480, 60, 0, 0, 0, 0, 0]
    assert ctx.timesheet.cell(contract.id, MON).note == "b"


def test_the_last_change_to_a_cell_in_one_batch_wins(ctx: AppContext, contract: ContractInfo) -> None:
    previous = ctx.timesheet.apply([CellChange(contract.id, MON, 60), CellChange(contract.id, MON, 90)])
    assert ctx.timesheet.cell(contract.id, MON).minutes == 90
    assert previous == [CellChange(contract.id, MON, 0, "")]


def test_an_empty_batch_changes_nothing(ctx: AppContext, contract: ContractInfo) -> None:
    assert ctx.timesheet.apply([]) == []
    assert outbox_count(ctx) == 1  # only the contract's own record


def test_set_time_keeps_the_note_unless_a_new_one_is_given(ctx: AppContext, contract: ContractInfo) -> None:
    ctx.timesheet.set_time(contract.id, MON, 450, "review")
    ctx.timesheet.set_time(contract.id, MON, 480)
    assert ctx.timesheet.cell(contract.id, MON) == Cell(480, "review")
    ctx.timesheet.set_time(contract.id, MON, 480, "deploy")
    assert ctx.timesheet.cell(contract.id, MON) == Cell(480, "deploy")
    previous = ctx.timesheet.set_time(contract.id, MON, 0)
    assert previous == [CellChange(contract.id, MON, 480, "deploy")]
    assert ctx.timesheet.cell(contract.id, MON) == EMPTY
    # The cleared note does not come back with new time.
    ctx.timesheet.set_time(contract.id, MON, 60)
    assert ctx.timesheet.cell(contract.id, MON) == Cell(60, "")


def test_clearing_tombstones_and_typing_again_revives_the_same_row(
    ctx: AppContext, contract: ContractInfo
) -> None:
    ctx.timesheet.apply([CellChange(contract.id, MON, 450, "x")])
    ctx.timesheet.apply([CellChange(contract.id, MON, 0)])

    row = entry_row(ctx, contract.id, MON)
    assert row is not None, "a cleared cell keeps its row as a tombstone for sync"
    assert row.deleted_at is not None
    assert (row.minutes, row.note) == (0, "")
    assert ctx.timesheet.cell(contract.id, MON) == EMPTY
    assert minutes_of(ctx, contract)[0] == 0

    ctx.timesheet.apply([CellChange(contract.id, MON, 120, "y")])
    revived = entry_row(ctx, contract.id, MON)
    assert revived is not None
    assert revived.id == row.id == entry_id(contract.id, MON)
    assert revived.deleted_at is None
    assert (revived.minutes, revived.note) == (120, "y")
    with ctx.store.read() as s:
        assert len(s.scalars(select(TimeEntry)).all()) == 1


def test_one_cell_one_identity(ctx: AppContext, contract: ContractInfo) -> None:
    other = make_contract(ctx, "Other")
    assert entry_id(contract.id, MON) == entry_id(contract.id, MON)
    assert entry_id(contract.id, MON) != entry_id(contract.id, TUE)
    assert entry_id(contract.id, MON) != entry_id(other.id, MON)


# --- refusals, all or nothing ------------------------------------------------------------------


def assert_refused_and_unchanged(
    ctx: AppContext,
    changes: list[CellChange],
    error: type[Exception] = ValidationError,
    match: str | None = None,
) -> None:
    before_sheet = ctx.timesheet.week(W48)
    before_outbox = outbox_count(ctx)
    with pytest.raises(error, match=match):
        ctx.timesheet.apply(changes)
    assert ctx.timesheet.week(W48) == before_sheet
    assert outbox_count(ctx) == before_outbox


def test_negative_time_is_refused(ctx: AppContext, contract: ContractInfo) -> None:
    assert_refused_and_unchanged(ctx, [CellChange(contract.id, MON, -1)], match="negative")


def test_more_than_a_day_in_one_cell_is_refused(ctx: AppContext, contract: ContractInfo) -> None:
    assert_refused_and_unchanged(ctx, [CellChange(contract.id, MON, MINUTES_PER_DAY + 1)], match="24 hours")
    ctx.timesheet.apply([CellChange(contract.id, MON, MINUTES_PER_DAY)])
    assert ctx.timesheet.cell(contract.id, MON).minutes == MINUTES_PER_DAY


def test_more_than_24_hours_across_contracts_is_refused(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    ctx.timesheet.apply([CellChange(a.id, MON, 800)])
    assert_refused_and_unchanged(ctx, [CellChange(b.id, MON, 641)], match="24 hours")
    assert_refused_and_unchanged(
        ctx, [CellChange(b.id, TUE, 700), CellChange(a.id, TUE, 741)], match="across all contracts"
    )
    # Exactly 24 hours is fine, and moving time between contracts in one batch is judged on the result.
    ctx.timesheet.apply([CellChange(b.id, MON, 640)])
    ctx.timesheet.apply([CellChange(a.id, MON, 100), CellChange(b.id, MON, 1340)])
    assert ctx.timesheet.week(W48).day_totals[0] == MINUTES_PER_DAY


def test_cleared_time_does_not_count_towards_the_day(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    ctx.timesheet.apply([CellChange(a.id, MON, 1000)])
    ctx.timesheet.apply([CellChange(a.id, MON, 0)])
    ctx.timesheet.apply([CellChange(b.id, MON, MINUTES_PER_DAY)])
    assert ctx.timesheet.cell(b.id, MON).minutes == MINUTES_PER_DAY


def test_time_outside_the_contract_period_is_refused(ctx: AppContext) -> None:
    c = make_contract(ctx, "Short", start_date=TUE, end_date=THU)
    assert_refused_and_unchanged(ctx, [CellChange(c.id, MON, 60)], match="outside the contract")
    assert_refused_and_unchanged(ctx, [CellChange(c.id, FRI, 60)], match="outside the contract")
    ctx.timesheet.apply([CellChange(c.id, TUE, 60), CellChange(c.id, THU, 60)])
    assert minutes_of(ctx, c) == [0, 60, 0, 60, 0, 0, 0]
    # Clearing an empty cell outside the period is harmless.
    ctx.timesheet.apply([CellChange(c.id, MON, 0)])


def test_a_locked_entry_cannot_change(ctx: AppContext, contract: ContractInfo) -> None:
    ctx.timesheet.apply([CellChange(contract.id, MON, 450, "invoiced")])
    lock(ctx, contract.id, MON)

    assert_refused_and_unchanged(ctx, [CellChange(contract.id, MON, 480, "invoiced")], LockedError, "invoice")
    assert_refused_and_unchanged(ctx, [CellChange(contract.id, MON, 450, "edited")], LockedError)
    assert_refused_and_unchanged(ctx, [CellChange(contract.id, MON, 0)], LockedError)
    with pytest.raises(LockedError):
        ctx.timesheet.set_time(contract.id, MON, 0)
    # Writing the same content (a paste over a range that includes it) is not a change.
    ctx.timesheet.apply([CellChange(contract.id, MON, 450, "invoiced"), CellChange(contract.id, TUE, 60)])
    assert ctx.timesheet.cell(contract.id, MON) == Cell(450, "invoiced", locked=True)
    assert ctx.timesheet.cell(contract.id, TUE).minutes == 60


def test_one_bad_cell_refuses_the_whole_batch(ctx: AppContext, contract: ContractInfo) -> None:
    ctx.timesheet.apply([CellChange(contract.id, MON, 60)])
    assert_refused_and_unchanged(
        ctx,
        [
            CellChange(contract.id, MON, 120),
            CellChange(contract.id, TUE, 240, "ok"),
            CellChange(contract.id, WED, -5),
        ],
    )
    # The bad cell first or last makes no difference.
    assert_refused_and_unchanged(
        ctx, [CellChange(contract.id, WED, -5), CellChange(contract.id, TUE, 240)], match="negative"
    )
    assert minutes_of(ctx, contract) == [60, 0, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("minutes", [7.5, "450", True, None])
def test_minutes_must_be_whole_numbers(ctx: AppContext, contract: ContractInfo, minutes: object) -> None:
    assert_refused_and_unchanged(ctx, [CellChange(contract.id, MON, minutes)], match="whole minutes")  # type: ignore[arg-type]


def test_a_note_needs_time_and_a_sane_length(ctx: AppContext, contract: ContractInfo) -> None:
    assert_refused_and_unchanged(ctx, [CellChange(contract.id, MON, 0, "forgot the time")], match="note")
    assert_refused_and_unchanged(ctx, [CellChange(contract.id, MON, 60, "x" * 2001)], match="2000")
    ctx.timesheet.apply([CellChange(contract.id, MON, 60, "x" * 2000)])
    assert len(ctx.timesheet.cell(contract.id, MON).note) == 2000


def test_an_unknown_or_withdrawn_contract_is_refused(ctx: AppContext, contract: ContractInfo) -> None:
    assert_refused_and_unchanged(ctx, [CellChange("no-such-contract", MON, 60)], match="no contract")
    with ctx.store.write() as s:
        row = s.get(Contract, contract.id)
        assert row is not None
        row.deleted_at = row.updated_at
    with pytest.raises(ValidationError, match="no contract"):
        ctx.timesheet.apply([CellChange(contract.id, MON, 60)])
    assert entry_row(ctx, contract.id, MON) is None


# --- the outbox --------------------------------------------------------------------------------


def test_every_change_writes_an_outbox_record(ctx: AppContext, contract: ContractInfo) -> None:
    start = outbox_count(ctx)
    eid = entry_id(contract.id, MON)

    ctx.timesheet.apply([CellChange(contract.id, MON, 450, "a")])
    ctx.timesheet.apply([CellChange(contract.id, MON, 480, "a")])
    ctx.timesheet.apply([CellChange(contract.id, MON, 0)])
    ctx.timesheet.apply([CellChange(contract.id, MON, 60, "b")])

    records = outbox(ctx)[start:]
    assert [(r.entity, r.row_id, r.op) for r in records] == [
        ("time_entry", eid, "upsert"),
        ("time_entry", eid, "upsert"),
        ("time_entry", eid, "delete"),
        ("time_entry", eid, "upsert"),
    ]
    created, edited, cleared, revived = (r.fields for r in records)
    assert created["contract_id"] == contract.id
    assert created["work_date"] == MON.isoformat()
    assert (created["minutes"], created["note"], created["deleted_at"]) == (450, "a", None)
    assert edited == {"minutes": 480}, "only changed fields travel"
    assert cleared["minutes"] == 0
    assert cleared["deleted_at"] is not None
    # A revive carries the whole row: the server's tombstone still holds the values from before.
    assert {k: revived[k] for k in ("minutes", "note", "deleted_at")} == {
        "minutes": 60,
        "note": "b",
        "deleted_at": None,
    }
    assert revived["work_date"] == created["work_date"]
    assert len({r.op_id for r in records}) == 4
    assert [r.seq for r in records] == sorted(r.seq for r in records)
    row = entry_row(ctx, contract.id, MON)
    assert row is not None
    assert row.dirty


def test_a_batch_writes_one_record_per_changed_cell(ctx: AppContext, contract: ContractInfo) -> None:
    start = outbox_count(ctx)
    ctx.timesheet.apply([CellChange(contract.id, d, 60) for d in (MON, TUE, WED)])
    assert outbox_count(ctx) == start + 3
    # Two of three cells change; one is written with what it already holds.
    ctx.timesheet.apply(
        [CellChange(contract.id, MON, 60), CellChange(contract.id, TUE, 90), CellChange(contract.id, WED, 0)]
    )
    records = outbox(ctx)[start + 3 :]
    assert sorted((r.row_id, r.op) for r in records) == sorted(
        [(entry_id(contract.id, TUE), "upsert"), (entry_id(contract.id, WED), "delete")]
    )


def test_no_outbox_record_for_a_no_op(ctx: AppContext, contract: ContractInfo) -> None:
    ctx.timesheet.apply([CellChange(contract.id, MON, 450, "a")])
    ctx.timesheet.apply([CellChange(contract.id, TUE, 60)])
    ctx.timesheet.apply([CellChange(contract.id, TUE, 0)])
    before = outbox_count(ctx)

    ctx.timesheet.apply([CellChange(contract.id, MON, 450, "a")])  # same content
    ctx.timesheet.apply([CellChange(contract.id, WED, 0)])  # clearing an empty cell
    ctx.timesheet.apply([CellChange(contract.id, TUE, 0)])  # clearing a cleared cell
    ctx.timesheet.set_time(contract.id, MON, 450)  # same minutes, note kept

    assert outbox_count(ctx) == before
    assert entry_row(ctx, contract.id, WED) is None


def test_a_refused_change_writes_no_outbox_record(ctx: AppContext, contract: ContractInfo) -> None:
    before = outbox_count(ctx)
    with pytest.raises(ValidationError):
        ctx.timesheet.apply([CellChange(contract.id, MON, 60), CellChange(contract.id, TUE, -1)])
    assert outbox_count(ctx) == before
    assert entry_row(ctx, contract.id, MON) is None


def test_the_outbox_record_and_the_change_share_one_transaction(
    ctx: AppContext, contract: ContractInfo
) -> None:
    ctx.timesheet.apply([CellChange(contract.id, MON, 60)])
    before = outbox_count(ctx)
    # Make the outbox insert fail: the change itself must not survive without its record.
    with ctx.store.write() as s:
        s.execute(
            text("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'full'); END")
        )
    with pytest.raises(Exception, match="full"):
        ctx.timesheet.apply([CellChange(contract.id, MON, 120), CellChange(contract.id, TUE, 30)])
    with ctx.store.write() as s:
        s.execute(text("DROP TRIGGER outbox_full"))

    assert ctx.timesheet.cell(contract.id, MON).minutes == 60
    assert entry_row(ctx, contract.id, TUE) is None
    assert outbox_count(ctx) == before


def test_an_error_after_the_flush_rolls_back_the_record_too(ctx: AppContext, contract: ContractInfo) -> None:
    before = outbox_count(ctx)

    def flush_then_fail() -> None:
        with ctx.store.write() as s:
            s.add(TimeEntry(id=entry_id(contract.id, MON), contract_id=contract.id, work_date=MON, minutes=5))
            s.flush()
            assert s.scalar(text("SELECT count(*) FROM outbox")) == before + 1
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        flush_then_fail()
    assert outbox_count(ctx) == before
    assert entry_row(ctx, contract.id, MON) is None


def test_rows_from_the_server_are_not_sent_back(ctx: AppContext, contract: ContractInfo) -> None:
    before = outbox_count(ctx)
    with ctx.store.write() as s:
        s.info["applying_remote"] = True
        s.add(
            TimeEntry(
                id=entry_id(contract.id, MON),
                contract_id=contract.id,
                work_date=MON,
                minutes=60,
                server_version=7,
            )
        )
    assert outbox_count(ctx) == before
    row = entry_row(ctx, contract.id, MON)
    assert row is not None
    assert not row.dirty
    # A local edit of it afterwards carries the server version it was based on.
    ctx.timesheet.apply([CellChange(contract.id, MON, 90)])
    (record,) = outbox(ctx)[before:]
    assert record.base_version == 7
    assert record.fields == {"minutes": 90}


def test_syncable_rows_are_never_hard_deleted(ctx: AppContext, contract: ContractInfo) -> None:
    ctx.timesheet.apply([CellChange(contract.id, MON, 60)])

    def hard_delete() -> None:
        with ctx.store.write() as s:
            s.delete(s.get(TimeEntry, entry_id(contract.id, MON)))

    with pytest.raises(RuntimeError, match="tombstoned"):
        hard_delete()
    assert ctx.timesheet.cell(contract.id, MON).minutes == 60


# --- hidden rows -------------------------------------------------------------------------------


def test_hidden_rows(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    assert ctx.timesheet.set_hidden_rows(W48, [b.id]) == set()

    sheet = ctx.timesheet.week(W48)
    assert [r.contract.id for r in sheet.rows] == [a.id]
    assert [c.id for c in sheet.hidden] == [b.id]
    assert ctx.timesheet.hidden_rows(W48) == {b.id}
    # Other weeks are not affected.
    assert [r.contract.id for r in ctx.timesheet.week(W48.shifted(1)).rows] == [a.id, b.id]

    # The previous set comes back for undo.
    assert ctx.timesheet.set_hidden_rows(W48, [a.id]) == {b.id}
    assert ctx.timesheet.hidden_rows(W48) == {a.id}
    assert ctx.timesheet.set_hidden_rows(W48, []) == {a.id}
    assert [r.contract.id for r in ctx.timesheet.week(W48).rows] == [a.id, b.id]


def test_a_hidden_row_with_time_is_still_shown(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha")
    b = make_contract(ctx, "Beta")
    ctx.timesheet.set_hidden_rows(W48, [a.id, b.id])
    ctx.timesheet.apply([CellChange(b.id, WED, 60)])
    sheet = ctx.timesheet.week(W48)
    assert [r.contract.id for r in sheet.rows] == [b.id]
    assert [c.id for c in sheet.hidden] == [a.id]
    assert sheet.total == 60


def test_hidden_rows_are_a_device_preference_not_synced(ctx: AppContext, contract: ContractInfo) -> None:
    before = outbox_count(ctx)
    ctx.timesheet.set_hidden_rows(W48, [contract.id])
    assert outbox_count(ctx) == before


def test_hiding_an_unknown_contract_is_refused_by_the_foreign_key(ctx: AppContext) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"):
        ctx.timesheet.set_hidden_rows(W48, ["no-such-contract"])
    assert ctx.timesheet.hidden_rows(W48) == set()
