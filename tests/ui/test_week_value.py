"""Under the grid: what the week is worth, the commission and what is yours, as the invoice will be."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QLabel

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.invoice_lines import TimeItem
from coapp.domain.week_value import ContractWeek, week_values
from tests.conftest import make_contract
from tests.ui.helpers import grid_of, type_into


def _label(window) -> str:  # type: ignore[no-untyped-def]
    label = window.findChild(QLabel, "weekValue")
    return label.text() if label.isVisible() else ""


def test_the_week_value_follows_typing(qtbot, ctx, use_settings, open_window) -> None:  # type: ignore[no-untyped-def]
    use_settings(language="sv")
    contract = make_contract(ctx, rounding=RoundingRule.parse("up:15:entry"))  # 950 kr, 12,5 %
    window = open_window(date(2026, 11, 24))
    assert _label(window) == ""  # nothing reported, nothing to value
    type_into(qtbot, grid_of(window), 0, 0, "7:20")  # billed 7:30 → 7 125,00 kr
    qtbot.waitUntil(lambda: "7\u00a0125,00\u00a0kr" in _label(window))  # read beside the GUI
    text = _label(window)
    assert "7\u00a0125,00\u00a0kr" in text
    assert "890,63\u00a0kr" in text  # 12,5 % of 7 125 rounded half up
    # With its VAT: 7 125 + 25 % = 8 906,25; commission 890,63 + 25 % VAT 222,66; paid 7 792,96.
    assert "222,66\u00a0kr" in text
    assert "7\u00a0792,96\u00a0kr" in text
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 440


def test_week_values_per_currency_skip_fixed_fees() -> None:
    def week(fee: FeeModel, currency: str, minutes: int) -> ContractWeek:
        items = (TimeItem(date(2026, 11, 23), minutes),)
        return ContractWeek("x", fee, Decimal("1000"), currency, Decimal("10"), 480, RoundingRule(), items)

    values = week_values([
        week(FeeModel.HOURLY, "SEK", 90), week(FeeModel.DAILY, "NOK", 240), week(FeeModel.FIXED, "SEK", 480),
        week(FeeModel.HOURLY, "SEK", 30),
    ])  # fmt: skip
    assert [(v.currency, v.agreement_value, v.commission, v.kept) for v in values] == [
        ("NOK", Decimal("500.00"), Decimal("50.00"), Decimal("450.00")),  # half a day
        ("SEK", Decimal("2000.00"), Decimal("200.00"), Decimal("1800.00")),
    ]


def test_a_week_switch_reads_the_vat_rates_once_and_a_change_reads_them_again(
    qtbot, ctx, use_settings, open_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The VAT rates come from the store on a worker once; week switches reuse them (the switch
    budget); new business details (the seller's country) read them again."""
    from coapp.services.week_value import WeekValues

    calls: list[int] = []
    rates = WeekValues.rates

    def counted(self):  # type: ignore[no-untyped-def]
        calls.append(1)
        return rates(self)

    monkeypatch.setattr(WeekValues, "rates", counted)
    use_settings(language="sv")
    contract = make_contract(ctx)
    for day in (date(2026, 11, 16), date(2026, 11, 23)):
        ctx.timesheet.set_time(contract.id, day, 480)
    window = open_window(date(2026, 11, 24))
    qtbot.waitUntil(lambda: "paid to you" in _label(window) or "utbetalas" in _label(window))
    assert "moms" in _label(window)
    window.timesheet.previous_week()
    first = _label(window)  # from the rates already read: no worker, at once
    assert "utbetalas" in first
    window.timesheet.next_week()
    assert len(calls) == 1
    details = ctx.business.get()
    ctx.business.save(dataclasses.replace(details, country="NO"))
    window.timesheet.forget_value_rates()
    window.timesheet.controller.reload()
    qtbot.waitUntil(lambda: len(calls) == 2)
