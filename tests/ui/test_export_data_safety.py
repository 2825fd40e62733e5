"""File → Export all data… on the real window: the ZIP is written on a worker while a progress
dialog counts up, and the status line says where it went; a failure says why and leaves nothing."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from coapp.ui.data_safety.export_progress import ExportRun
from coapp.ui.data_safety.menu import install_data_actions
from coapp.ui.main_window import MainWindow
from tests.conftest import make_contract


def test_export_from_the_menu_writes_the_zip_with_progress(
    qtbot: QtBot, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    make_contract(window.ctx, "Backend")
    actions = install_data_actions(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert actions.export_action in file_menu.actions()  # type: ignore[union-attr]
    target = tmp_path / "mine.zip"
    run = actions.start_export(lambda: target)
    assert isinstance(run, ExportRun)
    with qtbot.waitSignal(run.done, timeout=20_000) as done:
        pass
    assert done.args[0] is not None
    assert not run.dialog.isVisible()
    assert run.shown
    assert run.shown[-1][0] == run.shown[-1][1] == run.dialog.maximum()
    assert [done for done, _ in run.shown] == sorted(done for done, _ in run.shown)
    with zipfile.ZipFile(target) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["data"]["contracts"]["rows"] == 1
    assert str(target) in window.statusBar().currentMessage()
    assert actions.export_run is None  # another may start


def test_cancelling_the_save_dialog_exports_nothing(open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    actions = install_data_actions(window)
    assert actions.start_export(lambda: None) is None
    assert actions.export_run is None


def test_a_failed_export_says_why(
    qtbot: QtBot, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    actions = install_data_actions(window)
    run = actions.start_export(lambda: tmp_path / "no such folder" / "x.zip")
    assert run is not None
    with qtbot.waitSignal(run.done, timeout=20_000) as done:
        pass
    assert done.args[0] is None
    assert "The export failed" in window.statusBar().currentMessage()
    assert "no such folder" in window.statusBar().currentMessage()
    assert not (tmp_path / "no such folder").exists()
