"""Exports from the invoices screen: the list as CSV, the time behind an invoice as CSV, and the
e-invoice (Peppol BIS Billing 3.0 UBL) for buyers who need one.

The file is written on a background worker (ARCHITECTURE.md "Threads"): the export actions are off
while one runs, the status bar shows the busy indicator, and the result or the reason comes back as
the screen's message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from coapp.domain.errors import CoappError
from coapp.ui.app_state import AppState
from coapp.ui.error_text import translated
from coapp.ui.invoices.controller import InvoicesController
from coapp.ui.toolkit import ask_save_path, make_action


class InvoiceExports(QObject):
    def __init__(self, state: AppState, controller: InvoicesController, parent: QWidget) -> None:
        super().__init__(parent)
        self._state = state
        self._controller = controller
        self._parent = parent
        self.list_action = self._action(
            self.tr("Export the list as CSV…"), "exportInvoicesCsvAction", self.export_list
        )
        self.time_action = self._action(
            self.tr("Export this invoice's time as CSV…"), "exportTimeCsvAction", self.export_time
        )
        self.ubl_action = self._action(
            self.tr("Export e-invoice (Peppol UBL)…"), "exportUblAction", self.export_ubl
        )
        self.running = False
        controller.documentChanged.connect(lambda _doc: self._enable())
        self._enable()

    def actions(self) -> list[QAction]:
        return [self.list_action, self.time_action, self.ubl_action]

    def _action(self, text: str, name: str, slot: Callable[[], object]) -> QAction:
        return make_action(self._parent, text, slot, name=name)

    def _enable(self) -> None:
        doc = self._controller.document
        idle = not self.running
        self.list_action.setEnabled(idle)
        self.time_action.setEnabled(idle and doc is not None)
        self.ubl_action.setEnabled(idle and doc is not None and doc.number is not None)

    def _ask(self, title: str, name: str, kind: str) -> Path | None:
        return ask_save_path(self._parent, title, name, kind)

    def _done(self, work: Callable[[Path], str], path: Path | None) -> None:
        if path is None or self.running:
            return  # cancelled, or one export at a time
        self.running = True
        self._enable()
        self._controller.message.emit(self.tr("Exporting to {path}…").format(path=path), False)

        def finished(text: str) -> None:
            self.running = False
            self._enable()
            self._controller.message.emit(text, False)

        def failed(error: BaseException) -> None:
            self.running = False
            self._enable()
            if not isinstance(error, CoappError | OSError):
                raise error
            self._controller.message.emit(
                self.tr("Not exported: {reason}").format(reason=translated(error)), True
            )

        self._state.tasks.run(lambda: work(path), finished, failed)

    def export_list(self) -> None:
        ctx, language = self._state.ctx, self._state.settings.language
        # Both texts made here, on the GUI thread; the worker only picks one and fills it.
        one_text, done_text = (
            self.tr("Exported 1 invoice to {path}"),
            self.tr("Exported {n} invoices to {path}"),
        )

        def work(path: Path) -> str:
            from coapp.base.atomic_file import write_atomic
            from coapp.documents.csv_export import invoices_csv

            rows = ctx.invoices.list()
            write_atomic(path, invoices_csv(rows, language).encode("utf-8-sig"))
            return (one_text if len(rows) == 1 else done_text).format(n=len(rows), path=path)

        self._done(work, self._ask(self.tr("Export invoices"), "invoices.csv", "CSV (*.csv)"))

    def export_time(self) -> None:
        doc = self._controller.document
        if doc is None:
            return

        ctx, language = self._state.ctx, self._state.settings.language
        one_text, done_text = self.tr("Exported 1 day to {path}"), self.tr("Exported {n} days to {path}")

        def work(path: Path) -> str:
            from coapp.base.atomic_file import write_atomic
            from coapp.documents.csv_export import time_csv

            items = ctx.invoices.time_behind(doc.id)
            text = time_csv(items, ctx.invoices.rounding_of(doc.id), language)
            write_atomic(path, text.encode("utf-8-sig"))
            return (one_text if len(items) == 1 else done_text).format(n=len(items), path=path)

        name = f"time-{doc.number or 'draft'}.csv"
        self._done(work, self._ask(self.tr("Export the time behind the invoice"), name, "CSV (*.csv)"))

    def export_ubl(self) -> None:
        doc = self._controller.document
        if doc is None or doc.number is None:
            return

        done_text = self.tr("Exported the e-invoice to {path}")

        def work(path: Path) -> str:
            from coapp.documents.ubl import write_ubl

            write_ubl(doc, path)
            return done_text.format(path=path)

        self._done(
            work, self._ask(self.tr("Export e-invoice"), f"invoice-{doc.number}.xml", "UBL XML (*.xml)")
        )
