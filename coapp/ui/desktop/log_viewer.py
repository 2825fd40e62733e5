"""Help → Show log…: the end of the app's log file, with e-mail addresses and tokens hidden (the
file is redacted as it is written; lines an older coapp wrote are hidden here too)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from coapp.base.log_redaction import redact
from coapp.ui.theme import Space

SHOWN_BYTES = 512_000  # the end of the file: what happened lately is what support asks about


def read_log(folder: Path, limit: int = SHOWN_BYTES) -> str | None:
    """The last *limit* bytes of coapp.log (and of the file before it, when the current one is
    short), redacted; None when there is no log yet."""
    files = [folder / "coapp.log.1", folder / "coapp.log"]
    chunks: list[bytes] = []
    room = limit
    for path in reversed(files):
        try:
            with path.open("rb") as fh:
                size = fh.seek(0, 2)
                fh.seek(max(0, size - room))
                data = fh.read(room)
        except OSError:
            continue
        chunks.insert(0, data)
        room -= len(data)
        if room <= 0:
            break
    if not chunks:
        return None
    text = b"".join(chunks).decode("utf-8", errors="replace")
    if sum(len(c) for c in chunks) >= limit:
        text = text.partition("\n")[2]  # the first line was cut in the middle
    return redact(text)


class LogViewer(QDialog):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logViewer")
        self.setWindowTitle(self.tr("coapp log"))
        self.folder = folder
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("logText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(self.tr("Log"))
        self.text.setAccessibleDescription(
            self.tr("What coapp wrote to its log lately; e-mail addresses and tokens are hidden")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setToolTip(self.tr("Close the log"))
        self.copy_button = buttons.addButton(self.tr("&Copy all"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("logCopyButton")
        self.copy_button.setToolTip(self.tr("Copy the log shown here, for a message to support"))
        self.reload_button = buttons.addButton(self.tr("&Reload"), QDialogButtonBox.ButtonRole.ActionRole)
        self.reload_button.setObjectName("logReloadButton")
        self.reload_button.setToolTip(self.tr("Read the log file again"))
        self.copy_button.clicked.connect(self.copy)
        self.reload_button.clicked.connect(self.reload)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.L, Space.L, Space.L, Space.L)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(Space.SIDEBAR * 4, Space.SIDEBAR * 3)
        self.reload()

    def reload(self) -> None:
        text = read_log(self.folder)
        self.text.setPlainText(text if text is not None else self.tr("There is no log yet."))
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
