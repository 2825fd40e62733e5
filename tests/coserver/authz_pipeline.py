"""Issue 10's data of a tenant in the authorization tests: the tenant's own agent posts an
assignment; the tenant favourites it and applies with consent; the agent proposes and books an
interview; both write a message. `pipeline_view` is everything of it the tenant can see (feed,
summary, consents, the agent card, the application), for before/after comparisons."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from coapp.sync.wire import favourite_row_id
from tests.coserver.application_helpers import agent, command, consent, interview
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, upsert

_ISSUE_10 = {"favourite", "application", "application_event", "interview", "consent", "message"}


@dataclass
class Pipeline:
    application_id: uuid.UUID
    consent_id: uuid.UUID
    interview_id: uuid.UUID
    message_ids: list[uuid.UUID]
    assignment_id: uuid.UUID
    agent_token: str
    agent_id: uuid.UUID
    texts: list[str]

    @property
    def row_ids(self) -> list[uuid.UUID]:
        """Ids only this tenant's data holds (the favourite's is derived from a public assignment id)."""
        return [self.application_id, self.consent_id, self.interview_id, *self.message_ids]


def pipeline(server: LiveServer, who: Freelancer) -> Pipeline:
    email = who.email
    texts = [f"{email}'s application message", f"{email}'s message", f"{email}'s agent message"]
    sara = agent(server, f"agent-of-{email}", f"Agent of {email}")
    assignment_id, version = sara.post_assignment(title=f"Assignment for {email}")
    [star] = who.push(
        upsert(favourite_row_id(assignment_id), entity="favourite", assignment_id=str(assignment_id))
    )
    assert star["status"] == "applied", star
    application_id = uuid.uuid4()
    body = {"assignment_id": str(assignment_id), "consent": consent(message=texts[0])}
    submitted = command(server, who.headers(), application_id, "submit", body, version)
    assert submitted.status_code == 200, submitted.text
    detail = submitted.json()
    moved = command(
        server, sara.headers(), application_id, "propose", {"text": ""}, detail["application"]["version"]
    )
    assert moved.status_code == 200, moved.text
    booked = command(
        server,
        sara.headers(),
        application_id,
        "interview",
        interview(),
        moved.json()["application"]["version"],
    )
    assert booked.status_code == 200, booked.text
    message_id = uuid.uuid4()
    [sent] = who.push(upsert(message_id, entity="message", text=texts[1]))
    assert sent["status"] == "applied", sent
    reply = server.http.post(
        server.url + "/v1/agent/messages",
        json={"freelancer_id": str(who.account_id), "text": texts[2]},
        headers=sara.headers(),
        timeout=30,
    )
    assert reply.status_code == 201, reply.text
    return Pipeline(
        application_id=application_id,
        consent_id=uuid.UUID(detail["application"]["consent_id"]),
        interview_id=uuid.UUID(booked.json()["interviews"][0]["id"]),
        message_ids=[message_id, uuid.UUID(reply.json()["id"])],
        assignment_id=assignment_id,
        agent_token=sara.token,
        agent_id=sara.account_id,
        texts=texts,
    )


def pipeline_feed(who: Freelancer, limit: int = 500) -> list[dict[str, Any]]:
    """The tenant's issue-10 rows in the feed asked with_assignments (assignments left out: they are
    everyone's)."""
    changes: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"with_assignments": "true", "limit": limit}
        if cursor:
            params["cursor"] = cursor
        page = who.server.http.get(
            who.server.url + "/v1/sync/changes", params=params, headers=who.headers(), timeout=30
        )
        assert page.status_code == 200, page.text
        body = page.json()
        changes += [c for c in body["changes"] if c["entity"] in _ISSUE_10]
        cursor = body["cursor"]
        if not body["has_more"]:
            return changes


def pipeline_view(who: Freelancer) -> dict[str, Any]:
    summary = who.get("/v1/sync/summary?with_assignments=true")
    assert summary.status_code == 200, summary.text
    entities = {k: v for k, v in summary.json()["entities"].items() if k in _ISSUE_10}
    consents = who.get("/v1/consents")
    agent_card = who.get("/v1/agent")
    return {
        "feed": pipeline_feed(who),
        "summary": entities,
        "consents": consents.json(),
        "agent": (agent_card.status_code, agent_card.json()),
    }
