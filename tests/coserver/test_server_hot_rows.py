"""Statements per request, counted with SQLAlchemy's cursor events: a plain GET writes nothing (no
INSERT, UPDATE, DELETE, no row lock), and a push or a sign-in writes only rows of its own (its
idempotency key, its entries, its rate-limit counters), never the one version counter on PostgreSQL.

Run with `-s` to see the figures printed per route.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import requests
from sqlalchemy import Engine, event

from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, freelancer, new_entry

_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|MERGE)\b|\bFOR UPDATE\b", re.IGNORECASE | re.DOTALL)


@contextmanager
def _statements() -> Iterator[list[str]]:
    """Every statement the test server sends while the block runs (any engine)."""
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        # The server answers on its own threads (uvicorn's, AnyIO's workers); the test's own
        # statements run on the main thread and are not the request's.
        if threading.current_thread() is not threading.main_thread():
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", count)


def _writes(statements: list[str]) -> list[str]:
    return [s for s in statements if _WRITE.search(s)]


def _count(call: Callable[[], requests.Response]) -> tuple[list[str], requests.Response]:
    with _statements() as seen:
        response = call()
    return list(seen), response


def _report(route: str, statements: list[str]) -> None:
    writes = _writes(statements)
    print(f"{route}: {len(statements)} statements, {len(writes)} writes")
    for statement in writes:
        print("    " + " ".join(statement.split())[:100])


def test_plain_gets_write_nothing(server: LiveServer) -> None:
    anna = freelancer(server)
    anna.push(new_entry(anna.contract_id, date(2026, 3, 2))[1])
    _, cursor = anna.pull_all()
    gets: dict[str, Callable[[], requests.Response]] = {
        "meta": lambda: anna.get("/v1/sync/meta"),
        "changes": lambda: anna.changes(cursor),
        "changes (first page)": lambda: anna.changes(None),
        "summary": lambda: anna.get("/v1/sync/summary"),
        "profile feed": lambda: anna.get("/v1/sync/changes?with_profile=true"),
    }
    for route, call in gets.items():
        statements, response = _count(call)
        assert response.status_code == 200, (route, response.text)
        _report(f"GET {route}", statements)
        assert statements, f"{route}: no statement counted (is the listener attached?)"
        assert _writes(statements) == [], f"GET {route} wrote: {_writes(statements)}"


def _push_one(anna: Freelancer, day: date) -> requests.Response:
    return anna.push_raw({"ops": [new_entry(anna.contract_id, day)[1]]}, key=str(uuid.uuid4()))


def test_writes_per_push_and_sign_in_are_bounded(server: LiveServer) -> None:
    anna = freelancer(server)
    statements, response = _count(lambda: _push_one(anna, date(2026, 3, 2)))
    assert response.status_code == 200, response.text
    _report("POST push (1 op)", statements)
    writes = _writes(statements)
    # The key's claim and answer, the applied op, the entry; plus at most the writer lock (sync.py).
    assert 3 <= len(writes) <= 6, writes
    if server.settings.db_url.startswith("postgresql"):
        # Versions come from the sequence: no writer updates the one counter row any more.
        assert not [w for w in writes if re.match(r"\s*UPDATE server_sequence", w, re.IGNORECASE)]
    statements, response = _count(lambda: server.sign_in(anna.email))
    assert response.status_code == 200, response.text
    _report("POST sign-in", statements)
    # Rate-limit counters (account, address) counted then given back, the session and its tokens.
    assert len(_writes(statements)) <= 8, _writes(statements)
