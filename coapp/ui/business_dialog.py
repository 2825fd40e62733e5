"""Business details: the freelancer's invoicing identity, validated field by field as it is typed.

Opened from Edit ▸ Business details… and from the invoices screen when the pre-flight check finds
details missing. Imported only when opened: it needs the business service (and python-stdnum).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import CoappError, Sentence
from coapp.services.business import BusinessInfo, field_problems, missing_for_invoicing
from coapp.ui.error_text import error_text
from coapp.ui.theme import Space, set_role

COUNTRY_NAMES = {
    "SE": "Sverige / Sweden",
    "NO": "Norge / Norway",
    "DK": "Danmark / Denmark",
    "FI": "Suomi / Finland",
}
# What each country calls its organisation number, and examples of both identifiers.
_ORG_NAMES = {
    "SE": "&Organisation number",
    "NO": "&Organisasjonsnummer",
    "DK": "CVR &number",
    "FI": "&Y-tunnus",
}
_ORG_EXAMPLES = {"SE": "556036-0793", "NO": "923 609 016", "DK": "24256790", "FI": "0112038-9"}
_VAT_EXAMPLES = {"SE": "SE556036079301", "NO": "NO923609016MVA", "DK": "DK24256790", "FI": "FI01120389"}
_OBJECT_NAMES = {
    "name": "businessName",
    "company_form": "businessCompanyForm",
    "address": "businessAddress",
    "postcode": "businessPostcode",
    "city": "businessCity",
    "country": "businessCountry",
    "org_number": "businessOrgNumber",
    "vat_number": "businessVatNumber",
    "f_skatt": "businessFSkatt",
    "registered_office": "businessRegisteredOffice",
    "bankgiro": "businessBankgiro",
    "plusgiro": "businessPlusgiro",
    "iban": "businessIban",
    "bic": "businessBic",
    "payment_terms_days": "businessPaymentTerms",
    "invoice_language": "businessLanguage",
    "email": "businessEmail",
    "logo_path": "businessLogoPath",
    "invoice_number_format": "businessNumberFormat",
}

Saver = Callable[[BusinessInfo], BusinessInfo]


class BusinessDialog(QDialog):
    def __init__(self, info: BusinessInfo, save: Saver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("businessDialog")
        self.setWindowTitle(self.tr("Business details"))
        self._save = save
        self.saved: BusinessInfo | None = None
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self._build()
        self._load(info)
        self._wire()
        self._country_changed()
        self.validate()

    # --- layout --------------------------------------------------------------------------

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(objectName=_OBJECT_NAMES[key])
        edit.setPlaceholderText(placeholder)
        self.fields[key] = edit
        return edit

    def _combo(self, key: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=_OBJECT_NAMES[key])
        for text, value in items:
            combo.addItem(text, value)
        self.fields[key] = combo
        return combo

    def _row(self, form: QFormLayout, key: str, caption: str, widget: QWidget | None = None) -> None:
        """A labelled field with room for its problem right under it."""
        field = widget or self.fields[key]
        label = QLabel(caption)
        label.setBuddy(self.fields[key])
        self.captions[key] = label
        self.fields[key].setAccessibleName(caption.replace("&", ""))
        error = QLabel(objectName=_OBJECT_NAMES[key] + "Error")
        error.setWordWrap(True)
        set_role(error, "error")
        error.hide()
        self.errors[key] = error
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(Space.XS // 2)
        column.addWidget(field)
        column.addWidget(error)
        form.addRow(label, box)

    def _build(self) -> None:
        you = QGroupBox(self.tr("You"))
        you_form = QFormLayout(you)
        self._line("name", self.tr("As registered"))
        self._combo(
            "company_form",
            [
                (self.tr("Sole trader (enskild firma)"), "sole_trader"),
                (self.tr("Limited company (AB)"), "limited"),
            ],
        )
        self._line("org_number")
        self.fields["company_form"].setToolTip(self.tr("It decides what your invoices must show"))
        self._line("vat_number")
        f_skatt = QCheckBox(self.tr("Approved for F-tax (Godkänd för F-skatt)"), objectName="businessFSkatt")
        f_skatt.setToolTip(self.tr("Your invoices then say Godkänd för F-skatt, as Swedish law asks"))
        self.fields["f_skatt"] = f_skatt
        self._line("registered_office", self.tr("Where the company is registered (säte)"))
        self._line("email", "name@example.com")
        self._row(you_form, "name", self.tr("&Name"))
        self._row(you_form, "company_form", self.tr("Company &form"))
        self._row(you_form, "org_number", self.tr("&Organisation number"))
        self._row(you_form, "vat_number", self.tr("&VAT number"))
        self._row(you_form, "f_skatt", self.tr("F-skatt (Sweden)"))
        self._row(you_form, "registered_office", self.tr("Registered &office"))
        self._row(you_form, "email", self.tr("&Email"))

        address = QGroupBox(self.tr("Address"))
        address_form = QFormLayout(address)
        self._line("address", self.tr("Street and number"))
        self._line("postcode", self.tr("e.g. {example}").format(example="111 22"))
        self._line("city", self.tr("e.g. {example}").format(example="Stockholm"))
        self._combo("country", list(((name, code) for code, name in COUNTRY_NAMES.items())))
        self.fields["country"].setToolTip(self.tr("Where your business is registered"))
        self._row(address_form, "address", self.tr("&Address"))
        self._row(address_form, "postcode", self.tr("&Postcode"))
        self._row(address_form, "city", self.tr("Cit&y"))
        self._row(address_form, "country", self.tr("&Country"))

        payment = QGroupBox(self.tr("Payment"))
        payment_form = QFormLayout(payment)
        self._line("bankgiro", self.tr("e.g. {example}").format(example="5050-1055"))
        self._line("plusgiro", self.tr("e.g. {example}").format(example="90 20 01-7"))
        self._line("iban", self.tr("e.g. {example}").format(example="SE45 5000 0000 0583 9825 7466"))
        self._line("bic", self.tr("e.g. {example}").format(example="ESSESESS"))
        terms = QSpinBox(objectName="businessPaymentTerms")
        terms.setRange(0, 120)
        terms.setSuffix(self.tr(" days"))
        terms.setAlignment(Qt.AlignmentFlag.AlignRight)
        terms.setToolTip(
            self.tr("Days from the invoice date to the due date, unless a contract says otherwise")
        )
        self.fields["payment_terms_days"] = terms
        self._row(payment_form, "bankgiro", self.tr("&Bankgiro (Sweden)"))
        self._row(payment_form, "plusgiro", self.tr("P&lusgiro (Sweden)"))
        self._row(payment_form, "iban", self.tr("&IBAN"))
        self._row(payment_form, "bic", self.tr("BI&C"))
        self._row(payment_form, "payment_terms_days", self.tr("Payment &terms"))

        invoices = QGroupBox(self.tr("Invoices"))
        invoices_form = QFormLayout(invoices)
        self._combo("invoice_language", [("Svenska", "sv"), ("English", "en")])
        self.fields["invoice_language"].setToolTip(self.tr("The language your invoices are written in"))
        logo = QLineEdit(objectName="businessLogoPath")
        logo.setReadOnly(True)
        logo.setPlaceholderText(self.tr("No logo"))
        self.fields["logo_path"] = logo
        self.logo_button = QPushButton(self.tr("Choose…"), objectName="businessLogoButton")
        self.logo_button.setAccessibleName(self.tr("Choose a logo file"))
        self.logo_button.setToolTip(self.tr("A PNG or JPEG shown at the top of your invoices"))
        self.logo_clear = QPushButton(self.tr("Remove"), objectName="businessLogoClear")
        self.logo_clear.setAccessibleName(self.tr("Remove the logo"))
        self.logo_clear.setToolTip(self.tr("Invoices are made without a logo"))
        for button in (self.logo_button, self.logo_clear):
            button.setAutoDefault(False)  # Enter saves the dialog wherever the keyboard is
        logo_row = QWidget()
        logo_layout = QVBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        logo_buttons = QHBoxLayout()
        logo_buttons.addWidget(self.logo_button)
        logo_buttons.addWidget(self.logo_clear)
        logo_buttons.addStretch(1)
        logo_layout.addWidget(logo)
        logo_layout.addLayout(logo_buttons)
        self._line("invoice_number_format", "{year}-{seq:04d}")
        self.fields["invoice_number_format"].setToolTip(
            self.tr("{year} is the year of the invoice, {seq:04d} its number in the year with four digits")
        )
        self.number_example = QLabel(objectName="businessNumberExample")
        set_role(self.number_example, "hint")
        number_row = QWidget()
        number_layout = QVBoxLayout(number_row)
        number_layout.setContentsMargins(0, 0, 0, 0)
        number_layout.setSpacing(Space.XS // 2)
        number_layout.addWidget(self.fields["invoice_number_format"])
        number_layout.addWidget(self.number_example)
        self._row(invoices_form, "invoice_language", self.tr("Invoice &language"))
        self._row(invoices_form, "invoice_number_format", self.tr("Invoice &numbers"), number_row)
        self._row(invoices_form, "logo_path", self.tr("Lo&go"), logo_row)

        self.missing = QLabel(objectName="businessMissing")
        self.missing.setWordWrap(True)
        self.missing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing.setAccessibleName(self.tr("Still missing for invoicing"))
        self.missing.setAccessibleDescription(
            self.tr("What an invoice needs that these details do not say yet")
        )
        self.save_error = QLabel(objectName="businessSaveError")
        self.save_error.setWordWrap(True)
        set_role(self.save_error, "error")
        self.save_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("businessSaveButton")
        self.save_button.setToolTip(self.tr("Save the details; the next invoices use them"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            self.tr("Close without saving")
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        wide = self.fontMetrics().horizontalAdvance("e.g. SE45 5000 0000 0583 9825 7466") + 24
        for key in ("name", "org_number", "vat_number", "iban", "address", "logo_path"):
            self.fields[key].setMinimumWidth(wide)
        grid = QGridLayout()
        grid.addWidget(you, 0, 0)
        grid.addWidget(address, 1, 0)
        grid.addWidget(payment, 0, 1)
        grid.addWidget(invoices, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.missing)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)

        # Reading order: the left column top to bottom, then the right one, then the buttons.
        order = [
            *(self.fields[k] for k in ("name", "company_form", "org_number", "vat_number", "f_skatt")),
            *(
                self.fields[k]
                for k in ("registered_office", "email", "address", "postcode", "city", "country")
            ),
            *(self.fields[k] for k in ("bankgiro", "plusgiro", "iban", "bic", "payment_terms_days")),
            self.fields["invoice_language"],
            self.fields["invoice_number_format"],
            self.logo_button,
            self.logo_clear,
            self.save_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        self.fields["logo_path"].setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.tab_order = order

    def _wire(self) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.validate)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.validate)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.validate)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.validate)
        self.fields["country"].currentIndexChanged.connect(self._country_changed)  # type: ignore[attr-defined]
        self.fields["company_form"].currentIndexChanged.connect(self._form_changed)  # type: ignore[attr-defined]
        self.logo_button.clicked.connect(self.choose_logo)
        self.logo_clear.clicked.connect(lambda: self.fields["logo_path"].clear())  # type: ignore[attr-defined]

    # --- values --------------------------------------------------------------------------

    def _load(self, info: BusinessInfo) -> None:
        for key, widget in self.fields.items():
            value = getattr(info, key)
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))
        self._form_changed()

    def info(self) -> BusinessInfo:
        values: dict[str, object] = {}
        for f in fields(BusinessInfo):
            widget = self.fields[f.name]
            if isinstance(widget, QLineEdit):
                values[f.name] = widget.text().strip()
            elif isinstance(widget, QComboBox):
                values[f.name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                values[f.name] = widget.isChecked() and widget.isEnabled()
            elif isinstance(widget, QSpinBox):
                values[f.name] = widget.value()
        return BusinessInfo(**values)  # type: ignore[arg-type]

    def validate(self) -> dict[str, Sentence]:
        """Show each field's problem under it, what invoicing still lacks, and allow Save only
        when every field is valid (missing details may be filled in later)."""
        info = self.info()
        problems = field_problems(info)
        for key, label in self.errors.items():
            problem = problems.get(key)
            text = error_text(problem) if problem is not None else ""
            label.setText(text)
            label.setVisible(bool(text))
            self.fields[key].setAccessibleDescription(text)
        self.save_button.setEnabled(not problems)
        self._show_number_example(info.invoice_number_format, "invoice_number_format" in problems)
        missing = missing_for_invoicing(info)
        if missing:
            items = "\n".join(f"• {error_text(m)}" for m in missing)
            self.missing.setText(self.tr("Still needed before an invoice can be confirmed:") + "\n" + items)
        else:
            self.missing.setText(self.tr("Everything an invoice needs is filled in."))
        self.save_error.hide()
        self._fit()
        return problems

    def _show_number_example(self, template: str, wrong: bool) -> None:
        from datetime import date

        from coapp.domain.invoice_numbers import format_number

        if wrong:
            self.number_example.setText("")
            return
        first = format_number(template, year=date.today().year, seq=1)
        self.number_example.setText(self.tr("The year's first invoice: {number}").format(number=first))

    def _fit(self) -> None:
        """Grow to show every wrapped problem in full (a dialog does not grow by itself)."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _country_changed(self) -> None:
        country = self.fields["country"].currentData()  # type: ignore[attr-defined]
        self.captions["org_number"].setText(self.tr(_ORG_NAMES.get(country, "&Organisation number")))
        example = self.tr("e.g. {example}")
        org, vat = self.fields["org_number"], self.fields["vat_number"]
        org.setPlaceholderText(example.format(example=_ORG_EXAMPLES.get(country, "")))  # type: ignore[attr-defined]
        vat.setPlaceholderText(example.format(example=_VAT_EXAMPLES.get(country, "")))  # type: ignore[attr-defined]
        self.fields["f_skatt"].setEnabled(country == "SE")
        self.validate()

    def _form_changed(self) -> None:
        limited = self.fields["company_form"].currentData() == "limited"  # type: ignore[attr-defined]
        self.fields["registered_office"].setEnabled(limited)
        self.captions["registered_office"].setEnabled(limited)

    def choose_logo(self) -> None:
        current = self.fields["logo_path"].text()  # type: ignore[attr-defined]
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose your logo"), current, self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.fields["logo_path"].setText(path)  # type: ignore[attr-defined]

    def _accept(self) -> None:
        if self.validate():
            return
        try:
            self.saved = self._save(self.info())
        except CoappError as exc:
            self.save_error.setText(error_text(exc))
            self.save_error.show()
            return
        self.accept()
