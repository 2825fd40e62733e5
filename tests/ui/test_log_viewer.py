"""The log viewer shows the end of the log with e-mail addresses and tokens hidden, and the log
file itself is written redacted once the window is up."""

from __future__ import annotations

import logging
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QAction, QGuiApplication

from coapp.__main__ import file_logging
from coapp.base.log_redaction import HIDDEN, RedactingFormatter, redact, redact_file_handlers
from coapp.base.paths import Paths
from coapp.ui.desktop.log_viewer import LogViewer, read_log

EMAIL = "jane.doe+work@example.co.uk"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.abc123def456"
KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (f"signed in as {EMAIL}", "signed in as"),
        (f"Authorization: Bearer {JWT}", "Authorization"),
        (f"refresh_token={KEY}&x=1", "&x=1"),
        (f'{{"access_token": "{JWT}", "n": 2}}', '"n": 2'),
        ("password: hunter2 retry", "retry"),
        (f"key {KEY} used", "used"),
        ("GET /sync?token=abc.def-ghi 200", "200"),
    ],
)
def test_secrets_are_hidden_and_the_rest_kept(line: str, kept: str) -> None:
    shown = redact(line)
    for secret in (EMAIL, JWT, KEY, "hunter2", "abc.def-ghi"):
        assert secret not in shown
    assert kept in shown
    assert HIDDEN in shown or "‹e-mail›" in shown


def test_ordinary_lines_are_left_alone() -> None:
    line = "2026-11-25 09:30:00 INFO coapp.sync: round 12 pushed 3 changes in 0.41 s (invoice 2026-0042)"
    assert redact(line) == line


def test_the_home_folder_is_written_as_a_tilde(monkeypatch) -> None:
    """The home folder's last part is often the person's name: the log shows ~ instead."""
    from coapp.base import log_redaction

    monkeypatch.setattr(log_redaction, "HOME", "/home/anna.svensson")
    shown = redact("coapp 1.0: demo in /home/anna.svensson/.local/share/coapp")
    assert shown == "coapp 1.0: demo in ~/.local/share/coapp"


_local = st.from_regex(r"[a-z][a-z0-9._+-]{0,20}", fullmatch=True)
_domain = st.from_regex(r"[a-z][a-z0-9-]{0,12}(\.[a-z]{2,6}){1,2}", fullmatch=True)


@given(before=st.text(max_size=40), local=_local, domain=_domain, after=st.text(max_size=40))
def test_no_email_survives(before: str, local: str, domain: str, after: str) -> None:
    email = f"{local}@{domain}"
    assert email not in redact(f"{before} {email} {after}")


@given(st.text(max_size=200))
def test_redaction_never_fails(text: str) -> None:
    assert isinstance(redact(text), str)


def test_read_log_takes_the_end_of_the_file_and_the_one_before(tmp_path) -> None:
    assert read_log(tmp_path) is None
    (tmp_path / "coapp.log.1").write_text("older line\n", encoding="utf-8")
    (tmp_path / "coapp.log").write_text(f"first {EMAIL}\n" + "x\n" * 10, encoding="utf-8")
    text = read_log(tmp_path)
    assert text.startswith("older line\nfirst ‹e-mail›")
    short = read_log(tmp_path, limit=12)
    assert short == "x\n" * 5  # the cut first line is left out


def test_the_viewer_shows_the_log_redacted(qtbot, ctx, open_window, data_dir) -> None:
    logs = data_dir / "logs"
    logs.mkdir(exist_ok=True)
    (logs / "coapp.log").write_text(
        f"INFO coapp.sync: signed in as {EMAIL}\nWARNING coapp: Bearer {JWT} refused\n", encoding="utf-8"
    )
    window = open_window()
    window.findChild(QAction, "showLogAction").trigger()
    viewer = window.findChild(LogViewer, "logViewer")
    assert viewer is not None
    shown = viewer.text.toPlainText()
    assert "signed in as ‹e-mail›" in shown
    assert "Bearer ‹hidden› refused" in shown
    assert EMAIL not in shown
    assert JWT not in shown
    viewer.copy_button.click()
    assert QGuiApplication.clipboard().text() == shown
    (logs / "coapp.log").write_text("INFO coapp: later\n", encoding="utf-8")
    viewer.reload_button.click()
    assert viewer.text.toPlainText() == "INFO coapp: later\n"
    viewer.reject()


def test_without_a_log_the_viewer_says_so(qtbot, ctx, open_window) -> None:
    window = open_window()
    viewer = window.desktop.show_log()
    assert viewer.text.toPlainText() == "There is no log yet."
    viewer.reject()


def test_the_log_file_is_written_redacted_once_the_window_is_up(qtbot, ctx, open_window, data_dir) -> None:
    with file_logging(Paths.resolve(data_dir)):
        window = open_window()
        logging.getLogger("coapp.sync").warning("signed in as %s with token=%s", EMAIL, KEY)
        assert window is not None
    written = (data_dir / "logs" / "coapp.log").read_text(encoding="utf-8")
    assert "signed in as ‹e-mail› with token=‹hidden›" in written
    assert EMAIL not in written
    assert KEY not in written


def test_redacting_twice_changes_nothing(tmp_path) -> None:
    handler = logging.FileHandler(tmp_path / "coapp.log", delay=True)
    root = logging.getLogger("redaction-test")
    root.addHandler(handler)
    try:
        assert redact_file_handlers(tmp_path, root) == 1
        assert redact_file_handlers(tmp_path, root) == 0
        assert isinstance(handler.formatter, RedactingFormatter)
        assert redact_file_handlers(tmp_path / "elsewhere", root) == 0
    finally:
        root.removeHandler(handler)
        handler.close()
    assert re.fullmatch(r"‹hidden›", redact(KEY))
