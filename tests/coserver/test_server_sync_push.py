"""`/v1/sync/meta` and `/v1/sync/push` against the real server: round trip, duplicates, per-field
merges, conflicts, refusals next to applied ops, locked entries."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import requests
from sqlalchemy import select

from coapp.sync.wire import SyncMeta
from coserver.models import TimeEntryRow
from coserver.platform import lock_entries
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import (
    Freelancer,
    add_contract,
    client_version,
    database,
    delete,
    freelancer,
    new_entry,
    upsert,
)

DAY = date(2026, 3, 2)


def test_meta_reports_protocol_epoch_time_and_newest_version(server: LiveServer) -> None:
    anna = freelancer(server)
    meta = anna.get("/v1/sync/meta").json()
    assert meta["protocol_version"] == 1
    assert meta["min_client_version"] == "0.1.0"
    assert meta["server_time"].startswith("2026-03-02T09:00:00")
    assert len(meta["epoch"]) == 32
    before = meta["max_version"]
    _row_id, op = new_entry(anna.contract_id, DAY)
    [result] = anna.push(op)
    assert result["version"] == before + 1
    assert anna.get("/v1/sync/meta").json()["max_version"] == before + 1


def test_meta_without_a_token_shows_nothing_database_wide(server: LiveServer) -> None:
    """Anonymous callers get what a client checks before signing in (protocol, minimum version,
    clock), not the epoch or the newest version: those say when the database was restored and how
    busy the platform is. The app reads /v1/sync/meta signed in (coapp.sync.api), as SyncMeta."""
    anna = freelancer(server)
    anna.push(new_entry(anna.contract_id, DAY)[1])
    for headers in ({}, client_version("1.0.0")):
        anonymous = server.http.get(server.url + "/v1/sync/meta", headers=headers, timeout=30)
        assert anonymous.status_code == 200, anonymous.text
        assert anonymous.json() == {
            "protocol_version": 1,
            "min_client_version": "0.1.0",
            "server_time": anonymous.json()["server_time"],
        }
    # A token that is no good is a 401 (the app refreshes and asks again), not the public answer.
    for header in (f"Bearer {anna.token}x", "Basic YW5uYTpzZWNyZXQ="):
        refused = server.http.get(server.url + "/v1/sync/meta", headers={"Authorization": header}, timeout=30)
        assert refused.status_code == 401, header
        assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    signed_in = SyncMeta.model_validate(anna.get("/v1/sync/meta").json())
    assert signed_in.max_version >= 2
    assert len(signed_in.epoch) == 32


def test_an_outdated_client_is_refused_clearly(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(min_client_version="2.1")
    anna = freelancer(server)
    old = anna.get("/v1/sync/meta", **client_version("2.0.9"))
    assert old.status_code == 426
    assert old.json()["error"] == "client_outdated"
    assert "update to 2.1" in old.json()["message"]
    _row_id, op = new_entry(anna.contract_id, DAY)
    assert anna.push_raw({"ops": [op]}, **client_version("1.0")).status_code == 426
    assert anna.get("/v1/sync/meta", **client_version("2.1.0")).status_code == 200
    assert anna.get("/v1/sync/meta", **client_version("10.0.0-beta1")).status_code == 200
    bad = anna.get("/v1/sync/meta", **client_version("latest"))
    assert bad.status_code == 400
    assert bad.json()["error"] == "invalid_client_version"
    with database(server) as session:
        assert session.execute(select(TimeEntryRow)).first() is None


def test_push_then_pull_on_another_device(server: LiveServer) -> None:
    anna = freelancer(server)
    row_id, op = new_entry(anna.contract_id, DAY, minutes=450, note="Workshop")
    [result] = anna.push(op)
    assert result["status"] == "applied"
    assert result["row"]["minutes"] == 450
    assert result["row"]["locked"] is False
    changes, _cursor = anna.pull_all()
    assert [c["entity"] for c in changes] == ["contract", "time_entry"]
    entry = changes[1]["row"]
    assert entry["id"] == str(row_id)
    assert (entry["contract_id"], entry["work_date"], entry["minutes"], entry["note"]) == (
        str(anna.contract_id),
        "2026-03-02",
        450,
        "Workshop",
    )
    assert changes[1]["version"] == entry["version"] == result["version"]
    assert anna.get(f"/v1/time-entries/{row_id}").json() == entry


def test_duplicate_op_ids_are_applied_once(server: LiveServer) -> None:
    anna = freelancer(server)
    row_id, op = new_entry(anna.contract_id, DAY)
    first, again_in_batch = anna.push(op, op)
    assert first["status"] == "applied"
    assert again_in_batch["status"] == "duplicate"
    # The same op in a later batch (a new idempotency key: the client lost the first answer).
    [later] = anna.push(op)
    assert later["status"] == "duplicate"
    assert later["version"] == first["version"]
    assert later["row"]["minutes"] == 480
    edit = upsert(row_id, base=first["version"], minutes=60)
    anna.push(edit)
    # A replayed old op never rolls the row back.
    [old] = anna.push(op)
    assert old["status"] == "duplicate"
    assert old["row"]["minutes"] == 60


def test_fields_merge_per_field_and_last_writer_wins_in_server_order(server: LiveServer) -> None:
    anna = freelancer(server)
    row_id, op = new_entry(anna.contract_id, DAY, minutes=480, note="")
    [created] = anna.push(op)
    v1 = created["version"]
    # Two devices edit different fields from the same base: both survive.
    [laptop] = anna.push(upsert(row_id, base=v1, minutes=420))
    [phone] = anna.push(upsert(row_id, base=v1, note="Planning"))
    assert laptop["status"] == phone["status"] == "applied"
    assert laptop["overwritten"] == phone["overwritten"] == []
    assert (phone["row"]["minutes"], phone["row"]["note"]) == (420, "Planning")
    # The same field from a stale base: the later write wins, and the answer says what it replaced.
    [tablet] = anna.push(upsert(row_id, base=v1, minutes=300))
    assert tablet["status"] == "applied"
    assert tablet["overwritten"] == ["minutes"]
    assert (tablet["row"]["minutes"], tablet["row"]["note"]) == (300, "Planning")
    # The same cell typed offline on a second device (no base): merged into the one row.
    [merged] = anna.push(upsert(row_id, contract_id=str(anna.contract_id), work_date=DAY, minutes=300))
    assert merged["status"] == "applied"
    assert merged["version"] == tablet["version"]  # nothing changed, nothing stamped


def test_delete_wins_over_an_edit_made_before_it_was_seen(server: LiveServer) -> None:
    anna = freelancer(server)
    row_id, op = new_entry(anna.contract_id, DAY, minutes=480)
    [created] = anna.push(op)
    [deleted] = anna.push(delete(row_id, base=created["version"]))
    assert deleted["status"] == "applied"
    assert deleted["row"]["deleted_at"] is not None
    [stale] = anna.push(upsert(row_id, base=created["version"], minutes=120))
    assert stale["status"] == "conflict"
    assert stale["code"] == "deleted"
    assert stale["row"]["deleted_at"] is not None
    assert stale["row"]["minutes"] == 480
    assert stale["version"] == deleted["version"]
    # Having seen the delete, the device may bring the entry back.
    [revived] = anna.push(upsert(row_id, base=deleted["version"], minutes=120))
    assert revived["status"] == "applied"
    assert revived["row"]["deleted_at"] is None
    assert revived["row"]["minutes"] == 120
    # A device that never saw the entry (no base) fills the day again: not an edit of the deleted one.
    [gone] = anna.push(delete(row_id, base=revived["version"]))
    [filled] = anna.push(upsert(row_id, contract_id=str(anna.contract_id), work_date=DAY, minutes=60))
    assert filled["status"] == "applied"
    assert filled["row"]["deleted_at"] is None
    assert filled["version"] > gone["version"]
    revived = filled
    # A base the server never handed out: conflict with the server's row, nothing changed.
    [future] = anna.push(upsert(row_id, base=revived["version"] + 1000, minutes=5))
    assert future["status"] == "conflict"
    assert future["row"]["minutes"] == 60
    # Deleting twice, or deleting what never reached the server, is fine.
    assert anna.push(delete(row_id), delete(row_id))[1]["status"] in ("applied", "duplicate")
    assert anna.push(delete(uuid.uuid4()))[0]["status"] == "applied"


def test_refused_ops_carry_reasons_and_never_block_the_others(server: LiveServer) -> None:
    anna = freelancer(server)
    other_contract = add_contract(server, anna.account_id, title="Second")
    ended = add_contract(server, anna.account_id, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    ok1 = new_entry(anna.contract_id, date(2026, 3, 2), minutes=800)
    ok2 = new_entry(anna.contract_id, date(2026, 3, 3), minutes=60)
    ops = [
        ok1[1],
        new_entry(anna.contract_id, date(2026, 3, 4), minutes=1441)[1],
        new_entry(anna.contract_id, date(2026, 3, 5), note="x" * 2001)[1],
        new_entry(ended, date(2026, 3, 2))[1],
        new_entry(uuid.uuid4(), date(2026, 3, 6))[1],
        new_entry(other_contract, date(2026, 3, 2), minutes=700)[1],  # 800 + 700 > 24 h
        upsert(uuid.uuid4(), contract_id=str(anna.contract_id), work_date="2026-03-07", hours=3),
        upsert(uuid.uuid4(), contract_id=str(anna.contract_id), work_date="7 March", minutes=3),
        upsert(uuid.uuid4(), contract_id=str(anna.contract_id), work_date="2026-03-08", minutes="3"),
        upsert(uuid.uuid4(), minutes=30),
        upsert(anna.contract_id, entity="contract", title="Mine now"),
        upsert(uuid.uuid4(), entity="bookmark", name="x"),
        new_entry(anna.contract_id, date(2026, 3, 2), minutes=10)[1],  # the cell ok1 holds
        ok2[1],
    ]
    results = anna.push(*ops)
    assert [(r["status"], r["code"]) for r in results] == [
        ("applied", None),
        ("rejected", "invalid_minutes"),
        ("rejected", "note_too_long"),
        ("rejected", "outside_contract"),
        ("rejected", "unknown_contract"),
        ("rejected", "day_over_24h"),
        ("rejected", "unknown_field"),
        ("rejected", "invalid_field"),
        ("rejected", "invalid_field"),
        ("rejected", "missing_field"),
        ("rejected", "read_only"),
        ("rejected", "unknown_entity"),
        ("rejected", "cell_taken"),
        ("applied", None),
    ]
    assert all(r["message"] for r in results if r["status"] == "rejected")
    assert results[12]["row"]["id"] == str(ok1[0])
    with database(server) as session:
        stored = session.execute(select(TimeEntryRow.id)).scalars().all()
    assert sorted(stored) == sorted([ok1[0], ok2[0]])
    # A refused op is not remembered as applied: fixed and re-sent under the same op id, it applies.
    fixed = dict(ops[5], fields={**ops[5]["fields"], "minutes": 600})
    assert anna.push(fixed)[0]["status"] == "applied"


def test_invoiced_entries_refuse_every_change_with_the_server_copy(server: LiveServer) -> None:
    anna = freelancer(server)
    row_id, op = new_entry(anna.contract_id, DAY, minutes=480, note="Done")
    anna.push(op)
    with database(server) as session:
        lock_entries(session, [row_id], uuid.uuid4())
    locked = anna.get(f"/v1/time-entries/{row_id}").json()
    assert locked["locked"] is True
    [edit] = anna.push(upsert(row_id, base=locked["version"], minutes=60))
    [gone] = anna.push(delete(row_id, base=locked["version"]))
    for refused in (edit, gone):
        assert (refused["status"], refused["code"]) == ("rejected", "locked")
        assert refused["row"] == locked
    # Re-sending what the server already holds is no change, so it is not refused.
    [same] = anna.push(upsert(row_id, base=locked["version"], minutes=480, note="Done"))
    assert same["status"] == "applied"
    assert anna.get(f"/v1/time-entries/{row_id}").json() == locked


def test_a_batch_is_bounded_and_needs_an_idempotency_key(server: LiveServer) -> None:
    anna = freelancer(server)
    ops = [upsert(uuid.uuid4(), minutes=1) for _ in range(501)]
    too_many = anna.push_raw({"ops": ops})
    assert too_many.status_code == 422
    assert too_many.json()["field"] == "ops"
    missing = anna.push_raw({"ops": ops[:1]}, key=None)
    assert missing.status_code == 400
    assert missing.json()["error"] == "idempotency_key_required"
    assert anna.push_raw({"ops": ops[:1]}, key="with space").json()["error"] == "invalid_idempotency_key"
    assert anna.push_raw({"ops": []}).json() == {
        "results": [],
        "max_version": anna.get("/v1/sync/meta").json()["max_version"],
    }


def test_two_server_processes_pushing_at_once_keep_the_rules(start_server: Callable[..., LiveServer]) -> None:
    """Several stateless processes on one database: concurrent batches for the same days never
    break the 24-hour rule nor fail, and every version is handed out once."""
    first = start_server()
    second = start_server()  # the same database, another process's worth of state
    anna = freelancer(first)
    other = add_contract(first, anna.account_id, title="Second")
    # FastAPI builds its routes on an app's first request under warnings.catch_warnings(), which is not
    # thread-safe; with warnings as errors (pytest config) two first requests at once could trip it.
    assert second.get("/v1/sync/meta").status_code == 200
    days = [date(2026, 3, 2) + timedelta(days=n) for n in range(5)]
    batches = [
        [new_entry(contract, day, minutes=900)[1] for day in days]
        for contract in (anna.contract_id, other, anna.contract_id, other)
    ]
    answers: list[requests.Response] = []
    lock = threading.Lock()

    def send(server: LiveServer, ops: list[dict[str, Any]]) -> None:
        via = Freelancer(server, anna.token, anna.account_id, anna.contract_id)
        response = via.push_raw({"ops": ops})
        with lock:
            answers.append(response)

    threads = [
        threading.Thread(target=send, args=(first if n % 2 else second, ops)) for n, ops in enumerate(batches)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert [a.status_code for a in answers] == [200] * 4
    statuses = [r["status"] for a in answers for r in a.json()["results"]]
    assert statuses.count("applied") == len(days)  # one 900-minute entry per day, whichever came first
    with database(first) as session:
        rows = session.execute(select(TimeEntryRow)).scalars().all()
    assert sorted(r.work_date for r in rows) == days
    versions = [r.version for r in rows]
    assert len(set(versions)) == len(versions)


def test_a_deleted_cell_can_hold_a_new_entry_with_another_id(server: LiveServer) -> None:
    anna = freelancer(server)
    old_id, op = new_entry(anna.contract_id, DAY, minutes=480)
    anna.push(op)
    anna.push(delete(old_id))
    new_id, again = new_entry(anna.contract_id, DAY, minutes=240)
    [result] = anna.push(again)
    assert result["status"] == "applied"
    assert anna.get(f"/v1/time-entries/{old_id}").json()["deleted_at"] is not None
    assert anna.get(f"/v1/time-entries/{new_id}").json()["minutes"] == 240
    # Bringing the old one back would make two live entries for one cell: refused with the holder.
    tombstone = anna.get(f"/v1/time-entries/{old_id}").json()
    [revive] = anna.push(upsert(old_id, base=tombstone["version"], minutes=60))
    assert (revive["status"], revive["code"], revive["row"]["id"]) == ("rejected", "cell_taken", str(new_id))
