"""Issue 8 through the services: who is paid, the commission's VAT, one credit sign, duplicate drafts,
stale drafts named, the lifecycle held by the domain, numbers in the series format."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from coapp.app.context import AppContext
from coapp.domain.errors import ValidationError
from coapp.domain.invoices import BilledTo, InvoiceKind, InvoiceState
from coapp.domain.weeks import IsoWeek
from coapp.models import Invoice
from coapp.services.errors import ConfirmRefused, DuplicateDraft
from coapp.services.invoice_confirm import InvoiceConfirmation, _credit_note_terms
from coapp.services.invoice_queries import totals_by_currency
from coapp.services.invoice_series import LocalSeries
from coapp.services.platform import PLATFORM, PLATFORM_CLIENT_FUNDS
from coapp.services.timesheet import CellChange
from coapp.services.week_value import WeekValues

from .invoicing_helpers import SOLE_TRADER, WEEK48, RecordingPdfWriter, hourly_contract

TODAY = date(2026, 12, 1)


@pytest.fixture
def confirm(ctx: AppContext) -> InvoiceConfirmation:
    return InvoiceConfirmation(ctx.store, LocalSeries(), ctx.paths.invoice_archive, RecordingPdfWriter())


def _report(ctx: AppContext, contract_id: str) -> None:
    ctx.timesheet.apply(
        [CellChange(contract_id, WEEK48[0], 480, "API design"), CellChange(contract_id, WEEK48[1], 240, "")]
    )


def test_the_client_pays_the_platform_with_this_invoices_reference(
    ctx: AppContext, confirm: InvoiceConfirmation
) -> None:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    doc = confirm.confirm(ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6]).id, today=TODAY)
    assert doc.billed_to is BilledTo.CLIENT
    assert doc.payee == PLATFORM
    assert (doc.payment.bankgiro, doc.payment.iban) == (
        PLATFORM_CLIENT_FUNDS.bankgiro,
        PLATFORM_CLIENT_FUNDS.iban,
    )
    assert doc.payment.bankgiro != SOLE_TRADER.bankgiro
    assert doc.payment.reference_kind == "ocr"
    assert doc.payment.reference.startswith("20260001")  # made from this invoice's number
    assert doc.number == "2026-0001"


def test_a_freelancer_established_abroad_gets_the_commission_reverse_charged(ctx: AppContext) -> None:
    from dataclasses import replace

    ctx.business.save(replace(SOLE_TRADER, country="FI", org_number="", vat_number="", bankgiro=""))
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    doc = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    c = doc.commission
    assert c.reverse_charge
    assert (c.vat_rate, c.vat) == (Decimal(0), Decimal("0.00"))
    assert c.payout == doc.totals.total - c.amount


def test_the_weeks_value_carries_the_commission_vat_and_the_payout(ctx: AppContext) -> None:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)  # 950 SEK an hour, 12.5 % commission, Swedish client
    _report(ctx, contract.id)
    sheet = ctx.timesheet.week(IsoWeek(2026, 48))
    [value] = WeekValues(ctx.store).of(sheet)
    draft = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    # 12 h × 950 = 11400; VAT 2850; commission 1425 with 356.25 VAT; the draft agrees.
    assert value.agreement_value == draft.totals.net == Decimal("11400.00")
    assert value.vat == draft.totals.vat_total
    assert (value.commission, value.commission_vat) == (draft.commission.amount, draft.commission.vat)
    assert (
        value.payout
        == draft.commission.payout
        == Decimal("11400") + Decimal("2850") - Decimal("1425.00") - Decimal("356.25")
    )


def test_a_credit_note_is_positive_and_cancels_its_invoice_in_the_list(
    ctx: AppContext, confirm: InvoiceConfirmation
) -> None:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    doc = confirm.confirm(ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6]).id, today=TODAY)
    note = confirm.credit(doc.id, today=TODAY)
    assert note.kind is InvoiceKind.CREDIT_NOTE
    assert note.number == "2026-0002"
    assert [li.amount for li in note.lines] == [li.amount for li in doc.lines]
    assert note.totals.total == doc.totals.total > 0
    assert note.signed_total == -doc.totals.total
    assert totals_by_currency(ctx.invoices.list()) == {"SEK": Decimal(0)}
    with ctx.store.read() as s:
        original, credit = s.get(Invoice, doc.id), s.get(Invoice, note.id)
        assert original is not None
        assert credit is not None
        terms = _credit_note_terms()
        assert {"contract_id", "billed_to", "reverse_charge", "commission_bp", "line_mode"} <= set(terms)
        assert {k: getattr(credit, k) for k in terms} == {k: getattr(original, k) for k in terms}
        assert credit.total_minor == original.total_minor > 0


def test_a_second_draft_over_drafted_days_is_reported_before_it_is_made(ctx: AppContext) -> None:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    first = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    assert ctx.drafts.overlapping(contract.id, WEEK48[2], WEEK48[6]) == []  # no reported time there
    [overlap] = ctx.drafts.overlapping(contract.id, WEEK48[1], WEEK48[6])
    assert (overlap.invoice_id, overlap.days) == (first.id, (WEEK48[1],))
    with pytest.raises(DuplicateDraft) as refused:
        ctx.drafts.create(contract.id, WEEK48[1], WEEK48[6])
    assert refused.value.overlaps == [overlap]
    assert len(ctx.invoices.list()) == 1  # nothing was made
    second = ctx.drafts.create(contract.id, WEEK48[1], WEEK48[6], force=True)
    assert second.id != first.id


def test_a_stale_draft_names_the_invoice_that_took_its_days(
    ctx: AppContext, confirm: InvoiceConfirmation
) -> None:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    old = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6])
    newer = ctx.drafts.create(contract.id, WEEK48[0], WEEK48[1], force=True)
    confirm.confirm(newer.id, today=TODAY)
    with pytest.raises(ConfirmRefused) as refused:
        confirm.confirm(old.id, today=TODAY)
    assert any("invoiced meanwhile" in p and "2026-0001" in p for p in refused.value.problems), refused.value


def test_every_write_of_state_goes_through_the_domain(ctx: AppContext, confirm: InvoiceConfirmation) -> None:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    doc = confirm.confirm(ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6]).id, today=TODAY)
    with ctx.store.write() as s:
        row = s.get(Invoice, doc.id)
        assert row is not None
        assert row.state is InvoiceState.CONFIRMED  # stored and read as the domain's enum
        with pytest.raises(ValidationError, match="confirmed cannot become draft"):
            row.state = InvoiceState.DRAFT
        with pytest.raises(ValidationError):
            row.move(InvoiceState.DRAFT, datetime.now(UTC))  # only the platform returns, and only unnumbered
        with pytest.raises(ValidationError, match="issued"):
            row.move(InvoiceState.DRAFT, datetime.now(UTC), returned=True)  # numbered: never returned
        row.move(InvoiceState.SENT, datetime.now(UTC))
    with ctx.store.read() as s:
        assert s.scalar(select(Invoice.state).where(Invoice.id == doc.id)) is InvoiceState.SENT


def test_numbers_follow_the_series_format_chosen_in_the_business_details(
    ctx: AppContext, confirm: InvoiceConfirmation
) -> None:
    from dataclasses import replace

    with pytest.raises(ValidationError, match="invoice number format"):
        ctx.business.save(replace(SOLE_TRADER, invoice_number_format="{year}/{seq}"))
    ctx.business.save(replace(SOLE_TRADER, invoice_number_format="AK{year}{seq:03d}"))
    contract = hourly_contract(ctx)
    _report(ctx, contract.id)
    doc = confirm.confirm(ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6]).id, today=TODAY)
    assert doc.number == "AK2026001"
