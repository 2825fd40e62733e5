"""Composition root: builds the store, services and the main window on one data folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coapp.context import AppContext

if TYPE_CHECKING:
    from coapp.ui.main_window import MainWindow


def _ensure_application() -> None:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("coapp")
        app.setOrganizationName("coapp")
        app.setApplicationDisplayName("coapp")


def build_main_window(data_dir: str | Path | None = None) -> MainWindow:
    """The real main window on *data_dir*, not shown and without entering the event loop."""
    _ensure_application()
    from coapp.ui.main_window import MainWindow

    window = MainWindow(AppContext.open(data_dir))
    window.destroyed.connect(window.ctx.close)
    return window


def run_gui(data_dir: str | Path | None = None) -> int:
    _ensure_application()
    from PySide6.QtWidgets import QApplication

    from coapp.paths import Paths
    from coapp.store.database import StoreError
    from coapp.ui.error_dialogs import explain_store_error, install_excepthook

    install_excepthook()
    while True:
        try:
            window = build_main_window(data_dir)
            break
        except StoreError as exc:
            if not explain_store_error(exc, Paths.resolve(data_dir).database):
                return 1
    window.show()
    code = QApplication.exec()
    window.ctx.close()
    return code
