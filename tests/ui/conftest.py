"""Fixtures for driving the real main window: settings written before it is built, and a window
that is shown, active and on a fixed week so tests never depend on today."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coapp.app import build_main_window
from coapp.app.context import AppContext
from coapp.ui.i18n import install_translator
from coapp.ui.main_window import MainWindow

# The offscreen platform (CI) cannot pass size hints to a window system and says so once a window
# is shown; that says nothing about the app. Every other Qt warning still fails a test.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that switched the UI to Swedish does not hand its translator to the next test."""
    yield
    if QApplication.instance() is not None:
        install_translator("en")


# ISO week 2026-W48: Monday 23 – Sunday 29 November 2026, no public holidays in SE.
WEEK_DAY = date(2026, 11, 25)


@pytest.fixture
def use_settings(ctx: AppContext) -> Callable[..., None]:
    """Save settings into the data folder (call it before opening the window)."""

    def use(**changes: Any) -> None:
        ctx.save_settings(ctx.settings.with_changes(**changes))

    return use


@pytest.fixture
def windows() -> Iterator[list[MainWindow]]:
    """The main windows a test opened, closed at its end unless already gone (a window rebuilt in
    another language deletes the one it replaces, which qtbot.addWidget could not close)."""
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    # Gone now, as pytest-qt's own clean-up does, not in the next test's first turn of the event loop.
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def open_window(qtbot: QtBot, data_dir: Path, windows: list[MainWindow]) -> Callable[..., MainWindow]:
    """Build the real main window on the test's data folder, show it and make it active."""

    def open_(day: date | None = WEEK_DAY, screen: str | None = "timesheetTab") -> MainWindow:
        # Most tests work in the grid: the window opens there as if it had been closed there
        # (screen=None: as a first run does, on the dashboard).
        ini = data_dir / "window.ini"
        if screen is not None and not ini.exists():
            from PySide6.QtCore import QSettings

            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            stored = QSettings(str(ini), QSettings.Format.IniFormat)
            stored.setValue("screenName", screen)
            stored.sync()
        window = build_main_window(data_dir)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        if day is not None:
            window.timesheet.show_date(day)
        window.timesheet.grid.setFocus()
        return window

    return open_
