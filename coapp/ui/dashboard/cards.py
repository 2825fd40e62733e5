"""The dashboard's cards: a title, a short list whose every line leads somewhere, a sentence for when
there is nothing, and the button to the screen behind it.

Each line is a list item (Enter or a click opens it) rather than a label, so the keyboard reaches
every one of them and a screen reader reads them as a list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card, make_button

TARGET_ROLE = Qt.ItemDataRole.UserRole  # what a line leads to: (kind, id)


class ItemList(QListWidget):
    """A list as tall as its lines (no scroll bar inside a card); Enter or a click opens a line."""

    opened = Signal(str, str)  # kind, id

    def __init__(self, name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible_name)
        self.setAccessibleDescription(
            QCoreApplication.translate("ItemList", "Enter opens the chosen line on its screen")
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setWordWrap(False)
        self.itemActivated.connect(self._open)
        self.itemClicked.connect(self._open)

    def add(self, text: str, kind: str, target: str, tip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(text, self)
        item.setData(TARGET_ROLE, (kind, target))
        item.setToolTip(tip or text)
        return item

    def fit(self) -> None:
        """As tall as the lines it holds (each line its own height: some have two)."""
        height = sum(self.sizeHintForRow(row) for row in range(self.count()))
        self.setFixedHeight(height + 2 * self.frameWidth() + Space.XS)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def _open(self, item: QListWidgetItem) -> None:
        kind, target = item.data(TARGET_ROLE)
        self.opened.emit(kind, target)


class ListCard(Card):
    """A card of the dashboard: title and figure, lines, an empty state, the way to its screen."""

    def __init__(
        self, name: str, title: str, button_text: str, button_tip: str, parent: QWidget | None
    ) -> None:
        super().__init__(name, parent)
        # As tall as the tallest card of its row: the two cards side by side line up.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        heading = QHBoxLayout()
        heading.setSpacing(Space.S)
        self.title = QLabel(title, self)
        self.title.setObjectName(f"{name}Title")
        set_role(self.title, "subtitle")
        self.figure = QLabel(self)  # a count or a total beside the title
        self.figure.setObjectName(f"{name}Figure")
        set_role(self.figure, "hint")
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.figure)
        self.body.addLayout(heading)
        self.lines = ItemList(f"{name}List", title, self)
        self.body.addWidget(self.lines)
        self.empty = QLabel(self)
        self.empty.setObjectName(f"{name}Empty")
        self.empty.setWordWrap(True)
        set_role(self.empty, "empty")
        self.body.addWidget(self.empty)
        self.body.addStretch(1)
        self.button: QPushButton = make_button(self, f"{name}Open", button_text, button_tip)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        self.body.addLayout(row)

    def show_lines(self, empty_text: str) -> None:
        """After the lines were added: the list, or the sentence that says what to do."""
        self.lines.fit()
        self.lines.setVisible(self.lines.count() > 0)
        self.empty.setText(empty_text)
        self.empty.setVisible(self.lines.count() == 0)

    def clear(self) -> None:
        self.lines.clear()
        self.figure.clear()
