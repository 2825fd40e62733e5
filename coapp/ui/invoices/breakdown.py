"""The breakdown that is always visible beside an invoice: agreement value, the platform's
commission and the VAT on it (or reverse charge), net to the freelancer, VAT per rate, total, payout
and due date (INVOICING.md). A card of the theme; amounts in tabular figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from coapp.domain.invoices import InvoiceDocument, InvoiceKind, InvoiceState, VatCategory
from coapp.ui.invoices.formats import InvoiceFormats, tabular
from coapp.ui.theme import Space, set_role


class BreakdownPanel(QFrame):
    def __init__(self, formats: InvoiceFormats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoiceBreakdown")
        self.setAccessibleName(self.tr("Invoice breakdown"))
        set_role(self, "card")
        self.formats = formats
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(Space.L, Space.M, Space.L, Space.M)
        self._content = QWidget(self)
        self._grid = QGridLayout(self._content)
        self._layout.addWidget(self._content)
        self._rows: list[tuple[str, str]] = []

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) as shown, top to bottom."""
        return list(self._rows)

    def text(self) -> str:
        return "\n".join(f"{label}: {value}" for label, value in self._rows)

    def clear(self) -> None:
        """Start a fresh grid: the old one goes at once (hidden now, deleted by the event loop)."""
        self._content.hide()
        self._content.deleteLater()
        self._content = QWidget(self)
        self._grid = QGridLayout(self._content)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 1)
        self._grid.setHorizontalSpacing(Space.L)
        self._layout.addWidget(self._content)
        self._rows = []
        self.setAccessibleDescription("")

    def show_document(self, doc: InvoiceDocument, today: date) -> None:
        self.clear()
        f, c = self.formats, doc.currency
        sign = -1 if doc.kind is InvoiceKind.CREDIT_NOTE else 1
        commission, totals = doc.commission, doc.totals
        self._add(self.tr("Agreement value (excl. VAT)"), f.money(sign * commission.agreement_value, c))
        self._add(
            self.tr("Platform commission ({rate})").format(rate=f.percent(commission.rate)),
            f.money(-sign * commission.amount, c),
        )
        self._add(self.tr("Net to you"), f.money(sign * commission.net_to_freelancer, c), bold=True)
        self._gap()
        for group in totals.vat:
            if group.category is VatCategory.REVERSE_CHARGE:
                label = self.tr("VAT: reverse charge, the buyer accounts for it")
            elif group.category is not VatCategory.STANDARD:
                label = self.tr("VAT: none, services sold abroad")
            else:
                label = self.tr("VAT {rate} on {base}").format(
                    rate=f.percent(group.rate), base=f.money(sign * group.base, c)
                )
            self._add(label, f.money(sign * group.amount, c))
        self._add(self.tr("Total (incl. VAT)"), f.money(sign * totals.total, c), bold=True)
        # Below the total, so the payout reads as arithmetic: total − commission − its VAT.
        self._add(
            self.tr("Platform commission ({rate})").format(rate=f.percent(commission.rate)),
            f.money(-sign * commission.amount, c),
        )
        if commission.reverse_charge:
            self._add(
                self.tr("VAT on the commission: reverse charge, you account for it"), f.money(Decimal(0), c)
            )
        else:
            self._add(
                self.tr("VAT on the commission ({rate})").format(rate=f.percent(commission.vat_rate)),
                f.money(-sign * commission.vat, c),
            )
        self._add(
            self.tr("Paid to you (total − commission − its VAT)"),
            f.money(sign * commission.payout, c),
            bold=True,
        )
        self._gap()
        if doc.number is None and doc.state is InvoiceState.DRAFT:
            # Confirmation dates the invoice: the due date moves with the day it is confirmed.
            due = today + (doc.due_date - doc.issue_date)
            self._add(self.tr("Due date (if confirmed today)"), f.day(due))
        else:
            self._add(self.tr("Due date"), f.day(doc.due_date))
        self.setAccessibleDescription(self.text())

    def _add(self, label: str, value: str, bold: bool = False) -> None:
        row = self._grid.rowCount()
        name = QLabel(label)
        amount = QLabel(value)
        amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        amount.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = tabular(amount.font())
        if bold:
            font.setBold(True)
            name_font = QFont(name.font())
            name_font.setBold(True)
            name.setFont(name_font)
        amount.setFont(font)
        name.setBuddy(amount)
        self._grid.addWidget(name, row, 0)
        self._grid.addWidget(amount, row, 1)
        self._rows.append((label, value))

    def _gap(self) -> None:
        spacer = QWidget()
        spacer.setFixedHeight(Space.S)
        self._grid.addWidget(spacer, self._grid.rowCount(), 0)
