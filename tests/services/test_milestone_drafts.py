"""A fixed fee's invoice to the platform drafted from a milestone (issue 11): one line with the
milestone's title and amount, the platform as the buyer, due after the contract's payment terms;
only a ready milestone, and only once while an invoice bills it; a platform fixed fee without a
milestone is refused with the reason. Time-based drafts are unchanged (tests/services/test_invoicing)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from coapp.app.context import AppContext
from coapp.domain.contracts import FeeModel
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.invoices import BilledTo, InvoiceState, Unit
from tests.conftest import make_contract
from tests.services.contract_terms_helpers import put_contract, put_milestone
from tests.services.invoicing_helpers import SOLE_TRADER

TODAY = date(2026, 6, 10)


@pytest.fixture
def fixed(ctx: AppContext) -> str:
    ctx.business.save(SOLE_TRADER)
    return put_contract(ctx, fee_model="fixed", rate_minor=10_000_000, payment_terms_days=20)


def test_a_ready_milestone_makes_a_one_line_invoice_to_the_platform(ctx: AppContext, fixed: str) -> None:
    milestone = put_milestone(ctx, fixed, "Design delivered", 4_000_000, "ready")
    doc = ctx.drafts.from_milestone(fixed, milestone[:8], today=TODAY)
    [line] = doc.lines
    assert (line.description, line.quantity, line.unit, line.unit_price) == (
        "Design delivered",
        Decimal(1),
        Unit.PIECE,
        Decimal("40000.00"),
    )
    assert doc.billed_to is BilledTo.PLATFORM
    assert doc.buyer.name == "Nordic Consultant Network AB"
    assert doc.due_date == TODAY + timedelta(days=20)  # the contract's payment terms
    assert doc.totals.net == Decimal("40000.00")
    assert doc.totals.total == Decimal("50000.00")
    assert (doc.commission.rate, doc.commission.amount) == (Decimal("10.00"), Decimal("4000.00"))
    assert doc.state is InvoiceState.DRAFT
    confirmed = ctx.confirmation.confirm(doc.id, today=TODAY)
    assert confirmed.number is not None
    with pytest.raises(ValidationError, match=f"invoice {confirmed.number}"):
        ctx.drafts.from_milestone(fixed, milestone, today=TODAY)


def test_a_milestone_is_billed_once_and_only_when_ready(ctx: AppContext, fixed: str) -> None:
    planned = put_milestone(ctx, fixed, "Build", 5_000_000, "planned")
    paid = put_milestone(ctx, fixed, "Kick-off", 1_000_000, "paid")
    ready = put_milestone(ctx, fixed, "Design", 4_000_000, "ready")
    with pytest.raises(ValidationError, match="planned"):
        ctx.drafts.from_milestone(fixed, planned, today=TODAY)
    with pytest.raises(ValidationError, match="paid already"):
        ctx.drafts.from_milestone(fixed, paid, today=TODAY)
    with pytest.raises(NotFoundError):
        ctx.drafts.from_milestone(fixed, "zzzz", today=TODAY)
    with pytest.raises(NotFoundError):
        ctx.drafts.from_milestone(fixed, "", today=TODAY)
    draft = ctx.drafts.from_milestone(fixed, ready, today=TODAY)
    with pytest.raises(ValidationError, match="billed by the draft invoice"):
        ctx.drafts.from_milestone(fixed, ready, today=TODAY)
    ctx.drafts.discard(draft.id)
    assert ctx.drafts.from_milestone(fixed, ready, today=TODAY).lines[0].description == "Design"


def test_a_platform_fixed_fee_needs_a_milestone_and_hourly_work_has_none(ctx: AppContext, fixed: str) -> None:
    before = ctx.invoices.list()
    with pytest.raises(ValidationError, match="one milestone at a time"):
        ctx.drafts.create(fixed, date(2026, 6, 1), date(2026, 6, 30), today=TODAY)
    hourly = put_contract(ctx)
    with pytest.raises(ValidationError, match="not per milestone"):
        ctx.drafts.from_milestone(hourly, "anything", today=TODAY)
    assert ctx.invoices.list() == before
    # One's own fixed-fee contract (not the platform's) keeps its lines typed by hand.
    own = make_contract(ctx, fee_model=FeeModel.FIXED)
    assert ctx.drafts.create(own.id, date(2026, 6, 1), date(2026, 6, 30), today=TODAY).lines == ()
