"""Back after time away while a timer ran: keep the time, drop the time away, or drop it and stop
the timer. Escape keeps the time (nothing is lost by a key pressed in passing)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from coapp.ui.theme import Space


class IdleChoice(Enum):
    KEEP = "keep"
    DROP = "drop"
    DROP_AND_STOP = "drop_and_stop"


class IdleDialog(QDialog):
    chosen = Signal(object, int)  # IdleChoice, minutes away

    def __init__(self, minutes: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idleDialog")
        self.minutes = minutes
        self.setWindowTitle(self.tr("Welcome back"))
        text = QLabel(
            self.tr("You were away for {minutes} min while the timer for {title} ran.").format(
                minutes=minutes, title=title
            ),
            self,
        )
        text.setObjectName("idleText")
        text.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.keep = self._button(
            buttons, "idleKeepButton", self.tr("&Keep the time"), self.tr("Count the time away as work")
        )
        self.drop = self._button(
            buttons,
            "idleDropButton",
            self.tr("&Drop {minutes} min").format(minutes=minutes),
            self.tr("Take the time away off the timer; it keeps running"),
        )
        self.drop_stop = self._button(
            buttons,
            "idleDropStopButton",
            self.tr("Drop it and &stop the timer"),
            self.tr("Take the time away off the timer and record the rest"),
        )
        self.keep.setDefault(True)
        self.keep.clicked.connect(lambda: self._choose(IdleChoice.KEEP))
        self.drop.clicked.connect(lambda: self._choose(IdleChoice.DROP))
        self.drop_stop.clicked.connect(lambda: self._choose(IdleChoice.DROP_AND_STOP))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.XL, Space.XL, Space.L)
        layout.setSpacing(Space.L)
        layout.addWidget(text)
        layout.addWidget(buttons)

    @staticmethod
    def _button(box: QDialogButtonBox, name: str, text: str, tip: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        return button

    def _choose(self, choice: IdleChoice) -> None:
        self.chosen.emit(choice, self.minutes)
        self.accept()

    def reject(self) -> None:  # Escape, the window's close button: keep the time
        self.chosen.emit(IdleChoice.KEEP, self.minutes)
        super().reject()
