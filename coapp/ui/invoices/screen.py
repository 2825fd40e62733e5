"""The invoices screen: filters, the list with totals per currency, and the selected invoice."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import ValidationError
from coapp.domain.invoice_lines import LineMode
from coapp.domain.invoices import InvoiceDocument, InvoiceState
from coapp.domain.periods import parse_period
from coapp.ui.app_state import AppState
from coapp.ui.error_text import error_text
from coapp.ui.formats import Formats
from coapp.ui.invoices.controller import Filters, InvoicesController
from coapp.ui.invoices.detail import InvoiceDetail
from coapp.ui.invoices.draft_dialog import DraftChoice, NewDraftDialog, PeriodKind
from coapp.ui.invoices.exports import InvoiceExports
from coapp.ui.invoices.formats import InvoiceFormats, state_label, tabular
from coapp.ui.invoices.list_model import CONTRACT, ID_ROLE, SORT_ROLE, InvoiceListModel
from coapp.ui.pdf_warm_up import warm_up_pdf_once
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import ScreenHeader, make_button

if TYPE_CHECKING:
    from coapp.services.invoice_queries import InvoiceSummary


class InvoicesScreen(QWidget):
    businessDetailsRequested = Signal()

    def __init__(self, state: AppState, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoicesScreen")  # its page in the window is "invoicesTab"
        self.setAccessibleName(self.tr("Invoices"))
        self.state = state
        self.formats = InvoiceFormats(formats)
        self.controller = InvoicesController(state, self)
        self._syncing = False
        self._build()
        self._wire()
        state.when_ready(self._store_ready)

    # --- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.state_filter = QComboBox(objectName="invoiceStateFilter")
        self.state_filter.setAccessibleName(self.tr("Show invoices in the state"))
        self.state_filter.setToolTip(self.tr("Only the invoices in this state"))
        self.state_filter.addItem(self.tr("All states"), None)
        for state in InvoiceState:
            self.state_filter.addItem(state_label(state), state.value)
        self.contract_filter = QComboBox(objectName="invoiceContractFilter")
        self.contract_filter.setAccessibleName(self.tr("Show invoices of the contract"))
        self.contract_filter.setToolTip(self.tr("Only the invoices of this contract"))
        self.contract_filter.addItem(self.tr("All contracts"), None)
        self.contract_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_filter = QLineEdit(objectName="invoicePeriodFilter")
        self.period_filter.setPlaceholderText(self.tr("Period: 2026-11, 2026-W48 or FROM..TO"))
        self.period_filter.setAccessibleName(self.tr("Show invoices of the period"))
        self.period_filter.setClearButtonEnabled(True)
        self.period_filter.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(self.period_filter.placeholderText()) + Space.XL * 2
        )
        self.period_error = QLabel(objectName="invoicePeriodError")
        self.period_error.setWordWrap(True)
        set_role(self.period_error, "error")
        self.period_error.hide()
        self.new_draft_action = QAction(self.tr("New draft…"), self)
        self.new_draft_action.setObjectName("newDraftAction")
        self.new_draft_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_draft_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_draft_button = make_button(
            self,
            "newDraftButton",
            self.new_draft_action.text(),
            self.tr("Draft an invoice for a contract and a period (Ctrl+N)"),
            primary=True,
        )
        self.new_draft_button.setAccessibleName(self.tr("New draft"))
        self.header = ScreenHeader("invoices", self.tr("Invoices"), self)
        self.header.add(self.new_draft_button)

        filters = QHBoxLayout()
        filters.setSpacing(Space.S)
        for text, widget in (
            (self.tr("&State"), self.state_filter),
            (self.tr("C&ontract"), self.contract_filter),
            (self.tr("&Period"), self.period_filter),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.period_error, 1)
        filters.addStretch(0)

        self.model = InvoiceListModel(self.formats, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(objectName="invoicesTable")
        self.table.setAccessibleName(self.tr("Invoices"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CONTRACT, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order until clicked

        self.empty_label = QLabel(objectName="invoicesEmptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.empty_label, "empty")
        self.totals = QLabel(objectName="invoiceTotals")
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals.setAccessibleName(self.tr("Totals per currency"))
        self.totals.setFont(tabular(self.totals.font()))

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty_label, 1)
        top_layout.addWidget(self.totals)

        self.detail = InvoiceDetail(self.controller, self.formats, self)
        self.exports = InvoiceExports(self.state, self.controller, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="invoicesSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([220, 380])

        body = QVBoxLayout()
        body.setContentsMargins(Space.XL, Space.M, Space.XL, Space.L)
        body.setSpacing(Space.S)
        body.addLayout(filters)
        body.addWidget(self.splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

        self.addAction(self.new_draft_action)
        for action in self.detail.actions_for_menu():
            self.addAction(action)  # active while the keyboard is anywhere on this screen
        self.setFocusProxy(self.table)
        self.setTabOrder(self.state_filter, self.contract_filter)
        self.setTabOrder(self.contract_filter, self.period_filter)
        self.setTabOrder(self.period_filter, self.new_draft_button)
        self.setTabOrder(self.new_draft_button, self.table)

    def menu_actions(self) -> list[QAction]:
        """Actions for the main window's Invoices menu (the menu shows their shortcuts)."""
        return [self.new_draft_action, *self.detail.actions_for_menu(), *self.exports.actions()]

    def _wire(self) -> None:
        c = self.controller
        c.listChanged.connect(self._list_changed)
        c.documentChanged.connect(self._document_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.state_filter.currentIndexChanged.connect(self._apply_filters)
        self.contract_filter.currentIndexChanged.connect(self._apply_filters)
        self.period_filter.textChanged.connect(self._period_typed)
        self.period_filter.editingFinished.connect(self._period_finished)
        self.new_draft_action.triggered.connect(lambda: self.new_draft())
        self.new_draft_button.clicked.connect(lambda: self.new_draft())
        self.detail.businessDetailsRequested.connect(self.businessDetailsRequested)
        self.detail.focusList.connect(self._focus_list)
        c.duplicateDraft.connect(self.ask_duplicate)

    # --- the store and showing -----------------------------------------------------------

    def _store_ready(self) -> None:
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        warm_up_pdf_once("invoice")
        # The timesheet may have changed while another screen was shown.
        if self.state.ready:
            self.reload()

    def reload(self) -> None:
        """Contracts for the filter, the list, and the selected invoice as they are now."""
        self._fill_contracts()
        self.controller.reload()
        document = self.controller.document
        listed = document is not None and self.controller.summary(document.id) is not None
        self.controller.select(document.id if listed and document is not None else None)

    def set_formats(self, formats: Formats) -> None:
        self.formats = InvoiceFormats(formats)
        self.model.set_formats(self.formats)
        self.detail.set_formats(self.formats)
        self._show_totals(self.controller.summaries)

    def _fill_contracts(self) -> None:
        chosen = self.contract_filter.currentData()
        self.contract_filter.blockSignals(True)
        self.contract_filter.clear()
        self.contract_filter.addItem(self.tr("All contracts"), None)
        for contract in self.controller.contracts():
            self.contract_filter.addItem(contract.display_name, contract.id)
        self.contract_filter.setCurrentIndex(max(0, self.contract_filter.findData(chosen)))
        self.contract_filter.blockSignals(False)

    def _list_changed(self, summaries: list[InvoiceSummary]) -> None:
        self._syncing = True
        try:
            self.model.set_summaries(summaries)
        finally:
            self._syncing = False
        self._show_empty_state(summaries)
        self._show_totals(summaries)
        self.header.set_status(self._status_text(summaries))

    def _status_text(self, summaries: list[InvoiceSummary]) -> str:
        drafts = sum(1 for s in summaries if s.state is InvoiceState.DRAFT)
        count = len(summaries)
        listed = self.tr("1 invoice listed") if count == 1 else self.tr("{n} invoices listed").format(n=count)
        if not drafts:
            return listed
        waiting = (
            self.tr("1 draft to confirm")
            if drafts == 1
            else self.tr("{n} drafts to confirm").format(n=drafts)
        )
        return f"{listed} · {waiting}"

    def clear_messages(self) -> None:
        """Leaving the screen: an old refusal does not greet the next visit."""
        self.detail.show_message("", False)

    def _document_changed(self, doc: InvoiceDocument | None) -> None:
        """Keep the list's selection on the invoice the detail pane shows."""
        self._syncing = True
        try:
            row = self.model.row_of(doc.id) if doc is not None else -1
            if row < 0:
                self.table.selectionModel().clear()
            else:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().setCurrentIndex(index, flags)
                self.table.scrollTo(index)
        finally:
            self._syncing = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        invoice_id = current.data(ID_ROLE) if current.isValid() else None
        known = self.controller.document
        if known is None or invoice_id != known.id:
            self.detail.show_message("", False)
            self.controller.select(invoice_id)

    def _focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_empty_state(self, summaries: list[InvoiceSummary]) -> None:
        filtered = self.controller.filters != Filters()
        if summaries:
            text = ""
        elif filtered:
            text = self.tr(
                "No invoices match these filters. Choose “All states” and “All contracts”, "
                "or clear the period."
            )
        else:
            text = self.tr(
                "No invoices yet. On the timesheet, select a contract's row and press Ctrl+I to draft "
                "the week's invoice, or click New draft… (Ctrl+N) here."
            )
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
        self.table.setVisible(bool(summaries))

    def _show_totals(self, summaries: list[InvoiceSummary]) -> None:
        from coapp.services.invoice_queries import totals_by_currency

        counted = [s for s in summaries if s.state is not InvoiceState.DRAFT]
        totals = totals_by_currency(counted)
        if not totals:
            self.totals.setText("")
            self.totals.hide()
            return
        amounts = " · ".join(
            self.formats.money(amount, currency) for currency, amount in sorted(totals.items())
        )
        text = self.tr("Total of the invoices listed, credit notes subtracted: {amounts}").format(
            amounts=amounts
        )
        if len(counted) < len(summaries):
            text += " " + self.tr("(drafts not counted)")
        self.totals.setText(text)
        self.totals.show()

    # --- filters -------------------------------------------------------------------------

    def _period(self) -> tuple[date | None, date | None]:
        text = self.period_filter.text().strip()
        if not text:
            return None, None
        return parse_period(text)

    def _period_typed(self, _text: str) -> None:
        try:
            self._period()
        except ValidationError:
            return  # said when typing stops (editingFinished): half a period is not an error yet
        self._show_period_error("")
        self._apply_filters()

    def _period_finished(self) -> None:
        try:
            self._period()
        except ValidationError as exc:
            self._show_period_error(error_text(exc))

    def _show_period_error(self, text: str) -> None:
        self.period_error.setText(text)
        self.period_error.setVisible(bool(text))
        self.period_filter.setAccessibleDescription(text)

    def _apply_filters(self) -> None:
        try:
            first, last = self._period()
        except ValidationError:
            first = last = None
        chosen = self.state_filter.currentData()
        state = InvoiceState(chosen) if chosen else None
        self.controller.set_filters(Filters(state, self.contract_filter.currentData(), first, last))
        document = self.controller.document
        if document is not None and self.model.row_of(document.id) < 0:
            self.controller.select(None)
        elif document is not None:
            self._document_changed(document)

    def show_invoice(self, invoice_id: str) -> None:
        """Show *invoice_id* (the dashboard leads here); filters that hide it are cleared."""
        if self.model.row_of(invoice_id) < 0:
            self.clear_filters()
        self.controller.select(invoice_id)
        self._focus_list()

    def clear_filters(self) -> None:
        for widget in (self.state_filter, self.contract_filter, self.period_filter):
            widget.blockSignals(True)
        self.state_filter.setCurrentIndex(0)
        self.contract_filter.setCurrentIndex(0)
        self.period_filter.clear()
        for widget in (self.state_filter, self.contract_filter, self.period_filter):
            widget.blockSignals(False)
        self._show_period_error("")
        self.controller.set_filters(Filters())

    # --- drafts --------------------------------------------------------------------------

    def new_draft(self, contract_id: str | None = None) -> NewDraftDialog:
        document = self.controller.document
        chosen = contract_id or self.contract_filter.currentData()
        if chosen is None and document is not None:
            summary = self.controller.summary(document.id)
            chosen = summary.contract_id if summary is not None else None
        dialog = NewDraftDialog(
            self.controller.contracts(),
            self.controller.today(),
            self.formats,
            contract_id=chosen,
            parent=self,
        )

        def create(choice: DraftChoice) -> None:
            problem = self._create(choice)
            if problem:
                dialog.show_problem(problem)
            else:
                dialog.accept()

        dialog.createRequested.connect(create)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._focus_list)
        dialog.open()
        return dialog

    def create_draft(self, contract_id: str, first: date, last: date, mode: LineMode) -> str | None:
        """A draft for *contract_id* and the days *first*..*last* (from the timesheet); the
        refusal's text when there is nothing to draft."""
        return self._create(DraftChoice(contract_id, PeriodKind.RANGE, first, last, mode))

    def ask_duplicate(self, choice: DraftChoice, overlaps: list) -> QMessageBox:  # type: ignore[type-arg]
        """A second draft over days a draft already bills would bill them twice once both are
        confirmed: say which draft, and make the new one only when asked to."""
        lines = [
            self.tr("The draft for {period} already bills {n} of these days.").format(
                period=self.formats.period(o.period_start, o.period_end), n=len(o.days)
            )
            for o in overlaps
        ]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("These days are on a draft already"),
            "\n".join(lines),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("duplicateDraftDialog")
        box.setInformativeText(
            self.tr(
                "Confirming both would bill that time twice. Show the existing draft, or make a second one?"
            )
        )
        show = box.addButton(self.tr("Show the draft"), QMessageBox.ButtonRole.AcceptRole)
        show.setObjectName("showExistingDraftButton")
        anyway = box.addButton(self.tr("Draft anyway"), QMessageBox.ButtonRole.DestructiveRole)
        anyway.setObjectName("draftAnywayButton")
        box.setDefaultButton(show)

        def answered() -> None:
            if box.clickedButton() is anyway:
                if problem := self.controller.create(choice, force=True):
                    self.detail.show_message(problem[:1].upper() + problem[1:], True)
            elif box.clickedButton() is show and overlaps:
                self.clear_filters()
                self.controller.select(overlaps[0].invoice_id)
            self._focus_list()

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def _create(self, choice: DraftChoice) -> str | None:
        if self.controller.filters != Filters():
            self.clear_filters()  # the new draft must be in the list, selected
        return self.controller.create(choice)
