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
from coapp.domain.invoice_lines import LineMode, Terms, TimeItem, build_time_lines
from coapp.domain.invoices import VatCategory, round_money


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
        terms = Terms(c.title, c.fee_model, c.rate, c.minutes_per_day, c.rounding)
        lines = build_time_lines(c.items, terms, LineMode.PER_DAY, Decimal(0), VatCategory.ZERO)
        value = sum((line.amount for line in lines), Decimal(0))
        commission = round_money(value * c.commission_percent / 100)
        sums = totals.setdefault(c.currency, [Decimal(0), Decimal(0)])
        sums[0] += value
        sums[1] += commission
    return [WeekValue(cur, v, com, v - com) for cur, (v, com) in sorted(totals.items())]
