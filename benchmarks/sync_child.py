"""Measured process for the sync budget (run by benchmarks/sync_bench.py, one per database backend).

    python benchmarks/sync_child.py --backend sqlite --rows 20000 --edits 1000 --spread 300 ...

Seeds a scratch platform database (benchmarks/sync_data.py), starts the reference server in a
process of its own (benchmarks/sync_server.py) and then, as the app does it (AppContext, its
SyncClient, tokens in memory), measures:

1. pull: a fresh device signs in and runs one round that pulls every row; baseline: the same pages
   with plain requests (benchmarks/sync_plain.py), alternating with the device's rounds;
2. push: the last device edits distinct cells offline, one round pushes them; baseline: the same
   number of ops on other cells as raw batches; then edits spread over fewer cells (coalesced);
3. a round with nothing to do: its requests are counted (the budget is one) and timed.

Prints progress on stderr and one line ``SYNC_RESULT <json>`` on stdout. Exit 1 with a message when
the measurement itself went wrong (rows missing, a push refused, the server did not start).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests
from argon2 import PasswordHasher
from sqlalchemy import func, select

from benchmarks.sync_data import EMAIL, PASSWORD, Cell, scratch_database, seed, versions
from benchmarks.sync_plain import PlainClient, edit_op
from coapp.app.context import AppContext
from coapp.models import Contract, SyncState, TimeEntry
from coapp.services.sheets import CellChange
from coapp.sync.credentials import MemoryTokenStore
from coapp.sync.engine import DEFAULT_PAGE_LIMIT, SyncReport
from coapp.sync.wire import PUSH_BATCH_MAX, ChangesPage

SERVER = Path(__file__).with_name("sync_server.py")
HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # the server's (sync_server.py)


class Failed(Exception):
    """The benchmark could not measure what it set out to (the message says why)."""


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- instrumentation -------------------------------------------------------------------------------

REQUESTS: Counter[str] = Counter()
_original_request = requests.Session.request


def _counting_request(self: requests.Session, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
    # Which requests a round makes (a dict increment per request: nothing next to an HTTP round trip).
    REQUESTS[f"{method} {urlsplit(url).path.removeprefix('/v1')}"] += 1
    return _original_request(self, method, url, *args, **kwargs)


requests.Session.request = _counting_request  # type: ignore[method-assign,assignment]


class Server:
    """The reference server's process: its port, and its CPU time (Linux /proc) to split a round."""

    def __init__(self, db_url: str, folder: Path, timeout: float) -> None:
        self.stderr_path = folder / "server-stderr.txt"
        self._stderr = self.stderr_path.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, str(SERVER), db_url, str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(self.proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(timeout)
        if not line or not line[0].startswith("PORT "):
            self.stop()
            raise Failed(f"the server did not start:\n{self.stderr_path.read_text()[-2000:]}")
        self.url = f"http://127.0.0.1:{int(line[0].split()[1])}"

    def cpu_seconds(self) -> float | None:
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    def stop(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._stderr.close()


@dataclass
class Sample:
    """One timed thing: wall time, this process's CPU time, the server's CPU time, requests made."""

    wall: float
    cpu: float
    server_cpu: float | None
    requests: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {"wall": self.wall, "cpu": self.cpu, "server_cpu": self.server_cpu, "requests": self.requests}


@contextmanager
def timed(server: Server, into: list[Sample]) -> Iterator[None]:
    REQUESTS.clear()
    s0, c0, w0 = server.cpu_seconds(), time.process_time(), time.perf_counter()
    yield
    wall, cpu, s1 = time.perf_counter() - w0, time.process_time() - c0, server.cpu_seconds()
    server_cpu = s1 - s0 if s0 is not None and s1 is not None else None
    into.append(Sample(wall, cpu, server_cpu, dict(REQUESTS)))


# --- the device ------------------------------------------------------------------------------------


class Device:
    """A data folder opened as the app opens it, signed in with tokens in memory."""

    def __init__(self, folder: Path, url: str) -> None:
        self.folder = folder
        self.ctx = AppContext.open(folder, tokens=MemoryTokenStore())
        self.ctx.sync.sign_in(url, EMAIL, PASSWORD)

    def round(self) -> SyncReport:
        return self.ctx.sync.run()

    def live_entries(self) -> int:
        with self.ctx.store.read() as s:
            return (
                s.scalar(select(func.count()).select_from(TimeEntry).where(TimeEntry.deleted_at.is_(None)))
                or 0
            )

    def contracts(self) -> int:
        with self.ctx.store.read() as s:
            return s.scalar(select(func.count()).select_from(Contract)) or 0

    def cursor(self) -> str:
        with self.ctx.store.read() as s:
            return s.get_one(SyncState, 1).cursor or ""

    def edit(self, cell: Cell, minutes: int, note: str) -> None:
        """One edit in the grid: its own local transaction (and outbox record), as a keystroke makes."""
        self.ctx.timesheet.apply([CellChange(cell.contract_id, cell.work_date, minutes, note)])

    def close(self, remove: bool = True) -> None:
        self.ctx.close()
        if remove:
            shutil.rmtree(self.folder, ignore_errors=True)


# --- 1. pull ---------------------------------------------------------------------------------------


def measure_pull(server: Server, plain: PlainClient, work: Path, args: argparse.Namespace, expected: int):  # type: ignore[no-untyped-def]
    client: list[Sample] = []
    baseline: list[Sample] = []
    first: list[Sample] = []
    pulled = []
    plain.pull_all(DEFAULT_PAGE_LIMIT)  # warm-up: the server's caches, the OS page cache
    device: Device | None = None
    for run in range(args.pull_runs + 1):  # run 0 is the process's first round: it pays the imports
        order = ("plain", "device") if run % 2 == 0 else ("device", "plain")
        for kind in order:
            if kind == "plain":
                with timed(server, baseline if run else []):
                    result = plain.pull_all(DEFAULT_PAGE_LIMIT)
                if result.rows != expected:
                    raise Failed(f"the baseline pulled {result.rows} rows, expected {expected}")
                continue
            if device is not None:
                device.close()
            device = Device(work / f"device-{run}", server.url)
            with timed(server, client if run else first):
                report = device.round()
            pulled.append(report.pulled)
            if report.pulled != expected or device.live_entries() != args.rows or device.contracts() != 8:
                raise Failed(
                    f"a fresh device pulled {report.pulled} changes (expected {expected}) and holds "
                    f"{device.live_entries()} entries, {device.contracts()} contracts"
                )
        log(f"   pull run {run}/{args.pull_runs}: device {(client or first)[-1].wall:.2f} s")
    # Parsing the bodies into wire models, as the app's PlatformApi does (coapp.sync.api.parse).
    parse_started = time.perf_counter()
    for response in result.bodies:
        ChangesPage.model_validate_json(response.content)
    parse = time.perf_counter() - parse_started
    assert device is not None
    return device, {
        "client": [s.as_json() for s in client],
        "baseline": [s.as_json() for s in baseline],
        "first": first[0].as_json(),
        "pulled": expected,
        "pages": result.pages,
        "parse_seconds": parse,
        "body_bytes": sum(len(r.content) for r in result.bodies),
    }


# --- 2. push ---------------------------------------------------------------------------------------


def measure_push(
    server: Server,
    plain: PlainClient,
    device: Device,
    db_url: str,
    cells: list[Cell],
    args: argparse.Namespace,
) -> dict[str, Any]:
    client: list[Sample] = []
    baseline: list[Sample] = []
    spread: list[Sample] = []
    edit_seconds: list[float] = []
    spread_edit_seconds: list[float] = []
    reports: list[dict[str, int]] = []
    spread_reports: list[dict[str, int]] = []
    per_run = 2 * args.edits + args.spread
    for run in range(args.push_runs):
        chunk = cells[run * per_run : (run + 1) * per_run]
        theirs, ours, few = chunk[: args.edits], chunk[args.edits : 2 * args.edits], chunk[2 * args.edits :]
        # Baseline: the same number of edit ops, on other cells, sent as raw batches.
        bases = versions(db_url, [c.row_id for c in theirs])
        ops = [edit_op(c.row_id, bases[c.row_id], 165, f"Ändrad i baslinjen {run}") for c in theirs]
        batches = [ops[i : i + PUSH_BATCH_MAX] for i in range(0, len(ops), PUSH_BATCH_MAX)]
        with timed(server, baseline):
            plain.push(batches)
        device.round()  # untimed: take the baseline's edits, so the timed round pulls only its own echo
        # The device: distinct cells, one edit each, offline (no request), then one round.
        started = time.perf_counter()
        for n, cell in enumerate(ours):
            device.edit(cell, 165, f"Ändrad offline {run}.{n}")
        edit_seconds.append(time.perf_counter() - started)
        with timed(server, client):
            report = device.round()
        reports.append({"pushed": report.pushed, "refused": report.refused, "pulled": report.pulled})
        if report.pushed != args.edits or report.refused:
            raise Failed(
                f"the round pushed {report.pushed} and had {report.refused} refused of {args.edits} edits"
            )
        # The same number of edits spread over fewer cells: consecutive edits of a cell coalesce.
        started = time.perf_counter()
        for n in range(args.edits):
            device.edit(few[n % len(few)], 150 + 15 * (n // len(few) % 2), f"Ändrad offline {run}.{n}")
        spread_edit_seconds.append(time.perf_counter() - started)
        with timed(server, spread):
            report = device.round()
        spread_reports.append({"pushed": report.pushed, "refused": report.refused, "pulled": report.pulled})
        if report.pushed != len(few) or report.refused:
            raise Failed(f"the spread round pushed {report.pushed} ops and had {report.refused} refused")
        device_s, baseline_s = client[-1].wall, baseline[-1].wall
        log(f"   push run {run + 1}/{args.push_runs}: device {device_s:.2f} s, baseline {baseline_s:.2f} s")
    return {
        "edits": args.edits,
        "spread_cells": args.spread,
        "client": [s.as_json() for s in client],
        "baseline": [s.as_json() for s in baseline],
        "spread": [s.as_json() for s in spread],
        "edit_seconds": edit_seconds,
        "spread_edit_seconds": spread_edit_seconds,
        "reports": reports,
        "spread_reports": spread_reports,
        "baseline_batches": len(batches),
    }


# --- 3. nothing to do ------------------------------------------------------------------------------


def measure_noop(server: Server, plain: PlainClient, device: Device, rounds: int) -> dict[str, Any]:
    device.round()  # settle: anything left is taken now, so every timed round has nothing to do
    client: list[Sample] = []
    baseline: list[Sample] = []
    counted: list[int] = []
    cursor = device.cursor()
    for _ in range(rounds):
        with timed(server, client):
            report = device.round()
        counted.append(report.requests)
        with timed(server, baseline):
            page = plain.changes(cursor).json()
        if page["changes"] or page["has_more"]:
            raise Failed("the server still had changes for a device that had taken them all")
    return {
        "client": [s.as_json() for s in client],
        "baseline": [s.as_json() for s in baseline],
        "report_requests": counted,
    }


# --- the run ---------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    needed = args.push_runs * (2 * args.edits + args.spread)
    if needed > args.rows or args.spread < 1 or args.edits < args.spread:
        raise Failed(f"--rows {args.rows} is too few for {args.push_runs} push runs of {args.edits} edits")
    work = Path(tempfile.mkdtemp(prefix="coapp-bench-sync-"))
    try:
        with scratch_database(args.backend, work) as db_url:
            log(f"   seeding {args.rows:,} time entries ({args.backend}) ...")
            seeded = seed(db_url, args.rows, HASHER)
            server = Server(db_url, work, args.start_timeout)
            try:
                plain = PlainClient(server.url, EMAIL, PASSWORD)
                expected = args.rows + seeded.contracts
                device, pull = measure_pull(server, plain, work, args, expected)
                try:
                    # The edited cells: a random sample, the same in every run (seeded generator).
                    cells = random.Random(2026).sample(seeded.cells, len(seeded.cells))
                    push = measure_push(server, plain, device, db_url, cells, args)
                    noop = measure_noop(server, plain, device, args.noop)
                finally:
                    device.close()
                plain.close()
            finally:
                server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "backend": args.backend,
        "rows": args.rows,
        "contracts": seeded.contracts,
        "first_day": seeded.first_day.isoformat(),
        "last_day": seeded.last_day.isoformat(),
        "seed_seconds": seeded.seconds,
        "page_limit": DEFAULT_PAGE_LIMIT,
        "pull": pull,
        "push": push,
        "noop": noop,
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="sync_child.py")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--spread", type=int, default=300, help="cells the spread edits go to")
    parser.add_argument("--pull-runs", type=int, default=3)
    parser.add_argument("--push-runs", type=int, default=3)
    parser.add_argument("--noop", type=int, default=20)
    parser.add_argument("--start-timeout", type=float, default=60)
    args = parser.parse_args()
    try:
        result = run(args)
    except Failed as exc:
        print(f"sync benchmark: {exc}", file=sys.stderr)
        return 1
    print("SYNC_RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
