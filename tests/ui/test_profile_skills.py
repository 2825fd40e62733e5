"""My Profile, skills in the list (issue 9): Enter or F2 opens the level, Tab goes on to the years,
each change is saved and Ctrl+Z takes it back; a save that returns leaves an open editor alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.domain.skills import Skill
from coapp.ui.main_window import MainWindow
from tests.ui.profile_helpers import idle, open_profile

CTRL = Qt.KeyboardModifier.ControlModifier


def leave(qtbot: QtBot, editor: QWidget, key: Qt.Key, window: MainWindow) -> None:
    """Enter or Tab in a list's editor: the delegate commits on the next turn of the event loop."""
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor)
    idle(qtbot, window)


def stored(window: MainWindow) -> list[tuple[str, int | None, int | None]]:
    return [(s.name, s.level, s.years) for s in window.ctx.profile.get().skills]


def test_level_and_years_change_in_the_list_from_the_keyboard_and_undo(
    qtbot: QtBot, ctx: AppContext, open_window
) -> None:
    ctx.profile.add_skill("Python")
    ctx.profile.add_skill("Rust", 2, 1)
    window = open_window()
    screen = open_profile(qtbot, window)
    skills = screen.skills.list
    assert [skills.topLevelItem(0).text(c) for c in range(3)] == ["Python", "–", "–"]
    assert [skills.topLevelItem(1).text(c) for c in range(3)] == ["Rust", "2 · Elementary", "1"]

    skills.setFocus()
    skills.select_row(0)
    qtbot.keyClick(skills, Qt.Key.Key_Return)  # Enter on a skill opens its level
    level = QApplication.focusWidget()
    assert isinstance(level, QComboBox)
    assert level.objectName() == "profileSkillLevelEditor"
    assert level.currentText() == "No level"
    qtbot.keyClick(level, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    qtbot.keyClick(level, Qt.Key.Key_Down)
    qtbot.keyClick(level, Qt.Key.Key_Down)
    qtbot.keyClick(level, Qt.Key.Key_Down)
    assert level.currentData() == 4
    leave(qtbot, level, Qt.Key.Key_Tab, window)  # saved, and on to the years
    years = QApplication.focusWidget()
    assert isinstance(years, QSpinBox)
    assert years.objectName() == "profileSkillYearsEditor"
    years.lineEdit().selectAll()
    qtbot.keyClicks(years, "7")
    leave(qtbot, years, Qt.Key.Key_Return, window)
    assert stored(window) == [("Python", 4, 7), ("Rust", 2, 1)]
    assert [skills.topLevelItem(0).text(c) for c in range(3)] == ["Python", "4 · Advanced", "7"]
    assert skills.hasFocus()

    qtbot.keyClick(skills, Qt.Key.Key_Z, CTRL)  # the years back
    idle(qtbot, window)
    assert stored(window)[0] == ("Python", 4, None)
    window.undo_stack.undo()  # the level back
    idle(qtbot, window)
    assert stored(window)[0] == ("Python", None, None)
    window.undo_stack.redo()
    idle(qtbot, window)
    assert stored(window)[0] == ("Python", 4, None)


def test_f2_on_the_name_edits_the_level_and_a_returning_save_keeps_the_open_editor(
    qtbot: QtBot, ctx: AppContext, open_window
) -> None:
    ctx.profile.add_skill("Go", 3, 2)
    window = open_window()
    screen = open_profile(qtbot, window)
    skills = screen.skills.list
    skills.setFocus()
    skills.select_row(0)
    qtbot.keyClick(skills, Qt.Key.Key_F2)
    level = QApplication.focusWidget()
    assert isinstance(level, QComboBox)
    level.setCurrentIndex(level.findData(5))
    qtbot.keyClick(level, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not level)
    years = QApplication.focusWidget()
    assert isinstance(years, QSpinBox)
    years.lineEdit().selectAll()
    qtbot.keyClicks(years, "1")
    idle(qtbot, window)  # the level's save returns while the years are being typed
    assert stored(window) == [("Go", 5, 2)]
    assert QApplication.focusWidget() is years  # still open, with what was typed
    assert years.text() == "1"
    qtbot.keyClicks(years, "2")
    leave(qtbot, years, Qt.Key.Key_Return, window)
    assert stored(window) == [("Go", 5, 12)]


def test_removing_a_skill_brings_it_back_in_its_place_with_its_level(
    qtbot: QtBot, ctx: AppContext, open_window
) -> None:
    for skill in (Skill("Python", 5, 10), Skill("Go", 3, 2), Skill("SQL", 4, 8)):
        ctx.profile.add_item(skill)
    window = open_window()
    screen = open_profile(qtbot, window)
    skills = screen.skills.list
    skills.setFocus()
    skills.select_row(1)
    qtbot.keyClick(skills, Qt.Key.Key_Delete)
    idle(qtbot, window)
    assert stored(window) == [("Python", 5, 10), ("SQL", 4, 8)]
    assert skills.hasFocus()
    assert skills.current_row() == 1
    window.undo_stack.undo()
    idle(qtbot, window)
    assert stored(window) == [("Python", 5, 10), ("Go", 3, 2), ("SQL", 4, 8)]
    assert screen.skills.names() == ["Python", "Go", "SQL"]
