"""A contract of your own, for work outside the platform: the client, the work, its period, the
hourly rate and currency, and where the client is (which decides the VAT). No commission: the
platform takes none on work it did not bring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import ValidationError
from coapp.ui.error_text import translated
from coapp.ui.formats import Formats
from coapp.ui.invoices.formats import InvoiceFormats
from coapp.ui.theme import set_role
from coapp.ui.toolkit import date_edit

CURRENCIES = ("SEK", "NOK", "DKK", "EUR")
COUNTRIES = ("SE", "NO", "DK", "FI", "DE", "NL", "GB", "US")


@dataclass(frozen=True)
class ContractDraft:
    client_name: str
    title: str
    start_date: date
    end_date: date | None
    rate: Decimal
    currency: str
    address: str
    postcode: str
    city: str
    country: str
    vat_number: str


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ContractDialog(QDialog):
    saveRequested = Signal(object)  # ContractDraft; the screen saves it, then accepts or shows why not

    def __init__(self, formats: Formats, seller_country: str, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("contractDialog")
        self.setWindowTitle(self.tr("Add a contract of your own"))
        self._money = InvoiceFormats(formats)
        self._seller = seller_country
        self._today = today
        self.client = QLineEdit(objectName="contractClient")
        self.client.setPlaceholderText(self.tr("The company you work for"))
        self.title = QLineEdit(objectName="contractTitle")
        self.title.setPlaceholderText(self.tr("What you do, e.g. Backend development"))
        start = QDate(today.year, today.month, 1)
        self.start = date_edit(self, "contractStart", formats.date_format, start)
        self.end = date_edit(self, "contractEnd", formats.date_format, start.addMonths(6).addDays(-1))
        self.open_ended = QCheckBox(self.tr("Until further notice"), objectName="contractOpenEnded")
        self.open_ended.setToolTip(self.tr("The contract has no end date yet"))
        self.start.setToolTip(self.tr("The first day of the contract"))
        self.end.setToolTip(self.tr("The last day of the contract"))
        self.open_ended.toggled.connect(lambda on: self.end.setEnabled(not on))
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        period.addWidget(self.open_ended)
        period.addStretch(1)
        self.rate = QLineEdit(objectName="contractRate")
        self.rate.setPlaceholderText(self._money.amount(Decimal(950)))
        self.currency = QComboBox(objectName="contractCurrency")
        self.currency.addItems(list(CURRENCIES))
        self.currency.setToolTip(self.tr("The currency of the rate and the invoices"))
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate, 1)
        rate_row.addWidget(self.currency)
        self.address = QLineEdit(objectName="contractAddress")
        self.address.setPlaceholderText(self.tr("The client's street and number"))
        self.postcode = QLineEdit(objectName="contractPostcode")
        self.postcode.setPlaceholderText(self.tr("Postcode"))
        self.city = QLineEdit(objectName="contractCity")
        self.city.setPlaceholderText(self.tr("City"))
        place = QHBoxLayout()
        place.addWidget(self.postcode)
        place.addWidget(self.city, 2)
        self.country = QComboBox(objectName="contractCountry")
        self.country.setToolTip(self.tr("Where the client is: it decides the invoice's VAT"))
        for code in COUNTRIES:
            self.country.addItem(code, code)
        self.vat_number = QLineEdit(objectName="contractVatNumber")
        self.vat_number.setPlaceholderText(self.tr("For a business client in another EU country"))
        self.vat_text = QLabel(objectName="contractVat")
        self.vat_text.setWordWrap(True)
        set_role(self.vat_text, "hint")
        self.error = QLabel(objectName="contractError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()

        form = QFormLayout()
        for _text, widget, name in (
            (self.tr("C&lient"), self.client, self.tr("Client")),
            (self.tr("&Work"), self.title, self.tr("Work")),
            (self.tr("Hourly &rate"), self.rate, self.tr("Hourly rate")),
            (self.tr("&Address"), self.address, self.tr("Client's address")),
            (self.tr("Client's c&ountry"), self.country, self.tr("Client's country")),
            (self.tr("Client's &VAT number"), self.vat_number, self.tr("Client's VAT number")),
        ):
            widget.setAccessibleName(name)
        self.start.setAccessibleName(self.tr("First day"))
        self.end.setAccessibleName(self.tr("Last day"))
        self.currency.setAccessibleName(self.tr("Currency"))
        self.postcode.setAccessibleName(self.tr("Postcode"))
        self.city.setAccessibleName(self.tr("City"))
        form.addRow(self.tr("C&lient"), self.client)
        form.addRow(self.tr("&Work"), self.title)
        form.addRow(self.tr("Period"), period)
        rate_label = QLabel(self.tr("Hourly &rate"))
        rate_label.setBuddy(self.rate)  # a row of two widgets: the mnemonic needs its buddy named
        form.addRow(rate_label, rate_row)
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("Postcode, city"), place)
        form.addRow(self.tr("Client's c&ountry"), self.country)
        form.addRow(self.tr("Client's &VAT number"), self.vat_number)
        form.addRow(self.tr("VAT"), self.vat_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("Add contract"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveContractButton")
        self.save_button.setToolTip(self.tr("Add the contract; its row appears in the timesheet"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(self.tr("Close without adding"))
        self.save_button.setDefault(True)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        order = [
            self.client, self.title, self.start, self.end, self.open_ended, self.rate, self.currency,
            self.address, self.postcode, self.city, self.country, self.vat_number, self.save_button,
        ]  # fmt: skip
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)  # reading order (the date fields were made first)
        self.country.currentIndexChanged.connect(self._show_vat)
        self.vat_number.textChanged.connect(self._show_vat)
        self._show_vat()
        self.client.setFocus()

    def _show_vat(self) -> None:
        """The VAT this client's invoices carry: the seller's rate at home, reverse charge to a
        business in another EU country, none on services sold outside the EU."""
        from coapp.domain.vat import standard_rate, vat_treatment

        buyer = self.country.currentData()
        treatment = vat_treatment(self._seller, buyer, bool(self.vat_number.text().strip()))
        if treatment == "reverse_charge":
            text = self.tr("Reverse charge: the client accounts for the VAT")
        elif treatment == "export":
            text = self.tr("No VAT: services sold outside the EU")
        else:
            rate = self._money.percent(standard_rate(self._seller, self._today))
            text = self.tr("VAT {rate} is added to the invoice").format(rate=rate)
        self.vat_text.setText(text)

    def draft(self) -> ContractDraft:
        """What was typed, checked as far as the form can; the service checks the rest."""
        text = self.rate.text().strip()
        if not text:
            raise ValidationError(self.tr("Type the hourly rate."))
        rate = self._money.parse_decimal(text)
        return ContractDraft(
            client_name=self.client.text().strip(),
            title=self.title.text().strip(),
            start_date=_day(self.start.date()),
            end_date=None if self.open_ended.isChecked() else _day(self.end.date()),
            rate=rate,
            currency=self.currency.currentText(),
            address=self.address.text().strip(),
            postcode=self.postcode.text().strip(),
            city=self.city.text().strip(),
            country=self.country.currentData(),
            vat_number=self.vat_number.text().strip(),
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text[:1].upper() + text[1:])
        self.error.setVisible(bool(text))

    def _save(self) -> None:
        try:
            draft = self.draft()
        except ValidationError as exc:
            self.show_error(translated(exc))  # show_error capitalises
            return
        self.show_error("")
        self.saveRequested.emit(draft)
