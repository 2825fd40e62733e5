"""Table model of one week: a row per contract, Monday..Sunday, a total column and a totals row.

The model only shows a WeekSheet and forwards edits to a handler (the controller), which validates
them through the service and records them for undo; it never writes to the store itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QModelRoleDataSpan, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from coapp.domain.durations import parse_duration
from coapp.domain.errors import ValidationError
from coapp.services.sheets import Cell, CellChange, WeekSheet
from coapp.ui.error_text import error_text
from coapp.ui.formats import Formats
from coapp.ui.timesheet.cell_marks import CellMarks

TOTAL_COLUMN = 7
DAYS = 7
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
LOCKED_ROLE = Qt.ItemDataRole.UserRole + 2
MINUTES_ROLE = Qt.ItemDataRole.UserRole + 3
HOLIDAY_ROLE = Qt.ItemDataRole.UserRole + 4

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable

Index = QModelIndex | QPersistentModelIndex
EditHandler = Callable[[list[CellChange], str], bool]


class WeekGridModel(QAbstractTableModel):
    def __init__(self, formats: Formats, on_edit: EditHandler, parent: Any = None) -> None:
        super().__init__(parent)
        self._formats = formats
        self._on_edit = on_edit
        self._sheet: WeekSheet | None = None
        self._holidays: dict[int, str] = {}
        # Painting asks ~9 roles per cell; answering from a table built once per week keeps a
        # week switch within its budget (see benchmarks/).
        self._table: list[list[dict[int, Any]]] = []
        self._flags: list[list[Qt.ItemFlag]] = []
        self._day_headers: list[str] = []
        self._bold = QFont()
        self._bold.setBold(True)
        # Drawn at the screen's pixel ratio: a pixmap of another ratio is rescaled at every paint.
        self._marks = CellMarks(QApplication.palette(), _pixel_ratio())

    # --- content -------------------------------------------------------------------------

    @property
    def sheet(self) -> WeekSheet | None:
        return self._sheet

    def set_formats(self, formats: Formats) -> None:
        self._formats = formats
        self._rebuild()
        self._emit_all_changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, TOTAL_COLUMN)

    def refresh_colors(self) -> None:
        """The palette changed (light/dark): shades and marks are drawn again in its colours."""
        self._marks = CellMarks(QApplication.palette(), _pixel_ratio())
        self._rebuild()
        self._emit_all_changed()

    def set_sheet(self, sheet: WeekSheet, holidays: dict[int, str]) -> None:
        """Show *sheet*. When the rows are the same contracts (an edit, or another week of the same
        work) only values change: the current cell and selection stay, and the view repaints
        instead of resetting, which keeps a week switch within its budget (see benchmarks/)."""
        old = self._sheet
        same_rows = old is not None and [r.contract.id for r in old.rows] == [
            r.contract.id for r in sheet.rows
        ]
        if same_rows:
            assert old is not None
            headers_changed = old.week != sheet.week or holidays != self._holidays
            self._sheet, self._holidays = sheet, holidays
            self._rebuild()
            self._emit_all_changed()
            if headers_changed:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, TOTAL_COLUMN)
            if [r.contract.title for r in old.rows] != [r.contract.title for r in sheet.rows]:
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
        else:
            self.beginResetModel()
            self._sheet, self._holidays = sheet, holidays
            self._rebuild()
            self.endResetModel()

    def _emit_all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, TOTAL_COLUMN))

    def header_lines(self) -> int:
        """Lines in the day headers: a week with a holiday names it on a second line for every day."""
        return 2 if self._holidays else 1

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
        return self._flags[index.row()][index.column()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._sheet is None or not index.isValid():
            return None
        role = int(role)
        if role in (_TOOLTIP, _ACCESSIBLE):  # rare: built when asked
            cell = self.cell(index)
            if role == _TOOLTIP:
                return self._tooltip(index, cell) or None
            return self._accessible_text(index, self._minutes(index.row(), index.column()), cell)
        return self._table[index.row()][index.column()].get(role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan) -> None:
        """All the roles a cell is painted with, in one call: Qt's delegate asks for them together,
        and one Python call per cell instead of one per role halves a week switch's paint."""
        if self._sheet is None or not index.isValid():
            return
        entry = self._table[index.row()][index.column()]
        for role_data in roleDataSpan:
            role = role_data.role()
            if role in (_TOOLTIP, _ACCESSIBLE):
                role_data.setData(self.data(index, role))
            elif (value := entry.get(role)) is not None:
                role_data.setData(value)
            else:
                # The delegate reuses its span from cell to cell: a role this cell lacks must be
                # cleared, or the previous cell's note mark or shade is painted here too.
                role_data.clearData()

    def _rebuild(self) -> None:
        """Answer every role that painting asks for, for every cell, once per change."""
        sheet = self._sheet
        if sheet is None:
            self._table, self._flags = [], []
            return
        day_totals = sheet.day_totals
        shades = self._shades()
        table: list[list[dict[int, Any]]] = []
        flags: list[list[Qt.ItemFlag]] = []
        for week_row in sheet.rows:
            contract = week_row.contract
            row_table, row_flags = [], []
            for col, cell in enumerate(week_row.cells):
                text = self._formats.hours(cell.minutes)
                closed = cell.locked or not contract.active_on(sheet.days[col])
                entry: dict[int, Any] = {
                    _DISPLAY: text,
                    _EDIT: text,
                    _ALIGNMENT: _RIGHT,
                    MINUTES_ROLE: cell.minutes,
                    NOTE_ROLE: cell.note,
                    LOCKED_ROLE: cell.locked,
                    HOLIDAY_ROLE: self._holidays.get(col),
                }
                mark = self._marks.icon(bool(cell.note), cell.locked)
                if mark is not None:
                    entry[_DECORATION] = mark
                background = shades["closed"] if closed else shades.get(col)
                if background is not None:
                    entry[_BACKGROUND] = background
                row_table.append(entry)
                # Cells outside the period stay editable so typing there explains the refusal.
                row_flags.append(_READ_ONLY if cell.locked else _EDITABLE)
            row_table.append(self._total_entry(week_row.total, quiet=True))
            row_flags.append(_READ_ONLY)
            table.append(row_table)
            flags.append(row_flags)
        totals_row = []
        for col in range(DAYS):
            entry = self._total_entry(day_totals[col], quiet=True)
            if (shade := shades.get(col)) is not None:
                entry[_BACKGROUND] = shade
            totals_row.append(entry)
        totals_row.append(self._total_entry(sum(day_totals)))
        table.append(totals_row)
        flags.append([_READ_ONLY] * (DAYS + 1))
        self._table, self._flags = table, flags
        self._day_headers = [self._day_header(col) for col in range(DAYS)] + [self.tr("Total")]

    def _day_header(self, col: int) -> str:
        assert self._sheet is not None
        text = self._formats.day_header(self._sheet.days[col])
        if self._holidays:
            # A holiday's name is shown, not only hinted: a second header line that weeks with a
            # holiday get for every day, so the header height stays even.
            text += "\n" + _short(self._holidays.get(col, ""))
        return text

    def _total_entry(self, minutes: int, quiet: bool = False) -> dict[int, Any]:
        """A total in bold; *quiet* ones (a day's, a row's) stay blank at zero like an empty day,
        so an empty week is not a grid of zeros. The week's own total always shows."""
        text = self._formats.hours(minutes) if quiet else self._formats.hours_always(minutes)
        return {_DISPLAY: text, _EDIT: text, _ALIGNMENT: _RIGHT, _FONT: self._bold, MINUTES_ROLE: minutes}

    def _shades(self) -> dict[Any, QColor]:
        """Weekend and holiday columns, and closed (locked or out-of-period) cells, blended from
        the palette so the shading follows light and dark schemes alike."""
        palette = QApplication.palette()
        base, mid = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Mid)
        off_day = _mix(base, mid, 0.18)
        shades: dict[Any, QColor] = {"closed": _mix(base, mid, 0.35)}
        for col in range(DAYS):
            if col in self._holidays or col >= 5:
                shades[col] = off_day
        return shades

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._sheet is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                # Built once per change: the header asks for its texts many times per paint.
                return self._day_headers[section] if 0 <= section <= TOTAL_COLUMN else None
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
            end = self._formats.date(c.end_date) if c.end_date else "—"
            return f"{c.title}\n{c.client_name}\n{self._formats.date(c.start_date)} – {end}"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_day_cell(index):
            return False
        cell = self.cell(index)
        assert cell is not None
        try:
            minutes = parse_duration(str(value))
        except ValidationError as exc:
            return self._on_edit([], error_text(exc))
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


def _pixel_ratio() -> float:
    app = QApplication.instance()
    return app.devicePixelRatio() if isinstance(app, QApplication) else 1.0


def _short(name: str, limit: int = 12) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """Blend two palette colours so shading follows light and dark schemes alike."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
