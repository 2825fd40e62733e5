"""Reminders in the running window with a fake clock: told in the tray and the status bar at the
chosen time, once; a click on the notification opens the screen that deals with it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from coapp.ui.desktop.tray import DesktopTray
from tests.conftest import make_contract

OFFSCREEN = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


class Clock:
    def __init__(self, *args: int) -> None:
        self.now = datetime(*args, tzinfo=ZoneInfo("Europe/Stockholm")).astimezone(UTC)  # type: ignore[misc]

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def notes(monkeypatch) -> list[tuple[str, str]]:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        DesktopTray, "notify", lambda self, title, text, icon=None: told.append((title, text)) or True
    )
    return told


@OFFSCREEN
def test_a_reminder_is_told_once_and_opens_the_timesheet(qtbot, ctx, use_settings, open_window, notes):
    use_settings(language="en")
    c = make_contract(ctx, "Backend")
    for day in (16, 17, 18, 19, 20, 23, 24):
        ctx.timesheet.set_time(c.id, date(2026, 11, day), 60)
    window = open_window(screen="dashboardTab")
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    runner = window.desktop.reminders
    runner._clock = Clock(2026, 11, 25, 16, 0)
    assert runner.check() == []  # before 16:30
    runner._clock.now = Clock(2026, 11, 25, 16, 31).now
    runner._service = None  # the clock is read through the service

    told = runner.check()

    assert [text for _, text in told] == ["No time reported on Wed 25 Nov (Backend)."]
    assert notes == [("coapp reminder", "No time reported on Wed 25 Nov (Backend).")]
    assert "No time reported on Wed 25 Nov" in window.statusBar().currentMessage()
    assert runner.check() == []  # once a day
    assert len(notes) == 1

    window.hide()
    window.desktop.tray.messageClicked.emit()
    assert window.isVisible()
    assert window.stack.currentWidget() is window.timesheet


@OFFSCREEN
def test_drafts_open_the_invoices_and_many_days_are_counted(qtbot, ctx, use_settings, open_window, notes):
    use_settings(language="en", reminder_time="08:00")
    c = make_contract(ctx, "Backend")
    ctx.timesheet.set_time(c.id, date(2026, 11, 2), 60)
    ctx.drafts.create(c.id, date(2026, 11, 2), date(2026, 11, 8), today=date(2026, 11, 9))
    window = open_window(screen="dashboardTab")
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    runner = window.desktop.reminders
    runner._clock = Clock(2026, 11, 27, 9, 0)  # a Friday: the week closes too
    texts = [text for _, text in runner.check()]
    assert texts[0] == "No time reported on 10 working days since Mon 16 Nov (Backend)."
    assert texts[1:] == [
        "Report your week: today is its last working day.",
        "1 invoice waits for your confirmation.",
    ]
    runner.last = runner.last[2:]  # as if only the drafts had been told
    window.desktop.tray.messageClicked.emit()
    assert window.stack.currentWidget() is window.invoices_slot


def test_reminders_off_tell_nothing(qtbot, ctx, use_settings, open_window, notes):
    use_settings(reminders=False)
    make_contract(ctx, "Backend")
    window = open_window()
    qtbot.waitUntil(lambda: window.state.ready)  # the store opens on a worker
    window.desktop.reminders._clock = Clock(2026, 11, 25, 17, 0)
    assert window.desktop.reminders.check() == []
    assert notes == []


@OFFSCREEN
@pytest.mark.parametrize(
    ("count", "text"),
    [(1, "1 invoice waits for your confirmation."), (3, "3 invoices wait for your confirmation.")],
)
def test_the_drafts_reminder_agrees_with_its_count(qtbot, use_settings, open_window, count, text):
    from coapp.services.reminders import Reminder, ReminderKind

    use_settings(language="en")
    window = open_window(screen="dashboardTab")
    qtbot.waitUntil(lambda: window.state.ready)
    reminder = Reminder(ReminderKind.DRAFTS, "drafts", count=count)
    assert window.desktop.reminders.describe(reminder) == text
