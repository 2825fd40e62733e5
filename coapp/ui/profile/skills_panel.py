"""Skills: a list (name, level, years), an input completing from the vocabulary (“k8” → Kubernetes),
Enter adds; in the list Enter or F2 changes the level (Tab on to the years), Delete removes. Ctrl+Z
takes back a removal or a change, through the window's undo stack."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QWidget

from coapp.domain.skills import MAX_YEARS, SKILL_LEVELS, Skill, complete_skill
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.profile.member_list import (
    Intended,
    MemberTree,
    RemoveMember,
    add_list_actions,
    save_member_edit,
)
from coapp.ui.theme import set_role
from coapp.ui.toolkit import Card, ErrorBanner, set_shown

LEVEL, YEARS = 1, 2


def level_names() -> dict[int, str]:
    return {
        1: QCoreApplication.translate("SkillsPanel", "Beginner"),
        2: QCoreApplication.translate("SkillsPanel", "Elementary"),
        3: QCoreApplication.translate("SkillsPanel", "Intermediate"),
        4: QCoreApplication.translate("SkillsPanel", "Advanced"),
        5: QCoreApplication.translate("SkillsPanel", "Expert"),
    }


def level_text(level: int | None, names: dict[int, str]) -> str:
    return "–" if level is None else f"{level} · {names[level]}"


class SkillsPanel(Card):
    def __init__(self, lane: ProfileLane, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__("profileSkills", parent)
        self._lane = lane
        self._undo = undo_stack
        heading = QLabel(self.tr("Skills"), self)
        set_role(heading, "subtitle")
        self.body.addWidget(heading)

        self.input = QLineEdit(self)
        self.input.setObjectName("profileSkillInput")
        self.input.setPlaceholderText(self.tr("Add a skill, e.g. Python, and press Enter"))
        self.input.setAccessibleName(self.tr("New skill"))
        self.input.setAccessibleDescription(self.tr("Completes from known skills; Enter adds it"))
        self._choices = QStringListModel(self)
        self.completer = QCompleter(self._choices, self)
        # The vocabulary answers by name and synonym ("k8" → Kubernetes): shown as it answers.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.input.setCompleter(self.completer)
        self.input.textEdited.connect(self._complete)
        self.input.returnPressed.connect(self.add_typed)
        self.body.addWidget(self.input)

        self.list = MemberTree(
            "profileSkillList",
            [self.tr("Skill"), self.tr("Level"), self.tr("Years")],
            self,
            editable=(LEVEL, YEARS),
            right_aligned=(YEARS,),
        )
        self.list.setAccessibleName(self.tr("Your skills"))
        self.list.setAccessibleDescription(
            self.tr(
                "Enter or F2 changes the level, Tab goes on to the years; "
                "Delete removes the selected skill; Ctrl+Z takes a change back"
            )
        )
        self._levels = level_names()
        self.list.set_rows_shown(3, 12)  # 200 skills scroll inside the list, not the screen
        self.editors = self.list.editors
        self.editors.commit = self._edit
        self.editors.choices(
            LEVEL,
            "profileSkillLevelEditor",
            self.tr("Level"),
            [(self.tr("No level"), None)] + [(level_text(n, self._levels), n) for n in SKILL_LEVELS],
        )
        self.editors.number(YEARS, "profileSkillYearsEditor", self.tr("Years"), 0, MAX_YEARS)
        self.body.addWidget(self.list)
        self.empty = QLabel(self.tr("No skills yet: type one above and press Enter."), self)
        self.empty.setObjectName("profileSkillsEmpty")
        self.empty.setWordWrap(True)
        set_role(self.empty, "empty")
        self.body.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)  # under the heading when alone
        self.banner = ErrorBanner("profileSkillsError", self.tr("Problem with a skill"), self)
        self.body.addWidget(self.banner)
        self.body.addStretch(1)  # a short list keeps to the top of a tall card

        self.hint = QLabel(
            self.tr("Enter or double-click changes a level, Tab the years; Delete removes."), self
        )
        self.hint.setObjectName("profileSkillsHint")
        self.hint.setWordWrap(True)
        set_role(self.hint, "hint")
        self.body.addWidget(self.hint)
        add_list_actions(self.list, (self.tr("Remove skill"), "removeSkillAction", self.remove_selected))
        self._skills: tuple[Skill, ...] = ()
        self._intended = Intended()
        # Until the profile has been read, the list stands ready (empty) and no empty state is
        # claimed: the first profile then shows without widgets appearing, whose first show would
        # cost the opening its frame (ARCHITECTURE.md budgets; benchmarks section 6).
        self.empty.setVisible(False)

    def show_skills(self, skills: tuple[Skill, ...]) -> None:
        selected = self.selected()
        self._skills = skills
        levels = self._levels
        self.list.show_rows(
            [[s.name, level_text(s.level, levels), "–" if s.years is None else str(s.years)] for s in skills],
            [[s.name, s.level, s.years] for s in skills],
            [self._spoken(s) for s in skills],
        )
        if selected is not None:
            self._select(selected.name)
        set_shown(self.list, bool(skills))
        set_shown(self.hint, bool(skills))
        set_shown(self.empty, not skills)

    def _spoken(self, skill: Skill) -> str:
        parts = [skill.name]
        if skill.level is not None:
            parts.append(self.tr("level {level} of 5").format(level=skill.level))
        if skill.years is not None:
            parts.append(
                self.tr("1 year") if skill.years == 1 else self.tr("{n} years").format(n=skill.years)
            )
        return ", ".join(parts)

    def names(self) -> list[str]:
        return [s.name for s in self._skills]

    def selected(self) -> Skill | None:
        index = self.list.current_row()
        return self._skills[index] if 0 <= index < len(self._skills) else None

    def _complete(self, text: str) -> None:
        self._choices.setStringList(complete_skill(text))
        if self._choices.rowCount():
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def add_typed(self) -> None:
        text = self.input.text()
        if not text.strip():
            return
        self.completer.popup().hide()

        def done(skill: Skill) -> None:
            self.banner.clear()
            if self.input.text() in (text, skill.name):
                self.input.clear()
            self._select(skill.name)

        self._lane.write(lambda s: s.add_skill(text), done, self.banner.show_error)

    def remove_selected(self) -> None:
        skill = self.selected()
        if skill is None:
            return
        index = self.list.current_row()

        def done(_result: object) -> None:
            self.banner.clear()
            text = self.tr("Remove skill {name}").format(name=skill.name)
            self._undo.push(RemoveMember(text, skill, index, self._lane, self.banner.show_error))
            self.list.select_row(min(index, len(self._skills) - 1))
            # Focus is never lost after an action: the list, or the input once the list is empty.
            (self.list if self._skills else self.input).setFocus()

        self._lane.write(lambda s: s.remove_skill(skill.name), done, self.banner.show_error)

    def _edit(self, row: int, column: int, value: object) -> None:
        """A level or years chosen in the list: saved, and Ctrl+Z takes it back."""
        if not 0 <= row < len(self._skills):
            return
        before = self._intended.base(self._skills[row].key, self._skills[row])
        after = dataclasses.replace(before, **{"level" if column == LEVEL else "years": value})
        text = self.tr("Change {name}").format(name=before.name)
        save_member_edit(self._lane, self._undo, self.banner, self._intended, (before, after), text)

    def _select(self, name: str) -> None:
        names = self.names()
        if name in names and self.list.current_row() != names.index(name):
            self.list.select_row(names.index(name))
