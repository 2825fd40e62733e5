"""My Profile, languages (issue 9): completion from common languages, a CEFR level or native, a
duplicate refused with the text kept, the level changed in the list, removal and moves undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.ui.main_window import MainWindow
from tests.ui.profile_helpers import idle, open_profile

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
# The completion popup on the offscreen platform: it cannot raise windows or grab the keyboard.
POPUP_NOISE = r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"


def stored(window: MainWindow) -> list[tuple[str, str]]:
    return [(lang.language, lang.level) for lang in window.ctx.profile.get().languages]


@pytest.mark.qt_log_ignore(POPUP_NOISE)
def test_add_with_completion_and_a_level_and_a_duplicate_is_refused(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_profile(qtbot, window)
    languages = screen.languages
    assert languages.empty.isVisible()
    assert "No languages yet" in languages.empty.text()

    languages.input.setFocus()
    qtbot.keyClicks(languages.input, "Sv")
    model = languages.completer.completionModel()
    offered = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert "Svenska" in offered  # Swedish names as well as English ones
    languages.completer.popup().hide()
    languages.input.setText("swedish")
    languages.level.setCurrentIndex(languages.level.findData("native"))
    qtbot.keyClick(languages.input, Qt.Key.Key_Return)
    idle(qtbot, window)
    assert stored(window) == [("Swedish", "native")]
    assert languages.input.text() == ""
    assert languages.list.topLevelItem(0).text(1) == "Native"
    assert not languages.empty.isVisible()

    languages.input.setText("SWEDISH")
    qtbot.keyClick(languages.input, Qt.Key.Key_Return)
    idle(qtbot, window)
    assert languages.banner.isVisible()
    assert languages.banner.text() == "Swedish is already in your languages"
    assert "Change its level in the list" in languages.banner.fix.text()
    assert languages.input.text() == "SWEDISH"  # kept to correct
    assert stored(window) == [("Swedish", "native")]

    languages.input.setText("English")
    languages.level.setCurrentIndex(languages.level.findData("B2"))
    qtbot.mouseClick(languages.add_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert not languages.banner.isVisible()
    assert stored(window) == [("Swedish", "native"), ("English", "B2")]


def test_the_level_changes_in_the_list_and_undo_takes_it_back(
    qtbot: QtBot, ctx: AppContext, open_window
) -> None:
    ctx.profile.add_language("English", "B2")
    window = open_window()
    screen = open_profile(qtbot, window)
    tree = screen.languages.list
    tree.setFocus()
    tree.select_row(0)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    assert editor.objectName() == "profileLanguageLevelEditor"
    assert editor.currentData() == "B2"
    editor.setCurrentIndex(editor.findData("C1"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor)
    idle(qtbot, window)
    assert stored(window) == [("English", "C1")]
    assert tree.topLevelItem(0).text(1) == "C1 · Advanced"
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    idle(qtbot, window)
    assert stored(window) == [("English", "B2")]


def test_remove_and_move_from_the_keyboard_with_undo(qtbot: QtBot, ctx: AppContext, open_window) -> None:
    for language, level in (("Swedish", "native"), ("English", "C2"), ("German", "A2")):
        ctx.profile.add_language(language, level)
    window = open_window()
    screen = open_profile(qtbot, window)
    tree = screen.languages.list
    tree.setFocus()
    tree.select_row(0)
    qtbot.keyClick(tree, Qt.Key.Key_Down, ALT)
    idle(qtbot, window)
    assert [name for name, _ in stored(window)] == ["English", "Swedish", "German"]
    assert tree.current_row() == 1

    qtbot.keyClick(tree, Qt.Key.Key_Delete)  # Swedish, from the middle
    idle(qtbot, window)
    assert stored(window) == [("English", "C2"), ("German", "A2")]
    assert tree.hasFocus()
    window.undo_stack.undo()
    idle(qtbot, window)
    assert stored(window) == [("English", "C2"), ("Swedish", "native"), ("German", "A2")]
    window.undo_stack.redo()
    idle(qtbot, window)
    assert stored(window) == [("English", "C2"), ("German", "A2")]


def test_the_languages_tip_takes_the_keyboard_to_the_new_language(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_profile(qtbot, window)
    screen.go_to("languages")
    assert QApplication.focusWidget() is screen.languages.input
