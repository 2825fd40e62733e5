"""A fault-injecting HTTP/1.1 proxy on loopback for the sync tests (SYNC.md: latency, resets, truncated
bodies, 5xx, 429, responses dropped after the server committed).

It works per request/response exchange, not per byte: each request is read whole (head and
Content-Length or chunked body), a fault is drawn for it from one ``random.Random(seed)``, and the
response is read whole from the server (Content-Length, chunked, or up to the close) before the
client gets any of it. Exchange *n* therefore always gets the same fault for the same seed, whatever
the thread timing, and a "drop after commit" really is after the server finished answering.

One thread per client connection with its own upstream connection, so keep-alive on either side
behaves as it would without the proxy. Only the thread that owns a socket closes it; other threads
(shutdown, going offline) merely ``shutdown()`` it to wake the owner.

    with FaultProxy("127.0.0.1", server_port, seed=7, faults=FaultPlan.spread(0.3, latency=0.2)) as proxy:
        run_the_client_against(proxy.url)
        proxy.go_offline(); ...; proxy.go_online()
    proxy.record, proxy.injected, proxy.forwarded  # what happened, exchange by exchange
"""

from __future__ import annotations

import contextlib
import random
import selectors
import socket
import struct
import threading
from collections import Counter
from dataclasses import dataclass, fields
from types import TracebackType

from tests.sync.http_framing import Broken, Head, Reader, is_informational, read_body

# At most one of these per exchange; latency comes on top of any of them.
TERMINAL_FAULTS = ("reset_before", "drop_after_commit", "truncate", "inject_5xx", "inject_429")
UPSTREAM_TIMEOUT = 30.0  # seconds; a test server that hangs longer is a bug worth seeing


@dataclass(frozen=True)
class FaultPlan:
    """Probability per exchange of each fault; the terminal ones exclude each other."""

    latency: float = 0.0
    latency_max_ms: int = 50
    reset_before: float = 0.0
    drop_after_commit: float = 0.0
    truncate: float = 0.0
    inject_5xx: float = 0.0
    inject_429: float = 0.0
    retry_after: tuple[int, ...] = (0, 1)  # the Retry-After values an injected 429 picks from

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, float) and not 0.0 <= value <= 1.0:
                raise ValueError(f"{f.name} must be a probability, not {value}")
        if sum(getattr(self, kind) for kind in TERMINAL_FAULTS) > 1.0 + 1e-9:
            raise ValueError("the terminal fault probabilities add up to more than 1")
        if not self.retry_after or self.latency_max_ms < 0:
            raise ValueError("retry_after needs a value and latency_max_ms must not be negative")

    @classmethod
    def spread(cls, rate: float, **overrides: object) -> FaultPlan:
        """``rate`` of the exchanges fail, shared equally by the five terminal faults."""
        share = rate / len(TERMINAL_FAULTS)
        values: dict[str, object] = {kind: share for kind in TERMINAL_FAULTS}
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]


@dataclass
class Exchange:
    """What happened to one request: filled in as the exchange goes on."""

    index: int
    connection: int
    method: str
    target: str
    faults: tuple[str, ...]
    latency_ms: float
    upstream_status: int | None = None  # None when the server never answered (or never saw it)
    outcome: str = "pending"  # "forwarded", a fault's name, or why the exchange broke off


def _reset(sock: socket.socket) -> None:
    """Close with SO_LINGER 0: the peer gets a real RST, not a polite FIN."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _plain_response(status: int, reason: str, body: bytes, extra: str = "") -> bytes:
    return (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n"
        f"{extra}\r\n"
    ).encode("latin-1") + body


class _Connection:
    """One client connection and the upstream connection that serves it."""

    def __init__(self, ident: int, client: socket.socket) -> None:
        self.ident = ident
        self.client = client
        self.upstream: socket.socket | None = None
        self.upstream_reader: Reader | None = None
        self.lock = threading.Lock()
        self.interrupted = False
        self.reset_client = False

    def interrupt(self, *, reset: bool) -> None:
        """Wake the owning thread from a blocking read; it closes (or resets) the client then."""
        with self.lock:
            self.interrupted = True
            self.reset_client = self.reset_client or reset
            # SHUT_RD wakes a blocked recv without sending the client a FIN, so a reset stays a reset.
            # Under the lock, so the owner cannot close a socket (and free its number) meanwhile.
            targets = [(self.client, socket.SHUT_RD if reset else socket.SHUT_RDWR)]
            if self.upstream is not None:
                targets.append((self.upstream, socket.SHUT_RDWR))
            for sock, how in targets:
                with contextlib.suppress(OSError):
                    sock.shutdown(how)


class FaultProxy:
    """``with FaultProxy(host, port, seed, faults=FaultPlan(...)) as proxy: ... proxy.url ...``"""

    def __init__(
        self, upstream_host: str, upstream_port: int, seed: int, faults: FaultPlan | None = None
    ) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.plan = faults or FaultPlan()
        self.record: list[Exchange] = []
        self.forwarded = 0  # exchanges answered with the server's own, untouched response
        self.injected: Counter[str] = Counter()  # faults by kind, latency included
        self.refused = 0  # connections turned away while offline
        self.open_sockets = 0  # every socket the proxy made and has not yet closed
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._online = True
        self._stopping = threading.Event()
        self._connections: dict[int, _Connection] = {}
        self._threads: list[threading.Thread] = []
        self._next_connection = 0
        self._listener = self._track(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._acceptor = threading.Thread(target=self._accept_loop, name="fault-proxy-accept", daemon=True)
        self._acceptor.start()

    # -- public switches -------------------------------------------------------------------------

    @property
    def is_online(self) -> bool:
        return self._online

    def go_offline(self) -> None:
        """Reset every open connection and every new one until ``go_online``. Returns once the open
        ones are reset, so a client's next request already meets an offline proxy."""
        with self._lock:
            self._online = False
            live = list(self._connections.values())
            threads = {t.name: t for t in self._threads}
        for conn in live:
            conn.interrupt(reset=True)
        for conn in live:
            thread = threads.get(f"fault-proxy-conn-{conn.ident}")
            if thread is not None and thread is not threading.current_thread():
                thread.join(timeout=10)

    def go_online(self) -> None:
        with self._lock:
            self._online = True

    def fault_sequence(self) -> list[tuple[str, ...]]:
        with self._lock:
            return [exchange.faults for exchange in self.record]

    def close(self) -> None:
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._wake_writer.send(b"x")
        self._acceptor.join(timeout=10)
        with self._lock:
            live = list(self._connections.values())
            threads = list(self._threads)
        for conn in live:
            conn.interrupt(reset=False)
        for thread in threads:
            thread.join(timeout=10)
        self._wake_reader.close()
        self._wake_writer.close()
        stuck = [t.name for t in [self._acceptor, *threads] if t.is_alive()]
        if stuck:
            raise RuntimeError(f"fault proxy threads did not stop: {stuck}")

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- sockets ---------------------------------------------------------------------------------

    def _track(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self.open_sockets += 1
        return sock

    def _close(self, sock: socket.socket, *, reset: bool = False) -> None:
        if sock.fileno() == -1:
            return
        if reset:
            _reset(sock)
        else:
            sock.close()
        with self._lock:
            self.open_sockets -= 1

    def _accept_loop(self) -> None:
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(self._listener, selectors.EVENT_READ)
                selector.register(self._wake_reader, selectors.EVENT_READ)
                while not self._stopping.is_set():
                    for key, _ in selector.select():
                        if key.fileobj is self._listener and not self._stopping.is_set():
                            self._accept()
        finally:
            self._close(self._listener)

    def _accept(self) -> None:
        client, _ = self._listener.accept()
        self._track(client)
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            if not self._online:
                self.refused += 1
                online = False
            else:
                online = True
                ident = self._next_connection
                self._next_connection += 1
                conn = _Connection(ident, client)
                self._connections[ident] = conn
                thread = threading.Thread(
                    target=self._serve, args=(conn,), name=f"fault-proxy-conn-{ident}", daemon=True
                )
                self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        if not online:
            self._close(client, reset=True)
            return
        thread.start()

    # -- one client connection -------------------------------------------------------------------

    def _serve(self, conn: _Connection) -> None:
        reader = Reader(conn.client)
        try:
            while not conn.interrupted and self._exchange(conn, reader):
                pass
        except (OSError, Broken):
            pass  # either side went away or spoke garbage: the connection ends here
        finally:
            with self._lock:
                self._connections.pop(conn.ident, None)
            with conn.lock:
                if conn.upstream is not None:
                    self._close(conn.upstream)
                    conn.upstream = None
                self._close(conn.client, reset=conn.reset_client)

    def _exchange(self, conn: _Connection, reader: Reader) -> bool:
        """Serve one request; False when the connection has to end."""
        raw_head = reader.head()
        if raw_head is None or conn.interrupted:
            return False  # the client is done, or interrupt() decided how its connection ends
        request = Head.parse(raw_head)
        body, _ = read_body(reader, request, no_body=False)
        exchange, detail = self._decide(conn, request)
        if exchange.latency_ms:
            self._stopping.wait(exchange.latency_ms / 1000)
        fault = next((f for f in exchange.faults if f != "latency"), None)
        if fault == "reset_before":
            return self._finish(conn, exchange, fault, reset=True)
        if fault == "inject_5xx":
            status = 502 if detail < 0.5 else 503
            reason = "Bad Gateway" if status == 502 else "Service Unavailable"
            answer = _plain_response(status, reason, b"injected by the fault proxy\n")
            return self._finish(conn, exchange, fault, send=answer, keep=True)
        if fault == "inject_429":
            seconds = self.plan.retry_after[int(detail * len(self.plan.retry_after))]
            extra = f"Retry-After: {seconds}\r\n"
            answer = _plain_response(429, "Too Many Requests", b"slow down\n", extra)
            return self._finish(conn, exchange, fault, send=answer, keep=True)

        upstream = self._upstream(conn)
        if upstream is None:
            return self._finish(conn, exchange, "upstream_unreachable", reset=True)
        sock, up_reader = upstream
        sock.sendall(raw_head + body)
        response_head = up_reader.head()
        while response_head is not None and is_informational(response_head):
            conn.client.sendall(response_head)  # 100 Continue and friends go straight through
            response_head = up_reader.head()
        if response_head is None:
            return self._finish(conn, exchange, "upstream_closed", reset=True)
        response = Head.parse(response_head)
        status = int(response.start[1])
        exchange.upstream_status = status
        no_body = request.start[0] == "HEAD" or status in (204, 304)
        response_body, close_delimited = read_body(up_reader, response, no_body=no_body)
        # From here on the server has answered: whatever it did for this request is done.
        if fault == "drop_after_commit":
            return self._finish(conn, exchange, fault, reset=True)
        if fault == "truncate":
            if response_body:
                part = response_head + response_body[: int(detail * len(response_body))]
            else:  # nothing to cut in the body: cut the status line so the answer is unreadable
                status_line = response_head.split(b"\r\n", 1)[0]
                part = status_line[: int(detail * len(status_line))]
            return self._finish(conn, exchange, fault, send=part)
        keep = not (
            close_delimited
            or response.has_token("connection", "close")
            or request.has_token("connection", "close")
        )
        return self._finish(conn, exchange, "forwarded", send=response_head + response_body, keep=keep)

    def _decide(self, conn: _Connection, request: Head) -> tuple[Exchange, float]:
        """The faults of the next exchange: always four draws, so exchange n depends on n only."""
        plan = self.plan
        with self._lock:
            u_latency, latency_share, u_fault, detail = (self._rng.random() for _ in range(4))
            faults: list[str] = []
            latency_ms = 0.0
            if u_latency < plan.latency:
                faults.append("latency")
                latency_ms = round(latency_share * plan.latency_max_ms, 3)
            threshold = 0.0
            for kind in TERMINAL_FAULTS:
                threshold += getattr(plan, kind)
                if u_fault < threshold:
                    faults.append(kind)
                    break
            exchange = Exchange(
                index=len(self.record),
                connection=conn.ident,
                method=request.start[0],
                target=request.start[1],
                faults=tuple(faults),
                latency_ms=latency_ms,
            )
            self.record.append(exchange)
            self.injected.update(faults)
        return exchange, detail

    def _finish(
        self,
        conn: _Connection,
        exchange: Exchange,
        outcome: str,
        *,
        send: bytes = b"",
        reset: bool = False,
        keep: bool = False,
    ) -> bool:
        """Record the outcome, then send the client its bytes: once it has them the record is true."""
        exchange.outcome = outcome
        if outcome == "forwarded":
            with self._lock:
                self.forwarded += 1
        if reset:
            conn.reset_client = True
        if send:
            conn.client.sendall(send)
        return keep and not reset

    def _upstream(self, conn: _Connection) -> tuple[socket.socket, Reader] | None:
        """The connection's upstream socket, reopened when the server closed the last one."""
        with conn.lock:
            sock, reader = conn.upstream, conn.upstream_reader
        if sock is not None and reader is not None and not _closed_by_peer(sock, reader):
            return sock, reader
        if sock is not None:
            with conn.lock:
                conn.upstream = None
            self._close(sock)
        try:
            sock = self._track(socket.create_connection(self.upstream, timeout=UPSTREAM_TIMEOUT))
        except OSError:
            return None  # nothing listens there: the client sees its connection reset
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        reader = Reader(sock)
        with conn.lock:
            conn.upstream, conn.upstream_reader = sock, reader
            interrupted = conn.interrupted
        if interrupted:  # closing (or going offline) raced with the connect
            return None
        return sock, reader


def _closed_by_peer(sock: socket.socket, reader: Reader) -> bool:
    """A kept-alive upstream connection the server has since closed (its idle timeout)."""
    if reader.buf:
        return True  # bytes nobody asked for: the connection is out of step, do not reuse it
    sock.setblocking(False)
    try:
        return sock.recv(1, socket.MSG_PEEK) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        sock.settimeout(UPSTREAM_TIMEOUT)
