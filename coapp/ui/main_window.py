"""The main window: screens in a column on the left, menus with every shortcut, a status bar.

Only screens that work are listed; each keeps its fixed Ctrl+number from UI.md so muscle memory
holds as later screens arrive.
"""

from __future__ import annotations

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
from coapp.ui.settings_dialog import SettingsDialog
from coapp.ui.timesheet.screen import TimesheetScreen

if TYPE_CHECKING:
    from coapp.context import AppContext

# Screen order and shortcuts from UI.md: Dashboard 1 … Timesheet 5 … Insights 8.
SCREEN_SHORTCUTS = {"timesheetTab": 5}


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
        self.state.save_settings(settings)
        self.formats = Formats(settings)
        self.timesheet.set_formats(self.formats)

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
        screen = self._window_state.value("screen", 0)
        self.navigation.setCurrentRow(min(int(screen or 0), self.navigation.count() - 1))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._window_state.setValue("geometry", self.saveGeometry())
        self._window_state.setValue("screen", self.navigation.currentRow())
        self._window_state.sync()
        super().closeEvent(event)
