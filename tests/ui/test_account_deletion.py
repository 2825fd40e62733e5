"""Account → Request account deletion… against the real reference server on 127.0.0.1: the dialog
says what happens, sends only once the account's address is typed, the platform records the
request once with its time; signed out or offline it refuses clearly and nothing is recorded.
Another account's token cannot ask for this account."""

# The server fixtures are imported into this module (tests/ui/conftest.py does not offer them), so
# their names come back as test parameters:
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coapp.sync.data_safety_calls import request_account_deletion
from coapp.ui.data_safety.deletion_dialog import DeletionDialog
from coapp.ui.data_safety.menu import install_data_actions
from coapp.ui.main_window import MainWindow
from coserver.data_safety import DELETION_GRACE, DeletionRequestRow
from tests.coserver.conftest import server, start_server  # noqa: F401 - pytest fixtures
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer
from tests.ui.helpers import go_offline
from tests.ui.sync_helpers import WAIT_MS, db_url, fast_sync, sign_in  # noqa: F401 - pytest fixtures

pytestmark = pytest.mark.usefixtures("fast_sync")


def _requests(server: LiveServer) -> list[tuple[object, object]]:
    with database(server) as session:
        return [(r.account_id, r.requested_at) for r in session.scalars(select(DeletionRequestRow))]


def _dialog(qtbot: QtBot, window: MainWindow) -> DeletionDialog:
    actions = install_data_actions(window)
    assert actions.deletion_action in window.account.menu.actions()
    actions.deletion_action.trigger()
    dialog = actions.deletion_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_a_typed_confirmation_sends_the_request_once(
    qtbot: QtBot, server: LiveServer, open_window: Callable[..., MainWindow]
) -> None:
    anna = freelancer(server)
    window = open_window(server.clock.now.date())
    sign_in(qtbot, window, server.url)
    dialog = _dialog(qtbot, window)
    assert "anna@example.com" in dialog.prompt.text()
    assert not dialog.send_button.isEnabled()
    qtbot.keyClicks(dialog.typed, "bertil@example.com")
    assert not dialog.send_button.isEnabled()  # only this account's address confirms
    dialog.typed.clear()
    qtbot.keyClicks(dialog.typed, "ANNA@example.com ")
    assert dialog.send_button.isEnabled()
    assert _requests(server) == []  # nothing is sent before the click
    qtbot.keyClicks(dialog.reason, "Slutar frilansa")
    with qtbot.waitSignal(dialog.requested, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    status = sent.args[0]
    assert "recorded your request" in dialog.result.text()
    assert dialog.when(status.delete_after) in dialog.pending.text.text()  # and the way back
    assert dialog.pending.isVisible()
    assert not dialog.send_button.isEnabled()
    ((account_id, requested_at),) = _requests(server)
    assert account_id == anna.account_id
    assert requested_at == server.clock.now == status.requested_at
    assert status.delete_after - status.requested_at == DELETION_GRACE
    with database(server) as session:
        assert session.get(DeletionRequestRow, anna.account_id).reason == "Slutar frilansa"  # type: ignore[union-attr]

    # Asking again (later) answers the first request: idempotent.
    server.clock.advance(seconds=3600)
    again = request_account_deletion(window.ctx.sync.api(), "anna@example.com")
    assert again.requested_at == status.requested_at
    assert _requests(server) == [(anna.account_id, requested_at)]


def test_another_accounts_token_cannot_ask_for_this_account(server: LiveServer) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    headers = {"Authorization": f"Bearer {bertil.token}"}
    url = server.url + "/v1/account/deletion-request"
    refused = server.http.post(url, json={"confirm_email": "anna@example.com"}, headers=headers, timeout=30)
    assert refused.status_code == 422
    assert refused.json()["error"] == "confirmation_mismatch"
    assert _requests(server) == []
    mine = server.http.post(url, json={"confirm_email": "bertil@example.com"}, headers=headers, timeout=30)
    assert mine.status_code == 201
    assert _requests(server) == [(bertil.account_id, server.clock.now)]
    assert anna.account_id not in {a for a, _ in _requests(server)}
    again = server.http.post(url, json={"confirm_email": "bertil@example.com"}, headers=headers, timeout=30)
    assert again.status_code == 200
    assert again.json() == mine.json()


def test_signed_out_the_dialog_refuses_before_anything_is_typed(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    dialog = _dialog(qtbot, window)
    assert "Sign in to the platform first" in dialog.prompt.text()
    assert not dialog.typed.isEnabled()
    assert not dialog.send_button.isEnabled()


def test_offline_the_request_is_refused_and_nothing_is_recorded(
    qtbot: QtBot, server: LiveServer, open_window: Callable[..., MainWindow]
) -> None:
    freelancer(server)
    window = open_window(server.clock.now.date())
    sign_in(qtbot, window, server.url)
    go_offline(window, server.url)
    dialog = _dialog(qtbot, window)
    qtbot.keyClicks(dialog.typed, "anna@example.com")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.result.text(), timeout=WAIT_MS)
    assert "nothing was sent" in dialog.result.text()
    assert dialog.send_button.isEnabled()  # try again when online
    assert dialog.typed.text() == "anna@example.com"
    assert _requests(server) == []
