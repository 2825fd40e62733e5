"""Taking back an account deletion request during its grace period, against the real reference server
on 127.0.0.1: the calls (read the state, cancel, cancel again, too late), and the dialog, which shows a
pending request with its date and cancels it once confirmed; the Account menu's action then says
"Cancel account deletion…". Offline or signed out the request still stands and the dialog says so."""

# The server fixtures are imported into this module (tests/ui/conftest.py does not offer them), so
# their names come back as test parameters:
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from coapp.sync.api import account_key
from coapp.sync.data_safety_calls import (
    DeletionDue,
    account_deletion_state,
    cancel_account_deletion,
    request_account_deletion,
)
from coapp.sync.errors import SignInRequired
from coapp.ui.data_safety.deletion_dialog import DeletionDialog
from coapp.ui.data_safety.menu import DataActions, install_data_actions
from coapp.ui.error_text import error_text
from coapp.ui.main_window import MainWindow
from coserver.data_safety import DELETION_GRACE, DeletionRequestRow
from tests.coserver.conftest import server, start_server  # noqa: F401 - pytest fixtures
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer
from tests.ui.helpers import go_offline
from tests.ui.sync_helpers import WAIT_MS, db_url, fast_sync, sign_in  # noqa: F401 - pytest fixtures

pytestmark = pytest.mark.usefixtures("fast_sync")

REQUEST_TEXT = "Request account &deletion…"
CANCEL_TEXT = "Cancel account &deletion…"


def _pending(server: LiveServer) -> list[object]:
    with database(server) as session:
        return list(session.scalars(select(DeletionRequestRow.account_id)))


def _signed_in(qtbot: QtBot, server: LiveServer, open_window: Callable[..., MainWindow]) -> MainWindow:
    window = open_window(server.clock.now.date())
    sign_in(qtbot, window, server.url)
    return window


def _open(qtbot: QtBot, window: MainWindow) -> tuple[DataActions, DeletionDialog]:
    actions = install_data_actions(window)
    actions.deletion_action.trigger()
    dialog = actions.deletion_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return actions, dialog


def _open_pending(qtbot: QtBot, window: MainWindow) -> tuple[DataActions, DeletionDialog]:
    actions, dialog = _open(qtbot, window)
    qtbot.waitUntil(dialog.pending.isVisible, timeout=WAIT_MS)
    return actions, dialog


def _confirmation(qtbot: QtBot, dialog: DeletionDialog) -> QMessageBox:
    qtbot.mouseClick(dialog.pending.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pending.confirmation is not None, timeout=WAIT_MS)
    box = dialog.pending.confirmation
    assert box is not None
    qtbot.waitExposed(box)
    return box


def _answer(box: QMessageBox, name: str) -> None:
    [button] = [b for b in box.buttons() if b.objectName() == name]
    button.click()


# --- the calls ------------------------------------------------------------------------------------------


def test_the_calls_read_and_cancel_the_request(
    qtbot: QtBot, start_server: Callable[..., LiveServer], open_window: Callable[..., MainWindow]
) -> None:
    server = start_server(refresh_token_lifetime=timedelta(days=400))  # still signed in after 30 days
    anna = freelancer(server)
    window = _signed_in(qtbot, server, open_window)
    api = window.ctx.sync.api()
    assert account_deletion_state(api).request is None
    asked = request_account_deletion(api, "anna@example.com", "Tar paus")
    assert account_deletion_state(api).request == asked
    assert cancel_account_deletion(api).request is None
    assert account_deletion_state(api).request is None
    assert _pending(server) == []
    # Cancelled already (a retry whose first answer was lost): the same outcome, not an error.
    assert cancel_account_deletion(api).request is None
    # Too late: the grace period has ended, the request stands and the refusal is in this app's words.
    request_account_deletion(api, "anna@example.com")
    server.clock.advance(seconds=DELETION_GRACE.total_seconds())
    with pytest.raises(DeletionDue) as refused:
        cancel_account_deletion(api)
    assert "can no longer be cancelled" in error_text(refused.value)
    assert _pending(server) == [anna.account_id]
    for call in (account_deletion_state, cancel_account_deletion):
        with pytest.raises(SignInRequired):
            call(None)


# --- the dialog and the menu ----------------------------------------------------------------------------


def test_a_pending_request_is_shown_and_cancelled_once_confirmed(
    qtbot: QtBot, server: LiveServer, open_window: Callable[..., MainWindow]
) -> None:
    anna = freelancer(server)
    window = _signed_in(qtbot, server, open_window)
    status = request_account_deletion(window.ctx.sync.api(), "anna@example.com")  # on another device
    actions, dialog = _open_pending(qtbot, window)
    assert dialog.when(status.delete_after) in dialog.pending.text.text()
    assert dialog.when(status.requested_at) in dialog.pending.text.text()
    assert not dialog.form_box.isVisible()
    assert not dialog.send_button.isVisible()
    assert actions.deletion_action.text() == CANCEL_TEXT  # the menu learnt it from the dialog
    unnamed = [
        w.objectName()
        for w in dialog.findChildren(QWidget)
        if w.isVisible()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not (w.accessibleName() and w.accessibleDescription())
    ]
    assert unnamed == []
    # Keeping the request sends nothing.
    _answer(_confirmation(qtbot, dialog), "keepDeletionButton")
    qtbot.waitUntil(lambda: dialog.pending.confirmation is None, timeout=WAIT_MS)
    assert _pending(server) == [anna.account_id]
    assert dialog.pending.isVisible()
    # Cancelling it, confirmed: the platform holds nothing, the form is back for a later request.
    with qtbot.waitSignal(dialog.cancelled, timeout=WAIT_MS):
        _answer(_confirmation(qtbot, dialog), "confirmCancelDeletionButton")
    assert _pending(server) == []
    assert not dialog.pending.isVisible()
    assert dialog.form_box.isVisible()
    assert "cancelled" in dialog.result.text()
    assert dialog.typed.isEnabled()
    assert dialog.typed.text() == ""
    assert not dialog.send_button.isEnabled()
    assert actions.deletion_action.text() == REQUEST_TEXT


def test_a_request_made_in_the_dialog_can_be_taken_back_at_once(
    qtbot: QtBot, server: LiveServer, open_window: Callable[..., MainWindow]
) -> None:
    freelancer(server)
    window = _signed_in(qtbot, server, open_window)
    actions, dialog = _open(qtbot, window)
    qtbot.waitUntil(lambda: not dialog.result.isVisible(), timeout=WAIT_MS)  # nothing pending
    qtbot.keyClicks(dialog.typed, "anna@example.com")
    with qtbot.waitSignal(dialog.requested, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.pending.isVisible()
    assert actions.deletion_action.text() == CANCEL_TEXT
    with qtbot.waitSignal(dialog.cancelled, timeout=WAIT_MS):
        _answer(_confirmation(qtbot, dialog), "confirmCancelDeletionButton")
    assert _pending(server) == []
    assert actions.deletion_action.text() == REQUEST_TEXT


def test_the_account_menu_learns_a_pending_request_when_opened(
    qtbot: QtBot, server: LiveServer, open_window: Callable[..., MainWindow]
) -> None:
    freelancer(server)
    window = _signed_in(qtbot, server, open_window)
    actions = install_data_actions(window)
    menu = window.account.menu
    menu.aboutToShow.emit()
    qtbot.waitUntil(lambda: actions.deletion_known is not None, timeout=WAIT_MS)
    assert actions.deletion_action.text() == REQUEST_TEXT
    request_account_deletion(window.ctx.sync.api(), "anna@example.com")
    actions.deletion_known = None  # a new session: asked again
    menu.aboutToShow.emit()
    qtbot.waitUntil(lambda: actions.deletion_action.text() == CANCEL_TEXT, timeout=WAIT_MS)
    asked: list[object] = []
    real = window.sync.platform_call
    window.sync.platform_call = lambda *args: asked.append(args) or real(*args)  # type: ignore[method-assign]
    menu.aboutToShow.emit()  # once per account and session: no request each time the menu opens
    assert asked == []
    actions.deletion_known = None
    menu.aboutToShow.emit()
    assert len(asked) == 1


def test_the_menu_says_request_when_signed_out(qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    actions = install_data_actions(window)
    actions.deletion_state_known("anna@example.com", True)
    assert actions.deletion_action.text() == CANCEL_TEXT
    window.account.menu.aboutToShow.emit()  # signed out: nothing can be known, nothing is asked
    assert actions.deletion_action.text() == REQUEST_TEXT
    assert actions.deletion_known is None


def test_offline_the_request_still_stands_and_the_dialog_says_so(
    qtbot: QtBot, server: LiveServer, open_window: Callable[..., MainWindow]
) -> None:
    anna = freelancer(server)
    window = _signed_in(qtbot, server, open_window)
    request_account_deletion(window.ctx.sync.api(), "anna@example.com")
    _actions, dialog = _open_pending(qtbot, window)
    go_offline(window, server.url)
    _answer(_confirmation(qtbot, dialog), "confirmCancelDeletionButton")
    problem = dialog.pending.problem
    qtbot.waitUntil(lambda: problem.isVisible(), timeout=WAIT_MS)
    assert "cannot be reached" in problem.text()
    assert "still stands" in problem.text()
    assert dialog.pending.cancel_button.isEnabled()  # try again when online
    assert dialog.pending.isVisible()
    assert _pending(server) == [anna.account_id]
    dialog.close()
    # Opened offline, it says it cannot tell, and keeps the form usable.
    _actions, again = _open(qtbot, window)
    qtbot.waitUntil(lambda: "cannot tell" in again.result.text(), timeout=WAIT_MS)
    assert not again.pending.isVisible()
    assert again.typed.isEnabled()


def test_signed_out_meanwhile_the_request_still_stands(
    qtbot: QtBot, server: LiveServer, open_window: Callable[..., MainWindow]
) -> None:
    anna = freelancer(server)
    window = _signed_in(qtbot, server, open_window)
    request_account_deletion(window.ctx.sync.api(), "anna@example.com")
    _actions, dialog = _open_pending(qtbot, window)
    window.ctx.tokens.forget(account_key(server.url, "anna@example.com"))  # the session is gone
    _answer(_confirmation(qtbot, dialog), "confirmCancelDeletionButton")
    problem = dialog.pending.problem
    qtbot.waitUntil(lambda: problem.isVisible(), timeout=WAIT_MS)
    assert "Sign in to the platform first" in problem.text()
    assert _pending(server) == [anna.account_id]


def test_after_the_grace_period_the_dialog_says_it_is_too_late(
    qtbot: QtBot, start_server: Callable[..., LiveServer], open_window: Callable[..., MainWindow]
) -> None:
    server = start_server(refresh_token_lifetime=timedelta(days=400))
    anna = freelancer(server)
    window = _signed_in(qtbot, server, open_window)
    request_account_deletion(window.ctx.sync.api(), "anna@example.com")
    server.clock.advance(days=31)
    _actions, dialog = _open_pending(qtbot, window)
    _answer(_confirmation(qtbot, dialog), "confirmCancelDeletionButton")
    problem = dialog.pending.problem
    qtbot.waitUntil(lambda: problem.isVisible(), timeout=WAIT_MS)
    assert "could not be cancelled" in problem.text()
    assert "can no longer be cancelled" in problem.text()
    assert _pending(server) == [anna.account_id]
