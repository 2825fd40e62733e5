"""When sync rounds run, with the worker calls replaced (no server): one round at a time and exactly
one queued, offline retries that grow to five minutes, edits debounced into one round, bugs shown,
and nothing of the sync engine (requests, keyring) imported before the first paint."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.services.sheets import CellChange
from coapp.sync.account import SyncStatus
from coapp.ui.sync import calls, outcome
from coapp.ui.sync.calls import Outcome, Problem
from coapp.ui.sync.runner import AUTO_INTERVAL_MS
from coapp.ui.sync.status_widget import SyncStatusButton
from coapp.ui.sync.view import SyncView
from tests.conftest import make_contract
from tests.ui.conftest import WEEK_DAY

SIGNED_IN = SyncStatus("anna@example.com", "http://127.0.0.1:9", True, None, 0, 0, None, 0)
SIGNED_OUT = SyncStatus(None, None, False, None, 0, 0, None, 0)


class FakeCalls:
    """Stands in for the worker calls; counts rounds and can hold one until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, status: SyncStatus = SIGNED_IN) -> None:
        self.status = status
        self.rounds = 0
        self.statuses = 0
        self.gate = threading.Event()
        self.gate.set()
        self.answer: Outcome | None = None
        monkeypatch.setattr(calls, "run_round", self.run_round)
        monkeypatch.setattr(outcome, "status", self.read_status)

    def run_round(self, _holder: object) -> Outcome:
        self.rounds += 1
        assert self.gate.wait(10)
        return self.answer or Outcome(self.status)

    def read_status(self, _store: object, _tokens: object) -> Outcome:
        self.statuses += 1
        return Outcome(self.status)


def test_a_request_while_a_round_runs_queues_exactly_one_more(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_window
) -> None:
    fake = FakeCalls(monkeypatch)
    fake.gate.clear()
    window = open_window()
    runner = window.sync
    qtbot.waitUntil(lambda: fake.rounds == 1)  # signed in: the first round starts by itself
    assert runner.view.running
    assert window.account.status.text() == "Syncing…"
    for _ in range(3):
        runner.request_round()
    fake.gate.set()
    qtbot.waitUntil(lambda: fake.rounds == 2 and not runner.view.running)
    qtbot.wait(100)
    assert fake.rounds == 2
    assert runner._auto.isActive()
    assert runner._auto.interval() == AUTO_INTERVAL_MS == 5 * 60 * 1000


def test_offline_retries_wait_longer_each_time_up_to_five_minutes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_window
) -> None:
    fake = FakeCalls(monkeypatch)
    fake.answer = Outcome(
        SyncStatus("anna@example.com", "http://x", True, None, 3, 0, None, 0), Problem("offline", "form")
    )
    window = open_window()
    runner = window.sync
    waits = []
    for n in range(1, 8):
        qtbot.waitUntil(lambda n=n: fake.rounds == n and not runner.view.running)
        assert runner._retry.isActive()
        waits.append(runner._retry.interval() // 1000)
        runner._retry.stop()
        runner._retry.timeout.emit()  # the wait is over
    assert waits[:7] == [15, 30, 60, 120, 240, 300, 300]
    qtbot.waitUntil(lambda: fake.rounds == 8 and not runner.view.running)
    assert window.account.status.text() == "Offline – 3 changes waiting"

    fake.answer = None  # the network is back
    runner._retry.stop()
    runner.request_round()
    qtbot.waitUntil(lambda: fake.rounds == 9 and not runner.view.running)
    assert not runner.view.offline
    fake.answer = Outcome(SIGNED_IN, Problem("offline", "form"))
    runner.request_round()
    qtbot.waitUntil(lambda: fake.rounds == 10 and not runner.view.running)
    assert runner._retry.interval() == 15_000  # a success starts the ladder again


def test_a_burst_of_edits_makes_one_round_after_the_last(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, ctx: AppContext, open_window
) -> None:
    contract = make_contract(ctx)
    fake = FakeCalls(monkeypatch)
    window = open_window()
    runner = window.sync
    runner.local_change_delay_ms = 300
    qtbot.waitUntil(lambda: fake.rounds == 1 and not runner.view.running)
    monday = WEEK_DAY - timedelta(days=WEEK_DAY.weekday())
    for offset in range(3):  # the grid's own writes, on the GUI thread
        window.ctx.timesheet.apply([CellChange(contract.id, monday + timedelta(days=offset), 60, "")])
        qtbot.wait(50)
    assert fake.rounds == 1
    qtbot.waitUntil(lambda: fake.rounds == 2, timeout=3000)
    qtbot.wait(400)
    assert fake.rounds == 2
    assert fake.statuses >= 2  # the waiting count was read again after the edits


def test_edits_without_an_account_start_no_round(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, ctx: AppContext, open_window
) -> None:
    contract = make_contract(ctx)
    fake = FakeCalls(monkeypatch, SIGNED_OUT)
    window = open_window()
    window.sync.local_change_delay_ms = 50
    qtbot.waitUntil(lambda: window.sync.view.known)
    window.ctx.timesheet.apply([CellChange(contract.id, date(2026, 11, 23), 60, "")])
    qtbot.wait(200)
    assert fake.rounds == 0
    assert window.account.status.text() == "Not signed in – your work stays on this computer"


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("signed_out", "Signed out – sign in to sync"),  # the platform refused our tokens
        ("not_signed_in", "Not signed in – your work stays on this computer"),  # no tokens here
    ],
)
def test_a_round_without_a_session_says_why(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_window, kind: str, words: str
) -> None:
    fake = FakeCalls(monkeypatch)
    status = SyncStatus("anna@example.com", "http://127.0.0.1:9", False, None, 0, 0, None, 0)
    fake.answer = Outcome(status, Problem(kind, "form"))
    window = open_window()
    qtbot.waitUntil(lambda: fake.rounds == 1 and not window.sync.view.running)
    assert window.account.status.text() == words


def test_a_bug_in_a_round_is_shown_not_swallowed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_window
) -> None:
    FakeCalls(monkeypatch)
    seen: list[BaseException] = []

    def broken(_holder: object) -> Outcome:
        raise RuntimeError("a bug")

    monkeypatch.setattr(calls, "run_round", broken)
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: seen.append(value))
    window = open_window()
    qtbot.waitUntil(lambda: bool(seen))
    assert str(seen[0]) == "a bug"
    assert not window.sync.view.running
    assert window.account.status.text() == "Sync failed – click to try again"


def test_the_network_coming_back_syncs_at_once_when_offline(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_window
) -> None:
    from PySide6.QtNetwork import QNetworkInformation

    fake = FakeCalls(monkeypatch)
    fake.answer = Outcome(SIGNED_IN, Problem("offline", "form"))
    window = open_window()
    runner = window.sync
    qtbot.waitUntil(lambda: fake.rounds == 1 and not runner.view.running)
    assert runner.view.offline
    assert runner._network_watched  # from the first signed-in status on
    fake.answer = None
    runner._reachability_changed(QNetworkInformation.Reachability.Online)
    qtbot.waitUntil(lambda: fake.rounds == 2 and not runner.view.running)
    assert not runner.view.offline
    runner._reachability_changed(QNetworkInformation.Reachability.Online)  # online already: no round
    qtbot.wait(100)
    assert fake.rounds == 2


# --- the status text ---------------------------------------------------------------------------


def _button(qtbot: QtBot, view: SyncView) -> SyncStatusButton:
    button = SyncStatusButton()
    qtbot.addWidget(button)
    button.show_view(view)
    return button


def test_the_status_ages_every_minute(qtbot: QtBot) -> None:
    synced = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    view = SyncView(known=True, signed_in=True, email="a@example.com", last_synced_at=synced)
    button = _button(qtbot, view)
    button.now = lambda: synced + timedelta(seconds=30)
    button.show_view(view)
    assert button.text() == "Synced just now"
    assert button.accessibleName() == "Sync status"
    assert button.accessibleDescription() == "Synced just now"
    button.now = lambda: synced + timedelta(minutes=2, seconds=5)
    button._ticker.timeout.emit()  # the minute tick
    assert button.text() == "Synced 2 min ago"
    assert button._ticker.interval() == 60_000
    button.show_view(view.but(waiting=1))
    assert button.text() == "Synced 2 min ago – 1 change waiting"


@pytest.mark.parametrize(
    ("view", "english"),
    [
        (SyncView(known=True, signed_in=True, refused=1), "1 change was refused"),
        (SyncView(known=True, signed_in=True, refused=3), "3 changes were refused"),
        (SyncView(known=True, signed_in=True, offline=True, waiting=1), "Offline – 1 change waiting"),
        (SyncView(known=True, signed_in=True, offline=True, waiting=3), "Offline – 3 changes waiting"),
        (SyncView(known=True, signed_in=True, offline=True), "Offline – nothing waiting"),
        (SyncView(known=True, session_ended=True, email="a@example.com"), "Signed out – sign in to sync"),
        (SyncView(known=True), "Not signed in – your work stays on this computer"),
        (SyncView(known=True, signed_in=True, running=True), "Syncing…"),
    ],
)
def test_status_words(qtbot: QtBot, view: SyncView, english: str) -> None:
    assert _button(qtbot, view).text() == english


def test_status_words_in_swedish_with_plural_forms(qtbot: QtBot) -> None:
    from coapp.ui.i18n import install_translator

    assert install_translator("sv")
    button = _button(qtbot, SyncView(known=True, signed_in=True, refused=1))
    assert button.text() == "1 ändring avvisades"
    button.show_view(SyncView(known=True, signed_in=True, refused=2))
    assert button.text() == "2 ändringar avvisades"
    button.show_view(SyncView(known=True, signed_in=True, offline=True, waiting=1))
    assert button.text() == "Offline – 1 ändring väntar"
    button.show_view(SyncView(known=True, signed_in=True, offline=True, waiting=4))
    assert button.text() == "Offline – 4 ändringar väntar"
    button.show_view(SyncView(known=True))
    assert button.text() == "Inte inloggad – ditt arbete finns kvar på den här datorn"


def test_a_click_does_what_the_status_says(qtbot: QtBot) -> None:
    button = _button(qtbot, SyncView(known=True, signed_in=True, refused=1))
    with qtbot.waitSignal(button.refusedRequested, timeout=1000):
        button.click()
    button.show_view(SyncView(known=True, session_ended=True))
    with qtbot.waitSignal(button.signInRequested, timeout=1000):
        button.click()
    button.show_view(SyncView(known=True, signed_in=True))
    with qtbot.waitSignal(button.syncRequested, timeout=1000):
        button.click()


# --- start-up ----------------------------------------------------------------------------------


def test_the_first_paint_loads_no_sync_code(ctx: AppContext) -> None:
    ctx.close()
    script = f"""
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from coapp.app import show_main_window
window = show_main_window({str(ctx.paths.data_dir)!r})
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            loaded = sorted(m for m in ("requests", "keyring", "pydantic", "coapp.sync", "PySide6.QtNetwork")
                            if m in sys.modules)
            print(json.dumps({{"loaded": loaded, "status": window.account.status.isVisible()}}))
            QApplication.exit(0)
        return False
watch = Watch()
window.installEventFilter(watch)
QApplication.exec()
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"loaded": [], "status": False}


def test_a_device_never_signed_in_reads_its_status_without_the_sync_engine(ctx: AppContext) -> None:
    """The status bar's first read (counts, no account) loads neither requests, the keyring,
    pydantic nor QtNetwork: some 30 MiB a device that has never signed in would carry for nothing."""
    ctx.timesheet.apply([CellChange(make_contract(ctx).id, WEEK_DAY, 60, "")])
    ctx.close()
    script = f"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from coapp.app import show_main_window
window = show_main_window({str(ctx.paths.data_dir)!r})
def check():
    if window.sync.view.known:
        engine = ("requests", "keyring", "pydantic", "PySide6.QtNetwork")
        loaded = sorted(m for m in engine if m in sys.modules)
        print(json.dumps({{"loaded": loaded, "status": window.account.status.text()}}))
        QApplication.exit(0)
    else:
        QTimer.singleShot(10, check)
QTimer.singleShot(10, check)
QTimer.singleShot(30_000, lambda: QApplication.exit(1))
QApplication.exec()
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    answer = json.loads(out.stdout.strip().splitlines()[-1])
    assert answer["loaded"] == []
    assert answer["status"] == "Not signed in – your work stays on this computer"


def test_the_light_status_names_every_entity_a_round_pushes() -> None:
    from coapp.sync.entities import ENTITIES
    from coapp.sync.entity_names import PUSHED_ENTITIES

    assert tuple(ENTITIES) == PUSHED_ENTITIES
