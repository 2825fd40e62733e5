"""The window as a whole: the timer, persistence across restarts, preferences, empty states."""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QPushButton
from sqlalchemy import select as sql_select

from coapp.domain.durations import HoursFormat
from coapp.models import RunningTimer
from coapp.services.timesheet import CellChange
from tests.conftest import make_contract
from tests.ui.helpers import (
    CTRL,
    SHIFT,
    grid_of,
    label,
    message,
    open_note_dialog,
    reactivate,
    row_texts,
    select,
    set_clipboard,
    text_at,
    type_into,
)

WEEK48 = [date(2026, 11, 23) + timedelta(days=i) for i in range(7)]


def _open_ended(ctx, title="Backend"):
    """A contract active whatever day the tests run (the timer records time on today)."""
    return make_contract(ctx, title, start_date=date(2000, 1, 1), end_date=None)


def _timed_minutes(ctx, contract) -> int:
    """Minutes on today and yesterday (a timer near midnight is split between the two)."""
    today = date.today()
    return sum(
        minutes
        for cid, _day, minutes, _note in ctx.timesheet.entries_between(today - timedelta(days=1), today)
        if cid == contract.id
    )


def _move_timer_start_back(ctx, delta: timedelta) -> None:
    with ctx.store.write() as s:
        row = s.scalars(sql_select(RunningTimer).where(RunningTimer.deleted_at.is_(None))).one()
        row.started_at = row.started_at - delta


def test_the_timer_runs_across_a_restart_and_its_stop_adds_minutes_undoably(qtbot, ctx, open_window):
    contract = _open_ended(ctx)
    window = open_window()
    grid = grid_of(window)
    status = label(window, "timerStatus")
    button = window.findChild(QPushButton, "timerButton")
    assert status.text() == ""
    assert window.windowTitle() == "coapp"

    select(grid, 0, 2)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert re.search(r"\b0:00:[0-5]\d", status.text())  # a loaded machine may take seconds here
    assert "Backend" in status.text()
    assert window.windowTitle() == f"{status.text()} — coapp"
    assert button.text().startswith("Stop timer")
    assert ctx.timers.running().contract.id == contract.id

    # The app is closed; ninety minutes later it is started again from the same folder.
    window.close()
    _move_timer_start_back(ctx, timedelta(minutes=90, seconds=2))
    window = open_window()
    grid = grid_of(window)
    status = label(window, "timerStatus")
    assert re.search(r"\b1:30:[0-5]\d", status.text())
    assert "Backend" in status.text()
    assert window.windowTitle() == f"{status.text()} — coapp"
    # The clock ticks.
    first = status.text()
    qtbot.waitUntil(lambda: status.text() != first, timeout=3000)

    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_T, CTRL)
    assert ctx.timers.running() is None
    assert status.text() == ""
    assert window.windowTitle() == "coapp"
    assert _timed_minutes(ctx, contract) == 90
    assert "1:30 h added to Backend" in message(window)

    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert _timed_minutes(ctx, contract) == 0
    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _timed_minutes(ctx, contract) == 90
    assert ctx.timers.running() is None


def test_ctrl_t_starts_the_timer_and_the_button_stops_it(qtbot, ctx, open_window):
    contract = _open_ended(ctx)
    ctx.timesheet.apply([CellChange(contract.id, date.today(), 60, "before the timer")])
    window = open_window(date.today())
    grid = grid_of(window)
    select(grid, 0, 0)

    qtbot.keyClick(grid, Qt.Key.Key_T, CTRL)
    assert "0:00:0" in label(window, "timerStatus").text()
    _move_timer_start_back(ctx, timedelta(minutes=30, seconds=1))
    qtbot.mouseClick(window.findChild(QPushButton, "timerButton"), Qt.MouseButton.LeftButton)

    assert label(window, "timerStatus").text() == ""
    assert _timed_minutes(ctx, contract) == 90
    # Unless the timer crossed midnight, today's cell shows the sum and keeps its note.
    if ctx.timesheet.cell(contract.id, date.today()).minutes == 90:
        column = date.today().weekday()
        assert text_at(grid, 0, column) == "1.5"
        assert ctx.timesheet.cell(contract.id, date.today()).note == "before the timer"


def test_starting_another_contracts_timer_records_the_first_as_an_undo_step(qtbot, ctx, open_window):
    first = _open_ended(ctx, "Backend")
    second = _open_ended(ctx, "Frontend")
    window = open_window()
    grid = grid_of(window)
    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_T, CTRL)
    _move_timer_start_back(ctx, timedelta(minutes=45, seconds=1))

    select(grid, 1, 0)
    qtbot.keyClick(grid, Qt.Key.Key_T, CTRL)
    assert ctx.timers.running().contract.id == second.id
    assert _timed_minutes(ctx, first) == 45
    assert "Frontend" in label(window, "timerStatus").text()

    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert _timed_minutes(ctx, first) == 0
    assert ctx.timers.running().contract.id == second.id  # undo takes back time, not the timer


def test_time_notes_and_hidden_rows_persist_across_a_restart(qtbot, ctx, use_settings, open_window):
    backend = make_contract(ctx, "Backend")
    make_contract(ctx, "Frontend")
    make_contract(ctx, "Support")
    use_settings(language="sv")
    window = open_window()
    grid = grid_of(window)
    type_into(qtbot, grid, 0, 0, "7,5")
    set_clipboard("2\t3\n")
    select(grid, 1, 3)
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)
    select(grid, 0, 0)
    dialog = open_note_dialog(qtbot, window)
    qtbot.keyClicks(QApplication.focusWidget(), "API design")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    reactivate(qtbot, window)
    select(grid, 2, 0)
    qtbot.keyClick(grid, Qt.Key.Key_H, CTRL | SHIFT)
    window.close()

    window = open_window()
    grid = grid_of(window)
    model = grid.model()
    titles = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert titles == ["Backend", "Frontend", "Summa"]  # Support stays hidden; the UI is in Swedish
    assert row_texts(grid, 0) == ["7,5", "", "", "", "", "", "", "7,5"]
    assert row_texts(grid, 1) == ["", "", "", "2", "3", "", "", "5"]
    assert "API design" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert ctx.timesheet.cell(backend.id, WEEK48[0]).note == "API design"
    assert label(window, "weekLabel").text().startswith("v. 48")


def _preferences(window) -> QDialog:
    dialog = window.open_preferences()
    assert dialog.objectName() == "settingsDialog"
    assert dialog.isVisible()
    return dialog


def test_preferences_change_the_language_and_hours_format_and_the_grid_follows(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, WEEK48[0], 450), CellChange(contract.id, WEEK48[1], 15)])
    window = open_window()
    grid = grid_of(window)
    assert row_texts(grid, 0)[:2] == ["7.5", "0.25"]
    assert label(window, "weekLabel").text().startswith("Week 48")

    dialog = _preferences(window)
    language = dialog.findChild(QComboBox, "languageCombo")
    assert language.currentData() == "en"
    language.setFocus()
    qtbot.keyClick(language, Qt.Key.Key_Up)  # Svenska is the first choice
    assert language.currentData() == "sv"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert row_texts(grid, 0)[:2] == ["7,5", "0,25"]
    assert text_at(grid, 0, 7) == "7,75"
    assert label(window, "weekLabel").text() == "v. 48 · 23 – 29 nov. 2026"
    assert grid.model().headerData(0, Qt.Orientation.Horizontal) == "mån 23 nov."
    assert ctx.timesheet.cell(contract.id, WEEK48[0]).minutes == 450  # only the display changed

    dialog = _preferences(window)
    hours = dialog.findChild(QComboBox, "hoursFormatCombo")
    hours.setCurrentIndex(hours.findData(HoursFormat.CLOCK))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert row_texts(grid, 0)[:2] == ["7:30", "0:15"]
    assert text_at(grid, 0, 7) == "7:45"
    # Typing follows the chosen format, and any format is still understood.
    type_into(qtbot, grid, 0, 2, "1,5")
    assert text_at(grid, 0, 2) == "1:30"

    # Escape cancels: nothing changes.
    dialog = _preferences(window)
    dialog.findChild(QComboBox, "languageCombo").setCurrentIndex(1)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert label(window, "weekLabel").text().startswith("v. 48")

    # The choice is saved with the data.
    window.close()
    window = open_window()
    assert row_texts(grid_of(window), 0)[:3] == ["7:30", "0:15", "1:30"]


def test_preferences_change_the_holiday_country(qtbot, ctx, open_window):
    make_contract(ctx)
    window = open_window(date(2027, 5, 17))
    model = grid_of(window).model()
    tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Constitution Day" not in tip

    dialog = _preferences(window)
    country = dialog.findChild(QComboBox, "holidayCountryCombo")
    country.setCurrentIndex(country.findData("NO"))
    dialog.accept()

    tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Constitution Day" in tip


def test_holiday_names_follow_the_language(qtbot, ctx, open_window):
    make_contract(ctx)
    window = open_window(date(2026, 12, 23))
    model = grid_of(window).model()
    assert "Christmas Day" in model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)

    dialog = _preferences(window)
    language = dialog.findChild(QComboBox, "languageCombo")
    language.setCurrentIndex(language.findData("sv"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    tip = model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Juldagen" in tip
    assert "Christmas" not in tip
    assert "Juldagen" in model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)


def test_empty_state_when_no_contract_runs_this_week(ctx, open_window):
    make_contract(ctx, end_date=date(2026, 6, 30))  # ended before week 48
    window = open_window()
    empty = label(window, "timesheetEmptyState")
    assert empty.isVisible()
    assert "No contracts run this week" in empty.text()
    assert grid_of(window).model().rowCount() == 1  # only the totals


def test_empty_state_without_time_goes_away_when_time_is_typed(qtbot, ctx, open_window):
    make_contract(ctx)
    window = open_window()
    grid = grid_of(window)
    empty = label(window, "timesheetEmptyState")
    assert empty.isVisible()
    assert empty.text() == "No time this week yet. Type hours into a cell, or copy last week: Ctrl+Shift+C"

    type_into(qtbot, grid, 0, 0, "1")
    assert not empty.isVisible()
    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert empty.isVisible()
    assert empty.text().startswith("No time this week yet")


def test_a_timer_that_cannot_be_recorded_can_be_discarded_after_asking(qtbot, ctx, open_window):
    from PySide6.QtWidgets import QMessageBox

    contract = _open_ended(ctx)
    window = open_window()
    grid = grid_of(window)
    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_T, CTRL)
    _move_timer_start_back(ctx, timedelta(minutes=20, seconds=1))

    box = window.timesheet.discard_timer()
    assert box is not None
    assert box.objectName() == "discardTimerDialog"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert ctx.timers.running() is not None  # cancelled: still running

    box = window.timesheet.discard_timer()
    box.button(QMessageBox.StandardButton.Discard).click()
    assert ctx.timers.running() is None
    assert _timed_minutes(ctx, contract) == 0
    assert "no time was recorded" in message(window)
    assert window.timesheet.discard_timer() is None  # nothing left to discard
