"""Add or edit a job: organisation, role, start month, end month or current, description, skills.
The domain builds the job when OK is pressed; a refusal (the period rule, a missing role) is shown
in the dialog and nothing is saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.domain.profile_sections import Experience
from coapp.ui.profile.lane import sentence
from coapp.ui.theme import Space, set_role


class ExperienceDialog(QDialog):
    def __init__(self, job: Experience | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("experienceDialog")
        self.setWindowTitle(self.tr("Edit job") if job else self.tr("Add job"))
        self._id = job.id if job else ""
        self.job: Experience | None = None
        self.organisation = self._line(
            "expOrganisation", self.tr("Organisation"), job.organisation if job else ""
        )
        self.role = self._line("expRole", self.tr("Role"), job.role if job else "")
        self.start = self._line("expStart", self.tr("Start month"), str(job.start) if job else "", "2022-03")
        end = str(job.end) if job and job.end else ""
        self.end = self._line("expEnd", self.tr("End month"), end, "2024-06")
        self.current = QCheckBox(self.tr("I work here now"), self)
        self.current.setObjectName("expCurrent")
        self.current.setChecked(bool(job and job.current))
        self.current.toggled.connect(lambda on: self.end.setEnabled(not on))
        self.end.setEnabled(not self.current.isChecked())
        self.description = QPlainTextEdit(job.description if job else "", self)
        self.description.setObjectName("expDescription")
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setTabChangesFocus(True)
        self.skills = self._line(
            "expSkills", self.tr("Skills used"), ", ".join(job.skills) if job else "", "Python, Kubernetes"
        )
        form = QFormLayout()
        form.setSpacing(Space.S)
        for label, widget in (
            (self.tr("Organisation"), self.organisation),
            (self.tr("Role"), self.role),
            (self.tr("Start month"), self.start),
            (self.tr("End month"), self.end),
            ("", self.current),
            (self.tr("Description"), self.description),
            (self.tr("Skills used"), self.skills),
        ):
            form.addRow(label, widget)
        self.error = QLabel(self)
        self.error.setObjectName("experienceError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem with the job"))
        set_role(self.error, "error")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.L, Space.XL, Space.L)
        layout.setSpacing(Space.M)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def _line(self, name: str, label: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setPlaceholderText(placeholder)
        return edit

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def accept(self) -> None:
        """Built and checked by the domain; a refusal keeps the dialog open with the reason."""
        current = self.current.isChecked()
        try:
            self.job = Experience(
                organisation=self.organisation.text(),
                role=self.role.text(),
                start=self.start.text(),  # type: ignore[arg-type]  # parsed by the domain
                end=None if current else self.end.text(),  # type: ignore[arg-type]
                current=current,
                description=self.description.toPlainText(),
                skills=tuple(s for s in self.skills.text().split(",") if s.strip()),
                id=self._id,
            )
        except CoappError as error:
            self.show_error(sentence(str(error)))
            return
        super().accept()
