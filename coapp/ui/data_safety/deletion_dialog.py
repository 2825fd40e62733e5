"""Account → Request account deletion…: says what happens, asks for the account's e-mail address
typed out, and sends the request to the platform (online only: offline it says nothing was sent).

On opening it asks the platform whether a request is pending (it may have been made on another
device): then it shows when the account is deleted and offers to cancel it (deletion_pending.py)
instead of the form. The data on this computer is not touched: the dialog says so and points to the
export first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coapp.ui.data_safety.deletion_pending import PendingDeletion
from coapp.ui.formats import Formats
from coapp.ui.toolkit import close_buttons

if TYPE_CHECKING:
    from coapp.sync.api import PlatformApi
    from coapp.ui.sync.calls import Problem

# SyncRunner.platform_call: the work on the platform's API, then done(result) or failed(Problem).
AskPlatform = Callable[
    [Callable[["PlatformApi"], Any], Callable[[Any], None], Callable[["Problem"], None]], None
]


class DeletionDialog(QDialog):
    """``requested(status)`` once the platform recorded the request, ``cancelled()`` once it no
    longer holds it, ``stateRead(state)`` when the platform said whether one is pending."""

    requested = Signal(object)
    cancelled = Signal()
    stateRead = Signal(object)

    def __init__(
        self,
        email: str | None,
        ask_platform: AskPlatform,
        formats: Formats,
        export: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountDeletionDialog")
        self.setWindowTitle(self.tr("Request account deletion"))
        self.email = email
        self.ask_platform = ask_platform
        self.formats = formats
        self.sending = False
        self.acted = False  # a request was sent: the opening check's answer is old news then

        self.what = what = QLabel(
            self.tr(
                "The platform deletes your account and what it holds about you: your profile, "
                "applications and messages. It records your request now and deletes the account after "
                "30 days; until then, you can cancel the request here. Invoices the law "
                "requires it to keep are kept until that time ends."
            ),
            wordWrap=True,
            objectName="deletionWhat",
        )
        local = QLabel(
            self.tr(
                "The data on this computer stays as it is. Export it first if you want a copy in a "
                "form other programs read."
            ),
            wordWrap=True,
            objectName="deletionLocal",
        )
        self.export_button = QPushButton(self.tr("&Export all data…"), objectName="deletionExportButton")
        self.export_button.setAccessibleName(self.tr("Export all data"))
        self.export_button.setAccessibleDescription(self.tr("Save all your data to a ZIP file first"))
        self.export_button.setAutoDefault(False)
        self.export_button.setVisible(export is not None)
        if export is not None:
            self.export_button.clicked.connect(export)

        self.typed = QLineEdit(objectName="deletionConfirmEmail")
        self.typed.setAccessibleName(self.tr("Your e-mail address"))
        self.typed.setAccessibleDescription(self.tr("Type the account's e-mail address to confirm"))
        self.reason = QLineEdit(objectName="deletionReason")
        self.reason.setMaxLength(2000)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setAccessibleDescription(self.tr("Why you leave, if you want to say (optional)"))
        self.form_box = QWidget(objectName="deletionForm")
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.prompt = QLabel(objectName="deletionPrompt", wordWrap=True)
        form.addRow(self.prompt)
        form.addRow(self.tr("E-mail address:"), self.typed)
        form.addRow(self.tr("Reason (optional):"), self.reason)

        self.result = QLabel(objectName="deletionResult", wordWrap=True)
        self.result.hide()
        self.send_button = QPushButton(self.tr("&Request deletion"), objectName="deletionSendButton")
        self.send_button.setAccessibleName(self.tr("Request deletion"))
        self.send_button.setAccessibleDescription(self.tr("Send the deletion request to the platform"))
        self.send_button.clicked.connect(self.send)
        buttons = close_buttons(
            self,
            self.tr("Close without sending anything"),
            (self.send_button, QDialogButtonBox.ButtonRole.DestructiveRole),
        )

        self.pending = PendingDeletion(ask_platform, self.when, self)
        self.pending.hide()
        self.pending.cancelled.connect(self._cancelled)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pending)
        layout.addWidget(what)
        layout.addWidget(local)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        layout.addLayout(export_row)
        layout.addWidget(self.form_box)
        layout.addWidget(self.result)
        layout.addStretch(1)  # room the pending state leaves goes below, not between the parts
        layout.addWidget(buttons)
        self.typed.textChanged.connect(self._update)

        if email is None:
            # Online only, and this folder has no account to ask for: refuse before anything is typed.
            self.prompt.setText(
                self.tr("Sign in to the platform first (Account ▸ Sign in…): the request is sent there.")
            )
            self.typed.setEnabled(False)
            self.reason.setEnabled(False)
        else:
            self.prompt.setText(
                self.tr("To confirm, type the e-mail address of your account: {email}").format(email=email)
            )
            self.check()
        self._update()
        self.setMinimumWidth(560)

    # --- what the platform holds -----------------------------------------------------------------

    def check(self) -> None:
        """Ask whether a request is pending. The form stays usable meanwhile: asking again answers
        the first request, so nothing goes wrong if the answer comes late."""
        from coapp.sync.data_safety_calls import account_deletion_state

        self._show(self.tr("Asking the platform whether a deletion request is pending…"), error=False)
        self.ask_platform(account_deletion_state, self._state_read, self._state_unknown)

    def _state_read(self, state: Any) -> None:
        if self.acted:
            return
        self.result.hide()
        if state.request is not None:
            self._show_pending(state.request)
        self.stateRead.emit(state)

    def _state_unknown(self, problem: Problem) -> None:
        if self.acted:
            return
        if problem.kind == "offline":
            text = self.tr(
                "The platform cannot be reached, so coapp cannot tell whether a deletion request is "
                "pending. Try again when you are online."
            )
        elif problem.kind in ("not_signed_in", "signed_out"):
            text = self.tr("Sign in to the platform first (Account ▸ Sign in…): the request is sent there.")
        else:
            detail = problem.detail or problem.kind
            text = self.tr("The platform did not say whether a request is pending: {reason}").format(
                reason=detail
            )
        self._show(text, error=True)

    def _show_pending(self, status: Any) -> None:
        """A request stands: when it takes effect and the way back, instead of the form."""
        self.setWindowTitle(self.tr("Account deletion requested"))
        self.what.hide()
        self.form_box.hide()
        self.send_button.hide()
        self.pending.show_status(status)
        focused = self.focusWidget()
        if focused is None or not focused.isVisible():  # the typed address went with the form
            self.pending.cancel_button.setFocus()

    def _cancelled(self) -> None:
        self.setWindowTitle(self.tr("Request account deletion"))
        self.what.show()
        self.form_box.show()
        self.send_button.show()
        self.typed.clear()
        self.reason.clear()
        self.typed.setEnabled(True)
        self.reason.setEnabled(True)
        self.sending = False
        self._update()
        self._show(self.tr("The deletion request is cancelled: your account stays as it is."), error=False)
        self.cancelled.emit()

    def confirmed(self) -> bool:
        typed = self.typed.text().strip().casefold()
        return self.email is not None and bool(typed) and typed == self.email.casefold()

    def _update(self) -> None:
        self.send_button.setEnabled(self.confirmed() and not self.sending)

    def when(self, moment: datetime) -> str:
        return self.formats.date(moment.astimezone().date())

    # --- sending -------------------------------------------------------------------------------

    def send(self) -> None:
        if not self.confirmed() or self.sending:
            return
        from coapp.sync.data_safety_calls import request_account_deletion

        typed, reason = self.typed.text(), self.reason.text()
        self.sending = True
        self.acted = True
        self._update()
        self._show(self.tr("Sending the request to the platform…"), error=False)
        self.ask_platform(lambda api: request_account_deletion(api, typed, reason), self._done, self._failed)

    def _done(self, status: Any) -> None:
        self.sending = False
        self.typed.setEnabled(False)
        self.reason.setEnabled(False)
        self._update()
        self.send_button.setEnabled(False)  # recorded: asking again changes nothing
        # The panel says when, and how to take it back; this line only confirms what just happened.
        self._show(self.tr("The platform recorded your request."), error=False)
        self._show_pending(status)
        self.requested.emit(status)

    def _failed(self, problem: Problem) -> None:
        self.sending = False
        self._update()
        if problem.kind == "offline":
            text = self.tr(
                "The platform cannot be reached, so nothing was sent. Try again when you are online."
            )
        elif problem.kind in ("not_signed_in", "signed_out"):
            text = self.tr("Sign in to the platform first (Account ▸ Sign in…). Nothing was sent.")
        else:
            detail = problem.detail or problem.kind
            text = self.tr("The platform refused the request: {reason}").format(reason=detail)
        self._show(text, error=True)

    def _show(self, text: str, *, error: bool) -> None:
        from coapp.ui.theme import set_role

        self.result.setText(text)
        set_role(self.result, "error" if error else "")
        self.result.show()
