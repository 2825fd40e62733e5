"""Under the grid: what the week is worth, the platform's commission and its VAT, and what is paid
to you, computed as the invoice will be (rounding rule, hours or days, the VAT of the contract's
client; PRODUCT.md: the fee is visible everywhere).

What the VAT depends on (the seller's country, the contracts' clients) is read from the store on a
worker and kept until something may have changed it (`forget_rates`); a week switch computes from
what is kept, at once (the switch budget)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from coapp.domain.invoice_lines import TimeItem
from coapp.domain.week_value import ContractWeek, WeekValue, week_values
from coapp.services.sheets import WeekSheet
from coapp.ui.app_state import AppState
from coapp.ui.formats import Formats
from coapp.ui.invoices.formats import InvoiceFormats
from coapp.ui.toolkit import Card, SteadyLabel

if TYPE_CHECKING:
    from coapp.services.week_value import ValueRates


class WeekValueCard(Card):
    def __init__(self, state: AppState, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__("weekValueCard", parent)
        self.state = state
        self._money = InvoiceFormats(formats)
        self._pool = QThreadPool()  # the VAT rates, read beside the GUI (one at a time)
        self._pool.setMaxThreadCount(1)
        self._asked = 0
        self._rates: ValueRates | None = None  # what the week's VAT depends on, once read
        # Its text changes with every week: a steady label does not relayout the screen each time.
        self.label = SteadyLabel("weekValue", self, word_wrap=True)
        self.label.label.setAccessibleName(self.tr("What this week is worth"))
        self.label.label.setAccessibleDescription(
            self.tr("The week's time at the contracts' rates, before VAT, and what you are paid")
        )
        self.body.addWidget(self.label)

    def set_formats(self, formats: Formats) -> None:
        self._money = InvoiceFormats(formats)

    def show_sheet(self, sheet: WeekSheet) -> None:
        if not self.state.ready:  # the start-up preview: no store to ask for VAT yet
            self._show(week_values(_contract_weeks(sheet)))
            return
        self._asked += 1  # an answer still on its way is for another week
        if not any(row.total for row in sheet.rows):
            self._show([])
            return
        from coapp.services.week_value import value_of

        if self._rates is not None and self._rates.covers(sheet):
            self._show(value_of(sheet, self._rates))
            return
        from coapp.services.week_value import WeekValues
        from coapp.ui.background import run_in_background

        asked, service = self._asked, WeekValues(self.state.ctx.store)

        def arrived(rates: ValueRates) -> None:
            self._rates = rates
            if asked == self._asked:
                self._show(value_of(sheet, rates))

        def failed(error: BaseException) -> None:
            raise error  # a bug: the excepthook logs it and says so once

        run_in_background(service.rates, arrived, failed, self._pool)

    def forget_rates(self) -> None:
        """A contract or the business details may have changed (a sync round, an edit): the next
        week shown reads the VAT rates again."""
        self._rates = None

    def wait(self) -> None:
        """Before the store closes: the rates being read finish first."""
        self._pool.waitForDone()

    def _show(self, values: list[WeekValue]) -> None:
        money = self._money.money
        parts = []
        for v in values:
            c = v.currency
            if v.commission_reverse_charge:
                commission = self.tr("commission {commission}, reverse charge on its VAT").format(
                    commission=money(v.commission, c)
                )
            else:
                commission = self.tr("commission {commission} + VAT {vat}").format(
                    commission=money(v.commission, c), vat=money(v.commission_vat, c)
                )
            # Every amount that makes the payout, in order: value + VAT − commission − its VAT.
            parts.append(
                self.tr("Worth {value} + VAT {vat} · {commission} · paid to you {payout}").format(
                    value=money(v.agreement_value, c),
                    vat=money(v.vat, c),
                    commission=commission,
                    payout=money(v.payout, c),
                )
            )
        self.label.setText("\n".join(parts))
        self.setVisible(bool(parts))


def _contract_weeks(sheet: WeekSheet) -> list[ContractWeek]:
    """The start-up preview's value, without the store's VAT rates."""
    return [
        ContractWeek(
            c.title, c.fee_model, c.rate, c.currency, c.commission_percent, c.minutes_per_day, c.rounding,
            tuple(TimeItem(d, cell.minutes) for d, cell in zip(sheet.days, row.cells, strict=True)),
        )
        for row in sheet.rows
        if (c := row.contract)
    ]  # fmt: skip
