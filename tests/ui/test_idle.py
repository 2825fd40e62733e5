"""Time away while a timer runs: the tracker's arithmetic over fake readings and a fake clock, and
the window's three choices (keep, drop, drop and stop) with a fake idle source."""

from __future__ import annotations

import ctypes.util
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from coapp.ui.desktop.idle_sources import NoIdleSource, parse_ioreg, system_idle_source
from coapp.ui.desktop.idle_tracker import IdleReading, IdleTracker
from tests.conftest import make_contract
from tests.ui.helpers import message

TICK = timedelta(seconds=30)
T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def test_back_after_25_minutes_away() -> None:
    tracker = IdleTracker(TICK)
    assert tracker.tick(T0, IdleReading(0), 10, T0) == 0
    assert tracker.tick(T0 + 12 * TICK, IdleReading(360), 10, T0) == 0  # 6 min: not yet away
    assert tracker.tick(T0 + 40 * TICK, IdleReading(1200), 10, T0) == 0  # away since 10:00 - 20 min
    # Back: the last input 10 s before this tick, 25 min 30 s after the last one before.
    assert tracker.tick(T0 + 51 * TICK, IdleReading(10), 10, T0) == 25
    assert tracker.tick(T0 + 52 * TICK, IdleReading(0), 10, T0) == 0  # told once


def test_a_short_absence_is_not_asked_about() -> None:
    tracker = IdleTracker(TICK)
    tracker.tick(T0, IdleReading(0), 10, T0)
    assert tracker.tick(T0 + 20 * TICK, IdleReading(600), 10, T0) == 0
    # Back after exactly 10 min 20 s of no input, but the threshold is 15.
    assert tracker.tick(T0 + 21 * TICK, IdleReading(0), 15, T0) == 0


def test_a_suspend_is_time_away_even_without_an_idle_source() -> None:
    tracker = IdleTracker(TICK)
    tracker.tick(T0, IdleReading(None), 10, T0)
    assert tracker.tick(T0 + TICK, IdleReading(None), 10, T0) == 0
    # The next tick runs 47 minutes later: the machine slept from the last tick on.
    assert tracker.tick(T0 + TICK + timedelta(minutes=47), IdleReading(None), 10, T0) == 47
    # A tick a little late is no suspend.
    assert tracker.tick(T0 + TICK + timedelta(minutes=48, seconds=20), IdleReading(None), 10, T0) == 0


def test_a_locked_screen_is_away_whatever_the_input_says() -> None:
    tracker = IdleTracker(TICK)
    tracker.tick(T0, IdleReading(0), 10, T0)
    assert tracker.tick(T0 + TICK, IdleReading(0, locked=True), 10, T0) == 0
    assert tracker.tick(T0 + 30 * TICK, IdleReading(2, locked=True), 10, T0) == 0
    assert tracker.tick(T0 + 31 * TICK, IdleReading(0), 10, T0) == 15


def test_time_before_the_timer_started_is_not_its_time() -> None:
    tracker = IdleTracker(TICK)
    started = T0 + timedelta(minutes=5)
    assert tracker.tick(T0 + timedelta(minutes=30), IdleReading(1800), 10, started) == 0
    assert tracker.tick(T0 + timedelta(minutes=30, seconds=30), IdleReading(0), 10, started) == 25


@given(
    away=st.integers(min_value=0, max_value=8 * 3600),
    threshold=st.integers(min_value=1, max_value=60),
    ticks=st.integers(min_value=1, max_value=60),
    late=st.integers(min_value=0, max_value=29),
)
def test_the_minutes_are_exact(away: int, threshold: int, ticks: int, late: int) -> None:
    """Whatever the ticks, the minutes told are the whole minutes without input (or nothing)."""
    tracker = IdleTracker(TICK)
    last_input = T0
    tracker.tick(T0, IdleReading(0), threshold, T0)
    now = T0
    while now + TICK * ticks < last_input + timedelta(seconds=away):
        now += TICK * ticks
        assert tracker.tick(now, IdleReading(int((now - last_input).total_seconds())), threshold, T0) == 0
    back = last_input + timedelta(seconds=away)
    now = max(now, back) + timedelta(seconds=late)
    told = tracker.tick(now, IdleReading(late), threshold, T0)
    expected = away // 60 if away // 60 >= threshold else 0
    # A suspend-sized gap between ticks also counts as away; the readings here never lie, so the
    # minutes are the same either way.
    assert told == expected


def test_ioreg_output_is_read_in_seconds() -> None:
    assert parse_ioreg('    |   "HIDIdleTime" = 125000000000\n') == 125
    assert parse_ioreg("nothing here") is None


def test_an_unknown_platform_has_no_source() -> None:
    assert isinstance(system_idle_source("offscreen").read(), IdleReading)


# --- the window ------------------------------------------------------------------------------


class FakeSource:
    def __init__(self) -> None:
        self.reading = IdleReading(0)

    def read(self) -> IdleReading:
        return self.reading


@pytest.fixture
def running(ctx, open_window):
    """The window with a timer that started 90 minutes ago, a fake idle source and clock."""
    contract = make_contract(ctx, "Backend", start_date=date(2000, 1, 1), end_date=None)
    started = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=90)
    ctx.timers.start(contract.id, "Europe/Stockholm", now=started)
    window = open_window()
    watcher = window.desktop.idle
    watcher.source = FakeSource()
    now = [datetime.now(UTC)]
    watcher.clock = lambda: now[0]
    return window, watcher, now, started, contract


def _back_after_25_minutes(watcher, now):
    watcher.source.reading = IdleReading(1500)
    assert watcher.tick() is None
    now[0] += timedelta(seconds=30)
    watcher.source.reading = IdleReading(0)
    dialog = watcher.tick()
    assert dialog is not None
    assert dialog.objectName() == "idleDialog"
    assert dialog.minutes == 25
    assert "25 min" in dialog.drop.text()
    return dialog


def test_keep_the_time(qtbot, ctx, running) -> None:
    _window, watcher, now, started, _ = running
    dialog = _back_after_25_minutes(watcher, now)
    assert watcher.tick() is None  # one question at a time
    dialog.keep.click()
    assert ctx.timers.running().started_at == started
    assert watcher.dialog is None


def test_escape_keeps_the_time(qtbot, ctx, running) -> None:
    _window, watcher, now, started, _ = running
    dialog = _back_after_25_minutes(watcher, now)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert ctx.timers.running().started_at == started


def test_drop_the_idle_time(qtbot, ctx, running) -> None:
    window, watcher, now, started, _ = running
    dialog = _back_after_25_minutes(watcher, now)
    dialog.drop.click()
    state = ctx.timers.running()
    assert state.started_at == started + timedelta(minutes=25)  # exactly, in whole minutes
    assert window.timesheet.timer.state == state  # the window shows the shorter time at once
    assert "25 min away were taken off the timer" in message(window)


def test_drop_and_stop(qtbot, ctx, running) -> None:
    _window, watcher, now, _started, contract = running
    dialog = _back_after_25_minutes(watcher, now)
    dialog.drop_stop.click()
    assert ctx.timers.running() is None
    today = date.today()
    entries = ctx.timesheet.entries_between(today - timedelta(days=2), today + timedelta(days=1))
    recorded = sum(minutes for cid, _day, minutes, _note in entries if cid == contract.id)
    assert recorded == 90 - 25


def test_a_suspend_asks_too(qtbot, ctx, running) -> None:
    _window, watcher, now, _started, _ = running
    watcher.source = NoIdleSource()
    assert watcher.tick() is None
    now[0] += timedelta(minutes=33)
    dialog = watcher.tick()
    assert dialog is not None
    assert dialog.minutes == 33
    dialog.keep.click()


def test_never_asked_when_the_preference_says_so(qtbot, ctx, use_settings, running) -> None:
    window, watcher, now, _started, _ = running
    window.state.save_settings(window.state.settings.with_changes(idle_minutes=0))
    watcher.source.reading = IdleReading(3000)
    assert watcher.tick() is None
    now[0] += timedelta(seconds=30)
    watcher.source.reading = IdleReading(0)
    assert watcher.tick() is None


@pytest.mark.skipif(
    not (shutil.which("xvfb-run") and ctypes.util.find_library("Xss")), reason="needs Xvfb and libXss"
)
def test_the_x11_source_reads_a_real_display() -> None:
    """On a virtual X display nobody touches, the idle time grows with the wall clock."""
    code = (
        "import time; from coapp.ui.desktop.idle_sources import X11IdleSource as S; s = S(); "
        "a = s.read().seconds; time.sleep(2.1); b = s.read().seconds; print(a, b)"
    )
    out = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout.split()
    first, second = int(out[-2]), int(out[-1])
    assert second - first >= 2
