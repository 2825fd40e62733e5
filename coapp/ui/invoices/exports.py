"""Exports from the invoices screen: the list as CSV, the time behind an invoice as CSV, and the
e-invoice (Peppol BIS Billing 3.0 UBL) for buyers who need one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from coapp.domain.errors import CoappError
from coapp.ui.app_state import AppState
from coapp.ui.invoices.controller import InvoicesController


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
        controller.documentChanged.connect(lambda _doc: self._enable())
        self._enable()

    def actions(self) -> list[QAction]:
        return [self.list_action, self.time_action, self.ubl_action]

    def _action(self, text: str, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._parent)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _enable(self) -> None:
        doc = self._controller.document
        self.time_action.setEnabled(doc is not None)
        self.ubl_action.setEnabled(doc is not None and doc.number is not None)

    def _ask(self, title: str, name: str, kind: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(self._parent, title, str(Path(folder) / name), kind)
        return Path(chosen) if chosen else None

    def _done(self, work: Callable[[Path], str], path: Path | None) -> None:
        if path is None:
            return  # cancelled
        try:
            text = work(path)
        except (CoappError, OSError) as exc:
            self._controller.message.emit(self.tr("Not exported: {reason}").format(reason=exc), True)
            return
        self._controller.message.emit(text, False)

    def export_list(self) -> None:
        def work(path: Path) -> str:
            from coapp.base.atomic_file import write_atomic
            from coapp.documents.csv_export import invoices_csv

            rows = self._state.ctx.invoices.list()
            write_atomic(path, invoices_csv(rows, self._state.settings.language).encode("utf-8-sig"))
            return self.tr("Exported {n} invoices to {path}").format(n=len(rows), path=path)

        self._done(work, self._ask(self.tr("Export invoices"), "invoices.csv", "CSV (*.csv)"))

    def export_time(self) -> None:
        doc = self._controller.document
        if doc is None:
            return

        def work(path: Path) -> str:
            from coapp.base.atomic_file import write_atomic
            from coapp.documents.csv_export import time_csv

            ctx = self._state.ctx
            items = ctx.invoices.time_behind(doc.id)
            text = time_csv(items, ctx.invoices.rounding_of(doc.id), self._state.settings.language)
            write_atomic(path, text.encode("utf-8-sig"))
            return self.tr("Exported {n} days to {path}").format(n=len(items), path=path)

        name = f"time-{doc.number or 'draft'}.csv"
        self._done(work, self._ask(self.tr("Export the time behind the invoice"), name, "CSV (*.csv)"))

    def export_ubl(self) -> None:
        doc = self._controller.document
        if doc is None or doc.number is None:
            return

        def work(path: Path) -> str:
            from coapp.documents.ubl import write_ubl

            write_ubl(doc, path)
            return self.tr("Exported the e-invoice to {path}").format(path=path)

        self._done(
            work, self._ask(self.tr("Export e-invoice"), f"invoice-{doc.number}.xml", "UBL XML (*.xml)")
        )
