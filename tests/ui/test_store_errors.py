"""What the user sees when the store cannot open: a damaged file offers the newest backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.store.backup import make_backup
from coapp.store.database import open_store
from coapp.store.errors import DamagedDatabaseError
from coapp.ui.error_dialogs import explain_store_error
from tests.conftest import make_contract


def _damage(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 3)):
        data[offset] = 0xA5
    db.write_bytes(bytes(data))


def _press_when_shown(button_text: str) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        for button in box.findChildren(QPushButton):
            if button.text() == button_text:
                button.click()
                return
        names = [b.text() for b in box.findChildren(QPushButton)]
        raise AssertionError(f"no button {button_text!r} in {names}")

    QTimer.singleShot(20, press)


def test_a_damaged_database_is_replaced_by_the_newest_backup_on_request(qtbot: QtBot, data_dir: Path) -> None:
    ctx = AppContext.open(data_dir)
    make_contract(ctx, "Kept in the backup")
    ctx.close()
    db = ctx.paths.database
    make_backup(db, "test")
    _damage(db)
    try:
        open_store(db).dispose()
    except DamagedDatabaseError as exc:
        error = exc
    else:
        raise AssertionError("the damaged file opened")

    _press_when_shown("Restore newest backup")
    assert explain_store_error(error, db) is True
    assert (db.parent / "coapp.sqlite3.damaged").exists()  # the damaged file is kept for inspection
    reopened = AppContext.open(data_dir)
    try:
        assert [c.title for c in reopened.contracts.all()] == ["Kept in the backup"]
    finally:
        reopened.close()


def test_closing_the_dialog_leaves_the_damaged_file_alone(qtbot: QtBot, data_dir: Path) -> None:
    ctx = AppContext.open(data_dir)
    ctx.close()
    db = ctx.paths.database
    make_backup(db, "test")
    _damage(db)
    before = db.read_bytes()
    error = DamagedDatabaseError("damaged", backup=None)
    _press_when_shown("Close")
    assert explain_store_error(error, db) is False
    assert db.read_bytes() == before
