"""A card of labelled facts (a contract's terms, its figures): a two-column form whose rows are set by
key and hidden while they have nothing to say, so no row ever reads "—" for a fact that does not apply."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card


class FactsCard(Card):
    def __init__(self, name: str, title: str, rows: dict[str, str], parent: QWidget | None = None) -> None:
        """*rows*: key → the row's label, in the order shown."""
        super().__init__(name, parent)
        self.heading = QLabel(title, self)
        set_role(self.heading, "subtitle")
        self.body.addWidget(self.heading)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(Space.L)
        self.form.setVerticalSpacing(Space.XS)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.values: dict[str, QLabel] = {}
        for key, label in rows.items():
            name_label = QLabel(label, self)
            set_role(name_label, "hint")
            value = QLabel(self)
            value.setObjectName(f"{name}_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.PlainText)  # the platform's words are text, never markup
            value.setAccessibleDescription(label)
            self.form.addRow(name_label, value)
            self.values[key] = value
        self.body.addLayout(self.form)

    def set(self, key: str, text: str) -> None:
        """The row's value; an empty text hides the row."""
        label = self.values[key]
        label.setText(text)
        self.form.setRowVisible(label, bool(text))

    def text(self, key: str) -> str:
        return self.values[key].text()
