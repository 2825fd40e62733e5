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


@given(
    st.decimals(min_value=Decimal(0), max_value=Decimal(20000), places=2),
    st.lists(st.integers(0, 1440), min_size=7, max_size=7),
    st.decimals(min_value=Decimal(0), max_value=Decimal(30), places=2),
    st.sampled_from([Decimal(0), Decimal(25), Decimal("25.5")]),
    st.sampled_from(["SE", "NO", "FI"]),
)
def test_the_week_carries_the_commission_vat_and_the_payout_as_the_invoice_does(
    rate: Decimal, minutes: list[int], commission: Decimal, vat_rate: Decimal, seller: str
) -> None:
    from coapp.domain.invoices import compute_commission, compute_totals

    items = tuple(TimeItem(date(2026, 11, 23) + timedelta(days=i), m) for i, m in enumerate(minutes))
    rule = RoundingRule()
    category = VatCategory.STANDARD if vat_rate else VatCategory.ZERO
    lines = build_time_lines(
        items, Terms("x", FeeModel.HOURLY, rate, 480, rule), LineMode.PER_DAY, vat_rate, category
    )
    week = ContractWeek("x", FeeModel.HOURLY, rate, "SEK", commission, 480, rule, items, vat_rate=vat_rate)
    values = week_values([week], seller_country=seller)
    if not any(minutes):
        assert values == []
        return
    invoice = compute_commission(compute_totals(lines), commission, seller_country=seller)
    [value] = values
    assert value.total == compute_totals(lines).total
    assert (value.commission_vat, value.commission_reverse_charge) == (invoice.vat, invoice.reverse_charge)
    assert value.payout == invoice.payout


def test_a_week_by_hand_commission_vat_in_sweden_reverse_charge_abroad() -> None:
    items = (TimeItem(date(2026, 11, 23), 480),)
    week = ContractWeek(
        "x", FeeModel.HOURLY, Decimal(1000), "SEK", Decimal(10), 480, RoundingRule(), items, Decimal(25)
    )
    [se] = week_values([week], seller_country="SE")
    # 8 h × 1000 = 8000, VAT 2000, commission 800 with 200 VAT: paid 10000 − 800 − 200 = 9000.
    assert (se.agreement_value, se.vat, se.commission, se.commission_vat, se.payout) == (
        Decimal(8000),
        Decimal(2000),
        Decimal("800.00"),
        Decimal("200.00"),
        Decimal("9000.00"),
    )
    [no] = week_values([week], seller_country="NO")
    assert (no.commission_vat, no.commission_reverse_charge, no.payout) == (
        Decimal(0),
        True,
        Decimal("9200.00"),
    )
