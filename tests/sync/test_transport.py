"""Retries against a real HTTP server on loopback: network errors, 5xx and 429 with Retry-After."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.sync.errors import OfflineError, RateLimitedError
from coapp.sync.transport import RetryPolicy, Transport, retry_after_seconds


class Scripted(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.script: list[tuple[int, dict[str, str]]] = []
        self.seen = 0


class Handler(BaseHTTPRequestHandler):
    server: Scripted

    def do_GET(self) -> None:
        self.server.seen += 1
        status, headers = self.server.script.pop(0) if self.server.script else (200, {})
        body = b"{}"
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[Scripted]:
    srv = Scripted()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _transport(url: str, sleeps: list[float], attempts: int = 5) -> Transport:
    return Transport(
        url, RetryPolicy(attempts=attempts, base_delay=0.01), sleep=sleeps.append, rng=random.Random(1)
    )


def test_5xx_and_429_are_retried_until_an_answer(server: Scripted) -> None:
    server.script = [(503, {}), (429, {"Retry-After": "2"}), (500, {}), (200, {})]
    sleeps: list[float] = []
    response = _transport(f"http://127.0.0.1:{server.server_port}", sleeps).request("GET", "/v1/sync/meta")
    assert response.status_code == 200
    assert server.seen == 4
    assert len(sleeps) == 3
    assert sleeps[1] >= 2  # the server's Retry-After is honoured


def test_client_errors_are_answers_not_retries(server: Scripted) -> None:
    server.script = [(404, {}), (200, {})]
    sleeps: list[float] = []
    assert (
        _transport(f"http://127.0.0.1:{server.server_port}", sleeps).request("GET", "/x").status_code == 404
    )
    assert server.seen == 1
    assert sleeps == []


def test_a_server_that_keeps_failing_means_offline(server: Scripted) -> None:
    server.script = [(502, {})] * 3
    sleeps: list[float] = []
    with pytest.raises(OfflineError, match="502"):
        _transport(f"http://127.0.0.1:{server.server_port}", sleeps, attempts=3).request("GET", "/x")
    assert server.seen == 3
    assert len(sleeps) == 2


def test_no_server_at_all_means_offline() -> None:
    probe = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = probe.server_port
    probe.server_close()  # nothing listens there now
    sleeps: list[float] = []
    with pytest.raises(OfflineError, match="cannot reach"):
        _transport(f"http://127.0.0.1:{port}", sleeps, attempts=2).request("GET", "/x")
    assert len(sleeps) == 1


def test_tls_verification_stays_on() -> None:
    assert Transport("https://example.invalid").session.verify is True


def test_retry_after_forms() -> None:
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30
    assert retry_after_seconds(format_datetime(now - timedelta(seconds=30), usegmt=True), now) == 0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


@given(st.text(max_size=40))
def test_any_retry_after_header_is_a_number_or_none(value: str) -> None:
    result = retry_after_seconds(value)
    assert result is None or result >= 0


@given(st.integers(0, 20), st.one_of(st.none(), st.floats(0, 1000)), st.integers(0, 2**32))
def test_delays_stay_within_bounds(attempt: int, retry_after: float | None, seed: int) -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=30)
    wait = policy.delay(attempt, retry_after, random.Random(seed))
    assert 0 <= wait <= 120
    if retry_after is not None:
        assert wait >= min(retry_after, 120)


def test_a_long_retry_after_ends_the_attempt_instead_of_sleeping(server: Scripted) -> None:
    server.script = [(429, {"Retry-After": "300"}), (200, {})]
    sleeps: list[float] = []
    with pytest.raises(RateLimitedError) as caught:
        _transport(f"http://127.0.0.1:{server.server_port}", sleeps).request("GET", "/x")
    assert caught.value.retry_after == 300
    assert isinstance(caught.value, OfflineError)  # nothing lost: it syncs later
    assert sleeps == []
    assert server.seen == 1
