"""Issue 10's assignment terms (must-have and nice-to-have skills, seniority, workplace, country,
working language) over loopback HTTP, assignments in the change feed for clients that ask
`with_assignments` (marked cursors, expiry as a change), seed-demo's terms and migration s0009."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from alembic import command
from alembic.config import Config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from coapp.sync.wire import ChangesPage
from coserver.assignments import close_assignment, create_assignment, withdraw_assignment
from coserver.db import _MIGRATIONS, make_engine, migrate
from coserver.models import AccountRow, AssignmentRow
from coserver.seed import DEMO_ASSIGNMENTS, seed_demo
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, database, freelancer

LIST = "/v1/assignments"
CHANGES = "/v1/sync/changes"


def _agent(server: LiveServer) -> tuple[str, uuid.UUID]:
    pair = server.signed_in("agent@example.com")
    account_id = uuid.UUID(pair["account"]["id"])
    with database(server) as session:
        session.execute(update(AccountRow).where(AccountRow.id == account_id).values(role="agent"))
    return pair["access_token"], account_id


def _body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Python-utvecklare, betalningar",
        "client_name": "Kund AB",
        "location": "Stockholm",
        "rate_min_minor": 90000,
        "rate_max_minor": 110000,
        "currency": "SEK",
        "hours_per_week": 40,
        "start_date": "2026-04-01",
        "closes_at": "2026-03-20T16:00:00+01:00",
    }
    body.update(changes)
    return {name: value for name, value in body.items() if value is not None}


def _post(server: LiveServer, token: str, body: dict[str, Any]) -> requests.Response:
    return server.http.post(
        server.url + LIST, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def _feed(who: Freelancer, cursor: str | None = None, **params: Any) -> requests.Response:
    query: dict[str, Any] = {"with_assignments": "true", **params}
    if cursor is not None:
        query["cursor"] = cursor
    return who.server.http.get(who.server.url + CHANGES, params=query, headers=who.headers(), timeout=30)


def _pull(who: Freelancer, cursor: str | None = None, **params: Any) -> tuple[list[dict[str, Any]], str]:
    changes: list[dict[str, Any]] = []
    while True:
        response = _feed(who, cursor, **params)
        assert response.status_code == 200, response.text
        page = response.json()
        ChangesPage.model_validate(page)  # the client's own parser reads it
        changes += page["changes"]
        cursor = page["cursor"]
        if not page["has_more"]:
            return changes, page["cursor"]


# --- posting ------------------------------------------------------------------------------------------


def test_an_agent_posts_the_terms_a_freelancer_decides_on(server: LiveServer) -> None:
    token, _ = _agent(server)
    body = _body(
        must_have=["Python", " PostgreSQL "],
        nice_to_have=["Kubernetes"],
        seniority="senior",
        workplace="hybrid",
        country="SE",
        language="sv",
    )
    response = _post(server, token, body)
    assert response.status_code == 201, response.text
    record = response.json()
    assert record["must_have"] == ["Python", "PostgreSQL"]
    assert record["nice_to_have"] == ["Kubernetes"]
    assert record["skills"] == ["Python", "PostgreSQL", "Kubernetes"]  # for older readers
    assert (record["seniority"], record["workplace"], record["remote"]) == ("senior", "hybrid", False)
    assert (record["country"], record["language"]) == ("SE", "sv")
    again = server.get(f"{LIST}/{record['id']}", token).json()
    assert again == record


def test_an_older_poster_s_skills_are_must_haves_and_remote_is_the_workplace(server: LiveServer) -> None:
    token, _ = _agent(server)
    record = _post(server, token, _body(skills=["Kotlin", "Kafka"], remote=True)).json()
    assert (record["must_have"], record["nice_to_have"]) == (["Kotlin", "Kafka"], [])
    assert (record["workplace"], record["remote"]) == ("remote", True)
    assert (record["seniority"], record["country"], record["language"]) == (None, "", "")
    onsite = _post(server, token, _body()).json()
    assert (onsite["workplace"], onsite["remote"]) == ("onsite", False)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"must_have": ["Python"], "nice_to_have": ["python"]}, "nice_to_have"),
        ({"must_have": ["Python"], "skills": ["Go"]}, "skills"),
        ({"must_have": ["Python"], "nice_to_have": ["Go"], "skills": ["Python"]}, "skills"),
        ({"must_have": ["  "]}, "must_have.0"),
        ({"nice_to_have": ["a\nb"]}, "nice_to_have.0"),
        ({"must_have": ["x" * 61]}, "must_have.0"),
        ({"must_have": [f"s{n}" for n in range(31)]}, "must_have"),
        ({"workplace": "onsite", "remote": True}, "remote"),
        ({"workplace": "office"}, "workplace"),
        ({"seniority": "lead"}, "seniority"),
        ({"country": "se"}, "country"),
        ({"country": "XX"}, "country"),
        ({"country": "EU"}, "country"),
        ({"language": "SV"}, "language"),
        ({"language": "qq"}, "language"),
        ({"language": "swe"}, "language"),
    ],
)
def test_bad_terms_are_422_naming_the_field_and_nothing_is_stored(
    server: LiveServer, changes: dict[str, Any], field: str
) -> None:
    token, _ = _agent(server)
    response = _post(server, token, _body(**changes))
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["field"] == field or field in body["message"], body
    with database(server) as session:
        assert session.execute(select(AssignmentRow)).first() is None


_agents: dict[str, str] = {}  # per server (one per test): an account registers once


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    must=st.lists(st.text(max_size=70), max_size=32),
    nice=st.lists(st.text(max_size=70), max_size=32),
    country=st.text(max_size=3),
    language=st.text(max_size=3),
)
def test_free_form_terms_are_stored_as_sent_or_refused_with_422(
    server: LiveServer, must: list[str], nice: list[str], country: str, language: str
) -> None:
    token = _agents.get(server.url) or _agents.setdefault(server.url, _agent(server)[0])
    body = _body(must_have=must, nice_to_have=nice, country=country, language=language)
    response = _post(server, token, body)
    assert response.status_code in (201, 422), response.text
    if response.status_code == 201:
        record = response.json()
        assert record["skills"] == record["must_have"] + record["nice_to_have"]
        assert len(record["must_have"]) <= 30
        assert len(record["nice_to_have"]) <= 30
        assert record["country"] == country
        assert record["language"] == language
    else:
        assert response.json()["error"] == "invalid_field", response.text


# --- the change feed -------------------------------------------------------------------------------


def _publish(server: LiveServer, agent_id: uuid.UUID, title: str, closes_in: timedelta) -> uuid.UUID:
    with database(server) as session:
        return create_assignment(
            session,
            agent_id,
            published_at=server.clock.now,
            title=title,
            client_name="Kund AB",
            location="Oslo",
            must_have=["Kotlin"],
            nice_to_have=["Kafka"],
            workplace="hybrid",
            country="NO",
            language="nb",
            rate_min_minor=100000,
            rate_max_minor=120000,
            currency="NOK",
            hours_per_week=32,
            start_date=date(2026, 5, 1),
            closes_at=server.clock.now + closes_in,
        ).id


def _assignments(changes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The newest change of each assignment in the changes, by id."""
    found: dict[str, dict[str, Any]] = {}
    for change in changes:
        if change["entity"] == "assignment":
            found[change["row"]["id"]] = change
    return found


def test_assignments_reach_freelancers_that_ask_and_their_status_changes_follow(server: LiveServer) -> None:
    _, agent_id = _agent(server)
    anna = freelancer(server)
    kept = _publish(server, agent_id, "Android-utvikler", timedelta(days=20))
    closing = _publish(server, agent_id, "Backend Kotlin", timedelta(days=20))
    expiring = _publish(server, agent_id, "Kort uppdrag", timedelta(hours=2))
    withdrawn = _publish(server, agent_id, "Felpostat", timedelta(days=20))
    plain, _ = anna.pull_all()
    assert {c["entity"] for c in plain} == {"contract"}  # an older client never sees them
    changes, cursor = _pull(anna)
    rows = _assignments(changes)
    assert set(rows) == {str(i) for i in (kept, closing, expiring, withdrawn)}
    row = rows[str(kept)]["row"]
    assert (row["must_have"], row["nice_to_have"], row["workplace"]) == (["Kotlin"], ["Kafka"], "hybrid")
    assert all(r["row"]["status"] == "open" for r in rows.values())

    with database(server) as session:
        close_assignment(session, closing)
        withdraw_assignment(session, withdrawn, server.clock.now)
    server.clock.advance(hours=3)
    anna.sign_in_again()
    changes, cursor = _pull(anna, cursor)
    rows = _assignments(changes)
    assert set(rows) == {str(closing), str(expiring), str(withdrawn)}
    assert rows[str(closing)]["row"]["status"] == "closed"
    assert rows[str(expiring)]["row"]["status"] == "closed"  # expired: a change with a new version
    assert rows[str(withdrawn)]["row"]["deleted_at"] is not None  # a tombstone
    again, _ = _pull(anna, cursor)
    assert again == []  # expiry is written once

    summary = anna.get("/v1/sync/summary?with_assignments=true").json()
    assert summary["entities"]["assignment"]["count"] == 3
    assert "assignment" not in anna.get("/v1/sync/summary").json()["entities"]


def test_an_upgraded_client_reads_the_feed_again_once(server: LiveServer) -> None:
    """A cursor from a feed without assignments may be past assignment rows: asked with them, it is
    410 cursor_without_assignments; a full read hands out a marked cursor that works."""
    _, agent_id = _agent(server)
    anna = freelancer(server)
    first = _publish(server, agent_id, "Android-utvikler", timedelta(days=20))
    _, old_cursor = anna.pull_all()
    gone = _feed(anna, old_cursor)
    assert gone.status_code == 410
    assert gone.json()["error"] == "cursor_without_assignments"
    changes, cursor = _pull(anna)
    assert str(first) in _assignments(changes)
    # Both groups marked: either flag alone, or both, reads on from it.
    _, both = _pull(anna, None, with_profile="true")
    assert both.split(".")[1] == "pa"
    for params in ({"with_profile": "true"}, {}, {"with_profile": "true", "with_assignments": "true"}):
        response = anna.server.http.get(
            anna.server.url + CHANGES, params={"cursor": both, **params}, headers=anna.headers(), timeout=30
        )
        assert response.status_code == 200, (params, response.text)
    # A profile-only cursor lacks the assignments.
    profile_only = cursor.replace(".a.", ".p.")
    assert _feed(anna, profile_only).json()["error"] == "cursor_without_assignments"
    bad_cursors = (cursor.replace(".a.", ".x."), cursor.replace(".a.", ".aa."), cursor.replace(".a.", ".."))
    for bad in (*bad_cursors, "e.pap.1"):
        response = _feed(anna, bad)
        assert response.status_code in (400, 410), (bad, response.text)
        if response.status_code == 400:
            assert response.json()["error"] == "invalid_cursor"


def test_the_feed_of_assignments_pages_without_gaps(server: LiveServer) -> None:
    _, agent_id = _agent(server)
    anna = freelancer(server)
    ids = {str(_publish(server, agent_id, f"Uppdrag {n}", timedelta(days=20))) for n in range(23)}
    changes, _ = _pull(anna, None, limit=4)
    versions = [c["version"] for c in changes]
    assert versions == sorted(set(versions))
    assert set(_assignments(changes)) == ids


# --- seed-demo and the migration ---------------------------------------------------------------------


def test_seed_demo_gives_every_assignment_its_terms(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    seed_demo(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(select(AssignmentRow))}
    finally:
        engine.dispose()
    assert len(rows) == len(DEMO_ASSIGNMENTS)
    for spec in DEMO_ASSIGNMENTS:
        row = rows[spec.id]
        assert row.must_have
        assert row.must_have + row.nice_to_have == list(spec.skills) == row.skills
        assert row.seniority in ("junior", "mid", "senior", "expert")
        assert row.remote == (row.workplace == "remote")
        assert len(row.country) == 2
        assert len(row.language) == 2
    assert {row.workplace for row in rows.values()} == {"onsite", "hybrid", "remote"}


def test_s0009_keeps_what_older_posters_meant(tmp_path: Path) -> None:
    path = tmp_path / "server.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "s0008")
    engine.dispose()
    agent, remote, onsite = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(
            "INSERT INTO accounts (id, email, email_key, password_hash, role, created_at, version)"
            " VALUES (?, 'a@x.se', 'a@x.se', 'x', 'agent', '2026-01-01 00:00:00', 1)",
            (agent.hex,),
        )
        for row_id, is_remote in ((remote, 1), (onsite, 0)):
            conn.execute(
                "INSERT INTO assignments (id, title, client_name, description, location, remote, skills,"
                " rate_min_minor, rate_max_minor, currency, hours_per_week, start_date, published_at,"
                " closes_at, agent_id, status, search_text, version) VALUES (?, 'T', 'C', '', 'Oslo', ?,"
                " '[\"Go\", \"Rust\"]', 1, 2, 'SEK', 40, '2026-04-01', '2026-03-01 00:00:00',"
                " '2026-03-20 00:00:00', ?, 'open', 't', 2)",
                (row_id.hex, is_remote, agent.hex),
            )
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    try:
        with engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(select(AssignmentRow))}
    finally:
        engine.dispose()
    assert rows[remote].workplace == "remote"
    assert rows[onsite].workplace == "onsite"
    for row in rows.values():
        assert (row.must_have, row.nice_to_have) == (["Go", "Rust"], [])
        assert (row.seniority, row.country, row.language) == (None, "", "")
