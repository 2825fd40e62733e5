"""Wires the invoices screen to the services: the list, the selected invoice, drafts, confirmation.

Every call that can be refused reports the refusal as a message (or, for confirmation, as the
pre-flight problems) instead of raising; the screen shows them next to what caused them.
Confirming and crediting (numbering, locking, rendering and archiving the PDF) run on the writes
lane of the background helper: the window stays live, ``busyChanged`` says when they run, and a
second request while one runs is ignored, so a double click never confirms twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from coapp.domain.errors import CoappError, Sentence
from coapp.domain.invoices import InvoiceDocument, InvoiceLine, InvoiceState
from coapp.ui.app_state import AppState
from coapp.ui.error_text import error_text, translated
from coapp.ui.invoices.draft_dialog import DraftChoice, PeriodKind
from coapp.ui.invoices.formats import state_label

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.services.invoice_queries import InvoiceSummary
    from coapp.services.sheets import ContractInfo


@dataclass(frozen=True)
class Filters:
    state: InvoiceState | None = None
    contract_id: str | None = None
    first: date | None = None
    last: date | None = None


class InvoicesController(QObject):
    listChanged = Signal(object)  # list[InvoiceSummary]
    documentChanged = Signal(object)  # InvoiceDocument | None
    preflightChanged = Signal(list, set)  # problems, those fixed in the business details
    message = Signal(str, bool)  # text, is_error
    busyChanged = Signal(bool)  # a confirmation or credit note is being made
    duplicateDraft = Signal(object, list)  # DraftChoice, [DraftOverlap]: ask before a second draft

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.filters = Filters()
        self.summaries: list[InvoiceSummary] = []
        self.document: InvoiceDocument | None = None
        self.today: Callable[[], date] = date.today
        self.busy = False

    @property
    def ctx(self) -> AppContext:
        return self.state.ctx

    # --- reading -------------------------------------------------------------------------

    def contracts(self) -> list[ContractInfo]:
        return self.ctx.contracts.all()

    def reload(self) -> None:
        f = self.filters
        self.summaries = self.ctx.invoices.list(
            state=f.state, contract_id=f.contract_id, first=f.first, last=f.last
        )
        self.listChanged.emit(self.summaries)

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.reload()

    def summary(self, invoice_id: str | None) -> InvoiceSummary | None:
        return next((s for s in self.summaries if s.id == invoice_id), None)

    def select(self, invoice_id: str | None) -> None:
        """Show *invoice_id* (None: nothing); a draft is checked at once, so problems show early."""
        doc = None
        if invoice_id is not None:
            try:
                doc = self.ctx.invoices.document(invoice_id)
            except CoappError as exc:
                self.message.emit(error_text(exc), True)
        self.document = doc
        self.documentChanged.emit(doc)
        if doc is not None and doc.state is InvoiceState.DRAFT:
            self.check(doc.id)
        else:
            self.preflightChanged.emit([], set())

    def check(self, invoice_id: str) -> list[Sentence]:
        problems = self.ctx.confirmation.preflight(invoice_id)
        self.preflightChanged.emit(problems, self._business_problems(problems))
        return problems

    def _business_problems(self, problems: list[Sentence]) -> set[Sentence]:
        from coapp.services.business import missing_for_invoicing, named_field_problems

        info = self.ctx.business.get()
        known = set(missing_for_invoicing(info)) | set(named_field_problems(info))
        return {p for p in problems if p in known or "business details" in p}

    # --- drafts --------------------------------------------------------------------------

    def create(self, choice: DraftChoice, *, force: bool = False) -> str | None:
        """Make a draft and select it; the refusal's text when there is nothing to draft. When
        another draft already bills some of these days, nothing is made: ``duplicateDraft`` asks
        first (and "" is returned: not an error), and create(choice, force=True) makes it anyway."""
        from coapp.services.errors import DuplicateDraft

        try:
            first, last = choice.first, choice.last
            if choice.kind is PeriodKind.UNINVOICED:
                first, last = self.ctx.drafts.uninvoiced_period(choice.contract_id, self.today())
            doc = self.ctx.drafts.create(
                choice.contract_id, first, last, choice.mode, today=self.today(), force=force
            )
        except DuplicateDraft as exc:
            self.duplicateDraft.emit(choice, list(exc.overlaps))
            return ""
        except CoappError as exc:
            return error_text(exc)
        self._show(doc.id, self.tr("Draft made: check the lines, then confirm (Ctrl+Return)."))
        return None

    def refresh(self) -> None:
        if (doc := self.document) is not None:
            self._call(
                lambda: self.ctx.drafts.refresh(doc.id), self.tr("Draft refreshed from the timesheet.")
            )

    def set_lines(self, lines: list[InvoiceLine]) -> bool:
        if (doc := self.document) is None:
            return False
        return self._call(lambda: self.ctx.drafts.set_lines(doc.id, lines), "")

    def discard(self) -> None:
        if (doc := self.document) is None:
            return
        try:
            self.ctx.drafts.discard(doc.id)
        except CoappError as exc:
            self.message.emit(error_text(exc), True)
            return
        self._show(None, self.tr("Draft discarded; its time can go on another invoice."))

    # --- confirmation and later states ---------------------------------------------------

    def _in_background(
        self, work: Callable[[], InvoiceDocument], done: Callable[[InvoiceDocument], None],
        failed: Callable[[BaseException], None],
    ) -> None:  # fmt: skip
        self.busy = True
        self.busyChanged.emit(True)

        def finish() -> None:
            self.busy = False
            self.busyChanged.emit(False)

        def on_done(result: InvoiceDocument) -> None:
            finish()
            done(result)

        def on_error(error: BaseException) -> None:
            finish()
            failed(error)

        self.state.tasks.write(work, on_done, on_error)

    def confirm(self) -> None:
        """Pre-flight first; when it passes, confirm in the background: number, lock, freeze,
        archive the PDF. The result (or why not) arrives as the selection and a message."""
        from coapp.services.errors import ConfirmRefused

        if self.busy or (doc := self.document) is None:
            return
        if self.check(doc.id):
            self.message.emit(self.tr("Not confirmed: fix the problems listed above first."), True)
            return
        confirmation, today = self.ctx.confirmation, self.today()
        self.message.emit(self.tr("Confirming: numbering the invoice and writing its PDF…"), False)

        def failed(error: BaseException) -> None:
            if isinstance(error, ConfirmRefused):
                self.message.emit("", False)
                self.preflightChanged.emit(error.problems, self._business_problems(error.problems))
            elif isinstance(error, CoappError):
                self.message.emit(error_text(error), True)
            elif isinstance(error, OSError):
                self.message.emit(
                    self.tr("The PDF could not be written ({reason}); nothing was confirmed.").format(
                        reason=translated(error)
                    ),
                    True,
                )
            else:
                raise error  # a bug: the excepthook logs it and says so once
            self.select(doc.id)

        self._in_background(lambda: confirmation.confirm(doc.id, today), self._confirmed, failed)

    def _confirmed(self, confirmed: InvoiceDocument) -> None:
        if confirmed.number:
            text = self.tr("Invoice {number} confirmed; its PDF is in the archive.").format(
                number=confirmed.number
            )
        else:
            text = self.tr("Confirmed, number on sync: the number and the PDF come at the next sync.")
        self._show(confirmed.id, text)

    def credit(self) -> None:
        if self.busy or (doc := self.document) is None:
            return
        confirmation, today = self.ctx.confirmation, self.today()

        def done(note: InvoiceDocument) -> None:
            self._show(
                note.id,
                self.tr("Credit note {note} cancels invoice {number}; its time is unlocked.").format(
                    note=note.number or "", number=doc.number or ""
                ),
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, CoappError):
                self.message.emit(error_text(error), True)
            elif isinstance(error, OSError):
                self.message.emit(
                    self.tr("The PDF could not be written ({reason}).").format(reason=translated(error)), True
                )
            else:
                raise error

        self._in_background(lambda: confirmation.credit(doc.id, today), done, failed)

    def mark(self, state: InvoiceState) -> None:
        if (doc := self.document) is not None:
            self._call(
                lambda: self.ctx.confirmation.mark(doc.id, state),
                self.tr("Marked as {state}.").format(state=state_label(state).lower()),
            )

    # --- helpers -------------------------------------------------------------------------

    def _call(self, action: Callable[[], InvoiceDocument], done: str) -> bool:
        try:
            doc = action()
        except CoappError as exc:
            self.message.emit(error_text(exc), True)
            return False
        self._show(doc.id, done)
        return True

    def _show(self, invoice_id: str | None, text: str) -> None:
        """Reload the list and select *invoice_id*; the screen follows the selection."""
        self.reload()
        self.select(invoice_id)
        self.message.emit(text, False)
