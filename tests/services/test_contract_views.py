"""A contract as the freelancer reads it (coapp.services.contract_view): terms and state, milestones,
the feedback history with its overall score and the sentence saying how it is computed, reviews
(theirs only once the feed brought it), and the figures so far computed as the invoices will be."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from coapp.app.context import AppContext
from coapp.domain.contract_states import ContractState
from coapp.domain.errors import NotFoundError
from coapp.services.sheets import CellChange
from tests.conftest import make_contract
from tests.services.contract_terms_helpers import put_contract, put_feedback, put_milestone, put_review
from tests.services.invoicing_helpers import SOLE_TRADER

DAY = date(2026, 3, 2)
CLIENT = {
    "client_address": "Industrivägen 4",
    "client_postcode": "417 55",
    "client_city": "Göteborg",
    "client_org_number": "5565475489",
}


def test_an_hourly_contract_s_figures_are_its_invoices(ctx: AppContext) -> None:
    ctx.business.save(SOLE_TRADER)
    contract_id = put_contract(ctx, **CLIENT)
    ctx.timesheet.apply(
        [CellChange(contract_id, DAY, 480, ""), CellChange(contract_id, date(2026, 3, 3), 90, "")]
    )
    view = ctx.contract_views.get(contract_id)
    f = view.figures
    assert (view.state, view.origin, view.terms_version, view.payment_terms_days) == (
        ContractState.ACTIVE,
        "platform",
        1,
        20,
    )
    assert (f.reported_minutes, f.invoiced_minutes) == (570, 0)
    assert f.agreement_value == Decimal("9500.00")  # 9.5 h × 1,000
    assert f.vat == Decimal("2375.00")  # 25 % on an invoice to a Swedish client
    assert (f.commission_rate, f.commission) == (Decimal("10.00"), Decimal("950.00"))
    assert (f.commission_vat_rate, f.commission_vat) == (Decimal(25), Decimal("237.50"))
    assert f.payout == Decimal("9500.00") + Decimal("2375.00") - Decimal("950.00") - Decimal("237.50")
    assert f.budget is None
    assert f.budget_left is None
    assert not view.can_sign

    doc = ctx.drafts.create(contract_id, DAY, DAY, today=date(2026, 3, 31))
    ctx.confirmation.confirm(doc.id, today=date(2026, 3, 31))
    assert ctx.contract_views.get(contract_id).figures.invoiced_minutes == 480


def test_a_fixed_fee_s_budget_is_left_by_its_billed_milestones(ctx: AppContext) -> None:
    contract_id = put_contract(ctx, fee_model="fixed", rate_minor=10_000_000)
    put_milestone(ctx, contract_id, "Design", 4_000_000, "invoiced")
    put_milestone(ctx, contract_id, "Build", 5_000_000, "planned")
    view = ctx.contract_views.get(contract_id)
    f = view.figures
    assert {m.title: m.amount for m in view.milestones} == {
        "Design": Decimal("40000.00"),
        "Build": Decimal("50000.00"),
    }
    assert f.agreement_value == Decimal("40000.00")
    assert (f.budget, f.milestones_total, f.budget_left) == (
        Decimal("100000.00"),
        Decimal("90000.00"),
        Decimal("60000.00"),
    )
    assert f.commission == Decimal("4000.00")
    assert f.commission_vat == Decimal("1000.00")
    assert f.payout == f.agreement_value + f.vat - f.commission - f.commission_vat


def test_feedback_overall_is_the_plain_mean_and_says_so(ctx: AppContext) -> None:
    contract_id = put_contract(ctx)
    assert ctx.contract_views.feedback(contract_id).overall is None  # none yet: no score, never a default
    put_feedback(ctx, contract_id, (5, 4, 4, 5), comment="Steady.")
    put_feedback(ctx, contract_id, (3, 3, 4, 4), author_role="client", author_name="Kund AB")
    history = ctx.contract_views.feedback(contract_id)
    assert [item.overall for item in history.items] == [Decimal("4.5"), Decimal("3.5")]
    assert history.overall == Decimal("4.00")
    assert "plain mean" in history.method
    assert ctx.contract_views.get(contract_id).feedback.overall == Decimal("4.00")


def test_reviews_mine_theirs_and_when_one_can_be_written(ctx: AppContext) -> None:
    active = put_contract(ctx, title="Active one")
    ended = put_contract(ctx, title="Ended one", state="ended", ended_on=date(2026, 5, 31))
    assert not ctx.contract_views.reviews_for(active).can_write
    r = ctx.contract_views.reviews_for(ended)
    assert (r.can_write, r.mine, r.theirs, r.reveal_on) == (True, None, None, date(2026, 6, 14))
    put_review(ctx, ended, "freelancer", 4, "Clear goals.")
    r = ctx.contract_views.reviews_for(ended)
    assert r.mine is not None
    assert r.mine.text == "Clear goals."
    assert (r.can_write, r.theirs) == (False, None)
    put_review(ctx, ended, "client", 5, "Great work.")
    [listed] = ctx.contract_views.reviews()
    assert listed.theirs is not None
    assert listed.theirs.score == 5


def test_an_offer_can_be_signed_and_one_s_own_contract_is_plain(ctx: AppContext) -> None:
    offer = put_contract(ctx, state="offered", signed_at=None, signed_name=None, signed_terms_version=None)
    assert ctx.contract_views.get(offer).can_sign
    assert not ctx.contract_views.get(offer).in_force  # no time on an offer
    own = make_contract(ctx)
    view = ctx.contract_views.get(own.id)
    assert (view.state, view.origin, view.can_sign) == (ContractState.ACTIVE, "local", False)
    assert view.in_force
    assert not view.reviews.can_write
    assert {v.id for v in ctx.contract_views.all()} == {offer, own.id}
    with pytest.raises(NotFoundError):
        ctx.contract_views.get("no-such-contract")
