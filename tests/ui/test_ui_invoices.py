"""The invoices screen driven like a person would: from the grid to a confirmed invoice, what stops a
confirmation, filters and totals, credit notes, later states, drafts and fixed-fee milestones."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from coapp.domain.contracts import FeeModel
from coapp.domain.invoice_lines import LineMode
from coapp.domain.invoices import BilledTo, InvoiceKind, InvoiceLine, InvoiceState, Unit
from coapp.domain.weeks import IsoWeek
from coapp.services.timesheet import CellChange
from coapp.ui.invoices.formats import NBSP
from coapp.ui.invoices.lines_model import DESCRIPTION, PRICE, QUANTITY, InvoiceLinesModel
from coapp.ui.invoices.list_model import TOTAL, InvoiceListModel
from coapp.ui.main_window import MainWindow
from coapp.ui.timesheet.grid_model import LOCKED_ROLE
from tests.conftest import make_contract
from tests.services.invoicing_helpers import SOLE_TRADER, WEEK48, with_client
from tests.ui.helpers import CTRL, grid_of, message, reactivate, select, type_into

TOOLTIP = Qt.ItemDataRole.ToolTipRole
LEFT = Qt.MouseButton.LeftButton


# --- helpers -----------------------------------------------------------------------------------


@pytest.fixture
def real_pdf() -> None:
    """Asked for by the test that proves the whole path: it writes the real PDF (fpdf2)."""


@pytest.fixture(autouse=True)
def pdf_stand_in(request, monkeypatch) -> None:
    """Other tests confirm many invoices and test the screen, not the PDF renderer (tests/documents
    does): a stand-in file keeps them fast. Patched before any AppContext is opened."""
    if "real_pdf" in request.fixturenames:
        return

    def write(doc, path: Path, logo=None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-stand-in")

    monkeypatch.setattr("coapp.services.invoice_confirm._default_pdf_writer", write)


def _client_contract(ctx, title="Backend", **terms):
    contract = make_contract(ctx, title, **terms)
    with_client(ctx, contract)
    return contract


def _ready_for_invoicing(ctx, title="Backend", **terms):
    """Business details filled in and a contract whose client has an address."""
    ctx.business.save(SOLE_TRADER)
    return _client_contract(ctx, title, **terms)


def _find(window: QWidget, cls, name: str):
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def _button(window: MainWindow, name: str) -> QPushButton:
    return _find(window, QPushButton, name)


def _rows(window: MainWindow) -> list[list[str]]:
    table = window.invoices.table
    model = table.model()
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _selected_row(window: MainWindow) -> list[str]:
    table = window.invoices.table
    current = table.currentIndex()
    assert current.isValid()
    model = table.model()
    return [str(model.index(current.row(), c).data() or "") for c in range(model.columnCount())]


def _open_invoices(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_6, CTRL)
    assert window.stack.currentWidget() is window.invoices_slot


def _select(window: MainWindow, invoice_id: str) -> None:
    window.invoices.controller.select(invoice_id)
    assert window.invoices.controller.document.id == invoice_id


def _dialog(qtbot, window: QWidget, cls, name: str):
    qtbot.waitUntil(lambda: (d := window.findChild(cls, name)) is not None and d.isVisible())
    return window.findChild(cls, name)


def _until_idle(qtbot, window: MainWindow) -> None:
    """Confirming and crediting run in the background: wait for the answer."""
    qtbot.waitUntil(lambda: not window.invoices.controller.busy and not window.state.tasks.busy)


def _sek(text: str) -> str:
    """Swedish money as the screen writes it: no-break spaces between thousands and before kr."""
    return text.replace(" ", NBSP)


# --- the proof: from the grid to a confirmed invoice -------------------------------------------


def test_from_the_grid_to_a_confirmed_invoice_with_the_keyboard_and_one_click(
    real_pdf, qtbot, ctx, use_settings, open_window
):
    contract = _ready_for_invoicing(ctx)  # 950 kr an hour, 12,5 % commission
    use_settings(language="sv")
    window = open_window()  # week 48, the grid has the keyboard
    grid = grid_of(window)

    type_into(qtbot, grid, 0, 0, "7,5")
    type_into(qtbot, grid, 0, 1, "8")
    select(grid, 0, 1)
    qtbot.keyClick(grid, Qt.Key.Key_I, CTRL)

    # The invoices screen shows the new draft, selected: 15,5 h × 950 kr + 25 % VAT.
    assert window.stack.currentWidget() is window.invoices_slot
    assert window.invoices.table.hasFocus()
    draft_row = _selected_row(window)
    assert draft_row[0] == "Utkast"  # the UI is in Swedish
    assert draft_row[2] == "Backend"
    assert draft_row[3] == "v. 48 2026"
    assert draft_row[TOTAL] == _sek("18 406,25 kr")
    breakdown = dict(window.invoices.detail.breakdown.rows())
    assert breakdown["Avtalsvärde (exkl. moms)"] == _sek("14 725,00 kr")
    assert breakdown[f"Plattformens provision (12,5{NBSP}%)"] == _sek("−1 840,63 kr")
    assert breakdown["Netto till dig"] == _sek("12 884,37 kr")
    assert breakdown[f"Moms 25{NBSP}% på 14{NBSP}725,00{NBSP}kr"] == _sek("3 681,25 kr")
    assert breakdown["Totalt (inkl. moms)"] == _sek("18 406,25 kr")
    assert not _find(window, QWidget, "preflightProblems").isVisible()

    qtbot.mouseClick(_button(window, "confirmInvoiceButton"), LEFT)  # one click
    _until_idle(qtbot, window)

    confirmed = _selected_row(window)
    assert confirmed[0] == "2026-0001"
    assert confirmed[1] == "Bekräftad"
    assert _find(window, QLabel, "invoiceTitle").text() == "Faktura 2026-0001"
    assert _find(window, QLabel, "invoiceStateChip").text() == "Bekräftad"
    assert "Faktura 2026-0001 är bekräftad" in _find(window, QLabel, "invoiceMessage").text()
    pdf = ctx.paths.invoice_archive / "2026-0001 Acme AB.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-1.")  # the real renderer, not a stand-in
    [summary] = ctx.invoices.list()
    assert (summary.number, summary.state, summary.total) == (
        "2026-0001",
        InvoiceState.CONFIRMED,
        Decimal("18406.25"),
    )
    assert not _button(window, "confirmInvoiceButton").isVisible()

    # Back on the timesheet (Ctrl+5) the two days are locked, and typing there says why not.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5, CTRL)
    assert window.stack.currentWidget() is window.timesheet
    model = grid.model()
    assert [model.index(0, c).data(LOCKED_ROLE) for c in range(3)] == [True, True, False]
    assert "bekräftad faktura" in model.index(0, 0).data(TOOLTIP)
    grid.setFocus()
    select(grid, 0, 0)
    qtbot.keyClick(grid, "5")
    assert message(window) == "Den här dagen finns på en bekräftad faktura och är skrivskyddad."
    assert ctx.timesheet.cell(contract.id, WEEK48[0]).minutes == 450


def test_ctrl_i_on_a_week_without_time_says_so_on_the_timesheet(qtbot, ctx, open_window):
    _client_contract(ctx)
    window = open_window()
    grid = grid_of(window)
    select(grid, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_I, CTRL)
    assert window.stack.currentWidget() is window.timesheet
    assert "no time left to invoice" in message(window)
    assert ctx.invoices.list() == []


def test_the_draft_button_offers_the_month(qtbot, ctx, open_window):
    contract = _client_contract(ctx)
    ctx.timesheet.apply(
        [CellChange(contract.id, date(2026, 11, 3), 60), CellChange(contract.id, WEEK48[0], 60)]
    )
    window = open_window()
    select(grid_of(window), 0, 0)
    _find(window.timesheet, type(window.timesheet.draft_month_action), "draftMonthAction").trigger()
    assert window.stack.currentWidget() is window.invoices_slot
    doc = window.invoices.controller.document
    assert (doc.period_start, doc.period_end) == (date(2026, 11, 1), date(2026, 11, 30))
    assert len(doc.lines) == 2


# --- what stops a confirmation ---------------------------------------------------------------


def test_missing_business_details_are_listed_and_the_dialog_fixes_them(qtbot, ctx, open_window):
    contract = _client_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, WEEK48[0], 480)])
    draft = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    window = open_window()
    _open_invoices(qtbot, window)
    _select(window, draft.id)
    panel = _find(window, QWidget, "preflightProblems")
    panel.hide()  # as if the screen had not checked yet: the button checks again

    qtbot.mouseClick(_button(window, "confirmInvoiceButton"), LEFT)
    _until_idle(qtbot, window)

    assert panel.isVisible()
    problems = _find(panel, QLabel, "preflightList").text()
    assert "business details" in problems
    assert ctx.invoices.document(draft.id).state is InvoiceState.DRAFT
    assert "Not confirmed" in _find(window, QLabel, "invoiceMessage").text()
    fix = _button(window, "openBusinessDetailsButton")
    assert fix.isVisible()

    qtbot.mouseClick(fix, LEFT)
    dialog = _dialog(qtbot, window, QDialog, "businessDialog")
    for key in ("name", "address", "postcode", "city", "org_number", "vat_number", "bankgiro"):
        dialog.fields[key].setText(getattr(SOLE_TRADER, key))
    assert dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.fields["bankgiro"], Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert ctx.business.get().name == SOLE_TRADER.name
    assert not panel.isVisible()  # checked again with the new details
    reactivate(qtbot, window)
    qtbot.mouseClick(_button(window, "confirmInvoiceButton"), LEFT)
    _until_idle(qtbot, window)
    assert _selected_row(window)[0] == "2026-0001"


def test_every_problem_is_named_with_what_to_do(qtbot, ctx, open_window):
    contract = _ready_for_invoicing(ctx)
    ctx.timesheet.apply([CellChange(contract.id, WEEK48[0], 480)])
    draft = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    ctx.timesheet.apply([CellChange(contract.id, WEEK48[1], 60)])  # the grid changes after the draft
    with_vat_problem = SOLE_TRADER.__class__(**{**SOLE_TRADER.__dict__, "vat_number": ""})
    ctx.business.save(with_vat_problem)
    window = open_window()
    _open_invoices(qtbot, window)
    _select(window, draft.id)

    qtbot.mouseClick(_button(window, "confirmInvoiceButton"), LEFT)
    _until_idle(qtbot, window)
    text = _find(window, QLabel, "preflightList").text()
    assert "Your VAT number is missing — fix it in Business details" in text
    assert "refresh the draft — Click Refresh draft" in text
    assert _button(window, "openBusinessDetailsButton").isVisible()
    refresh = _button(window, "preflightRefreshButton")
    assert refresh.isVisible()

    qtbot.mouseClick(refresh, LEFT)
    assert len(window.invoices.controller.document.lines) == 2
    text = _find(window, QLabel, "preflightList").text()
    assert "refresh" not in text
    assert not _button(window, "preflightRefreshButton").isVisible()


# --- the list: filters, totals, empty state -------------------------------------------------


def _three_invoices(ctx):
    """Invoice 1 (Backend, week 47, SEK), invoice 2 (Data, November, EUR), a draft (Backend, week 48)."""
    backend = _ready_for_invoicing(ctx)
    data = _client_contract(ctx, "Data platform", currency="EUR", rate=Decimal("110"))
    ctx.timesheet.apply(
        [
            CellChange(backend.id, date(2026, 11, 16), 480),
            CellChange(data.id, date(2026, 11, 17), 300),
            CellChange(backend.id, WEEK48[0], 240),
        ]
    )
    first = ctx.confirmation.confirm(ctx.drafts.create(backend.id, date(2026, 11, 16), date(2026, 11, 22)).id)
    second = ctx.confirmation.confirm(ctx.drafts.create(data.id, date(2026, 11, 1), date(2026, 11, 30)).id)
    draft = ctx.drafts.create(backend.id, WEEK48[0], WEEK48[6])
    return backend, data, first, second, draft


def test_filters_by_state_contract_and_period(qtbot, ctx, open_window):
    backend, data, _first, _second, _draft = _three_invoices(ctx)
    window = open_window()
    _open_invoices(qtbot, window)
    screen = window.invoices
    assert len(_rows(window)) == 3

    screen.state_filter.setCurrentIndex(screen.state_filter.findData(InvoiceState.DRAFT.value))
    assert [r[0] for r in _rows(window)] == ["Draft"]
    screen.state_filter.setCurrentIndex(screen.state_filter.findData(InvoiceState.CONFIRMED.value))
    assert sorted(r[0] for r in _rows(window)) == ["2026-0001", "2026-0002"]
    screen.state_filter.setCurrentIndex(0)

    screen.contract_filter.setCurrentIndex(screen.contract_filter.findData(data.id))
    assert [r[2] for r in _rows(window)] == ["Data platform"]
    screen.contract_filter.setCurrentIndex(screen.contract_filter.findData(backend.id))
    assert sorted(r[0] for r in _rows(window)) == ["2026-0001", "Draft"]
    screen.contract_filter.setCurrentIndex(0)

    period = _find(window, QLineEdit, "invoicePeriodFilter")
    error = _find(window, QLabel, "invoicePeriodError")
    period.setFocus()
    qtbot.keyClicks(period, "2026-W48")
    assert sorted(r[0] for r in _rows(window)) == ["2026-0002", "Draft"]  # November overlaps week 48
    period.clear()
    qtbot.keyClicks(period, "2026-11-16..2026-11-22")
    assert sorted(r[0] for r in _rows(window)) == ["2026-0001", "2026-0002"]
    period.clear()
    qtbot.keyClicks(period, "2026-13")
    qtbot.keyClick(period, Qt.Key.Key_Return)
    assert error.isVisible()
    assert "there is no month 13" in error.text()
    period.clear()
    assert not error.isVisible()
    assert len(_rows(window)) == 3

    qtbot.keyClicks(period, "2025-01")
    empty = _find(window, QLabel, "invoicesEmptyState")
    assert empty.isVisible()
    assert "No invoices match these filters" in empty.text()
    assert not screen.table.isVisible()


def test_the_empty_state_says_how_to_make_the_first_invoice(qtbot, ctx, open_window):
    make_contract(ctx)
    window = open_window()
    _open_invoices(qtbot, window)
    empty = _find(window, QLabel, "invoicesEmptyState")
    assert empty.isVisible()
    assert "Ctrl+I" in empty.text()
    assert "New draft" in empty.text()
    assert not _find(window, QLabel, "invoiceTotals").isVisible()


def test_totals_per_currency_subtract_credit_notes_and_leave_drafts_out(qtbot, ctx, open_window):
    backend, _data, first, _second, _draft = _three_invoices(ctx)
    ctx.timesheet.apply([CellChange(backend.id, date(2026, 11, 9), 120)])
    third = ctx.confirmation.confirm(ctx.drafts.create(backend.id, date(2026, 11, 9), date(2026, 11, 15)).id)
    ctx.confirmation.credit(first.id)
    window = open_window()
    _open_invoices(qtbot, window)
    totals = _find(window, QLabel, "invoiceTotals").text()
    # 8 h (credited: 9 500 − 9 500) + 2 h (2 375) SEK; 5 h × 110 EUR + VAT = 687,50.
    assert third.totals.total == Decimal("2375.00")
    assert f"EUR{NBSP}687.50" in totals
    assert f"SEK{NBSP}2,375.00" in totals
    assert "drafts not counted" in totals
    rows = {r[0]: r for r in _rows(window)}
    assert rows["2026-0004"][1] == "Credit note"
    assert rows["2026-0004"][TOTAL] == f"-SEK{NBSP}9,500.00"
    assert rows["2026-0001"][1] == "Credited"


# --- credit notes and later states ------------------------------------------------------------


def test_a_credit_note_after_a_confirmation_dialog_unlocks_the_time(qtbot, ctx, open_window):
    backend, _data, first, _second, _draft = _three_invoices(ctx)
    window = open_window()
    _open_invoices(qtbot, window)
    _select(window, first.id)
    credit = _button(window, "creditInvoiceButton")
    assert credit.isVisible()

    qtbot.mouseClick(credit, LEFT)  # Cancel changes nothing
    box = _dialog(qtbot, window, QMessageBox, "creditConfirmDialog")
    assert "Credit invoice 2026-0001?" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), LEFT)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "creditConfirmDialog") is None)
    assert ctx.invoices.document(first.id).state is InvoiceState.CONFIRMED

    reactivate(qtbot, window)
    qtbot.mouseClick(credit, LEFT)
    box = _dialog(qtbot, window, QMessageBox, "creditConfirmDialog")
    qtbot.mouseClick(_find(box, QPushButton, "creditConfirmButton"), LEFT)
    qtbot.waitUntil(lambda: window.invoices.controller.document.kind is InvoiceKind.CREDIT_NOTE)

    note = window.invoices.controller.document
    assert note.number == "2026-0003"
    assert note.credited_number == "2026-0001"
    assert _find(window, QLabel, "invoiceTitle").text() == "Credit note 2026-0003"
    assert _find(window, QLabel, "invoiceStateChip").text() == "Confirmed"
    assert "credits invoice 2026-0001" in _find(window, QLabel, "invoiceSubtitle").text()
    assert any("2026-0003" in p.name for p in ctx.paths.invoice_archive.iterdir())  # its PDF is archived
    assert ctx.invoices.document(first.id).state is InvoiceState.CREDITED
    week = ctx.timesheet.week(IsoWeek(2026, 47))
    [backend_row] = [row for row in week.rows if row.contract.id == backend.id]
    assert not any(cell.locked for cell in backend_row.cells)
    assert not _button(window, "creditInvoiceButton").isVisible()  # a credit note is not credited


def test_mark_sent_then_paid(qtbot, ctx, open_window):
    _backend, _data, first, _second, _draft = _three_invoices(ctx)
    window = open_window()
    _open_invoices(qtbot, window)
    _select(window, first.id)
    sent, paid = _button(window, "markSentButton"), _button(window, "markPaidButton")
    assert sent.isVisible()
    assert paid.isVisible()

    qtbot.mouseClick(sent, LEFT)
    assert ctx.invoices.document(first.id).state is InvoiceState.SENT
    assert _selected_row(window)[1] == "Sent"
    assert not sent.isVisible()
    assert paid.isVisible()
    assert window.invoices.table.hasFocus()  # focus is never lost after an action

    qtbot.mouseClick(paid, LEFT)
    assert ctx.invoices.document(first.id).state is InvoiceState.PAID
    assert _selected_row(window)[1] == "Paid"
    assert not paid.isVisible()
    assert _find(window, QLabel, "invoiceTitle").text() == "Invoice 2026-0001"
    assert _find(window, QLabel, "invoiceStateChip").text() == "Paid"


def test_open_pdf_hands_the_archived_file_to_the_system_viewer(qtbot, ctx, open_window, monkeypatch):
    _backend, _data, first, _second, draft = _three_invoices(ctx)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = open_window()
    _open_invoices(qtbot, window)
    _select(window, draft.id)
    assert not _button(window, "openPdfButton").isVisible()  # a draft has no archived PDF
    _select(window, first.id)
    qtbot.mouseClick(_button(window, "openPdfButton"), LEFT)
    assert opened == [QUrl.fromLocalFile(str(ctx.paths.invoice_archive / "2026-0001 Acme AB.pdf"))]
    assert Path(opened[0].toLocalFile()).exists()


# --- drafts ------------------------------------------------------------------------------------


def test_discard_asks_first_and_leaves_no_number_behind(qtbot, ctx, open_window):
    contract = _ready_for_invoicing(ctx)
    ctx.timesheet.apply([CellChange(contract.id, WEEK48[0], 480)])
    draft = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    window = open_window()
    _open_invoices(qtbot, window)
    _select(window, draft.id)

    qtbot.mouseClick(_button(window, "discardDraftButton"), LEFT)
    box = _dialog(qtbot, window, QMessageBox, "discardConfirmDialog")
    qtbot.mouseClick(_find(box, QPushButton, "discardConfirmButton"), LEFT)
    qtbot.waitUntil(lambda: window.invoices.controller.document is None)

    assert ctx.invoices.list() == []
    assert _rows(window) == []
    assert _find(window, QLabel, "invoicesEmptyState").isVisible()
    assert "Draft discarded" in window.statusBar().currentMessage()
    # The discarded draft took no number: the next invoice is number 1.
    again = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    assert ctx.confirmation.confirm(again.id).number == "2026-0001"


def test_new_draft_dialog_makes_a_weekly_draft_or_says_why_not(qtbot, ctx, open_window):
    contract = _ready_for_invoicing(ctx)
    other = _client_contract(ctx, "Review")
    ctx.timesheet.apply(
        [
            CellChange(contract.id, date(2026, 11, 20), 300, "Kick-off"),
            CellChange(contract.id, WEEK48[0], 480),
        ]
    )
    window = open_window()
    _open_invoices(qtbot, window)
    window.invoices.controller.today = lambda: date(2026, 11, 30)

    qtbot.keyClick(window.invoices.table, Qt.Key.Key_N, CTRL)
    dialog = _dialog(qtbot, window, QDialog, "newDraftDialog")
    dialog.contract.setCurrentIndex(dialog.contract.findData(other.id))
    dialog.uninvoiced.setChecked(True)
    qtbot.mouseClick(dialog.create_button, LEFT)
    error = _find(dialog, QLabel, "draftError")
    assert error.isVisible()
    assert "no time left to invoice" in error.text()
    assert dialog.isVisible()

    dialog.contract.setCurrentIndex(dialog.contract.findData(contract.id))
    dialog.per_week.setChecked(True)
    qtbot.mouseClick(dialog.create_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    doc = window.invoices.controller.document
    assert (doc.period_start, doc.period_end) == (date(2026, 11, 20), date(2026, 11, 30))
    assert [line.raw_minutes for line in doc.lines] == [300, 480]  # one line per ISO week
    assert _selected_row(window)[0] == "Draft"


def test_a_fixed_fee_draft_takes_milestones_in_the_detail_pane(qtbot, ctx, use_settings, open_window):
    use_settings(language="sv")
    contract = _ready_for_invoicing(ctx, "Website", fee_model=FeeModel.FIXED, rate=Decimal(0))
    draft = ctx.drafts.create(contract.id, date(2026, 11, 1), date(2026, 11, 30))
    window = open_window()
    _open_invoices(qtbot, window)
    _select(window, draft.id)
    detail = window.invoices.detail
    add, remove = _button(window, "addLineButton"), _button(window, "removeLineButton")
    assert add.isVisible()
    assert not _button(window, "refreshDraftButton").isVisible()  # nothing to refresh from

    qtbot.mouseClick(add, LEFT)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the new line's description is open for typing
    editor.selectAll()
    qtbot.keyClicks(editor, "Design phase")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits a line edit's text on the next loop turn
    qtbot.waitUntil(lambda: ctx.invoices.document(draft.id).lines[0].description == "Design phase")
    model = detail.lines_model
    assert model.setData(model.index(0, PRICE), "40 000,00")
    qtbot.mouseClick(add, LEFT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert model.setData(model.index(1, QUANTITY), "2")
    assert model.setData(model.index(1, PRICE), "12 500")

    doc = ctx.invoices.document(draft.id)
    assert [(li.description, li.quantity, li.unit, li.amount) for li in doc.lines] == [
        ("Design phase", Decimal(1), Unit.PIECE, Decimal("40000.00")),
        ("Delleverans 2", Decimal(2), Unit.PIECE, Decimal("25000.00")),  # the UI is in Swedish
    ]
    assert doc.billed_to is BilledTo.PLATFORM  # a fixed fee: the platform buys
    breakdown = dict(detail.breakdown.rows())
    assert breakdown["Avtalsvärde (exkl. moms)"] == _sek("65 000,00 kr")
    assert breakdown["Totalt (inkl. moms)"] == _sek("81 250,00 kr")

    assert not model.setData(model.index(1, PRICE), "twelve")
    assert "is not a number" in _find(window, QLabel, "invoiceMessage").text()

    detail.lines.selectRow(0)
    qtbot.mouseClick(remove, LEFT)
    assert [li.description for li in ctx.invoices.document(draft.id).lines] == ["Delleverans 2"]


def test_a_confirmed_invoices_lines_cannot_be_edited(qtbot, ctx, open_window):
    _backend, _data, first, _second, draft = _three_invoices(ctx)
    window = open_window()
    _open_invoices(qtbot, window)
    model = window.invoices.detail.lines_model
    _select(window, draft.id)
    assert model.flags(model.index(0, DESCRIPTION)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, QUANTITY)) & Qt.ItemFlag.ItemIsEditable  # time lines
    _select(window, first.id)
    assert not model.flags(model.index(0, DESCRIPTION)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, DESCRIPTION), "Changed")
    assert "Changed" not in [li.description for li in ctx.invoices.document(first.id).lines]


# --- the models ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_models_pass_qt_model_tester(qtmodeltester, ctx, use_settings, language):
    from coapp.ui.formats import Formats
    from coapp.ui.invoices.formats import InvoiceFormats

    _three_invoices(ctx)
    use_settings(language=language)
    formats = InvoiceFormats(Formats(ctx.settings))
    listing = InvoiceListModel(formats)
    listing.set_summaries(ctx.invoices.list())
    qtmodeltester.check(listing)
    doc = ctx.invoices.document(ctx.invoices.list()[0].id)
    lines = InvoiceLinesModel(formats, lambda new, error: True)
    lines.set_lines(doc.lines, doc.currency, (DESCRIPTION,))
    qtmodeltester.check(lines)
    extra = InvoiceLine("x", Decimal(1), Unit.HOUR, Decimal(1), Decimal(25))
    lines.set_lines((*doc.lines, extra), doc.currency, ())
    qtmodeltester.check(lines)


def test_the_model_tester_on_an_empty_list(qtmodeltester, ctx):
    from coapp.ui.formats import Formats
    from coapp.ui.invoices.formats import InvoiceFormats

    qtmodeltester.check(InvoiceListModel(InvoiceFormats(Formats(ctx.settings))))


def test_money_follows_the_language(ctx, use_settings):
    from coapp.ui.formats import Formats
    from coapp.ui.invoices.formats import InvoiceFormats

    sv = InvoiceFormats(Formats(ctx.settings.with_changes(language="sv")))
    en = InvoiceFormats(Formats(ctx.settings.with_changes(language="en")))
    assert sv.money(Decimal("1234.5"), "SEK") == _sek("1 234,50 kr")
    assert sv.money(Decimal("-1234567.005"), "EUR") == _sek("−1 234 567,01 EUR")
    assert en.money(Decimal("1234.5"), "SEK") == f"SEK{NBSP}1,234.50"
    assert en.money(Decimal("-0.5"), "NOK") == f"-NOK{NBSP}0.50"
    assert sv.quantity(Decimal("7.5000")) == "7,5"
    assert en.quantity(Decimal("0.1167")) == "0.1167"
    assert sv.percent(Decimal("12.5")) == f"12,5{NBSP}%"
    assert sv.parse_decimal("12 500,50") == Decimal("12500.50")
    assert en.parse_decimal("12,500.50") == Decimal("12500.50")
    assert en.parse_decimal("1,500") == Decimal(1500)
    assert sv.parse_decimal("1,5") == Decimal("1.5")
    assert sv.period(date(2026, 11, 1), date(2026, 11, 30)) == "november 2026"
    assert en.period(WEEK48[0], WEEK48[6]) == "Week 48 2026"
    assert sv.period(date(2026, 11, 3), date(2026, 11, 5)) == "2026-11-03 – 2026-11-05"


def test_line_mode_per_day_is_the_default_from_the_grid(qtbot, ctx, open_window):
    contract = _ready_for_invoicing(ctx)
    ctx.timesheet.apply([CellChange(contract.id, d, 60) for d in WEEK48[:3]])
    window = open_window()
    assert window.invoices.create_draft(contract.id, WEEK48[0], WEEK48[6], LineMode.PER_DAY) is None
    assert len(window.invoices.controller.document.lines) == 3


def test_ctrl_return_confirms_only_on_the_invoices_screen(qtbot, ctx, open_window):
    contract = _ready_for_invoicing(ctx)
    ctx.timesheet.apply([CellChange(contract.id, WEEK48[0], 480)])
    draft = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    window = open_window()
    _open_invoices(qtbot, window)
    _select(window, draft.id)

    # On the timesheet, Ctrl+Return must not confirm the invoice selected on the hidden screen.
    qtbot.keyClick(window.invoices.table, Qt.Key.Key_5, CTRL)
    grid = grid_of(window)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Return, CTRL)
    assert ctx.invoices.document(draft.id).state is InvoiceState.DRAFT

    qtbot.keyClick(grid, Qt.Key.Key_6, CTRL)
    assert window.invoices.table.hasFocus()
    qtbot.keyClick(window.invoices.table, Qt.Key.Key_Return, CTRL)
    _until_idle(qtbot, window)
    assert ctx.invoices.document(draft.id).number == "2026-0001"
    assert _selected_row(window)[0] == "2026-0001"


def _list_share(window: MainWindow) -> float:
    """The list's part of the splitter: the window's height may differ by its frame between two
    windows (offscreen restoreGeometry), and QSplitter keeps the parts' proportions."""
    top, bottom = window.invoices.splitter.sizes()
    return top / (top + bottom)


def test_the_splitter_between_list_and_invoice_is_restored(qtbot, ctx, open_window):
    window = open_window()
    window.show_screen(window.invoices_slot)  # built as it is first shown, as a person drags it
    qtbot.wait(20)  # laid out
    default = _list_share(window)
    window.invoices.splitter.setSizes([120, 300])
    share = _list_share(window)
    assert abs(share - default) > 0.05  # the test moves the divider for real
    window.close()
    window = open_window()  # opens on Invoices, the screen it showed last
    qtbot.wait(20)
    assert window.stack.currentWidget() is window.invoices_slot
    assert _list_share(window) == pytest.approx(share, abs=0.01)


def test_a_window_whose_invoices_were_never_shown_keeps_the_splitter_it_had(qtbot, ctx, open_window):
    window = open_window()
    window.show_screen(window.invoices_slot)
    qtbot.wait(20)
    window.invoices.splitter.setSizes([120, 300])
    share = _list_share(window)
    window.show_screen(window.timesheet)  # the next window opens on the timesheet
    window.close()
    window = open_window()  # Invoices is not built in this window: the state saved before stays
    assert window._invoices is None
    window.close()
    window = open_window()
    window.show_screen(window.invoices_slot)
    qtbot.wait(20)
    assert _list_share(window) == pytest.approx(share, abs=0.01)


# --- exports -----------------------------------------------------------------------------------


def test_exports_write_csv_and_the_e_invoice(qtbot, ctx, open_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    _backend, _data, first, _second, draft = _three_invoices(ctx)
    answers: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (answers.pop(0), "") if answers else ("", "")
    )
    window = open_window()
    _open_invoices(qtbot, window)
    exports = window.invoices.exports

    _select(window, draft.id)
    assert not exports.ubl_action.isEnabled()  # a draft has no number, so no e-invoice
    _select(window, first.id)
    assert exports.ubl_action.isEnabled()

    def export(action) -> None:
        """Each export runs in the background with its action off; wait for the answer."""
        action.trigger()
        qtbot.waitUntil(lambda: not exports.running)

    answers[:] = [str(tmp_path / "list.csv"), str(tmp_path / "time.csv"), str(tmp_path / "one.xml")]
    export(exports.list_action)
    export(exports.time_action)
    export(exports.ubl_action)
    assert (tmp_path / "list.csv").read_bytes().decode("utf-8-sig").count("\r\n") == 4  # header + 3
    time_rows = (tmp_path / "time.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert len(time_rows) >= 3
    assert b"<cbc:ID>2026-0001</cbc:ID>" in (tmp_path / "one.xml").read_bytes()

    # A cancelled dialog writes nothing; a folder that cannot be written says why.
    export(exports.list_action)
    answers[:] = [str(tmp_path / "missing" / "deeper" / "x.csv")]
    (tmp_path / "missing").write_text("a file, not a folder")
    export(exports.list_action)
    assert "Not exported" in _find(window, QLabel, "invoiceMessage").text()
