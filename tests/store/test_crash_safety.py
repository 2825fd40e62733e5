"""kill -9 during grid edits: the store stays sound and no acknowledged edit is lost.

A child process (crash_child.py) edits random cells through TimesheetService.apply and reports
each batch before applying it and again after the commit returned. The parent kills it with SIGKILL
at a random moment, then checks the file with SQLite's quick_check, checks that every reported
edit is there (the in-flight batch may be there entirely or not at all, never in part), and that
every row's outbox records add up to the row. Then the next child edits the same data folder.

CI runs 50 kills; ``pytest --full`` runs 1,000.
"""

from __future__ import annotations

import contextlib
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from coapp.app.context import AppContext
from coapp.store.database import quick_check
from tests.conftest import make_contract

CHILD = Path(__file__).with_name("crash_child.py")
KILLS_CI = 50
KILLS_FULL = 1000
AHEAD = 2  # children importing while another edits: imports dominate the round time

Cell = tuple[str, str]  # (contract id, ISO date)
Content = tuple[int, str]  # (minutes, note)


@dataclass
class Child:
    proc: subprocess.Popen[str]
    stderr: IO[str]
    seen: list[str] = field(default_factory=list)  # lines read before the kill

    def ready(self) -> None:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if line != "ready\n":
            self.proc.wait(timeout=10)
            raise AssertionError(f"child did not start: {line!r}\n{self.errors()}")

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def first_commit(self) -> None:
        """Wait until the child has opened the store and committed its first batch: the kill window
        starts there, so a slow start (a loaded machine) cannot eat it."""
        assert self.proc.stdout is not None
        while True:
            line = self.proc.stdout.readline()
            if not line.endswith("\n"):
                self.proc.wait(timeout=10)
                raise AssertionError(f"child ended before its first commit: {line!r}\n{self.errors()}")
            self.seen.append(line[:-1])
            if line.startswith("C "):
                return

    def kill(self) -> list[str]:
        """SIGKILL, then everything it printed (complete lines only)."""
        assert self.proc.stdout is not None
        self.proc.kill()
        out = self.proc.stdout.read()
        self.proc.wait(timeout=30)
        self.close()
        lines = out.split("\n")
        return self.seen + lines[:-1]  # the text after the last newline is not a whole line

    def errors(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read()

    def close(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


def spawn(data_dir: Path, seed: int, log_dir: Path) -> Child:
    stderr = (log_dir / f"child-{seed}.err").open("w+", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(seed)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        encoding="utf-8",
    )
    return Child(proc, stderr)


@dataclass
class Ledger:
    """What the cells must hold, from the children's reports, and the outbox folded so far."""

    cells: dict[Cell, Content] = field(default_factory=dict)
    outbox_seq: int = 0
    folded: dict[str, dict[str, object]] = field(default_factory=dict)
    committed: int = 0
    in_flight_landed: int = 0
    in_flight_lost: int = 0

    @staticmethod
    def applied(cells: dict[Cell, Content], batch: list[list[object]]) -> dict[Cell, Content]:
        result = dict(cells)
        for contract_id, day, minutes, note in batch:
            key = (str(contract_id), str(day))
            if minutes:
                result[key] = (int(minutes), str(note))  # type: ignore[call-overload]
            else:
                result.pop(key, None)
        return result

    def check_round(self, lines: list[str], db: Path) -> None:
        in_flight: list[list[object]] | None = None
        expected_n: int | None = None
        for line in lines:
            kind, _, rest = line.partition(" ")
            if kind == "T":
                report = json.loads(rest)
                assert in_flight is None, "the child never starts a batch before the last one returned"
                in_flight, expected_n = report["cells"], report["n"]
            elif kind == "C":
                assert in_flight is not None
                assert int(rest) == expected_n
                self.cells = self.applied(self.cells, in_flight)
                self.committed += 1
                in_flight = None
            else:
                raise AssertionError(f"unexpected line from the child: {line!r}")

        problem = quick_check(db)
        assert problem is None, f"integrity check failed after a kill: {problem}"

        actual = read_cells(db)
        if in_flight is None:
            assert actual == self.cells, diff(self.cells, actual)
        else:
            after = self.applied(self.cells, in_flight)
            assert actual in (self.cells, after), (
                f"the batch in flight was applied in part: {in_flight}\n{diff(after, actual)}"
            )
            if actual == after and after != self.cells:
                self.in_flight_landed += 1
            elif after != self.cells:
                self.in_flight_lost += 1
            self.cells = actual
        self.check_outbox(db)

    def check_outbox(self, db: Path) -> None:
        """Every change reached the outbox in its own transaction: the records of each row, folded in
        order, give the row as it is stored."""
        with contextlib.closing(sqlite3.connect(db)) as conn:
            for seq, row_id, op, fields in conn.execute(
                "SELECT seq, row_id, op, fields FROM outbox WHERE entity = 'time_entry' AND seq > ? "
                "ORDER BY seq",
                (self.outbox_seq,),
            ):
                state = self.folded.setdefault(row_id, {})
                state.update(json.loads(fields))
                state["op"] = op
                self.outbox_seq = seq
            rows = conn.execute("SELECT id, minutes, note, deleted_at, dirty FROM time_entries").fetchall()
        assert len(rows) == len(self.folded), "every row has its outbox records and no record is orphaned"
        for row_id, minutes, note, deleted_at, dirty in rows:
            state = self.folded[row_id]
            assert dirty == 1
            assert (state["minutes"], state["note"]) == (minutes, note), row_id
            assert (state["deleted_at"] is None) == (deleted_at is None), row_id
            assert state["op"] == ("delete" if deleted_at is not None else "upsert"), row_id


def read_cells(db: Path) -> dict[Cell, Content]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(
            "SELECT contract_id, work_date, minutes, note FROM time_entries WHERE deleted_at IS NULL"
        ).fetchall()
    return {(c, d): (m, n) for c, d, m, n in rows}


def diff(expected: dict[Cell, Content], actual: dict[Cell, Content]) -> str:
    keys = sorted(set(expected) | set(actual))
    return "\n".join(
        f"{k}: expected {expected.get(k)}, found {actual.get(k)}"
        for k in keys
        if expected.get(k) != actual.get(k)
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL semantics are POSIX")
def test_no_committed_edit_is_lost_when_killed(
    data_dir: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    kills = KILLS_FULL if request.config.getoption("--full") else KILLS_CI
    rng = random.Random(20261126)
    ctx = AppContext.open(data_dir)
    try:
        for title in ("Alpha", "Beta", "Gamma"):
            make_contract(ctx, title)
    finally:
        ctx.close()
    db = data_dir / "coapp.sqlite3"
    logs = tmp_path / "logs"
    logs.mkdir()

    ledger = Ledger()
    waiting: deque[Child] = deque(spawn(data_dir, seed, logs) for seed in range(AHEAD))
    next_seed = AHEAD
    mid_edit = 0  # rounds killed after the child's first commit
    started = time.monotonic()
    try:
        for _ in range(kills):
            child = waiting.popleft()
            child.ready()
            child.go()
            waiting.append(spawn(data_dir, next_seed, logs))
            next_seed += 1
            if rng.random() < 0.15:
                # Now and then while it is still opening the store (integrity check, migrations).
                time.sleep(rng.uniform(0, 0.02))
            else:
                # Mostly mid-edit: the window opens at the child's first commit, not at "go", so the
                # time a loaded machine takes to open the store never eats it.
                child.first_commit()
                mid_edit += 1
                time.sleep(rng.uniform(0, 0.25))
            lines = child.kill()
            if child.proc.returncode != -signal.SIGKILL:
                raise AssertionError(
                    f"the child died on its own ({child.proc.returncode}):\n{child.errors()}"
                )
            child.stderr.close()
            ledger.check_round(lines, db)
    finally:
        for child in waiting:
            child.proc.kill()
            child.proc.wait(timeout=30)
            child.close()
            child.stderr.close()
    elapsed = time.monotonic() - started

    # The test proves something only if kills landed while edits were being made.
    assert mid_edit > kills // 2
    assert ledger.committed >= mid_edit, "children committed edits between kills"
    assert ledger.in_flight_landed + ledger.in_flight_lost > mid_edit // 4, "kills hit edits in flight"
    assert ledger.cells, "cells hold time"
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    print(
        f"\n{kills} kills in {elapsed:.1f} s: {ledger.committed} committed batches, in flight at the kill "
        f"{ledger.in_flight_landed} landed / {ledger.in_flight_lost} did not"
    )
