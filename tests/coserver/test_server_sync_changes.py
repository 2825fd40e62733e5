"""`/v1/sync/changes`: paging in version order, cursor semantics, 410 for another epoch or a cursor
older than the kept tombstones; and object-level authorization across accounts."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from coapp.sync.wire import id_version_digest
from coserver.models import ContractRow, ServerMeta, TimeEntryRow
from coserver.platform import change_contract
from coserver.retention import prune
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, database, delete, freelancer, new_entry, upsert


def _days(n: int) -> list[date]:
    return [date(2026, 3, 2) + timedelta(days=i) for i in range(n)]


def test_changes_come_in_pages_ordered_by_version(server: LiveServer) -> None:
    anna = freelancer(server)
    anna.push(*(new_entry(anna.contract_id, day, minutes=60 + i)[1] for i, day in enumerate(_days(7))))
    pages: list[dict[str, Any]] = []
    cursor = None
    while True:
        response = anna.changes(cursor, limit=3)
        assert response.status_code == 200
        page = response.json()
        pages.append(page)
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert [len(p["changes"]) for p in pages] == [3, 3, 2]
    assert [p["has_more"] for p in pages] == [True, True, False]
    versions = [c["version"] for p in pages for c in p["changes"]]
    assert versions == sorted(versions)
    assert len(set(versions)) == 8
    assert pages[0]["changes"][0]["entity"] == "contract"
    # A page's cursor is the last version it carries; at the end, the newest version.
    assert pages[0]["cursor"].endswith(f".{pages[0]['changes'][-1]['version']}")
    newest = anna.get("/v1/sync/meta").json()["max_version"]
    assert cursor is not None
    assert cursor.endswith(f".{newest}")
    # Nothing new: an empty page, the same cursor (a sync with nothing to do is one request).
    idle = anna.changes(cursor).json()
    assert idle == {"changes": [], "cursor": cursor, "has_more": False}


def test_after_a_cursor_only_what_changed_comes_again(server: LiveServer) -> None:
    anna = freelancer(server)
    ids = []
    for day in _days(3):
        row_id, op = new_entry(anna.contract_id, day)
        anna.push(op)
        ids.append(row_id)
    _changes, cursor = anna.pull_all()
    [edited] = anna.push(upsert(ids[1], base=None, minutes=30))
    anna.push(delete(ids[2]))
    with database(server) as session:
        change_contract(session, anna.contract_id, title="Renamed")
    changes, cursor2 = anna.pull_all(cursor)
    assert [(c["entity"], c["row"]["id"]) for c in changes] == [
        ("time_entry", str(ids[1])),
        ("time_entry", str(ids[2])),
        ("contract", str(anna.contract_id)),
    ]
    assert changes[0]["version"] == edited["version"]
    assert changes[1]["row"]["deleted_at"] is not None  # tombstones travel in the feed
    assert changes[2]["row"]["title"] == "Renamed"
    assert anna.pull_all(cursor2)[0] == []
    # Pulling the same range again gives the same changes (at least once; the client is idempotent).
    assert anna.pull_all(cursor)[0] == changes


def test_a_cursor_from_another_epoch_is_gone(server: LiveServer) -> None:
    anna = freelancer(server)
    anna.push(new_entry(anna.contract_id, date(2026, 3, 2))[1])
    _changes, cursor = anna.pull_all()
    with database(server) as session:  # what restoring a backup does
        session.execute(update(ServerMeta).where(ServerMeta.key == "server_epoch").values(value="f" * 32))
    gone = anna.changes(cursor)
    assert gone.status_code == 410
    assert gone.json()["error"] == "epoch_changed"
    assert "full resync" in gone.json()["message"]
    changes, fresh = anna.pull_all()
    assert len(changes) == 2
    assert fresh.startswith("f" * 32 + ".")


def test_a_cursor_older_than_the_kept_tombstones_is_gone(server: LiveServer) -> None:
    anna = freelancer(server)
    row_id, op = new_entry(anna.contract_id, date(2026, 3, 2))
    anna.push(op)
    _changes, old_cursor = anna.pull_all()
    anna.push(delete(row_id))
    _changes, recent_cursor = anna.pull_all(old_cursor)
    with database(server) as session:
        assert prune(session, server.clock() + timedelta(days=179)).tombstones == 0
    anna.sign_in_again()  # her session expired in those 179 days and was pruned with them
    assert anna.changes(old_cursor).status_code == 200  # still inside the 180 days
    with database(server) as session:
        assert prune(session, server.clock() + timedelta(days=181)).tombstones == 1
    anna.sign_in_again()
    gone = anna.changes(old_cursor)
    assert gone.status_code == 410
    assert gone.json()["error"] == "cursor_expired"
    assert anna.changes(recent_cursor).status_code == 200  # it saw the deletion
    changes, _cursor = anna.pull_all()
    assert [c["entity"] for c in changes] == ["contract"]


def test_malformed_and_unknown_cursors(server: LiveServer) -> None:
    anna = freelancer(server)
    _changes, cursor = anna.pull_all()
    epoch = cursor.split(".")[0]
    for bad in ("nonsense", f"{epoch}.", f"{epoch}.-1", ".5"):
        response = anna.changes(bad)
        assert response.status_code == 400, bad
        assert response.json()["error"] == "invalid_cursor"
    future = anna.changes(f"{epoch}.999999")
    assert future.status_code == 410
    assert future.json()["error"] == "cursor_unknown"
    for limit in (0, 1001):
        assert anna.changes(limit=limit).status_code == 422


def test_another_account_sees_and_changes_nothing_of_mine(server: LiveServer) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    row_id, op = new_entry(anna.contract_id, date(2026, 3, 2), minutes=480, note="Anna's")
    [mine] = anna.push(op)
    with database(server) as session:
        before = [
            (r.id, r.version, r.minutes, r.note, r.deleted_at)
            for r in session.execute(select(TimeEntryRow)).scalars()
        ]
    # Every endpoint that takes an id: 404, as for an id that does not exist.
    for path in (f"/v1/time-entries/{row_id}", f"/v1/contracts/{anna.contract_id}"):
        assert bertil.get(path).status_code == 404
        assert bertil.get(path).json()["error"] == "not_found"
        assert anna.get(path).status_code == 200
        assert server.get(path).status_code == 401
    # Every op on Anna's rows, or on her contract: refused, nothing changed.
    results = bertil.push(
        upsert(row_id, base=mine["version"], minutes=1),
        upsert(row_id, contract_id=str(anna.contract_id), work_date="2026-03-02", minutes=1),
        delete(row_id, base=mine["version"]),
        new_entry(anna.contract_id, date(2026, 3, 3))[1],
        upsert(anna.contract_id, entity="contract", title="Bertil's now"),
    )
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "forbidden"),
        ("rejected", "forbidden"),
        ("rejected", "forbidden"),
        ("rejected", "unknown_contract"),
        ("rejected", "read_only"),
    ]
    assert all(r["row"] is None for r in results)  # not even a glimpse of Anna's row
    # An op id Anna used is no "duplicate" for Bertil: op ids are per account.
    assert bertil.push(dict(op, row_id=str(uuid.uuid4())))[0]["code"] == "unknown_contract"
    with database(server) as session:
        after = [
            (r.id, r.version, r.minutes, r.note, r.deleted_at)
            for r in session.execute(select(TimeEntryRow)).scalars()
        ]
        titles = session.execute(select(ContractRow.title)).scalars().all()
    assert after == before
    assert "Bertil's now" not in titles
    # Each feed carries its own account's rows only.
    bertil.push(new_entry(bertil.contract_id, date(2026, 3, 2))[1])
    for who, other in ((anna, bertil), (bertil, anna)):
        changes, _cursor = who.pull_all()
        contract_ids = {c["row"]["contract_id"] for c in changes if c["entity"] == "time_entry"}
        assert contract_ids == {str(who.contract_id)}
        assert {c["row"]["id"] for c in changes if c["entity"] == "contract"} == {str(who.contract_id)}
        assert str(other.contract_id) not in str(changes)


def _replica(changes: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """What a client holds after applying the feed idempotently: the newest row per (entity, id)."""
    rows: dict[str, dict[str, dict[str, Any]]] = {"contract": {}, "time_entry": {}}
    for change in changes:
        known = rows[change["entity"]].get(change["row"]["id"])
        if known is None or known["version"] <= change["version"]:
            rows[change["entity"]][change["row"]["id"]] = change["row"]
    return rows


def test_the_summary_matches_a_replica_built_from_the_feed(server: LiveServer) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    ids = []
    for day in _days(4):
        row_id, op = new_entry(anna.contract_id, day)
        anna.push(op)
        ids.append(row_id)
    anna.push(delete(ids[0]), upsert(ids[1], minutes=5))
    bertil.push(new_entry(bertil.contract_id, date(2026, 3, 2))[1])
    changes, cursor = anna.pull_all(limit=2)
    summary = anna.get("/v1/sync/summary").json()
    assert cursor.endswith(f".{summary['as_of']}")
    for entity, rows in _replica(changes).items():
        live = [(row_id, row["version"]) for row_id, row in rows.items() if row["deleted_at"] is None]
        assert summary["entities"][entity] == {"count": len(live), "digest": id_version_digest(live)}
    assert summary["entities"]["time_entry"]["count"] == 3
    assert server.get("/v1/sync/summary").status_code == 401


@pytest.fixture
def anna(server: LiveServer) -> Freelancer:
    return freelancer(server)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cursor=st.none() | st.text(max_size=60) | st.from_regex(r"\A[0-9a-f]{1,32}\.[0-9]{0,25}\Z"),
    limit=st.none() | st.integers(-5, 2000) | st.text(max_size=5),
)
def test_random_cursors_and_limits_never_cause_a_server_error(
    anna: Freelancer, cursor: str | None, limit: Any
) -> None:
    response = anna.server.http.get(
        anna.server.url + "/v1/sync/changes",
        params={"cursor": cursor, "limit": limit},
        headers=anna.headers(),
        timeout=30,
    )
    assert response.status_code in (200, 400, 410, 422), response.text
