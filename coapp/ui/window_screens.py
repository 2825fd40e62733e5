"""The main window's screens that are built the first time they are shown (My Profile, Assignments,
Applications, Invoices, Contracts, Insights: none of their modules is imported at start-up), and the
way a dashboard line or a notification leads to an item on its screen. A mixin of
coapp.ui.main_window.MainWindow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMenu, QStackedWidget

    from coapp.ui.app_state import AppState
    from coapp.ui.applications.screen import ApplicationsScreen
    from coapp.ui.assignments.screen import AssignmentsScreen
    from coapp.ui.contracts.screen import ContractsScreen
    from coapp.ui.formats import Formats
    from coapp.ui.insights.screen import InsightsScreen
    from coapp.ui.invoices.screen import InvoicesScreen
    from coapp.ui.profile.screen import ProfileScreen
    from coapp.ui.sync.runner import SyncRunner
    from coapp.ui.timesheet.screen import TimesheetScreen


class LazyScreens:
    # What the window provides (coapp.ui.main_window.MainWindow).
    state: AppState
    formats: Formats
    undo_stack: QUndoStack
    sync: SyncRunner
    stack: QStackedWidget
    timesheet: TimesheetScreen
    _invoices: InvoicesScreen | None
    invoice_menu: QMenu
    _window_state: QSettings
    profile: ProfileScreen | None
    assignments: AssignmentsScreen | None
    applications: ApplicationsScreen | None
    insights: InsightsScreen | None
    contracts: ContractsScreen | None
    profile_slot: QWidget
    assignments_slot: QWidget
    applications_slot: QWidget
    insights_slot: QWidget
    invoices_slot: QWidget
    contracts_slot: QWidget

    def show_screen(self, screen: QWidget) -> None:
        raise NotImplementedError

    def profile_screen(self) -> ProfileScreen:
        """My Profile, built now if it has not been shown yet."""
        if self.profile is None:
            from coapp.ui.profile.letter_versions import EarlierVersionsButton
            from coapp.ui.profile.screen import ProfileScreen

            self.profile = ProfileScreen(self.state, self.undo_stack, self.profile_slot)
            # The platform keeps the letters a sync replaced: the letter can bring one back.
            self.profile.letter.add_tool(EarlierVersionsButton(self.profile.letter, self.sync))
            for panel in self.profile.sections.values():
                panel.ask_platform = self.sync.platform_call
            self._fill_slot(self.profile_slot, self.profile)
        return self.profile

    @property
    def invoices(self) -> InvoicesScreen:
        """Invoices, built now if it has not been shown yet (its page is `invoices_slot`)."""
        return self.invoices_screen()

    def invoices_screen(self) -> InvoicesScreen:
        if self._invoices is None:
            from coapp.ui.invoices.screen import InvoicesScreen

            screen = InvoicesScreen(self.state, self.formats, self.invoices_slot)
            self._invoices = screen
            screen.controller.message.connect(self._status_message)
            screen.businessDetailsRequested.connect(self.open_business_details)
            screen.controller.listChanged.connect(lambda _rows: self._update_badges())
            splitter = self._window_state.value("invoicesSplitter")
            if splitter is not None:
                screen.splitter.restoreState(splitter)
            for action in screen.menu_actions():
                self.invoice_menu.addAction(action)
            self._fill_slot(self.invoices_slot, screen)
        return self._invoices

    def _status_message(self, text: str, is_error: bool) -> None:
        raise NotImplementedError

    def open_business_details(self) -> object:
        raise NotImplementedError

    def _update_badges(self) -> None:
        raise NotImplementedError

    def assignments_screen(self) -> AssignmentsScreen:
        """Assignments, built now if it has not been shown yet."""
        if self.assignments is None:
            from coapp.ui.assignments.screen import AssignmentsScreen

            self.assignments = AssignmentsScreen(
                self.state, self.formats, self.undo_stack, self.assignments_slot
            )
            self.assignments.applicationQueued.connect(self.sync.request_round)
            self._fill_slot(self.assignments_slot, self.assignments)
        return self.assignments

    def applications_screen(self) -> ApplicationsScreen:
        """Applications, built now if it has not been shown yet."""
        if self.applications is None:
            from coapp.ui.applications.screen import ApplicationsScreen

            self.applications = ApplicationsScreen(self.state, self.formats, self.applications_slot)
            self.applications.changed.connect(self.sync.request_round)
            self._fill_slot(self.applications_slot, self.applications)
        return self.applications

    def contracts_screen(self) -> ContractsScreen:
        """Contracts, built now if it has not been shown yet."""
        if self.contracts is None:
            from coapp.ui.contracts.screen import ContractsScreen

            self.contracts = ContractsScreen(self.state, self.formats, self.contracts_slot)
            self.contracts.ask_platform = self.sync.platform_call
            self.contracts.changed.connect(self._reload_screens)
            self.contracts.opened.connect(self.open_item)
            self.contracts.addRequested.connect(self.add_own_contract)
            self._fill_slot(self.contracts_slot, self.contracts)
        return self.contracts

    def _reload_screens(self) -> None:
        raise NotImplementedError

    def add_own_contract(self) -> None:
        """The timesheet's dialog for a contract of one's own; Contracts reads again once it is saved."""
        from coapp.ui.timesheet.own_contracts import add_contract

        dialog = add_contract(self.timesheet)
        if self.contracts is not None:
            dialog.accepted.connect(self.contracts.reload)

    def insights_screen(self) -> InsightsScreen:
        """Insights, built now if it has not been shown yet."""
        if self.insights is None:
            from coapp.ui.insights.screen import InsightsScreen

            self.insights = InsightsScreen(self.state, self.formats, self.insights_slot)
            self._fill_slot(self.insights_slot, self.insights)
        return self.insights

    def _slot(self, name: str) -> QWidget:
        """The sidebar's place for a screen built the first time it is shown."""
        slot = QWidget(self)  # type: ignore[arg-type]
        slot.setObjectName(name)
        QVBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
        return slot

    @staticmethod
    def _fill_slot(slot: QWidget, screen: QWidget) -> None:
        layout = slot.layout()
        assert layout is not None
        layout.addWidget(screen)
        # A child added to a shown widget stays hidden until the next turn of the event loop unless
        # shown now; focus given to it (show_screen, a shortcut) would otherwise be lost.
        screen.show()
        slot.setFocusProxy(screen)

    # --- leading to an item -----------------------------------------------------------------------

    def open_item(self, kind: str, item_id: str) -> None:
        """A line of the dashboard (or a notification) leads to its screen, the item chosen."""
        if kind == "timesheet":
            self.show_screen(self.timesheet)
        elif kind == "invoice":
            self.show_screen(self.invoices_slot)
            if item_id:
                self.invoices.show_invoice(item_id)
        elif kind in ("application", "messages"):
            self.show_screen(self.applications_slot)
            screen = self.applications_screen()
            if kind == "messages":
                screen.focus_messages()
            elif item_id:
                screen.select(item_id)
        elif kind == "contract":
            self.show_screen(self.contracts_slot)
            if item_id:
                self.contracts_screen().select(item_id)
        elif kind == "assignment":
            self.show_screen(self.assignments_slot)
            if item_id:
                self.assignments_screen().show_assignment(item_id)
