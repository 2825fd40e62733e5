"""Insights' numbers: hours per week per contract against the expected, earnings per month of issue
(a credit note counts against, drafts do not, currencies never added), invoice states and amounts."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from coapp.app.context import AppContext
from coapp.domain.invoices import InvoiceState
from coapp.domain.year_month import YearMonth
from coapp.services.insights import InsightsReader, months_between
from coapp.services.invoice_confirm import InvoiceConfirmation
from coapp.services.invoice_series import LocalSeries
from coapp.services.sheets import CellChange
from tests.conftest import make_contract

from .invoicing_helpers import SOLE_TRADER, WEEK48, RecordingPdfWriter, hourly_contract

TODAY = date(2026, 12, 6)


def test_hours_per_week_per_contract_against_the_expected(ctx: AppContext) -> None:
    a = make_contract(ctx, "Alpha", start_date=date(2026, 10, 26), end_date=None)
    b = make_contract(ctx, "Beta", start_date=date(2026, 11, 25), end_date=None, minutes_per_day=240)
    ctx.timesheet.apply(
        [CellChange(a.id, date(2026, 11, 2), 480), CellChange(a.id, date(2026, 11, 3), 300),
         CellChange(b.id, date(2026, 11, 26), 240), CellChange(a.id, date(2026, 10, 30), 60)]
    )  # fmt: skip
    found = ctx.insights.read(YearMonth(2026, 11), YearMonth(2026, 11), "SE", today=TODAY)
    assert str(found.weeks[0]) == "2026-W44"  # Mon 26 Oct: the week holding 1 Nov
    assert str(found.weeks[-1]) == "2026-W49"
    assert [c.title for c in found.contracts] == ["Alpha", "Beta"]
    assert found.minutes[a.id][1] == 780  # W45
    assert found.minutes[a.id][0] == 60  # the period's first week is whole
    assert found.minutes[b.id][4] == 240  # W48
    # W45: Alpha's five days; W48: Beta's half days from Wed 25 Nov overlap Alpha's whole ones, and
    # one person works one day: still five of Alpha's (coapp.domain.expected_time).
    assert found.expected[1] == 5 * 480
    assert found.expected[4] == 5 * 480
    assert found.expected[0] == 5 * 480  # W44 (26–30 Oct) counts whole: the week holds 1 Nov
    assert found.reported[1] == 780
    assert found.utilisation_percent()[1] == 33  # 780 of 2,400, rounded half up
    assert found.utilisation_percent()[2] == 0  # W46: expected, nothing reported


def test_future_weeks_are_left_out(ctx: AppContext) -> None:
    found = ctx.insights.read(YearMonth(2026, 12), YearMonth(2027, 3), today=TODAY)
    assert [str(w) for w in found.weeks] == ["2026-W49"]
    assert len(found.months) == 4


def test_earnings_per_month_with_a_credit_note_and_states(ctx: AppContext) -> None:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, WEEK48[0], 480), CellChange(contract.id, WEEK48[1], 480)])
    confirm = InvoiceConfirmation(ctx.store, LocalSeries(), ctx.paths.invoice_archive, RecordingPdfWriter())
    issued = WEEK48[6] + timedelta(days=1)
    doc = confirm.confirm(ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6], today=issued).id, today=issued)
    month = YearMonth.of(doc.issue_date)
    found = ctx.insights.read(month, month, today=issued + timedelta(days=40))
    [money] = found.earnings["SEK"]
    commission = doc_commission = money.commission
    assert money.agreement_value == doc.totals.net
    assert money.vat == sum(group.amount for group in doc.totals.vat)
    assert doc_commission > 0
    assert money.commission_vat == (commission * Decimal("0.25")).quantize(Decimal("0.01"))
    assert money.payout == doc.totals.total - commission - money.commission_vat
    assert found.states["SEK"][InvoiceState.CONFIRMED].count == 1
    # A credit note takes it back: the month sums to nothing, the states show both.
    confirm.credit(doc.id, today=issued)
    after = ctx.insights.read(month, month, today=issued + timedelta(days=40))
    [money] = after.earnings["SEK"]
    assert money.agreement_value == 0
    assert money.payout == 0
    assert after.states["SEK"][InvoiceState.CREDITED].count == 1
    # A draft waits: in the states, not in the earnings.
    ctx.timesheet.apply([CellChange(contract.id, WEEK48[2], 480)])
    draft = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6], today=issued, force=True)
    later = ctx.insights.read(month, month, today=issued + timedelta(days=40))
    assert later.states["SEK"][InvoiceState.DRAFT].amount == draft.totals.total
    assert later.earnings["SEK"][0].agreement_value == 0


def test_ten_years_of_months() -> None:
    months = months_between(YearMonth(2016, 12), YearMonth(2026, 11))
    assert len(months) == 120
    assert months[0] == YearMonth(2016, 12)
    assert months[1] == YearMonth(2017, 1)
    assert months[-1] == YearMonth(2026, 11)


def test_an_empty_store_reads_empty(ctx: AppContext) -> None:
    found = InsightsReader(ctx.store).read(YearMonth(2026, 1), YearMonth(2026, 12), today=TODAY)
    assert found.contracts == ()
    assert found.currencies == ()
    assert set(found.reported) == {0}


def test_each_chart_exports_csv_that_a_spreadsheet_reads_as_numbers_and_safe_text(ctx: AppContext) -> None:
    import csv
    import io

    from coapp.services.insights_export import earnings_csv, hours_csv, states_csv, utilisation_csv

    a = make_contract(ctx, '=HYPERLINK("http://x")', start_date=date(2026, 10, 26), end_date=None)
    ctx.timesheet.apply([CellChange(a.id, date(2026, 11, 2), 450)])
    found = ctx.insights.read(YearMonth(2026, 11), YearMonth(2026, 11), today=TODAY)
    rows = list(csv.reader(io.StringIO(hours_csv(found, "sv")), delimiter=";"))
    assert rows[0][2].startswith("'=HYPERLINK")  # text, never a formula
    assert rows[0][-2:] == ["Summa", "Förväntat (h)"]
    assert rows[2][:3] == ["2026-W45", "2026-11-02", "7,5"]
    english = list(csv.reader(io.StringIO(utilisation_csv(found, "en"))))
    assert english[2] == ["2026-W45", "2026-11-02", "7.5", "40", "19"]
    assert earnings_csv(found, "SEK", "en").splitlines()[0].startswith("Month,Currency,Agreement value")
    assert states_csv(found, "en").splitlines() == ["Currency,State,Invoices,Amount"]
