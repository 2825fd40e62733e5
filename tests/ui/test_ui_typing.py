"""Typing into the real grid: what people type means what they mean, refusals keep the cell."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from coapp.domain.durations import HoursFormat
from coapp.models import TimeEntry
from coapp.models.time_entries import entry_id
from coapp.services.timesheet import CellChange
from tests.conftest import make_contract
from tests.ui.helpers import (
    CTRL,
    SHIFT,
    grid_of,
    label,
    message,
    row_texts,
    select,
    set_clipboard,
    text_at,
    type_into,
    type_text,
)

MONDAY = date(2026, 11, 23)
DAYS = [date(2026, 11, 23 + i) for i in range(7)]

# One input per weekday: Monday "7,5" … Sunday "0,25".
INPUTS = ["7,5", "7.5", "7:30", "7h30m", "7h", "30m", "0,25"]
MINUTES = [450, 450, 450, 450, 420, 30, 15]


@pytest.mark.parametrize(
    ("settings", "shown", "total"),
    [
        ({"language": "sv"}, ["7,5", "7,5", "7,5", "7,5", "7", "0,5", "0,25"], "37,75"),
        ({"language": "en"}, ["7.5", "7.5", "7.5", "7.5", "7", "0.5", "0.25"], "37.75"),
        (
            {"language": "sv", "hours_format": HoursFormat.CLOCK},
            ["7:30", "7:30", "7:30", "7:30", "7:00", "0:30", "0:15"],
            "37:45",
        ),
    ],
    ids=["sv", "en", "clock"],
)
def test_typed_durations_are_stored_as_minutes_and_shown_in_the_users_format(
    qtbot, ctx, open_window, use_settings, settings, shown, total
):
    contract = make_contract(ctx)
    use_settings(**settings)
    window = open_window()
    grid = grid_of(window)

    for column, text in enumerate(INPUTS):
        type_into(qtbot, grid, 0, column, text)

    assert [ctx.timesheet.cell(contract.id, day).minutes for day in DAYS] == MINUTES
    assert row_texts(grid, 0) == [*shown, total]
    assert row_texts(grid, 1) == [*shown, total]  # the totals row
    assert message(window) == ""


def test_zero_or_an_empty_cell_clears_the_entry(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, DAYS[0], 480), CellChange(contract.id, DAYS[1], 240)])
    window = open_window()
    grid = grid_of(window)
    assert row_texts(grid, 0)[:2] == ["8", "4"]

    type_into(qtbot, grid, 0, 0, "0")
    # Empty: Enter opens the editor on the current text, Backspace empties it, Enter commits.
    select(grid, 0, 1)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert editor.objectName() == "timesheetCellEditor"
    assert editor.text() == "4"
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    assert ctx.timesheet.cell(contract.id, DAYS[0]).minutes == 0
    assert ctx.timesheet.cell(contract.id, DAYS[1]).minutes == 0
    assert ctx.timesheet.entries_between(DAYS[0], DAYS[-1]) == []
    assert row_texts(grid, 0) == ["", "", "", "", "", "", "", ""]  # no "0" anywhere in the row


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("-2", "cannot be negative"),
        ("abc", "is not a duration"),
        ("7,5 timmar extra", "is not a duration"),
        ("25", "at most 24 hours"),
        ("8:75", "minutes must be below 60"),
    ],
)
def test_bad_text_is_refused_with_the_reason_and_the_cell_is_kept(qtbot, ctx, open_window, typed, reason):
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, DAYS[2], 180)])
    window = open_window()
    grid = grid_of(window)

    type_into(qtbot, grid, 0, 2, typed)

    assert reason in message(window)
    assert label(window, "gridMessage").property("error") is True
    assert ctx.timesheet.cell(contract.id, DAYS[2]).minutes == 180
    assert text_at(grid, 0, 2) == "3"
    assert window.undo_stack.count() == 0


def test_more_than_24_hours_in_a_day_across_two_contracts_is_refused(qtbot, ctx, open_window):
    first = make_contract(ctx, "Backend")
    second = make_contract(ctx, "Frontend")
    window = open_window()
    grid = grid_of(window)
    assert grid.model().headerData(0, Qt.Orientation.Vertical) == "Backend"

    type_into(qtbot, grid, 0, 0, "20")
    type_into(qtbot, grid, 1, 0, "4,5")

    assert "at most 24 hours" in message(window)
    assert ctx.timesheet.cell(first.id, DAYS[0]).minutes == 1200
    assert ctx.timesheet.cell(second.id, DAYS[0]).minutes == 0
    assert text_at(grid, 1, 0) == ""
    assert text_at(grid, 2, 0) == "20"  # day total
    # Exactly 24 hours is fine, and a good edit clears the message.
    type_into(qtbot, grid, 1, 0, "4")
    assert ctx.timesheet.cell(second.id, DAYS[0]).minutes == 240
    assert message(window) == ""


def test_a_date_outside_the_contracts_period_is_refused(qtbot, ctx, open_window):
    contract = make_contract(ctx, end_date=date(2026, 11, 25))  # ends on the Wednesday
    window = open_window()
    grid = grid_of(window)
    # Shaded and explained before anyone types.
    assert grid.model().index(0, 3).data(Qt.ItemDataRole.BackgroundRole) != grid.model().index(0, 2).data(
        Qt.ItemDataRole.BackgroundRole
    )
    assert "Outside the contract's period" in grid.model().index(0, 3).data(Qt.ItemDataRole.ToolTipRole)

    type_into(qtbot, grid, 0, 3, "8")

    assert "outside the contract's period" in message(window)
    assert "25 Nov 2026" in message(window)  # the contract's end, in the English date style
    assert ctx.timesheet.cell(contract.id, DAYS[3]).minutes == 0
    assert text_at(grid, 0, 3) == ""
    type_into(qtbot, grid, 0, 2, "8")  # the last day of the period is fine
    assert ctx.timesheet.cell(contract.id, DAYS[2]).minutes == 480


def _lock(ctx, contract_id: str, day: date) -> None:
    with ctx.store.write() as s:
        entry = s.get(TimeEntry, entry_id(contract_id, day))
        entry.invoice_id = "00000000-0000-0000-0000-00000000cafe"


def test_a_locked_entry_cannot_be_typed_over_or_deleted(qtbot, ctx, open_window):
    contract = make_contract(ctx, rate=Decimal("1000"))
    ctx.timesheet.apply([CellChange(contract.id, DAYS[1], 480, "invoiced work")])
    _lock(ctx, contract.id, DAYS[1])
    window = open_window()
    grid = grid_of(window)
    index = grid.model().index(0, 1)
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    assert "read-only" in index.data(Qt.ItemDataRole.ToolTipRole)

    select(grid, 0, 1)
    qtbot.keyClick(grid, "2")
    assert QApplication.focusWidget() is grid  # no editor opened
    assert "confirmed invoice" in message(window)

    window.timesheet.show_message("")
    select(grid, 0, 1)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert "confirmed invoice" in message(window)

    # A paste over it is refused as a whole; the note cannot be edited either.
    window.timesheet.show_message("")
    set_clipboard("1\t1\t1\n")
    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)
    assert "confirmed invoice" in message(window)
    assert ctx.timesheet.cell(contract.id, DAYS[0]).minutes == 0
    window.timesheet.show_message("")
    select(grid, 0, 1)
    qtbot.keyClick(grid, Qt.Key.Key_N, CTRL | SHIFT)
    assert "read-only" in message(window)
    assert window.findChild(QDialog, "noteDialog") is None

    assert ctx.timesheet.cell(contract.id, DAYS[1]).minutes == 480
    assert ctx.timesheet.cell(contract.id, DAYS[1]).note == "invoiced work"
    assert text_at(grid, 0, 1) == "8"
    assert window.undo_stack.count() == 0


def test_enter_commits_and_moves_down(qtbot, ctx, open_window):
    first = make_contract(ctx, "Backend")
    second = make_contract(ctx, "Frontend")
    window = open_window()
    grid = grid_of(window)

    type_into(qtbot, grid, 0, 2, "6")
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, 2)
    assert grid.state() != grid.State.EditingState
    # Typing again lands in the cell below; Enter on the last contract stays off the totals row.
    type_text(qtbot, grid, "2")
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, 2)
    assert ctx.timesheet.cell(first.id, DAYS[2]).minutes == 360
    assert ctx.timesheet.cell(second.id, DAYS[2]).minutes == 120


def test_tab_and_shift_tab_commit_and_move_sideways(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    window = open_window()
    grid = grid_of(window)

    type_into(qtbot, grid, 0, 0, "1", end=Qt.Key.Key_Tab)
    assert grid.currentIndex().column() == 1
    # Tab opens the next cell's editor with its text selected, so typing goes straight on.
    editor = QApplication.focusWidget()
    assert editor.objectName() == "timesheetCellEditor"
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert grid.currentIndex().column() == 2
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "3")
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert grid.currentIndex().column() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert grid.state() != grid.State.EditingState
    # Without an editor open, Tab and Shift+Tab move too.
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert grid.currentIndex().column() == 2
    qtbot.keyClick(grid, Qt.Key.Key_Backtab, SHIFT)
    qtbot.keyClick(grid, Qt.Key.Key_Backtab, SHIFT)
    assert grid.currentIndex().column() == 0

    assert [ctx.timesheet.cell(contract.id, d).minutes for d in DAYS[:3]] == [60, 120, 180]


def test_arrow_keys_move_and_typing_replaces_the_cell(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, DAYS[4], 300, "release")])
    window = open_window()
    grid = grid_of(window)
    select(grid, 0, 3)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.currentIndex().column() == 4
    type_text(qtbot, grid, "2")  # replaces 5, not appends to it
    assert ctx.timesheet.cell(contract.id, DAYS[4]).minutes == 120
    assert ctx.timesheet.cell(contract.id, DAYS[4]).note == "release"  # the note stays with the time
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, 3)


def test_escape_leaves_the_cell_as_it_was(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, DAYS[0], 300)])
    window = open_window()
    grid = grid_of(window)
    type_into(qtbot, grid, 0, 0, "9", end=Qt.Key.Key_Escape)
    assert ctx.timesheet.cell(contract.id, DAYS[0]).minutes == 300
    assert text_at(grid, 0, 0) == "5"
    assert window.undo_stack.count() == 0
