"""Earlier versions of the letter (issue 9, SYNC.md): a letter a sync replaced is listed from the
platform (the real reference server on loopback) and brought back into the editor."""

# The server fixtures are imported here (tests/ui/conftest.py does not offer them).
# ruff: noqa: F811

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from coapp.ui.main_window import MainWindow
from coapp.ui.profile.letter_versions import EarlierVersionsDialog
from tests.coserver.conftest import server, start_server  # noqa: F401 - pytest fixtures
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import freelancer
from tests.ui.sync_helpers import WAIT_MS, db_url, fast_sync, sign_in, wait_idle  # noqa: F401 - pytest fixtures

pytestmark = pytest.mark.usefixtures("fast_sync")

LEFT = Qt.MouseButton.LeftButton


def _dialog(qtbot: QtBot, window: MainWindow) -> EarlierVersionsDialog:
    window.show_screen(window.profile_slot)
    screen = window.profile
    assert screen is not None
    button = screen.letter.findChild(type(screen.letter.tools.itemAt(0).widget()), "letterVersionsButton")
    assert button is not None
    qtbot.mouseClick(button, LEFT)
    dialog = screen.findChild(EarlierVersionsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _synced(qtbot: QtBot, window: MainWindow) -> None:
    window.sync.request_round()
    qtbot.waitUntil(lambda: window.sync.view.running, timeout=WAIT_MS)
    wait_idle(qtbot, window)


def test_without_a_session_the_dialog_says_to_sign_in(qtbot, open_window) -> None:
    window = open_window()
    wait_idle(qtbot, window)
    dialog = _dialog(qtbot, window)
    qtbot.waitUntil(lambda: "Sign in" in dialog.status.text(), timeout=WAIT_MS)
    assert dialog.list.count() == 0
    assert not dialog.restore.isEnabled()


def test_a_letter_a_sync_replaced_comes_back(qtbot, server: LiveServer, open_window) -> None:
    freelancer(server)
    window = open_window()
    sign_in(qtbot, window, server.url)
    window.ctx.profile.set_letter("The **first** letter, from the laptop.")
    _synced(qtbot, window)
    window.ctx.profile.set_letter("The second letter, from the desktop.")
    _synced(qtbot, window)

    dialog = _dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.list.count() >= 1, timeout=WAIT_MS)
    assert "The first letter, from the laptop." in dialog.list.item(0).text()
    assert "first" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.restore, LEFT)
    letter = window.profile.letter
    qtbot.waitUntil(lambda: window.ctx.profile.get().letter == "The **first** letter, from the laptop.")
    assert "first" in letter.editor.toPlainText()
    letter.editor.undo()  # the editor's own undo takes the restore back
    assert "second" in letter.editor.toPlainText()


def test_a_jobs_description_a_sync_replaced_comes_back_in_its_dialog(
    qtbot, server: LiveServer, open_window
) -> None:
    from dataclasses import replace

    from coapp.domain.profile_sections import Experience
    from coapp.domain.year_month import YearMonth

    freelancer(server)
    window = open_window()
    sign_in(qtbot, window, server.url)
    job = window.ctx.profile.add_item(
        Experience(
            "Acme AB", "Developer", YearMonth(2020, 1), current=True, description="Built the first API."
        )
    )
    _synced(qtbot, window)
    window.ctx.profile.edit_item(replace(job, description="Led the platform team."))
    _synced(qtbot, window)

    window.show_screen(window.profile_slot)
    screen = window.profile
    assert screen is not None
    panel = screen.sections["experience"]
    qtbot.waitUntil(lambda: len(panel.items) == 1)
    panel.select(job.id)
    dialog = panel.edit_selected()
    assert dialog is not None
    button = dialog.findChild(QPushButton, f"{dialog.objectName()}_earlier")
    assert button is not None  # only a stored item's long text has earlier versions
    qtbot.mouseClick(button, LEFT)
    earlier = panel.earlier
    assert isinstance(earlier, EarlierVersionsDialog)
    qtbot.waitUntil(lambda: earlier.list.count() >= 1, timeout=WAIT_MS)
    qtbot.mouseClick(earlier.restore, LEFT)
    assert dialog.edits["description"].toPlainText() == "Built the first API."
    dialog.accept()
    qtbot.waitUntil(lambda: window.ctx.profile.get().experience[0].description == "Built the first API.")
