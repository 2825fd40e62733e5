"""Issue 11's story against the reference server, end to end over HTTP: an offer from the pipeline
is signed, time is reported against it, feedback arrives, the contract ends, both review, and each
sees the other's review only after both are in; the freelancer's app holds all of it from the feed."""

from __future__ import annotations

from datetime import date

from tests.coserver.application_helpers import agent
from tests.coserver.contract_helpers import (
    client_account,
    contract_command,
    contract_feed,
    get,
    latest,
    offered,
)
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import freelancer, new_entry


def test_offer_sign_report_feedback_end_review(server: LiveServer) -> None:
    anna = freelancer(server)
    kund = client_account(server)
    sara = agent(server, "sara@example.com")
    deal = offered(server, anna, sara, start=date(2026, 3, 2), end=date(2026, 4, 30))
    assert (
        deal.agent("terms", {"client_account_id": str(kund.account_id), "rate_minor": 98000}).status_code
        == 200
    )
    signed = deal.sign("Anna Lindqvist")
    assert signed.json()["contract"]["state"] == "active"  # it starts today
    # Time against the contract, on each of the first three days.
    for day in (2, 3, 4):
        [result] = anna.push(new_entry(deal.contract_id, date(2026, 3, day), minutes=480)[1])
        assert result["status"] == "applied", result
    headers = {"Authorization": f"Bearer {kund.token}"}
    scores = {"quality": 5, "communication": 4, "delivery": 5, "expertise": 4, "comment": "Bra första vecka"}
    given = contract_command(server, headers, deal.contract_id, "feedback", scores, None, None)
    assert given.status_code == 201, given.text
    # Ending on the day before the last reported one would leave time outside the contract.
    early = deal.agent("end", {"text": "Klart"})
    assert (early.status_code, early.json()["error"]) == (409, "entries_after_end")
    assert early.json()["message"] == "Time is reported on 2026-03-03, after 2026-03-02."
    server.clock.advance(days=3)  # 2026-03-05: new tokens all round (they last 15 minutes)
    anna.sign_in_again()
    sara.token = server.sign_in("sara@example.com").json()["access_token"]
    kund.token = server.sign_in("kund@example.com").json()["access_token"]
    headers = {"Authorization": f"Bearer {kund.token}"}
    ended = deal.agent("end", {"text": "Uppdraget är klart."})
    assert ended.json()["contract"]["state"] == "ended"
    assert (ended.json()["contract"]["ended_on"], ended.json()["contract"]["end_date"]) == (
        "2026-03-05",
        "2026-03-05",
    )
    mine = contract_command(
        server, anna.headers(), deal.contract_id, "review", {"score": 5, "text": "Tydlig kund."}, None, None
    )
    assert mine.json()["theirs"] is None
    assert "Tydlig kund." not in get(server, kund.token, f"/v1/contracts/{deal.contract_id}/reviews").text
    theirs = contract_command(
        server, headers, deal.contract_id, "review", {"score": 4, "text": "Stark leverans."}, None, None
    )
    assert theirs.json()["theirs"]["text"] == "Tydlig kund."
    feed = contract_feed(anna)
    contract = latest(feed, "contract")[str(deal.contract_id)]
    assert (contract["state"], contract["signed_name"], contract["rate_minor"]) == (
        "ended",
        "Anna Lindqvist",
        98000,
    )
    assert [
        row["minutes"] for row in latest(feed, "time_entry").values() if row["contract_id"] == contract["id"]
    ] == [
        480,
        480,
        480,
    ]
    assert [row["comment"] for row in latest(feed, "contract_feedback").values()] == ["Bra första vecka"]
    reviews = {row["author"]: row["text"] for row in latest(feed, "contract_review").values()}
    assert reviews == {"freelancer": "Tydlig kund.", "client": "Stark leverans."}
