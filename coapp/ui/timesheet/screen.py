"""The timesheet screen: its header (timer, draft invoice), week navigation, the grid, what the
week is worth, messages; and, before any contract exists, the first-run panel instead of the grid."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.weeks import IsoWeek
from coapp.services.sheets import CellChange, CopyMode, WeekSheet
from coapp.ui.app_state import AppState
from coapp.ui.formats import Formats
from coapp.ui.theme import Space, set_role
from coapp.ui.timesheet.controller import TimesheetController
from coapp.ui.timesheet.first_run import FirstRunPanel
from coapp.ui.timesheet.grid_view import WeekGridView
from coapp.ui.timesheet.note_dialog import NoteDialog
from coapp.ui.timesheet.row_visibility import RowVisibility
from coapp.ui.timesheet.timer_panel import TimerController
from coapp.ui.timesheet.undo_commands import WeekEdit
from coapp.ui.timesheet.week_value_card import WeekValueCard
from coapp.ui.toolkit import (
    ErrorBanner,
    ScreenHeader,
    SteadyLabel,
    date_edit,
    icon,
    make_action,
    make_button,
)

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.services.timers import StopResult, TimerState
    from coapp.ui.timesheet.contract_dialog import ContractDialog


def _action(
    parent: QWidget, text: str, shortcut: str | QKeySequence.StandardKey | None, slot, name: str
) -> QAction:  # type: ignore[no-untyped-def]
    return make_action(parent, text, slot, name=name, shortcut=shortcut)


class TimesheetScreen(RowVisibility, QWidget):
    titleChanged = Signal(str)  # timer text for the window title; "" when idle
    draftRequested = Signal(str, object, object)  # contract id, first day, last day (Ctrl+I)
    signInRequested = Signal()  # the first-run panel's way to the platform

    def __init__(
        self, state: AppState, formats: Formats, undo_stack: QUndoStack, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("timesheetTab")
        self.setAccessibleName(self.tr("Timesheet"))
        self.state = state
        self.formats = formats
        self.controller = TimesheetController(state, formats, undo_stack, self)
        self.timer = TimerController(state, self)
        self._has_contracts = True  # until the store says otherwise (the preview has rows)
        self._icons = False  # qtawesome's fonts load after the first paint (load_icons)
        self._timer_shown: tuple[str | None, bool, bool] | None = None  # what the timer button shows
        self._build()
        self._wire()
        state.when_ready(self._store_ready)
        self.controller.show_week(self.controller.week)
        self._update_week_widgets(self.controller.week)

    @property
    def ctx(self) -> AppContext:
        return self.state.ctx

    def _store_ready(self) -> None:
        """The store is open: read the running timer and replace the start-up preview."""
        self.timer.refresh()
        self.controller.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Back from another screen: an invoice confirmed or credited there locks or unlocks days.
        if self.state.ready:
            self.controller.reload()

    # --- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = ScreenHeader("timesheet", self.tr("Timesheet"), self)
        self.prev_button = self._button("prevWeekButton", "◀", self.tr("Previous week (Alt+Left)"))
        self.today_button = self._button(
            "todayButton", self.tr("This week"), self.tr("Go to this week (Alt+Home)")
        )
        self.next_button = self._button("nextWeekButton", "▶", self.tr("Next week (Alt+Right)"))
        self.date_picker = date_edit(self, "weekDatePicker", self.formats.date_format)
        self.date_picker.setAccessibleName(self.tr("Go to the week of a date"))
        self.date_picker.setToolTip(self.tr("Go to the week of a date (Ctrl+G)"))
        # It changes with every week shown: a steady label does not relayout the screen each time.
        self.week_label = SteadyLabel("weekLabel", self)
        self.week_label.label.setAccessibleName(self.tr("Week shown"))
        self.week_label.label.setAccessibleDescription(self.tr("Its number and its days"))
        set_role(self.week_label.label, "subtitle")
        self.week_label.setMinimumWidth(
            self.week_label.label.fontMetrics().horizontalAdvance("Week 53 · 28 Dec 2026 – 3 Jan 2027")
        )

        self.copy_button = QToolButton(self)
        self.copy_button.setObjectName("copyLastWeekButton")
        self.copy_button.setText(self.tr("Copy last week"))
        self.copy_button.setAccessibleName(self.tr("Copy last week"))
        self.copy_button.setToolTip(
            self.tr("Copy last week's rows and hours (Ctrl+Shift+C); more in the menu")
        )
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.copy_menu = QMenu(self.copy_button)
        self.copy_actions = {
            CopyMode.ROWS: _action(
                self,
                self.tr("Rows only"),
                None,
                lambda: self.controller.copy_last_week(CopyMode.ROWS),
                "copyRowsAction",
            ),
            CopyMode.HOURS: _action(
                self,
                self.tr("Rows and hours"),
                "Ctrl+Shift+C",
                lambda: self.controller.copy_last_week(CopyMode.HOURS),
                "copyHoursAction",
            ),
            CopyMode.HOURS_AND_NOTES: _action(
                self,
                self.tr("Rows, hours and notes"),
                None,
                lambda: self.controller.copy_last_week(CopyMode.HOURS_AND_NOTES),
                "copyNotesAction",
            ),
        }
        self.copy_menu.addActions(list(self.copy_actions.values()))
        self.copy_button.setMenu(self.copy_menu)
        self.copy_button.clicked.connect(lambda: self.controller.copy_last_week(CopyMode.HOURS))

        self.hidden_button = QToolButton(self)
        self.hidden_button.setObjectName("hiddenRowsButton")
        self.hidden_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.hidden_button.setMenu(QMenu(self.hidden_button))
        self.hidden_button.hide()

        self.timer_button = self._button(
            "timerButton",
            self.tr("Start timer"),
            self.tr("Start or stop the timer for the selected contract (Ctrl+T)"),
        )
        self.draft_action = _action(
            self, self.tr("Draft invoice for the week"), "Ctrl+I", self.draft_week, "draftInvoiceAction"
        )
        # Ctrl+I only while the grid's screen has the keyboard: it acts on the selected row.
        self.draft_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.draft_month_action = _action(
            self, self.tr("Draft invoice for the month"), None, self.draft_month, "draftMonthAction"
        )
        self.draft_button = QToolButton(self)
        self.draft_button.setObjectName("draftInvoiceButton")
        self.draft_button.setText(self.tr("Draft invoice"))
        self.draft_button.setAccessibleName(self.tr("Draft invoice"))
        self._draft_tip = self.tr(
            "Draft an invoice for the selected contract and the week shown (Ctrl+I); month: in the menu"
        )
        self.draft_button.setToolTip(self._draft_tip)
        self.draft_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.draft_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        draft_menu = QMenu(self.draft_button)
        draft_menu.addActions([self.draft_action, self.draft_month_action])
        self.draft_button.setMenu(draft_menu)
        self.draft_button.clicked.connect(self.draft_week)
        self.header.add(self.timer_button)
        self.header.add(self.draft_button)

        top = QHBoxLayout()
        top.setSpacing(Space.XS)
        for widget in (self.prev_button, self.today_button, self.next_button, self.date_picker):
            top.addWidget(widget)
        top.addSpacing(Space.M)
        top.addWidget(self.week_label, 1)
        top.addWidget(self.hidden_button)
        top.addWidget(self.copy_button)

        self.grid = WeekGridView(self)
        self.grid.setModel(self.controller.model)
        self.grid.cellsEdited.connect(self.controller.edit_cells)
        self.grid.refused.connect(lambda text: self.show_message(text, True))
        self.grid.verticalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.banner = ErrorBanner("gridMessage", self.tr("Timesheet message"), self)
        self.message_label = self.banner.message
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("timesheetEmptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.empty_label, "empty")

        self.value_card = WeekValueCard(self.state, self.formats, self)

        week_page = QWidget(self)
        week_layout = QVBoxLayout(week_page)
        week_layout.setContentsMargins(Space.XL, Space.M, Space.XL, Space.L)
        week_layout.setSpacing(Space.S)
        week_layout.addLayout(top)
        # The grid is as tall as its rows (its own size hint); the week's money and any message
        # follow right under it.
        week_layout.addWidget(self.grid)
        week_layout.addWidget(self.banner)
        week_layout.addWidget(self.value_card)
        week_layout.addWidget(self.empty_label)
        week_layout.addStretch(1)
        self.first_run = FirstRunPanel(self)
        self.first_run.signInRequested.connect(self.signInRequested)
        self.first_run.demoRequested.connect(self.fill_demo)
        self.first_run.contractRequested.connect(self.add_contract)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("timesheetPages")
        self.pages.addWidget(week_page)
        self.pages.addWidget(self.first_run)
        self.week_page = week_page

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)

        self.note_action = _action(
            self, self.tr("Edit note…"), "Ctrl+Shift+N", self.edit_note, "editNoteAction"
        )
        self.discard_timer_action = _action(
            self, self.tr("Discard timer…"), "Ctrl+Shift+T", self.discard_timer, "discardTimerAction"
        )
        self.timer_action = _action(
            self, self.tr("Start/stop timer"), "Ctrl+T", self.toggle_timer, "timerAction"
        )
        self.prev_action = _action(
            self, self.tr("Previous week"), "Alt+Left", self.previous_week, "prevWeekAction"
        )
        self.next_action = _action(self, self.tr("Next week"), "Alt+Right", self.next_week, "nextWeekAction")
        self.today_action = _action(self, self.tr("This week"), "Alt+Home", self.this_week, "todayAction")
        self.goto_action = _action(
            self, self.tr("Go to date…"), "Ctrl+G", self._focus_date_picker, "gotoDateAction"
        )
        self.hide_row_action = _action(
            self, self.tr("Hide row this week"), "Ctrl+Shift+H", self.hide_current_row, "hideRowAction"
        )
        self.add_contract_action = _action(
            self, self.tr("Add a contract of your own…"), None, self.add_contract, "addContractAction"
        )
        self.prev_action.setShortcuts([QKeySequence("Alt+Left"), QKeySequence("Ctrl+PgUp")])
        self.next_action.setShortcuts([QKeySequence("Alt+Right"), QKeySequence("Ctrl+PgDown")])
        for action in self.menu_actions():
            self.addAction(action)
        self.setTabOrder(self.grid, self.copy_button)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = make_button(self, name, text, tip)
        button.setAccessibleName(tip.split(" (")[0])
        return button

    def load_icons(self) -> None:
        """Icons once qtawesome's fonts may load (after the first paint), and on a change of theme."""
        self.prev_button.setIcon(icon("fa6s.chevron-left"))
        self.next_button.setIcon(icon("fa6s.chevron-right"))
        for button in (self.prev_button, self.next_button):
            button.setText("")
        self.copy_button.setIcon(icon("fa6s.copy"))
        self.copy_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.draft_button.setIcon(icon("fa6s.file-invoice"))
        self._icons = True
        self._timer_changed(self.timer.state)

    def clear_messages(self) -> None:
        """Leaving the screen or the week: a refusal belongs to what was shown when it happened."""
        self.banner.clear()

    def menu_actions(self) -> list[QAction]:
        """Actions for the main window's Time menu (the menu shows their shortcuts)."""
        return [
            self.prev_action,
            self.next_action,
            self.today_action,
            self.goto_action,
            *self.copy_actions.values(),
            self.timer_action,
            self.discard_timer_action,
            self.note_action,
            self.hide_row_action,
            self.draft_action,
            self.draft_month_action,
        ]

    def _wire(self) -> None:
        self.prev_button.clicked.connect(self.previous_week)
        self.next_button.clicked.connect(self.next_week)
        self.today_button.clicked.connect(self.this_week)
        self.timer_button.clicked.connect(self.toggle_timer)
        self.date_picker.dateChanged.connect(self._date_picked)
        self.controller.weekChanged.connect(self._update_week_widgets)
        self.controller.weekChanged.connect(self.clear_messages)
        self.controller.sheetChanged.connect(self._sheet_changed)
        self.controller.message.connect(self.show_message)
        self.timer.message.connect(self.show_message)
        self.timer.changed.connect(self._timer_changed)
        self.timer.elapsedText.connect(self.titleChanged)
        self.timer.stopped.connect(self._timer_stopped)
        self.grid.verticalHeader().customContextMenuRequested.connect(self._row_menu)
        self.grid.customContextMenuRequested.connect(self._cell_menu)
        self._last_cell = (0, 0)
        self.grid.selectionModel().currentChanged.connect(self._remember_cell)

    # --- navigation ----------------------------------------------------------------------

    def previous_week(self) -> None:
        self.controller.show_week(self.controller.week.shifted(-1))

    def next_week(self) -> None:
        self.controller.show_week(self.controller.week.shifted(1))

    def this_week(self) -> None:
        self.controller.show_week(IsoWeek.of(date.today()))

    def show_date(self, day: date) -> None:
        self.controller.show_week(IsoWeek.of(day))

    def _focus_date_picker(self) -> None:
        self.date_picker.setFocus()
        self.date_picker.setSelectedSection(QDateEdit.Section.DaySection)

    def _date_picked(self, qdate: QDate) -> None:
        day = date(qdate.year(), qdate.month(), qdate.day())
        if IsoWeek.of(day) != self.controller.week:
            self.show_date(day)

    def _update_week_widgets(self, week: IsoWeek) -> None:
        self.week_label.setText(f"{self.formats.week_title(week)} · {self.formats.week_range(week)}")
        monday = week.monday
        picked = self.date_picker.date()
        picked_day = date(picked.year(), picked.month(), picked.day())
        if IsoWeek.of(picked_day) != week:
            self.date_picker.blockSignals(True)
            self.date_picker.setDate(QDate(monday.year, monday.month, monday.day))
            self.date_picker.blockSignals(False)
        if not self.grid.currentIndex().isValid() and self.controller.model.rowCount() > 1:
            self.grid.setCurrentIndex(self.controller.model.index(0, 0))

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.value_card.set_formats(formats)
        self.date_picker.setDisplayFormat(formats.date_format)
        self.controller.set_formats(formats)
        self._update_week_widgets(self.controller.week)

    # --- state display -------------------------------------------------------------------

    def show_message(self, text: str, is_error: bool = False) -> None:
        self.banner.show_message(text, is_error)

    def _sheet_changed(self, sheet: WeekSheet) -> None:
        self.value_card.show_sheet(sheet)
        self.header.set_status(self._status_text(sheet))
        self._show_first_run(sheet)
        if not sheet.rows and not sheet.hidden:
            self.empty_label.setText(
                self.tr(
                    "No contracts run this week. Go to a week inside a contract's period (Alt+Home: "
                    "this week), or add a contract: Time ▸ Add a contract of your own…"
                )
            )
        elif sheet.total == 0:
            self.empty_label.setText(
                self.tr("No time this week yet. Type hours into a cell, or copy last week: Ctrl+Shift+C")
            )
        else:
            self.empty_label.setText("")
        self.empty_label.setVisible(bool(self.empty_label.text()))
        menu = self.hidden_button.menu()
        menu.clear()
        for contract in sheet.hidden:
            menu.addAction(
                self.tr("Show {title}").format(title=contract.title), lambda c=contract.id: self.show_row(c)
            )
        self.hidden_button.setText(self.tr("{n} hidden").format(n=len(sheet.hidden)))
        self.hidden_button.setVisible(bool(sheet.hidden))
        # A change of rows resets the model; keep a current cell so the keyboard keeps working.
        model = self.controller.model
        if not self.grid.currentIndex().isValid() and model.rowCount() > 1:
            row, column = self._last_cell
            self.grid.setCurrentIndex(model.index(min(row, model.rowCount() - 2), column))

    def _status_text(self, sheet: WeekSheet) -> str:
        """The header's line: how much of the week is reported (the week itself is named below)."""
        if not sheet.total:
            return self.tr("No time reported this week yet")
        return self.tr("{hours} h reported this week").format(hours=self.formats.hours_always(sheet.total))

    def _show_first_run(self, sheet: WeekSheet) -> None:
        """No contract at all (not only none this week): the first-run panel instead of a grid of
        nothing, and the timer and drafts off until there is something to time and invoice."""
        if sheet.rows or sheet.hidden:
            has = True
        elif self.state.ready:
            has = bool(self.ctx.contracts.all())
        else:
            has = True  # the start-up preview: the store decides in a moment
        if not has:
            self.header.set_status(self.tr("No contract yet: choose how to start"))
        if has == self._has_contracts:
            return  # nothing to switch: the week switch stays cheap
        self._has_contracts = has
        self.pages.setCurrentWidget(self.week_page if has else self.first_run)
        for widget in (self.timer_button, self.draft_button):
            widget.setEnabled(has)
        for action in (self.timer_action, self.draft_action, self.draft_month_action):
            action.setEnabled(has)
        self._timer_changed(self.timer.state)  # its tooltip says why it is off, or what it does
        self.draft_button.setToolTip(self._draft_tip if has else self._no_contract_tip())

    def _no_contract_tip(self) -> str:
        return self.tr("Add a contract first: sign in, try the demo, or add one of your own.")

    def fill_demo(self) -> None:
        """The demo's contracts and time into this (empty) data folder, on the writes lane."""
        from coapp.ui.timesheet.own_contracts import fill_demo

        fill_demo(self)

    def add_contract(self) -> ContractDialog:
        """A contract of the user's own (work outside the platform), in a dialog."""
        from coapp.ui.timesheet.own_contracts import add_contract

        return add_contract(self)

    def _remember_cell(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._last_cell = (current.row(), current.column())

    def forget_value_rates(self) -> None:
        """A contract or the business details may have changed: the week's VAT is read again."""
        self.value_card.forget_rates()

    def wait_background(self) -> None:
        """Before the store closes: the week's value being read finishes first."""
        self.value_card.wait()

    def _timer_changed(self, state: TimerState | None) -> None:
        shown = (state.id if state is not None else None, self._icons, self._has_contracts)
        if shown == self._timer_shown:
            return  # a week switch: the same icon set again is rendered again (the switch budget)
        self._timer_shown = shown
        if self._icons:
            self.timer_button.setIcon(icon("fa6s.play" if state is None else "fa6s.stop"))
        if not self._has_contracts:
            self.timer_button.setText(self.tr("Start timer"))
            self.timer_button.setToolTip(self._no_contract_tip())
        elif state is None:
            self.timer_button.setText(self.tr("Start timer"))
            self.timer_button.setToolTip(self.tr("Start the timer for the selected contract (Ctrl+T)"))
        else:
            # The contract's name goes in the tooltip and status bar; a short button keeps the
            # week label readable.
            self.timer_button.setText(self.tr("Stop timer"))
            self.timer_button.setToolTip(
                self.tr("Stop the timer for {title} (Ctrl+T)").format(title=state.contract.title)
            )

    # --- actions -------------------------------------------------------------------------

    def discard_timer(self) -> QMessageBox | None:
        """Stop the timer without recording its time, after asking: the time is lost. The way out
        when the time cannot be recorded (a locked day, a contract that has ended)."""
        state = self.timer.state
        if state is None:
            self.show_message(self.tr("No timer is running."), True)
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard timer"),
            self.tr("Stop the timer for {title} without recording its time?").format(
                title=state.contract.title
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardTimerDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Discard:
                self.timer.stop(discard=True)
                self.show_message(self.tr("The timer was discarded; no time was recorded."), False)

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def toggle_timer(self) -> None:
        self.timer.toggle(self.controller.model.contract_id(self.grid.currentIndex().row()))

    def draft_week(self) -> None:
        week = self.controller.week
        self._request_draft(week.monday, week.sunday)

    def draft_month(self) -> None:
        thursday = self.controller.week.monday + timedelta(days=3)  # the month most of the week is in
        last = calendar.monthrange(thursday.year, thursday.month)[1]
        self._request_draft(thursday.replace(day=1), thursday.replace(day=last))

    def _request_draft(self, first: date, last: date) -> None:
        contract_id = self.controller.model.contract_id(self.grid.currentIndex().row())
        if contract_id is None:
            self.show_message(self.tr("Select a contract's row to draft its invoice."), True)
            return
        self.draftRequested.emit(contract_id, first, last)

    def _timer_stopped(self, result: StopResult) -> None:
        # Make the stop undoable like any other grid change.
        after = tuple(
            CellChange(p.contract_id, p.work_date, p.minutes + result.added.get(p.work_date, 0), p.note)
            for p in result.previous
        )
        if after:
            week = IsoWeek.of(after[-1].work_date)
            self.controller.push_applied(
                self.tr("Timer"), WeekEdit(week, after), WeekEdit(week, tuple(result.previous))
            )

    def edit_note(self) -> None:
        index = self.grid.currentIndex()
        model = self.controller.model
        cell = model.cell(index)
        if cell is None:
            self.show_message(self.tr("Select a day of a contract to write its note."), True)
            return
        if cell.locked:
            self.show_message(self.tr("This day is on a confirmed invoice and is read-only."), True)
            return
        if not cell.minutes:
            self.show_message(self.tr("Type the time first; a note belongs to reported time."), True)
            return
        where = model.cell_title(index)
        dialog = NoteDialog(where, cell.note, self)
        change_at = model.change_at(index, cell.minutes, cell.note)

        def save() -> None:
            new = CellChange(change_at.contract_id, change_at.work_date, change_at.minutes, dialog.note())
            if new.note != cell.note:
                self.controller.edit_cells([new], "", self.tr("Edit note"))
            self.grid.setFocus()

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
