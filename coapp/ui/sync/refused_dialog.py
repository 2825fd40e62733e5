"""The changes the platform refused, each with the reason and what to do, and the three ways out:
retry, discard (after asking) or keep a copy in a file. Nothing leaves this list unless the user
chooses so (SYNC.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.ui.error_text import translated
from coapp.ui.sync.runner import SyncRunner
from coapp.ui.toolkit import close_buttons

if TYPE_CHECKING:
    from coapp.sync.refused import RefusedChange

KEPT_FOLDER = "kept changes"  # inside the data folder


class RefusedChangesDialog(QDialog):
    def __init__(self, runner: SyncRunner, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusedChangesDialog")
        self.setWindowTitle(self.tr("Refused changes"))
        self.runner = runner
        self.kept_folder = data_dir / KEPT_FOLDER
        self.changes: list[RefusedChange] = []

        intro = QLabel(
            self.tr(
                "The platform did not accept these changes. They stay on this computer until you "
                "choose: retry, discard, or keep a copy in a file."
            ),
            wordWrap=True,
        )
        self.tree = QTreeWidget(objectName="refusedList")
        self.tree.setAccessibleName(self.tr("Refused changes"))
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Reason")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # what, in full
        header.setStretchLastSection(True)  # the reason, in full below the list
        self.tree.currentItemChanged.connect(self._show_current)

        self.empty = QLabel(objectName="refusedEmpty", wordWrap=True)
        self.empty.setText(
            self.tr("Nothing was refused: every change is on the platform or waiting to be sent.")
        )
        self.what = QLabel(objectName="refusedWhat", wordWrap=True)
        bold = self.what.font()
        bold.setBold(True)
        self.what.setFont(bold)
        self.reason = QLabel(objectName="refusedReason", wordWrap=True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice = QLabel(objectName="refusedAdvice", wordWrap=True)
        self.result_label = QLabel(objectName="refusedResult", wordWrap=True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.retry_button = self._button("retryButton", self.tr("&Retry"), self.retry)
        self.discard_button = self._button("discardButton", self.tr("&Discard…"), self.discard)
        self.keep_button = self._button("keepCopyButton", self.tr("&Keep a copy"), self.keep_copy)
        self.retry_button.setToolTip(self.tr("Send your change again, on top of the platform's version"))
        self.discard_button.setToolTip(self.tr("Drop your change; the platform's version takes its place"))
        self.keep_button.setToolTip(
            self.tr("Write your change to a file in the data folder, then discard it here")
        )
        close = close_buttons(self, self.tr("Close; the refused changes stay until you choose"))

        actions = QHBoxLayout()
        for button in (self.retry_button, self.discard_button, self.keep_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.what)
        layout.addWidget(self.reason)
        layout.addWidget(self.advice)
        layout.addWidget(self.result_label)
        layout.addLayout(actions)
        self.resize(640, 380)
        self.reload()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # --- the list ------------------------------------------------------------------------------

    def reload(self) -> None:
        row = max(0, self.tree.currentIndex().row())
        # By what they are about (contract, then day), not by the sync layer's row ids.
        self.changes = sorted(self.runner.local_client().refused(), key=lambda c: (c.label, c.row_id))
        self.tree.clear()
        for change in self.changes:
            item = QTreeWidgetItem([change.label, change.message])
            item.setToolTip(1, change.message)
            self.tree.addTopLevelItem(item)
        has_any = bool(self.changes)
        self.tree.setVisible(has_any)
        self.empty.setVisible(not has_any)
        for button in (self.retry_button, self.discard_button, self.keep_button):
            button.setEnabled(has_any)
        if has_any:
            self.tree.setCurrentIndex(self.tree.model().index(min(row, len(self.changes) - 1), 0))
            self.tree.setFocus()
        self._show_current()

    def current(self) -> RefusedChange | None:
        index = self.tree.currentIndex().row()
        return self.changes[index] if 0 <= index < len(self.changes) else None

    def _show_current(self, *_: object) -> None:
        change = self.current()
        for label in (self.what, self.reason, self.advice):
            label.setVisible(change is not None)
        if change is None:
            return
        self.what.setText(change.label)
        self.reason.setText(change.message)
        self.advice.setText(self.tr("What to do: {advice}").format(advice=self.advice_text(change)))

    def advice_text(self, change: RefusedChange) -> str:
        """The advice in the UI's language, by the refusal's code (the sync layer's is English)."""
        advice = {
            "outside_contract": self.tr("Move the time to a day inside the contract, or discard it."),
            "day_over_24h": self.tr("Lower the time on this day (all contracts together), then retry."),
            "locked": self.tr(
                "This time is on a confirmed invoice. Discard your change, or credit the invoice first."
            ),
            "deleted": self.tr(
                "Another device deleted this. Retry to keep your version, or discard to accept the deletion."
            ),
            "unknown_contract": self.tr(
                "The contract is not on your account. Keep a copy and discard, or retry later."
            ),
            "read_only": self.tr(
                "The platform owns this; discard your change to see the platform's version."
            ),
            "timer_running": self.tr(
                "A timer runs on another device. Discard this one, or keep a copy of its time."
            ),
            "cell_taken": self.tr("Another entry holds this day. Discard this one to see it."),
        }
        return advice.get(change.code, change.advice)

    # --- the choices ---------------------------------------------------------------------------

    def retry(self) -> None:
        change = self.current()
        if change is None:
            return
        if self._act(lambda: self.runner.local_client().retry(change)):
            self.result_label.setText(
                self.tr("{what} is queued again and syncs now.").format(what=change.label)
            )
            self.runner.request_round()

    def discard(self) -> QMessageBox | None:
        """Ask first: the user's values are gone afterwards (Keep a copy saves them)."""
        change = self.current()
        if change is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard change"),
            self.tr("Discard your change to {what}?").format(what=change.label),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardRefusedDialog")
        box.setInformativeText(
            self.tr("The platform's version takes its place. Keep a copy first if you may need your values.")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: int) -> None:
            if button != QMessageBox.StandardButton.Discard:
                return
            if self._act(lambda: self.runner.local_client().discard(change)):
                self.result_label.setText(
                    self.tr("Your change to {what} was discarded.").format(what=change.label)
                )
                self.runner.dataArrived.emit()

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def keep_copy(self) -> Path | None:
        change = self.current()
        if change is None:
            return None
        kept: list[Path] = []

        def write() -> None:
            kept.append(self.runner.local_client().keep_copy(change, self.kept_folder))

        if not self._act(write):
            return None
        self.result_label.setText(
            self.tr("A copy of {what} is in {path}; the change was discarded here.").format(
                what=change.label, path=kept[0]
            )
        )
        self.runner.dataArrived.emit()
        return kept[0]

    def _act(self, action: object) -> bool:
        """Run a choice (a quick local write); show a refusal instead of raising; reload the list."""
        try:
            action()  # type: ignore[operator]
        except (CoappError, OSError) as exc:
            self.result_label.setText(self.tr("Could not do that: {reason}").format(reason=translated(exc)))
            ok = False
        else:
            ok = True
        self.runner.refresh_status()
        self.reload()
        return ok
