"""The tray's menu drives the window's own timer, quick add, open and sync; closing the window can
leave the app in the tray (a preference), said once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication

from coapp.ui.desktop.tray import DesktopTray
from tests.conftest import make_contract

# Offscreen Qt cannot raise a window; the window system does that for a real tray.
OFFSCREEN = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
STARTS = ["Start Frontend (Beta AB)", "Start Backend (Acme AB)"]


def _today() -> date:
    return datetime.now(ZoneInfo("Europe/Stockholm")).date()  # the settings' default zone


def _two_contracts(ctx):
    """Two contracts running whatever day the tests run; Frontend was used last."""
    back = make_contract(ctx, "Backend", start_date=date(2000, 1, 1), end_date=None)
    front = make_contract(ctx, "Frontend", client_name="Beta AB", start_date=date(2000, 1, 1), end_date=None)
    ctx.timesheet.set_time(back.id, _today() - timedelta(days=9), 60)
    ctx.timesheet.set_time(front.id, _today() - timedelta(days=2), 60)
    return back, front


def _shown_menu(tray: DesktopTray) -> None:
    tray.menu.aboutToShow.emit()  # what opening the menu does, without a window system


def test_the_menu_starts_and_stops_the_recent_contracts(qtbot, ctx, open_window) -> None:
    back, front = _two_contracts(ctx)
    make_contract(ctx, "Old", start_date=date(2000, 1, 1), end_date=date(2001, 1, 1))
    window = open_window()
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    tray = window.desktop.tray
    _shown_menu(tray)
    assert [a.text() for a in tray.contract_actions] == STARTS
    assert [a.data() for a in tray.contract_actions] == [front.id, back.id]
    assert tray.status_action.text() == "No timer is running"
    assert not tray.stop_action.isVisible()

    tray.contract_actions[1].trigger()

    assert ctx.timers.running().contract.id == back.id
    assert tray.status_action.text().startswith("Timer 0:00:0")
    assert "Backend" in tray.status_action.text()
    assert window.timer_status.text() == tray.status_action.text()  # the window's own timer
    assert tray.stop_action.isVisible()
    assert tray.contract_actions[0].text() == "Stop Backend (Acme AB)"  # used last now

    tray.contract_actions[1].trigger()  # another contract: the timer switches
    assert ctx.timers.running().contract.id == front.id
    tray.stop_action.trigger()
    assert ctx.timers.running() is None
    assert tray.status_action.text() == "No timer is running"
    assert not tray.stop_action.isVisible()
    assert [a.text() for a in tray.contract_actions] == STARTS


@OFFSCREEN
def test_quick_add_opens_todays_cell_of_the_contract_used_last(qtbot, ctx, open_window) -> None:
    _back, front = _two_contracts(ctx)
    window = open_window(day=date(2026, 11, 25), screen="dashboardTab")
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    window.hide()
    tray = window.desktop.tray
    _shown_menu(tray)
    tray.quick_add_action.trigger()
    assert window.isVisible()
    assert window.stack.currentWidget() is window.timesheet
    grid = window.timesheet.grid
    model = grid.model()
    assert model.contract_id(grid.currentIndex().row()) == front.id
    assert model.day(grid.currentIndex().column()) == _today()


@OFFSCREEN
def test_open_and_sync_now_use_the_windows_own(qtbot, ctx, open_window, monkeypatch) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    tray = window.desktop.tray
    window.hide()
    tray.open_action.trigger()
    assert window.isVisible()
    rounds: list[str] = []
    monkeypatch.setattr(window.account, "sync_now", lambda: rounds.append("round"))
    tray.sync_action.trigger()
    assert rounds == ["round"]


def close_button(window) -> None:
    """What the window's close button does: a close event from the window system."""
    QCoreApplication.sendEvent(window.windowHandle(), QCloseEvent())


@pytest.fixture
def in_tray(monkeypatch) -> list[tuple[str, str]]:
    """A system tray present (the offscreen platform has none); its notifications recorded."""
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(DesktopTray, "in_tray", lambda self: True)
    monkeypatch.setattr(
        DesktopTray, "notify", lambda self, title, text, icon=None: told.append((title, text))
    )
    yield told
    QApplication.setQuitOnLastWindowClosed(True)


@OFFSCREEN
def test_closing_leaves_the_app_in_the_tray_and_says_so_once(qtbot, ctx, use_settings, open_window, in_tray):
    use_settings(close_to_tray=True)
    window = open_window()
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    close_button(window)
    assert not window.isVisible()
    assert not window.closing  # still running: the store open, the timer going
    assert not QApplication.quitOnLastWindowClosed()
    assert len(in_tray) == 1
    assert "still running" in in_tray[0][0]

    window.desktop.tray.open_action.trigger()
    close_button(window)
    assert not window.isVisible()
    assert len(in_tray) == 1  # said once, and not again after a restart either

    quits: list[str] = []
    window.desktop.tray._quit_app = lambda: quits.append("quit")
    window.desktop.tray.quit_action.trigger()
    assert window.closing
    assert quits == ["quit"]  # the window was hidden: the app is told to end
    assert QApplication.quitOnLastWindowClosed()


def test_file_quit_and_close_without_the_preference_end_the_app(qtbot, ctx, open_window, in_tray):
    window = open_window()
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    close_button(window)
    assert window.closing  # the preference is off by default
    assert in_tray == []


def test_file_quit_ends_the_app_even_with_the_preference(qtbot, ctx, use_settings, open_window, in_tray):
    use_settings(close_to_tray=True)
    window = open_window()
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    quit_action = next(a for a in window.menuBar().actions()[0].menu().actions() if "Quit" in a.text())
    quit_action.trigger()
    assert window.closing
    assert in_tray == []


def test_without_a_tray_closing_quits_as_before(qtbot, ctx, use_settings, open_window) -> None:
    use_settings(close_to_tray=True)
    window = open_window()
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    assert window.desktop.tray.icon is None  # offscreen: no system tray
    close_button(window)
    assert window.closing


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints", r"systemTrayWindowChanged")
def test_one_icon_for_the_app_and_clicks_go_to_who_spoke(qtbot, ctx, open_window, monkeypatch) -> None:
    """Where there is a tray, the notices' messages come from the same icon (not a second one),
    and a click on a message reaches whoever showed it."""
    monkeypatch.setattr(DesktopTray, "available", staticmethod(lambda: True))
    window = open_window()
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    tray = window.desktop.tray
    assert tray.icon is not None
    notifier = window.notices.notifier
    assert notifier._tray is tray.icon  # the notifier makes no second icon
    told: list[str] = []
    monkeypatch.setattr(notifier, "clicked", lambda: told.append("notices"))
    tray.messageClicked.connect(lambda: told.append("tray"))

    tray.icon.showMessage("coapp", "New strong match")  # as the notifier does
    tray.icon.messageClicked.emit()
    assert tray.notify("coapp reminder", "Report your week")
    tray.icon.messageClicked.emit()
    assert told == ["notices", "tray"]
    assert "No timer is running" in tray.icon.toolTip()
    tray.shutdown()


@OFFSCREEN
def test_a_close_the_app_makes_itself_closes_for_real(qtbot, ctx, use_settings, open_window, in_tray):
    """A window rebuilt in another language (or on a restored backup) closes the old one from code:
    that one must end, not hide in the tray with its sync still running."""
    use_settings(close_to_tray=True)
    window = open_window()
    window.close()
    assert window.closing
    assert in_tray == []


@OFFSCREEN
def test_turning_the_preference_off_after_hiding_lets_the_app_end(
    qtbot, ctx, use_settings, open_window, in_tray
):
    use_settings(close_to_tray=True)
    window = open_window()
    close_button(window)
    assert not QApplication.quitOnLastWindowClosed()
    window.desktop.tray.open_action.trigger()
    window.state.save_settings(window.state.settings.with_changes(close_to_tray=False))
    close_button(window)
    assert window.closing
    assert QApplication.quitOnLastWindowClosed()  # the last window closed: Qt ends the app
