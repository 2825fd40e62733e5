"""Contract offers and signing over loopback HTTP (issue 11): an application moved to `offer` makes a
contract offer; the agent changes its terms (each change a new terms version) and adds milestones;
the freelancer signs the version read (a stale one is 412 with the current terms; a contract that is
not an offer is 409 with the reason); the calendar makes it active and ended, as versioned writes that
reach the feed; offers travel only to clients that ask `with_contracts`."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from coapp.sync.wire import ChangesPage, offer_contract_id
from coserver.contract_models import ContractTermsRow
from tests.coserver.application_helpers import agent, command
from tests.coserver.contract_helpers import client_account, contract_feed, get, latest, offered
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer, new_contract, new_entry


def test_an_offer_in_the_pipeline_makes_a_contract_offer(server: LiveServer) -> None:
    anna = freelancer(server)
    deal = offered(server, anna, title="Systemutvecklare Python", description="Avräkning i Python.")
    detail = deal.detail()
    contract = detail["contract"]
    assert contract["id"] == str(offer_contract_id(deal.application_id))
    assert contract["state"] == "offered"
    assert contract["terms_version"] == 1
    assert contract["origin"] == "platform"
    assert (contract["title"], contract["scope"]) == ("Systemutvecklare Python", "Avräkning i Python.")
    assert (contract["fee_model"], contract["rate_minor"], contract["currency"]) == ("hourly", 95000, "SEK")
    assert (contract["start_date"], contract["end_date"]) == ("2026-05-01", "2026-09-30")
    assert contract["payment_terms_days"] == 30
    assert contract["commission_bp"] == 1500
    assert contract["application_id"] == str(deal.application_id)
    assert contract["signed_at"] is None
    assert detail["milestones"] == []
    # The agent reads it too; the freelancer's own read is the same record.
    assert deal.detail(deal.sara.token)["contract"] == contract
    assert anna.get(f"/v1/contracts/{deal.contract_id}").json() == contract
    # Offers reach clients that know them; an older client never sees an unsigned offer.
    assert str(deal.contract_id) in latest(contract_feed(anna), "contract")
    assert str(deal.contract_id) not in latest(contract_feed(anna, with_contracts=False), "contract")
    with database(server) as session:
        [terms] = session.execute(select(ContractTermsRow)).scalars()
        assert terms.terms_version == 1
        assert terms.terms["rate_minor"] == 95000


def test_signing_a_stale_version_shows_the_current_terms(server: LiveServer) -> None:
    anna = freelancer(server)
    deal = offered(server, anna)
    changed = deal.agent("terms", {"rate_minor": 98000, "payment_terms_days": 20})
    assert changed.status_code == 200, changed.text
    assert changed.json()["contract"]["terms_version"] == 2
    stale = deal.sign(terms_version=1)
    assert stale.status_code == 412, stale.text
    body = stale.json()
    assert body["error"] == "terms_changed"
    assert body["current"]["contract"]["terms_version"] == 2
    assert body["current"]["contract"]["rate_minor"] == 98000
    assert deal.detail()["contract"]["signed_at"] is None  # nothing recorded
    signed = deal.sign("  Anna Lindqvist ", terms_version=2)
    assert signed.status_code == 200, signed.text
    contract = signed.json()["contract"]
    assert contract["state"] == "signed"
    assert contract["signed_name"] == "Anna Lindqvist"
    assert contract["signed_terms_version"] == 2
    assert contract["signed_at"] == "2026-03-02T09:00:00Z"
    assert contract["original_end_date"] == "2026-09-30"
    # Signed once: a second signature is refused with the reason, and the contract as it is.
    again = deal.sign(terms_version=2)
    assert again.status_code == 409
    assert again.json()["error"] == "transition_refused"
    assert again.json()["message"] == "A contract that is signed cannot become signed."
    assert again.json()["current"]["contract"]["signed_name"] == "Anna Lindqvist"
    # Terms no longer change; the agent may extend.
    refused = deal.agent("terms", {"rate_minor": 1})
    assert (refused.status_code, refused.json()["error"]) == (409, "terms_fixed")
    extended = deal.agent("extend", {"end_date": "2026-12-31", "text": "Förlängt"})
    assert extended.status_code == 200, extended.text
    contract = extended.json()["contract"]
    assert (contract["end_date"], contract["original_end_date"]) == ("2026-12-31", "2026-09-30")
    assert contract["terms_version"] == 2  # the signature stands


def test_a_signature_replays_under_its_key_and_checks_its_name(server: LiveServer) -> None:
    anna = freelancer(server)
    deal = offered(server, anna)
    body = {"name": "Anna Lindqvist", "terms_version": 1}
    headers = {**anna.headers(), "Idempotency-Key": "sign-1"}
    url = f"{server.url}/v1/contracts/{deal.contract_id}/sign"
    first = server.http.post(url, json=body, headers=headers, timeout=30)
    second = server.http.post(url, json=body, headers=headers, timeout=30)
    assert (first.status_code, second.status_code) == (200, 200)
    assert first.json() == second.json()
    assert second.headers.get("Idempotent-Replayed") == "true"
    no_key = server.http.post(url, json=body, headers=anna.headers(), timeout=30)
    assert no_key.status_code == 400
    other = offered(server, anna, deal.sara)
    for name, field in (("A", "name"), ("Anna\nLindqvist", "name"), ("x" * 201, "name")):
        response = other.sign(name)
        assert (response.status_code, response.json()["field"]) == (422, field), response.text
    assert other.detail()["contract"]["state"] == "offered"
    # Another freelancer cannot sign it, nor tell that it exists.
    bertil = freelancer(server, "bertil@example.com")
    stranger = server.http.post(
        f"{server.url}/v1/contracts/{other.contract_id}/sign",
        json=body,
        headers={**bertil.headers(), "Idempotency-Key": str(uuid.uuid4())},
        timeout=30,
    )
    assert (stranger.status_code, stranger.json()["error"]) == (404, "not_found")


def test_the_calendar_makes_it_active_and_ended_in_the_feed(server: LiveServer) -> None:
    anna = freelancer(server)
    deal = offered(server, anna, end=date(2026, 6, 30))
    assert deal.sign().status_code == 200
    before = latest(contract_feed(anna), "contract")[str(deal.contract_id)]
    assert before["state"] == "signed"
    server.clock.advance(days=60)  # 2026-05-01: the start date
    anna.sign_in_again()
    first = anna.changes().json()
    page = ChangesPage.model_validate(first)  # the client's own parser reads it
    active = latest(first["changes"], "contract")[str(deal.contract_id)]
    assert active["state"] == "active"
    assert active["version"] > before["version"]
    assert page.changes
    server.clock.advance(days=61)  # 2026-07-01: past the end date
    anna.sign_in_again()
    ended = latest(contract_feed(anna), "contract")[str(deal.contract_id)]
    assert (ended["state"], ended["ended_on"]) == ("ended", "2026-06-30")


def test_an_unsigned_offer_takes_no_time(server: LiveServer) -> None:
    anna = freelancer(server)
    deal = offered(server, anna, start=date(2026, 3, 1))
    _row, op = new_entry(deal.contract_id, date(2026, 3, 2))
    [refused] = anna.push(op)
    assert (refused["status"], refused["code"]) == ("rejected", "contract_not_signed")
    assert deal.sign().json()["contract"]["state"] == "active"  # its start date has come
    [applied] = anna.push(op)
    assert applied["status"] == "applied", applied


def test_a_declined_application_withdraws_its_offer(server: LiveServer) -> None:
    anna = freelancer(server)
    deal = offered(server, anna)
    version = get(server, deal.sara.token, f"/v1/applications/{deal.application_id}").json()["application"][
        "version"
    ]
    declined = command(server, deal.sara.headers(), deal.application_id, "decline", {"text": "Nej"}, version)
    assert declined.status_code == 200, declined.text
    contract = deal.detail()["contract"]
    assert (contract["state"], contract["state_reason"]) == ("terminated", "The client declined.")
    assert deal.sign().status_code == 409


def test_the_agent_sets_the_client_and_the_fixed_fee_milestones(server: LiveServer) -> None:
    anna = freelancer(server)
    kund = client_account(server)
    deal = offered(server, anna)
    hourly = deal.agent(
        "milestones", {"title": "Förstudie", "amount_minor": 5000000, "due_date": "2026-06-01"}
    )
    assert (hourly.status_code, hourly.json()["error"]) == (409, "not_fixed_fee")
    terms = {"fee_model": "fixed", "rate_minor": 0, "client_account_id": str(kund.account_id)}
    assert deal.agent("terms", terms).status_code == 200
    for title, due in (("Förstudie", "2026-06-01"), ("Leverans", "2026-09-01")):
        added = deal.agent("milestones", {"title": title, "amount_minor": 5000000, "due_date": due})
        assert added.status_code == 200, added.text
    detail = added.json()
    assert detail["contract"]["terms_version"] == 4
    assert [m["title"] for m in detail["milestones"]] == ["Förstudie", "Leverans"]
    assert {m["state"] for m in detail["milestones"]} == {"planned"}
    assert deal.detail(kund.token) == detail  # the client's account reads its contract
    # Each party lists it; another client's account lists nothing.
    for token in (kund.token, deal.sara.token):
        listed = get(server, token, "/v1/contracts").json()["contracts"]
        assert [c["contract"]["id"] for c in listed] == [str(deal.contract_id)]
    mine = get(server, anna.token, "/v1/contracts").json()["contracts"]
    assert {c["contract"]["id"] for c in mine} == {str(deal.contract_id), str(anna.contract_id)}
    other = client_account(server, "annan@example.com", "Annan AB")
    assert get(server, other.token, "/v1/contracts").json() == {"contracts": []}
    # A milestone does not move before the contract is signed; then one step at a time.
    first = detail["milestones"][0]["id"]
    early = deal.agent(f"milestones/{first}/state", {"state": "ready"})
    assert early.status_code == 409
    assert deal.sign().status_code == 200
    skipped = deal.agent(f"milestones/{first}/state", {"state": "paid"})
    assert skipped.json()["message"] == "A milestone that is planned becomes ready next, not paid."
    ready = deal.agent(f"milestones/{first}/state", {"state": "ready"})
    assert ready.status_code == 200, ready.text
    assert ready.json()["milestones"][0]["state"] == "ready"
    unknown = deal.agent(f"milestones/{uuid.uuid4()}/state", {"state": "ready"})
    assert unknown.status_code == 404
    feed = latest(contract_feed(anna), "contract_milestone")
    assert feed[first]["state"] == "ready"
    assert len(feed) == 2
    # Milestones are not in an older client's feed at all.
    assert not latest(contract_feed(anna, with_contracts=False), "contract_milestone")


def test_agent_commands_need_if_match_and_the_current_version(server: LiveServer) -> None:
    anna = freelancer(server)
    deal = offered(server, anna)
    version = deal.version()
    assert deal.agent("terms", {"title": "Ny titel"}, version).status_code == 200
    stale = deal.agent("terms", {"title": "Igen"}, version)
    assert (stale.status_code, stale.json()["error"]) == (412, "stale")
    url = f"{server.url}/v1/contracts/{deal.contract_id}/terms"
    missing = server.http.post(
        url, json={}, headers={**deal.sara.headers(), "Idempotency-Key": "k"}, timeout=30
    )
    assert missing.status_code == 428
    # Another agent's contract is no contract at all to her.
    other = agent(server, "other-agent@example.com")
    foreign = server.http.post(
        url,
        json={"title": "Mine"},
        headers={**other.headers(), "Idempotency-Key": "x", "If-Match": f'"{deal.version()}"'},
        timeout=30,
    )
    assert (foreign.status_code, foreign.json()["error"]) == (404, "not_found")
    bad = deal.agent("terms", {"end_date": "2026-01-01"})
    assert (bad.status_code, bad.json()["field"]) == (422, "end_date")
    assert deal.agent("terms", {"rounding_rule": "up:7:entry"}).json()["field"] == "rounding_rule"
    assert deal.agent("terms", {"client_account_id": str(anna.account_id)}).status_code == 422
    ended = deal.agent("end", {"text": ""})
    assert ended.json()["message"] == "A contract that is offered cannot become ended."
    terminated = deal.agent("terminate", {"text": ""})
    assert (terminated.status_code, terminated.json()["field"]) == (422, "text")
    terminated = deal.agent("terminate", {"text": "Kunden drog tillbaka uppdraget."})
    assert terminated.json()["contract"]["state"] == "terminated"
    assert terminated.json()["contract"]["ended_on"] == "2026-03-02"


def test_the_calendar_leaves_the_freelancers_own_contracts_alone(server: LiveServer) -> None:
    anna = freelancer(server)
    own, op = new_contract(start_date="2025-01-01", end_date="2025-12-31")
    [made] = anna.push(op)
    assert made["status"] == "applied", made
    detail = get(server, anna.token, f"/v1/contracts/{own}/detail").json()["contract"]
    assert (detail["state"], detail["version"]) == ("active", made["version"])
    assert latest(contract_feed(anna), "contract")[str(own)]["version"] == made["version"]
