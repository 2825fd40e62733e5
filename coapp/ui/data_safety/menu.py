"""The data-safety actions in the main window's menus: File → Restore from backup…, File → Export
all data…, Account → Request account deletion… (“Cancel account deletion…” while the platform holds
a request), Help → Check for updates.

Installed by ``install_data_actions(window)`` after the window built its menus, so the window
module only calls it. Menus are found by objectName (fileMenu, helpMenu, accountMenu), else by
their place: File first, Help last.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu

from coapp.domain.errors import CoappError
from coapp.ui.error_text import error_text
from coapp.ui.toolkit import make_action

if TYPE_CHECKING:
    from coapp.ui.data_safety.deletion_dialog import DeletionDialog
    from coapp.ui.data_safety.export_progress import ExportRun
    from coapp.ui.data_safety.restore_dialog import RestoreDialog
    from coapp.ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads the context and text of each call
NOTICE_MS = 10_000


def _menus(window: MainWindow) -> list[QMenu]:
    return [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]  # type: ignore[misc]


def find_menu(window: MainWindow, name: str, fallback_index: int) -> QMenu:
    menus = _menus(window)
    for menu in menus:
        if menu.objectName() == name:
            return menu
    return menus[fallback_index]


class DataActions(QObject):
    """The actions and the dialogs they open, owned by one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("dataActions")
        self.window = window
        self.restore_dialog: RestoreDialog | None = None
        file_menu = find_menu(window, "fileMenu", 0)
        # Above the separator before Quit: with the other ways in and out of the data.
        quit_separator = next((a for a in reversed(file_menu.actions()) if a.isSeparator()), None)
        self.restore_action = make_action(
            window,
            translate("DataActions", "&Restore from backup…"),
            self.open_restore,
            name="restoreBackupAction",
        )
        file_menu.insertAction(quit_separator, self.restore_action)  # type: ignore[arg-type]
        export_text = translate("DataActions", "&Export all data…")
        self.export_action = make_action(window, export_text, self.export_data, name="exportAllDataAction")
        file_menu.insertAction(quit_separator, self.export_action)  # type: ignore[arg-type]
        self.export_run: ExportRun | None = None

        self.deletion_dialog: DeletionDialog | None = None
        account_menu = find_menu(window, "accountMenu", -2)
        account_menu.addSeparator()
        deletion_text = translate("DataActions", "Request account &deletion…")
        self.deletion_action = make_action(
            window, deletion_text, self.open_deletion, name="accountDeletionAction"
        )
        account_menu.addAction(self.deletion_action)
        # (account e-mail, pending) as last heard from the platform this session: the action says
        # "Cancel account deletion…" then, where a person who changed their mind looks for it.
        self.deletion_known: tuple[str, bool] | None = None
        self.deletion_checking = False
        account_menu.aboutToShow.connect(self.refresh_deletion_state)

        from coapp.ui.data_safety.update_notice import UpdateNotice

        self.updates = UpdateNotice(window)
        help_menu = find_menu(window, "helpMenu", -1)
        updates_text = translate("DataActions", "Check for &updates")
        self.updates_action = make_action(window, updates_text, self.check_updates, name="checkUpdatesAction")
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, self.updates_action)  # type: ignore[arg-type]

    def check_updates(self) -> None:
        """Help → Check for updates: ask now, and say the answer whatever it is."""
        self.updates.check(manual=True)

    # --- export --------------------------------------------------------------------------------

    def export_data(self) -> ExportRun | None:
        from datetime import date

        from coapp.ui.data_safety.export_progress import suggested_name
        from coapp.ui.toolkit import ask_save_path

        def ask() -> Path | None:
            caption = translate("DataActions", "Export all data")
            kinds = translate("DataActions", "ZIP files (*.zip)")
            return ask_save_path(self.window, caption, suggested_name(date.today()), kinds)

        return self.start_export(ask)

    def start_export(self, ask: Callable[[], Path | None]) -> ExportRun | None:
        from coapp.ui.data_safety.export_progress import ask_and_export

        if self.export_run is not None:  # one at a time
            self.export_run.dialog.raise_()
            return self.export_run
        run = ask_and_export(self.window, ask)
        self.export_run = run
        if run is not None:

            def over(_summary: object) -> None:
                self.export_run = None
                run.deleteLater()

            run.done.connect(over)
        return run

    # --- account deletion ----------------------------------------------------------------------

    def _signed_in_email(self) -> str | None:
        view = self.window.sync.view
        return view.email if view.signed_in and view.email else None

    def refresh_deletion_state(self) -> None:
        """Ask the platform once per account and session whether a request is pending (quietly: a
        failure leaves the action as it is, and the dialog says what went wrong when opened)."""
        from coapp.sync.data_safety_calls import account_deletion_state

        email = self._signed_in_email()
        if email is None:
            self.deletion_state_known(None, False)
            return
        if self.deletion_checking or (self.deletion_known is not None and self.deletion_known[0] == email):
            return
        self.deletion_checking = True

        def done(state: Any) -> None:
            self.deletion_checking = False
            self.deletion_state_known(email, state.request is not None)

        def failed(_problem: object) -> None:
            self.deletion_checking = False

        self.window.sync.platform_call(account_deletion_state, done, failed)

    def deletion_state_known(self, email: str | None, pending: bool) -> None:
        self.deletion_known = (email, pending) if email is not None else None
        if pending:
            text = translate("DataActions", "Cancel account &deletion…")
        else:
            text = translate("DataActions", "Request account &deletion…")
        self.deletion_action.setText(text)

    def open_deletion(self) -> DeletionDialog:
        from coapp.ui.data_safety.deletion_dialog import DeletionDialog

        if self.deletion_dialog is not None:
            self.deletion_dialog.raise_()
            return self.deletion_dialog
        window = self.window
        email = self._signed_in_email()
        dialog = DeletionDialog(email, window.sync.platform_call, window.formats, self.export_data, window)
        self.deletion_dialog = dialog
        if email is not None:
            dialog.requested.connect(lambda _status: self.deletion_state_known(email, True))
            dialog.cancelled.connect(lambda: self.deletion_state_known(email, False))
            dialog.stateRead.connect(
                lambda state: self.deletion_state_known(email, state.request is not None)
            )

        def closed() -> None:
            self.deletion_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    # --- restore -------------------------------------------------------------------------------

    def open_restore(self) -> RestoreDialog:
        from coapp.ui.data_safety.restore_dialog import RestoreDialog

        if self.restore_dialog is not None:
            self.restore_dialog.raise_()
            return self.restore_dialog
        window = self.window
        dialog = RestoreDialog(window.state.paths.database, window.formats, window)
        self.restore_dialog = dialog

        def closed() -> None:
            self.restore_dialog = None
            dialog.deleteLater()

        dialog.restoreChosen.connect(self.restore)
        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def restore(self, backup: object) -> MainWindow:
        from coapp.ui.launch import reopen_restored

        try:
            new, safety = reopen_restored(self.window, Path(str(backup)))
        except CoappError as exc:
            self.window.statusBar().showMessage(error_text(exc), NOTICE_MS)
            return self.window
        log.info("restored %s; what was there is kept in %s", backup, safety)
        new.statusBar().showMessage(
            translate("DataActions", "The backup is restored. What was here before is kept as a backup too."),
            NOTICE_MS,
        )
        return new


def install_data_actions(window: MainWindow) -> DataActions:
    """Add the data-safety actions to *window*'s menus (once per window)."""
    existing = window.findChild(DataActions, "dataActions")
    if isinstance(existing, DataActions):
        return existing
    return DataActions(window)
