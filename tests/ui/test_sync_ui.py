"""The account and sync GUI against the real reference server on 127.0.0.1 (port 0): sign in through
the dialog, the status bar's words, offline edits that wait and sync on F5, refused changes.

The server runs on SQLite here: what these tests check is the GUI; the server's behaviour on
PostgreSQL is covered by tests/coserver and tests/sync.
"""

# The server fixtures are imported into this module (tests/ui/conftest.py does not offer them), so
# their names come back as test parameters:
# ruff: noqa: F811

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from coapp.sync.credentials import Tokens
from coapp.ui.sync.refused_dialog import RefusedChangesDialog
from coserver.platform import change_contract
from tests.coserver.conftest import server, start_server  # noqa: F401 - pytest fixtures
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer
from tests.sync.fault_proxy import FaultProxy
from tests.ui.helpers import grid_of, select, type_text
from tests.ui.sync_helpers import db_url, fast_sync, sign_in, status_text, wait_idle, wait_status  # noqa: F401 - pytest fixtures

pytestmark = pytest.mark.usefixtures("fast_sync")

DAY = date(2026, 3, 2)  # a Monday inside the server's demo contract (2026-01-01 … 2026-06-30)
LATE = date(2026, 6, 29)


@pytest.fixture
def proxy(server: LiveServer) -> Iterator[FaultProxy]:
    port = int(server.url.rsplit(":", 1)[1])
    with FaultProxy("127.0.0.1", port, seed=1) as p:
        yield p


def _contract_row(window) -> int:  # type: ignore[no-untyped-def]
    model = window.timesheet.controller.model
    for row in range(model.rowCount()):
        if model.contract_id(row) is not None:
            return row
    raise AssertionError("no contract row in the grid")


def test_sign_in_pulls_the_platforms_contract_into_the_grid(
    qtbot: QtBot, server: LiveServer, open_window
) -> None:
    freelancer(server)
    window = open_window(DAY)
    wait_status(qtbot, window, "Not signed in – your work stays on this computer")
    assert window.account.email_action.text() == "Not signed in"

    sign_in(qtbot, window, server.url)

    assert status_text(window) == "Synced just now"
    assert window.account.email_action.text() == "Signed in as anna@example.com"
    assert window.account.sign_out_action.isVisible()
    assert not window.account.sign_in_action.isVisible()
    # The contract arrived in the pull, and the open week shows its row without a restart.
    qtbot.waitUntil(lambda: window.timesheet.controller.model.rowCount() > 1)
    _contract_row(window)
    # The memory-only token store's warning is said once, in the status bar.
    assert "keyring" in window.statusBar().currentMessage()


def test_an_offline_edit_waits_and_f5_sends_it_when_the_network_is_back(
    qtbot: QtBot, server: LiveServer, proxy: FaultProxy, open_window
) -> None:
    anna = freelancer(server)
    window = open_window(DAY)
    window.sync.offline_retry_seconds = (60,)  # no automatic retry during the test: F5 does it
    window.sync.local_change_delay_ms = 100
    sign_in(qtbot, window, proxy.url)

    proxy.go_offline()
    grid = grid_of(window)
    select(grid, _contract_row(window), 0)
    type_text(qtbot, grid, "2")
    wait_status(qtbot, window, "Offline – 1 change waiting")
    assert window.sync.view.offline

    proxy.go_online()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    wait_status(qtbot, window, "Synced just now")
    assert window.sync.view.waiting == 0

    # Another device sees the entry.
    changes, _ = anna.pull_all()
    entries = [c["row"] for c in changes if c["entity"] == "time_entry"]
    assert [(e["work_date"], e["minutes"]) for e in entries] == [(DAY.isoformat(), 120)]


def test_a_refused_change_is_listed_and_retry_and_discard_work(
    qtbot: QtBot, server: LiveServer, open_window
) -> None:
    anna = freelancer(server)
    window = open_window(LATE)
    sign_in(qtbot, window, server.url)
    row = _contract_row(window)
    grid = grid_of(window)
    window.sync.local_change_delay_ms = 60_000  # this test decides when rounds run
    select(grid, row, 0)  # Monday 29 June
    type_text(qtbot, grid, "1")
    select(grid, row, 1)  # Tuesday 30 June
    type_text(qtbot, grid, "2")
    with database(server) as session:  # the platform ends the contract meanwhile
        change_contract(session, anna.contract_id, end_date=date(2026, 6, 28))
    qtbot.keyClick(window, Qt.Key.Key_F5)
    wait_status(qtbot, window, "2 changes were refused")

    qtbot.mouseClick(window.account.status, Qt.MouseButton.LeftButton)
    dialog = window.findChild(RefusedChangesDialog, "refusedChangesDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert [c.label for c in dialog.changes] == sorted(c.label for c in dialog.changes)
    assert {c.code for c in dialog.changes} == {"outside_contract"}
    assert dialog.tree.topLevelItemCount() == 2
    assert "outside the contract" in dialog.reason.text()
    assert dialog.advice.text().startswith("What to do: Move the time")

    # Discard asks first; Cancel keeps the change.
    box = dialog.discard()
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.tree.topLevelItemCount() == 2
    first = dialog.current()
    assert first is not None
    box = dialog.discard()
    assert box is not None
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1)
    assert "was discarded" in dialog.result_label.text()
    wait_status(qtbot, window, "1 change was refused")

    # The platform extends the contract again; Retry sends the other change and it lands.
    with database(server) as session:
        change_contract(session, anna.contract_id, end_date=date(2026, 6, 30))
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItemCount() == 0
    assert dialog.empty.isVisible()
    wait_status(qtbot, window, "Synced just now")
    changes, _ = anna.pull_all()
    live = [c["row"] for c in changes if c["entity"] == "time_entry" and not c["row"].get("deleted_at")]
    assert len(live) == 1
    assert live[0]["minutes"] in (60, 120)
    assert live[0]["work_date"] != first.fields.get("work_date")  # the discarded one never landed

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_keep_a_copy_writes_the_change_into_the_data_folder(
    qtbot: QtBot, server: LiveServer, open_window, data_dir: Path
) -> None:
    anna = freelancer(server)
    window = open_window(LATE)
    sign_in(qtbot, window, server.url)
    window.sync.local_change_delay_ms = 60_000
    grid = grid_of(window)
    select(grid, _contract_row(window), 0)
    type_text(qtbot, grid, "3")
    with database(server) as session:
        change_contract(session, anna.contract_id, end_date=date(2026, 6, 28))
    qtbot.keyClick(window, Qt.Key.Key_F5)
    wait_status(qtbot, window, "1 change was refused")
    dialog = window.account.open_refused()
    path = dialog.keep_copy()
    assert path is not None
    assert path.parent == data_dir / "kept changes"
    assert '"minutes": 180' in path.read_text(encoding="utf-8")
    assert str(path) in dialog.result_label.text()
    wait_status(qtbot, window, "Synced")


def test_an_ended_session_says_sign_in_and_sign_out_clears_the_status(
    qtbot: QtBot, server: LiveServer, open_window
) -> None:
    freelancer(server)
    window = open_window(DAY)
    sign_in(qtbot, window, server.url)
    client = window.sync.client
    assert client is not None
    api = client.api()
    assert api is not None
    client.tokens.save(api.account, Tokens("coa_unknown", "cor_unknown"))  # revoked elsewhere
    qtbot.keyClick(window, Qt.Key.Key_F5)
    wait_status(qtbot, window, "Signed out – sign in to sync")

    # A click on the status opens the sign-in dialog with the account filled in.
    qtbot.mouseClick(window.account.status, Qt.MouseButton.LeftButton)
    dialog = window.account.sign_in_dialog
    assert dialog is not None
    assert dialog.email.text() == "anna@example.com"
    assert dialog.server.text() == server.url
    dialog.reject()

    sign_in(qtbot, window, server.url)
    window.account.sign_out_action.trigger()
    wait_status(qtbot, window, "Not signed in – your work stays on this computer")
    wait_idle(qtbot, window)
    assert window.account.sign_in_action.isVisible()
    qtbot.waitUntil(lambda: client.api() is None)  # the tokens are gone


def test_f5_without_an_account_opens_the_sign_in_dialog(qtbot: QtBot, open_window) -> None:
    window = open_window()
    wait_idle(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.account.sign_in_dialog is not None)
    dialog = window.account.sign_in_dialog
    assert dialog is not None
    assert dialog.server.text() == "http://127.0.0.1:8000"  # the demo platform on this computer
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.account.sign_in_dialog is None)


def test_the_data_folder_refuses_another_account(qtbot: QtBot, server: LiveServer, open_window) -> None:
    freelancer(server)
    server.signed_in("bo@example.com")
    window = open_window(DAY)
    sign_in(qtbot, window, server.url)
    window.account.sign_out_action.trigger()
    wait_status(qtbot, window, "Not signed in")
    wait_idle(qtbot, window)
    from tests.ui.sync_helpers import fill_and_submit, open_sign_in, wait_answer

    dialog = open_sign_in(qtbot, window)
    fill_and_submit(qtbot, dialog, server.url, "bo@example.com")
    wait_answer(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("form").startswith("This data folder belongs to anna@example.com.")


def test_the_clock_warning_shows_in_the_status(qtbot: QtBot, server: LiveServer, open_window) -> None:
    freelancer(server)
    window = open_window(DAY)
    sign_in(qtbot, window, server.url)
    window.sync._set_view(window.sync.view.but(clock_skew_seconds=-900))
    assert status_text(window) == "Synced just now – this computer's clock is 15 min off"
    assert "clock right" in window.account.status.toolTip()


def test_a_change_on_another_device_shows_in_the_open_week_after_a_sync(
    qtbot: QtBot, server: LiveServer, open_window
) -> None:
    from tests.coserver.sync_helpers import new_entry

    anna = freelancer(server)
    window = open_window(DAY)
    sign_in(qtbot, window, server.url)
    _, op = new_entry(anna.contract_id, DAY, minutes=90, note="from the laptop")
    assert anna.push(op)[0]["status"] == "applied"
    qtbot.keyClick(window, Qt.Key.Key_F5)
    row = _contract_row(window)
    model = window.timesheet.controller.model
    qtbot.waitUntil(lambda: "1" in str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) or ""))
    assert uuid.UUID(model.contract_id(row) or "") == anna.contract_id
