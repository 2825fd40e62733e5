"""The main window: screens in a column on the left, menus with every shortcut, a status bar.

Only screens that work are listed; each keeps its fixed Ctrl+number from UI.md so muscle memory
holds as later screens arrive.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from coapp import __version__
from coapp.ui.app_state import AppState
from coapp.ui.formats import Formats
from coapp.ui.invoices.screen import InvoicesScreen
from coapp.ui.settings_dialog import SettingsDialog
from coapp.ui.sync.account_menu import AccountControls
from coapp.ui.sync.runner import SyncRunner
from coapp.ui.timesheet.screen import TimesheetScreen

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.ui.business_dialog import BusinessDialog

# Screen order and shortcuts from UI.md: Dashboard 1 … Timesheet 5 … Insights 8.
SCREEN_SHORTCUTS = {"timesheetTab": 5, "invoicesTab": 6}


class MainWindow(QMainWindow):
    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.state = state
        self.formats = Formats(state.settings)
        self.undo_stack = QUndoStack(self)
        self._window_state = QSettings(str(state.paths.data_dir / "window.ini"), QSettings.Format.IniFormat)

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Screens"))
        self.navigation.setFixedWidth(170)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("screens")

        self.timesheet = TimesheetScreen(state, self.formats, self.undo_stack, self)
        self._add_screen(self.timesheet, self.tr("Timesheet"))
        self.invoices = InvoicesScreen(state, self.formats, self)
        self._add_screen(self.invoices, self.tr("Invoices"))

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.timer_status = QLabel(self)
        self.timer_status.setObjectName("timerStatus")
        self.statusBar().addPermanentWidget(self.timer_status)
        self.timesheet.titleChanged.connect(self._timer_text)
        self.timesheet.controller.message.connect(self._status_message)
        self.timesheet.draftRequested.connect(self.draft_from_timesheet)
        self.invoices.controller.message.connect(self._status_message)
        self.invoices.businessDetailsRequested.connect(self.open_business_details)

        # Sync with the platform: starts on workers once the store is open (after the first paint).
        self.sync = SyncRunner(state, self)
        self.account = AccountControls(self, self.sync)
        self.statusBar().insertPermanentWidget(0, self.account.status)
        self.sync.dataArrived.connect(self._reload_screens)

        self._build_menus()
        self._restore_state()
        # The screen read a running timer before this window listened: show it now, not at the next tick.
        self._timer_text(self.timesheet.timer.elapsed_text())

    @property
    def ctx(self) -> AppContext:
        """The open store and services (opened now if start-up has not done it yet)."""
        return self.state.ctx

    # --- screens -------------------------------------------------------------------------

    def _add_screen(self, screen: QWidget, title: str) -> None:
        self.stack.addWidget(screen)
        item = QListWidgetItem(title)
        number = SCREEN_SHORTCUTS[screen.objectName()]
        item.setToolTip(f"{title} (Ctrl+{number})")
        self.navigation.addItem(item)
        action = QAction(title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda: self.show_screen(screen))
        self.addAction(action)
        self._screen_actions = [*getattr(self, "_screen_actions", []), action]

    def show_screen(self, screen: QWidget) -> None:
        self.navigation.setCurrentRow(self.stack.indexOf(screen))
        screen.setFocus()

    # --- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("undoAction")
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setObjectName("redoAction")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        business = edit_menu.addAction(self.tr("&Business details…"))
        business.setObjectName("businessDetailsAction")
        business.triggered.connect(self.open_business_details)
        prefs = edit_menu.addAction(self.tr("&Preferences…"))
        prefs.setShortcut(QKeySequence("Ctrl+,"))
        prefs.setObjectName("preferencesAction")
        prefs.triggered.connect(self.open_preferences)

        view_menu = bar.addMenu(self.tr("&View"))
        for action in self._screen_actions:
            view_menu.addAction(action)

        time_menu = bar.addMenu(self.tr("&Time"))
        for action in self.timesheet.menu_actions():
            time_menu.addAction(action)

        invoice_menu = bar.addMenu(self.tr("&Invoices"))
        for action in self.invoices.menu_actions():
            invoice_menu.addAction(action)

        bar.addMenu(self.account.menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About coapp"))
        about.triggered.connect(self._about)

    def open_preferences(self) -> SettingsDialog:
        dialog = SettingsDialog(self.state.settings, self)

        def apply() -> None:
            self.apply_settings(dialog.chosen())

        dialog.accepted.connect(apply)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def apply_settings(self, settings) -> None:  # type: ignore[no-untyped-def]
        language_changed = settings.language != self.state.settings.language
        self.state.save_settings(settings)
        self.formats = Formats(settings)
        self.timesheet.set_formats(self.formats)
        self.invoices.set_formats(self.formats)
        if language_changed:
            from coapp.ui.i18n import install_translator

            install_translator(settings.language)  # dialogs and messages from now on; the rest at restart
            self.statusBar().showMessage(
                self.tr("Menus and screens change language when coapp is restarted."), 15000
            )

    def open_business_details(self) -> BusinessDialog:
        from coapp.ui.business_dialog import BusinessDialog  # python-stdnum loads when it is needed

        business = self.ctx.business
        dialog = BusinessDialog(business.get(), business.save, self)

        def saved() -> None:
            self.statusBar().showMessage(self.tr("Business details saved."), 5000)
            self.invoices.reload()  # a draft shows today's details and their problems

        dialog.accepted.connect(saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def draft_from_timesheet(self, contract_id: str, first: date, last: date) -> None:
        """Ctrl+I on the grid: draft the contract's invoice and show it on the invoices screen."""
        from coapp.domain.invoice_lines import LineMode

        problem = self.invoices.create_draft(contract_id, first, last, LineMode.PER_DAY)
        if problem:
            self.timesheet.show_message(problem[:1].upper() + problem[1:], True)
            return
        self.show_screen(self.invoices)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About coapp"),
            self.tr("coapp {version}\nThe freelancer's desktop cockpit.\nData folder: {folder}").format(
                version=__version__, folder=self.state.paths.data_dir
            ),
        )

    # --- status and title ----------------------------------------------------------------

    def _timer_text(self, text: str) -> None:
        self.timer_status.setText(text)
        self.setWindowTitle(f"{text} — coapp" if text else "coapp")

    def _reload_screens(self) -> None:
        """Rows changed under the screens (a sync round pulled them, a refused change was discarded)."""
        if self.state.ready:
            self.timesheet.controller.reload()
            self.invoices.reload()

    def _status_message(self, text: str, is_error: bool) -> None:
        if text and not is_error:
            self.statusBar().showMessage(text, 5000)

    # --- window state --------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._window_state.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 560)
        splitter = self._window_state.value("invoicesSplitter")
        if splitter is not None:
            self.invoices.splitter.restoreState(splitter)
        screen = self._window_state.value("screen", 0)
        self.navigation.setCurrentRow(min(int(screen or 0), self.navigation.count() - 1))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._window_state.setValue("geometry", self.saveGeometry())
        self._window_state.setValue("screen", self.navigation.currentRow())
        self._window_state.setValue("invoicesSplitter", self.invoices.splitter.saveState())
        self._window_state.sync()
        self.sync.shutdown()  # before the store closes: a round may be writing
        super().closeEvent(event)
