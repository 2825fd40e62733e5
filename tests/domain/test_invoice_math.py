"""Invoice arithmetic: lines add up to the totals to the öre, rounding half up, no float anywhere."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.invoices import (
    InvoiceLine,
    InvoiceState,
    Unit,
    VatCategory,
    check_transition,
    compute_commission,
    compute_totals,
    round_money,
)
from coapp.domain.vat import vat_rates

NORDIC_RATES = sorted({r for c in ("SE", "NO", "DK", "FI") for r in vat_rates(c)})
CURRENCIES = ("SEK", "NOK", "DKK", "EUR")


def line(quantity: str, price: str, rate: str = "25") -> InvoiceLine:
    return InvoiceLine("work", Decimal(quantity), Unit.HOUR, Decimal(price), Decimal(rate))


# --- known cases, worked out by hand ----------------------------------------------------------


def test_line_amounts_round_half_up_not_to_even() -> None:
    assert line("2.5", "100.01").amount == Decimal("250.03")  # 250.025: banker's rounding gives .02
    assert line("0.5", "0.05").amount == Decimal("0.03")  # 0.025
    assert line("0.1167", "950").amount == Decimal("110.87")  # 110.865
    assert line("3", "33.333").amount == Decimal("100.00")  # 99.999


def test_vat_is_rounded_once_per_rate_on_the_rounded_lines() -> None:
    lines = [line("1", "0.02"), line("1", "0.02"), line("1", "0.02")]  # 0.005 VAT each, if per line
    totals = compute_totals(lines)
    assert totals.net == Decimal("0.06")
    assert [(g.base, g.amount) for g in totals.vat] == [(Decimal("0.06"), Decimal("0.02"))]  # 0.015 → 0.02
    assert totals.total == Decimal("0.08")


def test_groups_per_rate_highest_first() -> None:
    totals = compute_totals(
        [line("1", "100", "6"), line("2", "50", "25"), line("1", "10", "12"), line("1", "1", "25")]
    )
    assert [(g.rate, g.base, g.amount) for g in totals.vat] == [
        (Decimal(25), Decimal("101.00"), Decimal("25.25")),
        (Decimal(12), Decimal("10.00"), Decimal("1.20")),
        (Decimal(6), Decimal("100.00"), Decimal("6.00")),
    ]
    assert totals.net == Decimal("211.00")
    assert totals.total == Decimal("243.45")


def test_finnish_standard_rate_rounds_half_up() -> None:
    totals = compute_totals([line("1", "10.10", "25.5")])  # 2.5755 VAT
    assert totals.vat[0].amount == Decimal("2.58")
    assert totals.total == Decimal("12.68")


def test_commission_breakdown_by_hand() -> None:
    totals = compute_totals([line("7.5", "950"), line("8.25", "950"), line("0.25", "950")])
    commission = compute_commission(totals, Decimal("12.5"), seller_country="SE")
    assert (totals.net, totals.total) == (Decimal("15200.00"), Decimal("19000.00"))
    assert commission.amount == Decimal("1900.00")
    assert commission.net_to_freelancer == Decimal("13300.00")
    # The commission is the platform's service to a Swedish freelancer: 25 % VAT on 1900 is 475.
    assert (commission.vat_rate, commission.vat) == (Decimal(25), Decimal("475.00"))
    assert not commission.reverse_charge
    assert commission.payout == Decimal("16625.00")  # 19000 − 1900 − 475
    odd = compute_commission(compute_totals([line("1", "0.10")]), Decimal("15"), seller_country="SE")
    assert odd.amount == Decimal("0.02")  # 0.015 → 0.02


def test_commission_rate_out_of_range_is_refused() -> None:
    with pytest.raises(ValidationError):
        compute_commission(compute_totals([line("1", "1")]), Decimal("100.01"), seller_country="SE")


def test_float_is_refused() -> None:
    with pytest.raises(TypeError):
        InvoiceLine("x", 1.5, Unit.HOUR, Decimal(1), Decimal(25))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        round_money(0.1)  # type: ignore[arg-type]


def test_a_confirmed_invoice_never_goes_back() -> None:
    check_transition(InvoiceState.DRAFT, InvoiceState.CONFIRMED)
    for later in (InvoiceState.CONFIRMED, InvoiceState.SENT, InvoiceState.PAID, InvoiceState.CREDITED):
        with pytest.raises(ValidationError):
            check_transition(later, InvoiceState.DRAFT)
    with pytest.raises(ValidationError):
        check_transition(InvoiceState.CREDITED, InvoiceState.PAID)


# --- 10,000 random invoices -------------------------------------------------------------------

quantities = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("744"), places=4)
prices = st.decimals(min_value=Decimal("0"), max_value=Decimal("250000"), places=2)
lines = st.builds(
    lambda q, p, r, c: InvoiceLine("x", q, Unit.HOUR, p, r, c),
    quantities,
    prices,
    st.sampled_from(NORDIC_RATES),
    st.sampled_from([VatCategory.STANDARD, VatCategory.REVERSE_CHARGE]),
)


@settings(max_examples=10_000, deadline=None)
@given(
    st.lists(lines, min_size=1, max_size=50),
    st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=2),
    st.sampled_from(CURRENCIES),
)
def test_random_invoices_add_up_exactly(
    invoice_lines: list[InvoiceLine], rate: Decimal, currency: str
) -> None:
    totals = compute_totals(invoice_lines)
    commission = compute_commission(totals, rate, seller_country="SE")
    amounts = [li.amount for li in invoice_lines]
    money = [
        *amounts,
        totals.net,
        totals.total,
        *(g.base for g in totals.vat),
        *(g.amount for g in totals.vat),
    ]
    money += [commission.amount, commission.vat, commission.payout, commission.net_to_freelancer]
    assert all(type(m) is Decimal and m.as_tuple().exponent == -2 for m in money), currency
    assert sum(amounts, Decimal(0)) == totals.net
    assert sum((g.base for g in totals.vat), Decimal(0)) == totals.net
    assert totals.net + sum((g.amount for g in totals.vat), Decimal(0)) == totals.total
    for group in totals.vat:
        exact = group.base * group.rate / 100
        assert abs(group.amount - exact) <= Decimal("0.005")
    assert commission.agreement_value == totals.net
    assert commission.net_to_freelancer + commission.amount == totals.net
    assert commission.payout + commission.amount + commission.vat == totals.total
    assert commission.vat == round_money(commission.amount * commission.vat_rate / 100)


def test_commission_to_a_freelancer_abroad_is_reverse_charged() -> None:
    totals = compute_totals([line("10", "100")])  # net 1000, total 1250
    commission = compute_commission(totals, Decimal("10"), seller_country="NO")
    assert (commission.vat_rate, commission.vat) == (Decimal(0), Decimal("0.00"))
    assert commission.reverse_charge
    assert commission.payout == Decimal("1150.00")  # 1250 − 100 − 0


def test_commission_vat_rounds_once_half_up() -> None:
    # Commission 0.10 × 25 % = 0.025 → 0.03 (banker's rounding would give 0.02).
    totals = compute_totals([line("1", "1.00", "0")])
    commission = compute_commission(totals, Decimal("10"), seller_country="SE")
    assert (commission.amount, commission.vat) == (Decimal("0.10"), Decimal("0.03"))


def test_signed_total_cancels_a_credit_note() -> None:
    from coapp.domain.invoices import InvoiceKind, signed_total

    assert signed_total(InvoiceKind.INVOICE, Decimal("125.00")) == Decimal("125.00")
    assert signed_total(InvoiceKind.CREDIT_NOTE, Decimal("125.00")) == Decimal("-125.00")


def test_the_platform_may_return_an_unnumbered_confirmation_and_nothing_else() -> None:
    check_transition(InvoiceState.CONFIRMED, InvoiceState.DRAFT, returned=True)
    check_transition(InvoiceState.CREDITED, InvoiceState.CONFIRMED, returned=True)
    with pytest.raises(ValidationError):
        check_transition(InvoiceState.CONFIRMED, InvoiceState.DRAFT)
    with pytest.raises(ValidationError):
        check_transition(InvoiceState.PAID, InvoiceState.DRAFT, returned=True)
