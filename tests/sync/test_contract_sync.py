"""Contracts end to end through the real reference server over loopback (issue 11): the agent offers
(an application moved to offer), the freelancer's sync shows the offer, signing with terms that
changed meanwhile is refused with the new terms stored (412), signing again works, time is reported
and pushed, the client and the agent give feedback, the agent ends the contract, both review and each
sees the other's only once both are in; another freelancer sees none of it. Offline, signing and
reviewing are refused with the reason."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from coapp.domain.contract_states import ContractState
from coapp.domain.errors import ValidationError
from coapp.services.sheets import CellChange
from coapp.sync import account, contract_calls
from coapp.sync.api import PlatformApi
from coapp.sync.contract_calls import ContractRefused, TermsChanged
from coapp.sync.errors import OfflineError
from tests.coserver.contract_helpers import Deal, client_account, contract_command, get, offered
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import freelancer
from tests.sync.devices import Device


def api_of(device: Device) -> PlatformApi:
    api = account.current_api(device.ctx.store, device.tokens, device.policy)
    assert api is not None
    return api


def review_by(deal: Deal, token: str, text: str, score: int = 5) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"}
    response = contract_command(
        deal.server, headers, deal.contract_id, "review", {"score": score, "text": text}, None, None
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_offer_sign_report_feedback_end_and_review(server: LiveServer, tmp_path: Path) -> None:
    # The platform's clock stays where its helpers' consents were given (2026-03-02).
    today = server.clock.now.date()
    anna = freelancer(server)
    kund = client_account(server)
    deal = offered(server, anna, start=today - timedelta(days=1), end=today + timedelta(days=60))
    contract_id = str(deal.contract_id)
    a = Device.open(tmp_path / "a")
    a.sign_in(server.url, anna.email)
    try:
        a.sync()
        offer = a.ctx.contract_views.get(contract_id)
        assert (offer.state, offer.origin, offer.terms_version, offer.can_sign) == (
            ContractState.OFFERED,
            "platform",
            1,
            True,
        )

        # The agent changes the terms while the freelancer reads version 1: nothing is signed, the new
        # terms are stored here and said in the refusal.
        changed = deal.agent("terms", {"client_account_id": str(kund.account_id), "payment_terms_days": 15})
        assert changed.status_code == 200, changed.text
        with pytest.raises(TermsChanged) as stale:
            contract_calls.sign_contract(a.ctx.store, api_of(a), contract_id, "Anna Lindqvist")
        assert stale.value.terms_version == 2
        assert "payment in 15 days" in str(stale.value)
        assert a.ctx.contract_views.get(contract_id).terms_version == 2
        assert a.ctx.contract_views.get(contract_id).payment_terms_days == 15

        signed = contract_calls.sign_contract(a.ctx.store, api_of(a), contract_id, "  Anna Lindqvist ")
        assert (signed.signed_name, signed.terms_version, signed.state) == ("Anna Lindqvist", 2, "active")
        view = a.ctx.contract_views.get(contract_id)
        assert (view.state, view.signed_terms_version, view.can_sign) == (ContractState.ACTIVE, 2, False)
        with pytest.raises(ContractRefused, match="only an offer"):
            contract_calls.sign_contract(a.ctx.store, api_of(a), contract_id, "Anna Lindqvist")

        # Time on the contract reaches the platform.
        a.ctx.timesheet.apply([CellChange(contract_id, today - timedelta(days=1), 420, "build")])
        report = a.sync()
        assert report.refused == 0
        assert a.outbox() == 0
        assert a.ctx.contract_views.get(contract_id).figures.reported_minutes == 420

        # Feedback by the client and the agent.
        for token, scores in ((kund.token, (5, 5, 4, 4)), (deal.sara.token, (3, 3, 3, 4))):
            body = dict(zip(("quality", "communication", "delivery", "expertise"), scores, strict=True))
            given = contract_command(
                server, {"Authorization": f"Bearer {token}"}, contract_id, "feedback", body, None, None
            )
            assert given.status_code == 201, given.text
        a.sync()
        history = a.ctx.contract_views.feedback(contract_id)
        assert [f.author_role for f in history.items] == ["client", "agent"]
        assert history.overall == Decimal("3.88")  # (4.50 + 3.25) / 2, half up
        assert "plain mean" in history.method

        # The agent ends it; a review before then is refused with the platform's reason.
        assert not a.ctx.contract_views.reviews_for(contract_id).can_write
        ended = deal.agent("end", {"text": "Klart."})
        assert ended.status_code == 200, ended.text
        a.sync()
        reviews = a.ctx.contract_views.reviews_for(contract_id)
        assert reviews.can_write
        assert a.ctx.contract_views.get(contract_id).state is ContractState.ENDED

        answer = contract_calls.write_review(a.ctx.store, api_of(a), contract_id, 4, "Tydliga krav.")
        assert answer.theirs is None  # the client's is not in: nothing to show
        with pytest.raises(ContractRefused):
            contract_calls.write_review(a.ctx.store, api_of(a), contract_id, 5, "Again.")
        mine = a.ctx.contract_views.reviews_for(contract_id)
        assert mine.mine is not None
        assert (mine.mine.score, mine.mine.text, mine.theirs, mine.can_write) == (
            4,
            "Tydliga krav.",
            None,
            False,
        )
        seen = get(server, kund.token, f"/v1/contracts/{contract_id}/reviews").json()
        assert seen["theirs"] is None  # the client cannot read Anna's before writing theirs

        by_client = review_by(deal, kund.token, "Anna levererade i tid.")
        assert by_client["theirs"]["text"] == "Tydliga krav."  # both in: revealed to the client
        a.sync()
        both = a.ctx.contract_views.reviews_for(contract_id)
        assert both.theirs is not None
        assert (both.theirs.author, both.theirs.text) == ("client", "Anna levererade i tid.")
        assert a.outbox() == 0  # none of it goes back

        # Another freelancer sees none of it.
        freelancer(server, "bob@example.com")
        b = Device.open(tmp_path / "b")
        b.sign_in(server.url, "bob@example.com")
        try:
            b.sync()
            assert contract_id not in {v.id for v in b.ctx.contract_views.all()}
            assert b.ctx.contract_views.reviews() == []
            assert all(not v.milestones and not v.feedback.items for v in b.ctx.contract_views.all())
        finally:
            b.close()
    finally:
        a.close()


class _Offline:
    """A platform that cannot be reached."""

    def command(self, *args: object, **kwargs: object) -> object:
        raise OfflineError("offline: connection refused")


def test_offline_signing_and_reviewing_are_refused_with_the_reason(
    server: LiveServer, tmp_path: Path
) -> None:
    today = server.clock.now.date()
    anna = freelancer(server)
    deal = offered(server, anna, start=today + timedelta(days=7), end=today + timedelta(days=60))
    a = Device.open(tmp_path / "a")
    a.sign_in(server.url, anna.email)
    try:
        a.sync()
        offline: Any = _Offline()
        with pytest.raises(
            OfflineError, match="signing needs the platform's current terms; connect and try again"
        ):
            contract_calls.sign_contract(a.ctx.store, offline, str(deal.contract_id), "Anna Lindqvist")
        with pytest.raises(OfflineError, match="connect and try again"):
            contract_calls.write_review(a.ctx.store, offline, str(deal.contract_id), 5, "Bra.")
        assert a.ctx.contract_views.get(str(deal.contract_id)).state is ContractState.OFFERED
        assert a.outbox() == 0
    finally:
        a.close()


def test_a_milestone_is_invoiced_to_the_platform_from_the_app(server: LiveServer, tmp_path: Path) -> None:
    from coapp.domain.invoices import BilledTo
    from tests.services.invoicing_helpers import SOLE_TRADER

    today = server.clock.now.date()
    anna = freelancer(server)
    deal = offered(server, anna, start=today - timedelta(days=1), end=today + timedelta(days=60))
    assert deal.agent("terms", {"fee_model": "fixed", "rate_minor": 5_000_000}).status_code == 200
    body = {"title": "Förstudie", "amount_minor": 2_000_000, "due_date": today.isoformat()}
    assert deal.agent("milestones", body).status_code == 200
    assert deal.sign().status_code == 200
    [milestone] = [m["id"] for m in deal.detail()["milestones"]]
    a = Device.open(tmp_path / "a")
    a.sign_in(server.url, anna.email)
    try:
        a.ctx.business.save(SOLE_TRADER)
        a.sync()
        contract_id = str(deal.contract_id)
        with pytest.raises(ValidationError, match="planned"):
            a.ctx.drafts.from_milestone(contract_id, milestone[:8], today=today)
        assert deal.agent(f"milestones/{milestone}/state", {"state": "ready"}).status_code == 200
        a.sync()
        draft = a.ctx.drafts.from_milestone(contract_id, milestone[:8], today=today)
        assert draft.billed_to is BilledTo.PLATFORM
        a.ctx.confirmation.confirm(draft.id, today=today)
        report = a.sync()
        assert report.refused == 0
        [invoice] = a.ctx.invoices.list()
        assert invoice.number is not None  # numbered by the platform
        view = a.ctx.contract_views.get(contract_id)
        [shown] = view.milestones
        assert shown.state == "invoiced"
        assert view.figures.agreement_value == Decimal("20000.00")
        assert view.figures.budget_left == Decimal("30000.00")
        assert deal.detail()["milestones"][0]["invoice_id"] == invoice.id
    finally:
        a.close()
