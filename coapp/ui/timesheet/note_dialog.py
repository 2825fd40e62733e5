"""A small dialog for the note on one entry (what was done)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from coapp.services.sheets import MAX_NOTE


class NoteDialog(QDialog):
    def __init__(self, title: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Note"))
        layout = QVBoxLayout(self)
        label = QLabel(title)
        label.setWordWrap(True)
        self.editor = QPlainTextEdit(note)
        self.editor.setObjectName("noteEditor")
        self.editor.setAccessibleName(self.tr("Note: what was done"))
        self.editor.setPlaceholderText(self.tr("What was done (Ctrl+Enter saves)"))
        label.setBuddy(self.editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        # Enter inserts a line break in the text; Ctrl+Enter saves.
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, activated=self.accept)
        self.resize(420, 220)

    def note(self) -> str:
        return self.editor.toPlainText().strip()[:MAX_NOTE]
