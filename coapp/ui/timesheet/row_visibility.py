"""Hiding a row with no time this week, showing it again, and the grid's context menus: a mixin of
coapp.ui.timesheet.screen.TimesheetScreen (its texts keep the screen's translation context)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from coapp.ui.timesheet.controller import TimesheetController
    from coapp.ui.timesheet.grid_view import WeekGridView

translate = QCoreApplication.translate  # lupdate reads the context and text of each call


class RowVisibility:
    # What the screen provides.
    grid: WeekGridView
    controller: TimesheetController
    hide_row_action: QAction
    timer_action: QAction
    note_action: QAction

    def show_message(self, text: str, is_error: bool = False) -> None:
        raise NotImplementedError

    def hide_current_row(self) -> None:
        row = self.grid.currentIndex().row()
        sheet = self.controller.model.sheet
        contract_id = self.controller.model.contract_id(row)
        if sheet is None or contract_id is None:
            return
        if sheet.rows[row].total:
            self.show_message(
                translate("TimesheetScreen", "Only rows without time this week can be hidden."), True
            )
            return
        hidden = frozenset({*(c.id for c in sheet.hidden), contract_id})
        self.controller.set_hidden_rows(hidden, translate("TimesheetScreen", "Hide row"))

    def show_row(self, contract_id: str) -> None:
        sheet = self.controller.model.sheet
        if sheet is None:
            return
        hidden = frozenset(c.id for c in sheet.hidden if c.id != contract_id)
        self.controller.set_hidden_rows(hidden, translate("TimesheetScreen", "Show row"))

    def _row_menu(self, pos: QPoint) -> None:
        row = self.grid.verticalHeader().logicalIndexAt(pos)
        if self.controller.model.contract_id(row) is None:
            return
        self.grid.setCurrentIndex(self.controller.model.index(row, 0))
        self._popup([self.hide_row_action, self.timer_action], self.grid.verticalHeader().mapToGlobal(pos))

    def _cell_menu(self, pos: QPoint) -> None:
        actions = [self.note_action, self.timer_action, self.hide_row_action]
        self._popup(actions, self.grid.viewport().mapToGlobal(pos))

    def _popup(self, actions: list[QAction], where: QPoint) -> None:
        parent = self if isinstance(self, QWidget) else None
        menu = QMenu(parent)
        for action in actions:
            menu.addAction(action)
        menu.popup(where)
