"""Feedback during an assignment and reviews after it, over loopback HTTP (issue 11).

Feedback: the contract's client account and its agent give it while the contract is active; the
freelancer reads the history with its overall score and enters it in the feed. Reviews: each party
once, after the end; the reveal rule holds on every route and in the change feed: before both are in
(or 14 days after the end) the other party's review is in no answer and not in the feed."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import requests

from coapp.sync.wire import ChangesPage, Entity, SyncSummary
from tests.coserver.contract_helpers import (
    Deal,
    Party,
    client_account,
    contract_command,
    contract_feed,
    get,
    latest,
    offered,
)
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, freelancer

SCORES = {"quality": 4, "communication": 5, "delivery": 4, "expertise": 4}
ANNAS_REVIEW = "Tydliga krav och snabba svar från Kund AB."
CLIENTS_REVIEW = "Anna levererade i tid och med hög kvalitet."


def _active(server: LiveServer, who: Freelancer, kund: Party, **dates: Any) -> Deal:
    deal = offered(server, who, start=date(2026, 3, 1), end=date(2026, 6, 30), **dates)
    assert deal.agent("terms", {"client_account_id": str(kund.account_id)}).status_code == 200
    assert deal.sign().json()["contract"]["state"] == "active"
    return deal


def _feedback(deal: Deal, token: str, **scores: Any) -> requests.Response:
    body = {**SCORES, "comment": "Bra jobbat", **scores}
    return contract_command(
        deal.server, {"Authorization": f"Bearer {token}"}, deal.contract_id, "feedback", body, None, None
    )


def _review(deal: Deal, token: str, text: str, score: int = 5, key: str | None = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"}
    return contract_command(
        deal.server, headers, deal.contract_id, "review", {"score": score, "text": text}, None, key
    )


def test_client_and_agent_give_feedback_the_freelancer_reads(server: LiveServer) -> None:
    anna = freelancer(server)
    kund = client_account(server)
    deal = _active(server, anna, kund)
    given = _feedback(deal, kund.token, quality=5, comment="  Mycket bra  ")
    assert given.status_code == 201, given.text
    record = given.json()
    assert (record["author_role"], record["author_name"], record["comment"]) == (
        "client",
        "Kund AB",
        "Mycket bra",
    )
    assert record["overall_x100"] == 450  # (5 + 5 + 4 + 4) / 4
    by_agent = _feedback(deal, deal.sara.token, quality=3, communication=3, delivery=3, expertise=4)
    assert by_agent.status_code == 201, by_agent.text
    assert (by_agent.json()["author_role"], by_agent.json()["overall_x100"]) == ("agent", 325)
    history = get(server, anna.token, f"/v1/contracts/{deal.contract_id}/feedback").json()
    assert [f["author_role"] for f in history["feedback"]] == ["client", "agent"]
    assert history["overall_x100"] == 388  # (4.50 + 3.25) / 2 = 3.875 → 3.88, half up
    assert "plain mean" in history["method"]
    for token in (kund.token, deal.sara.token):
        assert get(server, token, f"/v1/contracts/{deal.contract_id}/feedback").json() == history
    feed = latest(contract_feed(anna), "contract_feedback")
    assert {row["comment"] for row in feed.values()} == {"Mycket bra", "Bra jobbat"}
    # The freelancer does not grade herself; a client of another contract sees nothing of this one.
    assert _feedback(deal, anna.token).status_code == 403
    other = client_account(server, "annan@example.com", "Annan AB")
    stranger = _feedback(deal, other.token)
    assert (stranger.status_code, stranger.json()["error"]) == (404, "not_found")
    assert get(server, other.token, f"/v1/contracts/{deal.contract_id}/feedback").status_code == 404
    # Scores are whole numbers 1–5.
    for bad in ({"quality": 0}, {"delivery": 6}, {"expertise": 4.5}, {"communication": True}):
        refused = _feedback(deal, kund.token, **bad)
        assert refused.status_code == 422, (bad, refused.text)
    # Feedback is given during the assignment only.
    assert deal.agent("end", {"text": "Klart"}).status_code == 200
    late = _feedback(deal, kund.token)
    assert (late.status_code, late.json()["error"]) == (409, "feedback_closed")


def test_feedback_waits_for_the_contract_to_be_active(server: LiveServer) -> None:
    anna = freelancer(server)
    kund = client_account(server)
    deal = offered(server, anna)
    assert deal.agent("terms", {"client_account_id": str(kund.account_id)}).status_code == 200
    early = _feedback(deal, kund.token)
    assert (
        early.json()["message"]
        == "The contract is offered; feedback is given while the assignment is active."
    )


def _texts_anna_can_see(server: LiveServer, anna: Freelancer, deal: Deal) -> str:
    """Every answer Anna's app can get about the contract, and her whole feed (both ways of asking)."""
    answers = [
        get(server, anna.token, f"/v1/contracts/{deal.contract_id}/reviews").text,
        get(server, anna.token, f"/v1/contracts/{deal.contract_id}/detail").text,
        get(server, anna.token, f"/v1/contracts/{deal.contract_id}/feedback").text,
        anna.get(f"/v1/contracts/{deal.contract_id}").text,
        get(server, anna.token, "/v1/contracts").text,
        json.dumps(contract_feed(anna)),
        json.dumps(contract_feed(anna, with_contracts=False)),
        anna.get("/v1/sync/changes?with_contracts=true&with_assignments=true&with_profile=true").text,
    ]
    return "\n".join(answers)


def test_reviews_are_revealed_once_both_are_in(server: LiveServer) -> None:
    anna = freelancer(server)
    kund = client_account(server)
    deal = _active(server, anna, kund)
    early = _review(deal, anna.token, ANNAS_REVIEW)
    assert (early.status_code, early.json()["error"]) == (409, "reviews_closed")
    assert deal.agent("end", {"text": "Klart"}).status_code == 200
    mine = _review(deal, anna.token, ANNAS_REVIEW, score=4)
    assert mine.status_code == 201, mine.text
    view = mine.json()
    assert (view["mine"]["text"], view["mine"]["author"], view["theirs"]) == (
        ANNAS_REVIEW,
        "freelancer",
        None,
    )
    assert view["reveal_on"] == "2026-03-16"
    # The client has not written; when it reads, Anna's review is not in its answer either.
    before = get(server, kund.token, f"/v1/contracts/{deal.contract_id}/reviews")
    assert before.json()["mine"] is None
    assert before.json()["theirs"] is None
    for path in ("/reviews", "/detail", "/feedback", ""):
        assert ANNAS_REVIEW not in get(server, kund.token, f"/v1/contracts/{deal.contract_id}{path}").text
    assert ANNAS_REVIEW not in get(server, kund.token, "/v1/contracts").text
    # Immutable: a second review is refused and changes nothing.
    again = _review(deal, anna.token, "Ändrat mig.", score=1)
    assert (again.status_code, again.json()["error"]) == (409, "already_reviewed")
    answered = _review(deal, kund.token, CLIENTS_REVIEW)
    assert answered.status_code == 201, answered.text
    # Both in: each sees the other's, in the answers and in Anna's feed.
    assert answered.json()["theirs"]["text"] == ANNAS_REVIEW
    anna_view = get(server, anna.token, f"/v1/contracts/{deal.contract_id}/reviews").json()
    assert (anna_view["mine"]["score"], anna_view["theirs"]["text"]) == (4, CLIENTS_REVIEW)
    reviews = latest(contract_feed(anna), "contract_review")
    assert {row["author"]: row["text"] for row in reviews.values()} == {
        "freelancer": ANNAS_REVIEW,
        "client": CLIENTS_REVIEW,
    }
    # The app's own wire models read the page and the summary with the new entities.
    page = ChangesPage.model_validate(anna.get("/v1/sync/changes?with_contracts=true").json())
    assert {type(c.row).__name__ for c in page.changes} >= {"ReviewRecord", "ContractRecord"}
    summary = SyncSummary.model_validate(anna.get("/v1/sync/summary?with_contracts=true").json())
    assert summary.entities[Entity.CONTRACT_REVIEW].count == 2


def test_the_other_review_is_in_no_answer_and_not_in_the_feed_until_14_days(server: LiveServer) -> None:
    anna = freelancer(server)
    kund = client_account(server)
    deal = _active(server, anna, kund)
    assert deal.agent("end", {"text": "Klart"}).status_code == 200  # ended on 2026-03-02
    written = _review(deal, kund.token, CLIENTS_REVIEW, key="client-review")
    assert written.status_code == 201
    assert written.json()["theirs"] is None
    # A replay under the same key answers the same, and never more than the rule allows.
    assert _review(deal, kund.token, CLIENTS_REVIEW, key="client-review").json() == written.json()
    summary = anna.get("/v1/sync/summary?with_contracts=true").json()["entities"]
    assert summary["contract_review"]["count"] == 0
    assert CLIENTS_REVIEW not in _texts_anna_can_see(server, anna, deal)
    cursor_before = anna.get("/v1/sync/changes?with_contracts=true").json()["cursor"]
    server.clock.advance(days=13, hours=14)  # 2026-03-15 23:00 UTC: still a day short
    anna.sign_in_again()
    assert CLIENTS_REVIEW not in _texts_anna_can_see(server, anna, deal)
    server.clock.advance(hours=1)  # 2026-03-16: fourteen days after the end
    anna.sign_in_again()
    page = anna.get(f"/v1/sync/changes?with_contracts=true&cursor={cursor_before}").json()
    revealed = latest(page["changes"], "contract_review")
    assert [row["text"] for row in revealed.values()] == [CLIENTS_REVIEW]  # the feed brings it, once due
    view = get(server, anna.token, f"/v1/contracts/{deal.contract_id}/reviews").json()
    assert (view["mine"], view["theirs"]["text"]) == (None, CLIENTS_REVIEW)
    # Anna may still write hers; the client then reads it at once (the time has passed).
    kund_token = server.sign_in("kund@example.com").json()["access_token"]
    assert _review(deal, anna.token, ANNAS_REVIEW).json()["theirs"]["text"] == CLIENTS_REVIEW
    assert get(server, kund_token, f"/v1/contracts/{deal.contract_id}/reviews").json()["theirs"]["text"] == (
        ANNAS_REVIEW
    )


def test_reviews_check_score_text_and_party(server: LiveServer) -> None:
    anna = freelancer(server)
    kund = client_account(server)
    deal = _active(server, anna, kund)
    assert deal.agent("end", {"text": "Klart"}).status_code == 200
    for score, text, field in (
        (0, "ok", "score"),
        (6, "ok", "score"),
        (5, "", "text"),
        (5, "x" * 2001, "text"),
    ):
        refused = _review(deal, anna.token, text, score)
        assert (refused.status_code, refused.json()["field"]) == (422, field), refused.text
    assert _review(deal, anna.token, "ok\x00").status_code == 422
    assert _review(deal, deal.sara.token, "Agent").status_code == 403  # the agent is no party to reviews
    other = freelancer(server, "bertil@example.com")
    assert _review(deal, other.token, "Bertil").status_code == 404
    assert get(server, other.token, f"/v1/contracts/{deal.contract_id}/reviews").status_code == 404
    # A withdrawn offer has nothing to review.
    offer = offered(server, anna, deal.sara)
    assert offer.agent("terminate", {"text": "Kunden valde en annan."}).status_code == 200
    closed = _review(offer, anna.token, "ok")
    assert (
        closed.json()["message"]
        == "The offer was withdrawn before it was signed; there is no work to review."
    )
