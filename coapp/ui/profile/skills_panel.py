"""Skills: a list (name, level, years), an input completing from the vocabulary (“k8” → Kubernetes),
Enter adds, Delete removes (Ctrl+Z brings it back, through the window's undo stack)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from coapp.domain.skills import Skill, complete_skill
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.theme import set_role
from coapp.ui.toolkit import Card, ErrorBanner, make_action


class RemoveSkill(QUndoCommand):
    """Applied once before it is pushed; undo adds the skill back with its level and years."""

    def __init__(self, text: str, skill: Skill, lane: ProfileLane, report: ErrorBanner) -> None:
        super().__init__(text)
        self._skill, self._lane, self._report = skill, lane, report
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        name = self._skill.name
        self._lane.write(lambda s: s.remove_skill(name), lambda _r: None, self._report.show_error)

    def undo(self) -> None:
        skill = self._skill
        self._lane.write(lambda s: s.add_item(skill), lambda _r: None, self._report.show_error)


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

        self.list = QTreeWidget(self)
        self.list.setObjectName("profileSkillList")
        self.list.setAccessibleName(self.tr("Your skills"))
        self.list.setAccessibleDescription(
            self.tr("Delete removes the selected skill; Ctrl+Z brings it back")
        )
        self.list.setHeaderLabels([self.tr("Skill"), self.tr("Level"), self.tr("Years")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.body.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("No skills yet: type one above and press Enter."), self)
        self.empty.setObjectName("profileSkillsEmpty")
        self.empty.setWordWrap(True)
        set_role(self.empty, "empty")
        self.body.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)  # under the heading when alone
        self.banner = ErrorBanner("profileSkillsError", self.tr("Problem with a skill"), self)
        self.body.addWidget(self.banner)

        self.remove_action = make_action(
            self.list,
            self.tr("Remove skill"),
            self.remove_selected,
            name="removeSkillAction",
            shortcut=QKeySequence.StandardKey.Delete,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.list.addAction(self.remove_action)
        self._skills: tuple[Skill, ...] = ()

    def show_skills(self, skills: tuple[Skill, ...]) -> None:
        selected = self.selected()
        self._skills = skills
        self.list.clear()
        for skill in skills:
            row = QTreeWidgetItem(
                [
                    skill.name,
                    "" if skill.level is None else str(skill.level),
                    "" if skill.years is None else str(skill.years),
                ]
            )
            for column in (1, 2):
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(row)
            if selected is not None and skill.name == selected.name:
                self.list.setCurrentItem(row)
        self.list.setVisible(bool(skills))
        self.empty.setVisible(not skills)

    def names(self) -> list[str]:
        return [s.name for s in self._skills]

    def selected(self) -> Skill | None:
        row = self.list.currentItem()
        if row is None:
            return None
        index = self.list.indexOfTopLevelItem(row)
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
        index = self.list.indexOfTopLevelItem(self.list.currentItem())

        def done(_result: object) -> None:
            self.banner.clear()
            text = self.tr("Remove skill {name}").format(name=skill.name)
            self._undo.push(RemoveSkill(text, skill, self._lane, self.banner))
            count = self.list.topLevelItemCount()
            if count:
                self.list.setCurrentItem(self.list.topLevelItem(min(index, count - 1)))
            # Focus is never lost after an action: the list, or the input once the list is empty.
            (self.list if self._skills else self.input).setFocus()

        self._lane.write(lambda s: s.remove_skill(skill.name), done, self.banner.show_error)

    def _select(self, name: str) -> None:
        for i in range(self.list.topLevelItemCount()):
            row = self.list.topLevelItem(i)
            if row.text(0) == name:
                self.list.setCurrentItem(row)
