"""Benchmarks section 10 (opening Insights) runs end to end on a few months of two contracts: the
invoices are added through the services, each case opens the real window in a fresh process and
reports a drawn hours chart, and the baseline draws its bars. No timings are judged here; the
benchmark itself does that on the 10-year data set."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from benchmarks.children import child_env
from benchmarks.insights_bench import insights_section
from coapp.app.context import AppContext
from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.services.sheets import CellChange


def _tiny_folder(folder: Path) -> None:
    today = date.today()
    start = today.replace(day=1) - timedelta(days=100)
    ctx = AppContext.open(folder)
    try:
        for title, currency in (("Backend", "SEK"), ("Review", "EUR")):
            contract = ctx.contracts.create(
                client_name="Mätbolaget AB",
                title=title,
                fee_model=FeeModel.HOURLY,
                rate=Decimal("1085.00"),
                currency=currency,
                commission_percent=Decimal("12.5"),
                start_date=start,
                end_date=None,
                rounding=RoundingRule.parse("up:15:entry"),
            )
            days = [start + timedelta(days=i) for i in range((today - start).days + 1)]
            ctx.timesheet.apply([CellChange(contract.id, d, 240) for d in days if d.weekday() < 5])
    finally:
        ctx.close()


def test_the_insights_section_opens_each_case_and_draws_the_chart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source" / "data"
    _tiny_folder(source)
    overs = insights_section(source, 120, child_env(), runs=1, months=2, cache=False)
    out = capsys.readouterr().out
    assert "10. Opening Insights on 10 years of data" in out
    assert re.search(r"invoices: one per contract .* \(\d+ confirmed with their PDFs", out)
    for label in (
        "Last 10 years, warm",
        "Last 10 years, first opening",
        "Last 12 months, warm",
        "Last 12 months, cold",
    ):
        assert re.search(rf"^   {label}.*?[\d.]+ ms \(min", out, re.MULTILINE), label
    # The budget is the first opening's, which imports the screen's modules as a user's does.
    assert re.search(r"Last 10 years, first opening .* budget ≤ 300 ms +(ok|OVER)", out)
    assert re.search(r"then Last 10 years chosen in the menu \(warm\): +[\d.]+ ms", out)
    bars = re.search(r"2 contracts with time, (\d+) weeks \(([\d,]+) bars\)", out)
    assert bars is not None
    assert int(bars[2].replace(",", "")) == 2 * int(bars[1])
    assert re.search(rf"baseline: bare QWidget painting {bars[2]} bars: +[\d.]+ ms", out)
    assert isinstance(overs, list)
