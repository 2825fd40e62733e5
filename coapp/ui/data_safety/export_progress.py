"""File → Export all data…: where to save the ZIP, then the export on a worker with its progress.

The window keeps responding while the export runs (a data folder with years of invoices takes a
few seconds); the progress dialog counts the kinds of data and files written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from coapp.ui.background import run_in_background
from coapp.ui.error_text import error_text

if TYPE_CHECKING:
    from coapp.services.data_export import ExportSummary
    from coapp.ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads the context and text of each call
NOTICE_MS = 15_000


class ExportRun(QObject):
    """One export in flight: the progress dialog, and ``finished(path or None)`` at its end."""

    progressed = Signal(int, int)  # from the worker; delivered on the GUI thread (queued)
    done = Signal(object)  # the ExportSummary, or None when it failed

    def __init__(self, window: MainWindow, target: Path) -> None:
        super().__init__(window)
        self.window = window
        self.target = target
        self.error: BaseException | None = None
        self.shown: list[tuple[int, int]] = []  # the progress shown, in order
        self.dialog = QProgressDialog(translate("ExportRun", "Exporting all your data…"), "", 0, 0, window)
        self.dialog.setObjectName("exportProgress")
        self.dialog.setWindowTitle(translate("ExportRun", "Export all data"))
        self.dialog.setAccessibleName(translate("ExportRun", "Export progress"))
        self.dialog.setAccessibleDescription(translate("ExportRun", "How much of the export is written"))
        self.dialog.setCancelButton(None)  # a half export is never left behind; it is short
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        from coapp import __version__
        from coapp.services.data_export import export_all
        from coapp.services.export_resumes import resume_files

        ctx = self.window.ctx
        store, archive, file_path = ctx.store, ctx.paths.invoice_archive, ctx.profile_files.file_path
        profile, photo, language = ctx.profile, ctx.profile_files.photo_path(), ctx.settings.language
        target, report = self.target, self.progressed.emit
        self.dialog.show()

        def work() -> ExportSummary:  # on the worker: no widgets
            return export_all(
                store,
                archive,
                file_path,
                target,
                app_version=__version__,
                overwrite=True,
                generated=lambda: resume_files(store, profile, photo, language),
                progress=report,
            )

        run_in_background(work, self._finished, self._failed)

    def _show_progress(self, done: int, total: int) -> None:
        self.shown.append((done, total))
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _finished(self, summary: ExportSummary) -> None:
        self.dialog.close()
        rows = sum(summary.rows.values())
        self.window.statusBar().showMessage(
            translate("ExportRun", "Exported {rows} and {files} to {path}.").format(
                rows=translate("ExportRun", "1 row")
                if rows == 1
                else translate("ExportRun", "{n} rows").format(n=rows),
                files=translate("ExportRun", "1 file")
                if summary.files == 1
                else translate("ExportRun", "{n} files").format(n=summary.files),
                path=summary.path,
            ),
            NOTICE_MS,
        )
        self.done.emit(summary)

    def _failed(self, error: BaseException) -> None:
        self.dialog.close()
        self.error = error
        log.warning("export to %s failed: %s", self.target, error)
        text = error_text(error) if not isinstance(error, OSError) else f"{self.target}: {error.strerror}"
        self.window.statusBar().showMessage(
            translate("ExportRun", "The export failed: {reason}").format(reason=text), NOTICE_MS
        )
        self.done.emit(None)


def suggested_name(today: date) -> str:
    return f"coapp-export-{today.isoformat()}.zip"


def ask_and_export(window: MainWindow, ask: Callable[[], Path | None]) -> ExportRun | None:
    target = ask()
    if target is None:
        return None
    run = ExportRun(window, target)
    run.start()
    return run
