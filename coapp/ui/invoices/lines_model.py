"""An invoice's lines: reported and billed time side by side, quantity, price, VAT and amount.

A draft's descriptions can be edited; a fixed-fee draft's milestones also take a quantity and a
unit price. The model only shows lines and hands edits to a handler that saves them through the
service (which refuses anything on a confirmed invoice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from coapp.domain.errors import ValidationError
from coapp.domain.invoices import InvoiceLine
from coapp.ui.error_text import error_text
from coapp.ui.invoices.formats import InvoiceFormats, tabular

Index = QModelIndex | QPersistentModelIndex
LinesHandler = Callable[[list[InvoiceLine], str], bool]  # new lines, or an error to show

DAY, DESCRIPTION, NOTES, REPORTED, BILLED, QUANTITY, PRICE, VAT, AMOUNT = range(9)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_NUMERIC = (REPORTED, BILLED, QUANTITY, PRICE, VAT, AMOUNT)
_QUANTITY_STEP = Decimal("0.0001")
_CENT = Decimal("0.01")


class InvoiceLinesModel(QAbstractTableModel):
    def __init__(self, formats: InvoiceFormats, on_change: LinesHandler, parent: Any = None) -> None:
        super().__init__(parent)
        self._formats = formats
        self._on_change = on_change
        self._lines: list[InvoiceLine] = []
        self._currency = "SEK"
        self._editable: tuple[int, ...] = ()
        self._figures = tabular(QFont())
        self._headers = [
            self.tr("Date"),
            self.tr("Description"),
            self.tr("Notes"),
            self.tr("Reported"),
            self.tr("Billed"),
            self.tr("Quantity"),
            self.tr("Unit price"),
            self.tr("VAT"),
            self.tr("Amount"),
        ]

    def set_lines(self, lines: tuple[InvoiceLine, ...], currency: str, editable: tuple[int, ...]) -> None:
        """Show *lines*; *editable* names the columns a person may change (none on a confirmed one)."""
        if len(lines) == len(self._lines) and lines:
            # Same shape (an edited cell was saved): keep the current cell and any open editor.
            self._lines, self._currency, self._editable = list(lines), currency, editable
            self.dataChanged.emit(self.index(0, 0), self.index(len(lines) - 1, AMOUNT))
            return
        self.beginResetModel()
        self._lines, self._currency, self._editable = list(lines), currency, editable
        self.endResetModel()

    def set_formats(self, formats: InvoiceFormats) -> None:
        self._formats = formats
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, AMOUNT))

    def lines(self) -> list[InvoiceLine]:
        return list(self._lines)

    # --- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self._editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in _NUMERIC else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole and section in (REPORTED, BILLED):
            return self.tr("Reported time as typed; billed time after the contract's rounding rule")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(line, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in _NUMERIC else _LEFT
        if role == Qt.ItemDataRole.FontRole and column in _NUMERIC:
            return self._figures
        if role == Qt.ItemDataRole.ToolTipRole and column in (DESCRIPTION, NOTES):
            return "\n".join(t for t in (line.description, line.notes) if t)
        return None

    def _text(self, line: InvoiceLine, column: int) -> str:
        f = self._formats
        if column == DAY:
            # A per-day line's date; a week's or a range's period; nothing on a milestone.
            if line.first_day is None:
                return ""
            return f.period(line.first_day, line.last_day or line.first_day)
        if column == DESCRIPTION:
            return line.description
        if column == NOTES:
            return line.notes
        if column == REPORTED:
            return f.minutes(line.raw_minutes)
        if column == BILLED:
            return f.minutes(line.billed_minutes)
        if column == QUANTITY:
            return f"{f.quantity(line.quantity)} {f.unit(line.unit, line.quantity)}"
        if column == PRICE:
            return f.money(line.unit_price, self._currency)
        if column == VAT:
            return f.percent(line.vat_rate)
        return f.money(line.amount, self._currency)

    def _edit_text(self, line: InvoiceLine, column: int) -> str:
        if column == QUANTITY:
            return self._formats.quantity(line.quantity)
        if column == PRICE:
            return self._formats.amount(line.unit_price)
        return self._text(line, column)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in self._editable:
            return False
        line = self._lines[index.row()]
        text = str(value).strip()
        try:
            changed = self._changed(line, index.column(), text)
        except ValidationError as exc:
            return self._on_change([], error_text(exc))
        if changed == line:
            return True
        lines = list(self._lines)
        lines[index.row()] = changed
        return self._on_change(lines, "")

    def _changed(self, line: InvoiceLine, column: int, text: str) -> InvoiceLine:
        if column == DESCRIPTION:
            if not text:
                raise ValidationError(self.tr("Every line needs a description."))
            return replace(line, description=text)
        number = self._formats.parse_decimal(text)
        if number < 0:
            raise ValidationError(self.tr("Quantities and prices cannot be negative."))
        if column == QUANTITY:
            if number != number.quantize(_QUANTITY_STEP):
                raise ValidationError(self.tr("A quantity has at most four decimals."))
            return replace(line, quantity=number)
        if number != number.quantize(_CENT):
            raise ValidationError(self.tr("A price has at most two decimals."))
        return replace(line, unit_price=number)
