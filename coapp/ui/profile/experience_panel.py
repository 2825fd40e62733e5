"""Experience: the jobs, newest the user put first; add/edit in a dialog, Delete removes (Ctrl+Z
brings it back to its place), Alt+Up/Alt+Down move a job."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from coapp.domain.profile_sections import Experience
from coapp.services.profile_rows import Section
from coapp.ui.profile.experience_dialog import ExperienceDialog
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card, ErrorBanner, make_action, make_button


def period(job: Experience, now: str) -> str:
    end = now if job.current or job.end is None else str(job.end)
    return f"{job.start} – {end}"


class RemoveJob(QUndoCommand):
    """Applied once before it is pushed; undo adds the job back and moves it to where it was."""

    def __init__(
        self, text: str, job: Experience, index: int, lane: ProfileLane, report: ErrorBanner
    ) -> None:
        super().__init__(text)
        self._job, self._index, self._lane, self._report = job, index, lane, report
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        job_id = self._job.id
        self._lane.write(
            lambda s: s.remove_item(Section.EXPERIENCE, job_id), lambda _r: None, self._report.show_error
        )

    def undo(self) -> None:
        job, index = dataclasses.replace(self._job, id=""), self._index

        def work(service):  # type: ignore[no-untyped-def]
            stored = service.add_item(job)
            service.move_item(Section.EXPERIENCE, stored.id, index)
            return stored

        def done(stored: Experience) -> None:
            self._job = stored  # redo removes the row that came back

        self._lane.write(work, done, self._report.show_error)


class ExperiencePanel(Card):
    def __init__(self, lane: ProfileLane, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__("profileExperience", parent)
        self._lane = lane
        self._undo = undo_stack
        self._jobs: tuple[Experience, ...] = ()
        top = QHBoxLayout()
        heading = QLabel(self.tr("Experience"), self)
        set_role(heading, "subtitle")
        top.addWidget(heading, 1)
        self.add_button = make_button(
            self, "addJobButton", self.tr("Add job…"), self.tr("Add a job or assignment"), self.add_job
        )
        self.edit_button = make_button(
            self,
            "editJobButton",
            self.tr("Edit…"),
            self.tr("Edit the selected job (Enter)"),
            self.edit_selected,
        )
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        self.body.addLayout(top)

        self.list = QListWidget(self)
        self.list.setObjectName("profileJobList")
        self.list.setSpacing(Space.XS // 2)  # two-line jobs apart from each other
        self.list.setAccessibleName(self.tr("Your jobs"))
        self.list.setAccessibleDescription(
            self.tr("Enter edits, Delete removes (Ctrl+Z brings it back), Alt+Up and Alt+Down move")
        )
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.body.addWidget(self.list, 1)
        self.empty = QLabel(
            self.tr("No experience yet: add the jobs and assignments you are proud of."), self
        )
        self.empty.setObjectName("profileExperienceEmpty")
        self.empty.setWordWrap(True)
        set_role(self.empty, "empty")
        self.body.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)  # under the heading when alone
        self.banner = ErrorBanner("profileExperienceError", self.tr("Problem with a job"), self)
        self.body.addWidget(self.banner)

        widget = Qt.ShortcutContext.WidgetShortcut
        for text, slot, name, key in (
            (
                self.tr("Remove job"),
                self.remove_selected,
                "removeJobAction",
                QKeySequence(QKeySequence.StandardKey.Delete),
            ),
            (
                self.tr("Move job up"),
                lambda: self.move_selected(-1),
                "moveJobUpAction",
                QKeySequence("Alt+Up"),
            ),
            (
                self.tr("Move job down"),
                lambda: self.move_selected(1),
                "moveJobDownAction",
                QKeySequence("Alt+Down"),
            ),
        ):
            self.list.addAction(make_action(self.list, text, slot, name=name, shortcut=key, context=widget))
        self._enable()

    def show_jobs(self, jobs: tuple[Experience, ...]) -> None:
        row = self.list.currentRow()
        self._jobs = jobs
        self.list.clear()
        now = self.tr("now")
        for job in jobs:
            item = QListWidgetItem(f"{job.role} · {job.organisation}\n{period(job, now)}")
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{job.role}, {job.organisation}, {period(job, now)}"
            )
            self.list.addItem(item)
        if jobs:
            self.list.setCurrentRow(min(max(row, 0), len(jobs) - 1))
        self.list.setVisible(bool(jobs))
        self.empty.setVisible(not jobs)
        self._enable()

    def _enable(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def selected(self) -> Experience | None:
        row = self.list.currentRow()
        return self._jobs[row] if 0 <= row < len(self._jobs) else None

    def add_job(self) -> ExperienceDialog:
        return self._open(None)

    def edit_selected(self) -> ExperienceDialog | None:
        job = self.selected()
        return self._open(job) if job else None

    def _open(self, job: Experience | None) -> ExperienceDialog:
        dialog = ExperienceDialog(job, self)

        def save() -> None:
            new = dialog.job
            assert new is not None
            write = (lambda s: s.edit_item(new)) if job else (lambda s: s.add_item(new))

            def done(stored: Experience) -> None:
                self.banner.clear()
                ids = [j.id for j in self._jobs]
                if stored.id in ids:
                    self.list.setCurrentRow(ids.index(stored.id))
                self.list.setFocus()

            self._lane.write(write, done, self.banner.show_error)

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        job, index = self.selected(), self.list.currentRow()
        if job is None:
            return

        def done(_r: object) -> None:
            self.banner.clear()
            text = self.tr("Remove job at {organisation}").format(organisation=job.organisation)
            self._undo.push(RemoveJob(text, job, index, self._lane, self.banner))
            (self.list if self._jobs else self.add_button).setFocus()

        self._lane.write(lambda s: s.remove_item(Section.EXPERIENCE, job.id), done, self.banner.show_error)

    def move_selected(self, step: int) -> None:
        job, index = self.selected(), self.list.currentRow()
        if job is None or not 0 <= index + step < len(self._jobs):
            return

        def done(_r: object) -> None:
            self.list.setCurrentRow(index + step)

        self._lane.write(
            lambda s: s.move_item(Section.EXPERIENCE, job.id, index + step), done, self.banner.show_error
        )
