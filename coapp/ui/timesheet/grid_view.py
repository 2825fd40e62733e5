"""The grid widget: spreadsheet keys on top of QTableView (copy/paste of ranges, Delete, Enter).

It changes nothing itself: edits go out as ``cellsEdited`` (the controller applies them as one undo
step) and refusals as ``refused`` (the screen shows them under the grid)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QHeaderView, QTableView, QWidget

from coapp.domain.durations import parse_duration
from coapp.domain.errors import ValidationError
from coapp.domain.tabular import format_tsv, parse_tsv
from coapp.services.sheets import CellChange
from coapp.ui.error_text import error_text
from coapp.ui.theme import Space
from coapp.ui.timesheet.cell_marks import ICON_SIZE
from coapp.ui.timesheet.delegate import CellDelegate
from coapp.ui.timesheet.grid_model import DAYS, WeekGridModel

Index = QModelIndex | QPersistentModelIndex


class DayHeader(QHeaderView):
    """The days across the top. Its size hint is kept per number of text lines: Qt would measure
    every section's texts again on each week (their dates change), some fifty calls into the model
    per layout pass, three passes per week switch, for a height that depends only on the lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        # As QTableView's own header: a click selects the day, the current day's header is bold.
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self._hints: dict[tuple[int, int], QSize] = {}

    def sizeHint(self) -> QSize:
        model = self.model()
        lines = model.header_lines() if isinstance(model, WeekGridModel) else 0
        key = (lines, self.count())
        hint = self._hints.get(key)
        if hint is None:
            hint = self._hints[key] = super().sizeHint()
        return hint

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._hints.clear()
        super().changeEvent(event)


class WeekGridView(QTableView):
    cellsEdited = Signal(list, str, str)  # changes, error to show instead, undo text
    refused = Signal(str)  # why a key did nothing (a locked day, a clipboard that is not a table)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeader(DayHeader(self))
        self.setObjectName("timesheetGrid")
        self.setAccessibleName(self.tr("Weekly timesheet"))
        self.setAccessibleDescription(
            self.tr("Rows are contracts, columns Monday to Sunday. Type hours like 7,5 or 7:30.")
        )
        self.setItemDelegate(CellDelegate(self))
        self.setIconSize(ICON_SIZE)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.setCornerButtonEnabled(False)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(Space.GRID_ROW)
        self.horizontalHeader().setMinimumSectionSize(Space.GRID_COLUMN)
        self.setAlternatingRowColors(False)
        # As tall as its rows (a few contracts do not sit in a sea of white). Qt's AdjustToContents
        # would say so too, but it asks the whole screen to lay itself out again on every change of
        # a cell's value (a week switch: 0.6 ms of a 5 ms budget); this hint changes, and asks,
        # only when the rows or the header's lines do.
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self._hint = QSize()

    def sizeHint(self) -> QSize:
        if not self._hint.isValid():
            self._hint = self._contents_size()
        return self._hint

    def updateGeometries(self) -> None:
        super().updateGeometries()  # rows or headers changed size: the hint may follow
        hint = self._contents_size()
        if hint != self._hint:
            self._hint = hint
            self.updateGeometry()

    def _contents_size(self) -> QSize:
        frame = 2 * self.frameWidth()
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        bars = QSize(
            vbar.sizeHint().width() if vbar.isVisibleTo(self) else 0,
            hbar.sizeHint().height() if hbar.isVisibleTo(self) else 0,
        )
        return self.viewportSizeHint() + QSize(frame, frame) + bars

    def grid_model(self) -> WeekGridModel:
        model = self.model()
        assert isinstance(model, WeekGridModel)
        return model

    # --- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
                self.clear_selection()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self.edit(self.currentIndex())
                return
        super().keyPressEvent(event)

    def edit(
        self, index: Index, trigger: QAbstractItemView.EditTrigger | None = None, event: QEvent | None = None
    ) -> bool:  # type: ignore[override]
        model = self.grid_model()
        cell = model.cell(index)
        if cell is not None and cell.locked and trigger != QAbstractItemView.EditTrigger.SelectedClicked:
            if trigger is None or trigger & self.editTriggers():
                self.refused.emit(self.tr("This day is on a confirmed invoice and is read-only."))
            return False
        if trigger is None:
            return super().edit(index)
        return super().edit(index, trigger, event)

    def move_after_enter(self) -> None:
        """After Enter commits a cell, go down one contract (not onto the totals row)."""
        current = self.currentIndex()
        model = self.grid_model()
        below = model.index(current.row() + 1, current.column())
        if below.isValid() and not model.is_total_row(below.row()):
            self.setCurrentIndex(below)

    # --- clipboard -----------------------------------------------------------------------

    def _selected_box(self) -> tuple[int, int, int, int] | None:
        indexes = self.selectedIndexes() or ([self.currentIndex()] if self.currentIndex().isValid() else [])
        if not indexes:
            return None
        rows = [i.row() for i in indexes]
        cols = [i.column() for i in indexes]
        return min(rows), min(cols), max(rows), max(cols)

    def copy_selection(self) -> None:
        box = self._selected_box()
        if box is None:
            return
        top, left, bottom, right = box
        model = self.grid_model()
        rows = [
            [str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "") for c in range(left, right + 1)]
            for r in range(top, bottom + 1)
        ]
        QGuiApplication.clipboard().setText(format_tsv(rows))

    def paste(self) -> None:
        box = self._selected_box()
        if box is None:
            return
        try:
            block = parse_tsv(QGuiApplication.clipboard().text())
        except ValueError as exc:
            self.refused.emit(error_text(exc))
            return
        if not block:
            return
        top, left, bottom, right = box
        # One value into a selected range fills the range, as spreadsheets do.
        if len(block) == 1 and len(block[0]) == 1 and (bottom > top or right > left):
            block = [[block[0][0]] * (right - left + 1) for _ in range(bottom - top + 1)]
        model = self.grid_model()
        changes: list[CellChange] = []
        for dr, values in enumerate(block):
            for dc, text in enumerate(values):
                index = model.index(top + dr, left + dc)
                if not model.is_day_cell(index):
                    continue  # totals and cells past the grid's edge are not pasted into
                cell = model.cell(index)
                assert cell is not None
                try:
                    minutes = parse_duration(text)
                except ValidationError as exc:
                    where = model.cell_title(index)
                    self.cellsEdited.emit([], f"{where}: {exc}", "")
                    return
                if minutes != cell.minutes:
                    changes.append(model.change_at(index, minutes, cell.note if minutes else ""))
        if changes:
            self.cellsEdited.emit(changes, "", self.tr("Paste"))

    def clear_selection(self) -> None:
        model = self.grid_model()
        changes = []
        for index in self.selectedIndexes() or [self.currentIndex()]:
            cell = model.cell(index)
            if cell is not None and cell.minutes:
                changes.append(model.change_at(index, 0, ""))
        if changes:
            self.cellsEdited.emit(changes, "", self.tr("Clear"))

    def day_indexes(self) -> list[QModelIndex]:
        model = self.grid_model()
        return [i for i in self.selectedIndexes() if i.column() < DAYS and model.is_day_cell(i)]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.grid_model().refresh_colors()  # shades and marks in the new scheme's colours
