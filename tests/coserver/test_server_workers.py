"""`coapp-server --workers N`: uvicorn's worker processes share one address, several of them answer,
and SIGTERM stops them all with exit 0. Bad values are one line and exit 2.

Which worker answered is read from the process tree (/proc), not from anything the server exposes:
each loopback connection the test opens is found among the open sockets of one worker process.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coserver.__main__ import main

pytestmark = pytest.mark.skipif(not Path("/proc/self/net/tcp").exists(), reason="reads Linux /proc")


@pytest.mark.parametrize("value", ["0", "-1", "x", "65", ""])
def test_bad_workers_exit_2_with_one_line(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--workers", value, "--port", "0"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("coapp-server: error:")
    assert "--workers" in err
    assert len(err.strip().splitlines()) == 1, err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


def _server_side_inodes(port: int, client_ports: set[int]) -> set[str]:
    """Inodes of the server ends (local port `port`) of the test's connections, from /proc/net/tcp."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local_port = int(fields[1].rsplit(":", 1)[1], 16)
        remote_port = int(fields[2].rsplit(":", 1)[1], 16)
        if local_port == port and remote_port in client_ports:
            inodes.add(fields[9])
    return inodes


@pytest.fixture
def two_workers(db_url: str, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """The server on the test's fresh database (SQLite, and PostgreSQL when configured)."""
    port = _free_port()
    argv = [sys.executable, "-m", "coserver", "--workers", "2", "--db", db_url, "--port", str(port)]
    argv += ["--mailbox", str(tmp_path / "mailbox"), "--log-level", "warning"]
    process = subprocess.Popen(argv, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, process.communicate()[0].decode()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/openapi.json")
                if conn.getresponse().status == 200:
                    conn.close()
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server did not answer within 90 s"
            time.sleep(0.3)
        yield process, port
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_two_workers_answer_on_one_address_and_stop_on_sigterm(
    two_workers: tuple[subprocess.Popen[bytes], int],
) -> None:
    process, port = two_workers
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline:  # both spawned workers up
        workers = [pid for pid in _children(process.pid) if _socket_inodes(pid)]
        time.sleep(0.2)
    answered: set[int] = set()
    while len(answered) < 2 and time.monotonic() < deadline:
        # Many connections at once, each kept open after its answer: the kernel hands the accepts
        # to whichever worker is waiting, so both get some.
        def ask(_: int) -> http.client.HTTPConnection:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", "/openapi.json")
            response = conn.getresponse()
            assert response.status == 200
            response.read()
            return conn

        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            conns = list(pool.map(ask, range(32)))
        client_ports = {conn.sock.getsockname()[1] for conn in conns}
        served = _server_side_inodes(port, client_ports)
        assert served, "no server-side sockets found for the test's connections"
        for pid in _children(process.pid):
            if _socket_inodes(pid) & served:
                answered.add(pid)
        for conn in conns:
            conn.close()
    assert len(answered) >= 2, f"only workers {answered} of {workers} answered"
    assert answered <= set(_children(process.pid))  # the workers are the server's own children

    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output.decode()
    for pid in answered:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


@pytest.mark.parametrize("name", ["COSERVER_POOL_SIZE", "COSERVER_MAX_OVERFLOW"])
@pytest.mark.parametrize("value", ["x", "-1", "1001", "2.5", " 5"])
def test_bad_pool_settings_are_one_line_exit_1(
    name: str, value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(name, value)
    assert main(["--db", "postgresql+psycopg://nobody:x@127.0.0.1:1/none", "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"coapp-server: error: {name} must be")
    assert len(err.strip().splitlines()) == 1, err


def test_pool_settings_size_each_workers_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    from coserver.db import make_engine

    monkeypatch.setenv("COSERVER_POOL_SIZE", "3")
    monkeypatch.setenv("COSERVER_MAX_OVERFLOW", "2")
    engine = make_engine("postgresql+psycopg://nobody:x@127.0.0.1:1/none")  # not connected
    assert (engine.pool.size(), engine.pool._max_overflow) == (3, 2)  # type: ignore[attr-defined]
    engine.dispose()
