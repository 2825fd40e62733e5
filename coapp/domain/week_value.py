"""What a week of reported time is worth: the agreement value, the platform's commission and what
the freelancer keeps, per currency (VAT excluded: it depends on the buyer, known at invoicing).

Computed exactly as the invoice will be (the contract's rounding rule, hours or days), so the figure
under the grid and the later invoice agree to the öre.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.invoice_lines import TimeItem, billed_days, hours
from coapp.domain.invoices import round_money


@dataclass(frozen=True)
class WeekValue:
    currency: str
    agreement_value: Decimal
    commission: Decimal
    kept: Decimal  # agreement value − commission


@dataclass(frozen=True)
class ContractWeek:
    title: str
    fee_model: FeeModel
    rate: Decimal
    currency: str
    commission_percent: Decimal
    minutes_per_day: int
    rounding: RoundingRule
    items: tuple[TimeItem, ...]


def week_values(contracts: Iterable[ContractWeek]) -> list[WeekValue]:
    totals: dict[str, list[Decimal]] = {}
    for c in contracts:
        if c.fee_model is FeeModel.FIXED or not any(i.minutes for i in c.items):
            continue  # a fixed fee is earned by milestones, not by the week's hours
        # The per-day lines' arithmetic (build_time_lines), without building the lines: this runs
        # on every week switch of the grid.
        value = Decimal(0)
        for item in c.items:
            if item.minutes > 0:
                billed = c.rounding.apply(item.minutes)
                if c.fee_model is FeeModel.DAILY:
                    quantity = billed_days(billed, c.minutes_per_day)
                else:
                    quantity = hours(billed)
                value += round_money(quantity * c.rate)
        commission = round_money(value * c.commission_percent / 100)
        sums = totals.setdefault(c.currency, [Decimal(0), Decimal(0)])
        sums[0] += value
        sums[1] += commission
    return [WeekValue(cur, v, com, v - com) for cur, (v, com) in sorted(totals.items())]
