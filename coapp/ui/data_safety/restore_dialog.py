"""File → Restore from backup…: the backups with their date and what each holds, and the restore.

The dialog only chooses and confirms; the window does the restore (coapp.ui.launch.reopen_restored:
the store closes, the backup goes in, the window is built again on the restored data). What is
there now is backed up first, so a restore can be undone from the same list.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coapp.services.backup_restore import BackupError, BackupRow, BackupSummary, backup_rows, summarize
from coapp.ui.error_text import error_text
from coapp.ui.formats import Formats
from coapp.ui.toolkit import close_buttons


class RestoreDialog(QDialog):
    """Emits ``restoreChosen(path)`` once the user confirmed a backup."""

    restoreChosen = Signal(Path)

    def __init__(self, db_path: Path, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.formats = formats
        self.rows: list[BackupRow] = backup_rows(db_path)
        self.confirmation: QMessageBox | None = None

        intro = QLabel(
            self.tr(
                "coapp backs up your data every day and before each update. Choose a backup to put its "
                "data back. What is here now is backed up first, so you can undo the restore from this list."
            ),
            wordWrap=True,
        )
        self.tree = QTreeWidget(objectName="backupList")
        self.tree.setAccessibleName(self.tr("Backups"))
        self.tree.setAccessibleDescription(self.tr("Each backup's date and what it holds"))
        self.tree.setHeaderLabels(
            [self.tr("Made"), self.tr("Kind"), self.tr("Contracts"), self.tr("Weeks"), self.tr("Invoices")]
        )
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row in self.rows:
            self.tree.addTopLevelItem(self._item(row))
        self.empty = QLabel(self.tr("There are no backups yet."), objectName="noBackups")
        self.empty.setVisible(not self.rows)
        self.tree.setVisible(bool(self.rows))

        self.restore_button = QPushButton(self.tr("&Restore…"), objectName="restoreButton")
        self.restore_button.setAccessibleName(self.tr("Restore"))
        self.restore_button.setAccessibleDescription(self.tr("Put the chosen backup's data back"))
        self.restore_button.clicked.connect(self.confirm_selected)
        self.file_button = QPushButton(self.tr("From a &file…"), objectName="restoreFileButton")
        self.file_button.setAccessibleName(self.tr("Restore from a file"))
        self.file_button.setAccessibleDescription(self.tr("Choose a backup file kept elsewhere"))
        self.file_button.clicked.connect(self.choose_file)
        action = QDialogButtonBox.ButtonRole.ActionRole
        closing = self.tr("Close without restoring")
        buttons = close_buttons(self, closing, (self.restore_button, action), (self.file_button, action))
        self.problem = QLabel(objectName="restoreProblem", wordWrap=True)
        self.problem.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.tree.currentItemChanged.connect(self._selection_changed)
        usable = [i for i, row in enumerate(self.rows) if row.summary is not None]
        if usable:
            self.tree.setCurrentItem(self.tree.topLevelItem(usable[0]))
        self._selection_changed()
        self.resize(720, 380)

    # --- the list ------------------------------------------------------------------------------

    @staticmethod
    def _counted(n: int, one: str, many: str) -> str:
        """*one* for 1, else *many* with {n} filled: both literal tr() texts at the call, for lupdate."""
        return one if n == 1 else many.format(n=n)

    def when(self, moment: datetime) -> str:
        local = moment.astimezone()
        time = self.formats.locale.toString(QTime(local.hour, local.minute), "HH:mm")
        return f"{self.formats.date(local.date())} {time}"

    def kind(self, label: str) -> str:
        if label == "daily":
            return self.tr("Daily")
        if label == "before-restore":
            return self.tr("Before a restore")
        if label.startswith("before-"):
            return self.tr("Before an update")
        return self.tr("Other")

    def _item(self, row: BackupRow) -> QTreeWidgetItem:
        s = row.summary
        if s is None:
            item = QTreeWidgetItem([self.when(row.made_at), self.tr("Cannot be restored"), "", "", ""])
            item.setToolTip(1, row.problem or "")
            item.setDisabled(True)
            return item
        return QTreeWidgetItem(
            [self.when(s.made_at), self.kind(s.label), str(s.contracts), str(s.weeks), str(s.invoices)]
        )

    def selected(self) -> BackupRow | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        row = self.rows[self.tree.indexOfTopLevelItem(item)]
        return row if row.summary is not None else None

    def _selection_changed(self, *_: object) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # --- choosing ------------------------------------------------------------------------------

    def confirm_selected(self) -> None:
        row = self.selected()
        if row is not None and row.summary is not None:
            self.confirm(row.summary)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a file"), "", self.tr("coapp backups (*.sqlite3);;All files (*)")
        )
        if name:
            self.confirm_file(Path(name))

    def confirm_file(self, path: Path) -> None:
        try:
            summary = summarize(path)
        except BackupError as exc:
            self.problem.setText(error_text(exc))
            self.problem.show()
            return
        self.confirm(summary)

    def confirm(self, summary: BackupSummary) -> QMessageBox:
        """Ask before anything changes, saying what comes back and what happens to today's data."""
        self.problem.hide()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore from backup"),
            self.tr("Restore the backup from {when}?").format(when=self.when(summary.made_at)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("restoreConfirmation")
        box.setInformativeText(
            self.tr(
                "It holds {contracts}, {entries} in {weeks} and {invoices}. "
                "The data you have now is backed up first and replaced by the backup's."
            ).format(
                contracts=self._counted(summary.contracts, self.tr("1 contract"), self.tr("{n} contracts")),
                entries=self._counted(
                    summary.time_entries, self.tr("1 time entry"), self.tr("{n} time entries")
                ),
                weeks=self._counted(summary.weeks, self.tr("1 week"), self.tr("{n} weeks")),
                invoices=self._counted(summary.invoices, self.tr("1 invoice"), self.tr("{n} invoices")),
            )
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        restore.setObjectName("confirmRestoreButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered() -> None:
            self.confirmation = None
            if box.clickedButton() is restore:
                self.restoreChosen.emit(summary.path)
                self.accept()

        box.finished.connect(answered)
        self.confirmation = box
        box.open()
        return box
