"""Insights (issue 11): the numbers behind the charts, for a period of whole months.

- Hours per ISO week, per contract (the stacked bars), and the week's expected hours: each active
  contract's working day on its weekdays, public holidays excepted (coapp.domain.expected_time, the
  same rule as the dashboard's week).
- Earnings per month of issue, per currency (amounts in different currencies are never added):
  agreement value (the net), the platform's commission and the VAT on it, the invoice's VAT, and the
  payout (total − commission − its VAT, INVOICING.md). Confirmed, sent, paid and credited invoices
  count; a credit note counts against them; drafts do not (nothing was issued).
- Invoice states and amounts for invoices issued in the period, drafts included (what waits).

One read of plain values, cheap enough for ten years (one query per kind, summed in Python).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property

from sqlalchemy import Integer, cast, func, select

from coapp.domain.expected_time import WorkingDay, expected_total
from coapp.domain.invoices import (
    HUNDRED,
    InvoiceKind,
    InvoiceState,
    commission_vat_rate,
    round_money,
    signed_total,
)
from coapp.domain.money import from_minor
from coapp.domain.public_holidays import holidays_of_year
from coapp.domain.weeks import IsoWeek
from coapp.domain.year_month import YearMonth
from coapp.models import Contract, Invoice, TimeEntry
from coapp.models.contracts import IN_FORCE
from coapp.store.engine import Store

ZERO = Decimal(0)


@dataclass(frozen=True)
class ContractLine:
    id: str
    title: str
    client_name: str


@dataclass(frozen=True)
class MonthMoney:
    agreement_value: Decimal = ZERO
    commission: Decimal = ZERO
    commission_vat: Decimal = ZERO
    vat: Decimal = ZERO
    payout: Decimal = ZERO

    def __add__(self, other: MonthMoney) -> MonthMoney:
        return MonthMoney(
            self.agreement_value + other.agreement_value,
            self.commission + other.commission,
            self.commission_vat + other.commission_vat,
            self.vat + other.vat,
            self.payout + other.payout,
        )


@dataclass(frozen=True)
class StateTotal:
    count: int = 0
    amount: Decimal = ZERO


@dataclass(frozen=True)
class Insights:
    first: YearMonth
    last: YearMonth
    weeks: tuple[IsoWeek, ...]
    contracts: tuple[ContractLine, ...]  # those with time in the period, by title
    minutes: dict[str, tuple[int, ...]]  # contract id -> minutes per week (as `weeks`)
    expected: tuple[int, ...]  # minutes the contracts expected per week
    months: tuple[YearMonth, ...]
    currencies: tuple[str, ...]  # most invoiced first
    earnings: dict[str, tuple[MonthMoney, ...]] = field(default_factory=dict)  # currency -> per month
    states: dict[str, dict[InvoiceState, StateTotal]] = field(default_factory=dict)  # currency -> state

    @cached_property  # asked for by each chart and each read-out: summed once
    def reported(self) -> tuple[int, ...]:
        """Minutes reported per week, all contracts."""
        return tuple(sum(column) for column in zip(*self.minutes.values(), strict=True)) or (0,) * len(
            self.weeks
        )

    def utilisation_percent(self) -> tuple[int | None, ...]:
        """Reported against expected per week, in whole percent (None where nothing was expected)."""
        return tuple(
            None if expected == 0 else (reported * 100 + expected // 2) // expected
            for reported, expected in zip(self.reported, self.expected, strict=True)
        )


def months_between(first: YearMonth, last: YearMonth) -> tuple[YearMonth, ...]:
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    return tuple(
        YearMonth(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1)
        for i in range(count)
    )


def month_end(month: YearMonth) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - timedelta(days=1)


class InsightsReader:
    def __init__(self, store: Store) -> None:
        self._store = store

    def read(
        self, first: YearMonth, last: YearMonth, holiday_country: str = "SE", today: date | None = None
    ) -> Insights:
        """The period's numbers; weeks after the current one are left out (nothing was expected of
        them yet), so utilisation never shows a future week as empty."""
        if last < first:
            first, last = last, first
        today = today or date.today()
        start, end = date(first.year, first.month, 1), month_end(last)
        end = min(end, today + timedelta(days=6 - today.weekday()))
        weeks = _weeks(start, end)  # whole weeks: the first may begin in the month before
        week_start = weeks[0].monday if weeks else start
        week_end = weeks[-1].sunday if weeks else end
        months = months_between(first, last)
        with self._store.read() as s:
            contracts = s.execute(
                select(Contract.id, Contract.title, Contract.client_name, Contract.start_date,
                       Contract.end_date, Contract.minutes_per_day)
                .where(Contract.deleted_at.is_(None), IN_FORCE)
            ).all()  # fmt: skip
            # Summed per contract and week by SQLite: ten years are ~4,000 rows, not ~20,000 days.
            week = (
                cast(func.julianday(TimeEntry.work_date) - func.julianday(week_start.isoformat()), Integer)
                // 7
            ).label("week")
            per_contract_week = s.execute(
                select(TimeEntry.contract_id, week, func.sum(TimeEntry.minutes))
                .where(
                    TimeEntry.deleted_at.is_(None),
                    TimeEntry.work_date >= week_start,
                    TimeEntry.work_date <= week_end,
                )
                .group_by(TimeEntry.contract_id, week)
            ).all()
            invoices = s.execute(
                select(Invoice.kind, Invoice.state, Invoice.issue_date, Invoice.currency,
                       Invoice.net_minor, Invoice.vat_minor, Invoice.total_minor, Invoice.commission_minor,
                       Invoice.frozen).where(
                    Invoice.deleted_at.is_(None), Invoice.issue_date >= start, Invoice.issue_date <= end
                )
            ).all()  # fmt: skip
        per_week: dict[str, list[int]] = defaultdict(lambda: [0] * len(weeks))
        for contract_id, i, minutes in per_contract_week:
            per_week[contract_id][i] += minutes
        lines = sorted(
            (ContractLine(c.id, c.title, c.client_name) for c in contracts if c.id in per_week),
            key=lambda line: (line.title.casefold(), line.client_name.casefold(), line.id),
        )
        currencies, earnings, states = _money(list(invoices), months)
        return Insights(
            first=first,
            last=last,
            weeks=weeks,
            contracts=tuple(lines),
            minutes={line.id: tuple(per_week[line.id]) for line in lines},
            expected=_expected(weeks, list(contracts), holiday_country),
            months=months,
            currencies=currencies,
            earnings=earnings,
            states=states,
        )


def _weeks(start: date, end: date) -> tuple[IsoWeek, ...]:
    if end < start:
        return ()
    monday = start - timedelta(days=start.weekday())
    count = (end - monday).days // 7 + 1
    return tuple(IsoWeek.of(monday + timedelta(weeks=i)) for i in range(count))


def _expected(weeks: tuple[IsoWeek, ...], contracts: list, country: str) -> tuple[int, ...]:  # type: ignore[type-arg]
    if not weeks:
        return ()
    years = range(weeks[0].monday.year, weeks[-1].sunday.year + 1)
    holidays = {day for year in years for day in holidays_of_year(year, country)}
    result = []
    for week in weeks:
        monday = week.monday
        running = [
            WorkingDay(c.start_date, c.end_date, c.minutes_per_day)
            for c in contracts
            if c.start_date <= week.sunday and (c.end_date is None or c.end_date >= monday)
        ]
        days = [monday + timedelta(days=i) for i in range(5)]
        result.append(expected_total(days, running, holidays) if running else 0)
    return tuple(result)


_Money = tuple[tuple[str, ...], dict[str, tuple[MonthMoney, ...]], dict[str, dict[InvoiceState, StateTotal]]]


def _money(invoices: list, months: tuple[YearMonth, ...]) -> _Money:  # type: ignore[type-arg]
    place = {month: i for i, month in enumerate(months)}
    earnings: dict[str, list[MonthMoney]] = {}
    states: dict[str, dict[InvoiceState, StateTotal]] = defaultdict(dict)
    counts: dict[str, int] = defaultdict(int)
    for kind, state, issued, currency, net, vat, total, commission, frozen in invoices:
        kind, state = InvoiceKind(kind), InvoiceState(state)
        counts[currency] += 1
        amount = signed_total(kind, from_minor(total, currency))
        before = states[currency].get(state, StateTotal())
        states[currency][state] = StateTotal(before.count + 1, before.amount + amount)
        if state is InvoiceState.DRAFT:
            continue
        seller = (frozen or {}).get("seller") or {}
        rate, _reverse = commission_vat_rate(str(seller.get("country") or ""))
        commission_amount = from_minor(commission, currency)
        commission_vat = round_money(commission_amount * rate / HUNDRED)
        row = MonthMoney(
            agreement_value=signed_total(kind, from_minor(net, currency)),
            commission=signed_total(kind, commission_amount),
            commission_vat=signed_total(kind, commission_vat),
            vat=signed_total(kind, from_minor(vat, currency)),
            payout=signed_total(kind, from_minor(total, currency) - commission_amount - commission_vat),
        )
        series = earnings.setdefault(currency, [MonthMoney()] * len(months))
        i = place[YearMonth.of(issued)]
        series[i] = series[i] + row
    currencies = tuple(sorted(counts, key=lambda c: (-counts[c], c)))
    per_month = {c: tuple(earnings.get(c, [MonthMoney()] * len(months))) for c in currencies}
    return currencies, per_month, dict(states)
