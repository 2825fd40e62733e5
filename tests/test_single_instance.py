"""One writer per data folder, across real processes: a second window launch brings the first
forward and exits 0; a CLI verb that changes data waits for the holder or says clearly who holds
the folder, and never changes anything then; readers run beside the window."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coapp.__main__ import main
from coapp.store.data_lock import DataFolderLock, holder_of
from coapp.store.sqlite_uri import read_only_uri

START_S = 60  # a cold start of the window on a shared, busy machine


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COAPP_DATA_DIR=str(data_dir))
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def _launch(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "coapp", "--data-dir", str(data_dir)],
        env=_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_window(data_dir: Path, process: subprocess.Popen[str]) -> None:
    """Until the process holds the folder as a window and its first paint has opened the store."""
    deadline = time.monotonic() + START_S
    log = data_dir / "logs" / "coapp.log"
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        if holder_of(data_dir) == f"window {process.pid}" and log.exists():
            time.sleep(0.5)  # listening follows the lock within a few milliseconds
            return
        time.sleep(0.1)
    pytest.fail("the window did not start")


@pytest.fixture
def first_window(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    data_dir.mkdir(parents=True, exist_ok=True)
    process = _launch(data_dir)
    try:
        _wait_for_window(data_dir, process)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def _contract_count(data_dir: Path) -> int:
    db = sqlite3.connect(read_only_uri(data_dir / "coapp.sqlite3"), uri=True)
    try:
        return int(db.execute("SELECT count(*) FROM contracts").fetchone()[0])
    finally:
        db.close()


def _log_text(data_dir: Path) -> str:
    return (data_dir / "logs" / "coapp.log").read_text(encoding="utf-8")


def test_a_second_launch_brings_the_first_window_forward_and_exits_0(
    data_dir: Path, first_window: subprocess.Popen[str]
) -> None:
    second = subprocess.run(
        [sys.executable, "-m", "coapp", "--data-dir", str(data_dir)],
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=START_S,
    )
    assert second.returncode == 0, second.stderr
    assert "the window comes forward" in _log_text(data_dir)
    assert first_window.poll() is None  # the first window still runs, still holds the folder
    assert holder_of(data_dir) == f"window {first_window.pid}"


def test_a_window_starts_after_a_crash_left_its_socket_and_lock_file(
    data_dir: Path, first_window: subprocess.Popen[str]
) -> None:
    first_window.send_signal(signal.SIGKILL)
    first_window.wait()
    second = _launch(data_dir)
    try:
        _wait_for_window(data_dir, second)  # it became the window (did not hand over to a dead one)
        assert holder_of(data_dir) == f"window {second.pid}"
    finally:
        second.kill()
        second.communicate()


def test_a_cli_write_beside_the_window_is_refused_clearly_and_changes_nothing(
    data_dir: Path, first_window: subprocess.Popen[str]
) -> None:
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "coapp", "contracts", "add", "--help"],
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=START_S,
    )
    assert run.returncode == 0  # --help never waits
    write = subprocess.run(
        [sys.executable, "-m", "coapp", "demo", "--today", "2026-11-25"],
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=START_S,
    )
    assert write.returncode == 2
    lines = write.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "coapp's window has this data folder open" in lines[0]
    assert "Nothing was changed" in lines[0]
    assert time.monotonic() - started >= 3  # it waited for the window first
    read = subprocess.run(
        [sys.executable, "-m", "coapp", "contracts", "list"],
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=START_S,
    )
    assert read.returncode == 0, read.stderr  # readers run beside the window
    assert _contract_count(data_dir) == 0


def test_a_cli_write_waits_for_a_short_holder_then_succeeds(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from coapp.store.data_lock import DataFolderLock;"
            "lock = DataFolderLock(Path(sys.argv[1])); assert lock.acquire('command');"
            "print('held', flush=True); time.sleep(1.0); lock.release()",
            str(data_dir),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    code = main(["demo", "--today", "2026-11-25"])
    waited = time.monotonic() - started
    holder.communicate()
    out = capsys.readouterr()
    assert code == 0, out.err
    assert waited >= 0.5  # it waited for the holder rather than writing beside it
    assert _contract_count(data_dir) > 0


def test_another_command_holding_the_folder_is_named(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    with DataFolderLock(data_dir) as lock:
        assert lock.acquire("command")
        started = time.monotonic()
        code = main(["demo"])
        waited = time.monotonic() - started
    err = capsys.readouterr().err
    assert code == 2
    assert "another coapp command is changing this data folder" in err
    assert waited >= 3
    assert not (data_dir / "coapp.sqlite3").exists()  # refused before the store was even opened


def test_the_lock_is_free_again_after_its_holder_releases(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    first, second = DataFolderLock(data_dir), DataFolderLock(data_dir)
    assert first.acquire("window")
    assert not second.acquire("command", wait_s=0.2)
    assert holder_of(data_dir) == f"window {os.getpid()}"
    first.release()
    assert second.acquire("command")
    assert holder_of(data_dir) == f"command {os.getpid()}"
    second.release()
