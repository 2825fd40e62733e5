"""Issue 11's data of a tenant in the authorization tests: the tenant's own agent (the pipeline's)
offers three contracts with the tenant's own client account: a fixed-fee offer with a milestone, left
unsigned; a signed, active one with feedback from the client and the agent; and one the agent ended,
which the client has reviewed (not revealed to the freelancer yet). `contracts_view` is everything
of it the tenant can see, for before/after comparisons."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from coserver.contract_models import FeedbackRow, MilestoneRow, ReviewRow
from tests.coserver.application_helpers import AgentAccount
from tests.coserver.contract_helpers import Party, client_account, contract_command, contract_feed, offered
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, database

START, END = date(2026, 3, 1), date(2026, 6, 30)


@dataclass
class Contracts:
    client: Party
    offer_id: uuid.UUID
    active_id: uuid.UUID
    ended_id: uuid.UUID
    milestone_id: uuid.UUID
    texts: list[str]
    application_ids: list[uuid.UUID]  # the applications the offers came from

    @property
    def contract_ids(self) -> list[uuid.UUID]:
        return [self.offer_id, self.active_id, self.ended_id]

    @property
    def row_ids(self) -> list[uuid.UUID]:
        return [*self.contract_ids, self.milestone_id, *self.application_ids]


def contracts(server: LiveServer, who: Freelancer, agent_token: str, agent_id: uuid.UUID) -> Contracts:
    email = who.email
    sara = AgentAccount(server, agent_token, agent_id)
    client = client_account(server, f"client-of-{email}", f"Client of {email}")
    texts = [f"{email}'s client feedback", f"{email}'s agent feedback", f"{email}'s unrevealed review"]
    deals = [offered(server, who, sara, start=START, end=END, title=f"{email}'s deal {n}") for n in range(3)]
    for deal in deals:
        terms = {"client_account_id": str(client.account_id)}
        if deal is deals[0]:
            terms |= {"fee_model": "fixed", "rate_minor": 0}
        assert deal.agent("terms", terms).status_code == 200
    added = deals[0].agent(
        "milestones", {"title": f"{email}'s milestone", "amount_minor": 100, "due_date": "2026-05-01"}
    )
    assert added.status_code == 200, added.text
    for deal in deals[1:]:
        signed = deal.sign(f"Freelancer {email}")
        assert signed.json()["contract"]["state"] == "active", signed.text
    scores = {"quality": 4, "communication": 5, "delivery": 4, "expertise": 3}
    for token, text in ((client.token, texts[0]), (agent_token, texts[1])):
        given = contract_command(
            server,
            {"Authorization": f"Bearer {token}"},
            deals[1].contract_id,
            "feedback",
            {**scores, "comment": text},
            None,
        )
        assert given.status_code == 201, given.text
    assert deals[2].agent("end", {"text": "Klart"}).status_code == 200
    reviewed = contract_command(
        server, client.headers(), deals[2].contract_id, "review", {"score": 5, "text": texts[2]}, None
    )
    assert reviewed.status_code == 201, reviewed.text
    assert reviewed.json()["theirs"] is None
    return Contracts(
        client=client,
        offer_id=deals[0].contract_id,
        active_id=deals[1].contract_id,
        ended_id=deals[2].contract_id,
        milestone_id=uuid.UUID(added.json()["milestones"][0]["id"]),
        texts=texts,
        application_ids=[deal.application_id for deal in deals],
    )


def contracts_view(server: LiveServer, who: Freelancer) -> dict[str, Any]:
    """The tenant's feed asked with_contracts, its summary, and its issue-11 rows as stored."""
    summary = who.get("/v1/sync/summary?with_contracts=true")
    assert summary.status_code == 200, summary.text
    entities = summary.json()["entities"]
    with database(server) as session:
        stored = {
            table.__tablename__: sorted(
                (str(row.id), row.version)
                for row in session.execute(select(table).where(table.account_id == who.account_id)).scalars()
            )
            for table in (MilestoneRow, FeedbackRow, ReviewRow)
        }
    return {"feed": contract_feed(who), "summary": entities, "stored": stored}
