"""My Profile, the personal letter (issue 9): formatted with shortcuts and stored as Markdown, saved a
moment after typing stops and when the keyboard leaves it, a save returning never takes typing away,
a refused letter (200,000 characters) stays in the editor with the reason, undo within the editor."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.ui.main_window import MainWindow
from tests.ui.profile_helpers import idle, open_profile

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton


def letter(window: MainWindow) -> str:
    return window.ctx.profile.get().letter


def test_formatting_shortcuts_are_saved_as_markdown_after_a_pause(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_profile(qtbot, window)
    card = screen.letter
    editor = card.editor
    assert card.count.text() == "0 words · 150–300 words read best"
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_1, CTRL | ALT)  # a heading
    qtbot.keyClicks(editor, "About me")
    assert card.actions_by_name["letterHeadingAction"].isChecked()
    heading = card.buttons["letterHeadingAction"]
    assert not heading.icon().isNull()  # still its glyph once checked, not the word
    assert heading.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_0, CTRL | ALT)  # body text again
    qtbot.keyClicks(editor, "I make ")
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(editor, "slow")
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(editor, " systems ")
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    qtbot.keyClicks(editor, "fast")
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_8, CTRL | SHIFT)  # a bulleted list
    qtbot.keyClicks(editor, "Python")
    assert card.actions_by_name["letterBulletsAction"].isChecked()
    assert letter(window) == ""  # not yet: typing has just stopped
    qtbot.waitUntil(lambda: letter(window) != "", timeout=5000)
    idle(qtbot, window)
    assert letter(window) == "## About me\n\nI make **slow** systems *fast*\n\n- Python"
    assert card.state.text() == "Saved"
    assert editor.hasFocus()  # the save took nothing away
    qtbot.waitUntil(lambda: card.count.text().startswith("8 words"))


def test_leaving_saves_at_once_and_a_returning_save_keeps_newer_typing(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_profile(qtbot, window)
    editor = screen.letter.editor
    # Only save_now and leaving save here: a loaded machine's wait for idle may outlast the pause.
    screen.letter.pause_timer.setInterval(600_000)
    editor.setFocus()
    qtbot.keyClicks(editor, "First words")
    screen.letter.save_now()  # as if the pause were over
    qtbot.keyClicks(editor, " and more")  # typed while that save is on its way
    idle(qtbot, window)
    assert letter(window) == "First words"
    assert editor.toPlainText() == "First words and more"  # the returning save replaced nothing

    screen.details.fields["name"].setFocus()  # leaving the letter saves what is new at once
    idle(qtbot, window)
    assert letter(window) == "First words and more"

    editor.setFocus()
    qtbot.keyClicks(editor, "!")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # undo within the editor
    assert editor.toPlainText() == "First words and more"


def test_a_200000_character_letter_is_refused_and_kept_in_the_editor(
    qtbot: QtBot, ctx: AppContext, open_window
) -> None:
    ctx.profile.set_letter("My short letter.")
    window = open_window()
    screen = open_profile(qtbot, window)
    card = screen.letter
    editor = card.editor
    assert editor.toPlainText() == "My short letter."
    huge = "word " * 40_000  # 200,000 characters, pasted at the end
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText(" " + huge)
    card.save_now()
    idle(qtbot, window)
    assert card.banner.isVisible()
    assert card.banner.is_error()
    assert card.banner.text() == (
        "The personal letter is 200,016 characters long; at most 20,000 fit — shorten it"
    )
    assert "Your text is kept here" in card.banner.fix.text()
    assert card.state.text() == "Not saved"
    assert letter(window) == "My short letter."
    assert len(editor.toPlainText()) > 200_000  # nothing typed is lost

    screen.details.fields["name"].setFocus()  # leaving tries again, and is refused again
    idle(qtbot, window)
    assert card.banner.isVisible()
    assert len(editor.toPlainText()) > 200_000

    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the paste undone
    assert editor.toPlainText() == "My short letter."
    card.save_now()
    idle(qtbot, window)
    assert not card.banner.isVisible()
    assert card.state.text() == "Saved"
    assert letter(window) == "My short letter."


def test_the_letter_from_an_import_shows_when_the_editor_is_not_in_use(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_profile(qtbot, window)
    window.timesheet.grid.setFocus()
    screen.lane.write(lambda s: s.set_letter("*Imported* summary"), lambda _r: None, lambda _w: None)
    idle(qtbot, window)
    assert screen.letter.editor.toPlainText() == "Imported summary"
    assert screen.letter.editor.markdown() == "*Imported* summary"


def test_the_letter_tip_takes_the_keyboard_to_the_letter(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_profile(qtbot, window)
    tip = screen.findChild(QLabel, "profileTip_letter")
    assert tip is not None
    assert tip.accessibleName() == "Write a personal letter; 150–300 words read best"
    start = QPoint(tip.contentsRect().left() + 8, tip.fontMetrics().height() // 2)
    qtbot.mouseClick(tip, LEFT, pos=start)  # on the link's first words
    assert QApplication.focusWidget() is screen.letter.editor


def test_in_swedish_the_tips_are_swedish_and_still_lead_to_the_letter(
    qtbot: QtBot, use_settings, open_window
) -> None:
    use_settings(language="sv")
    window = open_window()
    window.show_screen(window.profile_slot)
    screen = window.profile
    assert screen is not None
    qtbot.waitUntil(lambda: screen.header.status.text().startswith("Profilen "))
    tip = screen.findChild(QLabel, "profileTip_letter")
    assert tip is not None
    assert tip.accessibleName() == "Skriv ett personligt brev; 150–300 ord läses bäst"
    assert screen.letter.count.text() == "0 ord · 150–300 ord läses bäst"
    tip.linkActivated.emit("letter")
    assert QApplication.focusWidget() is screen.letter.editor


def test_tab_follows_the_reading_order_through_the_new_cards(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_profile(qtbot, window)
    chain: list[str] = []
    widget = screen.details.fields["currency"]
    for _ in range(200):
        widget = widget.nextInFocusChain()
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget.objectName())
    order = [
        next(i for i, name in enumerate(chain) if name.startswith("profileTip_")),
        chain.index("letterHeadingButton"),
        chain.index("profileLetter"),
        chain.index("profileLanguageInput"),
        chain.index("profileLinkInput"),
        chain.index("profileSkillInput"),
    ]
    assert order == sorted(order)
