"""The seeded demo: two years of time through the grid's services and the invoices through the
invoice screen's, every past month confirmed without a gap in the numbers, the last month in drafts."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from coapp.app.context import AppContext
from coapp.domain.contracts import FeeModel, RoundingMode
from coapp.domain.errors import LockedError
from coapp.domain.invoices import BilledTo, InvoiceState, Unit
from coapp.domain.weeks import IsoWeek
from coapp.services.business import BusinessInfo
from coapp.services.demo import DEMO_BUSINESS, DemoSummary, plan_demo, seed_demo
from coapp.services.demo_invoices import issue_day
from coapp.services.demo_plan import first_of_month
from coapp.services.errors import AlreadySeededError
from coapp.services.invoice_confirm import InvoiceConfirmation
from coapp.services.invoice_series import AccountSeries
from tests.conftest import make_contract

TODAY = date(2026, 11, 26)
CENT = Decimal("0.01")
EVER = (date(2000, 1, 1), date(2100, 1, 1))


def _stand_in_pdf(doc: object, path: Path, logo: object) -> None:
    path.write_bytes(b"%PDF-stand-in")


def _quick(ctx: AppContext) -> AppContext:
    """*ctx* confirming through a stand-in PDF writer: rendering two years of invoices takes seconds,
    and tests/test_cli.py checks the real PDFs that `coapp demo` archives."""
    archive = ctx.paths.invoice_archive
    return dataclasses.replace(
        ctx, confirmation=InvoiceConfirmation(ctx.store, AccountSeries(), archive, _stand_in_pdf)
    )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, DemoSummary]]:
    """One seeded folder for the tests that only read it."""
    ctx = _quick(AppContext.open(tmp_path_factory.mktemp("demo")))
    try:
        yield ctx, seed_demo(ctx, today=TODAY)
    finally:
        ctx.close()


def _seq(number: str | None) -> int:
    assert number is not None
    assert re.fullmatch(r"20\d\d-\d{4}", number), number
    return int(number.split("-")[1])


def test_seeding_writes_the_plan_through_the_services(seeded: tuple[AppContext, DemoSummary]) -> None:
    ctx, summary = seeded
    plan = plan_demo(TODAY)
    contracts = ctx.contracts.all()
    assert {c.id for c in contracts} == {c.id for c in summary.contracts}
    assert len(contracts) == len(plan.contracts) == 7
    for planned, stored in zip(plan.contracts, summary.contracts, strict=True):
        assert (stored.client_name, stored.title, stored.fee_model, stored.rate, stored.currency) == (
            planned.client_name,
            planned.title,
            planned.fee_model,
            planned.rate,
            planned.currency,
        )
        assert (stored.start_date, stored.end_date, stored.rounding) == (
            planned.start_date,
            planned.end_date,
            planned.rounding,
        )
    assert summary.contracts[0].rounding.mode is RoundingMode.UP

    entries = ctx.timesheet.entries_between(*EVER)
    index = {c.id: n for n, c in enumerate(summary.contracts)}
    assert sorted((index[cid], day, minutes, note) for cid, day, minutes, note in entries) == sorted(
        (e.contract, e.work_date, e.minutes, e.note) for e in plan.entries
    )
    assert summary.entries == len(entries) > 400
    assert summary.total_minutes == sum(m for _, _, m, _ in entries)
    assert (summary.first_day, summary.last_day) == (plan.first_day, plan.last_day)
    assert (summary.last_day - summary.first_day).days >= 2 * 364

    # The grid opens on this week: the three current contracts, with this week's time so far.
    sheet = ctx.timesheet.week(IsoWeek.of(TODAY))
    assert len(sheet.rows) == 3
    assert sheet.total > 0


def test_every_past_month_is_confirmed_and_numbered_without_a_gap(
    seeded: tuple[AppContext, DemoSummary],
) -> None:
    ctx, summary = seeded
    plan = plan_demo(TODAY)
    ids = [c.id for c in summary.contracts]
    confirmed = [i for i in ctx.invoices.list() if i.state is not InvoiceState.DRAFT]
    assert len(confirmed) == summary.invoices >= 48
    # Paid once due, sent while the payment is still to come: a real history's states.
    today = plan.last_day + timedelta(days=1)
    for invoice in confirmed:
        expected = InvoiceState.PAID if invoice.due_date < today else InvoiceState.SENT
        assert invoice.state is expected, (invoice.number, invoice.due_date)
    assert {i.state for i in confirmed} == {InvoiceState.PAID, InvoiceState.SENT}

    ordered = sorted(confirmed, key=lambda i: _seq(i.number))
    assert [_seq(i.number) for i in ordered] == list(range(1, len(ordered) + 1))
    assert [i.issue_date for i in ordered] == sorted(i.issue_date for i in ordered)
    assert all(i.number and i.number.startswith(f"{i.issue_date.year}-") for i in ordered)

    # Each past month: one confirmed invoice per contract with time that month, issued on the
    # first working day after it.
    current = first_of_month(plan.last_day)
    worked: dict[tuple[int, date], int] = defaultdict(int)
    for e in plan.entries:
        if plan.contracts[e.contract].fee_model is not FeeModel.FIXED:
            worked[(e.contract, first_of_month(e.work_date))] += e.minutes
    time_invoices = {
        (ids.index(i.contract_id), i.period_start): i
        for i in confirmed
        if summary.contracts[ids.index(i.contract_id)].fee_model is not FeeModel.FIXED
    }
    past = {key for key in worked if key[1] < current}
    assert set(time_invoices) == past
    assert len({month for _, month in past}) == 24  # two years of months before this one
    for (_, month), invoice in time_invoices.items():
        assert invoice.period_end == first_of_month(month, 1) - timedelta(days=1)
        assert invoice.issue_date == issue_day(month, TODAY, "SE")
        assert invoice.issue_date.weekday() < 5
        assert Path(invoice.pdf_path or "missing").is_file()  # archived as it was confirmed


def test_the_invoices_add_up_to_the_time(seeded: tuple[AppContext, DemoSummary]) -> None:
    ctx, summary = seeded
    plan = plan_demo(TODAY)
    current = first_of_month(plan.last_day)
    ids = [c.id for c in summary.contracts]
    by_id = {i.id: i for i in ctx.invoices.list()}
    for invoice in by_id.values():
        contract = plan.contracts[ids.index(invoice.contract_id)]
        if contract.fee_model is FeeModel.FIXED:
            continue
        doc = ctx.invoices.document(invoice.id)
        expected = [
            (e.work_date, e.minutes)
            for e in plan.entries
            if e.contract == ids.index(invoice.contract_id)
            and invoice.period_start <= e.work_date <= invoice.period_end
        ]
        behind = [(t.day, t.minutes) for t in ctx.invoices.time_behind(invoice.id)]
        assert behind == expected
        assert sum(li.raw_minutes or 0 for li in doc.lines) == sum(m for _, m in expected)
        assert doc.totals.net == sum((li.amount for li in doc.lines), start=Decimal(0))
        assert doc.totals.total == doc.totals.net + doc.totals.vat_total == invoice.total
        assert {li.unit for li in doc.lines} == {
            Unit.DAY if contract.fee_model is FeeModel.DAILY else Unit.HOUR
        }
        if contract.currency == "NOK":
            assert doc.totals.vat_total == 0  # Norway is outside the EU: no Swedish VAT
        else:
            assert doc.totals.vat_total == (doc.totals.net * Decimal("0.25")).quantize(CENT, ROUND_HALF_UP)
        assert (invoice.period_start < current) == (invoice.state is not InvoiceState.DRAFT)

    # Every entry before this month is locked on its invoice; this month's are not yet (their
    # drafts would bill them: a draft's time behind it is what is uninvoiced).
    this_month = 0
    for cid, day, minutes, note in ctx.timesheet.entries_between(*EVER):
        if plan.contracts[ids.index(cid)].fee_model is FeeModel.FIXED:
            continue
        if day >= current:
            this_month += 1
            continue
        with pytest.raises(LockedError, match="confirmed invoice"):
            ctx.timesheet.set_time(cid, day, minutes, note + " (ändrad)")
    drafts = ctx.invoices.list(state=InvoiceState.DRAFT)
    assert this_month == sum(len(ctx.invoices.time_behind(d.id)) for d in drafts) > 0


def test_the_last_month_waits_as_drafts(seeded: tuple[AppContext, DemoSummary]) -> None:
    ctx, summary = seeded
    drafts = ctx.invoices.list(state=InvoiceState.DRAFT)
    assert len(drafts) == summary.drafts == 2  # the hourly and the daily contract, November 2026
    assert {d.contract_id for d in drafts} == {summary.contracts[0].id, summary.contracts[1].id}
    for draft in drafts:
        assert (draft.period_start, draft.period_end) == (date(2026, 11, 1), date(2026, 11, 30))
        assert draft.number is None
        assert draft.issue_date == TODAY
        assert ctx.confirmation.preflight(draft.id) == []  # one click from confirmed
        assert {t.day for t in ctx.invoices.time_behind(draft.id)} <= {
            date(2026, 11, 1) + timedelta(days=n) for n in range(25)
        }


def test_fixed_fees_are_invoiced_to_the_platform_per_milestone(
    seeded: tuple[AppContext, DemoSummary],
) -> None:
    ctx, summary = seeded
    plan = plan_demo(TODAY)
    for n, contract in enumerate(summary.contracts):
        if contract.fee_model is not FeeModel.FIXED:
            continue
        invoices = ctx.invoices.list(contract_id=contract.id)
        milestones = [m for m in plan.milestones if m.contract == n]
        assert len(invoices) == len(milestones) >= 1
        for invoice in invoices:
            doc = ctx.invoices.document(invoice.id)
            assert doc.billed_to is BilledTo.PLATFORM
            assert invoice.state in (InvoiceState.PAID, InvoiceState.SENT)
            assert [(li.quantity, li.unit, li.vat_rate) for li in doc.lines] == [(1, Unit.PIECE, 25)]
        billed = sorted(ctx.invoices.document(i.id).totals.net for i in invoices)
        assert billed == sorted(m.amount for m in milestones)
        if contract.end_date is not None and contract.end_date < TODAY:
            assert sum(billed) == contract.rate  # delivered and paid in full
        else:
            assert 0 < sum(billed) < contract.rate


def test_seeding_twice_is_refused_and_changes_nothing(seeded: tuple[AppContext, DemoSummary]) -> None:
    ctx, _ = seeded
    before = (ctx.contracts.all(), ctx.timesheet.entries_between(*EVER), ctx.invoices.list())
    with pytest.raises(AlreadySeededError, match="already holds 7 contracts;"):
        seed_demo(ctx, today=TODAY + timedelta(days=1))
    assert (ctx.contracts.all(), ctx.timesheet.entries_between(*EVER), ctx.invoices.list()) == before


def test_seeding_refuses_a_folder_with_real_contracts(ctx: AppContext) -> None:
    make_contract(ctx, "Riktigt uppdrag")
    with pytest.raises(AlreadySeededError, match="already holds 1 contract;"):
        seed_demo(ctx, today=TODAY)
    assert [c.title for c in ctx.contracts.all()] == ["Riktigt uppdrag"]
    assert ctx.timesheet.entries_between(*EVER) == []


def test_someone_elses_business_confirms_no_demo_invoice(ctx: AppContext) -> None:
    """Confirmed invoices take numbers of the issuer's series for good: not of a real business."""
    mine = dataclasses.replace(DEMO_BUSINESS, name="Riktig Konsult", email="riktig@example.com")
    ctx.business.save(mine)
    summary = seed_demo(ctx, today=TODAY)
    assert ctx.business.get().name == "Riktig Konsult"
    assert (summary.invoices, summary.drafts) == (0, 2)
    assert [i.state for i in ctx.invoices.list()] == [InvoiceState.DRAFT] * 2
    assert len(ctx.timesheet.entries_between(*EVER)) == summary.entries


def test_the_demo_business_is_a_real_swedish_sole_trader(ctx: AppContext) -> None:
    from stdnum.se import personnummer

    from coapp.domain.identifiers import vat_number_from_org_number
    from coapp.services.business import field_problems, missing_for_invoicing

    info = DEMO_BUSINESS
    assert (info.company_form, info.country, info.f_skatt) == ("sole_trader", "SE", True)
    # Her organisation number is her personnummer (month 01-12 in digits 3-4, never an AB's 55...).
    assert personnummer.is_valid(info.org_number)
    assert not info.org_number.startswith("5")
    assert info.vat_number == vat_number_from_org_number(info.org_number, "SE") == f"SE{info.org_number}01"
    assert info.bankgiro
    assert info.registered_office == ""  # only a limited company shows its säte
    assert field_problems(info) == {}
    assert missing_for_invoicing(info) == []
    assert ctx.business.get() == BusinessInfo()

    quick = _quick(ctx)
    summary = seed_demo(quick, today=TODAY)
    saved = ctx.business.get()
    assert (saved.name, saved.org_number, saved.vat_number) == (info.name, info.org_number, info.vat_number)
    waiting = ctx.invoices.list(state=InvoiceState.DRAFT, contract_id=summary.contracts[0].id)
    assert len(waiting) == 1
    doc = quick.confirmation.confirm(waiting[0].id, today=TODAY)
    assert _seq(doc.number) == summary.invoices + 1  # the series goes on where the history ended
    assert doc.number == f"2026-{summary.invoices + 1:04d}"
