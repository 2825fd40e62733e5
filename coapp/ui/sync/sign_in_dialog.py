"""Sign in to the platform, or create an account and confirm it with the code from the mail.

Every call runs on a worker (the runner's account_call); the dialog shows a busy bar and Cancel
meanwhile. Whatever the platform refuses is said in words next to the field it is about.
"""

from __future__ import annotations

import math
from enum import Enum
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coapp.ui.sync.runner import SyncRunner
from coapp.ui.theme import Space, set_role

if TYPE_CHECKING:
    from coapp.ui.sync.calls import Outcome, Problem

# The reference server as `coapp-server` starts it on this machine (the demo platform).
DEMO_SERVER_URL = "http://127.0.0.1:8000"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class Stage(Enum):
    SIGN_IN = "sign_in"
    REGISTER = "register"
    CODE = "code"  # the account exists; the code from the mail confirms it


class SignInDialog(QDialog):
    def __init__(self, runner: SyncRunner, server_url: str, email: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.runner = runner
        self.stage = Stage.SIGN_IN
        self._call: int | None = None  # the call whose answer we wait for
        self._server_problem = ""
        self._build(server_url, email)
        runner.accountCallFinished.connect(self._answered)
        self._show_stage(Stage.SIGN_IN)

    # --- layout --------------------------------------------------------------------------------

    def _build(self, server_url: str, email: str) -> None:
        self.intro = QLabel(objectName="signInIntro", wordWrap=True)
        self.server = self._line("serverField", self.tr("Server address"), server_url)
        self.server.setAccessibleDescription(self.tr("The platform's address, starting with https://"))
        self.email = self._line("emailField", self.tr("E-mail"), email)
        self.email.setAccessibleDescription(self.tr("The e-mail address of your account"))
        self.password = self._line("passwordField", self.tr("Password"), "")
        self.password.setAccessibleDescription(self.tr("Sent to the platform only; never stored here"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_password = self._line("confirmPasswordField", self.tr("Confirm password"), "")
        self.confirm_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.code = self._line("codeField", self.tr("Confirmation code"), "")

        form = self._form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        for key, label, editor in (
            ("server", self.tr("&Server address"), self.server),
            ("email", self.tr("&E-mail"), self.email),
            ("password", self.tr("&Password"), self.password),
            ("confirm", self.tr("Con&firm password"), self.confirm_password),
            ("code", self.tr("Confirmation &code"), self.code),
        ):
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(Space.XS // 2)
            column.addWidget(editor)
            error = QLabel(objectName=f"{key}Error", wordWrap=True)
            _as_error(error)
            error.hide()
            column.addWidget(error)
            self.errors[key] = error
            self._rows[key] = holder
            form.addRow(label, holder)
            buddy = form.labelForField(holder)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(editor)

        self.form_error = QLabel(objectName="signInError", wordWrap=True)
        _as_error(self.form_error)
        self.form_error.hide()
        self.errors["form"] = self.form_error

        self.busy = QProgressBar(objectName="signInBusy")
        self.busy.setRange(0, 0)  # no steps to count: a moving bar says "waiting for the platform"
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Waiting for the platform"))
        self.busy_text = QLabel(objectName="signInBusyText")
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_text)
        busy_row.addWidget(self.busy, 1)

        self.mode_button = QPushButton(objectName="signInModeButton")
        self.mode_button.setFlat(True)
        self.mode_button.setAutoDefault(False)
        self.mode_button.clicked.connect(self._switch_mode)
        self.mode_button.setAccessibleDescription(
            self.tr("Switches between signing in and creating an account")
        )
        self.buttons = QDialogButtonBox()
        self.primary = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.primary.setObjectName("signInButton")
        self.primary.setAccessibleDescription(self.tr("Sends what is filled in to the platform"))
        self.primary.setDefault(True)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setObjectName("cancelButton")
        self.cancel.setAccessibleDescription(self.tr("Closes the dialog; a call under way is stopped"))
        self.primary.clicked.connect(self.submit)
        self.cancel.clicked.connect(self._cancel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.mode_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addLayout(busy_row)
        layout.addLayout(bottom)
        self.setMinimumWidth(Space.SIDEBAR * 2 + Space.XL * 2 + Space.S)
        self._set_busy(False)

    def _line(self, name: str, accessible: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, objectName=name)
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(self._clear_errors)
        return edit

    def _show_stage(self, stage: Stage) -> None:
        self.stage = stage
        visible = {
            Stage.SIGN_IN: {"server", "email", "password"},
            Stage.REGISTER: {"server", "email", "password", "confirm"},
            Stage.CODE: {"server", "email", "password", "code"},
        }[stage]
        for key, row in self._rows.items():
            row.setVisible(key in visible)
            label = self._form.labelForField(row)
            if label is not None:
                label.setVisible(key in visible)
        if stage is Stage.SIGN_IN:
            self.setWindowTitle(self.tr("Sign in to the platform"))
            self.intro.setText(
                self.tr(
                    "Your work is always saved on this computer. Signed in, coapp also keeps it on "
                    "the platform and your other computers."
                )
            )
            self.primary.setText(self.tr("Sign in"))
            self.mode_button.setText(self.tr("Create an account…"))
        elif stage is Stage.REGISTER:
            self.setWindowTitle(self.tr("Create a platform account"))
            self.intro.setText(
                self.tr("The platform mails you a code to confirm the address; you enter it here next.")
            )
            self.primary.setText(self.tr("Create account"))
            self.mode_button.setText(self.tr("I have an account"))
        else:
            self.setWindowTitle(self.tr("Confirm your e-mail address"))
            self.intro.setText(
                self.tr("We sent a confirmation code to {email}. Enter it here to finish.").format(
                    email=self.email.text().strip()
                )
            )
            self.primary.setText(self.tr("Confirm and sign in"))
            self.mode_button.setText(self.tr("Back to sign in"))
        self.adjustSize()
        self._fit()
        self._focus_first_empty()

    def _focus_first_empty(self) -> None:
        order = [self.server, self.email, self.password]
        if self.stage is Stage.REGISTER:
            order.append(self.confirm_password)
        if self.stage is Stage.CODE:
            order = [self.code]
        target = next((e for e in order if not e.text().strip()), order[-1])
        target.setFocus()

    def _switch_mode(self) -> None:
        self._clear_errors()
        self._show_stage(Stage.REGISTER if self.stage is Stage.SIGN_IN else Stage.SIGN_IN)

    # --- submitting ----------------------------------------------------------------------------

    def submit(self) -> None:
        if self._call is not None:
            return
        self._clear_errors()
        server = self._checked_server()
        email = self.email.text().strip()
        password = self.password.text()
        problems: dict[str, str] = {}
        if server is None:
            problems["server"] = self._server_problem
        if self.stage is not Stage.CODE and ("@" not in email or email.startswith("@")):
            problems["email"] = self.tr("Enter your e-mail address, like name@example.com.")
        if not password:
            problems["password"] = self.tr("Enter your password.")
        if self.stage is Stage.REGISTER and password != self.confirm_password.text():
            problems["confirm"] = self.tr("The two passwords differ; type the same password twice.")
        if self.stage is Stage.CODE and not self.code.text().strip():
            problems["code"] = self.tr("Enter the code from the mail.")
        if problems or server is None:
            for key, text in problems.items():
                self._show_error(key, text)
            return
        self.server.setText(server)
        self.runner.last_server_url = server
        if self.stage is Stage.SIGN_IN:
            self._start(self.tr("Signing in…"), "sign_in", server, email, password)
        elif self.stage is Stage.REGISTER:
            self._start(self.tr("Creating the account…"), "register", server, email, password)
        else:
            code = self.code.text().strip()
            self._start(self.tr("Confirming…"), "confirm_and_sign_in", server, code, email, password)

    def _checked_server(self) -> str | None:
        """The address as the sync client wants it, or None with the reason in _server_problem."""
        text = self.server.text().strip().rstrip("/")
        if text and "://" not in text:
            text = "https://" + text  # a bare host name means the secure address
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            self._server_problem = self.tr("Write the platform's address like https://platform.example.")
            return None
        if parts.scheme == "http" and parts.hostname not in LOOPBACK:
            self._server_problem = self._not_https_text()
            return None
        return text

    def _not_https_text(self) -> str:
        return self.tr(
            "Use https:// for a server on another computer: your password and data travel to it. "
            "Only this computer may use http://."
        )

    def _start(self, busy_text: str, call: str, *args: str) -> None:
        self.busy_text.setText(busy_text)
        self._set_busy(True)
        self._call = self.runner.account_call(call, *args)

    def _cancel(self) -> None:
        if self._call is None:
            self.reject()
            return
        # The worker cannot be interrupted mid-request; its answer is no longer awaited. If the
        # platform accepted a sign-in meanwhile, the status bar shows it.
        self._call = None
        self._set_busy(False)
        self._show_error("form", self.tr("Cancelled."))

    def reject(self) -> None:
        self._call = None
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_text.setVisible(busy)
        for widget in (self.server, self.email, self.password, self.confirm_password, self.code):
            widget.setEnabled(not busy)
        self.primary.setEnabled(not busy)
        self.mode_button.setEnabled(not busy)

    # --- answers -------------------------------------------------------------------------------

    def _answered(self, call_id: int, outcome: Outcome) -> None:
        if call_id != self._call:
            return  # cancelled, or an older call
        self._call = None
        self._set_busy(False)
        problem = outcome.problem
        if problem is not None:
            self._show_problem(problem)
            return
        if self.stage is Stage.REGISTER:
            self._show_stage(Stage.CODE)
            return
        self.accept()

    def _show_problem(self, problem: Problem) -> None:
        if problem.kind == "not_confirmed":
            self._show_stage(Stage.CODE)
            self._show_error(
                "code", self.tr("This account is not confirmed yet: enter the code from the mail we sent.")
            )
            return
        if problem.kind == "email_taken" and self.stage is Stage.REGISTER:
            self._show_stage(Stage.SIGN_IN)
        field = problem.field if problem.field in self.errors else "form"
        self._show_error(field, self.problem_text(problem))
        editor = {"server": self.server, "email": self.email, "password": self.password, "code": self.code}
        if field in editor:
            editor[field].setFocus()
            editor[field].selectAll()

    def problem_text(self, problem: Problem) -> str:
        kind = problem.kind
        if kind == "bad_address":
            return self.tr("Write the platform's address like https://platform.example.")
        if kind == "not_https":
            return self._not_https_text()
        if kind == "bad_server":
            return self.tr("The server at this address does not answer like the platform. Check the address.")
        if kind == "offline":
            return self.tr(
                "Cannot reach {server}. Check the address and the internet connection, then try again."
            ).format(server=self.server.text().strip())
        if kind == "rate_limited":
            return self.tr("Too many attempts. Try again in {wait}.").format(
                wait=self._wait_text(problem.wait_seconds or 60)
            )
        if kind == "wrong_password":
            return self.tr("The e-mail address or the password is wrong.")
        if kind == "weak_password":
            return self.tr("The platform wants a stronger password: {reasons}.").format(
                reasons=problem.detail
            )
        if kind == "email_taken":
            return self.tr("An account with this e-mail address already exists: sign in with it.")
        if kind == "invalid_email":
            return self.tr("This is not an e-mail address the platform accepts.")
        if kind == "bad_code":
            return self.tr("This code is unknown or has expired. Check the newest mail from the platform.")
        if kind == "account_mismatch":
            return self.tr(
                "This data folder belongs to {email}. Sign in as that account, or start coapp with "
                "another data folder (--data-dir) for this one."
            ).format(email=problem.email or self.tr("another account"))
        if kind == "too_old":
            return self.tr("This version of coapp is too old for the platform. Update coapp, then sign in.")
        return self.tr("The platform refused: {reason}").format(reason=problem.detail)

    def _wait_text(self, seconds: int) -> str:
        if seconds < 90:
            return self.tr("1 second") if seconds == 1 else self.tr("{n} seconds").format(n=seconds)
        # From 90 s on: always 2 minutes or more, so no singular is needed here.
        return self.tr("{n} minutes").format(n=math.ceil(seconds / 60))

    def _show_error(self, key: str, text: str) -> None:
        label = self.errors[key]
        label.setText(text)
        label.setVisible(bool(text))
        self._fit()

    def _clear_errors(self) -> None:
        shown = [label for label in self.errors.values() if label.isVisible()]
        for label in shown:
            label.clear()
            label.hide()
        if shown:
            self._fit()

    def _fit(self) -> None:
        """Grow (or shrink back) in height for the errors shown, keeping the width."""
        self.layout().activate()
        height = self.layout().totalHeightForWidth(self.width())
        self.resize(self.width(), max(height, self.minimumSizeHint().height()))

    def error_text(self, key: str) -> str:
        return self.errors[key].text()


def _as_error(label: QLabel) -> None:
    """The theme's error colour, which reads on light and dark windows; the words carry the meaning."""
    set_role(label, "error")
