"""Driving the account and sync GUI as a person would: the sign-in dialog, the status button, F5."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from coapp.sync import credentials
from coapp.sync.credentials import MemoryTokenStore
from coapp.sync.transport import RetryPolicy
from coapp.ui.main_window import MainWindow
from coapp.ui.sync import calls
from coapp.ui.sync.sign_in_dialog import SignInDialog
from tests.coserver.harness import PASSWORD
from tests.ui.helpers import reactivate

WAIT_MS = 15_000


# Fixtures for modules that drive the GUI against a live server: import them into the module (with
# `pytestmark = pytest.mark.usefixtures("fast_sync")`), as the server fixtures are.


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"  # the GUI is under test, not the database


@pytest.fixture
def fast_sync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tokens in memory (never the developer's keyring) and retries that give up quickly."""
    monkeypatch.setattr(credentials, "open_token_store", lambda: MemoryTokenStore("no keyring here"))
    monkeypatch.setattr(calls, "ROUND_POLICY", RetryPolicy(attempts=2, base_delay=0.01, timeout=5))
    monkeypatch.setattr(calls, "INTERACTIVE_POLICY", calls.InteractivePolicy(base_delay=0.01, timeout=5))


def status_text(window: MainWindow) -> str:
    return window.account.status.text()


def wait_status(qtbot: QtBot, window: MainWindow, start: str) -> None:
    """Until the status button's text starts with *start* (the message shows the actual text)."""
    try:
        qtbot.waitUntil(lambda: status_text(window).startswith(start), timeout=WAIT_MS)
    except AssertionError:
        raise AssertionError(f"status is {status_text(window)!r}, expected {start!r}…") from None


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.sync.view.known and not window.sync.view.running, timeout=WAIT_MS)


def replace_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    if text:
        qtbot.keyClicks(edit, text)


def open_sign_in(qtbot: QtBot, window: MainWindow) -> SignInDialog:
    """Through the status button, as a user who sees "Not signed in" would."""
    wait_idle(qtbot, window)
    qtbot.mouseClick(window.account.status, Qt.MouseButton.LeftButton)
    dialog = window.account.sign_in_dialog
    assert dialog is not None
    assert dialog.objectName() == "signInDialog"
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def fill_and_submit(
    qtbot: QtBot, dialog: SignInDialog, url: str, email: str, password: str = PASSWORD
) -> None:
    replace_text(qtbot, dialog.server, url)
    replace_text(qtbot, dialog.email, email)
    replace_text(qtbot, dialog.password, password)
    qtbot.mouseClick(dialog.primary, Qt.MouseButton.LeftButton)


def wait_answer(qtbot: QtBot, dialog: SignInDialog) -> None:
    qtbot.waitUntil(lambda: dialog._call is None, timeout=WAIT_MS)


def sign_in(qtbot: QtBot, window: MainWindow, url: str, email: str = "anna@example.com") -> None:
    dialog = open_sign_in(qtbot, window)
    fill_and_submit(qtbot, dialog, url, email)
    qtbot.waitUntil(lambda: window.account.sign_in_dialog is None, timeout=WAIT_MS)
    wait_status(qtbot, window, "Synced")
    reactivate(qtbot, window)  # offscreen Qt has no window manager to do it after the dialog
    window.timesheet.grid.setFocus()
