"""The business details dialog: every field labelled, identifiers checked as they are typed with
the reason under the field, what invoicing still lacks, and the keyboard (Tab, Enter, Escape)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QWidget

from coapp.services.business import BusinessInfo
from coapp.ui.business_dialog import BusinessDialog
from coapp.ui.main_window import MainWindow
from tests.services.invoicing_helpers import SOLE_TRADER
from tests.ui.helpers import reactivate


def _open(qtbot, window: MainWindow) -> BusinessDialog:
    """Edit ▸ Business details…, as the menu does it."""
    action = window.findChild(QAction, "businessDetailsAction")
    assert action is not None
    assert action.text() == "&Business details…"
    action.trigger()
    dialog = window.findChild(BusinessDialog, "businessDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isActiveWindow())
    return dialog


def _type(qtbot, dialog: BusinessDialog, key: str, text: str) -> None:
    edit = dialog.fields[key]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)  # QTest types ASCII keys only; insert() is what an input method does


def _error(dialog: BusinessDialog, key: str) -> QLabel:
    label = dialog.errors[key]
    assert label.objectName() == dialog.fields[key].objectName() + "Error"
    return label


def test_an_invalid_org_number_shows_its_reason_and_disables_save(qtbot, ctx, open_window):
    window = open_window()
    dialog = _open(qtbot, window)
    save = dialog.save_button
    assert save.isEnabled()  # nothing typed is nothing invalid

    _type(qtbot, dialog, "org_number", "556036-0792")  # wrong check digit
    error = _error(dialog, "org_number")
    assert error.isVisible()
    assert "check digit" in error.text()
    assert "check digit" in dialog.fields["org_number"].accessibleDescription()
    assert not save.isEnabled()

    _type(qtbot, dialog, "org_number", "556036-0793")
    assert not error.isVisible()
    assert save.isEnabled()

    _type(qtbot, dialog, "vat_number", "SE5560360793")  # the 01 is missing
    assert _error(dialog, "vat_number").isVisible()
    assert not save.isEnabled()
    _type(qtbot, dialog, "vat_number", "SE556036079301")
    assert save.isEnabled()


@pytest.mark.parametrize(
    ("key", "bad", "good"),
    [
        ("bankgiro", "5050-1056", "5050-1055"),
        ("plusgiro", "90 20 01-8", "90 20 01-7"),
        ("iban", "SE45 5000 0000 0583 9825 7467", "SE45 5000 0000 0583 9825 7466"),
        ("bic", "ESSE", "ESSESESS"),
    ],
)
def test_payment_identifiers_are_checked_as_typed(qtbot, ctx, open_window, key, bad, good):
    dialog = _open(qtbot, open_window())
    _type(qtbot, dialog, key, bad)
    assert _error(dialog, key).isVisible()
    assert _error(dialog, key).text()
    assert not dialog.save_button.isEnabled()
    _type(qtbot, dialog, key, good)
    assert not _error(dialog, key).isVisible()
    assert dialog.save_button.isEnabled()


def test_what_invoicing_still_lacks_is_listed(qtbot, ctx, open_window):
    dialog = _open(qtbot, open_window())
    missing = dialog.findChild(QLabel, "businessMissing")
    assert missing.isVisible()
    for text in ("Your name is missing", "Your VAT number is missing", "A bankgiro, plusgiro or IBAN"):
        assert text in missing.text()
    for key in ("name", "address", "postcode", "city", "org_number", "vat_number", "bankgiro"):
        _type(qtbot, dialog, key, getattr(SOLE_TRADER, key))
    assert missing.text() == "Everything an invoice needs is filled in."

    dialog.fields["company_form"].setCurrentIndex(dialog.fields["company_form"].findData("limited"))
    assert dialog.fields["registered_office"].isEnabled()
    assert "registered office" in missing.text()
    _type(qtbot, dialog, "registered_office", "Stockholm")
    assert missing.text() == "Everything an invoice needs is filled in."


def test_enter_saves_every_field_and_the_dialog_shows_them_next_time(qtbot, ctx, open_window, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG")
    window = open_window()
    dialog = _open(qtbot, window)
    for key in ("name", "address", "postcode", "city", "org_number", "vat_number", "bankgiro", "email"):
        _type(qtbot, dialog, key, getattr(SOLE_TRADER, key) or "asa@example.com")
    dialog.fields["payment_terms_days"].setValue(20)
    dialog.fields["invoice_language"].setCurrentIndex(dialog.fields["invoice_language"].findData("en"))
    dialog.fields["f_skatt"].setChecked(True)
    chosen = []

    def pick(*args, **kwargs):
        chosen.append(args)
        return str(logo), "Images (*.png *.jpg *.jpeg)"

    original = QFileDialog.getOpenFileName
    QFileDialog.getOpenFileName = staticmethod(pick)  # type: ignore[method-assign]
    try:
        qtbot.mouseClick(dialog.logo_button, Qt.MouseButton.LeftButton)
    finally:
        QFileDialog.getOpenFileName = original  # type: ignore[method-assign]
    assert chosen
    assert dialog.fields["logo_path"].text() == str(logo)

    qtbot.keyClick(dialog.fields["city"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    saved = ctx.business.get()
    assert saved.name == SOLE_TRADER.name
    assert saved.org_number  # stored as the service keeps it
    assert saved.payment_terms_days == 20
    assert saved.invoice_language == "en"
    assert saved.f_skatt
    assert saved.logo_path == str(logo)
    assert saved.email == "asa@example.com"

    reactivate(qtbot, window)
    again = _open(qtbot, window)
    assert again.info() == saved


def test_escape_cancels(qtbot, ctx, open_window):
    ctx.business.save(SOLE_TRADER)
    window = open_window()
    dialog = _open(qtbot, window)
    _type(qtbot, dialog, "name", "Someone Else")
    qtbot.keyClick(dialog.fields["name"], Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ctx.business.get().name == SOLE_TRADER.name


def test_enter_does_not_save_while_a_field_is_invalid(qtbot, ctx, open_window):
    dialog = _open(qtbot, open_window())
    _type(qtbot, dialog, "iban", "SE00 1234")
    qtbot.keyClick(dialog.fields["iban"], Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert ctx.business.get() == BusinessInfo()


def test_tab_follows_reading_order_and_every_field_is_labelled(qtbot, ctx, open_window):
    dialog = _open(qtbot, open_window())
    order = dialog.tab_order
    order[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is order[0])
    visited = [QApplication.focusWidget()]
    for _ in range(len(order) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    enabled = [w for w in order if w.isEnabled()]  # a sole trader's registered office is skipped
    assert [w.objectName() for w in visited[: len(enabled)]] == [w.objectName() for w in enabled]
    # Reading order: the "You" column, the address under it, then payment and invoices.
    names = [w.objectName() for w in enabled]
    assert names.index("businessName") < names.index("businessAddress") < names.index("businessBankgiro")
    for key, widget in dialog.fields.items():
        caption = dialog.captions[key]
        assert caption.buddy() is widget, key
        assert widget.accessibleName(), key


def test_the_country_decides_the_checks_and_the_f_skatt_box(qtbot, ctx, open_window):
    dialog = _open(qtbot, open_window())
    country = dialog.fields["country"]
    country.setCurrentIndex(country.findData("NO"))
    assert not dialog.fields["f_skatt"].isEnabled()
    assert dialog.captions["org_number"].text().replace("&", "") == "Organisasjonsnummer"
    _type(qtbot, dialog, "org_number", "923 609 016")
    assert not _error(dialog, "org_number").isVisible()
    _type(qtbot, dialog, "vat_number", "NO923609016MVA")
    assert dialog.save_button.isEnabled()
    country.setCurrentIndex(country.findData("SE"))  # the same numbers are not Swedish ones
    assert _error(dialog, "org_number").isVisible()
    assert not dialog.save_button.isEnabled()
    assert dialog.fields["f_skatt"].isEnabled()


def test_opening_the_dialog_keeps_the_start_path_light(qtbot, ctx, open_window):
    """The dialog module (python-stdnum through the service) loads when the dialog opens."""
    window = open_window()
    assert isinstance(window.findChild(QWidget, "invoicesTab"), QWidget)
    assert window.findChild(BusinessDialog) is None
