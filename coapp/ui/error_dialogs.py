"""What the user sees when something goes wrong: store problems at start-up, and bugs."""

from __future__ import annotations

import logging
import shutil
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from coapp.store.errors import DamagedDatabaseError, StoreError
from coapp.ui.error_text import error_text

log = logging.getLogger("coapp")
translate = QCoreApplication.translate  # lupdate reads the context and text of each call


def explain_store_error(error: StoreError, db_path: Path) -> bool:
    """Show why the store cannot open. Return True if the user restored a backup (try again)."""
    box = QMessageBox(QMessageBox.Icon.Critical, "coapp", error_text(error))
    box.setObjectName("storeErrorDialog")
    restore = None
    if isinstance(error, DamagedDatabaseError) and error.backup is not None:
        box.setInformativeText(
            translate(
                "ErrorDialogs",
                "coapp can put the newest backup in its place; the damaged file is kept beside it.",
            )
        )
        restore = box.addButton(
            translate("ErrorDialogs", "Restore newest backup"), QMessageBox.ButtonRole.AcceptRole
        )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore is not None and box.clickedButton() is restore and isinstance(error, DamagedDatabaseError):
        assert error.backup is not None
        restore_backup(error.backup, db_path)
        return True
    return False


def restore_backup(backup: Path, db_path: Path) -> Path:
    """Put *backup* in place of the database; keep the damaged file (and its WAL) for inspection."""
    kept = db_path.with_name(db_path.name + ".damaged")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(db_path) + suffix)
        if part.exists():
            part.replace(Path(str(kept) + suffix))
    shutil.copy2(backup, db_path)
    return kept


def install_excepthook() -> None:
    """Bugs are logged with their trace and shown once, never swallowed."""
    shown = False

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal shown
        log.error("Unexpected error", exc_info=(kind, value, tb))
        if QApplication.instance() is None or shown:
            sys.__excepthook__(kind, value, tb)
            return
        shown = True
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "coapp",
            translate("ErrorDialogs", "Something went wrong: {error}").format(error=value),
        )
        box.setInformativeText(
            translate(
                "ErrorDialogs", "Your data is safe. The details are in the log file; please report them."
            )
        )
        box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
        box.exec()

    sys.excepthook = hook
