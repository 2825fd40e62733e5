"""The invoices as a table: number, state, contract, period, dates and total, one row per invoice."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from coapp.domain.invoices import InvoiceKind, InvoiceState
from coapp.ui.invoices.formats import InvoiceFormats, kind_label, number_text, state_label, tabular

if TYPE_CHECKING:
    from coapp.services.invoice_queries import InvoiceSummary

Index = QModelIndex | QPersistentModelIndex

NUMBER, STATE, CONTRACT, PERIOD, ISSUED, DUE, TOTAL = range(7)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_FIGURES = (NUMBER, ISSUED, DUE, TOTAL)


class InvoiceListModel(QAbstractTableModel):
    def __init__(self, formats: InvoiceFormats, parent: Any = None) -> None:
        super().__init__(parent)
        self._formats = formats
        self._rows: list[InvoiceSummary] = []
        self._figures = tabular(QFont())
        self._headers = [
            self.tr("Number"),
            self.tr("State"),
            self.tr("Contract"),
            self.tr("Period"),
            self.tr("Issued"),
            self.tr("Due"),
            self.tr("Total"),
        ]

    # --- content -------------------------------------------------------------------------

    def set_summaries(self, summaries: list[InvoiceSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def set_formats(self, formats: InvoiceFormats) -> None:
        self._formats = formats
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, TOTAL))

    def summaries(self) -> list[InvoiceSummary]:
        return list(self._rows)

    def summary(self, row: int) -> InvoiceSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, invoice_id: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == invoice_id), -1)

    # --- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in (NUMBER, TOTAL) else _LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(summary, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (NUMBER, TOTAL) else _LEFT
        if role == Qt.ItemDataRole.FontRole and column in _FIGURES:
            return self._figures
        if role == Qt.ItemDataRole.ToolTipRole and column == NUMBER and summary.number is None:
            if summary.state is InvoiceState.DRAFT:
                return self.tr("A draft takes its number when it is confirmed.")
            return self.tr("Confirmed offline; the platform assigns the number at the next sync.")
        if role == ID_ROLE:
            return summary.id
        if role == SORT_ROLE:
            return self._sort_key(summary, column)
        return None

    def _text(self, s: InvoiceSummary, column: int) -> str:
        f = self._formats
        if column == NUMBER:
            return number_text(s.state, s.number)
        if column == STATE:
            if s.kind is InvoiceKind.CREDIT_NOTE:
                extra = "" if s.state is InvoiceState.CONFIRMED else f" · {state_label(s.state)}"
                return kind_label(s.kind) + extra
            return state_label(s.state)
        if column == CONTRACT:
            return s.contract_title
        if column == PERIOD:
            return f.period(s.period_start, s.period_end)
        if column == ISSUED:
            return "—" if s.state is InvoiceState.DRAFT else f.day(s.issue_date)
        if column == DUE:
            return "—" if s.state is InvoiceState.DRAFT else f.day(s.due_date)
        return f.money(s.signed_total, s.currency)

    @staticmethod
    def _sort_key(s: InvoiceSummary, column: int) -> Any:
        if column == NUMBER:
            # Drafts after numbered invoices; the digits in a number compared as numbers, so
            # 2026-0010 follows 2026-0009 and F10 follows F9 in any series format.
            if not s.number:
                return "\uffff"
            return re.sub(r"\d+", lambda m: m.group().zfill(20), s.number)
        if column == STATE:
            return f"{s.kind.value}{list(InvoiceState).index(s.state)}"
        if column == CONTRACT:
            return s.contract_title.lower()
        if column == PERIOD:
            return s.period_start.toordinal()
        if column == ISSUED:
            return s.issue_date.toordinal()
        if column == DUE:
            return s.due_date.toordinal()
        return int(s.signed_total.scaleb(2))  # minor units: sortable, and no float near money
