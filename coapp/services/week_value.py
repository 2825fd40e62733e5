"""The week's value under the timesheet grid, with everything the invoices will carry: the VAT each
contract's invoice will charge (the same rule the drafts use) and the VAT on the platform's
commission by the freelancer's country, so the grid shows what the freelancer is really paid.

Two steps, because a week switch must stay cheap: `rates()` reads what the VAT depends on from the
store (the seller's country, each contract's client), which changes rarely and is kept by the
caller; `value_of(sheet, rates)` is plain arithmetic on a sheet, done on every switch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from coapp.domain.contracts import FeeModel
from coapp.domain.invoice_lines import TimeItem
from coapp.domain.invoices import BilledTo
from coapp.domain.week_value import ContractWeek, WeekValue, week_values
from coapp.models import Contract
from coapp.services.invoice_drafts import vat_for
from coapp.services.invoice_loading import business_row
from coapp.services.sheets import WeekSheet
from coapp.store.engine import Store


@dataclass(frozen=True)
class ValueRates:
    """What the week's value needs from the store: the seller's country and, per contract id, the VAT
    rate its invoice will charge (fixed fees: none, they are invoiced to the platform)."""

    seller_country: str = "SE"
    vat_rates: dict[str, Decimal] = field(default_factory=dict)

    def covers(self, sheet: WeekSheet) -> bool:
        return all(row.contract.id in self.vat_rates for row in sheet.rows)


def value_of(sheet: WeekSheet, rates: ValueRates) -> list[WeekValue]:
    """The value of *sheet*'s reported time per currency (agreement value, VAT, commission and its
    VAT, payout); a contract *rates* does not know is valued without VAT."""
    weeks = [
        ContractWeek(
            info.title,
            info.fee_model,
            info.rate,
            info.currency,
            info.commission_percent,
            info.minutes_per_day,
            info.rounding,
            tuple(TimeItem(d, cell.minutes) for d, cell in zip(sheet.days, row.cells, strict=True)),
            vat_rate=rates.vat_rates.get(info.id, Decimal(0)),
        )
        for row in sheet.rows
        if row.total and (info := row.contract)  # a row without time is worth nothing this week
    ]
    return week_values(weeks, seller_country=rates.seller_country)


class WeekValues:
    def __init__(self, store: Store) -> None:
        self._store = store

    def rates(self) -> ValueRates:
        """The seller's country and every contract's invoice VAT rate, read in one short session."""
        with self._store.read() as s:
            details = business_row(s)
            country = details.country if details is not None else "SE"
            vat_rates: dict[str, Decimal] = {}
            for contract in s.scalars(select(Contract)):
                vat_rate = Decimal(0)
                if contract.fee_model != FeeModel.FIXED.value:
                    _, vat_rate, _ = vat_for(country, contract, BilledTo.CLIENT)
                vat_rates[contract.id] = vat_rate
        return ValueRates(country, vat_rates)

    def of(self, sheet: WeekSheet) -> list[WeekValue]:
        """The value of *sheet* with the store's current rates (one read)."""
        return value_of(sheet, self.rates())
