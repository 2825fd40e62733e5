"""The deletion dialog's part for a request the platform holds: when the account is deleted, and
"Cancel the deletion request…", asked once more before anything is sent (the grace period exists so
a person can change their mind; taking it back must be as plain as asking).

Online only, like the request: offline or signed out it says the request still stands, and the
button stays for another try.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from coapp.ui.theme import Space, set_role

if TYPE_CHECKING:
    from coapp.sync.wire.data_safety import AccountDeletionStatus
    from coapp.ui.data_safety.deletion_dialog import AskPlatform
    from coapp.ui.sync.calls import Problem


class PendingDeletion(QFrame):
    """``cancelled()`` once the platform no longer holds the request."""

    cancelled = Signal()

    def __init__(
        self, ask_platform: AskPlatform, when: Callable[[datetime], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deletionPendingPanel")
        self.ask_platform = ask_platform
        self.when = when
        self.cancelling = False
        self.confirmation: QMessageBox | None = None

        self.text = QLabel(objectName="deletionPending", wordWrap=True)
        self.cancel_button = QPushButton(
            self.tr("&Cancel the deletion request…"), objectName="deletionCancelButton"
        )
        self.cancel_button.setAccessibleName(self.tr("Cancel the deletion request"))
        self.cancel_button.setAccessibleDescription(
            self.tr("Take the request back: the platform keeps your account as it is")
        )
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.confirm)
        self.problem = QLabel(objectName="deletionCancelProblem", wordWrap=True)
        self.problem.hide()
        set_role(self.problem, "error")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.M, Space.M, Space.M, Space.M)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        set_role(self, "banner", kind="warning")

    def show_status(self, status: AccountDeletionStatus) -> None:
        self.text.setText(
            self.tr(
                "The platform deletes your account on {deleted}. You asked for it on {requested}; "
                "until then you can take the request back."
            ).format(deleted=self.when(status.delete_after), requested=self.when(status.requested_at))
        )
        self.problem.hide()
        self.cancel_button.setEnabled(True)
        self.show()

    # --- cancelling ----------------------------------------------------------------------------

    def confirm(self) -> QMessageBox | None:
        """Ask before sending; the default answer (and Escape) keeps the request."""
        if self.cancelling:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel the deletion request"),
            self.tr("Cancel the request to delete your account?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("deletionCancelConfirmation")
        box.setInformativeText(
            self.tr(
                "Your account stays on the platform as it is. You can ask for its deletion again at "
                "any time; the 30 days then start anew."
            )
        )
        cancel = box.addButton(self.tr("Cancel the request"), QMessageBox.ButtonRole.AcceptRole)
        cancel.setObjectName("confirmCancelDeletionButton")
        keep = box.addButton(self.tr("Keep the request"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepDeletionButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            self.confirmation = None
            if box.clickedButton() is cancel:
                self.send()

        box.finished.connect(answered)
        self.confirmation = box
        box.open()
        return box

    def send(self) -> None:
        from coapp.sync.data_safety_calls import cancel_account_deletion

        self.cancelling = True
        self.cancel_button.setEnabled(False)
        self.problem.hide()
        self.ask_platform(cancel_account_deletion, self._done, self._failed)

    def _done(self, _state: Any) -> None:
        self.cancelling = False
        self.hide()
        self.cancelled.emit()

    def _failed(self, problem: Problem) -> None:
        self.cancelling = False
        self.cancel_button.setEnabled(True)
        if problem.kind == "offline":
            text = self.tr(
                "The platform cannot be reached, so the request still stands. Try again when you are online."
            )
        elif problem.kind in ("not_signed_in", "signed_out"):
            text = self.tr("Sign in to the platform first (Account ▸ Sign in…). The request still stands.")
        else:
            detail = problem.detail or problem.kind
            text = self.tr("The request could not be cancelled: {reason}").format(reason=detail)
        self.problem.setText(text)
        self.problem.show()
