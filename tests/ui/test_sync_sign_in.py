"""The sign-in dialog against the real server: every refusal in words next to its field, the
register → code → signed-in path, Cancel while the platform is slow, nothing sent for a bad address."""

# The server fixtures are imported into this module (tests/ui/conftest.py does not offer them), so
# their names come back as test parameters:
# ruff: noqa: F811

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coapp.sync import credentials
from coapp.sync.credentials import MemoryTokenStore
from coapp.sync.errors import RateLimitedError
from coapp.sync.transport import RetryPolicy
from coapp.ui.sync import calls
from coapp.ui.sync.sign_in_dialog import SignInDialog, Stage
from coserver.settings import RateLimit
from tests.coserver.conftest import server, start_server  # noqa: F401 - pytest fixtures
from tests.coserver.harness import PASSWORD, LiveServer
from tests.ui.sync_helpers import fill_and_submit, open_sign_in, replace_text, wait_answer, wait_status


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"  # the GUI is under test, not the database


@pytest.fixture(autouse=True)
def _fast_sync(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(credentials, "open_token_store", lambda: MemoryTokenStore())
    monkeypatch.setattr(calls, "ROUND_POLICY", RetryPolicy(attempts=2, base_delay=0.01, timeout=5))
    monkeypatch.setattr(calls, "INTERACTIVE_POLICY", calls.InteractivePolicy(base_delay=0.01, timeout=5))


def _dialog(qtbot: QtBot, open_window) -> SignInDialog:  # type: ignore[no-untyped-def]
    return open_sign_in(qtbot, open_window())


def _shown_errors(dialog: SignInDialog) -> dict[str, str]:
    return {key: label.text() for key, label in dialog.errors.items() if label.isVisible()}


def test_a_wrong_password_is_said_next_to_the_password(qtbot: QtBot, server: LiveServer, open_window) -> None:
    server.signed_in("anna@example.com")
    dialog = _dialog(qtbot, open_window)
    fill_and_submit(qtbot, dialog, server.url, "anna@example.com", "not the password")
    assert dialog.busy.isVisible()
    assert not dialog.primary.isEnabled()
    wait_answer(qtbot, dialog)
    assert _shown_errors(dialog) == {"password": "The e-mail address or the password is wrong."}
    assert not dialog.busy.isVisible()
    assert dialog.password.hasFocus()


def test_register_with_a_weak_password_then_confirm_with_the_mailed_code(
    qtbot: QtBot, server: LiveServer, open_window
) -> None:
    window = open_window()
    dialog = open_sign_in(qtbot, window)
    qtbot.mouseClick(dialog.mode_button, Qt.MouseButton.LeftButton)
    assert dialog.stage is Stage.REGISTER
    assert dialog.confirm_password.isVisible()
    assert dialog.primary.text() == "Create account"

    replace_text(qtbot, dialog.server, server.url)
    replace_text(qtbot, dialog.email, "new@example.com")
    replace_text(qtbot, dialog.password, "aaaa")
    replace_text(qtbot, dialog.confirm_password, "aaab")
    qtbot.mouseClick(dialog.primary, Qt.MouseButton.LeftButton)
    assert _shown_errors(dialog) == {"confirm": "The two passwords differ; type the same password twice."}
    assert dialog._call is None  # nothing was sent

    replace_text(qtbot, dialog.confirm_password, "aaaa")
    qtbot.mouseClick(dialog.primary, Qt.MouseButton.LeftButton)
    wait_answer(qtbot, dialog)
    errors = _shown_errors(dialog)
    assert list(errors) == ["password"]
    assert errors["password"].startswith("The platform wants a stronger password: use at least")

    replace_text(qtbot, dialog.password, PASSWORD)
    replace_text(qtbot, dialog.confirm_password, PASSWORD)
    qtbot.mouseClick(dialog.primary, Qt.MouseButton.LeftButton)
    wait_answer(qtbot, dialog)
    assert dialog.stage is Stage.CODE
    assert "new@example.com" in dialog.intro.text()
    assert dialog.code.isVisible()
    assert dialog.code.hasFocus()

    replace_text(qtbot, dialog.code, "not-the-code")
    qtbot.mouseClick(dialog.primary, Qt.MouseButton.LeftButton)
    wait_answer(qtbot, dialog)
    assert list(_shown_errors(dialog)) == ["code"]
    assert _shown_errors(dialog)["code"].startswith("This code is unknown or has expired.")

    replace_text(qtbot, dialog.code, server.confirmation_token("new@example.com"))
    qtbot.mouseClick(dialog.primary, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.account.sign_in_dialog is None, timeout=15_000)
    wait_status(qtbot, window, "Synced just now")
    assert window.account.email_action.text() == "Signed in as new@example.com"


def test_an_unconfirmed_account_is_asked_for_its_code(qtbot: QtBot, server: LiveServer, open_window) -> None:
    assert server.register("bo@example.com").status_code == 201
    dialog = _dialog(qtbot, open_window)
    fill_and_submit(qtbot, dialog, server.url, "bo@example.com")
    wait_answer(qtbot, dialog)
    assert dialog.stage is Stage.CODE
    assert _shown_errors(dialog) == {
        "code": "This account is not confirmed yet: enter the code from the mail we sent."
    }


def test_an_existing_address_cannot_register_again(qtbot: QtBot, server: LiveServer, open_window) -> None:
    server.signed_in("anna@example.com")
    dialog = _dialog(qtbot, open_window)
    qtbot.mouseClick(dialog.mode_button, Qt.MouseButton.LeftButton)
    replace_text(qtbot, dialog.confirm_password, PASSWORD)
    fill_and_submit(qtbot, dialog, server.url, "anna@example.com")
    wait_answer(qtbot, dialog)
    assert dialog.stage is Stage.SIGN_IN
    assert _shown_errors(dialog) == {
        "email": "An account with this e-mail address already exists: sign in with it."
    }


def test_rate_limited_says_when_to_try_again(
    qtbot: QtBot,
    start_server,
    open_window,  # type: ignore[no-untyped-def]
) -> None:
    live = start_server(sign_in_per_account=RateLimit(1, timedelta(minutes=5)))
    live.signed_in("anna@example.com")
    dialog = _dialog(qtbot, open_window)
    # The platform counts failed sign-ins only: a wrong password uses the one attempt of the window.
    fill_and_submit(qtbot, dialog, live.url, "anna@example.com", "not her password")
    wait_answer(qtbot, dialog)
    fill_and_submit(qtbot, dialog, live.url, "anna@example.com")
    wait_answer(qtbot, dialog)
    assert _shown_errors(dialog) == {"form": "Too many attempts. Try again in 5 minutes."}


@pytest.mark.parametrize(
    ("retry_after", "wait"),
    [(0.3, "1 second"), (1.0, "1 second"), (2.0, "2 seconds"), (89.0, "89 seconds"), (90.0, "2 minutes")],
)
def test_the_wait_is_counted_in_the_singular_for_one(
    qtbot: QtBot,
    open_window,  # type: ignore[no-untyped-def]
    retry_after: float,
    wait: str,
) -> None:
    """The platform's Retry-After as the dialog words it: "1 second", never "1 seconds"."""
    dialog = _dialog(qtbot, open_window)
    problem = calls.classify(RateLimitedError("the platform asks to wait {seconds} s", retry_after))
    assert problem is not None
    dialog._show_problem(problem)
    assert _shown_errors(dialog) == {"form": f"Too many attempts. Try again in {wait}."}


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_offline_and_bad_addresses_are_said_next_to_the_address(qtbot: QtBot, open_window) -> None:
    dialog = _dialog(qtbot, open_window)
    fill_and_submit(qtbot, dialog, "http://platform.example", "anna@example.com")
    assert dialog._call is None  # refused before any request: the password would travel in clear
    assert _shown_errors(dialog) == {
        "server": "Use https:// for a server on another computer: your password and data travel to it. "
        "Only this computer may use http://."
    }
    fill_and_submit(qtbot, dialog, "ftp://platform.example", "anna@example.com")
    assert _shown_errors(dialog) == {"server": "Write the platform's address like https://platform.example."}
    fill_and_submit(qtbot, dialog, "http://127.0.0.1:8000", "anna")
    assert _shown_errors(dialog) == {"email": "Enter your e-mail address, like name@example.com."}

    url = f"http://127.0.0.1:{_closed_port()}"
    fill_and_submit(qtbot, dialog, url, "anna@example.com")
    wait_answer(qtbot, dialog)
    assert _shown_errors(dialog) == {
        "form": f"Cannot reach {url}. Check the address and the internet connection, then try again."
    }


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers: a platform that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


def test_cancel_stops_waiting_for_a_platform_that_does_not_answer(
    qtbot: QtBot, open_window, silent_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(calls, "INTERACTIVE_POLICY", calls.InteractivePolicy(attempts=2, timeout=0.5))
    window = open_window()
    dialog = open_sign_in(qtbot, window)
    fill_and_submit(qtbot, dialog, silent_server, "anna@example.com")
    assert dialog.busy.isVisible()
    assert dialog.busy_text.text() == "Signing in…"
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert not dialog.busy.isVisible()
    assert dialog.primary.isEnabled()
    assert _shown_errors(dialog) == {"form": "Cancelled."}
    # The abandoned call's answer (offline, after its timeouts) changes nothing in the dialog.
    qtbot.wait(1500)
    assert _shown_errors(dialog) == {"form": "Cancelled."}
    assert window.account.status.text().startswith("Not signed in")
