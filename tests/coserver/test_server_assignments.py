"""Assignments over loopback HTTP, on SQLite and PostgreSQL: every signed-in account browses the open
ones newest first (text filter, keyset pages without duplicates or gaps), reads one by id (404 once
withdrawn); only agents and admins post them (403 for others, 422 naming the field); seed-demo
publishes the demo platform's assignments and links the freelancers' contracts to them."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode
from schemathesis.core.failures import FailureGroup
from sqlalchemy import inspect, update

from coapp.sync.wire import IDEMPOTENCY_HEADER, AssignmentStatus
from coserver.__main__ import main
from coserver.assignments import close_assignment, create_assignment, withdraw_assignment
from coserver.idempotency import REPLAYED_HEADER
from coserver.models import AccountRow, AssignmentRow, ContractRow
from coserver.seed import DEMO_ASSIGNMENTS, DEMO_CONTRACTS
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database

LIST = "/v1/assignments"
ROLES = ("freelancer", "client", "agent", "admin")


def _token(server: LiveServer, role: str) -> tuple[str, uuid.UUID]:
    """A signed-in account of the role (registration makes freelancers; the platform does the rest)."""
    pair = server.signed_in(f"{role}@example.com")
    account_id = uuid.UUID(pair["account"]["id"])
    if role != "freelancer":
        with database(server) as session:
            session.execute(update(AccountRow).where(AccountRow.id == account_id).values(role=role))
    return pair["access_token"], account_id


@pytest.fixture
def people(server: LiveServer) -> dict[str, tuple[str, uuid.UUID]]:
    return {role: _token(server, role) for role in ROLES}


def _get(server: LiveServer, token: str, path: str = LIST, **params: Any) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"}
    return server.http.get(server.url + path, params=params, headers=headers, timeout=30)


def _post(server: LiveServer, token: str, body: Any, key: str | None = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers[IDEMPOTENCY_HEADER] = key
    return server.http.post(server.url + LIST, json=body, headers=headers, timeout=30)


def _body(**changes: Any) -> dict[str, Any]:
    """A valid assignment for the test clock (2026-03-02 09:00 UTC); `None` removes a field."""
    body: dict[str, Any] = {
        "title": "Python-utvecklare, betalningar",
        "client_name": "Kund AB",
        "description": "Avräkning och återbetalningar.\nTeam om sex personer.",
        "location": "Stockholm",
        "remote": False,
        "skills": ["Python", "PostgreSQL"],
        "rate_min_minor": 90000,
        "rate_max_minor": 110000,
        "currency": "SEK",
        "hours_per_week": 40,
        "start_date": "2026-04-01",
        "end_date": "2026-09-30",
        "closes_at": "2026-03-20T16:00:00+01:00",
    }
    body.update(changes)
    return {name: value for name, value in body.items() if value is not None}


def _ids(response: requests.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [a["id"] for a in response.json()["assignments"]]


def _stored_count(server: LiveServer) -> int:
    with database(server) as session:
        return session.query(AssignmentRow).count()


# --- browsing -----------------------------------------------------------------------------------------


def test_every_account_browses_open_assignments_newest_first(
    server: LiveServer, people: dict[str, tuple[str, uuid.UUID]]
) -> None:
    agent, agent_id = people["agent"]
    posted = []
    for n, title in enumerate(("Kotlin Android", "Azure-arkitekt", "UX research", "SAP FI/CO")):
        created = _post(server, agent, _body(title=title, closes_at=f"2026-03-02T09:1{n}:00Z"))
        assert created.status_code == 201, created.text
        posted.append(created.json())
        server.clock.advance(seconds=30)
    record = posted[0]
    assert record["title"] == "Kotlin Android"
    assert record["agent_id"] == str(agent_id)
    assert record["status"] == "open"
    assert record["published_at"] == "2026-03-02T09:00:00Z"
    assert record["closes_at"] == "2026-03-02T09:10:00Z"
    assert (record["rate_min_minor"], record["rate_max_minor"], record["currency"]) == (90000, 110000, "SEK")
    assert record["skills"] == ["Python", "PostgreSQL"]
    assert record["end_date"] == "2026-09-30"
    newest_first = [a["id"] for a in reversed(posted)]
    for role in ROLES:
        token = people[role][0]
        assert _ids(_get(server, token)) == newest_first, role
        assert _get(server, token, f"{LIST}/{record['id']}").json() == record
    # Closed by the agent, withdrawn, and past its apply-by time: none is open any more.
    with database(server) as session:
        close_assignment(session, uuid.UUID(posted[1]["id"]))
        withdraw_assignment(session, uuid.UUID(posted[2]["id"]), server.clock.now)
    server.clock.now = datetime(2026, 3, 2, 9, 10, tzinfo=UTC)  # posted[0] closes at this instant
    freelancer = people["freelancer"][0]
    assert _ids(_get(server, freelancer)) == [posted[3]["id"]]
    closed = _get(server, freelancer, status="closed").json()["assignments"]
    assert [a["id"] for a in closed] == [posted[1]["id"], posted[0]["id"]]
    assert {a["status"] for a in closed} == {"closed"}
    assert _get(server, freelancer, f"{LIST}/{posted[0]['id']}").json()["status"] == "closed"
    assert _get(server, freelancer, status="nonsense").status_code == 422


def _insert_many(server: LiveServer, agent_id: uuid.UUID, count: int, start: datetime) -> list[uuid.UUID]:
    """`count` open assignments, five to each publication instant (ties are broken by id)."""
    with database(server) as session:
        return [
            create_assignment(
                session,
                agent_id,
                published_at=start + timedelta(minutes=n // 5),
                title=f"Uppdrag {n}",
                client_name="Kund AB",
                location="Remote",
                rate_min_minor=80000,
                rate_max_minor=90000,
                currency="SEK",
                hours_per_week=40,
                start_date=date(2026, 4, 1),
                closes_at=datetime(2026, 4, 1, tzinfo=UTC),
            ).id
            for n in range(count)
        ]


def test_pages_of_fifty_assignments_have_no_duplicates_or_gaps(
    server: LiveServer, people: dict[str, tuple[str, uuid.UUID]]
) -> None:
    token, agent_id = people["agent"][0], people["agent"][1]
    base = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
    ids = _insert_many(server, agent_id, 50, base)
    with database(server) as session:
        stored = session.query(AssignmentRow.published_at, AssignmentRow.id).all()
    expected = [str(i) for _at, i in sorted(stored, reverse=True)]
    assert sorted(expected) == sorted(str(i) for i in ids)
    for limit in (1, 7, 50, 100):
        seen: list[str] = []
        cursor = None
        pages = 0
        while pages <= len(expected):  # a cursor that does not move on would loop forever
            params: dict[str, Any] = {"limit": limit} | ({"cursor": cursor} if cursor else {})
            page = _get(server, token, **params).json()
            seen += [a["id"] for a in page["assignments"]]
            pages += 1
            if not page["has_more"]:
                assert page["cursor"] is None
                break
            assert page["cursor"] != cursor, "the cursor did not move on"
            cursor = page["cursor"]
            if pages == 2 and limit == 7:
                # Meanwhile: a newer one is published and one not yet seen closes. Neither shifts
                # the rest: the newer one is before the cursor, the closed one is simply gone.
                _insert_many(server, agent_id, 1, base + timedelta(days=1))
                with database(server) as session:
                    close_assignment(session, uuid.UUID(expected[30]))
        want = [i for i in expected if not (limit == 7 and i == expected[30])]
        assert seen == want, limit
        assert len(set(seen)) == len(seen)
        assert pages == -(-len(want) // limit), limit  # a full last page is not followed by an empty one
        if limit == 7:
            with database(server) as session:  # undo for the next limit
                session.execute(update(AssignmentRow).values(status="open"))
                session.query(AssignmentRow).filter(
                    AssignmentRow.published_at > base + timedelta(hours=1)
                ).delete()
    for bad in (
        "garbage",
        "1.zz",
        "999999999999999999.0123456789abcdef0123456789abcdef",
        "1." + "0" * 32 + "x",
    ):
        refused = _get(server, token, cursor=bad)
        assert refused.status_code == 400, (bad, refused.text)
        assert refused.json() == {
            "error": "invalid_cursor",
            "message": "This is not a cursor this server handed out.",
            "field": "cursor",
        }
    assert _get(server, token, limit=0).status_code == 422
    assert _get(server, token, limit=101).status_code == 422


def test_text_filter_wants_every_word_in_title_client_or_skills(
    server: LiveServer, people: dict[str, tuple[str, uuid.UUID]]
) -> None:
    agent, freelancer = people["agent"][0], people["freelancer"][0]
    bodies = {
        "android": _body(title="Android-utvikler", client_name="Nordlys Reiser AS", skills=["Kotlin"]),
        "backend": _body(title="Backend 100% remote", client_name="Öresundsbanken AB", skills=["Kotlin"]),
        "sap": _body(title="SAP FI/CO", client_name="Lumiportti Oy", skills=["IFRS", "S/4HANA"]),
        "ux": _body(title="UX_research", client_name="Havblikk", skills=["Figma"], location="Kotlinville"),
    }
    ids = {}
    for name, body in bodies.items():
        created = _post(server, agent, body)
        assert created.status_code == 201, created.text
        ids[created.json()["id"]] = name

    def found(q: str) -> set[str]:
        return {ids[i] for i in _ids(_get(server, freelancer, q=q))}

    assert found("kotlin") == {"android", "backend"}  # a skill; the location is not searched
    assert found("KOTLIN  öresundsBANKEN") == {"backend"}  # every word, any case, in any field
    assert found("nordlys") == {"android"}
    assert found("s/4hana") == {"sap"}
    assert found("100%") == {"backend"}  # LIKE's wildcards are plain characters here
    assert found("%") == {"backend"}
    assert found("_") == {"ux"}
    assert found("fi/co lumiportti") == {"sap"}
    assert found("kotlin figma") == set()
    assert found("   ") == set(ids.values())
    for q in ("a\x00b", "tab\there", "ett två tre fyra fem sex sju åtta nio tio elva"):
        refused = _get(server, freelancer, q=q)
        assert refused.status_code == 422, (q, refused.text)
        assert refused.json()["field"] == "q"
    assert _get(server, freelancer, q="x" * 201).status_code == 422


def test_unknown_and_withdrawn_assignments_are_404(
    server: LiveServer, people: dict[str, tuple[str, uuid.UUID]]
) -> None:
    agent, freelancer = people["agent"][0], people["freelancer"][0]
    created = _post(server, agent, _body()).json()
    path = f"{LIST}/{created['id']}"
    assert _get(server, freelancer, path).status_code == 200
    with database(server) as session:
        withdraw_assignment(session, uuid.UUID(created["id"]), server.clock.now)
    for missing in (path, f"{LIST}/{uuid.uuid4()}"):
        for role in ROLES:
            response = _get(server, people[role][0], missing)
            assert response.status_code == 404, (missing, role)
            assert response.json()["error"] == "not_found"
    assert _ids(_get(server, freelancer)) == []
    assert _ids(_get(server, freelancer, status="closed")) == []
    assert _get(server, freelancer, f"{LIST}/not-a-uuid").status_code == 422
    assert server.get(path).status_code == 401


# --- posting ------------------------------------------------------------------------------------------


def test_only_agents_and_admins_post(server: LiveServer, people: dict[str, tuple[str, uuid.UUID]]) -> None:
    for role in ("freelancer", "client"):
        for body in (_body(), {}):  # refused before the body is even looked at
            refused = _post(server, people[role][0], body)
            assert refused.status_code == 403, (role, refused.text)
            assert refused.json()["error"] == "role_not_allowed"
    assert _post(server, "coa_" + "x" * 43, _body()).status_code == 401
    assert _stored_count(server) == 0
    for role in ("agent", "admin"):
        token, account_id = people[role]
        created = _post(server, token, _body(title=f"Posted by the {role}"))
        assert created.status_code == 201, created.text
        assert created.json()["agent_id"] == str(account_id)
    assert _stored_count(server) == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "ab"}, "title"),
        ({"title": "  a  "}, "title"),  # three characters, but only one of them is not a space
        ({"title": "x" * 201}, "title"),
        ({"title": "Två\nrader"}, "title"),
        ({"title": "bad \ud800 text"}, "title"),
        ({"client_name": " "}, "client_name"),
        ({"location": ""}, "location"),
        ({"description": "nul \x00 byte"}, "description"),
        ({"skills": ["Python", " "]}, "skills.1"),
        ({"skills": ["x" * 61]}, "skills.0"),
        ({"skills": [f"skill {n}" for n in range(31)]}, "skills"),
        ({"rate_min_minor": 120000, "rate_max_minor": 110000}, "rate_max_minor"),
        ({"rate_min_minor": -1}, "rate_min_minor"),
        ({"rate_min_minor": True}, "rate_min_minor"),
        ({"rate_max_minor": 1.5}, "rate_max_minor"),
        ({"currency": "sek"}, "currency"),
        ({"currency": "SEKK"}, "currency"),
        ({"currency": None}, "currency"),
        ({"hours_per_week": 0}, "hours_per_week"),
        ({"hours_per_week": 81}, "hours_per_week"),
        ({"remote": "yes"}, "remote"),
        ({"start_date": "2026-04-31"}, "start_date"),
        ({"start_date": 0}, "start_date"),
        ({"end_date": "2026-03-31"}, "end_date"),  # before start_date
        ({"closes_at": "2026-03-02T09:00:00Z"}, "closes_at"),  # now: not in the future
        ({"closes_at": "2026-03-20T16:00:00"}, "closes_at"),  # no offset
        ({"closes_at": "2026-10-01T09:00:00Z"}, "closes_at"),  # after the end date
        ({"closes_at": "2027-12-01T09:00:00Z", "end_date": None}, "closes_at"),  # over a year ahead
        ({"closes_at": "9999-12-31T23:59:59-10:00", "end_date": None}, "closes_at"),
        ({"status": "closed"}, "status"),  # not the poster's to set
    ],
)
def test_an_invalid_assignment_is_422_naming_the_field(
    server: LiveServer, changes: dict[str, Any], field: str
) -> None:
    token, _agent_id = _token(server, "agent")
    refused = _post(server, token, _body(**changes))
    assert refused.status_code == 422, refused.text
    assert refused.json()["field"] == field, refused.text
    assert _stored_count(server) == 0


def test_posted_texts_are_trimmed_and_skills_deduplicated(server: LiveServer) -> None:
    token, _agent_id = _token(server, "agent")
    body = _body(title="  Azure-arkitekt  ", skills=[" Azure", "azure", "Terraform "], end_date=None)
    created = _post(server, token, body)
    assert created.status_code == 201, created.text
    record = created.json()
    assert record["title"] == "Azure-arkitekt"
    assert record["skills"] == ["Azure", "Terraform"]
    assert record["end_date"] is None
    assert _ids(_get(server, token, q="terraform")) == [record["id"]]


def test_an_idempotency_key_posts_once(server: LiveServer) -> None:
    token, _agent_id = _token(server, "agent")
    key = str(uuid.uuid4())
    first = _post(server, token, _body(), key)
    again = _post(server, token, _body(), key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers[REPLAYED_HEADER] == "true"
    reused = _post(server, token, _body(title="Something else"), key)
    assert reused.status_code == 422
    assert reused.json()["error"] == "idempotency_key_reused"
    refused = _post(server, token, _body(currency="sek"), str(uuid.uuid4()))
    assert refused.status_code == 422
    assert _stored_count(server) == 1
    # Without a key every POST is a new assignment.
    assert _post(server, token, _body()).json()["id"] != _post(server, token, _body()).json()["id"]


# --- schema ------------------------------------------------------------------------------------------


def test_the_migration_makes_the_tables_the_models_describe(server: LiveServer) -> None:
    with database(server) as session:
        inspector = inspect(session.connection())
        for table in (AssignmentRow.__table__, ContractRow.__table__):
            columns = {c["name"]: c["nullable"] for c in inspector.get_columns(table.name)}
            assert columns == {c.name: c.nullable for c in table.columns}, table.name
        indexes = {i["name"] for i in inspector.get_indexes("assignments")}
        assert {"ix_assignments_newest", "ix_assignments_version", "ix_assignments_agent_id"} <= indexes
        references = inspector.get_foreign_keys("contracts")
        assert {"constrained_columns": ["assignment_id"], "referred_table": "assignments"} in [
            {k: fk[k] for k in ("constrained_columns", "referred_table")} for fk in references
        ]


def test_assignment_operations_answer_within_their_schema(
    server: LiveServer, people: dict[str, tuple[str, uuid.UUID]]
) -> None:
    """Schemathesis on the assignment operations as the agent (who may post, so POST's validation is
    fuzzed too), with real ids next to random ones: no 5xx, every status and body as documented."""
    agent, agent_id = people["agent"]
    known = [str(i) for i in _insert_many(server, agent_id, 6, datetime(2026, 2, 1, tzinfo=UTC))]
    schema = schemathesis.openapi.from_url(
        server.url + "/openapi.json",
        config=schemathesis.Config.from_dict(
            {"generation": {"allow-extra-parameters": False, "with-security-parameters": False}}
        ),
        timeout=30,
    )
    auth = {"Authorization": f"Bearer {agent}"}
    statuses: dict[str, set[int]] = {}
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if not operation.path.startswith(LIST):
            continue
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy: st.SearchStrategy[Case] = operation.as_strategy(generation_mode=mode)
            if operation.path_parameters and mode is GenerationMode.POSITIVE:
                strategy = st.one_of(
                    strategy,
                    st.sampled_from(known).flatmap(
                        lambda i, op=operation: op.as_strategy(
                            generation_mode=GenerationMode.POSITIVE, path_parameters={"assignment_id": i}
                        )
                    ),
                )

            @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            @given(case=strategy)
            def exercise(case: Case) -> None:
                response = case.call_and_validate(
                    session=server.http,
                    headers=auth,
                    excluded_checks=[schemathesis.checks.positive_data_acceptance],
                    timeout=30,
                )
                statuses.setdefault(case.operation.label, set()).add(response.status_code)

            try:
                exercise()
            except (FailureGroup, AssertionError) as error:
                failures.append(f"{operation.label} ({mode.value}):\n{error}")
    assert not failures, "\n\n".join(failures)
    assert set(statuses) == {f"GET {LIST}", f"POST {LIST}", f"GET {LIST}/{{assignment_id}}"}
    assert 200 in statuses[f"GET {LIST}/{{assignment_id}}"]
    assert 404 in statuses[f"GET {LIST}/{{assignment_id}}"]
    assert 422 in statuses[f"POST {LIST}"]


# --- seed-demo ----------------------------------------------------------------------------------------


def test_seed_demo_publishes_the_demo_assignments_once(
    db_url: str, start_server: Callable[..., LiveServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["seed-demo", "--db", db_url]) == 0
    accounts = {a["email"]: a for a in json.loads(capsys.readouterr().out)}
    server = start_server()
    server.clock.now = datetime.now(UTC)  # the seed is laid out around the real today
    agent = next(a for a in accounts.values() if a["role"] == "agent")
    tokens = {
        email: server.sign_in(email, a["password"]).json()["access_token"] for email, a in accounts.items()
    }
    anyone = tokens[agent["email"]]
    open_now = _get(server, anyone, limit=100).json()["assignments"]
    closed = _get(server, anyone, status="closed", limit=100).json()["assignments"]
    assert (len(open_now), len(closed)) == (6, 2)
    everything = open_now + closed
    assert len({a["id"] for a in everything}) == len(DEMO_ASSIGNMENTS) == 8
    assert {a["agent_id"] for a in everything} == {agent["id"]}
    assert {a["currency"] for a in everything} == {"SEK", "NOK", "DKK", "EUR"}
    assert {"Stockholm", "Oslo", "Bergen", "Aarhus", "Helsinki", "Remote"} <= {
        a["location"] for a in everything
    }
    skills = {skill for a in everything for skill in a["skills"]}
    assert {"Python", "Kotlin", "Azure", "UX research"} <= skills
    assert any(skill.startswith("SAP") for skill in skills)
    today = datetime.now(UTC)
    for a in everything:
        assert a["rate_min_minor"] < a["rate_max_minor"]
        assert datetime.fromisoformat(a["published_at"]) < today
        assert a["end_date"] is None or a["start_date"] < a["end_date"]
    for a in open_now:
        assert datetime.fromisoformat(a["closes_at"]) > today
        assert a["start_date"] > today.date().isoformat()
    # Each freelancer's contract came from one of the filled (closed) assignments, one each.
    linked = []
    for email, account in accounts.items():
        feed = server.get("/v1/sync/changes", tokens[email])
        if account["role"] != "freelancer":  # the change feed is the freelancers' (coserver.roles)
            assert feed.status_code == 403, feed.text
            continue
        changes = feed.json()["changes"]
        # Issue 11's seed adds an earlier contract that has ended (not from a demo assignment).
        running = (c["row"] for c in changes if c["entity"] == "contract" and c["row"]["state"] == "active")
        for contract in running:
            assignment = _get(server, tokens[email], f"{LIST}/{contract['assignment_id']}").json()
            assert assignment["status"] == "closed"
            assert assignment["client_name"] == contract["client_name"]
            assert assignment["start_date"] == contract["start_date"]
            linked.append(assignment["id"])
    assert sorted(linked) == sorted(a["id"] for a in closed)
    with database(server) as session:
        before = sorted((r.id, r.version) for r in session.query(AssignmentRow))
        contracts_before = sorted((r.id, r.version) for r in session.query(ContractRow))
    # Seeding again keeps what the first seed made (new passwords only).
    assert main(["seed-demo", "--db", db_url]) == 0
    assert sorted(a["email"] for a in json.loads(capsys.readouterr().out)) == sorted(accounts)
    with database(server) as session:
        assert sorted((r.id, r.version) for r in session.query(AssignmentRow)) == before
        assert sorted((r.id, r.version) for r in session.query(ContractRow)) == contracts_before


def test_seed_demo_links_a_contract_from_an_older_seed(
    db_url: str, start_server: Callable[..., LiveServer], capsys: pytest.CaptureFixture[str]
) -> None:
    """A kept demo folder seeded before assignments existed: its contracts get their assignment as a
    new version, so the freelancer's app receives the link at the next sync."""
    assert main(["seed-demo", "--db", db_url]) == 0
    capsys.readouterr()
    server = start_server()
    with database(server) as session:
        session.execute(update(ContractRow).values(assignment_id=None))
        old = {r.id: r.version for r in session.query(ContractRow)}
    assert main(["seed-demo", "--db", db_url]) == 0
    with database(server) as session:
        rows = session.query(ContractRow).all()
        assert {r.id for r in rows} == set(old)
        # The demo contracts; issue 11's seed adds an ended one and an offer that no filled
        # assignment of the demo made.
        titles = {title for title, _fee, _rate in DEMO_CONTRACTS.values()}
        for row in (r for r in rows if r.title in titles):
            assert row.assignment_id is not None
            assert row.version > old[row.id]
            assert session.get_one(AssignmentRow, row.assignment_id).status == AssignmentStatus.CLOSED
