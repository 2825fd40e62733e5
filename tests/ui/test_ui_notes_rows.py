"""Notes from the keyboard, “Copy last week” in its three forms, hiding and showing rows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QToolButton

from coapp.domain.weeks import IsoWeek
from coapp.services.timesheet import CellChange
from tests.conftest import make_contract
from tests.ui.helpers import (
    CTRL,
    SHIFT,
    grid_of,
    message,
    open_note_dialog,
    reactivate,
    row_texts,
    select,
    type_text,
)

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
TIP = Qt.ItemDataRole.ToolTipRole
WEEK48 = [date(2026, 11, 23) + timedelta(days=i) for i in range(7)]


def test_a_note_is_written_from_the_keyboard_and_shown_in_the_tooltip(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, WEEK48[1], 450)])
    window = open_window()
    grid = grid_of(window)
    select(grid, 0, 1)

    dialog = open_note_dialog(qtbot, window)
    qtbot.keyClicks(QApplication.focusWidget(), "Code review")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # a line break, not saving
    qtbot.keyClicks(QApplication.focusWidget(), "of the invoice PDF")
    assert dialog.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    note = "Code review\nof the invoice PDF"
    assert ctx.timesheet.cell(contract.id, WEEK48[1]).note == note
    assert ctx.timesheet.cell(contract.id, WEEK48[1]).minutes == 450
    index = grid.model().index(0, 1)
    assert index.data(NOTE_ROLE) == note
    assert note in index.data(TIP)
    assert "Code review" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    # Focus goes back to the grid (offscreen Qt has no window manager to reactivate the window).
    assert window.focusWidget() is grid
    reactivate(qtbot, window)
    assert QApplication.focusWidget() is grid

    # The note is one undo step; the time stays.
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert ctx.timesheet.cell(contract.id, WEEK48[1]).note == ""
    assert ctx.timesheet.cell(contract.id, WEEK48[1]).minutes == 450
    assert not index.data(TIP)


def test_escape_cancels_the_note_and_the_dialog_shows_the_existing_note(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, WEEK48[0], 60, "standup")])
    window = open_window()
    grid = grid_of(window)
    select(grid, 0, 0)

    dialog = open_note_dialog(qtbot, window)
    editor = dialog.findChild(QPlainTextEdit, "noteEditor")
    assert editor.toPlainText() == "standup"
    qtbot.keyClicks(editor, " and more")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ctx.timesheet.cell(contract.id, WEEK48[0]).note == "standup"
    assert window.undo_stack.count() == 0


def test_a_note_needs_time_first(qtbot, ctx, open_window):
    make_contract(ctx)
    window = open_window()
    select(grid_of(window), 0, 3)
    qtbot.keyClick(grid_of(window), Qt.Key.Key_N, CTRL | SHIFT)
    assert window.findChild(QDialog, "noteDialog") is None
    assert "Type the time first" in message(window)


# --- copy last week ----------------------------------------------------------------------

# Source: week 51 (14–20 Dec 2026); target: week 52 (21–27 Dec), Friday 25 is Christmas Day.
SOURCE = [date(2026, 12, 14) + timedelta(days=i) for i in range(7)]
TARGET = [date(2026, 12, 21) + timedelta(days=i) for i in range(7)]


@pytest.fixture
def last_week(ctx):
    """Backend worked Mon–Fri last week with notes, Frontend on Monday; Support's row was hidden.
    This week Backend already holds time on Tuesday."""
    backend = make_contract(ctx, "Backend")
    frontend = make_contract(ctx, "Frontend")
    support = make_contract(ctx, "Support")
    ctx.timesheet.apply(
        [CellChange(backend.id, day, 480, f"task {i}") for i, day in enumerate(SOURCE[:5])]
        + [CellChange(frontend.id, SOURCE[0], 90, "design"), CellChange(backend.id, TARGET[1], 120)]
    )
    ctx.timesheet.set_hidden_rows(IsoWeek.of(SOURCE[0]), {support.id})
    return backend, frontend, support


def _week(ctx, contract):
    return [(c.minutes, c.note) for c in (ctx.timesheet.cell(contract.id, d) for d in TARGET)]


def _row_titles(window) -> list[str]:
    model = grid_of(window).model()
    return [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]


def test_copy_last_week_button_copies_hours_skipping_holidays_and_filled_cells(
    qtbot, ctx, open_window, last_week
):
    backend, frontend, _support = last_week
    window = open_window(TARGET[0])
    button = window.findChild(QToolButton, "copyLastWeekButton")
    before = window.undo_stack.count()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert _week(ctx, backend) == [(480, ""), (120, ""), (480, ""), (480, ""), (0, ""), (0, ""), (0, "")]
    assert _week(ctx, frontend)[0] == (90, "")
    assert _row_titles(window) == ["Backend", "Frontend", "Total"]  # Support was hidden last week
    assert "Skipped 2" in message(window)
    assert row_texts(grid_of(window), 0) == ["8", "2", "8", "8", "", "", "", "26"]
    assert window.undo_stack.count() == before + 1

    # One undo step takes all of it back, rows included.
    qtbot.keyClick(grid_of(window), Qt.Key.Key_Z, CTRL)
    assert _week(ctx, backend)[0] == (0, "")
    assert _week(ctx, backend)[1] == (120, "")
    assert _week(ctx, frontend)[0] == (0, "")
    assert _row_titles(window) == ["Backend", "Frontend", "Support", "Total"]
    qtbot.keyClick(grid_of(window), Qt.Key.Key_Z, CTRL | SHIFT)
    assert _week(ctx, backend)[2] == (480, "")
    assert _row_titles(window) == ["Backend", "Frontend", "Total"]


def _menu_action(window, name: str) -> QAction:
    button = window.findChild(QToolButton, "copyLastWeekButton")
    actions = {a.objectName(): a for a in button.menu().actions()}
    return actions[name]


def test_copy_rows_only(ctx, open_window, last_week):
    backend, frontend, _support = last_week
    window = open_window(TARGET[0])
    _menu_action(window, "copyRowsAction").trigger()
    assert _row_titles(window) == ["Backend", "Frontend", "Total"]
    assert _week(ctx, backend)[0] == (0, "")
    assert _week(ctx, frontend)[0] == (0, "")


def test_copy_rows_and_hours_from_the_menu_and_its_shortcut(qtbot, ctx, open_window, last_week):
    backend, _frontend, _support = last_week
    window = open_window(TARGET[0])
    assert _menu_action(window, "copyHoursAction").shortcut().toString() == "Ctrl+Shift+C"
    qtbot.keyClick(grid_of(window), Qt.Key.Key_C, CTRL | SHIFT)
    assert _week(ctx, backend)[:4] == [(480, ""), (120, ""), (480, ""), (480, "")]
    qtbot.keyClick(grid_of(window), Qt.Key.Key_Z, CTRL)
    assert _week(ctx, backend)[0] == (0, "")
    _menu_action(window, "copyHoursAction").trigger()
    assert _week(ctx, backend)[:4] == [(480, ""), (120, ""), (480, ""), (480, "")]


def test_copy_rows_hours_and_notes(ctx, open_window, last_week):
    backend, frontend, _support = last_week
    window = open_window(TARGET[0])
    _menu_action(window, "copyNotesAction").trigger()
    assert _week(ctx, backend) == [
        (480, "task 0"),
        (120, ""),
        (480, "task 2"),
        (480, "task 3"),
        (0, ""),
        (0, ""),
        (0, ""),
    ]
    assert _week(ctx, frontend)[0] == (90, "design")
    assert "task 0" in grid_of(window).model().index(0, 0).data(TIP)


def test_copy_last_week_with_nothing_to_copy_says_so(ctx, open_window):
    make_contract(ctx)
    window = open_window()
    _menu_action(window, "copyHoursAction").trigger()
    assert "Nothing to copy" in message(window)
    assert window.undo_stack.count() == 0


# --- hidden rows ---------------------------------------------------------------------------


def test_hide_an_empty_row_and_show_it_again(qtbot, ctx, open_window):
    backend = make_contract(ctx, "Backend")
    make_contract(ctx, "Frontend")
    ctx.timesheet.apply([CellChange(backend.id, WEEK48[0], 60)])
    window = open_window()
    grid = grid_of(window)
    hidden_button = window.findChild(QToolButton, "hiddenRowsButton")
    assert not hidden_button.isVisible()

    select(grid, 0, 2)
    qtbot.keyClick(grid, Qt.Key.Key_H, CTRL | SHIFT)  # Backend holds time: refused
    assert "Only rows without time" in message(window)
    assert _row_titles(window) == ["Backend", "Frontend", "Total"]

    select(grid, 1, 2)
    qtbot.keyClick(grid, Qt.Key.Key_H, CTRL | SHIFT)
    assert _row_titles(window) == ["Backend", "Total"]
    assert hidden_button.isVisible()
    assert hidden_button.text() == "1 hidden"
    # The keyboard keeps a current cell (same day, the nearest row) and typing goes on there.
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, 2)
    type_text(qtbot, grid, "4")
    assert ctx.timesheet.cell(backend.id, WEEK48[2]).minutes == 240

    # Hidden for this week only.
    window.timesheet.next_week()
    assert _row_titles(window) == ["Backend", "Frontend", "Total"]
    assert not hidden_button.isVisible()
    window.timesheet.previous_week()
    assert _row_titles(window) == ["Backend", "Total"]

    show = hidden_button.menu().actions()
    assert [a.text() for a in show] == ["Show Frontend"]
    show[0].trigger()
    assert _row_titles(window) == ["Backend", "Frontend", "Total"]
    assert not hidden_button.isVisible()

    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)  # undo the show: hidden again
    assert _row_titles(window) == ["Backend", "Total"]
