"""Wires the grid to the services: loads weeks, applies edits, keeps the undo stack honest."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from coapp.domain.errors import CoappError
from coapp.domain.weeks import IsoWeek
from coapp.services.sheets import CellChange, CopyMode, WeekSheet
from coapp.ui.app_state import AppState
from coapp.ui.error_text import error_text, translated
from coapp.ui.formats import Formats
from coapp.ui.timesheet.grid_model import WeekGridModel
from coapp.ui.timesheet.undo_commands import WeekEdit, WeekEditCommand


class TimesheetController(QObject):
    weekChanged = Signal(object)  # IsoWeek
    sheetChanged = Signal(object)  # WeekSheet
    message = Signal(str, bool)  # text, is_error

    def __init__(
        self, state: AppState, formats: Formats, undo_stack: QUndoStack, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.state = state
        self.undo_stack = undo_stack
        self.model = WeekGridModel(formats, self._edit_from_model, self)
        self.week = IsoWeek.of(date.today())

    # --- weeks ---------------------------------------------------------------------------

    def show_week(self, week: IsoWeek) -> None:
        week_changed = week != self.week
        self.week = week
        self.reload()
        if week_changed:
            self.weekChanged.emit(week)

    def reload(self) -> WeekSheet:
        settings = self.state.settings
        preview = self.state.preview
        if preview is not None and preview.week == self.week:
            # Start-up: paint from the preview; holidays only if their names are cached.
            sheet = preview
            found = self.state.holidays.for_days(
                sheet.days, settings.holiday_country, settings.language, compute=False
            )
            holidays = found or {}
        else:
            sheet = self.state.ctx.timesheet.week(self.week)
            holidays = (
                self.state.holidays.for_days(sheet.days, settings.holiday_country, settings.language) or {}
            )
        self.model.set_sheet(sheet, holidays)
        self.sheetChanged.emit(sheet)
        return sheet

    def set_formats(self, formats: Formats) -> None:
        self.model.set_formats(formats)
        self.reload()

    # --- edits ---------------------------------------------------------------------------

    def _edit_from_model(self, changes: list[CellChange], error: str) -> bool:
        return self.edit_cells(changes, error, self.tr("Edit time"))

    def edit_cells(self, changes: list[CellChange], error: str = "", text: str = "") -> bool:
        """Apply *changes* as one undo step; show *error* or the service's refusal instead."""
        if error:
            self.message.emit(error, True)
            return False
        if not changes:
            return True
        try:
            previous = self.state.ctx.timesheet.apply(changes)
        except CoappError as exc:
            self.message.emit(error_text(exc), True)
            return False
        self.push_applied(
            text or self.tr("Edit time"),
            WeekEdit(self.week, tuple(changes)),
            WeekEdit(self.week, tuple(previous)),
        )
        return True

    def set_hidden_rows(self, hidden: frozenset[str], text: str) -> None:
        before = frozenset(self.state.ctx.timesheet.set_hidden_rows(self.week, hidden))
        self.push_applied(text, WeekEdit(self.week, (), hidden), WeekEdit(self.week, (), before))

    def copy_last_week(self, mode: CopyMode) -> None:
        from coapp.services.week_copy import plan_copy_last_week

        plan = plan_copy_last_week(
            self.state.ctx.timesheet, self.week, mode, self.state.settings.holiday_country
        )
        current_hidden = frozenset(self.state.ctx.timesheet.hidden_rows(self.week))
        if plan.empty and plan.hidden_rows == current_hidden:
            self.message.emit(self.tr("Nothing to copy: last week has no time that fits this week."), False)
            return
        try:
            previous = self.state.ctx.timesheet.apply(plan.changes)
        except CoappError as exc:
            self.message.emit(error_text(exc), True)
            return
        self.state.ctx.timesheet.set_hidden_rows(self.week, plan.hidden_rows)
        self.push_applied(
            self.tr("Copy last week"),
            WeekEdit(self.week, plan.changes, plan.hidden_rows),
            WeekEdit(self.week, tuple(previous), current_hidden),
        )
        copied = len(plan.changes)
        note = (
            self.tr("Copied 1 day from last week.")
            if copied == 1
            else self.tr("Copied {n} days from last week.").format(n=copied)
        )
        if plan.skipped:
            note += " " + self.tr("Skipped {n} (holidays, days that already hold time or are full).").format(
                n=plan.skipped
            )
        self.message.emit(note, False)

    def push_applied(self, text: str, after: WeekEdit, before: WeekEdit) -> None:
        """Record an edit that was already applied as one undo step, and show the result."""
        self.undo_stack.push(WeekEditCommand(text, after, before, self._apply_edit))
        self.message.emit("", False)
        self.reload()

    def _apply_edit(self, edit: WeekEdit) -> None:
        """Undo and redo land here: re-apply stored values and show the week they belong to."""
        try:
            self.state.ctx.timesheet.apply(edit.cells)
            if edit.hidden_rows is not None:
                self.state.ctx.timesheet.set_hidden_rows(edit.week, edit.hidden_rows)
        except CoappError as exc:
            self.message.emit(
                self.tr("Could not undo or redo: {reason}").format(reason=translated(exc)), True
            )
        if edit.week != self.week:
            self.show_week(edit.week)
        else:
            self.reload()
