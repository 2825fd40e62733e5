"""The fault proxy against real HTTP servers on loopback (http.server and uvicorn): each fault does
what it says, seeds reproduce, clean traffic passes untouched, and nothing is left open after it."""

from __future__ import annotations

import asyncio
import gc
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests
import uvicorn

from coapp.sync.transport import RetryPolicy, Transport
from tests.sync.fault_proxy import TERMINAL_FAULTS, FaultPlan, FaultProxy
from tests.sync.http_framing import Broken, Head, Reader, read_body


def payload(size: int) -> bytes:
    return bytes(i % 251 for i in range(size))


class Origin(ThreadingHTTPServer):
    """Records every request it answered, with the port of the connection it came on."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), OriginHandler)
        self.lock = threading.Lock()
        self.seen: list[tuple[str, str, bytes, int]] = []

    def paths(self) -> list[str]:
        with self.lock:
            return [path for _, path, _, _ in self.seen]


class OriginHandler(BaseHTTPRequestHandler):
    server: Origin
    protocol_version = "HTTP/1.1"  # keep-alive
    timeout = 10
    disable_nagle_algorithm = True  # headers and body are separate writes: no 40 ms delayed-ACK stall

    def _note(self, body: bytes = b"") -> None:
        with self.server.lock:
            self.server.seen.append((self.command, self.path, body, self.client_address[1]))

    def do_GET(self) -> None:
        self._note()
        kind, _, size = self.path.strip("/").partition("/")
        if kind == "empty":
            self.send_response(204)
            self.end_headers()
        elif kind == "chunked":
            body = payload(int(size))
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(body), 4000):
                piece = body[start : start + 4000]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self._send(200, payload(int(size or 10)))

    def do_HEAD(self) -> None:
        self._note()
        self.send_response(200)
        self.send_header("Content-Length", "12345")  # what a GET would carry; no body follows
        self.end_headers()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self._note(body)
        self._send(201, b"stored " + body)

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def origin() -> Iterator[Origin]:
    server = Origin()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="origin", daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as http:
        yield http


@pytest.fixture
def make_proxy(origin: Origin) -> Iterator[Callable[..., FaultProxy]]:
    proxies: list[FaultProxy] = []

    def make(seed: int = 1, **plan: Any) -> FaultProxy:
        proxy = FaultProxy("127.0.0.1", origin.server_port, seed, faults=FaultPlan(**plan))
        proxies.append(proxy)
        return proxy

    yield make
    for proxy in proxies:
        proxy.close()


def test_clean_traffic_passes_untouched_on_one_kept_alive_connection(
    origin: Origin, make_proxy: Callable[..., FaultProxy], session: requests.Session
) -> None:
    proxy = make_proxy()
    paths = ("/bytes/100000", "/chunked/50000", "/empty", "/bytes/0")
    straight = [requests.get(f"http://127.0.0.1:{origin.server_port}{path}", timeout=5) for path in paths]
    direct_count = len(origin.seen)
    for path, expected in zip(paths, straight, strict=True):
        via_proxy = session.get(proxy.url + path, timeout=5)
        assert via_proxy.status_code == expected.status_code
        assert via_proxy.content == expected.content
        assert via_proxy.headers.get("Transfer-Encoding") == expected.headers.get("Transfer-Encoding")
    assert session.get(proxy.url + "/chunked/9000", timeout=5).headers["Transfer-Encoding"] == "chunked"
    head = session.head(proxy.url + "/bytes/1", timeout=5)
    assert head.headers["Content-Length"] == "12345"
    assert head.content == b""
    posted = session.post(proxy.url + "/items", data=b"x" * 70000, timeout=5)
    assert posted.status_code == 201
    assert posted.content == b"stored " + b"x" * 70000

    assert proxy.forwarded == 7
    assert [e.outcome for e in proxy.record] == ["forwarded"] * 7
    assert {e.connection for e in proxy.record} == {0}  # the client kept its one connection
    assert len({port for *_, port in origin.seen[direct_count:]}) == 1  # and so did the proxy
    assert not proxy.injected


def test_reset_before_forwarding_never_reaches_the_server(
    origin: Origin, make_proxy: Callable[..., FaultProxy], session: requests.Session
) -> None:
    proxy = make_proxy(reset_before=1.0)
    with pytest.raises(requests.ConnectionError, match="Connection reset by peer"):
        session.post(proxy.url + "/items", data=b"invoice 17", timeout=5)
    assert origin.seen == []
    assert proxy.record[0].outcome == "reset_before"
    assert proxy.record[0].upstream_status is None
    assert proxy.injected == {"reset_before": 1}


def test_drop_after_commit_lets_the_server_act_but_the_client_never_hears(
    origin: Origin, make_proxy: Callable[..., FaultProxy], session: requests.Session
) -> None:
    proxy = make_proxy(drop_after_commit=1.0)
    with pytest.raises(requests.ConnectionError, match="Connection reset by peer"):
        session.post(proxy.url + "/items", data=b"invoice 18", timeout=5)
    assert [(method, body) for method, _, body, _ in origin.seen] == [("POST", b"invoice 18")]
    assert proxy.record[0].upstream_status == 201
    assert proxy.record[0].outcome == "drop_after_commit"
    assert proxy.forwarded == 0


@pytest.mark.parametrize("path", ["/bytes/100000", "/chunked/100000"])
def test_truncate_sends_part_of_the_body_then_closes(
    origin: Origin, make_proxy: Callable[..., FaultProxy], session: requests.Session, path: str
) -> None:
    proxy = make_proxy(truncate=1.0)
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        session.get(proxy.url + path, timeout=5)
    # On the wire: the server's status line and headers, then a strict prefix of its body.
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as raw:
        raw.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        received = b""
        while chunk := raw.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    full = payload(100000)
    if path.startswith("/chunked"):
        assert b"\r\n0\r\n\r\n" not in body[-7:]
    else:
        assert len(body) < len(full)
        assert full.startswith(body)
    assert origin.paths() == [path, path]  # the server answered both in full
    assert [e.outcome for e in proxy.record] == ["truncate", "truncate"]


def test_truncate_of_an_empty_body_cuts_the_status_line(
    make_proxy: Callable[..., FaultProxy], session: requests.Session
) -> None:
    proxy = make_proxy(truncate=1.0)
    with pytest.raises(requests.ConnectionError):
        session.get(proxy.url + "/empty", timeout=5)


def test_injected_5xx_answers_without_the_server_and_keeps_the_connection(
    origin: Origin, make_proxy: Callable[..., FaultProxy], session: requests.Session
) -> None:
    proxy = make_proxy(inject_5xx=1.0)
    statuses = {session.get(proxy.url + "/bytes/5", timeout=5).status_code for _ in range(20)}
    assert statuses == {502, 503}
    assert origin.seen == []
    assert {e.connection for e in proxy.record} == {0}
    assert proxy.injected == {"inject_5xx": 20}


def test_injected_429_carries_retry_after(
    origin: Origin, make_proxy: Callable[..., FaultProxy], session: requests.Session
) -> None:
    proxy = make_proxy(inject_429=1.0)
    answers = [session.get(proxy.url + "/bytes/5", timeout=5) for _ in range(20)]
    assert {a.status_code for a in answers} == {429}
    assert {a.headers["Retry-After"] for a in answers} == {"0", "1"}
    assert origin.seen == []


def test_latency_delays_each_exchange_by_what_the_record_says(
    make_proxy: Callable[..., FaultProxy], session: requests.Session
) -> None:
    proxy = make_proxy(latency=1.0, latency_max_ms=60)
    for _ in range(8):
        started = time.monotonic()
        assert session.get(proxy.url + "/bytes/5", timeout=5).status_code == 200
        assert time.monotonic() - started >= proxy.record[-1].latency_ms / 1000
    delays = [e.latency_ms for e in proxy.record]
    assert all(0 <= d <= 60 for d in delays)
    assert max(delays) > 10
    assert [e.faults for e in proxy.record] == [("latency",)] * 8
    assert proxy.forwarded == 8


def _drive(proxy: FaultProxy, count: int) -> list[str]:
    """``count`` GETs in a row, each reported as its status or its exception's name."""
    results = []
    with requests.Session() as http:
        for i in range(count):
            try:
                results.append(str(http.get(f"{proxy.url}/bytes/{1000 + i}", timeout=5).status_code))
            except requests.RequestException as exc:
                results.append(type(exc).__name__)
    return results


def test_the_same_seed_gives_the_same_faults(make_proxy: Callable[..., FaultProxy]) -> None:
    plan = FaultPlan.spread(0.6, latency=0.3, latency_max_ms=3)
    runs = []
    for seed in (7, 7, 8):
        proxy = make_proxy(seed, **{f: getattr(plan, f) for f in plan.__dataclass_fields__})
        results = _drive(proxy, 60)
        runs.append((proxy.fault_sequence(), [e.latency_ms for e in proxy.record], results))
    assert runs[0] == runs[1]
    assert runs[0][0] != runs[2][0]
    injected = {fault for faults in runs[0][0] for fault in faults}
    assert injected == {"latency", *TERMINAL_FAULTS}
    assert {"200", "429", "ConnectionError", "ChunkedEncodingError"} <= set(runs[0][2])


def test_offline_refuses_new_and_cuts_kept_alive_connections(
    origin: Origin, make_proxy: Callable[..., FaultProxy], session: requests.Session
) -> None:
    proxy = make_proxy()
    assert session.get(proxy.url + "/bytes/5", timeout=5).status_code == 200  # now pooled
    proxy.go_offline()
    assert not proxy.is_online
    with pytest.raises(requests.ConnectionError):
        session.get(proxy.url + "/bytes/5", timeout=5)
    with pytest.raises(requests.ConnectionError):
        requests.get(proxy.url + "/bytes/5", timeout=5)
    assert proxy.refused >= 2
    assert origin.paths() == ["/bytes/5"]
    proxy.go_online()
    assert session.get(proxy.url + "/bytes/6", timeout=5).content == payload(6)


def test_closing_the_proxy_leaves_no_thread_socket_or_warning(
    origin: Origin, session: requests.Session
) -> None:
    unraisable: list[Any] = []
    previous_hook = sys.unraisablehook
    with FaultProxy("127.0.0.1", origin.server_port, 3, FaultPlan.spread(0.5)) as proxy:
        _drive(proxy, 20)
        for _ in range(3):  # idle kept-alive connections from several clients at the moment of exit
            other = requests.Session()
            other.get(proxy.url + "/bytes/5", timeout=5)
            other.close()
        session.get(proxy.url + "/bytes/5", timeout=5)
        assert any(t.name.startswith("fault-proxy-conn") for t in threading.enumerate())
    assert proxy.open_sockets == 0
    assert not [t.name for t in threading.enumerate() if t.name.startswith("fault-proxy")]
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", proxy.port), 1):
        pass
    sys.unraisablehook = unraisable.append
    try:
        gc.collect()
    finally:
        sys.unraisablehook = previous_hook
    assert unraisable == []
    proxy.close()  # a second close is harmless


def test_framing_keeps_chunk_extensions_and_trailers_byte_for_byte() -> None:
    head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nConnection: keep-alive\r\n\r\n"
    body = b"4;name=x\r\nabcd\r\nA\r\n0123456789\r\n0\r\nX-Digest: 1\r\n\r\n"
    left, right = socket.socketpair()
    with left, right:
        left.sendall(head + body + b"HTTP/1.1 204 No Content\r\n\r\n")
        left.shutdown(socket.SHUT_WR)
        reader = Reader(right)
        raw_head = reader.head()
        assert raw_head == head
        parsed = Head.parse(raw_head)
        assert parsed.has_token("transfer-encoding", "chunked")
        assert read_body(reader, parsed, no_body=False) == (body, False)
        assert Head.parse(reader.head() or b"").start[1] == "204"  # the next message starts cleanly
        assert reader.head() is None


def test_framing_refuses_what_is_not_http() -> None:
    with pytest.raises(Broken):
        Head.parse(b"hello there\r\n\r\n")
    with pytest.raises(Broken):
        Head.parse(b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")
    with pytest.raises(Broken):
        Head.parse(b"HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n").content_length()


def test_plan_rejects_impossible_probabilities() -> None:
    with pytest.raises(ValueError, match="probability"):
        FaultPlan(truncate=1.5)
    with pytest.raises(ValueError, match="more than 1"):
        FaultPlan(reset_before=0.6, inject_5xx=0.6)
    assert FaultPlan.spread(0.3).inject_429 == pytest.approx(0.06)


def test_transport_gets_every_get_answered_through_30_percent_faults(
    origin: Origin, make_proxy: Callable[..., FaultProxy]
) -> None:
    plan = FaultPlan.spread(0.3, latency=0.2, latency_max_ms=5, retry_after=(0,))
    proxy = make_proxy(11, **{f: getattr(plan, f) for f in plan.__dataclass_fields__})
    transport = Transport(proxy.url, RetryPolicy(attempts=10, base_delay=0.001, max_delay=0.01, timeout=5))
    try:
        for i in range(80):
            response = transport.request("GET", f"/bytes/{i}")
            assert response.status_code == 200
            assert response.content == payload(i)
    finally:
        transport.session.close()
    assert set(proxy.injected) == {"latency", *TERMINAL_FAULTS}
    assert proxy.forwarded == 80
    # The server saw every answered request plus those whose answer was lost on the way back.
    lost_on_return = proxy.injected["drop_after_commit"] + proxy.injected["truncate"]
    assert len(origin.seen) == 80 + lost_on_return


async def _uvicorn_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """A bare ASGI app: /stream answers chunked (no length known), anything else with a length."""
    assert scope["type"] == "http"
    body = payload(30000)
    if scope["path"] == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for start in range(0, len(body), 7000):
            await send({"type": "http.response.body", "body": body[start : start + 7000], "more_body": True})
            await asyncio.sleep(0)
        await send({"type": "http.response.body", "body": b""})
    else:
        headers = [(b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


@pytest.fixture
def uvicorn_port() -> Iterator[int]:
    config = uvicorn.Config(_uvicorn_app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    config.timeout_keep_alive = 0.2  # type: ignore[assignment]  # seconds; it takes a float
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-origin", daemon=True)
    thread.start()
    deadline = time.monotonic() + 5
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.started
    yield server.servers[0].sockets[0].getsockname()[1]
    server.should_exit = True
    thread.join(timeout=10)


def test_uvicorn_framing_both_ways_and_its_idle_timeout(uvicorn_port: int, session: requests.Session) -> None:
    with FaultProxy("127.0.0.1", uvicorn_port, 5) as clean:
        streamed = session.get(clean.url + "/stream", timeout=5)
        assert streamed.headers["Transfer-Encoding"] == "chunked"
        assert streamed.content == payload(30000)
        sized = session.get(clean.url + "/fixed", timeout=5)
        assert sized.headers["Content-Length"] == "30000"
        assert sized.content == payload(30000)
        time.sleep(0.5)  # uvicorn drops the idle upstream connection; the client keeps its own
        assert session.get(clean.url + "/fixed", timeout=5).content == payload(30000)
        assert {e.connection for e in clean.record} == {0}
        assert [e.outcome for e in clean.record] == ["forwarded"] * 3
    with FaultProxy("127.0.0.1", uvicorn_port, 5, FaultPlan(truncate=1.0)) as cutting:
        for path in ("/stream", "/fixed"):
            with pytest.raises(requests.exceptions.ChunkedEncodingError):
                session.get(cutting.url + path, timeout=5)
        assert [e.upstream_status for e in cutting.record] == [200, 200]
