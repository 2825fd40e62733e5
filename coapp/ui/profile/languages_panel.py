"""Languages: a language (completing from common languages, in Swedish and English) and a level
(CEFR A1–C2 or native); Enter or Add adds it. In the list Enter or F2 changes the level, Delete
removes, Alt+Up/Alt+Down move; Ctrl+Z takes any of them back."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QWidget

from coapp.domain.errors import CoappError
from coapp.domain.profile import LanguageSkill
from coapp.services.profile_rows import Section
from coapp.ui.error_text import error_text
from coapp.ui.i18n import current_language
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.profile.languages_names import language_names
from coapp.ui.profile.member_list import (
    Intended,
    MemberTree,
    RemoveMember,
    add_list_actions,
    member_row_id,
    save_member_edit,
)
from coapp.ui.theme import set_role
from coapp.ui.toolkit import Card, ErrorBanner, make_button, set_shown

LEVEL = 1


def level_names() -> dict[str, str]:
    """CEFR levels with the words people know them by; native first, as it is the most chosen."""
    return {
        "native": QCoreApplication.translate("LanguagesPanel", "Native"),
        "C2": QCoreApplication.translate("LanguagesPanel", "C2 · Proficient"),
        "C1": QCoreApplication.translate("LanguagesPanel", "C1 · Advanced"),
        "B2": QCoreApplication.translate("LanguagesPanel", "B2 · Upper intermediate"),
        "B1": QCoreApplication.translate("LanguagesPanel", "B1 · Intermediate"),
        "A2": QCoreApplication.translate("LanguagesPanel", "A2 · Elementary"),
        "A1": QCoreApplication.translate("LanguagesPanel", "A1 · Beginner"),
    }


class LanguagesPanel(Card):
    def __init__(self, lane: ProfileLane, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__("profileLanguages", parent)
        self._lane = lane
        self._undo = undo_stack
        self._languages: tuple[LanguageSkill, ...] = ()
        self._intended = Intended()
        self._levels = level_names()
        heading = QLabel(self.tr("Languages"), self)
        set_role(heading, "subtitle")
        self.body.addWidget(heading)

        row = QHBoxLayout()
        self.input = QLineEdit(self)
        self.input.setObjectName("profileLanguageInput")
        self.input.setPlaceholderText(self.tr("Language, e.g. English"))
        self.input.setAccessibleName(self.tr("New language"))
        self.input.setAccessibleDescription(self.tr("Completes from common languages; Enter adds it"))
        self.completer = QCompleter(language_names(current_language()), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.input.setCompleter(self.completer)
        self.input.returnPressed.connect(self.add_typed)
        self.level = QComboBox(self)
        self.level.setObjectName("profileLanguageLevel")
        self.level.setAccessibleName(self.tr("Level"))
        self.level.setToolTip(self.tr("How well you speak the language you add"))
        for code, text in self._levels.items():
            self.level.addItem(text, code)
        self.level.setCurrentIndex(self.level.findData("C1"))
        self.add_button = make_button(
            self, "addLanguageButton", self.tr("Add"), self.tr("Add the language (Enter)"), self.add_typed
        )
        self.add_button.setAccessibleName(self.tr("Add language"))
        row.addWidget(self.input, 3)
        row.addWidget(self.level, 2)  # the level's words are elided before the language is
        row.addWidget(self.add_button)
        self.body.addLayout(row)

        self.list = MemberTree(
            "profileLanguageList", [self.tr("Language"), self.tr("Level")], self, editable=(LEVEL,)
        )
        self.list.setAccessibleName(self.tr("Your languages"))
        self.list.setAccessibleDescription(
            self.tr(
                "Enter or F2 changes the level, Delete removes, Alt+Up and Alt+Down move; "
                "Ctrl+Z takes a change back"
            )
        )
        self.editors = self.list.editors
        self.editors.commit = self._edit
        self.editors.choices(
            LEVEL, "profileLanguageLevelEditor", self.tr("Level"), [(t, c) for c, t in self._levels.items()]
        )
        self.body.addWidget(self.list)
        self.empty = QLabel(self.tr("No languages yet: add the ones you work in, with a level."), self)
        self.empty.setObjectName("profileLanguagesEmpty")
        self.empty.setWordWrap(True)
        set_role(self.empty, "empty")
        self.body.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        self.hint = QLabel(self.tr("Enter changes a level, Delete removes, Alt+Up/Down moves."), self)
        self.hint.setObjectName("profileLanguagesHint")
        self.hint.setWordWrap(True)
        set_role(self.hint, "hint")
        self.body.addWidget(self.hint)
        self.banner = ErrorBanner("profileLanguagesError", self.tr("Problem with a language"), self)
        self.body.addWidget(self.banner)
        self.body.addStretch(1)  # a short list keeps to the top of a tall card
        add_list_actions(
            self.list,
            (self.tr("Remove language"), "removeLanguageAction", self.remove_selected),
            (
                (self.tr("Move language up"), "moveLanguageUpAction"),
                (self.tr("Move language down"), "moveLanguageDownAction"),
                self.move_selected,
            ),
        )
        self.show_languages(())
        # Until the profile has been read, the list stands ready (empty) and no empty state is
        # claimed: the first profile then shows without widgets appearing, whose first show would
        # cost the opening its frame (ARCHITECTURE.md budgets; benchmarks section 6).
        self.list.setVisible(True)
        self.empty.setVisible(False)

    def show_languages(self, languages: tuple[LanguageSkill, ...]) -> None:
        self._languages = languages
        levels = self._levels
        self.list.show_rows(
            [[lang.language, levels[lang.level]] for lang in languages],
            [[lang.language, lang.level] for lang in languages],
            [f"{lang.language}, {levels[lang.level]}" for lang in languages],
        )
        set_shown(self.list, bool(languages))
        set_shown(self.hint, bool(languages))
        set_shown(self.empty, not languages)

    def names(self) -> list[str]:
        return [lang.language for lang in self._languages]

    def selected(self) -> LanguageSkill | None:
        row = self.list.current_row()
        return self._languages[row] if 0 <= row < len(self._languages) else None

    def add_typed(self) -> None:
        text, level = self.input.text(), str(self.level.currentData())
        if not text.strip():
            self.input.setFocus()
            return
        self.completer.popup().hide()

        def done(language: LanguageSkill) -> None:
            self.banner.clear()
            if self.input.text() == text:
                self.input.clear()
            self._select(language.language)

        def failed(why: str) -> None:
            fix = self.tr("Change its level in the list instead (select it and press Enter).")
            self.banner.show_error(why, fix if self._present(text) else "")

        self._lane.write(lambda s: s.add_language(text, level), done, failed)

    def _edit(self, row: int, _column: int, level: object) -> None:
        if not 0 <= row < len(self._languages):
            return
        before = self._intended.base(self._languages[row].key, self._languages[row])
        try:
            after = dataclasses.replace(before, level=str(level))
        except CoappError as error:
            self.banner.show_error(error_text(error))
            return
        text = self.tr("Change the level of {language}").format(language=before.language)
        save_member_edit(self._lane, self._undo, self.banner, self._intended, (before, after), text)

    def remove_selected(self) -> None:
        language, index = self.selected(), self.list.current_row()
        if language is None:
            return

        def done(_result: object) -> None:
            self.banner.clear()
            text = self.tr("Remove {language}").format(language=language.language)
            self._undo.push(RemoveMember(text, language, index, self._lane, self.banner.show_error))
            self.list.select_row(min(index, len(self._languages) - 1))
            (self.list if self._languages else self.input).setFocus()

        self._lane.write(lambda s: s.remove_language(language.language), done, self.banner.show_error)

    def move_selected(self, step: int) -> None:
        language, index = self.selected(), self.list.current_row()
        if language is None or not 0 <= index + step < len(self._languages):
            return
        item_id = member_row_id(language)

        def done(_r: object) -> None:
            self.list.select_row(index + step)

        self._lane.write(
            lambda s: s.move_item(Section.LANGUAGES, item_id, index + step), done, self.banner.show_error
        )

    def _present(self, typed: str) -> bool:
        """Whether the typed language is one of the list's (a duplicate: its level is changed there)."""
        try:
            key = LanguageSkill(typed, "native").key
        except CoappError:
            return False
        return any(language.key == key for language in self._languages)

    def _select(self, name: str) -> None:
        names = self.names()
        if name in names:
            self.list.select_row(names.index(name))
