"""Issue 12: a pseudo-translation (every text a third longer, with accented letters, placeholders and
mnemonics kept) finds text that a longer language would clip: on every screen and in the dialogs,
at the smallest first window (1280 × 800), no one-line label and no button is narrower than its
text. Languages longer than English (German, Finnish) then fit too, and Swedish has room."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.ui.main_window import SCREEN_SHORTCUTS, MainWindow
from tests.services.contract_terms_helpers import put_contract, put_feedback

CTRL = Qt.KeyboardModifier.ControlModifier
KEPT = re.compile(r"(\{[^{}]*\}|&&|&.|%\d|<[^>]*>)")  # placeholders, mnemonics, markup: as they are
ACCENTS = str.maketrans("aeoAEOuc", "åëöÅËÖüç")


class Pseudo(QTranslator):
    """Every text longer by a third (at least two characters), its letters accented."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if not source:
            return source
        parts = KEPT.split(source)
        text = "".join(p if KEPT.fullmatch(p) else p.translate(ACCENTS) for p in parts if p)
        return text + "·" * max(2, len(source) // 3)


@pytest.fixture
def pseudo(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    translator = Pseudo(qapp)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _shown(text: str, label: QLabel) -> str:
    return re.sub(r"&(.)", r"\1", text) if label.buddy() is not None else text


def clipped(widgets: list[QWidget]) -> list[str]:
    found = []
    for w in widgets:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel) and not w.wordWrap() and w.textFormat() != Qt.TextFormat.RichText:
            text = _shown(w.text(), w)
            if text and "\n" not in text:
                need, have = w.fontMetrics().horizontalAdvance(text), w.contentsRect().width()
                if need > have + 1:
                    found.append(f"{w.objectName() or type(w).__name__} {text!r}: {need} > {have} px")
        elif isinstance(w, QAbstractButton) and w.text() and w.sizeHint().width() > w.width() + 1:
            found.append(
                f"{w.objectName() or type(w).__name__} {w.text()!r}: {w.sizeHint().width()} > {w.width()} px"
            )
    return found


def test_no_screen_clips_a_longer_language(qtbot: QtBot, ctx: AppContext, open_window, pseudo: None) -> None:
    contract = put_contract(ctx, title="Ledger rewrite")
    put_feedback(ctx, contract, (4, 5, 4, 4))
    window: MainWindow = open_window()
    window.resize(1280, 800)
    problems = {}
    for screen, number in SCREEN_SHORTCUTS.items():
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        qtbot.waitUntil(lambda: not window.state.tasks.busy)
        shown = window.stack.currentWidget()
        assert shown.objectName() == screen
        assert "··" in window.navigation.texts()[0]  # the pseudo-translation is what is shown
        found = clipped([*window.navigation.findChildren(QWidget), *shown.findChildren(QWidget)])
        if found:
            problems[screen] = found
    assert not problems, problems


def test_no_dialog_clips_a_longer_language(qtbot: QtBot, ctx: AppContext, open_window, pseudo: None) -> None:
    window: MainWindow = open_window()
    problems = {}
    for what, open_it in {
        "preferences": window.open_preferences,
        "business details": window.open_business_details,
        "own contract": window.add_own_contract,
        "sign in": window.account.open_sign_in,
    }.items():
        open_it()
        qtbot.waitUntil(
            lambda: any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
        )
        for dialog in [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]:
            found = clipped(dialog.findChildren(QWidget))
            if found:
                problems[what] = found
            dialog.reject()
    assert not problems, problems
