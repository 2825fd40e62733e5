"""The personal details: the photo and eleven fields that save as the user leaves each one
(editingFinished).

A refused value keeps what the user typed and says why in the banner under the form; the other
fields are untouched. Ctrl+Z inside a field undoes typing (QLineEdit's own undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from coapp.domain.profile import PersonalDetails
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.profile.photo_well import PhotoWell
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card, ErrorBanner


def detail_text(details: PersonalDetails, field: str) -> str:
    value = getattr(details, field)
    if value is None:
        return ""
    if field == "available_from":
        return value.isoformat()
    return str(value)


class DetailsForm(Card):
    def __init__(self, lane: ProfileLane, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__("profileDetails", parent)
        self._lane = lane
        heading = QLabel(self.tr("Personal details"), self)
        set_role(heading, "subtitle")
        top = QHBoxLayout()
        top.addWidget(heading, 1, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(top)
        # (field, label, placeholder) in reading order: two pairs a row, Tab goes left to right.
        rows = (
            (("name", self.tr("Name"), ""), ("title", self.tr("Title"), self.tr("Senior backend developer"))),
            (
                ("email", self.tr("E-mail"), "name@example.com"),
                ("phone", self.tr("Phone"), "+46 70 123 45 67"),
            ),
            (("city", self.tr("City"), ""), ("country", self.tr("Country"), self.tr("SE, DE, …"))),
            (
                ("available_from", self.tr("Available from"), "2026-12-01"),
                ("availability_percent", self.tr("Availability (%)"), "100"),
            ),
            (("hourly_rate", self.tr("Hourly rate"), ""), ("daily_rate", self.tr("Daily rate"), "")),
            (("currency", self.tr("Currency"), "SEK"),),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(Space.M)
        grid.setVerticalSpacing(Space.S)
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, str] = {}
        self._saved: dict[str, str] = {}
        for r, pairs in enumerate(rows):
            for c, (field, label, placeholder) in enumerate(pairs):
                edit = QLineEdit(self)
                edit.setObjectName(f"profile_{field}")
                edit.setPlaceholderText(placeholder)
                edit.setAccessibleName(label)
                caption = QLabel(label, self)
                caption.setBuddy(edit)
                grid.addWidget(caption, r, 2 * c)
                grid.addWidget(edit, r, 2 * c + 1)
                edit.editingFinished.connect(lambda f=field: self._finished(f))
                self.fields[field] = edit
                self.labels[field] = label
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(2, Space.XL)
        # The photo beside the heading: the fields keep the card's whole width.
        self.photo = PhotoWell(lane, undo_stack, self)
        top.addWidget(self.photo)
        self.body.addLayout(grid)
        self.body.addWidget(self.photo.banner)
        self.banner = ErrorBanner("profileDetailsError", self.tr("Problem with the personal details"), self)
        self.body.addWidget(self.banner)
        self.body.addStretch(1)  # beside a taller card the form stays at the top
        self._refused: dict[str, str] = {}  # field -> reason, while its text is refused

    def show_details(self, details: PersonalDetails) -> None:
        """The stored values; a field the user is typing in or whose text was refused keeps its text."""
        self.photo.refresh()
        for field, edit in self.fields.items():
            text = detail_text(details, field)
            self._saved[field] = text
            if field in self._refused or (edit.hasFocus() and edit.isModified()):
                continue
            if edit.text() != text:
                edit.setText(text)

    def _finished(self, field: str) -> None:
        edit = self.fields[field]
        text = edit.text()
        if text == self._saved.get(field) and field not in self._refused:
            return

        def done(_profile: object) -> None:
            self._refused.pop(field, None)
            edit.setAccessibleDescription("")
            if edit.text() == text:  # the stored form ("sek" → "SEK"), unless typing went on
                edit.setText(self._saved.get(field, text))
            self._show_refusals()

        def failed(why: str) -> None:
            self._refused[field] = why
            edit.setAccessibleDescription(why)
            self._show_refusals()

        self._lane.write(lambda service: service.set_field(field, text), done, failed)

    def _show_refusals(self) -> None:
        if not self._refused:
            self.banner.clear()
            return
        lines = [f"{self.labels[f]}: {why}" for f, why in self._refused.items()]
        self.banner.show_error("\n".join(lines), self.tr("Correct the field; it saves when you leave it."))

    def refused(self, field: str) -> str:
        return self._refused.get(field, "")
