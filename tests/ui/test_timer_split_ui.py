"""A timer left running after its contract ended: stopping it in the window records the days up to
the contract's last day, drops the rest and says so (before, it could only be discarded)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.conftest import make_contract
from tests.ui.helpers import message

STHLM = ZoneInfo("Europe/Stockholm")  # the settings' default zone


def test_stopping_a_timer_past_the_end_records_the_valid_part(qtbot, ctx, open_window) -> None:
    today = datetime.now(STHLM).date()
    last = today - timedelta(days=2)
    contract = make_contract(ctx, "Ended", start_date=date(2000, 1, 1), end_date=last)
    evening = datetime.combine(last, time(20, 0), STHLM).astimezone(UTC)
    ctx.timers.start(contract.id, "Europe/Stockholm", now=evening)
    window = open_window(day=last)

    qtbot.mouseClick(window.findChild(QPushButton, "timerButton"), Qt.MouseButton.LeftButton)

    assert ctx.timers.running() is None
    assert ctx.timesheet.cell(contract.id, last).minutes == 240  # 20:00 to midnight
    assert ctx.timesheet.cell(contract.id, last + timedelta(days=1)).minutes == 0
    text = message(window)
    assert "4:00 h added to Ended up to its last day" in text
    assert last.isoformat() in text
    assert "were not recorded" in text
    # The recorded part is one undo step, like any other stop.
    window.undo_stack.undo()
    assert ctx.timesheet.cell(contract.id, last).minutes == 0


def test_starting_another_contract_says_what_was_dropped(qtbot, ctx, open_window) -> None:
    today = datetime.now(STHLM).date()
    last = today - timedelta(days=2)
    ended = make_contract(ctx, "Ended", start_date=date(2000, 1, 1), end_date=last)
    other = make_contract(ctx, "Other", start_date=date(2000, 1, 1), end_date=None)
    evening = datetime.combine(last, time(22, 30), STHLM).astimezone(UTC)
    ctx.timers.start(ended.id, "Europe/Stockholm", now=evening)
    window = open_window(day=last)

    window.timesheet.timer.start(other.id)

    assert ctx.timers.running().contract.id == other.id
    assert ctx.timesheet.cell(ended.id, last).minutes == 90
    assert "1:30 h added to Ended up to its last day" in message(window)
    assert "Other" in window.timer_status.text()
