"""A contract's numbers so far (issue 11, INVOICING.md): time reported and invoiced, the agreement's
value, the platform's commission as rate and money with its VAT, what the freelancer is paid, and
what is left of a fixed fee's budget.

Nothing is computed anew: hourly and daily contracts are valued as their invoices will be
(coapp.domain.week_value over all reported time: the contract's rounding, hours or days, the VAT its
invoice will carry), and a fixed fee by its milestones with compute_commission, as the invoice to the
platform will be. Money is Decimal, time integer minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.contracts import FeeModel
from coapp.domain.invoice_lines import TimeItem
from coapp.domain.invoices import HUNDRED, BilledTo, Totals, VatGroup, compute_commission, round_money
from coapp.domain.money import from_minor
from coapp.domain.week_value import ContractWeek, week_values
from coapp.models import Contract, TimeEntry
from coapp.services.invoice_drafts import vat_for
from coapp.services.invoice_loading import business_row
from coapp.services.sheets import ContractInfo

# A fixed fee's milestones that count as earned so far: on an invoice to the platform, or paid.
BILLED_MILESTONES = ("invoiced", "paid")


@dataclass(frozen=True)
class ContractFigures:
    currency: str
    reported_minutes: int  # all live time on the contract
    invoiced_minutes: int  # the part on confirmed invoices
    # VAT excluded: the reported time's value (hourly, daily), or the milestones invoiced or paid (fixed).
    agreement_value: Decimal
    vat: Decimal  # what the invoices carry on it
    commission_rate: Decimal  # percent, from the contract
    commission: Decimal
    commission_vat_rate: Decimal  # percent: 25, or 0 under reverse charge
    commission_vat: Decimal
    commission_reverse_charge: bool
    payout: Decimal  # value + VAT − commission − VAT on the commission
    budget: Decimal | None = None  # a fixed fee: the whole fee
    milestones_total: Decimal | None = None  # a fixed fee: the sum of its milestones
    budget_left: Decimal | None = None  # a fixed fee with milestones: the fee − milestones billed


def _time_items(s: Session, contract_id: str) -> tuple[TimeItem, ...]:
    rows = s.execute(
        select(TimeEntry.work_date, TimeEntry.minutes)
        .where(TimeEntry.contract_id == contract_id, TimeEntry.deleted_at.is_(None), TimeEntry.minutes > 0)
        .order_by(TimeEntry.work_date)
    ).all()
    return tuple(TimeItem(day, minutes) for day, minutes in rows)


def figures_of(
    s: Session,
    row: Contract,
    info: ContractInfo,
    milestones_minor: dict[str, int],
    minutes: tuple[int, int],
) -> ContractFigures:
    """The figures of *row*; *milestones_minor* is the milestones' sum per state, *minutes* the
    (reported, invoiced) minutes."""
    details = business_row(s)
    seller_country = details.country if details is not None else "SE"
    reported, invoiced = minutes
    if info.fee_model is FeeModel.FIXED:
        return _fixed(row, info, milestones_minor, seller_country, reported, invoiced)
    _, vat_rate, _ = vat_for(seller_country, row, BilledTo.CLIENT)
    week = ContractWeek(
        info.title,
        info.fee_model,
        info.rate,
        info.currency,
        info.commission_percent,
        info.minutes_per_day,
        info.rounding,
        _time_items(s, row.id),
        vat_rate=vat_rate,
    )
    values = week_values([week], seller_country=seller_country)
    if not values:  # no time yet: nothing earned, the rates still shown
        zero = Decimal(0)
        totals = Totals(net=zero, vat=(), total=zero)
        c = compute_commission(totals, info.commission_percent, seller_country=seller_country)
        return ContractFigures(
            info.currency,
            reported,
            invoiced,
            zero,
            zero,
            c.rate,
            zero,
            c.vat_rate,
            zero,
            c.reverse_charge,
            zero,
        )
    [v] = values
    return ContractFigures(
        currency=v.currency,
        reported_minutes=reported,
        invoiced_minutes=invoiced,
        agreement_value=v.agreement_value,
        vat=v.vat,
        commission_rate=info.commission_percent,
        commission=v.commission,
        commission_vat_rate=v.commission_vat_rate,
        commission_vat=v.commission_vat,
        commission_reverse_charge=v.commission_reverse_charge,
        payout=v.payout,
    )


def _fixed(
    row: Contract,
    info: ContractInfo,
    milestones_minor: dict[str, int],
    seller_country: str,
    reported: int,
    invoiced: int,
) -> ContractFigures:
    """A fixed fee is earned by milestones, invoiced to the platform (the buyer, INVOICING.md)."""
    billed = from_minor(sum(milestones_minor.get(state, 0) for state in BILLED_MILESTONES), info.currency)
    _reverse_charge, vat_rate, category = vat_for(seller_country, row, BilledTo.PLATFORM)
    vat = round_money(billed * vat_rate / HUNDRED)
    groups = (VatGroup(category, vat_rate, billed, vat),) if billed else ()
    totals = Totals(net=billed, vat=groups, total=billed + vat)
    c = compute_commission(totals, info.commission_percent, seller_country=seller_country)
    has_milestones = bool(milestones_minor)
    return ContractFigures(
        currency=info.currency,
        reported_minutes=reported,
        invoiced_minutes=invoiced,
        agreement_value=billed,
        vat=vat,
        commission_rate=c.rate,
        commission=c.amount,
        commission_vat_rate=c.vat_rate,
        commission_vat=c.vat,
        commission_reverse_charge=c.reverse_charge,
        payout=c.payout,
        budget=info.rate,
        milestones_total=from_minor(sum(milestones_minor.values()), info.currency)
        if has_milestones
        else None,
        budget_left=info.rate - billed if has_milestones else None,
    )
