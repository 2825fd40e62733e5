"""`Idempotency-Key` on push: replay, 422 for another body, 409 while the first request runs, takeover
after a dead request's lease, keys per account, and pruning after 90 days."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from coapp.sync.wire import PushRequest
from coserver import idempotency
from coserver.models import AppliedOp, IdempotencyKey, TimeEntryRow
from coserver.retention import prune
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer, new_entry

DAY = date(2026, 3, 2)


def _entries(server: LiveServer) -> int:
    with database(server) as session:
        return session.execute(select(func.count()).select_from(TimeEntryRow)).scalar_one()


def test_same_key_same_body_replays_the_first_answer(server: LiveServer) -> None:
    anna = freelancer(server)
    body = {"ops": [new_entry(anna.contract_id, DAY)[1], new_entry(anna.contract_id, date(2026, 3, 3))[1]]}
    first = anna.push_raw(body, key="batch-1")
    assert first.status_code == 200
    assert "Idempotent-Replayed" not in first.headers
    again = anna.push_raw(body, key="batch-1")
    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()  # "applied" again, not "duplicate": the very same answer
    assert _entries(server) == 2
    # The same body with its keys in another order is the same request.
    reordered = {"ops": [dict(reversed(list(op.items()))) for op in body["ops"]]}
    assert anna.push_raw(reordered, key="batch-1").json() == first.json()


def test_same_key_other_body_is_422(server: LiveServer) -> None:
    anna = freelancer(server)
    anna.push_raw({"ops": [new_entry(anna.contract_id, DAY)[1]]}, key="batch-1")
    other = anna.push_raw({"ops": [new_entry(anna.contract_id, date(2026, 3, 3))[1]]}, key="batch-1")
    assert other.status_code == 422
    assert other.json()["error"] == "idempotency_key_reused"
    assert _entries(server) == 1


def test_keys_belong_to_one_account(server: LiveServer) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    assert anna.push_raw({"ops": [new_entry(anna.contract_id, DAY)[1]]}, key="k").status_code == 200
    mine = bertil.push_raw({"ops": [new_entry(bertil.contract_id, DAY)[1]]}, key="k")
    assert mine.status_code == 200
    assert "Idempotent-Replayed" not in mine.headers
    assert mine.json()["results"][0]["status"] == "applied"


def test_same_key_while_the_first_still_runs_is_409(start_server: Callable[..., LiveServer]) -> None:
    claimed, release = threading.Event(), threading.Event()
    holding = {"first": True}

    def hold_the_first_request() -> None:
        if holding.pop("first", False):
            claimed.set()
            assert release.wait(10)

    server = start_server(after_idempotency_claim=hold_the_first_request)
    anna = freelancer(server)
    body = {"ops": [new_entry(anna.contract_id, DAY)[1]]}
    answers: list[Any] = []
    first = threading.Thread(target=lambda: answers.append(anna.push_raw(body, key="slow")))
    first.start()
    try:
        assert claimed.wait(10)
        while_running = anna.push_raw(body, key="slow")
        assert while_running.status_code == 409
        assert while_running.json()["error"] == "request_in_progress"
        assert while_running.headers["Retry-After"] == "1"
    finally:
        release.set()
        first.join(10)
    assert answers[0].status_code == 200
    after = anna.push_raw(body, key="slow")
    assert after.headers["Idempotent-Replayed"] == "true"
    assert after.json() == answers[0].json()
    assert _entries(server) == 1


def test_a_dead_request_is_taken_over_after_its_lease(server: LiveServer) -> None:
    anna = freelancer(server)
    body = {"ops": [new_entry(anna.contract_id, DAY)[1]]}
    digest = idempotency.request_hash(
        "POST /v1/sync/push", PushRequest.model_validate(body).model_dump(mode="json")
    )
    now = server.clock()
    with database(server) as session:  # a process died after claiming the key: no answer, a lease
        session.add(
            IdempotencyKey(
                account_id=anna.account_id,
                key="orphan",
                request_hash=digest,
                created_at=now,
                locked_until=now + timedelta(seconds=60),
            )
        )
    assert anna.push_raw(body, key="orphan").status_code == 409
    server.clock.advance(seconds=61)
    retried = anna.push_raw(body, key="orphan")
    assert retried.status_code == 200
    assert retried.json()["results"][0]["status"] == "applied"
    assert anna.push_raw(body, key="orphan").headers["Idempotent-Replayed"] == "true"
    # A claim whose request died and was never retried is pruned after the retention too.
    with database(server) as session:
        session.add(
            IdempotencyKey(
                account_id=anna.account_id,
                key="abandoned",
                request_hash=digest,
                created_at=now,
                locked_until=now + timedelta(seconds=60),
            )
        )
    with database(server) as session:
        assert prune(session, now + timedelta(days=91)).idempotency_keys == 2


def test_keys_and_op_ids_are_kept_90_days_then_pruned(server: LiveServer) -> None:
    anna = freelancer(server)
    body = {"ops": [new_entry(anna.contract_id, DAY)[1]]}
    anna.push_raw(body, key="old")
    with database(server) as session:
        pruned = prune(session, server.clock() + timedelta(days=89))
        assert (pruned.idempotency_keys, pruned.applied_ops) == (0, 0)
    anna.sign_in_again()  # her session expired in those 89 days and was pruned with them
    assert anna.push_raw(body, key="old").headers["Idempotent-Replayed"] == "true"
    with database(server) as session:
        pruned = prune(session, server.clock() + timedelta(days=91))
        assert (pruned.idempotency_keys, pruned.applied_ops) == (1, 1)
        assert session.execute(select(func.count()).select_from(AppliedOp)).scalar_one() == 0
        with pytest.raises(ValueError, match="90 days"):
            prune(session, server.clock(), keys_for=timedelta(days=30))
    anna.sign_in_again()
    # A key used again after pruning is a new request; the entry is already there.
    again = anna.push_raw(body, key="old")
    assert "Idempotent-Replayed" not in again.headers
    assert again.json()["results"][0]["status"] == "applied"
    assert _entries(server) == 1


def test_every_push_answer_is_stored_with_its_key(server: LiveServer) -> None:
    anna = freelancer(server)
    response = anna.push_raw({"ops": [new_entry(anna.contract_id, DAY)[1]]}, key=str(uuid.uuid4()))
    with database(server) as session:
        [row] = session.execute(select(IdempotencyKey)).scalars().all()
    assert row.status == 200
    assert row.locked_until is None
    assert row.response is not None
    assert json.loads(row.response) == response.json()  # the stored answer is what the client got
