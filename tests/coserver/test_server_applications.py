"""Applications with consent over loopback HTTP: the freelancer submits only with consent (422 and
nothing stored without), commands take Idempotency-Key and If-Match (428, 412), the agent who posted
the assignment moves it through the pipeline (an illegal move is 409 with check_move's reason), and
applications, their events, interviews and consents reach the freelancer's feed; the consents are
listable and never change."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, inspect, select

from coapp.domain.applications import Actor, ApplicationState, TransitionRefused, check_move
from coserver.application_models import (
    AgentCardRow,
    ApplicationEventRow,
    ApplicationRow,
    ConsentRow,
    FreelancerAgentRow,
    InterviewRow,
    MessageRow,
)
from coserver.assignments import close_assignment
from coserver.models import AssignmentRow, FavouriteRow
from tests.coserver.application_helpers import DIGEST, AgentAccount, agent, command, consent, interview
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, database, freelancer


def _submit(
    who: Freelancer, assignment: tuple[uuid.UUID, int], app_id: uuid.UUID | None = None, **kwargs: Any
) -> requests.Response:
    body = {"assignment_id": str(assignment[0]), "consent": kwargs.pop("consent_body", consent())}
    if body["consent"] is None:
        del body["consent"]
    return command(who.server, who.headers(), app_id or uuid.uuid4(), "submit", body, assignment[1], **kwargs)


def _stored(server: LiveServer) -> tuple[int, int, int]:
    with database(server) as session:
        return tuple(  # type: ignore[return-value]
            session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (ApplicationRow, ConsentRow, ApplicationEventRow)
        )


def _feed(who: Freelancer) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"with_assignments": "true", **({"cursor": cursor} if cursor else {})}
        page = who.server.http.get(
            who.server.url + "/v1/sync/changes", params=params, headers=who.headers(), timeout=30
        )
        assert page.status_code == 200, page.text
        body = page.json()
        changes += body["changes"]
        cursor = body["cursor"]
        if not body["has_more"]:
            return changes


@pytest.fixture
def setup(server: LiveServer) -> tuple[AgentAccount, Freelancer, tuple[uuid.UUID, int]]:
    sara = agent(server)
    return sara, freelancer(server), sara.post_assignment()


def test_submit_with_consent_records_what_was_shared_with_whom_and_when(setup: Any) -> None:
    sara, anna, assignment = setup
    app_id = uuid.uuid4()
    response = _submit(anna, assignment, app_id)
    assert response.status_code == 200, response.text
    detail = response.json()
    application = detail["application"]
    assert (application["id"], application["state"]) == (str(app_id), "submitted")
    assert (application["rate_minor"], application["rate_per"], application["currency"]) == (
        95000,
        "hour",
        "SEK",
    )
    assert [(e["state"], e["actor"]) for e in detail["events"]] == [("submitted", "freelancer")]
    consents = anna.get("/v1/consents").json()["consents"]
    assert len(consents) == 1
    record = consents[0]
    assert record["id"] == application["consent_id"]
    assert record["resume_variant"] == "Backend"
    assert (record["resume_digest"], record["resume_version"]) == (DIGEST, 7)
    assert (record["shared_with_client"], record["shared_via_agent"]) == ("Kund AB", "Sara Agent")
    assert record["agent_id"] == str(sara.account_id)
    assert record["message"].startswith("Jag har byggt")
    assert record["recorded_at"].startswith("2026-03-02T09:00")
    # The assignment's agent became Anna's agent.
    assert anna.get("/v1/agent").json()["name"] == "Sara Agent"
    entities = [c["entity"] for c in _feed(anna) if c["entity"] not in ("assignment", "contract")]
    assert sorted(entities) == ["application", "application_event", "consent"]


@pytest.mark.parametrize(
    ("consent_body", "field"),
    [
        (None, "consent"),
        (consent(agreed=False), "consent.agreed"),
    ],
)
def test_without_consent_nothing_is_stored(setup: Any, consent_body: Any, field: str) -> None:
    _, anna, assignment = setup
    response = _submit(anna, assignment, consent_body=consent_body)
    assert response.status_code == 422, response.text
    assert (response.json()["error"], response.json()["field"]) == ("consent_required", field)
    assert _stored(anna.server) == (0, 0, 0)
    assert anna.get("/v1/consents").json() == {"consents": []}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"currency": "EUR"}, "consent.currency"),
        ({"rate_minor": 0}, "consent.rate_minor"),
        ({"rate_minor": 95000.5}, "consent.rate_minor"),
        ({"rate_per": "week"}, "consent.rate_per"),
        ({"resume_digest": "abc"}, "consent.resume_digest"),
        ({"resume_variant": " \t"}, "consent.resume_variant"),
        ({"resume_variant": "a\nb"}, "consent.resume_variant"),
        ({"message": "x" * 2001}, "consent.message"),
        ({"message": "bell\x07"}, "consent.message"),
        ({"consented_at": "2026-03-02T10:00:00+00:00"}, "consent.consented_at"),
        ({"consented_at": "2025-11-01T10:00:00+00:00"}, "consent.consented_at"),
        ({"consented_at": "2026-03-02T08:59:00"}, "consent.consented_at"),
        ({"available_from": 0}, "consent.available_from"),
        ({"available_from": "2030-01-01"}, "consent.available_from"),
        ({"available_from": "1999-12-31"}, "consent.available_from"),
        ({"hours_per_week": 0}, "consent.hours_per_week"),
        ({"extra": 1}, "consent.extra"),
    ],
)
def test_bad_consent_is_422_naming_the_field_and_nothing_is_stored(
    setup: Any, changes: dict[str, Any], field: str
) -> None:
    _, anna, assignment = setup
    response = _submit(anna, assignment, consent_body=consent(**changes))
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert _stored(anna.server) == (0, 0, 0)


def test_commands_need_if_match_and_are_idempotent(setup: Any) -> None:
    _sara, anna, assignment = setup
    app_id = uuid.uuid4()
    missing = command(
        anna.server, anna.headers(), app_id, "submit", {"assignment_id": str(assignment[0])}, None
    )
    assert missing.status_code == 428
    stale = _submit(anna, (assignment[0], assignment[1] - 1), app_id)
    assert (stale.status_code, stale.json()["error"]) == (412, "stale")
    assert _stored(anna.server) == (0, 0, 0)
    key = str(uuid.uuid4())
    first = _submit(anna, assignment, app_id, key=key)
    replay = _submit(anna, assignment, app_id, key=key)
    assert (first.status_code, replay.status_code) == (200, 200)
    assert first.json() == replay.json()
    reused = _submit(anna, assignment, uuid.uuid4(), key=key)
    assert (reused.status_code, reused.json()["error"]) == (422, "idempotency_key_reused")
    again = _submit(anna, assignment, app_id)
    assert (again.status_code, again.json()["error"]) == (409, "already_submitted")
    twice = _submit(anna, assignment)
    assert (twice.status_code, twice.json()["error"]) == (409, "already_applied")
    assert _stored(anna.server) == (1, 1, 1)
    no_key = _submit(anna, assignment, key=None)
    assert no_key.status_code == 400


def test_a_closed_or_unknown_assignment_takes_no_application(setup: Any) -> None:
    _, anna, assignment = setup
    unknown = _submit(anna, (uuid.uuid4(), 1))
    assert (unknown.status_code, unknown.json()["error"]) == (404, "not_found")
    with database(anna.server) as session:
        version = close_assignment(session, assignment[0]).version
    closed = _submit(anna, (assignment[0], version))
    assert (closed.status_code, closed.json()["error"]) == (409, "assignment_closed")
    assert _stored(anna.server) == (0, 0, 0)


def _move(who: Any, app_id: str, verb: str, version: int, body: Any = None) -> requests.Response:
    return command(
        who.server, who.headers(), app_id, verb, body if body is not None else {"text": verb}, version
    )


def test_the_agent_moves_it_through_the_pipeline_and_the_freelancer_sees_every_step(setup: Any) -> None:
    sara, anna, assignment = setup
    detail = _submit(anna, assignment).json()
    app_id, version = detail["application"]["id"], detail["application"]["version"]
    steps = [
        ("propose", None),
        ("interview", interview()),
        ("interview", interview(place="", agent_attends=False)),
    ]
    steps += [("offer", None), ("contract", None)]
    for verb, body in steps:
        response = _move(sara, app_id, verb, version, body)
        assert response.status_code == 200, (verb, response.text)
        version = response.json()["application"]["version"]
    final = anna.get(f"/v1/applications/{app_id}").json()
    assert final["application"]["state"] == "contracted"
    assert [e["state"] for e in final["events"]] == [
        "submitted",
        "proposed",
        "interview",
        "interview",
        "offer",
        "contracted",
    ]
    assert [e["text"] for e in final["events"][1:]] == [
        "propose",
        "Intervju med teamledaren.",
        "Intervju med teamledaren.",
        "offer",
        "contract",
    ]
    assert [(i["place"], i["agent_attends"]) for i in final["interviews"]] == [
        ("Storgatan 1, Stockholm", True),
        ("", False),
    ]
    assert (
        sara.server.http.get(
            f"{sara.server.url}/v1/applications/{app_id}", headers=sara.headers(), timeout=30
        ).json()
        == final
    )
    feed = _feed(anna)
    assert sum(c["entity"] == "interview" for c in feed) == 2
    assert sum(c["entity"] == "application_event" for c in feed) == 6
    # Final: nothing moves it any more, with the pipeline's reason.
    refused = _move(anna, app_id, "withdraw", version)
    assert refused.status_code == 409
    assert refused.json()["error"] == "transition_refused"
    assert "contracted; nothing changes it any more" in refused.json()["message"]


@pytest.mark.parametrize(
    ("path", "verb", "actor"),
    [
        ([], "offer", Actor.AGENT),  # submitted → offer
        ([], "contract", Actor.AGENT),
        ([], "interview", Actor.AGENT),
        (["propose"], "propose", Actor.AGENT),
        (["decline"], "propose", Actor.AGENT),
        (["propose", "offer"], "interview", Actor.AGENT),
    ],
)
def test_an_illegal_move_is_409_with_check_move_s_reason(
    setup: Any, path: list[str], verb: str, actor: Actor
) -> None:
    sara, anna, assignment = setup
    detail = _submit(anna, assignment).json()
    app_id, version = detail["application"]["id"], detail["application"]["version"]
    state = ApplicationState.SUBMITTED
    targets = {
        "propose": ApplicationState.PROPOSED,
        "offer": ApplicationState.OFFER,
        "decline": ApplicationState.DECLINED,
        "contract": ApplicationState.CONTRACTED,
        "interview": ApplicationState.INTERVIEW,
    }
    for step in path:
        version = _move(sara, app_id, step, version).json()["application"]["version"]
        state = targets[step]
    response = _move(sara, app_id, verb, version, interview() if verb == "interview" else None)
    assert response.status_code == 409, response.text
    with pytest.raises(TransitionRefused) as refused:
        check_move(state, targets[verb], actor)
    assert str(refused.value).casefold() in response.json()["message"].casefold()
    assert anna.get(f"/v1/applications/{app_id}").json()["application"]["version"] == version


def test_the_freelancer_withdraws_and_the_consent_stays_as_it_was(setup: Any) -> None:
    _, anna, assignment = setup
    detail = _submit(anna, assignment).json()
    before = anna.get("/v1/consents").json()
    response = _move(anna, detail["application"]["id"], "withdraw", detail["application"]["version"])
    assert response.status_code == 200, response.text
    assert response.json()["application"]["state"] == "withdrawn"
    assert anna.get("/v1/consents").json() == before
    stale = _move(anna, detail["application"]["id"], "withdraw", detail["application"]["version"])
    assert stale.status_code == 412


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_at": "2026-03-10T12:00:00+01:00"}, "ends_at"),
        ({"ends_at": "2026-03-11T13:00:00+01:00"}, "ends_at"),
        ({"video_url": "http://meet.example.com/abc"}, "video_url"),
        ({"video_url": "https://user:pw@meet.example.com/"}, "video_url"),
        ({"video_url": "", "place": ""}, "place"),
        ({"place": "a\nb"}, "place"),
        ({"starts_at": "2030-01-01T10:00:00+00:00", "ends_at": "2030-01-01T11:00:00+00:00"}, "starts_at"),
        ({"starts_at": "2026-03-10T13:00:00"}, "starts_at"),
        ({"agent_attends": "yes"}, "agent_attends"),
    ],
)
def test_a_bad_interview_is_422_and_nothing_moves(setup: Any, changes: dict[str, Any], field: str) -> None:
    sara, anna, assignment = setup
    detail = _submit(anna, assignment).json()
    app_id, version = detail["application"]["id"], detail["application"]["version"]
    version = _move(sara, app_id, "propose", version).json()["application"]["version"]
    response = _move(sara, app_id, "interview", version, interview(**changes))
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    after = anna.get(f"/v1/applications/{app_id}").json()
    assert (after["application"]["state"], after["interviews"]) == ("proposed", [])


def test_nobody_else_sees_or_moves_it(setup: Any, server: LiveServer) -> None:
    sara, anna, assignment = setup
    other_agent = agent(server, "olle@example.com", "Olle Agent")
    erik = freelancer(server, "erik@example.com")
    detail = _submit(anna, assignment).json()
    app_id, version = detail["application"]["id"], detail["application"]["version"]
    for who in (other_agent, erik):
        got = server.http.get(f"{server.url}/v1/applications/{app_id}", headers=who.headers(), timeout=30)
        assert got.status_code == 404
    assert _move(other_agent, app_id, "propose", version).status_code == 404
    assert _move(erik, app_id, "withdraw", version).status_code == 404
    assert _move(anna, app_id, "propose", version).status_code == 403  # a freelancer never proposes
    assert _move(sara, app_id, "withdraw", version).status_code == 403
    assert erik.get("/v1/consents").json() == {"consents": []}
    assert [c for c in _feed(erik) if c["entity"] not in ("assignment", "contract")] == []
    taken = _submit(erik, assignment, uuid.UUID(app_id))
    assert (taken.status_code, taken.json()["error"]) == (403, "forbidden")
    assert anna.get(f"/v1/applications/{app_id}").json() == detail


_free_text = st.text(max_size=120)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(variant=_free_text, message=st.text(max_size=2100))
def test_free_form_consent_texts_are_stored_trimmed_or_refused_with_422(
    setup: Any, variant: str, message: str
) -> None:
    _, anna, assignment = setup
    response = _submit(anna, assignment, consent_body=consent(resume_variant=variant, message=message))
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        application = response.json()["application"]
        assert application["resume_variant"] == variant.strip()
        assert application["message"] == message.strip()
        withdrawn = _move(anna, application["id"], "withdraw", application["version"])
        assert withdrawn.status_code == 200  # so the next example may apply again
    else:
        assert response.json()["field"].startswith("consent.")


def test_the_migrations_make_the_tables_the_models_describe(server: LiveServer) -> None:
    tables = [ApplicationRow, ConsentRow, ApplicationEventRow, InterviewRow, MessageRow]
    tables += [AgentCardRow, FreelancerAgentRow, FavouriteRow, AssignmentRow]
    with database(server) as session:
        inspector = inspect(session.connection())
        for model in tables:
            table = model.__table__
            columns = {c["name"]: c["nullable"] for c in inspector.get_columns(table.name)}
            assert columns == {c.name: c.nullable for c in table.columns}, table.name
            indexes = {i["name"] for i in inspector.get_indexes(table.name)}
            assert {i.name for i in table.indexes} <= indexes, table.name
