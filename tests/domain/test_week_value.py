"""The week's value under the grid is the invoice's arithmetic: it equals the per-day lines."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.contracts import FeeModel, RoundingMode, RoundingRule, RoundingScope
from coapp.domain.invoice_lines import LineMode, Terms, TimeItem, build_time_lines
from coapp.domain.invoices import VatCategory
from coapp.domain.week_value import ContractWeek, week_values

rules = st.one_of(
    st.just(RoundingRule()),
    st.builds(
        RoundingRule,
        st.sampled_from([RoundingMode.UP, RoundingMode.NEAREST]),
        st.sampled_from([6, 15, 30]),
        st.sampled_from(list(RoundingScope)),
    ),
)


@given(
    st.sampled_from([FeeModel.HOURLY, FeeModel.DAILY]),
    st.decimals(min_value=Decimal(0), max_value=Decimal(20000), places=2),
    st.integers(60, 720),
    rules,
    st.lists(st.integers(0, 1440), min_size=7, max_size=7),
    st.decimals(min_value=Decimal(0), max_value=Decimal(30), places=2),
)
def test_the_week_value_equals_the_invoice_lines(
    fee: FeeModel, rate: Decimal, per_day: int, rule: RoundingRule, minutes: list[int], commission: Decimal
) -> None:
    items = tuple(TimeItem(date(2026, 11, 23) + timedelta(days=i), m) for i, m in enumerate(minutes))
    lines = build_time_lines(
        items, Terms("x", fee, rate, per_day, rule), LineMode.PER_DAY, Decimal(0), VatCategory.ZERO
    )
    expected = sum((line.amount for line in lines), Decimal(0))
    values = week_values([ContractWeek("x", fee, rate, "SEK", commission, per_day, rule, items)])
    if not any(minutes):
        assert values == []
        return
    assert values[0].agreement_value == expected
    assert values[0].kept + values[0].commission == expected
