"""The Account menu and the status-bar button, wired to the runner and the two dialogs.

One object owns them so the main window only places them: the menu in the menu bar, the button
in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from coapp.ui.sync.runner import SyncRunner
from coapp.ui.sync.status_widget import SyncStatusButton
from coapp.ui.sync.view import SyncView
from coapp.ui.toolkit import make_action

if TYPE_CHECKING:  # the dialogs load when first opened: most sessions open neither
    from coapp.ui.sync.refused_dialog import RefusedChangesDialog
    from coapp.ui.sync.sign_in_dialog import SignInDialog

NOTICE_MS = 60_000


class AccountControls(QObject):
    def __init__(self, window: QMainWindow, runner: SyncRunner) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.sign_in_dialog: SignInDialog | None = None
        self.refused_dialog: RefusedChangesDialog | None = None
        self._token_warning_shown = False

        self.status = SyncStatusButton(window)
        self.status.refusedRequested.connect(self.open_refused)
        self.status.signInRequested.connect(self.open_sign_in)
        self.status.syncRequested.connect(self.sync_now)

        self.menu = QMenu(self.tr("&Account"), window)
        self.menu.setObjectName("accountMenu")
        self.email_action = self._action("accountEmailAction", "")
        self.email_action.setEnabled(False)  # a label: who is signed in
        self.menu.addSeparator()
        self.sign_in_action = self._action("signInAction", self.tr("&Sign in…"), self.open_sign_in)
        self.sign_out_action = self._action("signOutAction", self.tr("Sign &out"), self.sign_out)
        self.menu.addSeparator()
        self.sync_now_action = self._action("syncNowAction", self.tr("Sync &now"), self.sync_now)
        self.sync_now_action.setShortcut(QKeySequence("F5"))
        self.refused_action = self._action(
            "refusedChangesAction", self.tr("&Refused changes…"), self.open_refused
        )

        runner.viewChanged.connect(self.show_view)
        runner.signedIn.connect(self._signed_in)
        self.show_view(runner.view)

    def _action(self, name: str, text: str, slot: Callable[[], object] | None = None) -> QAction:
        action = make_action(self.window, text, slot, name=name)
        self.menu.addAction(action)
        return action

    def show_view(self, view: SyncView) -> None:
        self.status.show_view(view)
        if view.signed_in and view.email:
            # "&" in an address would otherwise become a mnemonic.
            text = self.tr("Signed in as {email}").format(email=view.email.replace("&", "&&"))
        else:
            text = self.tr("Not signed in")
        self.email_action.setText(text)
        self.sign_in_action.setVisible(not view.signed_in)
        self.sign_out_action.setVisible(view.signed_in)

    # --- actions -------------------------------------------------------------------------------

    def sync_now(self) -> None:
        """F5: a round now; when nobody is signed in, the way to sign in."""
        if self.runner.view.known and not self.runner.view.signed_in:
            self.open_sign_in()
            return
        self.runner.request_round()

    def open_sign_in(self) -> SignInDialog:
        from coapp.ui.sync.sign_in_dialog import DEMO_SERVER_URL, SignInDialog

        if self.sign_in_dialog is not None:
            self.sign_in_dialog.raise_()
            self.sign_in_dialog.activateWindow()
            return self.sign_in_dialog
        view = self.runner.view
        server = view.server_url or self.runner.last_server_url or DEMO_SERVER_URL
        dialog = SignInDialog(self.runner, server, view.email or "", self.window)
        self.sign_in_dialog = dialog

        def closed() -> None:
            self.sign_in_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def sign_out(self) -> None:
        self.runner.sign_out()
        self.window.statusBar().showMessage(
            self.tr("Signed out. Your work stays on this computer and syncs when you sign in again."),
            NOTICE_MS // 4,
        )

    def open_refused(self) -> RefusedChangesDialog:
        from coapp.ui.sync.refused_dialog import RefusedChangesDialog

        if self.refused_dialog is not None:
            self.refused_dialog.reload()
            self.refused_dialog.raise_()
            return self.refused_dialog
        dialog = RefusedChangesDialog(self.runner, self.runner.state.paths.data_dir, self.window)
        self.refused_dialog = dialog

        def closed() -> None:
            self.refused_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def _signed_in(self, token_warning: object) -> None:
        bar = self.window.statusBar()
        if token_warning and not self._token_warning_shown:
            # Once per run: the keyring is missing, so the sign-in lasts only until coapp closes.
            self._token_warning_shown = True
            bar.showMessage(
                self.tr(
                    "No keyring on this computer: you stay signed in only until coapp closes. Install "
                    "GNOME Keyring or KWallet to stay signed in."
                ),
                NOTICE_MS,
            )
        else:
            bar.showMessage(self.tr("Signed in. Syncing…"), NOTICE_MS // 12)
