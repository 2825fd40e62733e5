"""Issue 8's UI: the theme, the sidebar, the first run, banners that clear on navigation, one date
format per language, work in the background, and the money on screen (commission VAT, payout)."""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
)

from coapp.domain.invoice_lines import LineMode
from coapp.domain.invoices import InvoiceState
from coapp.services.sheets import CellChange
from coapp.ui.invoices.lines_model import QUANTITY
from tests.conftest import make_contract
from tests.services.invoicing_helpers import SOLE_TRADER, with_client
from tests.ui.helpers import ALT, grid_of, message, reactivate, select, type_into

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "coapp" / "ui"
LEFT = Qt.MouseButton.LeftButton
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
SLASH_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(/\d{2,4})?\b")


def _visible(widget) -> bool:
    return widget is not None and widget.isVisible()


def _hours(ctx, contract, day: date, minutes: int = 480) -> None:
    ctx.timesheet.apply([CellChange(contract.id, day, minutes, "")])


@pytest.fixture(autouse=True)
def pdf_stand_in(monkeypatch) -> None:
    def write(doc, path: Path, logo=None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-stand-in")

    monkeypatch.setattr("coapp.services.invoice_confirm._default_pdf_writer", write)


# --- the theme ---------------------------------------------------------------------------------


def test_no_colour_or_inline_style_outside_the_theme() -> None:
    """Screens name roles; colours live in coapp/ui/theme.py only."""
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "theme.py":
            continue
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            code = line.split(" # ")[0]
            if HEX.search(code) or "setStyleSheet(" in code or 'QColor("' in code:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_theme_preference_switches_light_and_dark_without_a_restart(qtbot, ctx, open_window):
    make_contract(ctx)
    window = open_window()
    app = QApplication.instance()
    light = app.palette().color(QPalette.ColorRole.Window).lightness()

    dialog = window.open_preferences()
    combo = dialog.findChild(QComboBox, "themeCombo")
    combo.setCurrentIndex(combo.findData("dark"))
    dialog.accept()

    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80 < light
    assert window.state.settings.theme == "dark"
    # The grid's shades follow at once (they are blended from the palette).
    model = grid_of(window).model()
    shade = model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole)
    assert shade.lightness() < 100
    window.apply_theme("light")  # leave the app light for the next test


# --- the sidebar -------------------------------------------------------------------------------


def test_the_sidebar_has_icons_labels_shortcuts_and_a_badge_for_drafts(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    _hours(ctx, contract, date(2026, 11, 23))
    window = open_window()
    nav = window.navigation
    # UI.md's order, working screens
    assert nav.texts() == [
        "Dashboard", "My Profile", "Assignments", "Applications",
        "Timesheet", "Invoices", "Contracts", "Insights",
    ]  # fmt: skip
    assert all(not nav.entry(i).icon().isNull() for i in range(nav.count()))
    invoices = nav.texts().index("Invoices")
    assert nav.badge(invoices) == ""

    window.invoices.create_draft(contract.id, date(2026, 11, 23), date(2026, 11, 29), LineMode.PER_DAY)
    assert nav.badge(invoices) == "1"
    assert "1 draft to confirm" in window.invoices.header.status.text()

    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.timesheet
    assert nav.current() == nav.texts().index("Timesheet")
    qtbot.mouseClick(nav.entry(invoices), LEFT)
    assert window.stack.currentWidget() is window.invoices_slot


# --- the first run -----------------------------------------------------------------------------


def test_a_first_run_shows_what_to_do_and_timer_and_draft_are_off(qtbot, ctx, open_window):
    window = open_window()
    screen = window.timesheet
    assert screen.pages.currentWidget() is screen.first_run
    assert screen.first_run.isVisible()
    for widget in (screen.timer_button, screen.draft_button):
        assert not widget.isEnabled()
        assert "Add a contract first" in widget.toolTip()
    assert not screen.timer_action.isEnabled()
    assert not screen.draft_action.isEnabled()


def test_the_first_run_opens_the_sign_in_dialog(qtbot, ctx, open_window):
    window = open_window()
    qtbot.mouseClick(window.timesheet.first_run.sign_in_button, LEFT)
    dialog = window.account.sign_in_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()


def test_a_contract_of_your_own_by_hand_gives_a_grid_to_type_into(qtbot, ctx, open_window):
    window = open_window()
    screen = window.timesheet
    qtbot.mouseClick(screen.first_run.contract_button, LEFT)
    dialog = window.findChild(QDialog, "contractDialog")
    qtbot.waitUntil(dialog.isVisible)
    dialog.findChild(QLineEdit, "contractClient").setText("Kund AB")
    dialog.findChild(QLineEdit, "contractTitle").setText("Own work")
    start = dialog.findChild(QDateEdit, "contractStart")
    start.setDate(start.date().fromString("2026-11-01", "yyyy-MM-dd"))
    dialog.findChild(QLineEdit, "contractRate").setText("abc")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "not a number" in dialog.findChild(QLabel, "contractError").text()  # said, nothing saved
    assert ctx.contracts.all() == []

    dialog.findChild(QLineEdit, "contractRate").setText("1000")
    assert "25" in dialog.findChild(QLabel, "contractVat").text()  # a Swedish client: Swedish VAT
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [contract] = ctx.contracts.all()
    assert (contract.title, contract.client_name, contract.commission_percent) == ("Own work", "Kund AB", 0)
    screen.show_date(date(2026, 11, 25))
    assert screen.pages.currentWidget() is screen.week_page
    assert screen.timer_button.isEnabled()
    assert screen.draft_button.isEnabled()
    grid = grid_of(window)
    type_into(qtbot, grid, 0, 0, "7,5")
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 450


def test_demo_data_fills_an_empty_folder_from_the_first_run(qtbot, ctx, open_window):
    from coapp.services.invoice_confirm import InvoiceConfirmation
    from coapp.services.invoice_series import LocalSeries

    # The demo confirms two years of monthly invoices: their PDFs are the invoice tests' business.
    archive = ctx.paths.invoice_archive
    ctx.confirmation = InvoiceConfirmation(ctx.store, LocalSeries(), archive, lambda *_: None)
    window = open_window(day=None)
    screen = window.timesheet
    qtbot.mouseClick(screen.first_run.demo_button, LEFT)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.week_page, timeout=20000)
    assert len(ctx.contracts.all()) == 7  # the three current contracts and four that have ended
    said = re.fullmatch(
        r"Demo data added: 7 contracts, two years of time, (\d+) invoices and "
        r"(1 draft|(?!1 )\d+ drafts) to confirm\.",
        message(window),
    )
    assert said is not None, message(window)
    assert int(said[1]) > 40  # a month's invoices for two years


def test_empty_days_and_empty_totals_are_blank_not_zero(qtbot, ctx, open_window):
    make_contract(ctx)
    window = open_window()
    grid = grid_of(window)
    model = grid.model()
    texts = [str(model.index(r, c).data() or "") for r in range(model.rowCount()) for c in range(8)]
    assert texts[:-1] == [""] * (len(texts) - 1)
    assert texts[-1] == "0"  # the week's own total still says it


# --- banners -----------------------------------------------------------------------------------


def test_an_error_under_the_grid_goes_when_the_week_or_the_screen_changes(qtbot, ctx, open_window):
    make_contract(ctx)
    window = open_window()
    grid = grid_of(window)
    type_into(qtbot, grid, 0, 0, "abc")
    assert message(window)
    banner = window.timesheet.banner
    assert banner.isVisible()
    assert banner.is_error()

    qtbot.keyClick(grid, Qt.Key.Key_Right, ALT)  # next week
    assert message(window) == ""
    assert not banner.isVisible()

    type_into(qtbot, grid, 0, 0, "-3")
    assert banner.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert message(window) == ""


# --- dates -------------------------------------------------------------------------------------


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a QListWidget's model keeps columnCount private: one column
        return 1


def _texts_of(widget) -> list[str]:
    texts = []
    for child in widget.findChildren(QLabel):
        texts.append(child.text())
    for child in widget.findChildren(QAbstractButton):
        texts.append(child.text())
        texts.append(child.toolTip())
    for child in widget.findChildren(QDateEdit):
        texts.append(child.text())
    for view in widget.findChildren(QAbstractItemView):
        model: QAbstractItemModel = view.model()
        if model is None or isinstance(view.parent(), QCalendarWidget):
            continue
        for r in range(model.rowCount(QModelIndex())):
            texts.append(str(model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) or ""))
            for c in range(_columns(model)):
                texts.append(str(model.index(r, c).data() or ""))
                texts.append(str(model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) or ""))
        for c in range(_columns(model)):
            texts.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
    return texts


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_screen_shows_a_slash_date_and_the_picker_shows_week_numbers(
    qtbot, ctx, use_settings, open_window, language
):
    ctx.business.save(SOLE_TRADER)
    contract = make_contract(ctx)
    with_client(ctx, contract)
    for day in range(23, 28):
        _hours(ctx, contract, date(2026, 11, day))
    use_settings(language=language)
    window = open_window()
    draft = ctx.drafts.create(contract.id, date(2026, 11, 23), date(2026, 11, 29), LineMode.PER_DAY)
    ctx.confirmation.confirm(draft.id, date(2026, 12, 4))
    window.invoices.reload()
    window.show_screen(window.invoices)
    window.invoices.controller.select(draft.id)

    found = [t for t in _texts_of(window) if SLASH_DATE.search(t)]
    assert found == []
    expected = "2026-12-04" if language == "sv" else "4 Dec 2026"
    assert any(expected in t for t in _texts_of(window.invoices))  # the issue date, one format
    picker = window.timesheet.date_picker
    assert (
        picker.calendarWidget().verticalHeaderFormat() is QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers
    )
    assert picker.calendarWidget().firstDayOfWeek() is Qt.DayOfWeek.Monday


# --- background work ---------------------------------------------------------------------------


def test_confirming_runs_in_the_background_and_a_double_click_confirms_once(
    qtbot, ctx, open_window, monkeypatch
):
    ctx.business.save(SOLE_TRADER)
    contract = make_contract(ctx)
    with_client(ctx, contract)
    _hours(ctx, contract, date(2026, 11, 23))
    draft = ctx.drafts.create(contract.id, date(2026, 11, 23), date(2026, 11, 29), LineMode.PER_DAY)
    window = open_window()
    window.show_screen(window.invoices)
    window.invoices.controller.select(draft.id)

    release = threading.Event()
    calls: list[str] = []
    real = window.ctx.confirmation.confirm

    def slow_confirm(invoice_id, today=None):
        calls.append(invoice_id)
        assert release.wait(10)
        return real(invoice_id, today)

    monkeypatch.setattr(window.ctx.confirmation, "confirm", slow_confirm)
    button = window.findChild(QPushButton, "confirmInvoiceButton")
    qtbot.mouseClick(button, LEFT)
    qtbot.mouseClick(button, LEFT)  # the double click's second press
    window.invoices.detail.confirm_action.trigger()  # and Ctrl+Return while it runs

    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: ticked == [True])  # the event loop runs while the confirmation waits
    assert window.busy.isVisible()
    assert not button.isEnabled()
    assert button.text() == "Confirming…"
    assert not window.invoices.detail.confirm_action.isEnabled()

    release.set()
    qtbot.waitUntil(lambda: not window.invoices.controller.busy)
    assert calls == [draft.id]
    assert ctx.invoices.document(draft.id).state is InvoiceState.CONFIRMED
    qtbot.waitUntil(lambda: not window.busy.isVisible())
    assert "confirmed" in window.invoices.detail.banner.text()


# --- money on screen ---------------------------------------------------------------------------


def test_the_breakdown_shows_the_commissions_vat_and_the_payout_and_lines_their_day(qtbot, ctx, open_window):
    ctx.business.save(SOLE_TRADER)
    contract = make_contract(ctx)  # 950 an hour, 12.5 % commission
    with_client(ctx, contract)
    _hours(ctx, contract, date(2026, 11, 23))
    draft = ctx.drafts.create(contract.id, date(2026, 11, 23), date(2026, 11, 29), LineMode.PER_DAY)
    window = open_window()
    window.show_screen(window.invoices)
    window.invoices.controller.select(draft.id)
    rows = dict(window.invoices.detail.breakdown.rows())
    # 8 h x 950 = 7,600.00; commission 950.00; its VAT 25 % = 237.50; total 9,500.00; payout 8,312.50
    assert rows["VAT on the commission (25%)"] == "-SEK\u00a0237.50"
    assert rows["Paid to you (total − commission − its VAT)"] == "SEK\u00a08,312.50"
    lines = window.invoices.detail.lines_model
    assert lines.headerData(0, Qt.Orientation.Horizontal) == "Date"
    assert lines.index(0, 0).data() == "23 Nov 2026"
    # Hours billed by the hour: the quantity would repeat the billed column, so it makes room.
    assert window.invoices.detail.lines.isColumnHidden(QUANTITY)


def test_business_details_take_the_invoice_number_format(qtbot, ctx, open_window):
    window = open_window()
    dialog = window.open_business_details()
    field = dialog.findChild(QLineEdit, "businessNumberFormat")
    assert field.text() == "{year}-{seq:04d}"
    example = dialog.findChild(QLabel, "businessNumberExample")
    assert f"{date.today().year}-0001" in example.text()
    field.setText("F{seq}")
    assert "F1" in example.text()
    dialog.reject()


def test_a_second_draft_over_drafted_days_is_asked_about_first(qtbot, ctx, open_window):
    contract = make_contract(ctx)
    _hours(ctx, contract, date(2026, 11, 23))
    first = ctx.drafts.create(contract.id, date(2026, 11, 23), date(2026, 11, 29), LineMode.PER_DAY)
    window = open_window()
    select(grid_of(window), 0, 0)
    qtbot.keyClick(grid_of(window), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # Ctrl+I: same week

    qtbot.waitUntil(lambda: _visible(window.invoices.findChild(QDialog, "duplicateDraftDialog")))
    box = window.invoices.findChild(QDialog, "duplicateDraftDialog")
    assert "already bills 1 of these days" in box.text()
    assert len(ctx.invoices.list(state=InvoiceState.DRAFT)) == 1  # nothing made before the answer
    qtbot.mouseClick(box.findChild(QPushButton, "showExistingDraftButton"), LEFT)
    qtbot.waitUntil(lambda: window.invoices.findChild(QDialog, "duplicateDraftDialog") is None)
    qtbot.waitUntil(lambda: window.invoices.controller.document is not None)
    assert window.invoices.controller.document.id == first.id
    assert len(ctx.invoices.list(state=InvoiceState.DRAFT)) == 1

    reactivate(qtbot, window)
    window.show_screen(window.timesheet)
    grid_of(window).setFocus()
    select(grid_of(window), 0, 0)
    qtbot.keyClick(grid_of(window), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _visible(window.invoices.findChild(QDialog, "duplicateDraftDialog")))
    box = window.invoices.findChild(QDialog, "duplicateDraftDialog")
    qtbot.mouseClick(box.findChild(QPushButton, "draftAnywayButton"), LEFT)
    qtbot.waitUntil(lambda: len(ctx.invoices.list(state=InvoiceState.DRAFT)) == 2)


def test_a_stale_draft_says_which_invoice_took_its_days(qtbot, ctx, open_window):
    ctx.business.save(SOLE_TRADER)
    contract = make_contract(ctx)
    with_client(ctx, contract)
    _hours(ctx, contract, date(2026, 11, 23))
    week = (date(2026, 11, 23), date(2026, 11, 29))
    stale = ctx.drafts.create(contract.id, *week, LineMode.PER_DAY)
    other = ctx.drafts.create(contract.id, *week, LineMode.PER_DAY, force=True)
    number = ctx.confirmation.confirm(other.id, date(2026, 12, 4)).number
    window = open_window()
    window.show_screen(window.invoices)
    window.invoices.controller.select(stale.id)
    panel = window.invoices.detail.preflight
    assert panel.isVisible()
    text = panel.list_label.text()
    assert f"invoiced meanwhile: 23 Nov 2026 – 23 Nov 2026 in {number}" in text  # the English date style
    assert "Refresh draft" in text  # and what to do about it


def test_high_contrast_takes_full_black_and_white() -> None:
    from coapp.ui.theme import DARK, LIGHT, high_contrast

    light, dark = high_contrast(LIGHT, dark=False), high_contrast(DARK, dark=True)
    assert (light.text, light.surface, light.muted) == ("#000000", "#ffffff", "#000000")
    assert (dark.text, dark.surface) == ("#ffffff", "#000000")


def test_the_contract_dialog_tabs_in_reading_order(qtbot, ctx, open_window):
    window = open_window()
    dialog = window.timesheet.add_contract()
    qtbot.waitUntil(dialog.isVisible)
    names = []
    widget = dialog.client
    for _ in range(6):
        names.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.objectName().startswith(
            "contract"
        ):
            widget = widget.nextInFocusChain()
    assert names == [
        "contractClient", "contractTitle", "contractStart", "contractEnd",
        "contractOpenEnded", "contractRate",
    ]  # fmt: skip
    dialog.reject()


def test_up_and_down_move_between_screens_in_the_sidebar(qtbot, ctx, open_window):
    window = open_window()
    nav = window.navigation
    timesheet = nav.texts().index("Timesheet")
    nav.entry(timesheet).setFocus()
    qtbot.keyClick(nav.entry(timesheet), Qt.Key.Key_Down)
    assert window.stack.currentWidget() is window.invoices_slot
    assert nav.entry(timesheet + 1).hasFocus()
    qtbot.keyClick(nav.entry(timesheet + 1), Qt.Key.Key_Up)
    assert window.stack.currentWidget() is window.timesheet


def test_invoice_numbers_sort_by_their_digits_in_any_series_format() -> None:
    from types import SimpleNamespace

    from coapp.ui.invoices.list_model import NUMBER, InvoiceListModel

    def key(number):
        return InvoiceListModel._sort_key(SimpleNamespace(number=number), NUMBER)

    numbers = ["2026-0010", None, "2026-0002", "2025-0099", "F10", "F9"]
    assert sorted(numbers, key=key) == ["2025-0099", "2026-0002", "2026-0010", "F9", "F10", None]


def test_the_window_opens_on_the_dashboard_then_on_the_screen_it_was_closed_on(qtbot, ctx, open_window):
    window = open_window(None, screen=None)
    assert window.stack.currentWidget() is window.dashboard  # first run: the whole journey at a glance
    assert window.navigation.current() == window.navigation.texts().index("Dashboard")
    window.show_screen(window.invoices)
    window.close()
    again = open_window(None, screen=None)
    assert again.stack.currentWidget() is again.invoices_slot  # remembered by name, not by position
    again.close()
