"""Issue 12, accessibility: every widget the keyboard can reach, on every screen and in the dialogs,
tells a screen reader what it is (a name) and what it does or holds (a description), as Qt's
accessibility layer reports them (a button's text is its name, a tooltip its description).

A scroll area's viewport and a spin box's line edit are left out: the reader reports their owner."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.services.sheets import CellChange
from coapp.ui.main_window import SCREEN_SHORTCUTS, MainWindow
from tests.services.contract_terms_helpers import put_contract, put_feedback, put_milestone

CTRL = Qt.KeyboardModifier.ControlModifier
ENDED = "6f1c2a9e-0000-4000-8000-00000000e0d0"


def _inner(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox):
        return True
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def unnamed(widgets: Iterable[QWidget]) -> list[str]:
    """Each reachable widget without a name or a description, as "Class objectName: what is missing"."""
    found = []
    for widget in widgets:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible() or _inner(widget):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name).strip() if face else ""
        description = face.text(QAccessible.Text.Description).strip() if face else ""
        lacks = [what for what, text in (("name", name), ("description", description)) if not text]
        if lacks:
            found.append(f"{type(widget).__name__} {widget.objectName()!r}: no {' and no '.join(lacks)}")
    return sorted(set(found))


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{where}: {line}" for where, lines in problems.items() for line in lines)


def _with_data(ctx: AppContext) -> None:
    contract = put_contract(ctx, title="Ledger rewrite")
    put_feedback(ctx, contract, (4, 5, 4, 4))
    fixed = put_contract(ctx, title="Audit", fee_model="fixed", rate_minor=5_000_000, rounding_rule="none")
    put_milestone(ctx, fixed, "Report", 5_000_000, "ready")
    put_contract(ctx, ENDED, title="Earlier work", state="ended", ended_on=date(2026, 10, 30))
    ctx.timesheet.apply([CellChange(contract, date(2026, 11, 24), 420, "review")])


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_screen_names_and_describes_what_the_keyboard_reaches(
    qtbot: QtBot, ctx: AppContext, use_settings, open_window, language: str
) -> None:
    _with_data(ctx)
    use_settings(language=language)
    window: MainWindow = open_window()
    problems: dict[str, list[str]] = {}
    for screen, number in SCREEN_SHORTCUTS.items():
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        qtbot.waitUntil(lambda: not window.state.tasks.busy)
        shown = window.stack.currentWidget()
        assert shown.objectName() == screen
        missing = unnamed(
            [window.navigation, *window.navigation.findChildren(QWidget), *shown.findChildren(QWidget)]
        )
        if missing:
            problems[screen] = missing
    assert not problems, report(problems)


def _review(qtbot: QtBot, window: MainWindow) -> None:
    window.open_item("contract", ENDED)
    screen = window.contracts
    assert screen is not None
    qtbot.waitUntil(lambda: screen.chosen() is not None and screen.chosen().id == ENDED)  # type: ignore[union-attr]
    screen.open_review()


def _dialogs(window: MainWindow) -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_the_dialogs_name_and_describe_what_the_keyboard_reaches(
    qtbot: QtBot, ctx: AppContext, open_window
) -> None:
    _with_data(ctx)
    window: MainWindow = open_window()
    openers = {
        "preferences": window.open_preferences,
        "business details": window.open_business_details,
        "own contract": window.add_own_contract,
        "sign in": window.account.open_sign_in,
        "review": lambda: _review(qtbot, window),
    }
    problems: dict[str, list[str]] = {}
    for what, open_it in openers.items():
        open_it()
        qtbot.waitUntil(lambda: bool(_dialogs(window)))
        for dialog in _dialogs(window):
            missing = unnamed(dialog.findChildren(QWidget))
            if missing:
                problems[what] = missing
            dialog.reject()
        qtbot.waitUntil(lambda: not _dialogs(window))
    assert not problems, report(problems)
