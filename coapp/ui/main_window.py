"""The main window: the sidebar of screens on the left, menus with every shortcut, a status bar.

Only screens that work are listed; each keeps its fixed Ctrl+number from UI.md so muscle memory
holds as later screens arrive. The theme (coapp.ui.theme) is applied before anything is built and
again, without a restart, when the preference or the system's scheme changes.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from coapp import __version__
from coapp.ui.app_state import AppState
from coapp.ui.dashboard.screen import DashboardScreen
from coapp.ui.desktop.citizen import DesktopCitizen
from coapp.ui.formats import Formats
from coapp.ui.sidebar import Sidebar
from coapp.ui.sync.account_menu import AccountControls
from coapp.ui.sync.runner import SyncRunner
from coapp.ui.theme import Space, apply_theme
from coapp.ui.timesheet.screen import TimesheetScreen
from coapp.ui.window_notices import WindowNotices
from coapp.ui.window_screens import LazyScreens

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.ui.applications.screen import ApplicationsScreen
    from coapp.ui.assignments.screen import AssignmentsScreen
    from coapp.ui.business_dialog import BusinessDialog
    from coapp.ui.contracts.screen import ContractsScreen
    from coapp.ui.insights.screen import InsightsScreen
    from coapp.ui.invoices.screen import InvoicesScreen
    from coapp.ui.profile.screen import ProfileScreen
    from coapp.ui.settings_dialog import SettingsDialog

# Screen order and shortcuts from UI.md: Dashboard 1 … Timesheet 5 … Insights 8; icons (qtawesome).
SCREEN_SHORTCUTS = {
    "dashboardTab": 1,
    "profileTab": 2,
    "assignmentsTab": 3,
    "applicationsTab": 4,
    "timesheetTab": 5,
    "invoicesTab": 6,
    "contractsTab": 7,
    "insightsTab": 8,
}
SCREEN_ICONS = {
    "dashboardTab": "fa6s.house",
    "profileTab": "fa6s.id-card",
    "assignmentsTab": "fa6s.briefcase",
    "applicationsTab": "fa6s.paper-plane",
    "timesheetTab": "fa6s.table-cells",
    "invoicesTab": "fa6s.file-invoice",
    "contractsTab": "fa6s.file-signature",
    "insightsTab": "fa6s.chart-column",
}


FIRST_READS_MS = 800  # the dashboard's read and the notices' check, when the grid is on screen


class MainWindow(LazyScreens, QMainWindow):
    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.state = state
        self.theme = apply_theme(self._app(), state.settings.theme)
        self.formats = Formats(state.settings)
        self.undo_stack = QUndoStack(self)
        self.closing = False
        self._window_state = QSettings(str(state.paths.data_dir / "window.ini"), QSettings.Format.IniFormat)

        self.navigation = Sidebar(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("screens")

        # In UI.md's order (Dashboard, My Profile, ..., Timesheet, Invoices, ...), working screens only.
        # The dashboard is the first screen: built empty (cheap), filled on a worker.
        self.dashboard = DashboardScreen(state, self.formats, self)
        self._add_screen(self.dashboard, self.tr("Dashboard"))
        # My Profile is built the first time it is shown (coapp.ui.profile is not imported before):
        # the sidebar entry and Ctrl+2 exist from the start, the screen costs nothing at start-up.
        self.profile: ProfileScreen | None = None
        self.profile_slot = self._slot("profileTab")
        self._add_screen(self.profile_slot, self.tr("My Profile"))
        self.assignments: AssignmentsScreen | None = None  # built when first shown, like My Profile
        self.assignments_slot = self._slot("assignmentsTab")
        self._add_screen(self.assignments_slot, self.tr("Assignments"))
        self.applications: ApplicationsScreen | None = None
        self.applications_slot = self._slot("applicationsTab")
        self._add_screen(self.applications_slot, self.tr("Applications"))
        self.timesheet = TimesheetScreen(state, self.formats, self.undo_stack, self)
        self._add_screen(self.timesheet, self.tr("Timesheet"))
        # Invoices too (its modules, widgets and first read are about 1.5 MiB of the start-up's
        # peak); its menu and the paths that lead to an invoice build it when they need it.
        self._invoices: InvoicesScreen | None = None
        self.invoices_slot = self._slot("invoicesTab")
        self._add_screen(self.invoices_slot, self.tr("Invoices"))
        self.contracts: ContractsScreen | None = None  # built when first shown
        self.contracts_slot = self._slot("contractsTab")
        self._add_screen(self.contracts_slot, self.tr("Contracts"))
        self.insights: InsightsScreen | None = None  # built when first shown
        self.insights_slot = self._slot("insightsTab")
        self._add_screen(self.insights_slot, self.tr("Insights"))

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.currentChanged.connect(self._screen_changed)

        self.timer_status = QLabel(self)
        self.timer_status.setObjectName("timerStatus")
        self.statusBar().addPermanentWidget(self.timer_status)
        # Long work (confirming, exports) shows here while it runs: the window never freezes.
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busyIndicator")
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(Space.SIDEBAR // 2)
        self.busy.setMaximumHeight(Space.L)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        state.tasks.busyChanged.connect(self.busy.setVisible)
        self.timesheet.titleChanged.connect(self._timer_text)
        self.timesheet.controller.message.connect(self._status_message)
        self.timesheet.draftRequested.connect(self.draft_from_timesheet)
        self.dashboard.opened.connect(self.open_item)
        self.notices = WindowNotices(self)

        # Sync with the platform: starts on workers once the store is open (after the first paint).
        self.sync = SyncRunner(state, self)
        self.account = AccountControls(self, self.sync)
        self.statusBar().insertPermanentWidget(0, self.account.status)
        self.sync.dataArrived.connect(self._reload_screens)
        self.sync.dataArrived.connect(self.notices.check)
        self.timesheet.signInRequested.connect(self.account.open_sign_in)

        help_menu = self._build_menus()
        self.desktop = DesktopCitizen(self, help_menu)  # tray, reminders, idle time, support
        self._restore_state()
        # The screen read a running timer before this window listened: show it now, not at the next tick.
        self._timer_text(self.timesheet.timer.elapsed_text())
        # Icons and badges need the store and qtawesome's fonts: after the first paint.
        state.when_ready(self._store_ready)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._system_scheme_changed)
        hints.accessibility().contrastPreferenceChanged.connect(self._system_scheme_changed)

    @staticmethod
    def _app() -> QApplication:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return app

    @property
    def ctx(self) -> AppContext:
        """The open store and services (opened now if start-up has not done it yet)."""
        return self.state.ctx

    # --- screens -------------------------------------------------------------------------

    def _add_screen(self, screen: QWidget, title: str) -> None:
        self.stack.addWidget(screen)
        name = screen.objectName()
        number = SCREEN_SHORTCUTS[name]
        self.navigation.add(
            f"{name.removesuffix('Tab')}Nav", title, f"{title} (Ctrl+{number})", SCREEN_ICONS[name]
        )
        action = QAction(title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda: self.show_screen(screen))
        self.addAction(action)
        self._screen_actions = [*getattr(self, "_screen_actions", []), action]

    def show_screen(self, screen: QWidget) -> None:
        """Show *screen*: a page of the stack, or a screen inside the slot it was built in."""
        page: QWidget | None = screen
        while page is not None and self.stack.indexOf(page) < 0:
            page = page.parentWidget()
        if page is None:
            raise ValueError(f"{screen.objectName()} is not one of the window's screens")
        self.navigation.set_current(self.stack.indexOf(page))
        page.setFocus()

    def _screen_changed(self, index: int) -> None:
        left = self.stack.currentWidget()
        if left is not None and self.stack.indexOf(left) != index:
            clear = getattr(left, "clear_messages", None)
            if clear is not None:
                clear()  # a refusal belongs to the screen it happened on
        if self.stack.widget(index) is self.profile_slot:
            self.profile_screen()
        elif self.stack.widget(index) is self.assignments_slot:
            self.assignments_screen()
        elif self.stack.widget(index) is self.applications_slot:
            self.applications_screen()
        elif self.stack.widget(index) is self.invoices_slot:
            self.invoices_screen()
        elif self.stack.widget(index) is self.contracts_slot:
            self.contracts_screen().reload()
        elif self.stack.widget(index) is self.insights_slot:
            self.insights_screen().reload()
        self.stack.setCurrentIndex(index)
        if self.stack.widget(index) is self.applications_slot:
            self.notices.applications_seen()

    def _store_ready(self) -> None:
        self._update_badges()
        # The dashboard's first read and the notices' check share the interpreter with what start-up
        # still does on the grid: a moment later, unless the dashboard is what is on screen.
        shown = self.stack.currentWidget() is self.dashboard
        QTimer.singleShot(0 if shown else FIRST_READS_MS, self, self._first_reads)
        # qtawesome takes ~0.2 s to load its fonts: in a turn of the event loop of its own, so
        # opening the store and loading the icons never stall the window together.
        QTimer.singleShot(0, self, self._load_icons)  # not after the window is gone

    def _first_reads(self) -> None:
        if self.closing:
            return
        self.dashboard.reload()
        self.notices.check()  # the first time on a data folder: what is there is recorded, not told

    def _load_icons(self) -> None:
        self.navigation.load_icons()
        self.timesheet.load_icons()

    def _update_badges(self) -> None:
        if not self.state.ready:
            return
        from coapp.domain.invoices import InvoiceState

        drafts = len(self.ctx.invoices.list(state=InvoiceState.DRAFT))
        tip = (
            self.tr("{n} drafts to confirm").format(n=drafts)
            if drafts != 1
            else self.tr("1 draft to confirm")
        )
        self.navigation.set_badge(self.stack.indexOf(self.invoices_slot), drafts, tip if drafts else "")
        offers = self.ctx.contracts.offers_waiting()
        offer_tip = (
            self.tr("{n} contract offers to sign").format(n=offers)
            if offers != 1
            else self.tr("1 contract offer to sign")
        )
        slot = self.stack.indexOf(self.contracts_slot)
        self.navigation.set_badge(slot, offers, offer_tip if offers else "")

    def apply_theme(self, choice: str) -> None:
        """Restyle every screen now (Preferences, or the system's scheme when following it)."""
        self.theme = apply_theme(self._app(), choice)
        if self.state.ready:
            self._load_icons()  # in the new colours
        if self.insights is not None:
            self.insights.restyle()
        if self.contracts is not None:
            self.contracts.restyle()

    def _system_scheme_changed(self) -> None:
        if self.state.settings.theme == "system":
            self.apply_theme("system")

    # --- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> QMenu:
        """The menu bar; the Help menu is returned for the desktop's support tools."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        linkedin = file_menu.addAction(self.tr("Import from &LinkedIn…"))
        linkedin.setObjectName("importLinkedInAction")
        linkedin.triggered.connect(self.import_linkedin)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(lambda: self.desktop.quit())  # also from the tray

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
        time_menu.addSeparator()
        time_menu.addAction(self.timesheet.add_contract_action)

        self.invoice_menu = bar.addMenu(self.tr("&Invoices"))
        self.invoice_menu.setObjectName("invoiceMenu")
        # Its actions are the screen's: the screen is built as the menu opens, the first time.
        self.invoice_menu.aboutToShow.connect(self.invoices_screen)

        bar.addMenu(self.account.menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        about = help_menu.addAction(self.tr("&About coapp"))
        about.triggered.connect(self._about)
        # Restore from a backup, export all data, account deletion, the update check.
        from coapp.ui.data_safety.menu import install_data_actions

        install_data_actions(self)
        return help_menu

    def open_preferences(self) -> SettingsDialog:
        from coapp.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.state.settings, self)

        def apply() -> None:
            self.apply_settings(dialog.chosen())

        dialog.accepted.connect(apply)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def apply_settings(self, settings) -> None:  # type: ignore[no-untyped-def]
        language_changed = settings.language != self.state.settings.language
        theme_changed = settings.theme != self.state.settings.theme
        self.state.save_settings(settings)
        if theme_changed:
            self.apply_theme(settings.theme)
        self.formats = Formats(settings)
        self.timesheet.set_formats(self.formats)
        if self._invoices is not None:
            self._invoices.set_formats(self.formats)
        self.dashboard.set_formats(self.formats)
        if self.insights is not None:
            self.insights.set_formats(self.formats)
        if self.contracts is not None:
            self.contracts.set_formats(self.formats)
        if language_changed:
            from coapp.ui.i18n import install_translator

            install_translator(settings.language)
            # After the dialog's own handlers: the window is built again in the new language.
            QTimer.singleShot(0, self, self._reopen_in_language)

    def _reopen_in_language(self) -> None:
        from coapp.ui.launch import reopen

        if not self.closing:
            reopen(self).statusBar().showMessage(self.tr("The language is changed."), 5000)

    def import_linkedin(self) -> None:
        """File → Import from LinkedIn…: on My Profile, where the result shows."""
        self.show_screen(self.profile_slot)
        self.profile_screen().import_linkedin()

    def open_business_details(self) -> BusinessDialog:
        from coapp.ui.business_dialog import BusinessDialog  # python-stdnum loads when it is needed

        business = self.ctx.business
        dialog = BusinessDialog(business.get(), business.save, self)

        def saved() -> None:
            self.statusBar().showMessage(self.tr("Business details saved."), 5000)
            if self._invoices is not None:
                self._invoices.reload()  # a draft shows today's details and their problems
            self.timesheet.forget_value_rates()  # the seller's country decides the commission's VAT
            self.timesheet.controller.reload()

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
        self.show_screen(self.invoices_slot)

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
            self.timesheet.forget_value_rates()  # contracts and their clients may have changed
            self.timesheet.controller.reload()
            if self._invoices is not None:
                self._invoices.reload()
            if self.profile is not None:
                self.profile.reload()
            if self.assignments is not None:
                self.assignments.reload()
            if self.applications is not None:
                self.applications.reload()
                if self.stack.currentWidget() is self.applications_slot:
                    self.notices.applications_seen()
            self.dashboard.reload()
            if self.insights is not None and self.stack.currentWidget() is self.insights_slot:
                self.insights.reload()
            if self.contracts is not None and self.stack.currentWidget() is self.contracts_slot:
                self.contracts.reload()
            self._update_badges()

    def _status_message(self, text: str, is_error: bool) -> None:
        if text and not is_error:
            self.statusBar().showMessage(text, 5000)

    # --- window state --------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._window_state.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._fit_screen()
        # By name: the sidebar's order grows as screens arrive. The dashboard when none is known.
        name = str(self._window_state.value("screenName", "dashboardTab"))
        pages = [self.stack.widget(i) for i in range(self.stack.count())]
        screen = next((page for page in pages if page.objectName() == name), self.dashboard)
        self.navigation.set_current(self.stack.indexOf(screen))
        screen.setFocus()  # the keyboard starts on the screen shown, not on the sidebar's first entry

    def _fit_screen(self) -> None:
        """About 80 % of the screen it opens on, at least 1280 x 800 where there is room (UI.md)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        width = min(room.width(), max(1280, room.width() * 4 // 5))
        height = min(room.height(), max(800, room.height() * 4 // 5))
        self.resize(width, height)
        self.move(room.center() - self.rect().center())

    def save_window_state(self) -> None:
        """Where the window is and what it shows, for the next window on this folder."""
        self._window_state.setValue("geometry", self.saveGeometry())
        self._window_state.setValue("screenName", self.stack.currentWidget().objectName())
        if self._invoices is not None:  # else the one saved before stays
            self._window_state.setValue("invoicesSplitter", self._invoices.splitter.saveState())
        self._window_state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.desktop.keep_running(event):
            return  # hidden in the tray (a preference), the timer and reminders go on
        self.desktop.shutdown()
        self.save_window_state()
        self.closing = True  # answers that arrive from now on start no new work
        self.sync.shutdown()  # before the store closes: a round may be writing
        self.timesheet.wait_background()
        self.state.wait_background()  # the dashboard's read, a notice's write
        super().closeEvent(event)
