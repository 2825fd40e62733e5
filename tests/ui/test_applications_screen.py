"""Applications (issue 10): the applications with their state and consent, a message to the agent
that waits for a sync and says so, the consent ledger exported, and an empty state that says how to
apply."""

from __future__ import annotations

import json
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from coapp.ui.applications.screen import ApplicationsScreen
from coapp.ui.main_window import MainWindow
from tests.services.assignments_helpers import put_assignment

CTRL = Qt.KeyboardModifier.ControlModifier


def _open(qtbot: QtBot, window: MainWindow) -> ApplicationsScreen:
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    screen = window.applications
    assert screen is not None
    qtbot.waitUntil(lambda: "waiting for a sync" in screen.header.status.text())
    return screen


def test_with_no_application_the_screen_says_how_to_apply(qtbot, open_window) -> None:
    window = open_window()
    assert window.applications is None  # built when first shown
    screen = _open(qtbot, window)
    assert screen.empty.isVisible()
    assert "Apply" in screen.empty.text()
    assert not screen.detail.isVisible()


def test_an_application_shows_its_state_and_consent_and_a_message_waits_for_a_sync(
    qtbot, open_window, monkeypatch, tmp_path
) -> None:
    window = open_window()
    put_assignment(window.ctx, 1, "Django developer", must_have=["Python"])
    window.ctx.applications.apply(
        window.ctx.assignments.search().items[0].id, Decimal(950), "hour", message="Hello", consent=True
    )
    screen = _open(qtbot, window)
    assert screen.list.count() == 1
    assert "Waiting for the next sync" in screen.list.item(0).text()
    assert screen.status.text() == "Waiting for the next sync"
    assert "950" in screen.consent.text()
    assert screen.header.status.text() == "1 application · 1 waiting for a sync"
    assert not screen.ics_button.isVisibleTo(screen)  # no interview yet

    screen.message.setFocus()
    qtbot.keyClicks(screen.message, "When can we talk?")
    qtbot.keyClick(screen.message, Qt.Key.Key_Return)
    assert [m.text for m in window.ctx.applications.messages()] == ["When can we talk?"]
    assert "(waiting for a sync)" in screen.messages.item(0).text()
    assert screen.message.text() == ""

    target = tmp_path / "consents.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    screen.export_consents()
    exported = json.loads(target.read_text(encoding="utf-8"))
    (consent,) = exported["consents"]
    assert consent["message"] == "Hello"
    assert "Exported" in screen.banner.text()


def test_withdrawing_asks_for_a_word_and_stores_it_for_the_sync(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    put_assignment(window.ctx, 1, "Django developer", must_have=["Python"])
    window.ctx.applications.apply(window.ctx.assignments.search().items[0].id, Decimal(950), consent=True)
    screen = _open(qtbot, window)
    assert screen.withdraw_button.isVisibleTo(screen)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Took another job", True))
    screen.withdraw()
    (application,) = window.ctx.applications.list()
    assert application.waiting == "withdraw"
    assert "Withdrawal stored" in screen.banner.text()
    assert not screen.withdraw_button.isVisibleTo(screen)  # one withdrawal waits: not a second
