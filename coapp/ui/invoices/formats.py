"""Money, quantities, rates, dates and periods as the invoices screen shows them.

Money follows the app's language through QLocale ("1 234,50 kr" in Swedish, "SEK 1,234.50" in
English, as on the PDF); Decimal is turned into text without ever passing through float.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QFont

from coapp.domain.invoices import InvoiceKind, InvoiceState, Unit
from coapp.ui.formats import Formats

NBSP = "\u00a0"
_CENT = Decimal("0.01")
_SWEDISH_SYMBOLS = {"SEK": "kr"}


translate = QCoreApplication.translate  # lupdate reads the context and text of each call


def state_label(state: InvoiceState) -> str:
    return {
        InvoiceState.DRAFT: translate("Invoices", "Draft"),
        InvoiceState.CONFIRMED: translate("Invoices", "Confirmed"),
        InvoiceState.SENT: translate("Invoices", "Sent"),
        InvoiceState.PAID: translate("Invoices", "Paid"),
        InvoiceState.CREDITED: translate("Invoices", "Credited"),
    }[state]


def kind_label(kind: InvoiceKind) -> str:
    return (
        translate("Invoices", "Credit note")
        if kind is InvoiceKind.CREDIT_NOTE
        else translate("Invoices", "Invoice")
    )


def number_text(state: InvoiceState, number: str | None) -> str:
    """What stands where the number goes: the number, "Draft", or "Number on sync" (offline)."""
    if number:
        return number
    return (
        translate("Invoices", "Draft")
        if state is InvoiceState.DRAFT
        else translate("Invoices", "Number on sync")
    )


def tabular(font: QFont) -> QFont:
    """The same font with tabular figures, so amounts line up digit under digit."""
    result = QFont(font)
    result.setFeature(QFont.Tag("tnum"), 1)
    return result


class InvoiceFormats:
    """Bound to the app's Formats (language and hours format); rebuilt when settings change."""

    def __init__(self, formats: Formats) -> None:
        self.base = formats
        self.language = formats.settings.language
        self.locale: QLocale = formats.locale

    def _grouped(self, value: Decimal, decimals: int) -> str:
        text = f"{abs(value):,.{decimals}f}"
        whole, _, fraction = text.partition(".")
        whole = whole.replace(",", self.locale.groupSeparator())
        sign = self.locale.negativeSign() if value < 0 else ""
        return f"{sign}{whole}{self.locale.decimalPoint()}{fraction}" if fraction else f"{sign}{whole}"

    def amount(self, amount: Decimal) -> str:
        return self._grouped(amount.quantize(_CENT, rounding=ROUND_HALF_UP), 2)

    def money(self, amount: Decimal, currency: str) -> str:
        number = self.amount(amount)
        if self.language == "sv":
            return f"{number}{NBSP}{_SWEDISH_SYMBOLS.get(currency, currency)}"
        minus = self.locale.negativeSign()
        if number.startswith(minus):
            return f"{minus}{currency}{NBSP}{number[len(minus) :]}"
        return f"{currency}{NBSP}{number}"

    def quantity(self, quantity: Decimal) -> str:
        """Up to four decimals, trailing zeros dropped: 7,5 · 0,1167 · 1."""
        text = self._grouped(quantity, 4)
        point = self.locale.decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text

    def percent(self, rate: Decimal) -> str:
        number = self.quantity(rate)
        return f"{number}{NBSP}%" if self.language == "sv" else f"{number}%"

    def parse_decimal(self, text: str) -> Decimal:
        """What people type for a quantity or a price: "12 500,50", "12500.50", "1,5"."""
        from decimal import InvalidOperation

        from coapp.domain.errors import ValidationError

        cleaned = "".join(ch for ch in text.strip() if not ch.isspace())
        for symbol in ("kr", "SEK", "NOK", "DKK", "EUR"):
            cleaned = cleaned.replace(symbol, "")
        comma_is_point = cleaned.count(",") == 1 and "." not in cleaned
        if comma_is_point and self.language == "en" and re.fullmatch(r"-?\d{1,3},\d{3}", cleaned):
            comma_is_point = False  # "1,500" in English is fifteen hundred
        cleaned = cleaned.replace(",", "." if comma_is_point else "")
        cleaned = cleaned.replace("\u2212", "-")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValidationError(f"“{text.strip()}” is not a number") from None
        if not value.is_finite():
            raise ValidationError(f"“{text.strip()}” is not a number")
        return value

    def day(self, day: date) -> str:
        return self.base.date(day)

    def minutes(self, minutes: int | None) -> str:
        return "—" if minutes is None else self.base.hours_always(minutes)

    def unit(self, unit: Unit, quantity: Decimal) -> str:
        one = quantity == 1
        if unit is Unit.HOUR:
            return translate("Invoices", "h")
        if unit is Unit.DAY:
            return translate("Invoices", "day") if one else translate("Invoices", "days")
        return translate("Invoices", "pc") if one else translate("Invoices", "pcs")

    def period(self, first: date, last: date) -> str:
        """A week, a month, a day or a range, in the shortest form that says it exactly."""
        if first == last:
            return self.day(first)
        if first.weekday() == 0 and last - first == timedelta(days=6):
            iso_year, week, _ = first.isocalendar()
            prefix = "v." if self.language == "sv" else translate("Invoices", "Week")
            return f"{prefix} {week} {iso_year}"
        if first.day == 1 and last == first.replace(day=calendar.monthrange(first.year, first.month)[1]):
            return self.locale.toString(QDate(first.year, first.month, 1), "MMMM yyyy")
        return f"{self.day(first)} – {self.day(last)}"
