"""File → Restore from backup… on the real window: the list shows each backup's date and counts,
the restore asks first, and the window built again shows exactly the backup's data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from coapp.store.backup import list_backups, make_backup
from coapp.ui.data_safety.menu import install_data_actions
from coapp.ui.data_safety.restore_dialog import RestoreDialog
from coapp.ui.main_window import MainWindow
from tests.conftest import make_contract
from tests.test_backup_restore import dump
from tests.ui.helpers import grid_of, rebuilt_window, row_texts


def _fill(window: MainWindow, title: str, days: int) -> None:
    contract = make_contract(window.ctx, title)
    for offset in range(days):
        window.ctx.timesheet.set_time(contract.id, date(2026, 11, 23 + offset), 30 * (offset + 1))


def _dialog(qtbot: QtBot, window: MainWindow) -> RestoreDialog:
    actions = install_data_actions(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert actions.restore_action in file_menu.actions()  # type: ignore[union-attr]
    actions.restore_action.trigger()
    dialog = actions.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _confirmation(qtbot: QtBot, dialog: RestoreDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.confirmation is not None and dialog.confirmation.isVisible())
    assert dialog.confirmation is not None
    return dialog.confirmation


def test_restore_from_the_menu_shows_the_backups_data_again(
    qtbot: QtBot, open_window: Callable[..., MainWindow], windows: list[MainWindow]
) -> None:
    window = open_window()
    _fill(window, "Backend", 3)
    backup = make_backup(window.state.paths.database, "daily")
    before = dump(backup)
    window.timesheet.controller.reload()
    qtbot.waitUntil(lambda: "3" in _grid_values(window))
    backed_up = _grid_values(window)
    _fill(window, "Later", 2)
    window.timesheet.controller.reload()
    qtbot.waitUntil(lambda: _grid_values(window) != backed_up)
    dialog = _dialog(qtbot, window)

    row = next(i for i in range(dialog.tree.topLevelItemCount()) if dialog.rows[i].path == backup)
    item = dialog.tree.topLevelItem(row)
    assert item is not None
    assert [item.text(c) for c in (1, 2, 3, 4)] == ["Daily", "1", "1", "0"]
    assert item.text(0) == dialog.when(dialog.rows[row].made_at)
    dialog.tree.setCurrentItem(item)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    box = _confirmation(qtbot, dialog)
    assert "It holds 1 contract, 3 time entries in 1 week and 0 invoices." in box.informativeText()
    box.findChild(type(dialog.restore_button), "confirmRestoreButton").click()

    new = rebuilt_window(qtbot, window, windows)
    assert [c.title for c in new.ctx.contracts.all()] == ["Backend"]
    assert dump(new.state.paths.database) == before
    new.timesheet.show_date(date(2026, 11, 25))
    # The grid reads the restored store: Backend's 30, 60 and 90 minutes, and Later's row is gone.
    qtbot.waitUntil(lambda: _grid_values(new) == backed_up)
    assert backed_up == ["0.5", "1", "1.5", "3", "0.5", "1", "1.5", "3"]
    assert "restored" in new.statusBar().currentMessage()
    safety = list_backups(new.state.paths.database)[0]
    assert "before-restore" in safety.name
    assert {"Backend", "Later"} <= {r[0] for r in _titles(safety)}


def _grid_values(window: MainWindow) -> list[str]:
    grid = grid_of(window)
    return " ".join(" ".join(row_texts(grid, r)) for r in range(grid.model().rowCount())).split()


def _titles(db: Path) -> list[tuple[str]]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT title FROM contracts").fetchall()
    finally:
        conn.close()


def test_cancel_and_a_bad_file_change_nothing(
    qtbot: QtBot, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    _fill(window, "Backend", 2)
    make_backup(window.state.paths.database, "daily")
    _fill(window, "Later", 1)
    current = dump(window.state.paths.database)
    dialog = _dialog(qtbot, window)
    dialog.restore_button.click()
    _confirmation(qtbot, dialog).button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: dialog.confirmation is None)
    assert dialog.isVisible()

    bad = tmp_path / "not-a-backup.sqlite3"
    bad.write_text("hello")
    dialog.confirm_file(bad)
    assert dialog.problem.isVisible()
    assert "is not a coapp backup" in dialog.problem.text()
    assert dialog.confirmation is None
    QApplication.processEvents()
    assert dump(window.state.paths.database) == current
    assert window.isVisible()
