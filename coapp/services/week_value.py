"""The week's value under the timesheet grid, with everything the invoices will carry: the VAT each
contract's invoice will charge (the same rule the drafts use) and the VAT on the platform's
commission by the freelancer's country, so the grid shows what the freelancer is really paid."""

from __future__ import annotations

from decimal import Decimal

from coapp.domain.contracts import FeeModel
from coapp.domain.invoice_lines import TimeItem
from coapp.domain.invoices import BilledTo
from coapp.domain.week_value import ContractWeek, WeekValue, week_values
from coapp.models import Contract
from coapp.services.invoice_drafts import vat_for
from coapp.services.invoice_loading import business_row
from coapp.services.sheets import WeekSheet
from coapp.store.engine import Store


class WeekValues:
    def __init__(self, store: Store) -> None:
        self._store = store

    def of(self, sheet: WeekSheet) -> list[WeekValue]:
        """The value of *sheet*'s reported time per currency (agreement value, VAT, commission and
        its VAT, payout)."""
        with self._store.read() as s:
            details = business_row(s)
            country = details.country if details is not None else "SE"
            weeks = []
            for row in sheet.rows:
                info = row.contract
                contract = s.get(Contract, info.id)
                vat_rate = Decimal(0)
                if contract is not None and info.fee_model is not FeeModel.FIXED:
                    _, vat_rate, _ = vat_for(country, contract, BilledTo.CLIENT)
                items = tuple(
                    TimeItem(d, cell.minutes) for d, cell in zip(sheet.days, row.cells, strict=True)
                )
                weeks.append(
                    ContractWeek(
                        info.title,
                        info.fee_model,
                        info.rate,
                        info.currency,
                        info.commission_percent,
                        info.minutes_per_day,
                        info.rounding,
                        items,
                        vat_rate=vat_rate,
                    )
                )
        return week_values(weeks, seller_country=country)
