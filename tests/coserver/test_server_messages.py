"""The agent and messages over loopback HTTP: `GET /v1/agent` (404 no_agent until one is assigned),
the freelancer's messages by push (entity `message`, the app's id, immutable once sent), the agent's
by `POST /v1/agent/messages` (only to their own freelancers); the thread reaches only its freelancer's
feed."""

from __future__ import annotations

import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.coserver.application_helpers import AgentAccount, agent, command, consent
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, delete, freelancer, upsert


def _with_agent(server: LiveServer, email: str = "anna@example.com") -> tuple[AgentAccount, Freelancer]:
    """A freelancer whose agent is Sara (assigned by applying to Sara's assignment)."""
    sara = agent(server) if email == "anna@example.com" else agent(server, f"agent-{email}", "Olle Agent")
    who = freelancer(server, email)
    assignment = sara.post_assignment()
    body = {"assignment_id": str(assignment[0]), "consent": consent()}
    assert command(server, who.headers(), uuid.uuid4(), "submit", body, assignment[1]).status_code == 200
    return sara, who


def message(text: Any, row_id: uuid.UUID | None = None) -> dict[str, Any]:
    return upsert(row_id or uuid.uuid4(), entity="message", text=text)


def _agent_says(sara: AgentAccount, freelancer_id: uuid.UUID, text: str) -> Any:
    return sara.server.http.post(
        sara.server.url + "/v1/agent/messages",
        json={"freelancer_id": str(freelancer_id), "text": text},
        headers=sara.headers(),
        timeout=30,
    )


def _thread(who: Freelancer) -> list[dict[str, Any]]:
    page = who.server.http.get(
        who.server.url + "/v1/sync/changes",
        params={"with_assignments": "true", "limit": 500},
        headers=who.headers(),
        timeout=30,
    ).json()
    return [c["row"] for c in page["changes"] if c["entity"] == "message"]


def test_no_agent_yet(server: LiveServer) -> None:
    anna = freelancer(server)
    response = anna.get("/v1/agent")
    assert (response.status_code, response.json()["error"]) == (404, "no_agent")
    [result] = anna.push(message("Hej!"))
    assert (result["status"], result["code"]) == ("rejected", "no_agent")
    assert _thread(anna) == []


def test_the_thread_between_a_freelancer_and_their_agent(server: LiveServer) -> None:
    sara, anna = _with_agent(server)
    card = anna.get("/v1/agent").json()
    assert card == {
        "id": str(sara.account_id),
        "name": "Sara Agent",
        "email": "agent@example.com",
        "phone": "+46 70 123 45 67",
        "photo_sha256": None,
    }
    row_id = uuid.uuid4()
    [sent] = anna.push(message("  Hej Sara, när är intervjun?\n/Anna ", row_id))
    assert sent["status"] == "applied"
    assert sent["row"]["text"] == "Hej Sara, när är intervjun?\n/Anna"
    assert sent["row"]["sender"] == "freelancer"
    # The same message again (a retry under a new op id) changes nothing.
    [again] = anna.push(message("Hej Sara, när är intervjun?\n/Anna", row_id))
    assert (again["status"], again["version"]) == ("applied", sent["version"])
    [edited] = anna.push(message("Something else", row_id))
    assert (edited["status"], edited["code"]) == ("rejected", "immutable")
    assert edited["row"]["text"] == sent["row"]["text"]
    [deleted] = anna.push(delete(row_id, entity="message"))
    assert (deleted["status"], deleted["code"]) == ("rejected", "immutable")
    reply = _agent_says(sara, anna.account_id, "På tisdag kl. 13.")
    assert reply.status_code == 201, reply.text
    assert reply.json()["sender"] == "agent"
    assert [(m["sender"], m["text"]) for m in _thread(anna)] == [
        ("freelancer", "Hej Sara, när är intervjun?\n/Anna"),
        ("agent", "På tisdag kl. 13."),
    ]


def test_bad_messages_are_refused_and_nothing_stored(server: LiveServer) -> None:
    sara, anna = _with_agent(server)
    cases = [
        (message(""), "invalid_field"),
        (message("   "), "invalid_field"),
        (message(7), "invalid_field"),
        (message("x" * 2001), "invalid_field"),
        (message("bell\x07"), "invalid_field"),
        (upsert(uuid.uuid4(), entity="message", text="hej", sender="agent"), "unknown_field"),
    ]
    results = anna.push(*(op for op, _ in cases))
    assert [(r["status"], r["code"]) for r in results] == [("rejected", code) for _, code in cases]
    for text in ("", "   ", "x" * 2001, "nul\x00"):
        response = _agent_says(sara, anna.account_id, text)
        assert response.status_code == 422, (text, response.text)
    assert _thread(anna) == []


def test_nobody_else_reads_or_writes_the_thread(server: LiveServer) -> None:
    sara, anna = _with_agent(server)
    olle, erik = _with_agent(server, "erik@example.com")
    row_id = uuid.uuid4()
    anna.push(message("Till Sara", row_id))
    assert _agent_says(sara, anna.account_id, "Till Anna").status_code == 201
    # Olle is not Anna's agent; Sara is not Erik's.
    assert _agent_says(olle, anna.account_id, "Hej").status_code == 404
    assert _agent_says(sara, erik.account_id, "Hej").status_code == 404
    # Erik reusing Anna's message id neither reads nor changes it.
    [taken] = erik.push(message("Till Sara", row_id))
    assert (taken["status"], taken["code"], taken["row"]) == ("rejected", "id_taken", None)
    assert _thread(erik) == []
    assert erik.get("/v1/agent").json()["name"] == "Olle Agent"
    # A freelancer never writes as an agent.
    response = server.http.post(
        server.url + "/v1/agent/messages",
        json={"freelancer_id": str(anna.account_id), "text": "x"},
        headers=erik.headers(),
        timeout=30,
    )
    assert response.status_code == 403
    assert [m["text"] for m in _thread(anna)] == ["Till Sara", "Till Anna"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=50))
def test_free_form_messages_are_stored_trimmed_or_refused(server: LiveServer, text: str) -> None:
    anna = _people.get(server.url) or _people.setdefault(server.url, _with_agent(server)[1])
    [result] = anna.push(message(text))
    if result["status"] == "applied":
        assert result["row"]["text"] == text.strip()
    else:
        assert (result["status"], result["code"]) == ("rejected", "invalid_field")


_people: dict[str, Freelancer] = {}  # per server (one per test): accounts register once
