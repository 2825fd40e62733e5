"""A fixed-fee milestone and the invoice to the platform that bills it (issue 11): an invoice names a
milestone that is ready; confirming makes it invoiced (linked to the invoice, in the feed), crediting
the invoice makes it ready again; a milestone not ready, or of another contract, is refused and
nothing is confirmed."""

from __future__ import annotations

import uuid
from datetime import date

from tests.coserver.contract_helpers import contract_feed, latest, offered
from tests.coserver.harness import LiveServer
from tests.coserver.invoice_helpers import confirm, credit, milestone, newest
from tests.coserver.sync_helpers import freelancer


def test_an_invoice_bills_a_ready_milestone_and_a_credit_releases_it(server: LiveServer) -> None:
    anna = freelancer(server)
    deal = offered(server, anna, start=date(2026, 3, 1))
    assert deal.agent("terms", {"fee_model": "fixed", "rate_minor": 0, "currency": "SEK"}).status_code == 200
    for title in ("Förstudie", "Leverans"):
        body = {"title": title, "amount_minor": 1_000_000, "due_date": "2026-04-01"}
        assert deal.agent("milestones", body).status_code == 200
    assert deal.sign().json()["contract"]["state"] == "active"
    first, second = (m["id"] for m in deal.detail()["milestones"])
    commission = deal.detail()["contract"]["commission_bp"]
    draft = milestone(deal.contract_id, billed_to="platform", commission_bp=commission)
    # Not ready yet: refused with the reason, and no invoice is made.
    planned = confirm(anna, uuid.uuid4(), {**draft, "milestone_id": first}, newest(anna))
    assert (planned.status_code, planned.json()["error"]) == (409, "milestone_not_ready"), planned.text
    assert planned.json()["message"] == (
        "The milestone is planned; an invoice names a milestone that is ready to invoice."
    )
    assert deal.agent(f"milestones/{first}/state", {"state": "ready"}).status_code == 200
    unknown = confirm(anna, uuid.uuid4(), {**draft, "milestone_id": str(uuid.uuid4())}, newest(anna))
    assert (unknown.status_code, unknown.json()["field"]) == (404, "milestone_id")
    invoice_id = uuid.uuid4()
    confirmed = confirm(anna, invoice_id, {**draft, "milestone_id": first}, newest(anna))
    assert confirmed.status_code == 200, confirmed.text
    milestones = {m["id"]: m for m in deal.detail()["milestones"]}
    assert (milestones[first]["state"], milestones[first]["invoice_id"]) == ("invoiced", str(invoice_id))
    assert milestones[second]["state"] == "planned"
    assert latest(contract_feed(anna), "contract_milestone")[first]["state"] == "invoiced"
    # Invoiced once: a second invoice for it is refused.
    twice = confirm(anna, uuid.uuid4(), {**draft, "milestone_id": first}, newest(anna))
    assert twice.json()["error"] == "milestone_not_ready"
    # The invoice credited: the milestone is ready to invoice again.
    assert credit(anna, invoice_id, newest(anna)).status_code == 200
    again = {m["id"]: m for m in deal.detail()["milestones"]}[first]
    assert (again["state"], again["invoice_id"]) == ("ready", None)
    # An invoice without a milestone is as before.
    assert confirm(anna, uuid.uuid4(), draft, newest(anna)).status_code == 200
