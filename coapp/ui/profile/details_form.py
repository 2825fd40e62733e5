"""The personal details: the photo and eleven fields that save as the user leaves each one
(editingFinished).

A refused value keeps what the user typed and says why in the banner under the form; the other
fields are untouched. Ctrl+Z inside a field undoes typing (QLineEdit's own undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from coapp.domain.profile import PersonalDetails
from coapp.ui.i18n import current_language
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
    if field in ("hourly_rate", "daily_rate") and current_language() == "sv":
        return str(value).replace(".", ",")  # "1150,00" in Swedish (the domain reads either mark)
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
        # (field, label, placeholder) in reading order: Tab goes left to right, then down.
        rows = (
            (
                ("name", self.tr("Name"), self.tr("As on your resume")),
                ("title", self.tr("Title"), self.tr("Senior backend developer")),
            ),
            (
                ("email", self.tr("E-mail"), "name@example.com"),
                ("phone", self.tr("Phone"), "+46 70 123 45 67"),
            ),
            (
                ("city", self.tr("City"), self.tr("Where you work from")),
                ("country", self.tr("Country"), self.tr("SE, DE, …")),
            ),
            (
                ("available_from", self.tr("Available from"), "2026-12-01"),
                ("availability_percent", self.tr("Availability (%)"), "100"),
            ),
            (
                ("hourly_rate", self.tr("Hourly rate"), self.tr("What you ask per hour")),
                ("daily_rate", self.tr("Daily rate"), self.tr("What you ask per day")),
            ),
            (("currency", self.tr("Currency"), "SEK"),),
        )
        self.grid = grid = QGridLayout()
        grid.setHorizontalSpacing(Space.M)
        grid.setVerticalSpacing(Space.S)
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, str] = {}
        self._saved: dict[str, str] = {}
        self._pairs: list[tuple[QLabel, QLineEdit]] = []
        self._two_pairs_need: tuple[object, int] | None = None
        for pairs in rows:
            for field, label, placeholder in pairs:
                edit = QLineEdit(self)
                edit.setObjectName(f"profile_{field}")
                edit.setPlaceholderText(placeholder)
                edit.setAccessibleName(label)
                caption = QLabel(label, self)
                caption.setBuddy(edit)
                edit.editingFinished.connect(lambda f=field: self._finished(f))
                self.fields[field] = edit
                self.labels[field] = label
                self._pairs.append((caption, edit))
        self.pairs_per_row = 0
        self._arrange(2)
        # The photo beside the heading: the fields keep the card's whole width.
        self.photo = PhotoWell(lane, undo_stack, self)
        top.addWidget(self.photo)
        self.body.addLayout(grid)
        self.body.addWidget(self.photo.banner)
        self.banner = ErrorBanner("profileDetailsError", self.tr("Problem with the personal details"), self)
        self.body.addWidget(self.banner)
        self.body.addStretch(1)  # beside a taller card the form stays at the top
        self._refused: dict[str, str] = {}  # field -> reason, while its text is refused

    # --- two pairs a row where they fit, one where the card is narrow (the smallest window) ----------

    def _arrange(self, per_row: int) -> None:
        if per_row == self.pairs_per_row:
            return
        self.pairs_per_row = per_row
        for caption, edit in self._pairs:
            self.grid.removeWidget(caption)
            self.grid.removeWidget(edit)
        for n, (caption, edit) in enumerate(self._pairs):
            row, column = divmod(n, per_row)
            self.grid.addWidget(caption, row, 2 * column)
            self.grid.addWidget(edit, row, 2 * column + 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1 if per_row == 2 else 0)
        self.grid.setColumnMinimumWidth(2, Space.XL if per_row == 2 else 0)

    def _needed_for_two_pairs(self) -> int:
        # Asked on every resize; the captions' widths only change with the font or the language.
        key = (self.font().key(), tuple(caption.text() for caption, _edit in self._pairs))
        if self._two_pairs_need is None or self._two_pairs_need[0] != key:
            captions = max(caption.sizeHint().width() for caption, _edit in self._pairs)
            field = self.fontMetrics().averageCharWidth() * 22  # "Senior backend developer" mostly shows
            margins = self.body.contentsMargins()
            needed = margins.left() + margins.right() + 2 * (captions + field) + 3 * Space.M + Space.XL
            self._two_pairs_need = (key, needed)
        return self._two_pairs_need[1]

    def _two_pairs_fit(self) -> bool:
        return self.width() >= self._needed_for_two_pairs()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(2 if self._two_pairs_fit() else 1)

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
                edit.setCursorPosition(0)  # a long title shows its start, not its end

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
