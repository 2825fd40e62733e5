"""Table model of one week: a row per contract, Monday..Sunday, a total column and a totals row.

The model only shows a WeekSheet and forwards edits to a handler (the controller), which validates
them through the service and records them for undo; it never writes to the store itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from coapp.domain.durations import parse_duration
from coapp.domain.errors import ValidationError
from coapp.services.sheets import Cell, CellChange, WeekSheet
from coapp.ui.formats import Formats

TOTAL_COLUMN = 7
DAYS = 7
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
LOCKED_ROLE = Qt.ItemDataRole.UserRole + 2
MINUTES_ROLE = Qt.ItemDataRole.UserRole + 3
HOLIDAY_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex
EditHandler = Callable[[list[CellChange], str], bool]


class WeekGridModel(QAbstractTableModel):
    def __init__(self, formats: Formats, on_edit: EditHandler, parent: Any = None) -> None:
        super().__init__(parent)
        self._formats = formats
        self._on_edit = on_edit
        self._sheet: WeekSheet | None = None
        self._holidays: dict[int, str] = {}

    # --- content -------------------------------------------------------------------------

    @property
    def sheet(self) -> WeekSheet | None:
        return self._sheet

    def set_formats(self, formats: Formats) -> None:
        self._formats = formats
        self._emit_all_changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, TOTAL_COLUMN)

    def set_sheet(self, sheet: WeekSheet, holidays: dict[int, str]) -> None:
        """Show *sheet*; when only the cell values changed, keep selection and current cell."""
        same_shape = (
            self._sheet is not None
            and self._sheet.week == sheet.week
            and [r.contract.id for r in self._sheet.rows] == [r.contract.id for r in sheet.rows]
        )
        if same_shape:
            self._sheet, self._holidays = sheet, holidays
            self._emit_all_changed()
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
        else:
            self.beginResetModel()
            self._sheet, self._holidays = sheet, holidays
            self.endResetModel()

    def _emit_all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, TOTAL_COLUMN))

    def is_total_row(self, row: int) -> bool:
        return self._sheet is not None and row == len(self._sheet.rows)

    def is_day_cell(self, index: Index) -> bool:
        return index.isValid() and index.column() < DAYS and not self.is_total_row(index.row())

    def cell(self, index: Index) -> Cell | None:
        if self._sheet is None or not self.is_day_cell(index):
            return None
        return self._sheet.rows[index.row()].cells[index.column()]

    def contract_id(self, row: int) -> str | None:
        if self._sheet is None or not 0 <= row < len(self._sheet.rows):
            return None
        return self._sheet.rows[row].contract.id

    def day(self, column: int) -> date | None:
        if self._sheet is None or not 0 <= column < DAYS:
            return None
        return self._sheet.days[column]

    def in_period(self, index: Index) -> bool:
        if self._sheet is None or not self.is_day_cell(index):
            return False
        return self._sheet.rows[index.row()].contract.active_on(self._sheet.days[index.column()])

    # --- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._sheet is None:
            return 0
        return len(self._sheet.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else DAYS + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        cell = self.cell(index)
        # Cells outside the period stay editable so typing there explains the refusal.
        if cell is not None and not cell.locked:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._sheet is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        total_row = self.is_total_row(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (total_row or col == TOTAL_COLUMN):
            font = QFont()
            font.setBold(True)
            return font
        minutes = self._minutes(row, col)
        cell = self.cell(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self._formats.hours(minutes)
                if not total_row and col < DAYS
                else self._formats.hours_always(minutes)
            )
        if role == Qt.ItemDataRole.EditRole:
            return self._formats.hours(minutes)
        if role == MINUTES_ROLE:
            return minutes
        if role == NOTE_ROLE:
            return cell.note if cell else ""
        if role == LOCKED_ROLE:
            return bool(cell and cell.locked)
        if role == HOLIDAY_ROLE:
            return self._holidays.get(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index, cell) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(index, minutes, cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(index, col)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._sheet is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                if section == TOTAL_COLUMN:
                    return self.tr("Total")
                text = self._formats.day_header(self._sheet.days[section])
                if self._holidays:
                    # A holiday's name is shown, not only hinted: a second header line that weeks
                    # with a holiday get for every day, so the header height stays even.
                    text += "\n" + _short(self._holidays.get(section, ""))
                return text
            if role == Qt.ItemDataRole.ToolTipRole and section < DAYS:
                name = self._holidays.get(section)
                long = self._formats.long_date(self._sheet.days[section])
                return f"{long} · {name}" if name else long
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if self.is_total_row(section):
                return self.tr("Total")
            return self._sheet.rows[section].contract.title
        if role == Qt.ItemDataRole.ToolTipRole and not self.is_total_row(section):
            c = self._sheet.rows[section].contract
            end = c.end_date.isoformat() if c.end_date else "—"
            return f"{c.title}\n{c.client_name}\n{c.start_date.isoformat()} – {end}"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_day_cell(index):
            return False
        cell = self.cell(index)
        assert cell is not None
        try:
            minutes = parse_duration(str(value))
        except ValidationError as exc:
            return self._on_edit([], str(exc))
        if minutes == cell.minutes:
            return True
        change = self.change_at(index, minutes, cell.note if minutes else "")
        return self._on_edit([change], "")

    def change_at(self, index: Index, minutes: int, note: str) -> CellChange:
        contract_id, day = self.contract_id(index.row()), self.day(index.column())
        assert contract_id is not None
        assert day is not None
        return CellChange(contract_id, day, minutes, note)

    def cell_title(self, index: Index) -> str:
        """“Contract, day” for messages and dialogs about one cell."""
        row = self.headerData(index.row(), Qt.Orientation.Vertical)
        return f"{row}, {self.headerData(index.column(), Qt.Orientation.Horizontal)}"

    # --- helpers -------------------------------------------------------------------------

    def _minutes(self, row: int, col: int) -> int:
        assert self._sheet is not None
        if self.is_total_row(row):
            return self._sheet.total if col == TOTAL_COLUMN else self._sheet.day_totals[col]
        week_row = self._sheet.rows[row]
        return week_row.total if col == TOTAL_COLUMN else week_row.cells[col].minutes

    def _tooltip(self, index: Index, cell: Cell | None) -> str:
        parts = []
        holiday = self._holidays.get(index.column())
        if holiday and index.column() < DAYS:
            parts.append(holiday)
        if cell is not None:
            if cell.note:
                parts.append(cell.note)
            if cell.locked:
                parts.append(self.tr("On a confirmed invoice: read-only. Credit the invoice to change it."))
            elif not self.in_period(index):
                parts.append(self.tr("Outside the contract's period"))
        return "\n".join(parts)

    def _accessible_text(self, index: Index, minutes: int, cell: Cell | None) -> str:
        assert self._sheet is not None
        row_name = self.headerData(index.row(), Qt.Orientation.Vertical)
        col_name = self.headerData(index.column(), Qt.Orientation.Horizontal)
        text = f"{row_name}, {col_name}: {self._formats.hours_always(minutes)} h"
        if cell is not None and cell.note:
            text += f". {self.tr('Note')}: {cell.note}"
        if cell is not None and cell.locked:
            text += f". {self.tr('Locked')}"
        return text

    def _background(self, index: Index, col: int) -> QColor | None:
        assert self._sheet is not None
        if col >= DAYS:
            return None
        palette = QApplication.palette()
        cell = self.cell(index)
        shade = None
        if col in self._holidays or col >= 5:
            shade = _mix(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Mid), 0.18)
        if cell is not None and (cell.locked or not self.in_period(index)):
            shade = _mix(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Mid), 0.35)
        return shade


def _short(name: str, limit: int = 12) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """Blend two palette colours so shading follows light and dark schemes alike."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
