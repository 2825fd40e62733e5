"""Contracts (issue 11, contractsTab): every contract, the platform's and one's own, with its state;
the chosen one in full (coapp.ui.contracts.detail). Signing an offer and reviewing the client are
online calls to the platform (coapp.sync.contract_calls), refused offline with the reason; a fixed
fee's ready milestone drafts its invoice; Save PDF… writes the contract as a document.

Built the first time it is shown; the contracts are read on a worker (their figures value all the
time reported on them) and shown when they arrive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.ui.background import Reread
from coapp.ui.contracts.detail import ContractDetail
from coapp.ui.contracts.texts import own_text, state_text
from coapp.ui.error_text import error_text, translated
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import ErrorBanner, ScreenHeader, ask_save_path, make_button, name_scroll

if TYPE_CHECKING:
    from coapp.services.contract_view import ContractView
    from coapp.sync.api import PlatformApi
    from coapp.ui.app_state import AppState
    from coapp.ui.contracts.review_dialog import ReviewDialog
    from coapp.ui.formats import Formats
    from coapp.ui.sync.calls import Problem

    AskPlatform = Callable[
        [Callable[[PlatformApi], Any], Callable[[Any], None], Callable[[Problem], None]], None
    ]


class ContractsScreen(QWidget):
    changed = Signal()  # a contract was signed or added: the timesheet and invoices read again
    opened = Signal(str, str)  # kind, id: a drafted invoice opens on Invoices
    addRequested = Signal()  # the window opens the dialog for a contract of one's own

    def __init__(self, state: AppState, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contractsTab")
        self.setAccessibleName(self.tr("Contracts"))
        self.state, self.formats = state, formats
        self.contracts: list[ContractView] = []
        self.ask_platform: AskPlatform | None = None  # the window's SyncRunner.platform_call
        self.review_dialog: ReviewDialog | None = None
        self._reread: Reread | None = None
        self._wanted: str | None = None  # asked for before the contracts were read
        self.header = ScreenHeader("contracts", self.tr("Contracts"), self)
        self.add_button = make_button(
            self, "addContractButton", self.tr("Add your own…"),
            self.tr("A contract of your own, for work outside the platform"), self.addRequested.emit,
        )  # fmt: skip
        self.pdf_button = make_button(
            self, "contractPdfButton", self.tr("Save PDF…"),
            self.tr("The chosen contract's terms and figures as a PDF"), self.save_pdf,
        )  # fmt: skip
        self.header.add(self.add_button)
        self.header.add(self.pdf_button)
        self.banner = ErrorBanner("contractsBanner", self.tr("Contract messages"), self)
        self.list = QListWidget(self)
        self.list.setObjectName("contractList")
        self.list.setAccessibleName(self.tr("Your contracts"))
        self.list.setAccessibleDescription(
            self.tr("Newest first; an offer waiting for your signature comes first")
        )
        self.list.setSpacing(Space.XS)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(Space.XL * 10)
        self.list.currentRowChanged.connect(lambda _row: self._show_chosen())
        self.empty = QLabel(
            self.tr("No contracts yet. An offer shows here when a client chooses you (Applications, Ctrl+4); for work outside the platform, add a contract of your own."),  # noqa: E501
            self,
        )  # fmt: skip
        self.empty.setObjectName("contractsEmpty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        set_role(self.empty, "empty")
        self.detail = ContractDetail(formats, self)
        self.detail.signRequested.connect(self.sign)
        self.detail.reviewRequested.connect(self.open_review)
        self.detail.milestoneInvoiceRequested.connect(self.draft_milestone)
        self._layout()
        self.header.set_status(self.tr("Reading…"))
        if not state.ready:  # once ready, the window reads as it shows the screen
            state.when_ready(self.reload)

    def _layout(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(Space.XL, Space.L, Space.S, Space.L)
        column.addWidget(self.list, 1)
        column.addWidget(self.empty)
        column.addStretch(0)
        inside = QWidget(self)
        side = QVBoxLayout(inside)
        side.setContentsMargins(Space.S, Space.L, Space.XL, Space.XL)
        side.addWidget(self.banner)
        side.addWidget(self.detail, 1)
        # A column people read, not a banner across a wide window.
        self.detail.setMaximumWidth(Space.XL * 34)
        self.banner.setMaximumWidth(Space.XL * 34)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("contractDetailScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(inside)
        name_scroll(self.scroll, self.tr("The chosen contract"))
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([Space.XL * 11, Space.XL * 30])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.list)

    # --- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        if not self.state.ready:
            return
        if self._reread is None:
            self._reread = Reread(self, self.state.tasks, self._prepare, self.show_contracts, self._failed)
        self._reread.request()

    def _prepare(self) -> Callable[[], list[ContractView]]:
        return self.state.ctx.contract_views.all

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, CoappError):
            raise error
        self.banner.show_error(error_text(error))

    def show_contracts(self, contracts: list[ContractView]) -> None:
        chosen = self.chosen()
        # The newest first: what runs now and what waits for a signature come before history.
        self.contracts = sorted(contracts, key=lambda c: (c.info.start_date, c.info.title), reverse=True)
        self.list.blockSignals(True)
        self.list.clear()
        for view in self.contracts:
            state = state_text(view.state) if view.origin == "platform" else own_text()
            item = QListWidgetItem(f"{view.info.title}\n{view.info.client_name} · {state}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            item.setToolTip(self._period_line(view))
        self.list.blockSignals(False)
        ids = [c.id for c in self.contracts]
        if self._wanted in ids:
            wanted, self._wanted = self._wanted, None
        elif chosen is not None and chosen.id in ids:
            wanted = chosen.id
        else:
            wanted = self._first_to_show()
        self.list.setCurrentRow(ids.index(wanted) if wanted in ids else -1)
        self.list.setVisible(bool(self.contracts))
        self.empty.setVisible(not self.contracts)
        self.pdf_button.setEnabled(bool(self.contracts))
        self._show_chosen()
        offers = sum(1 for c in self.contracts if c.can_sign)
        count = len(self.contracts)
        status = self.tr("1 contract") if count == 1 else self.tr("{n} contracts").format(n=count)
        if offers:
            status += " · " + self.tr("{n} waiting for your signature").format(n=offers)
        self.header.set_status(status)

    def _first_to_show(self) -> str | None:
        """An offer waiting for a signature, else the newest contract."""
        offer = next((c for c in self.contracts if c.can_sign), None)
        if offer is not None:
            return offer.id
        return self.contracts[0].id if self.contracts else None

    def _period_line(self, view: ContractView) -> str:
        end = self.formats.date(view.info.end_date) if view.info.end_date else "…"
        return f"{self.formats.date(view.info.start_date)} – {end}"

    def chosen(self) -> ContractView | None:
        row = self.list.currentRow()
        return self.contracts[row] if 0 <= row < len(self.contracts) else None

    def _show_chosen(self) -> None:
        view = self.chosen()
        self.detail.setVisible(view is not None)
        if view is not None:
            self.detail.show_contract(view)

    def select(self, contract_id: str) -> None:
        """Show *contract_id* (a dashboard line or a notification leads here)."""
        ids = [c.id for c in self.contracts]
        if contract_id in ids:
            self.list.setCurrentRow(ids.index(contract_id))
        else:
            self._wanted = contract_id
        self.list.setFocus()

    # --- acting ------------------------------------------------------------------------------

    def _ask(
        self,
        work: Callable[[PlatformApi], Any],
        done: Callable[[Any], None],
        failed: Callable[[Problem], None],
    ) -> None:
        if self.ask_platform is None:
            failed(_not_connected())
            return
        self.ask_platform(work, done, failed)

    def problem_text(self, problem: Problem, offline: str) -> str:
        if problem.kind == "offline":
            return offline
        if problem.kind in ("not_signed_in", "signed_out"):
            return self.tr("Sign in to the platform first (Account ▸ Sign in…).")
        text = problem.detail or problem.kind
        return text[:1].upper() + text[1:]

    def sign(self, name: str) -> None:
        from coapp.domain.contract_states import check_signed_name
        from coapp.sync import contract_calls

        view = self.chosen()
        if view is None:
            return
        try:
            check_signed_name(name)
        except CoappError:
            self.banner.show_error(self.tr("Type your full name to sign (2 to 200 characters on one line)."))
            return
        store, contract_id = self.state.ctx.store, view.id

        def work(api: PlatformApi) -> object:
            try:
                return contract_calls.sign_contract(store, api, contract_id, name)
            except contract_calls.TermsChanged as changed:
                return changed  # the new terms are stored: shown, not an error of the call

        def done(result: object) -> None:
            self.detail.sign_button.setEnabled(True)
            if isinstance(result, contract_calls.TermsChanged):
                self.banner.show_error(
                    self.tr(
                        "Not signed: the platform changed the terms since you read them (now version {version}). Read the new terms and sign again."  # noqa: E501
                    ).format(version=result.terms_version)
                )
                self.reload()
                return
            self.banner.show_message(
                self.tr("Signed. The contract is in force; report your time on the timesheet.")
            )
            self.changed.emit()  # the window reads every screen again, this one too

        def failed(problem: Problem) -> None:
            self.detail.sign_button.setEnabled(True)
            offline = self.tr(
                "Not signed: signing needs the platform's current terms. Connect and try again."
            )
            self.banner.show_error(self.problem_text(problem, offline))

        self.detail.sign_button.setEnabled(False)  # until the platform answers
        self.banner.show_message(self.tr("Signing…"))
        self._ask(work, done, failed)

    def open_review(self) -> ReviewDialog | None:
        from coapp.ui.contracts.review_dialog import ReviewDialog

        view = self.chosen()
        if view is None or not view.reviews.can_write:
            return None
        dialog = ReviewDialog(
            view.info.title, view.info.client_name, view.reviews.reveal_on, self.formats, self
        )
        dialog.sendRequested.connect(lambda score, text: self._send_review(dialog, view.id, score, text))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: setattr(self, "review_dialog", None))
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def _send_review(self, dialog: ReviewDialog, contract_id: str, score: int, text: str) -> None:
        from coapp.sync import contract_calls

        store = self.state.ctx.store

        def done(_answer: object) -> None:
            dialog.accept()
            self.banner.show_message(self.tr("Review sent. It stays as written."))
            self.reload()

        def failed(problem: Problem) -> None:
            offline = self.tr(
                "Not sent: a review is written on the platform, where it never changes. Connect and try again."  # noqa: E501
            )
            dialog.show_error(self.problem_text(problem, offline))

        self._ask(lambda api: contract_calls.write_review(store, api, contract_id, score, text), done, failed)

    def draft_milestone(self, milestone_id: str) -> None:
        view = self.chosen()
        if view is None:
            return
        drafts, contract_id = self.state.ctx.drafts, view.id

        def done(document: Any) -> None:
            self.changed.emit()
            self.opened.emit("invoice", document.id)

        def failed(error: BaseException) -> None:
            if not isinstance(error, CoappError):
                raise error
            self.banner.show_error(error_text(error))

        self.state.tasks.write(lambda: drafts.from_milestone(contract_id, milestone_id), done, failed)

    def save_pdf(self) -> None:
        view = self.chosen()
        if view is None:
            return
        from coapp.documents.file_names import safe_file_name

        name = safe_file_name(f"{view.info.title} {view.info.client_name}", fallback="contract") + ".pdf"
        chosen = ask_save_path(self, self.tr("Save PDF"), name, self.tr("PDF (*.pdf)"))
        if chosen is not None:
            self.write_pdf(chosen)

    def write_pdf(self, path: Path) -> None:
        from coapp.base.atomic_file import write_atomic
        from coapp.documents.contract_pdf import contract_pdf

        view = self.chosen()
        if view is None:
            return
        from coapp.services.platform import PLATFORM

        ctx, language = self.state.ctx, self.formats.settings.language
        platform = PLATFORM if view.origin == "platform" else None  # a party to the platform's contracts

        def work() -> None:
            write_atomic(path, contract_pdf(view, ctx.business.get(), language, platform=platform))

        def done(_none: object) -> None:
            self.banner.show_message(self.tr("Saved {path}.").format(path=path))

        def failed(error: BaseException) -> None:
            if not isinstance(error, (CoappError, OSError)):
                raise error
            reason = error.strerror if isinstance(error, OSError) and error.strerror else translated(error)
            self.banner.show_error(
                self.tr("Could not save {path}: {reason}").format(path=path, reason=reason)
            )

        self.state.tasks.run(work, done, failed)

    def set_formats(self, formats: Formats) -> None:
        self.formats = self.detail.formats = formats
        self._show_chosen()

    def restyle(self) -> None:
        self.detail.restyle()

    def clear_messages(self) -> None:
        self.banner.clear()


def _not_connected() -> Problem:
    from coapp.ui.sync.calls import Problem

    return Problem("not_signed_in", "form")
