"""Running timers as a synced entity: start, edit, stop (tombstone), at most one live timer per
account (checked and enforced by the database, also across two server processes), validation of the
contract, the zone and the start time, the feed and summary, and other accounts kept out."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from coapp.sync.wire import ChangesPage, PushResponse, RunningTimerRecord
from coserver.models import RunningTimerRow
from coserver.platform import change_contract
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import (
    Freelancer,
    add_contract,
    database,
    delete,
    freelancer,
    start_timer,
    upsert,
)

NOW = "2026-03-02T09:00:00+00:00"  # the fake clock's time


def _live_timers(server: LiveServer) -> list[RunningTimerRow]:
    with database(server) as session:
        return list(
            session.execute(select(RunningTimerRow).where(RunningTimerRow.deleted_at.is_(None))).scalars()
        )


def test_start_stop_and_pull_a_timer(server: LiveServer) -> None:
    anna = freelancer(server)
    _changes, cursor = anna.pull_all()
    timer_id, op = start_timer(anna.contract_id, "2026-03-02T10:00:00+01:00", "Europe/Stockholm")
    [started] = anna.push(op)
    assert started["status"] == "applied"
    record = RunningTimerRecord.model_validate(started["row"])  # the client's parser accepts it
    assert record.id == timer_id
    assert record.started_at.isoformat() == NOW  # the same instant, in UTC
    assert (record.zone, record.deleted_at) == ("Europe/Stockholm", None)
    summary = anna.get("/v1/sync/summary").json()
    assert summary["entities"]["running_timer"]["count"] == 1
    [stopped] = anna.push(delete(timer_id, base=started["version"], entity="running_timer"))
    assert stopped["status"] == "applied"
    assert stopped["row"]["deleted_at"] is not None
    assert stopped["version"] > started["version"]
    page = ChangesPage.model_validate(anna.changes(cursor).json())
    assert [(c.entity, c.version) for c in page.changes] == [("running_timer", stopped["version"])]
    assert anna.get("/v1/sync/summary").json()["entities"]["running_timer"]["count"] == 0
    # Stopping again, or stopping one that never reached the server, is fine.
    again, unknown = anna.push(
        delete(timer_id, entity="running_timer"), delete(uuid.uuid4(), entity="running_timer")
    )
    assert (again["status"], again["version"]) == ("applied", stopped["version"])
    assert (unknown["status"], unknown["row"]) == ("applied", None)


def test_a_second_live_timer_is_a_conflict_carrying_the_running_one(server: LiveServer) -> None:
    anna = freelancer(server)
    other = add_contract(server, anna.account_id, title="Second")
    first_id, first = start_timer(anna.contract_id, NOW)
    [running] = anna.push(first)
    before = anna.get("/v1/sync/meta").json()["max_version"]
    _second_id, second = start_timer(other, "2026-03-02T09:01:00+00:00")
    [refused] = anna.push(second)
    assert (refused["status"], refused["code"]) == ("conflict", "timer_running")
    assert refused["row"] == running["row"]
    assert refused["row"]["id"] == str(first_id)
    assert anna.get("/v1/sync/meta").json()["max_version"] == before  # nothing changed
    assert [t.id for t in _live_timers(server)] == [first_id]
    # Once the first is stopped, the same op (fixed and re-sent under its op id) starts the second.
    anna.push(delete(first_id, entity="running_timer"))
    [applied] = anna.push(second)
    assert applied["status"] == "applied"
    assert [t.contract_id for t in _live_timers(server)] == [other]


def test_editing_a_running_timer_and_delete_wins_over_a_stale_edit(server: LiveServer) -> None:
    anna = freelancer(server)
    other = add_contract(server, anna.account_id, title="Second")
    timer_id, op = start_timer(anna.contract_id, NOW)
    [started] = anna.push(op)
    edit = upsert(timer_id, base=started["version"], entity="running_timer", contract_id=str(other))
    [moved] = anna.push(edit)
    assert (moved["status"], moved["row"]["contract_id"]) == ("applied", str(other))
    [same] = anna.push(
        upsert(timer_id, base=moved["version"], entity="running_timer", zone="Europe/Stockholm")
    )
    assert same["version"] == moved["version"]  # no change, no new version
    [stopped] = anna.push(delete(timer_id, entity="running_timer"))
    # An edit made before the device saw the stop loses.
    stale = upsert(timer_id, base=moved["version"], entity="running_timer", started_at="2026-03-02T08:00:00Z")
    [lost] = anna.push(stale)
    assert (lost["status"], lost["code"]) == ("conflict", "stopped")
    assert lost["row"]["deleted_at"] is not None
    assert lost["row"]["started_at"].startswith("2026-03-02T09:00:00")
    # Having seen the stop, the device may start it again (e.g. "undo stop").
    resume = upsert(timer_id, base=stopped["version"], entity="running_timer", zone="Europe/Oslo")
    [resumed] = anna.push(resume)
    assert (resumed["status"], resumed["row"]["deleted_at"], resumed["row"]["zone"]) == (
        "applied",
        None,
        "Europe/Oslo",
    )
    [future] = anna.push(upsert(timer_id, base=resumed["version"] + 99, entity="running_timer", zone="UTC"))
    assert (future["status"], future["code"]) == ("conflict", "unknown_base_version")


def test_invalid_timers_are_refused_with_reasons(server: LiveServer) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    ended = add_contract(server, anna.account_id, title="Gone")
    with database(server) as session:
        change_contract(session, ended, deleted_at=server.clock.now)
    cases: list[tuple[dict[str, Any], str]] = [
        (start_timer(anna.contract_id, NOW, "Mars/Olympus_Mons")[1], "invalid_zone"),
        (start_timer(anna.contract_id, NOW, "localtime")[1], "invalid_zone"),
        (start_timer(anna.contract_id, NOW, "../../etc/passwd")[1], "invalid_zone"),
        (start_timer(anna.contract_id, NOW, "x" * 65)[1], "invalid_zone"),
        (start_timer(anna.contract_id, "2026-03-02T09:00:00")[1], "invalid_field"),  # no offset
        (start_timer(anna.contract_id, "yesterday")[1], "invalid_field"),
        (start_timer(anna.contract_id, "2026-03-02T09:05:01+00:00")[1], "started_in_future"),
        (start_timer(anna.contract_id, "2026-03-02T11:05:01+02:00")[1], "started_in_future"),
        (start_timer(bertil.contract_id, NOW)[1], "unknown_contract"),
        (start_timer(ended, NOW)[1], "unknown_contract"),
        (start_timer(uuid.uuid4(), NOW)[1], "unknown_contract"),
        (upsert(uuid.uuid4(), entity="running_timer", contract_id=str(anna.contract_id)), "missing_field"),
        (upsert(uuid.uuid4(), entity="running_timer", started_at=NOW, minutes=3), "unknown_field"),
        (
            upsert(uuid.uuid4(), entity="running_timer", contract_id=7, started_at=NOW, zone="UTC"),
            "invalid_field",
        ),
    ]
    results = anna.push(*(op for op, _code in cases))
    assert [(r["status"], r["code"]) for r in results] == [("rejected", code) for _op, code in cases]
    assert all(r["row"] is None for r in results)
    assert _live_timers(server) == []
    # Five minutes ahead of the server's clock is still fine (clocks drift a little).
    [ok] = anna.push(start_timer(anna.contract_id, "2026-03-02T09:05:00Z", "UTC")[1])
    assert ok["status"] == "applied"


def test_another_account_cannot_touch_or_see_my_timer(server: LiveServer) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    timer_id, op = start_timer(anna.contract_id, NOW)
    [mine] = anna.push(op)
    results = bertil.push(
        upsert(timer_id, base=mine["version"], entity="running_timer", zone="UTC"),
        delete(timer_id, entity="running_timer"),
        upsert(
            timer_id, entity="running_timer", contract_id=str(bertil.contract_id), started_at=NOW, zone="UTC"
        ),
    )
    assert [(r["status"], r["code"], r["row"]) for r in results] == [("rejected", "forbidden", None)] * 3
    changes, _cursor = bertil.pull_all()
    assert all(c["entity"] != "running_timer" for c in changes)
    assert bertil.get("/v1/sync/summary").json()["entities"]["running_timer"]["count"] == 0
    # Bertil's own timer is his business: the one-timer rule is per account.
    [his] = bertil.push(start_timer(bertil.contract_id, NOW)[1])
    assert his["status"] == "applied"
    assert len(_live_timers(server)) == 2
    assert anna.get(f"/v1/time-entries/{timer_id}").status_code == 404  # not a time entry either


def test_the_database_allows_one_live_timer_per_account(server: LiveServer) -> None:
    """The partial unique index on its own, without the server's check in front of it."""
    anna = freelancer(server)

    def timer(deleted: bool) -> RunningTimerRow:
        return RunningTimerRow(
            id=uuid.uuid4(),
            account_id=anna.account_id,
            contract_id=anna.contract_id,
            started_at=server.clock.now,
            zone="UTC",
            version=1,
            deleted_at=server.clock.now if deleted else None,
            created_at=server.clock.now,
        )

    with database(server) as session:
        session.add_all([timer(True), timer(True), timer(False)])  # tombstones never block
    with pytest.raises(IntegrityError), database(server) as session:
        session.add(timer(False))
    assert len(_live_timers(server)) == 1


def test_two_server_processes_starting_timers_at_once_leave_one_running(
    start_server: Callable[..., LiveServer],
) -> None:
    first = start_server()
    second = start_server()  # the same database
    anna = freelancer(first)
    assert second.get("/v1/sync/meta").status_code == 200  # see the push test: first requests race
    answers: list[requests.Response] = []
    lock = threading.Lock()

    def send(server: LiveServer) -> None:
        via = Freelancer(server, anna.token, anna.account_id, anna.contract_id)
        response = via.push_raw({"ops": [start_timer(anna.contract_id, NOW)[1]]})
        with lock:
            answers.append(response)

    threads = [threading.Thread(target=send, args=(first if n % 2 else second,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert [a.status_code for a in answers] == [200] * 6
    results = [PushResponse.model_validate(a.json()).results[0] for a in answers]
    winners = [r for r in results if r.status == "applied"]
    assert len(winners) == 1
    assert {(r.status, r.code) for r in results if r is not winners[0]} == {("conflict", "timer_running")}
    assert all(r.row == winners[0].row for r in results)  # every loser sees the winner
    [live] = _live_timers(first)
    assert winners[0].row is not None
    assert live.id == winners[0].row.id
    with database(first) as session:
        assert session.execute(select(func.count()).select_from(RunningTimerRow)).scalar_one() == 1


def test_a_timer_far_in_the_past_is_kept_as_sent(server: LiveServer) -> None:
    """Only the future is checked: a timer left running over a weekend is real work time."""
    anna = freelancer(server)
    started = server.clock.now - timedelta(days=3, minutes=7)
    [result] = anna.push(start_timer(anna.contract_id, started.isoformat(), "America/New_York")[1])
    assert result["status"] == "applied"
    assert RunningTimerRecord.model_validate(result["row"]).started_at == started
