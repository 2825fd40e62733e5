"""Running the measured child processes (benchmarks/child.py): environment, timeouts, reports."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "child.py"
FIRST_PAINT_MARK = "benchmark: first paint"  # child.py writes it to stderr at the first paint


PYCACHE = Path(tempfile.gettempdir()) / "coapp-benchmarks" / "pycache"


def child_env() -> dict[str, str]:
    """The children's environment: offscreen Qt, and a bytecode cache even where the environment
    turns it off (PYTHONDONTWRITEBYTECODE), kept out of the source tree and the venv. An installed
    app always has its .pyc files; compiling every module from source on each start would add
    seconds that no user sees. The warm-up runs fill the cache."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def _hint(stderr: str) -> str:
    if "none_dealloc" in stderr:
        return (
            "\n    (None was freed: references to None were dropped until none were left. Known cause: "
            "PySide6 6.12 drops a reference to None on every call of a C++ method that returns nothing "
            "(void) or an empty QVariant; Python ≥ 3.12 makes None immortal, 3.11 crashes. "
            "See benchmarks/README.md.)"
        )
    return ""


class BenchmarkError(Exception):
    """The benchmark could not measure (a child failed or timed out); the message says what."""


@dataclass
class ChildResult:
    spawned: float  # time.monotonic() just before the spawn
    reports: dict[str, tuple[float, dict[str, str]]]  # phase: (time the BENCH line arrived, fields)
    stderr: str

    def fields(self, phase: str = "result") -> dict[str, str]:
        return self.reports[phase][1]

    def ms(self, phase: str) -> float:
        """Milliseconds from spawning the child to its *phase* report arriving."""
        return (self.reports[phase][0] - self.spawned) * 1000


def _tail(text: str, lines: int = 25) -> str:
    rows = [
        r
        for r in text.strip().splitlines()
        if "propagateSizeHints" not in r and not r.startswith(FIRST_PAINT_MARK)
    ]
    return "\n".join("    " + r for r in rows[-lines:]) or "    (nothing on stderr)"


def _pump(stream, into: queue.Queue, stamp: bool) -> None:  # type: ignore[no-untyped-def,type-arg]
    for line in stream:
        into.put((time.monotonic() if stamp else 0.0, line))
    into.put((0.0, None))


def run_child(args: list[str], what: str, timeout: float, python_flags: tuple[str, ...] = ()) -> ChildResult:
    """Spawn child.py with *args*, wait for its BENCH line; raise BenchmarkError with the reason."""
    command = [sys.executable, *python_flags, str(CHILD), *args]
    out: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    err: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    spawned = time.monotonic()
    try:
        proc = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="replace",
            cwd=ROOT,
            env=child_env(),
        )
    except OSError as exc:
        raise BenchmarkError(f"{what}: cannot start {command[0]}: {exc}") from exc
    threads = [
        threading.Thread(target=_pump, args=(proc.stdout, out, True), daemon=True),
        threading.Thread(target=_pump, args=(proc.stderr, err, False), daemon=True),
    ]
    for t in threads:
        t.start()
    deadline = spawned + timeout
    reports: dict[str, tuple[float, dict[str, str]]] = {}
    other: list[str] = []
    try:
        while True:
            try:
                arrived, line = out.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise BenchmarkError(
                    f"{what}: not done within {timeout:g} s; the child was killed"
                    + (f" (it had reported: {', '.join(reports)})" if reports else "")
                ) from None
            if line is None:
                break
            if line.startswith("BENCH "):
                fields = dict(item.split("=", 1) for item in line[len("BENCH ") :].split())
                reports[fields.get("phase", "result")] = (arrived, fields)
            else:
                other.append(line)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            raise BenchmarkError(
                f"{what}: the child closed its output but did not exit; it was killed"
            ) from None
    except BenchmarkError as exc:
        proc.kill()
        proc.wait()
        for t in threads:
            t.join(timeout=2)
        raise BenchmarkError(f"{exc}\n{_tail(_drain(err))}") from None
    for t in threads:
        t.join(timeout=5)
    stderr = _drain(err)
    if not reports or proc.returncode != 0:
        detail = "".join(other).strip()
        raise BenchmarkError(
            f"{what}: the child failed (exit code {proc.returncode})"
            + (f"\n    stdout: {detail[-500:]}" if detail else "")
            + f"\n{_tail(stderr)}"
            + _hint(stderr)
        )
    return ChildResult(spawned, reports, stderr)


def _drain(q: queue.Queue) -> str:  # type: ignore[type-arg]
    parts = []
    while True:
        try:
            _, line = q.get_nowait()
        except queue.Empty:
            return "".join(parts)
        if line is not None:
            parts.append(line)


def run_passthrough(args: list[str], what: str, timeout: float, python_flags: tuple[str, ...] = ()) -> str:
    """Run child.py and return its stdout (or, with python -X importtime, its stderr)."""
    command = [sys.executable, *python_flags, str(CHILD), *args]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            env=child_env(),
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchmarkError(f"{what}: no result within {timeout:g} s; the child was killed") from exc
    if done.returncode != 0:
        raise BenchmarkError(
            f"{what}: the child failed (exit code {done.returncode})\n"
            + _tail(done.stderr)
            + _hint(done.stderr)
        )
    return done.stderr if "importtime" in " ".join(python_flags) else done.stdout


# --- 1. start-up -------------------------------------------------------------------------
