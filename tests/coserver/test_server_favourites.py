"""Favourites over loopback HTTP: a set keyed by assignment, pushed like other entities (entity
`favourite`, row id favourite_row_id(assignment_id)); remove is a tombstone, add again revives, every
op is idempotent; they reach only their owner's feed, never another freelancer's."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import update

from coapp.sync.wire import favourite_row_id
from coserver.assignments import create_assignment, withdraw_assignment
from coserver.models import AccountRow
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, database, delete, freelancer, upsert

CHANGES = "/v1/sync/changes"


def _assignment(server: LiveServer) -> uuid.UUID:
    pair = server.signed_in(f"agent-{uuid.uuid4().hex[:8]}@example.com")
    agent_id = uuid.UUID(pair["account"]["id"])
    with database(server) as session:
        session.execute(update(AccountRow).where(AccountRow.id == agent_id).values(role="agent"))
        return create_assignment(
            session,
            agent_id,
            published_at=server.clock.now,
            title="Android-utvikler",
            client_name="Nordlys Reiser AS",
            location="Oslo",
            rate_min_minor=100000,
            rate_max_minor=120000,
            currency="NOK",
            hours_per_week=40,
            start_date=date(2026, 5, 1),
            closes_at=server.clock.now + timedelta(days=20),
        ).id


def star(assignment_id: uuid.UUID, **fields: Any) -> dict[str, Any]:
    fields = {"assignment_id": str(assignment_id), **fields}
    return upsert(favourite_row_id(assignment_id), entity="favourite", **fields)


def unstar(assignment_id: uuid.UUID) -> dict[str, Any]:
    op = delete(favourite_row_id(assignment_id), entity="favourite")
    op["fields"] = {}
    return op


def _favourites(who: Freelancer) -> dict[str, dict[str, Any]]:
    """The favourites as the freelancer's feed leaves them (newest change per row)."""
    rows: dict[str, dict[str, Any]] = {}
    cursor = None
    while True:
        params: dict[str, Any] = {"with_assignments": "true", **({"cursor": cursor} if cursor else {})}
        page = who.server.http.get(who.server.url + CHANGES, params=params, headers=who.headers(), timeout=30)
        assert page.status_code == 200, page.text
        body = page.json()
        for change in body["changes"]:
            if change["entity"] == "favourite":
                rows[change["row"]["id"]] = change["row"]
        cursor = body["cursor"]
        if not body["has_more"]:
            return rows


def test_add_remove_and_add_again_with_every_op_idempotent(server: LiveServer) -> None:
    assignment = _assignment(server)
    anna = freelancer(server)
    row_id = str(favourite_row_id(assignment))
    [added] = anna.push(star(assignment))
    assert added["status"] == "applied"
    assert added["row"] == {
        "entity": "favourite",
        "id": row_id,
        "assignment_id": str(assignment),
        "version": added["version"],
        "deleted_at": None,
    }
    # A second device stars it too: the same row, nothing new.
    [again] = anna.push(star(assignment))
    assert (again["status"], again["version"]) == ("applied", added["version"])
    [removed] = anna.push(unstar(assignment))
    assert removed["status"] == "applied"
    assert removed["version"] > added["version"]
    assert removed["row"]["deleted_at"] is not None
    [removed_again] = anna.push(unstar(assignment))
    assert removed_again["version"] == removed["version"]
    [revived] = anna.push(star(assignment))
    assert revived["version"] > removed["version"]
    assert revived["row"]["deleted_at"] is None
    assert _favourites(anna) == {row_id: revived["row"]}
    # A re-sent op (same op id) answers duplicate with the row as it is now.
    op = unstar(assignment)
    anna.push(op)
    [duplicate] = anna.push(op)
    assert duplicate["status"] == "duplicate"
    assert duplicate["row"]["deleted_at"] is not None
    summary = anna.get("/v1/sync/summary?with_assignments=true").json()["entities"]
    assert summary["favourite"]["count"] == 0


def test_removing_one_never_starred_changes_nothing(server: LiveServer) -> None:
    anna = freelancer(server)
    [result] = anna.push(unstar(uuid.uuid4()))
    assert (result["status"], result["version"], result["row"]) == ("applied", None, None)
    assert _favourites(anna) == {}


def test_bad_favourites_are_rejected_with_a_reason_and_nothing_stored(server: LiveServer) -> None:
    assignment = _assignment(server)
    gone = _assignment(server)
    with database(server) as session:
        withdraw_assignment(session, gone, server.clock.now)
    anna = freelancer(server)
    wrong_id = star(assignment)
    wrong_id["row_id"] = str(uuid.uuid4())
    cases = [
        (wrong_id, "wrong_row_id"),
        (star(assignment, note="x"), "unknown_field"),
        (upsert(favourite_row_id(assignment), entity="favourite"), "invalid_field"),
        (upsert(favourite_row_id(assignment), entity="favourite", assignment_id=7), "invalid_field"),
        (upsert(favourite_row_id(assignment), entity="favourite", assignment_id="nope"), "invalid_field"),
        (star(uuid.uuid4()), "unknown_assignment"),
        (star(gone), "unknown_assignment"),
        ({**unstar(assignment), "fields": {"assignment_id": str(assignment)}}, "invalid_field"),
    ]
    results = anna.push(*(op for op, _ in cases))
    assert [(r["status"], r["code"]) for r in results] == [("rejected", code) for _, code in cases]
    assert _favourites(anna) == {}


def test_another_freelancer_never_sees_or_touches_them(server: LiveServer) -> None:
    assignment = _assignment(server)
    anna = freelancer(server)
    erik = freelancer(server, "erik@example.com")
    [mine] = anna.push(star(assignment))
    # Erik stars the same assignment: the same row id, but his own row.
    [his] = erik.push(star(assignment))
    assert his["status"] == "applied"
    assert his["version"] != mine["version"]
    [his_removal] = erik.push(unstar(assignment))
    assert his_removal["row"]["deleted_at"] is not None
    assert _favourites(anna)[str(favourite_row_id(assignment))]["deleted_at"] is None
    assert {row["version"] for row in _favourites(erik).values()} == {his_removal["version"]}
    # Anna's op id re-sent by Erik is his op, not a duplicate of hers.
    op = star(assignment)
    anna.push(op)
    [erik_result] = erik.push({**op})
    assert erik_result["status"] == "applied"
    assert erik_result["row"]["version"] not in {r["version"] for r in _favourites(anna).values()}
