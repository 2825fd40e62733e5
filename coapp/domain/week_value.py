"""What a week of reported time is worth: the agreement value, the platform's commission with its
VAT, and what the freelancer is paid, per currency.

Computed exactly as the invoice will be (the contract's rounding rule, hours or days; VAT per contract
at the rate its invoice will carry, rounded once; the commission's VAT by the seller's country), so
the figure under the grid and the later invoice agree to the öre:
payout = value + VAT − commission − VAT on the commission.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.invoice_lines import TimeItem, billed_days, hours
from coapp.domain.invoices import HUNDRED, commission_vat_rate, round_money


@dataclass(frozen=True)
class WeekValue:
    currency: str
    agreement_value: Decimal  # VAT excluded
    commission: Decimal
    kept: Decimal  # agreement value − commission
    vat: Decimal = Decimal(0)  # the VAT the invoices will carry on the agreement value
    commission_vat_rate: Decimal = Decimal(0)  # percent; 0 under reverse charge
    commission_vat: Decimal = Decimal(0)
    commission_reverse_charge: bool = False  # the freelancer is established outside Sweden
    payout: Decimal = Decimal(0)  # agreement value + VAT − commission − VAT on the commission

    @property
    def total(self) -> Decimal:
        """What the client pays: the agreement value with VAT."""
        return self.agreement_value + self.vat


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
    vat_rate: Decimal = Decimal(0)  # percent on this contract's invoice (0: reverse charge, export)


def week_values(contracts: Iterable[ContractWeek], *, seller_country: str = "SE") -> list[WeekValue]:
    """The week per currency; *seller_country* is where the freelancer is established (it decides
    the VAT on the commission)."""
    vat_rate, reverse_charge = commission_vat_rate(seller_country)
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
        commission = round_money(value * c.commission_percent / HUNDRED)
        # Each contract is its own invoice: its VAT and its commission's VAT are rounded once each.
        vat = round_money(value * c.vat_rate / HUNDRED)
        commission_vat = round_money(commission * vat_rate / HUNDRED)
        sums = totals.setdefault(c.currency, [Decimal(0)] * 4)
        for i, amount in enumerate((value, commission, vat, commission_vat)):
            sums[i] += amount
    return [
        WeekValue(
            currency=cur,
            agreement_value=value,
            commission=commission,
            kept=value - commission,
            vat=vat,
            commission_vat_rate=vat_rate,
            commission_vat=commission_vat,
            commission_reverse_charge=reverse_charge,
            payout=value + vat - commission - commission_vat,
        )
        for cur, (value, commission, vat, commission_vat) in sorted(totals.items())
    ]
