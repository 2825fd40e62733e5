"""The grid model under Qt's model tester, week navigation, the week label, weekends and holidays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QPushButton

from coapp.domain.weeks import IsoWeek
from coapp.services.timesheet import CellChange
from tests.conftest import make_contract
from tests.ui.helpers import ALT, grid_of, label, row_texts, select, text_at, type_into

BG = Qt.ItemDataRole.BackgroundRole
TIP = Qt.ItemDataRole.ToolTipRole
H = Qt.Orientation.Horizontal


def test_the_grid_model_passes_qts_model_tester(qtbot, ctx, open_window, qtmodeltester):
    a = make_contract(ctx, "Backend")
    b = make_contract(ctx, "Frontend", end_date=date(2026, 12, 23))
    ctx.timesheet.apply(
        [
            CellChange(a.id, date(2026, 12, 21), 450, "sprint planning"),
            CellChange(b.id, date(2026, 12, 22), 90),
            CellChange(a.id, date(2026, 12, 28), 60),
        ]
    )
    window = open_window(date(2026, 12, 23))  # week 52: Christmas, and the end of one contract
    model = grid_of(window).model()
    assert model.rowCount() == 3
    assert model.columnCount() == 8

    qtmodeltester.check(model)
    # Moving to another week (a model reset) and editing (dataChanged) keep it consistent.
    window.timesheet.next_week()
    assert model.rowCount() == 2  # the Frontend contract has ended
    qtmodeltester.check(model)
    type_into(qtbot, grid_of(window), 0, 1, "2")
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "1"
    assert model.headerData(1, Qt.Orientation.Vertical) == "Total"
    assert model.headerData(7, H) == "Total"


def _week_label(window) -> str:
    return label(window, "weekLabel").text()


def test_week_label_in_swedish_and_english(ctx, use_settings, open_window):
    make_contract(ctx)
    use_settings(language="sv")
    window = open_window(date(2026, 11, 25))
    assert _week_label(window) == "v. 48 · 23 – 29 nov. 2026"
    window.timesheet.show_date(date(2026, 12, 30))
    assert _week_label(window) == "v. 53 · 28 dec. 2026 – 3 jan. 2027"
    window.close()

    use_settings(language="en")
    window = open_window(date(2026, 11, 25))
    assert _week_label(window) == "Week 48 · 23 – 29 Nov 2026"
    assert grid_of(window).model().headerData(0, H) == "Mon 23 Nov"


def _monday(window) -> date:
    return window.timesheet.controller.week.monday


def test_week_buttons_move_a_week_at_a_time_and_back_to_this_week(qtbot, ctx, open_window):
    make_contract(ctx, start_date=date(2020, 1, 1), end_date=None)
    window = open_window(date(2026, 3, 4))
    prev = window.findChild(QPushButton, "prevWeekButton")
    nxt = window.findChild(QPushButton, "nextWeekButton")
    today = window.findChild(QPushButton, "todayButton")
    picker = window.findChild(QDateEdit, "weekDatePicker")
    assert _monday(window) == date(2026, 3, 2)

    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    assert _monday(window) == date(2026, 3, 9)
    assert _week_label(window).startswith("Week 11 · 9 – 15 Mar 2026")
    assert picker.date() == QDate(2026, 3, 9)
    qtbot.mouseClick(prev, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(prev, Qt.MouseButton.LeftButton)
    assert _monday(window) == date(2026, 2, 23)
    assert _week_label(window) == "Week 9 · 23 Feb – 1 Mar 2026"

    qtbot.mouseClick(today, Qt.MouseButton.LeftButton)
    this_week = IsoWeek.of(date.today())
    assert window.timesheet.controller.week == this_week
    assert _week_label(window).startswith(f"Week {this_week.week} · ")


def test_week_shortcuts_alt_left_right_home(qtbot, ctx, open_window):
    make_contract(ctx, start_date=date(2020, 1, 1), end_date=None)
    window = open_window(date(2026, 12, 30))
    grid = grid_of(window)

    qtbot.keyClick(grid, Qt.Key.Key_Right, ALT)
    assert _monday(window) == date(2027, 1, 4)
    assert _week_label(window).startswith("Week 1 · ")
    qtbot.keyClick(grid, Qt.Key.Key_Left, ALT)
    qtbot.keyClick(grid, Qt.Key.Key_Left, ALT)
    assert _monday(window) == date(2026, 12, 21)
    qtbot.keyClick(grid, Qt.Key.Key_Home, ALT)
    assert window.timesheet.controller.week == IsoWeek.of(date.today())


def test_the_date_picker_shows_the_week_of_the_picked_date(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, date(2026, 6, 3), 300)])
    window = open_window(date(2026, 11, 25))
    picker = window.findChild(QDateEdit, "weekDatePicker")
    grid = grid_of(window)

    # Ctrl+G puts the keyboard on the picker's day; typing a day shows that day's week.
    qtbot.keyClick(grid, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert picker.hasFocus()
    assert picker.currentSection() == QDateEdit.Section.DaySection
    qtbot.keyClicks(picker, "05")
    assert _monday(window) == date(2026, 11, 2)
    assert _week_label(window) == "Week 45 · 2 – 8 Nov 2026"
    # Another month, as the calendar popup sets it.
    picker.setDate(QDate(2026, 6, 5))
    assert _monday(window) == date(2026, 6, 1)
    assert _week_label(window) == "Week 23 · 1 – 7 Jun 2026"
    assert row_texts(grid, 0)[2] == "5"
    assert picker.date() == QDate(2026, 6, 5)  # the picked day stays as picked


def test_weekends_and_holidays_are_shaded_and_holidays_named_in_tooltips(ctx, use_settings, open_window):
    make_contract(ctx)
    use_settings(language="sv")
    window = open_window(date(2026, 12, 23))  # Mon 21 – Sun 27 Dec 2026
    model = grid_of(window).model()
    plain = model.index(0, 1).data(BG)  # Tuesday 22
    assert model.index(0, 0).data(BG) == plain
    assert model.index(0, 4).data(BG) != plain  # Friday 25: Juldagen
    assert model.index(0, 5).data(BG) != plain  # Saturday
    assert model.index(0, 6).data(BG) != plain  # Sunday
    assert "Juldagen" in model.headerData(4, H, TIP)
    assert "Annandag jul" in model.headerData(5, H, TIP)
    assert model.headerData(4, H, TIP).startswith("fredag 25 december 2026")
    assert "Juldagen" in model.index(0, 4).data(TIP)
    assert model.headerData(1, H, TIP) == "tisdag 22 december 2026"
    window.close()

    use_settings(language="en")
    window = open_window(date(2026, 12, 23))
    model = grid_of(window).model()
    assert "Christmas Day" in model.headerData(4, H, TIP)
    assert "Juldagen" not in model.headerData(4, H, TIP)


@pytest.mark.parametrize(("country", "holiday"), [("NO", True), ("SE", False)])
def test_the_holiday_country_comes_from_settings(ctx, use_settings, open_window, country, holiday):
    make_contract(ctx)
    use_settings(language="en", holiday_country=country)
    window = open_window(date(2027, 5, 17))  # Monday 17 May 2027: Norway's Constitution Day
    model = grid_of(window).model()
    tip = model.headerData(0, H, TIP)
    assert ("Constitution Day" in tip) is holiday
    assert (model.index(0, 0).data(BG) != model.index(0, 1).data(BG)) is holiday


def test_typing_then_moving_weeks_shows_each_weeks_own_time(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    window = open_window(date(2026, 11, 25))
    grid = grid_of(window)
    type_into(qtbot, grid, 0, 0, "3")
    qtbot.keyClick(grid, Qt.Key.Key_Right, ALT)
    assert text_at(grid, 0, 0) == ""
    select(grid, 0, 0)
    type_into(qtbot, grid, 0, 0, "5")
    qtbot.keyClick(grid, Qt.Key.Key_Left, ALT)
    assert text_at(grid, 0, 0) == "3"
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 30)).minutes == 300
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 23) + timedelta(0)).minutes == 180
