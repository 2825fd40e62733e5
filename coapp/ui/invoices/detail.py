"""The selected invoice: what can be done with it, its lines, the breakdown, and what stops it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.invoices import (
    BilledTo,
    InvoiceDocument,
    InvoiceKind,
    InvoiceLine,
    InvoiceState,
    Unit,
    VatCategory,
)
from coapp.ui.invoices.breakdown import BreakdownPanel
from coapp.ui.invoices.controller import InvoicesController
from coapp.ui.invoices.formats import InvoiceFormats, kind_label, number_text, state_label
from coapp.ui.invoices.lines_model import DESCRIPTION, NOTES, PRICE, QUANTITY, InvoiceLinesModel
from coapp.ui.invoices.preflight_panel import PreflightPanel
from coapp.ui.theme import Chip, Space, set_role
from coapp.ui.toolkit import ChipLabel, ErrorBanner, make_action, mirror_button, name_scroll


def _action(parent: QWidget, text: str, shortcut: str | None, name: str) -> QAction:
    # Only while the invoices screen has the keyboard: Ctrl+Return must never confirm unseen.
    return make_action(
        parent, text, name=name, shortcut=shortcut, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
    )


def _button(action: QAction, name: str, tip: str, primary: bool = False) -> QPushButton:
    """A button that mirrors *action*: shown and usable only while the action applies."""
    return mirror_button(action, name, tip, primary=primary)


_CHIPS = {
    InvoiceState.DRAFT: Chip.DRAFT,
    InvoiceState.CONFIRMED: Chip.CONFIRMED,
    InvoiceState.SENT: Chip.SENT,
    InvoiceState.PAID: Chip.PAID,
    InvoiceState.CREDITED: Chip.CREDITED,
}


class InvoiceDetail(QWidget):
    businessDetailsRequested = Signal()
    focusList = Signal()  # an action is done: give the keyboard back to the list

    def __init__(
        self, controller: InvoicesController, formats: InvoiceFormats, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("invoiceDetail")
        self.controller = controller
        self.formats = formats
        self._build_actions()
        self._build()
        controller.documentChanged.connect(self.show_document)
        controller.preflightChanged.connect(self.preflight.show_problems)
        controller.message.connect(self.show_message)
        controller.busyChanged.connect(self._busy)
        self.show_document(None)

    # --- layout --------------------------------------------------------------------------

    def _build_actions(self) -> None:
        c = self.controller
        self.refresh_action = _action(self, self.tr("Refresh draft"), "Ctrl+R", "refreshDraftAction")
        self.discard_action = _action(self, self.tr("Discard draft…"), None, "discardDraftAction")
        self.confirm_action = _action(self, self.tr("Confirm invoice"), "Ctrl+Return", "confirmInvoiceAction")
        self.credit_action = _action(self, self.tr("Credit invoice…"), None, "creditInvoiceAction")
        self.sent_action = _action(self, self.tr("Mark as sent"), None, "markSentAction")
        self.paid_action = _action(self, self.tr("Mark as paid"), None, "markPaidAction")
        self.pdf_action = _action(self, self.tr("Open PDF"), "Ctrl+O", "openPdfAction")
        self.refresh_action.triggered.connect(self._after(c.refresh))
        self.discard_action.triggered.connect(self.ask_discard)
        self.confirm_action.triggered.connect(self._after(c.confirm))
        self.credit_action.triggered.connect(self.ask_credit)
        self.sent_action.triggered.connect(self._after(lambda: c.mark(InvoiceState.SENT)))
        self.paid_action.triggered.connect(self._after(lambda: c.mark(InvoiceState.PAID)))
        self.pdf_action.triggered.connect(self.open_pdf)
        self.confirm_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])

    def actions_for_menu(self) -> list[QAction]:
        return [
            self.refresh_action,
            self.discard_action,
            self.confirm_action,
            self.credit_action,
            self.sent_action,
            self.paid_action,
            self.pdf_action,
        ]

    def _build(self) -> None:
        self.title = QLabel(objectName="invoiceTitle")
        set_role(self.title, "subtitle")
        self.chip = ChipLabel("invoiceStateChip", self)
        self.subtitle = QLabel(objectName="invoiceSubtitle")
        self.subtitle.setWordWrap(True)
        set_role(self.subtitle, "hint")
        self.placeholder = QLabel(
            self.tr("Select an invoice to see its lines and breakdown."), objectName="invoiceDetailEmpty"
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)

        self.refresh_button = _button(
            self.refresh_action, "refreshDraftButton", self.tr("Rebuild the lines from the timesheet")
        )
        self.discard_button = _button(
            self.discard_action, "discardDraftButton", self.tr("Throw this draft away; it has no number")
        )
        self.confirm_button = _button(
            self.confirm_action,
            "confirmInvoiceButton",
            self.tr("Check, then confirm: number, lock the time, archive the PDF"),
            primary=True,
        )
        self.confirm_button.setDefault(True)
        self.credit_button = _button(
            self.credit_action, "creditInvoiceButton", self.tr("Cancel this invoice with a credit note")
        )
        self.sent_button = _button(self.sent_action, "markSentButton", self.tr("The client has the invoice"))
        self.paid_button = _button(self.paid_action, "markPaidButton", self.tr("The money has arrived"))
        self.pdf_button = _button(self.pdf_action, "openPdfButton", self.tr("Open the archived PDF"))
        buttons = QHBoxLayout()
        for button in (
            self.refresh_button,
            self.discard_button,
            self.credit_button,
            self.sent_button,
            self.paid_button,
            self.pdf_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)

        self.banner = ErrorBanner("invoiceMessage", self.tr("Invoice message"), self)
        self.message_label = self.banner.message
        self.preflight = PreflightPanel(self)
        self.preflight.businessDetailsRequested.connect(self.businessDetailsRequested)
        self.preflight.refreshRequested.connect(self.refresh_action.trigger)

        self.lines_model = InvoiceLinesModel(self.formats, self._lines_edited, self)
        self.lines = QTableView(objectName="invoiceLines")
        self.lines.setAccessibleName(self.tr("Invoice lines"))
        self.lines.setModel(self.lines_model)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setWordWrap(False)
        self.lines.setTextElideMode(Qt.TextElideMode.ElideRight)  # the day has its own column now
        self.lines.verticalHeader().hide()
        self.lines.setTabKeyNavigation(False)
        self.lines.setMinimumHeight(self.lines.verticalHeader().defaultSectionSize() * 4 + 28)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.Stretch)  # long notes must not squeeze it
        self.add_line_button = QPushButton(self.tr("Add line"), objectName="addLineButton")
        self.add_line_button.setToolTip(self.tr("Add a milestone or instalment"))
        self.remove_line_button = QPushButton(self.tr("Remove line"), objectName="removeLineButton")
        self.add_line_button.clicked.connect(self.add_line)
        self.remove_line_button.clicked.connect(self.remove_line)
        self.lines_hint = QLabel(objectName="invoiceLinesHint")
        self.lines_hint.setWordWrap(True)
        self.lines_hint.setEnabled(False)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.lines_hint, 1)
        line_buttons.addWidget(self.add_line_button)
        line_buttons.addWidget(self.remove_line_button)

        self.breakdown = BreakdownPanel(self.formats, self)

        left = QVBoxLayout()
        left.addWidget(self.lines, 1)
        left.addLayout(line_buttons)
        right = QVBoxLayout()
        right.addWidget(self.breakdown)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right)
        self.body = QWidget()
        self.body.setLayout(body)
        body.setContentsMargins(0, 0, 0, 0)

        # Scrolls rather than squeezes: in a small window the problems and the breakdown keep
        # their full height (a squeezed panel hides its buttons).
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, Space.S, 0, 0)
        layout.setSpacing(Space.S)
        title_row = QHBoxLayout()
        title_row.setSpacing(Space.S)
        title_row.addWidget(self.title)
        title_row.addWidget(self.chip)
        title_row.addStretch(1)
        layout.addLayout(title_row)
        layout.addWidget(self.subtitle)
        layout.addLayout(buttons)
        layout.addWidget(self.banner)
        layout.addWidget(self.preflight)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.placeholder, 1)
        self.scroll = QScrollArea(objectName="invoiceDetailScroll")
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        name_scroll(self.scroll, self.tr("The chosen invoice"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        for action in self.actions_for_menu():
            self.addAction(action)

    def set_formats(self, formats: InvoiceFormats) -> None:
        self.formats = formats
        self.lines_model.set_formats(formats)
        self.breakdown.formats = formats
        self.show_document(self.controller.document)

    # --- showing -------------------------------------------------------------------------

    def show_document(self, doc: InvoiceDocument | None) -> None:
        shown = doc is not None
        for widget in (self.title, self.subtitle, self.body, self.chip):
            widget.setVisible(shown)
        self.placeholder.setVisible(not shown)
        self._update_actions(doc)
        if doc is None:
            self.lines_model.set_lines((), "SEK", ())
            self.breakdown.clear()
            self.preflight.show_problems([], set())
            return
        draft = doc.state is InvoiceState.DRAFT
        from_time = doc.billed_to is BilledTo.CLIENT  # hourly and daily work: lines from the grid
        fixed = not from_time
        if draft:
            self.title.setText(self.tr("Draft invoice"))
        else:
            number = number_text(doc.state, doc.number)
            self.title.setText(f"{kind_label(doc.kind)} {number}")
        # The state in words on its chip (the colour only helps); the title reads with it.
        credit_note = doc.kind is InvoiceKind.CREDIT_NOTE
        self.chip.set_chip(Chip.CREDIT_NOTE if credit_note else _CHIPS[doc.state], state_label(doc.state))
        self.title.setAccessibleName(f"{self.title.text()} · {state_label(doc.state)}")
        f = self.formats
        parts = [doc.contract_title, f.period(doc.period_start, doc.period_end), doc.buyer.name]
        if doc.credited_number:
            parts.append(self.tr("credits invoice {number}").format(number=doc.credited_number))
        if not draft:
            parts.append(self.tr("issued {day}").format(day=f.day(doc.issue_date)))
        if from_time and doc.payee is not None:
            parts.append(
                self.tr("sent and collected by {platform} on your behalf").format(platform=doc.payee.name)
            )
        self.subtitle.setText(" · ".join(p for p in parts if p))
        editable = (DESCRIPTION, QUANTITY, PRICE) if draft and fixed else (DESCRIPTION,) if draft else ()
        self.lines_model.set_lines(doc.lines, doc.currency, editable)
        # A line's text is the day's note now: the notes column only when some note says more.
        self.lines.setColumnHidden(NOTES, all(li.notes in ("", li.description) for li in doc.lines))
        # Hours billed by the hour say the same as the billed column: room for the description.
        self.lines.setColumnHidden(
            QUANTITY,
            bool(doc.lines)
            and all(li.unit is Unit.HOUR and li.billed_minutes is not None for li in doc.lines),
        )
        for button in (self.add_line_button, self.remove_line_button):
            button.setVisible(draft and fixed)
        if draft and fixed:
            hint = self.tr("A fixed fee: add a line per milestone; double-click or F2 to edit.")
        elif draft:
            hint = self.tr("Lines come from the timesheet: change the time there, then Refresh draft.")
        elif doc.kind is InvoiceKind.CREDIT_NOTE:
            hint = self.tr("The lines of invoice {number}, cancelled: the breakdown counts them against you.")
            hint = hint.format(number=doc.credited_number or "")
        else:
            hint = self.tr("A confirmed invoice never changes; correct it with a credit note.")
        self.lines_hint.setText(hint)
        self.breakdown.show_document(doc, self.controller.today())

    def _update_actions(self, doc: InvoiceDocument | None) -> None:
        state = doc.state if doc is not None else None
        is_invoice = doc is not None and doc.kind is InvoiceKind.INVOICE
        summary = self.controller.summary(doc.id) if doc is not None else None
        self.refresh_action.setEnabled(
            state is InvoiceState.DRAFT and doc is not None and doc.billed_to is BilledTo.CLIENT
        )
        self.discard_action.setEnabled(state is InvoiceState.DRAFT)
        self.confirm_action.setEnabled(state is InvoiceState.DRAFT)
        self.credit_action.setEnabled(
            is_invoice and state in (InvoiceState.CONFIRMED, InvoiceState.SENT, InvoiceState.PAID)
        )
        self.sent_action.setEnabled(state is InvoiceState.CONFIRMED)
        self.paid_action.setEnabled(state in (InvoiceState.CONFIRMED, InvoiceState.SENT))
        self.pdf_action.setEnabled(summary is not None and bool(summary.pdf_path))

    def show_message(self, text: str, is_error: bool) -> None:
        self.banner.show_message(text, is_error)

    def _busy(self, busy: bool) -> None:
        """While a confirmation or credit runs, nothing else may change the invoice: every action
        is off, and the one that runs says so on its button."""
        if busy:
            running = [
                (button, text)
                for button, text in (
                    (self.confirm_button, self.tr("Confirming…")),
                    (self.credit_button, self.tr("Crediting…")),
                )
                if button.isVisibleTo(self)
            ]
            for action in self.actions_for_menu():
                action.setEnabled(False)
            for button, text in running:
                button.setText(text)
                button.setEnabled(False)
                button.setVisible(True)
        else:
            for button, action in (
                (self.confirm_button, self.confirm_action),
                (self.credit_button, self.credit_action),
            ):
                button.setText(action.text())
                button.setEnabled(True)
            self._update_actions(self.controller.document)

    # --- actions -------------------------------------------------------------------------

    def _after(self, call):  # type: ignore[no-untyped-def]
        def run() -> None:
            call()
            self.focusList.emit()

        return run

    def ask_discard(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard draft"),
            self.tr("Discard this draft? It has no number; its time can go on another invoice."),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardConfirmDialog")
        discard = box.addButton(self.tr("Discard draft"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discardConfirmButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self._ask(box, discard, self.controller.discard)
        return box

    def ask_credit(self) -> QMessageBox:
        doc = self.controller.document
        number = doc.number if doc is not None and doc.number else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Credit invoice"),
            self.tr("Credit invoice {number}?").format(number=number),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr(
                "A credit note with its own number cancels the whole invoice, and its time is unlocked "
                "for a new invoice. The invoice itself stays in the archive. This cannot be undone."
            )
        )
        box.setObjectName("creditConfirmDialog")
        credit = box.addButton(self.tr("Credit invoice"), QMessageBox.ButtonRole.AcceptRole)
        credit.setObjectName("creditConfirmButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self._ask(box, credit, self.controller.credit)
        return box

    def _ask(self, box: QMessageBox, yes: QPushButton, then) -> None:  # type: ignore[no-untyped-def]
        def done() -> None:
            if box.clickedButton() is yes:
                then()
            self.focusList.emit()

        box.finished.connect(done)
        box.finished.connect(box.deleteLater)
        box.open()

    def open_pdf(self) -> None:
        doc = self.controller.document
        summary = self.controller.summary(doc.id) if doc is not None else None
        if summary is None or not summary.pdf_path:
            return
        path = Path(summary.pdf_path)
        if not path.exists():
            self.show_message(
                self.tr("The PDF is not in the archive any more: {path}").format(path=path), True
            )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_message(
                self.tr("No program here opens PDFs; the file is {path}").format(path=path), True
            )

    # --- lines of a draft ----------------------------------------------------------------

    def _lines_edited(self, lines: list[InvoiceLine], error: str) -> bool:
        if error:
            self.show_message(error, True)
            return False
        return self.controller.set_lines(lines)

    def add_line(self) -> None:
        doc = self.controller.document
        if doc is None:
            return
        rate, category = _vat_of(doc)
        line = InvoiceLine(
            description=self.tr("Milestone {n}").format(n=len(doc.lines) + 1),
            quantity=Decimal(1),
            unit=Unit.PIECE,
            unit_price=Decimal(0),
            vat_rate=rate,
            vat_category=category,
        )
        if self.controller.set_lines([*doc.lines, line]):
            index = self.lines_model.index(self.lines_model.rowCount() - 1, DESCRIPTION)
            self.lines.setFocus()
            self.lines.setCurrentIndex(index)
            self.lines.edit(index)

    def remove_line(self) -> None:
        doc = self.controller.document
        rows = {i.row() for i in self.lines.selectionModel().selectedRows()}
        if not rows and self.lines.currentIndex().isValid():
            rows = {self.lines.currentIndex().row()}
        if doc is None or not rows:
            self.show_message(self.tr("Select the line to remove first."), True)
            return
        self.controller.set_lines([line for i, line in enumerate(doc.lines) if i not in rows])
        self.lines.setFocus()


def _vat_of(doc: InvoiceDocument) -> tuple[Decimal, VatCategory]:
    """The VAT a new line of *doc* carries: the seller's standard rate, or none across a border."""
    if doc.lines:
        return doc.lines[-1].vat_rate, doc.lines[-1].vat_category
    from coapp.domain.vat import standard_rate, vat_treatment

    seller = doc.seller.country or "SE"
    treatment = vat_treatment(seller, doc.buyer.country or "SE", bool(doc.buyer.vat_number))
    if treatment == "reverse_charge":
        return Decimal(0), VatCategory.REVERSE_CHARGE
    if treatment == "export":
        return Decimal(0), VatCategory.EXPORT
    return standard_rate(seller, date.today()), VatCategory.STANDARD
