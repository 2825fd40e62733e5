"""Add or edit one item of a resume section (a job, an education, a certificate, ...) in a dialog
built from a list of field specs.

Each field is checked here first so the reason stands under the field that caused it, in the UI's
language ("Ends before it starts (2024-05)"); then the domain builds the item and has the last word
(its refusal, if any, is shown under the form). The dialog stays open until the write is stored:
a refusal from the store keeps everything typed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.domain.profile_links import normalise_url
from coapp.domain.year_month import YearMonth
from coapp.ui.error_text import error_text
from coapp.ui.theme import Space, set_role

Value = str | bool
TEXT_LINES = 5  # a description's box shows this many lines before it scrolls


class Kind(StrEnum):
    LINE = "line"
    MONTH = "month"  # YYYY-MM
    URL = "url"
    TEXT = "text"  # several lines
    CHECK = "check"


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: Kind = Kind.LINE
    required: str = ""  # what to say when it is left empty; "" when it may be
    hint: str = ""  # an example of what to write, shown while the field is empty
    not_before: str = ""  # the key of a month field this one may not precede
    order_error: str = ""  # said when it does; {other} is that month
    off_when: str = ""  # the key of a check field that, ticked, turns this one off ("current")


class ItemDialog(QDialog):
    """*build* turns the fields' values into the domain item (raising CoappError when it refuses);
    ``submitted`` carries the item, then the owner calls ``saved()`` or ``refused(reason)``."""

    submitted = Signal(object)

    def __init__(
        self,
        name: str,
        title: str,
        fields: tuple[Field, ...],
        values: Mapping[str, Value],
        build: Callable[[dict[str, Value]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._specs = {f.key: f for f in fields}
        self._build = build
        self._saving = False
        self.edits: dict[str, QLineEdit | QPlainTextEdit | QCheckBox] = {}
        self.errors: dict[str, QLabel] = {}
        self._error_rows: dict[str, int] = {}
        # A grid rather than a QFormLayout: it measures a wrapped reason at the width it gets (the form
        # reserved two lines for one) and gives a row of hidden widgets no room.
        self.form = QGridLayout()
        self.form.setHorizontalSpacing(Space.M)
        self.form.setVerticalSpacing(Space.S)
        self.form.setColumnStretch(1, 1)
        for spec in fields:
            self._add_field(spec, values.get(spec.key, False if spec.kind is Kind.CHECK else ""))
        for spec in fields:
            if spec.off_when:
                check = self.edits[spec.off_when]
                assert isinstance(check, QCheckBox)
                check.toggled.connect(lambda on, key=spec.key: self._turn_off(key, on))
                self._turn_off(spec.key, check.isChecked())

        self.error = QLabel(self)
        self.error.setObjectName(f"{name}Error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setAccessibleName(self.tr("Problem"))
        set_role(self.error, "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Enter in a description makes a new line; Ctrl+Enter saves from anywhere.
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.L, Space.XL, Space.L)
        layout.setSpacing(Space.M)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    # --- building ----------------------------------------------------------------------------------

    def _add_field(self, spec: Field, value: Value) -> None:
        name = f"{self.objectName()}_{spec.key}"
        edit: QLineEdit | QPlainTextEdit | QCheckBox
        if spec.kind is Kind.CHECK:
            edit = QCheckBox(spec.label, self)
            edit.setChecked(bool(value))
            self.form.addWidget(edit, self.form.rowCount(), 1)
        else:
            if spec.kind is Kind.TEXT:
                edit = QPlainTextEdit(str(value), self)
                edit.setTabChangesFocus(True)
                edit.setPlaceholderText(spec.hint)
                lines = edit.fontMetrics().lineSpacing() * TEXT_LINES
                edit.setFixedHeight(lines + 2 * (edit.frameWidth() + int(edit.document().documentMargin())))
                edit.textChanged.connect(lambda key=spec.key: self._clear_error(key))
            else:
                edit = QLineEdit(str(value), self)
                edit.setPlaceholderText(spec.hint)
                edit.textEdited.connect(lambda _t, key=spec.key: self._clear_error(key))
            label = QLabel(spec.label + (" *" if spec.required else ""), self)
            label.setBuddy(edit)
            row = self.form.rowCount()
            self.form.addWidget(
                label, row, 0, Qt.AlignmentFlag.AlignTop if spec.kind is Kind.TEXT else Qt.AlignmentFlag(0)
            )
            self.form.addWidget(edit, row, 1)
        edit.setObjectName(name)
        edit.setAccessibleName(spec.label)
        if spec.required:
            edit.setAccessibleDescription(self.tr("Required"))
        self.edits[spec.key] = edit
        # The reason for a refusal goes right under the field; its row is hidden while all is well.
        error = QLabel(self)
        error.setObjectName(f"{name}Error")
        error.setWordWrap(True)
        error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # close under its field
        set_role(error, "error")
        row = self.form.rowCount()
        self.form.addWidget(error, row, 1)
        error.hide()
        self.errors[spec.key] = error
        self._error_rows[spec.key] = row

    def add_field_tool(self, key: str, widget: QWidget) -> None:
        """A control beside a field, under its label (a description's “Earlier versions…”)."""
        self.form.addWidget(widget, self._error_rows[key], 0, Qt.AlignmentFlag.AlignTop)

    def replace_text(self, key: str, text: str) -> None:
        """Put *text* in a field as one step that Ctrl+Z in the field takes back."""
        edit = self.edits[key]
        if isinstance(edit, QPlainTextEdit):
            cursor = edit.textCursor()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
        elif isinstance(edit, QLineEdit):
            edit.selectAll()
            edit.insert(text)

    def _turn_off(self, key: str, off: bool) -> None:
        self.edits[key].setEnabled(not off)
        if off:
            self._clear_error(key)

    # --- values and their checks --------------------------------------------------------------------

    def value(self, key: str) -> Value:
        edit = self.edits[key]
        if isinstance(edit, QCheckBox):
            return edit.isChecked()
        if isinstance(edit, QPlainTextEdit):
            return edit.toPlainText()
        return edit.text()

    def values(self) -> dict[str, Value]:
        """What the user typed; a field turned off (an end month while "current") counts as empty."""
        result = {key: self.value(key) for key in self.edits}
        for spec in self._specs.values():
            if spec.off_when and result[spec.off_when]:
                result[spec.key] = ""
        return result

    def error_of(self, key: str) -> str:
        return self.errors[key].text() if not self.errors[key].isHidden() else ""

    def _set_error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].setVisible(bool(text))
        self.edits[key].setAccessibleDescription(
            text or (self.tr("Required") if self._specs[key].required else "")
        )

    def _clear_error(self, key: str) -> None:
        if self.error_of(key):
            self._set_error(key, "")

    def _check(self, values: dict[str, Value]) -> dict[str, str]:
        """Field -> the reason it is refused, in the UI's language."""
        found: dict[str, str] = {}
        months: dict[str, YearMonth] = {}
        for key, spec in self._specs.items():
            text = values[key]
            if spec.kind is Kind.CHECK or not isinstance(text, str):
                continue
            off = bool(spec.off_when and values[spec.off_when])
            if not text.strip():
                if spec.required and not off:
                    found[key] = spec.required
                continue
            if spec.kind is Kind.MONTH:
                try:
                    months[key] = YearMonth.parse(text)
                except CoappError:
                    shown = text.strip() if len(text.strip()) <= 20 else text.strip()[:20] + "…"
                    found[key] = self.tr("“{text}” is not a month; write it like 2024-03").format(text=shown)
            elif spec.kind is Kind.URL:
                if any(ch.isspace() for ch in text.strip()):
                    found[key] = self.tr("A web address has no spaces; remove them")
                else:
                    try:
                        normalise_url(text)
                    except CoappError:
                        found[key] = self.tr(
                            "This is not a web address; write it like https://example.com/work"
                        )
        for key, spec in self._specs.items():
            if spec.not_before and key in months and spec.not_before in months:
                other = months[spec.not_before]
                if months[key] < other:
                    found[key] = spec.order_error.format(other=str(other))
        return found

    # --- OK, saved, refused -------------------------------------------------------------------------

    def accept(self) -> None:
        """Checked, built by the domain and handed on; a refusal keeps the dialog open with the reason."""
        if self._saving:
            return
        values = self.values()
        found = self._check(values)
        for key in self._specs:
            self._set_error(key, found.get(key, ""))
        self.show_error("")
        if found:
            self.edits[next(k for k in self._specs if k in found)].setFocus()
            self.fit_height()  # the reasons' rows are taller than the dialog was
            return
        try:
            item = self._build(values)
        except CoappError as error:
            self.show_error(error_text(error))
            self.fit_height()
            return
        self._saving = True
        self.buttons.setEnabled(False)
        self.submitted.emit(item)

    def reject(self) -> None:
        if not self._saving:  # the write under way finishes first; then the dialog closes itself
            super().reject()

    def saved(self) -> None:
        self._saving = False
        super().accept()

    def refused(self, reason: str) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self.show_error(reason)
        self.fit_height()

    def fit_height(self) -> None:
        """As tall as the form needs at the width the dialog has (adjustSize measures the wrapped
        reasons at a narrower width and leaves gaps under them)."""
        layout = self.layout()
        self.layout().activate()
        height = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        self.resize(self.width(), max(height, layout.totalMinimumSize().height()))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
