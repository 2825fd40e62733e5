"""Drafts, the pre-flight check, confirmation, credit notes and states, worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from coapp.app.context import AppContext
from coapp.domain.contracts import FeeModel
from coapp.domain.errors import LockedError, ValidationError
from coapp.domain.invoice_lines import LineMode
from coapp.domain.invoices import BilledTo, InvoiceKind, InvoiceLine, InvoiceState, Unit, VatCategory
from coapp.domain.weeks import IsoWeek
from coapp.models import TimeEntry
from coapp.services.errors import ConfirmRefused
from coapp.services.invoice_confirm import InvoiceConfirmation
from coapp.services.invoice_series import LocalSeries
from coapp.services.platform import PLATFORM, PLATFORM_CLIENT_FUNDS
from coapp.services.timesheet import CellChange
from tests.conftest import make_contract

from .invoicing_helpers import SOLE_TRADER, WEEK48, RecordingPdfWriter, hourly_contract, with_client


@pytest.fixture
def confirmation(ctx: AppContext) -> tuple[InvoiceConfirmation, RecordingPdfWriter]:
    writer = RecordingPdfWriter()
    return InvoiceConfirmation(ctx.store, LocalSeries(), ctx.paths.invoice_archive, writer), writer


def _report(ctx: AppContext, contract_id: str) -> None:
    ctx.timesheet.apply(
        [
            CellChange(contract_id, WEEK48[0], 440, "API design"),  # 7:20 → 7:30 billed
            CellChange(contract_id, WEEK48[1], 485, "Review"),  # 8:05 → 8:15
            CellChange(contract_id, WEEK48[2], 7, ""),  # 0:07 → 0:15
        ]
    )


def test_a_draft_worked_out_by_hand(ctx: AppContext) -> None:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)  # 950 SEK an hour, 12.5 % commission
    _report(ctx, contract.id)
    doc = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6], LineMode.PER_DAY, today=date(2026, 11, 30))
    assert doc.number is None
    assert doc.state is InvoiceState.DRAFT
    assert [(li.quantity, li.unit, li.amount) for li in doc.lines] == [
        (Decimal("7.5"), Unit.HOUR, Decimal("7125.00")),
        (Decimal("8.25"), Unit.HOUR, Decimal("7837.50")),
        (Decimal("0.25"), Unit.HOUR, Decimal("237.50")),
    ]
    assert [(li.raw_minutes, li.billed_minutes) for li in doc.lines] == [(440, 450), (485, 495), (7, 15)]
    assert doc.totals.net == Decimal("15200.00")
    assert [(g.rate, g.base, g.amount) for g in doc.totals.vat] == [
        (Decimal(25), Decimal("15200.00"), Decimal("3800.00"))
    ]
    assert doc.totals.total == Decimal("19000.00")
    assert doc.commission.amount == Decimal("1900.00")
    assert doc.commission.net_to_freelancer == Decimal("13300.00")
    # The commission is the platform's service to a Swedish freelancer: 25 % VAT on it.
    assert (doc.commission.vat_rate, doc.commission.vat) == (Decimal(25), Decimal("475.00"))
    assert doc.commission.payout == Decimal("16625.00")  # 19000 − 1900 − 475
    assert doc.due_date == date(2026, 12, 30)
    assert doc.billed_to is BilledTo.CLIENT
    assert doc.lines[0].notes == "API design"
    # The service is written once above the lines; each line says what that day was, and when.
    assert doc.line_heading == "Konsulttjänster: Backend"
    assert [li.description for li in doc.lines] == ["API design", "Review", WEEK48[2].isoformat()]
    assert [li.day for li in doc.lines] == list(WEEK48[:3])


def test_per_week_lines_sum_the_billed_days(ctx: AppContext) -> None:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    doc = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6], LineMode.PER_WEEK)
    assert len(doc.lines) == 1
    assert doc.lines[0].quantity == Decimal("16")
    assert doc.lines[0].raw_minutes == 932
    assert doc.lines[0].billed_minutes == 960
    assert doc.lines[0].notes == "API design; Review"
    assert doc.totals.net == Decimal("15200.00")


def test_confirm_numbers_locks_freezes_and_archives(
    ctx: AppContext, confirmation: tuple[InvoiceConfirmation, RecordingPdfWriter]
) -> None:
    confirm, writer = confirmation
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    draft = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    doc = confirm.confirm(draft.id, today=date(2026, 12, 1))
    assert doc.number == "2026-0001"
    assert doc.state is InvoiceState.CONFIRMED
    assert doc.payment.reference_kind == "ocr"
    assert doc.payment.reference
    assert writer.written[-1][1].name == "2026-0001 Acme AB.pdf"
    week = ctx.timesheet.week(IsoWeek(2026, 48))
    assert [c.locked for c in week.rows[0].cells[:3]] == [True, True, True]
    with pytest.raises(LockedError):
        ctx.timesheet.set_time(contract.id, WEEK48[0], 60)
    # Later changes to the business details do not change the confirmed invoice.
    ctx.business.save(SOLE_TRADER.__class__(**{**SOLE_TRADER.__dict__, "name": "Someone Else"}))
    assert ctx.invoices.document(doc.id).seller.name == "Åsa Økland-Ähtäri"
    with pytest.raises(ValidationError):
        ctx.drafts.refresh(doc.id)
    with pytest.raises(ValidationError):
        ctx.drafts.discard(doc.id)


def test_preflight_names_every_problem(ctx: AppContext, confirmation) -> None:  # type: ignore[no-untyped-def]
    confirm, _ = confirmation
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    draft = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    problems = confirm.preflight(draft.id)
    assert any("business details" in p for p in problems)
    with pytest.raises(ConfirmRefused) as refused:
        confirm.confirm(draft.id)
    assert refused.value.problems == problems
    assert ctx.invoices.document(draft.id).number is None  # nothing happened

    ctx.business.save(SOLE_TRADER)
    ctx.timesheet.set_time(contract.id, WEEK48[3], 60)  # the grid changes after the draft
    assert any("refresh" in p for p in confirm.preflight(draft.id))
    ctx.drafts.refresh(draft.id)
    assert confirm.preflight(draft.id) == []


def test_numbers_are_unique_and_without_gaps_across_credit_notes(ctx: AppContext, confirmation) -> None:  # type: ignore[no-untyped-def]
    confirm, _ = confirmation
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    numbers = []
    for i, day in enumerate(WEEK48[:5]):
        ctx.timesheet.set_time(contract.id, day, 60 + i)
        draft = ctx.drafts.create(contract.id, day, day)
        doc = confirm.confirm(draft.id)
        numbers.append(doc.number)
        if i % 2 == 0:
            credit = confirm.credit(doc.id)
            numbers.append(credit.number)
            assert credit.kind is InvoiceKind.CREDIT_NOTE
            assert credit.credited_number == doc.number
            assert credit.totals.total == doc.totals.total
            assert ctx.invoices.document(doc.id).state is InvoiceState.CREDITED
    assert numbers == [f"2026-{n:04d}" for n in range(1, len(numbers) + 1)]


def test_a_credit_note_unlocks_the_time_for_a_new_invoice(ctx: AppContext, confirmation) -> None:  # type: ignore[no-untyped-def]
    confirm, _ = confirmation
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    doc = confirm.confirm(ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6]).id)
    with pytest.raises(ValidationError):
        ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])  # nothing left to invoice
    confirm.credit(doc.id)
    with ctx.store.read() as s:
        assert all(e.invoice_id is None for e in s.scalars(select(TimeEntry)))
    ctx.timesheet.set_time(contract.id, WEEK48[0], 480)  # corrected
    again = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    assert again.lines[0].quantity == Decimal(8)
    with pytest.raises(ValidationError):
        confirm.credit(doc.id)  # credited once is enough


def test_states_move_forward_only(ctx: AppContext, confirmation) -> None:  # type: ignore[no-untyped-def]
    confirm, _ = confirmation
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    doc = confirm.confirm(ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6]).id)
    assert confirm.mark(doc.id, InvoiceState.SENT).state is InvoiceState.SENT
    assert confirm.mark(doc.id, InvoiceState.PAID).state is InvoiceState.PAID
    with pytest.raises(ValidationError):
        confirm.mark(doc.id, InvoiceState.SENT)
    with pytest.raises(ValidationError):
        confirm.mark(doc.id, InvoiceState.DRAFT)


def test_a_failed_pdf_write_confirms_nothing(ctx: AppContext) -> None:
    def broken(doc, path, logo):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    confirm = InvoiceConfirmation(ctx.store, LocalSeries(), ctx.paths.invoice_archive, broken)
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    draft = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    with pytest.raises(OSError, match="disk full"):
        confirm.confirm(draft.id)
    after = ctx.invoices.document(draft.id)
    assert after.state is InvoiceState.DRAFT
    assert after.number is None
    ctx.timesheet.set_time(contract.id, WEEK48[0], 300)  # still unlocked
    good = InvoiceConfirmation(ctx.store, LocalSeries(), ctx.paths.invoice_archive, RecordingPdfWriter())
    ctx.drafts.refresh(draft.id)
    assert good.confirm(draft.id).number == f"{date.today().year}-0001"  # the failed attempt left no gap


def test_a_demo_draft_confirms_at_once(ctx: AppContext, confirmation) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from coapp.services.demo import seed_demo

    confirm, _ = confirmation
    # Seeded through the stand-in PDF writer: the demo confirms two years of invoices.
    summary = seed_demo(dataclasses.replace(ctx, confirmation=confirm), today=date(2026, 11, 26))
    hourly, daily = summary.contracts[:2]
    waiting = {d.contract_id: d.id for d in ctx.invoices.list(state=InvoiceState.DRAFT)}
    assert confirm.preflight(waiting[hourly.id]) == []
    doc = confirm.confirm(waiting[hourly.id], today=date(2026, 11, 26))
    assert doc.number == f"2026-{summary.invoices + 1:04d}"  # after the demo's history, no gap
    assert doc.seller.f_skatt
    assert doc.payment.bankgiro
    # The Norwegian client is outside the EU: no Swedish VAT on the daily work.
    nok = ctx.invoices.document(waiting[daily.id])
    assert nok.totals.vat_total == Decimal(0)
    assert nok.lines[0].unit is Unit.DAY
    assert confirm.preflight(nok.id) == []


def test_business_details_are_stored_compact_and_printed_readable(ctx: AppContext, confirmation) -> None:  # type: ignore[no-untyped-def]
    confirm, _ = confirmation
    saved = ctx.business.save(SOLE_TRADER.__class__(**{**SOLE_TRADER.__dict__, "org_number": "556036-0793"}))
    assert saved.org_number == "5560360793"
    assert saved.bankgiro == "50501055"
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    doc = confirm.confirm(ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6]).id)
    assert doc.seller.org_number == "556036-0793"
    # Billed to the client: paid to the platform's client-funds account, not to the freelancer's.
    assert doc.payment.bankgiro == PLATFORM_CLIENT_FUNDS.bankgiro
    assert doc.payee == PLATFORM


def test_the_logo_reaches_the_pdf(ctx: AppContext, tmp_path) -> None:  # type: ignore[no-untyped-def]
    seen = []
    confirm = InvoiceConfirmation(
        ctx.store, LocalSeries(), ctx.paths.invoice_archive, lambda doc, path, logo: seen.append(logo)
    )
    logo = tmp_path / "logo.png"
    ctx.business.save(SOLE_TRADER.__class__(**{**SOLE_TRADER.__dict__, "logo_path": str(logo)}))
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    confirm.confirm(ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6]).id)
    assert seen == [logo]


def test_numbers_list_in_numeric_order(ctx: AppContext, confirmation) -> None:  # type: ignore[no-untyped-def]
    confirm, _ = confirmation
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    for day in [date(2026, 11, 2) + timedelta(days=i) for i in range(11)]:
        ctx.timesheet.set_time(contract.id, day, 60)
        confirm.confirm(ctx.drafts.create(contract.id, day, day).id, today=date(2026, 11, 30))
    assert [s.number for s in ctx.invoices.list()] == [f"2026-{n:04d}" for n in range(11, 0, -1)]


def test_a_reverse_charge_line_on_an_ordinary_invoice_is_named(ctx: AppContext, confirmation) -> None:  # type: ignore[no-untyped-def]
    confirm, _ = confirmation
    ctx.business.save(SOLE_TRADER)
    contract = make_contract(ctx, fee_model=FeeModel.FIXED)
    with_client(ctx, contract)
    draft = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    bad = InvoiceLine(
        "Milestone 1", Decimal(1), Unit.PIECE, Decimal(1000), Decimal(0), VatCategory.REVERSE_CHARGE
    )
    ctx.drafts.set_lines(draft.id, [bad])
    assert any("reverse charge" in p for p in confirm.preflight(draft.id))
    good = InvoiceLine("Milestone 1", Decimal(1), Unit.PIECE, Decimal(1000), Decimal(25))
    ctx.drafts.set_lines(draft.id, [good])
    assert confirm.preflight(draft.id) == []
    doc = confirm.confirm(draft.id)
    assert doc.billed_to is BilledTo.PLATFORM
    assert doc.payee is None
    assert doc.buyer.name == "Nordic Consultant Network AB"
    assert doc.payment.bankgiro == "5050-1055"  # the freelancer's own account (SOLE_TRADER's)
    assert doc.totals.total == Decimal("1250.00")


def test_a_vat_registered_buyer_in_another_eu_country_gets_reverse_charge(
    ctx: AppContext, confirmation
) -> None:  # type: ignore[no-untyped-def]
    confirm, _ = confirmation
    ctx.business.save(SOLE_TRADER)
    contract = make_contract(ctx, rounding=None)
    with_client(ctx, contract)
    ctx.contracts.set_client_details(
        contract.id, address="Vesterbrogade 1", postcode="1620", city="København", country="DK",
        org_number="13585628", vat_number="DK13585628",
    )  # fmt: skip
    _report(ctx, contract.id)
    doc = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    assert doc.reverse_charge
    assert {(li.vat_category, li.vat_rate) for li in doc.lines} == {(VatCategory.REVERSE_CHARGE, Decimal(0))}
    assert doc.totals.total == doc.totals.net
    assert confirm.preflight(doc.id) == []
    confirmed = confirm.confirm(doc.id)
    assert confirmed.buyer.vat_number.replace(" ", "") == "DK13585628"

    # Without the client's VAT number the same sale is domestic Swedish VAT: no reverse charge.
    other = make_contract(ctx, "Unregistered")
    ctx.contracts.set_client_details(
        other.id, address="Vesterbrogade 1", postcode="1620", city="København", country="DK"
    )
    ctx.timesheet.set_time(other.id, WEEK48[3], 60)
    plain = ctx.drafts.create(other.id, WEEK48[0], WEEK48[6])
    assert not plain.reverse_charge
    assert plain.totals.vat[0].rate == Decimal(25)
