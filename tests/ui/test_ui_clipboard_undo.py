"""Delete, copy and paste of ranges, and undo/redo of every grid change, all from the keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from coapp.services.timesheet import CellChange
from tests.conftest import make_contract
from tests.ui.helpers import (
    CTRL,
    SHIFT,
    clipboard,
    grid_of,
    message,
    row_texts,
    select,
    select_range,
    set_clipboard,
    text_at,
    type_into,
)

DAYS = [date(2026, 11, 23 + i) for i in range(7)]


def _two_contracts(ctx):
    return make_contract(ctx, "Backend"), make_contract(ctx, "Frontend")


def _minutes(ctx, contract, days=DAYS):
    return [ctx.timesheet.cell(contract.id, d).minutes for d in days]


def test_delete_clears_a_selected_range_as_one_undo_step(qtbot, ctx, open_window):
    a, b = _two_contracts(ctx)
    ctx.timesheet.apply(
        [
            CellChange(a.id, DAYS[0], 480, "kept on undo"),
            CellChange(a.id, DAYS[1], 450),
            CellChange(b.id, DAYS[0], 60),
            CellChange(b.id, DAYS[1], 90),
            CellChange(b.id, DAYS[2], 30),
        ]
    )
    window = open_window()
    grid = grid_of(window)

    select_range(grid, 0, 0, 1, 1)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)

    assert _minutes(ctx, a)[:3] == [0, 0, 0]
    assert _minutes(ctx, b)[:3] == [0, 0, 30]  # outside the selection
    assert row_texts(grid, 2)[:3] == ["", "", "0.5"]  # a day with no time is blank, totals too
    assert window.undo_stack.count() == 1

    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert _minutes(ctx, a)[:2] == [480, 450]
    assert _minutes(ctx, b)[:3] == [60, 90, 30]
    assert ctx.timesheet.cell(a.id, DAYS[0]).note == "kept on undo"
    assert text_at(grid, 0, 0) == "8"


def test_ctrl_c_copies_a_range_as_tab_separated_text(qtbot, ctx, use_settings, open_window):
    a, b = _two_contracts(ctx)
    ctx.timesheet.apply(
        [CellChange(a.id, DAYS[0], 450), CellChange(a.id, DAYS[2], 480), CellChange(b.id, DAYS[1], 75)]
    )
    use_settings(language="sv")
    window = open_window()
    grid = grid_of(window)
    set_clipboard("stale")

    select_range(grid, 0, 0, 1, 2)
    qtbot.keyClick(grid, Qt.Key.Key_C, CTRL)

    assert clipboard() == "7,5\t\t8\n\t1,25\t\n"

    # The totals are copied as shown too (a spreadsheet adds them up the same way).
    select_range(grid, 2, 6, 2, 7)
    qtbot.keyClick(grid, Qt.Key.Key_C, CTRL)
    assert clipboard() == "\t16,75\n"


def test_ctrl_v_pastes_a_block_from_a_spreadsheet(qtbot, ctx, open_window):
    a, b = _two_contracts(ctx)
    ctx.timesheet.apply([CellChange(a.id, DAYS[2], 60, "note stays")])
    window = open_window()
    grid = grid_of(window)
    # As LibreOffice or Excel put it on the clipboard: CRLF, quotes around a cell, a Swedish comma.
    set_clipboard('7,5\t"6:30"\t"2,5"\r\n8\t\t"1h 30m"\r\n')

    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)

    assert message(window) == ""
    assert _minutes(ctx, a)[:3] == [450, 390, 150]
    assert _minutes(ctx, b)[:3] == [480, 0, 90]
    assert ctx.timesheet.cell(a.id, DAYS[2]).note == "note stays"
    assert row_texts(grid, 0)[:3] == ["7.5", "6.5", "2.5"]
    assert row_texts(grid, 1)[:3] == ["8", "", "1.5"]
    assert window.undo_stack.count() == 1

    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert _minutes(ctx, a)[:3] == [0, 0, 60]
    assert _minutes(ctx, b)[:3] == [0, 0, 0]
    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _minutes(ctx, a)[:3] == [450, 390, 150]
    assert _minutes(ctx, b)[:3] == [480, 0, 90]


def test_a_block_pasted_near_the_edge_skips_the_totals(qtbot, ctx, open_window):
    a, _b = _two_contracts(ctx)
    window = open_window()
    grid = grid_of(window)
    set_clipboard("1\t2\t3\n4\t5\t6\n7\t8\t9\n")

    select(grid, 1, 5)
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)

    assert row_texts(grid, 1) == ["", "", "", "", "", "1", "2", "3"]
    assert _minutes(ctx, a) == [0] * 7


def test_one_value_pasted_into_a_range_fills_the_range(qtbot, ctx, open_window):
    a, b = _two_contracts(ctx)
    window = open_window()
    grid = grid_of(window)
    set_clipboard("7,5\n")

    select_range(grid, 0, 0, 1, 4)
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)

    assert _minutes(ctx, a) == [450] * 5 + [0, 0]
    assert _minutes(ctx, b) == [450] * 5 + [0, 0]
    assert text_at(grid, 2, 7) == "75"
    assert window.undo_stack.count() == 1


def test_a_paste_with_one_bad_value_changes_nothing(qtbot, ctx, open_window):
    a, b = _two_contracts(ctx)
    ctx.timesheet.apply([CellChange(a.id, DAYS[0], 60)])
    window = open_window()
    grid = grid_of(window)
    set_clipboard("7,5\t8\n6\tlunch\n")

    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)

    assert "lunch" in message(window)
    assert "Frontend" in message(window)  # says which cell
    assert _minutes(ctx, a)[:2] == [60, 0]
    assert _minutes(ctx, b)[:2] == [0, 0]
    assert row_texts(grid, 0)[:2] == ["1", ""]
    assert window.undo_stack.count() == 0


def test_a_paste_the_service_refuses_changes_nothing(qtbot, ctx, open_window):
    a, b = _two_contracts(ctx)
    ctx.timesheet.apply([CellChange(b.id, DAYS[1], 20 * 60)])
    window = open_window()
    grid = grid_of(window)
    set_clipboard("8\t8\t8\n")  # Tuesday would hold 28 hours

    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)

    assert "at most 24 hours" in message(window)
    assert _minutes(ctx, a)[:3] == [0, 0, 0]
    assert window.undo_stack.count() == 0


def test_undo_and_redo_of_typing(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    window = open_window()
    grid = grid_of(window)

    type_into(qtbot, grid, 0, 0, "8")
    type_into(qtbot, grid, 0, 0, "6")
    type_into(qtbot, grid, 0, 1, "4")
    assert _minutes(ctx, contract)[:2] == [360, 240]

    select(grid, 0, 3)
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert _minutes(ctx, contract)[:2] == [360, 0]
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert _minutes(ctx, contract)[:2] == [480, 0]
    assert text_at(grid, 0, 0) == "8"
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert _minutes(ctx, contract)[:2] == [0, 0]
    assert text_at(grid, 0, 0) == ""
    assert not window.undo_stack.canUndo()

    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _minutes(ctx, contract)[:2] == [360, 0]
    assert text_at(grid, 0, 0) == "6"
    qtbot.keyClick(grid, Qt.Key.Key_Y, CTRL)  # the other redo shortcut
    assert _minutes(ctx, contract)[:2] == [360, 240]
    assert not window.undo_stack.canRedo()


def test_undo_shows_the_week_the_change_belongs_to(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    window = open_window()
    grid = grid_of(window)
    type_into(qtbot, grid, 0, 0, "8")

    window.timesheet.next_week()
    assert text_at(grid, 0, 0) == ""
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)

    assert str(window.timesheet.controller.week) == "2026-W48"
    assert _minutes(ctx, contract)[0] == 0
    assert text_at(grid, 0, 0) == ""
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL | SHIFT)
    assert text_at(grid, 0, 0) == "8"
