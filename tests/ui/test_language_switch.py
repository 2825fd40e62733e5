"""Issue 12: the language changes in Preferences without a restart and without mixing: the window
is built again in the new language on the same open store, on the same screen, and no widget keeps
a text of the other language (every text, tooltip, placeholder, accessible name and menu item of
every screen is compared with the translation file)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.base.settings import load_settings
from coapp.services.sheets import CellChange
from coapp.ui.main_window import SCREEN_SHORTCUTS, MainWindow
from tests.services.contract_terms_helpers import put_contract, put_feedback
from tests.ui.helpers import rebuilt_window

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "coapp_sv.ts"
CTRL = Qt.KeyboardModifier.ControlModifier


def _pairs() -> list[tuple[str, str]]:
    """(English, Swedish) of every finished message whose two texts differ, mnemonics dropped."""
    root = ET.parse(TS).getroot()
    found = []
    for message in root.iter("message"):
        english = (message.findtext("source") or "").replace("&", "")
        swedish = (message.findtext("translation") or "").replace("&", "")
        if swedish and english != swedish:
            found.append((english, swedish))
    return found


def _texts(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    if isinstance(widget, (QAbstractButton, QLabel)):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.text() if widget.isReadOnly() else ""
        yield widget.placeholderText()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        yield widget.placeholderText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QMenu):
        yield widget.title()
        yield from (action.text() for action in widget.actions())


def _every_screen(qtbot: QtBot, window: MainWindow) -> list[QWidget]:
    for number in SCREEN_SHORTCUTS.values():
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        qtbot.waitUntil(lambda: not window.state.tasks.busy)
    return [window, *window.findChildren(QWidget)]


def left_in(language: str, widgets: list[QWidget]) -> list[str]:
    """The texts shown that belong to the other language (exact texts of the translation file)."""
    pairs = _pairs()
    other = {english for english, _ in pairs} if language == "sv" else {swedish for _, swedish in pairs}
    this = {swedish for _, swedish in pairs} if language == "sv" else {english for english, _ in pairs}
    other -= this  # a word both languages use (Status, PDF) is no sign of mixing
    return sorted(
        {
            f"{type(w).__name__} {w.objectName()!r}: {t!r}"
            for w in widgets
            for t in _texts(w)
            if t.replace("&", "") in other
        }
    )


def test_switching_to_swedish_rebuilds_the_window_with_nothing_left_in_english(
    qtbot: QtBot, ctx: AppContext, use_settings, open_window, windows: list[MainWindow]
) -> None:
    contract = put_contract(ctx, title="Ledger rewrite")
    put_feedback(ctx, contract, (4, 5, 4, 4))
    ctx.timesheet.apply([CellChange(contract, date(2026, 11, 24), 420, "review")])
    use_settings(language="en")
    window = open_window()
    english_widgets = _every_screen(qtbot, window)
    assert left_in("en", english_widgets) == []
    assert len(left_in("sv", english_widgets)) > 100  # the walk sees English where Swedish is wanted
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)  # the screen the user is on stays
    dialog = window.open_preferences()
    dialog.language.setCurrentIndex(dialog.language.findData("sv"))
    dialog.accept()

    swedish = rebuilt_window(qtbot, window, windows)
    assert swedish.stack.currentWidget().objectName() == "invoicesTab"
    assert swedish.state is window.state  # the same open store: nothing was closed or lost
    assert swedish.statusBar().currentMessage() == "Språket är ändrat."
    assert left_in("sv", _every_screen(qtbot, swedish)) == []
    assert load_settings(ctx.paths.settings).language == "sv"  # and at the next start
    assert ctx.timesheet.entries_between(date(2026, 11, 23), date(2026, 11, 29))  # the data is all there

    dialog = swedish.open_preferences()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    english = rebuilt_window(qtbot, swedish, windows)
    assert left_in("en", _every_screen(qtbot, english)) == []
