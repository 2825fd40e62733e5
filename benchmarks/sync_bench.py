"""Section 5 of the benchmarks: sync with the reference server on loopback (ARCHITECTURE.md: pull
20,000 changed rows ≤ 5 s and ≤ 2 × plain HTTP of the same pages; a sync with nothing to do is one
request).

One fresh process per database backend (benchmarks/sync_child.py) seeds a scratch platform database,
starts the reference server in a process of its own and measures the app's own sync round against
plain ``requests`` doing the same HTTP work. SQLite always; PostgreSQL too when
COAPP_TEST_POSTGRES_URL names a server (a scratch database is created on it and dropped after).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PULL_BUDGET_SECONDS = 5.0
PULL_BUDGET_ROWS = 20_000
PULL_BUDGET_RATIO = 2.0  # ARCHITECTURE.md: and ≤ 2 × plain HTTP of the same pages
NOOP_BUDGET_REQUESTS = 1
CHILD = Path(__file__).with_name("sync_child.py")
POSTGRES_ENV = "COAPP_TEST_POSTGRES_URL"


@dataclass(frozen=True)
class SyncSizes:
    rows: int
    edits: int
    spread: int  # cells the spread edits go to
    pull_runs: int
    push_runs: int
    noop: int

    def argv(self) -> list[str]:
        return [
            f"--rows={self.rows}",
            f"--edits={self.edits}",
            f"--spread={self.spread}",
            f"--pull-runs={self.pull_runs}",
            f"--push-runs={self.push_runs}",
            f"--noop={self.noop}",
        ]


FULL = SyncSizes(rows=20_000, edits=1000, spread=300, pull_runs=3, push_runs=3, noop=20)
QUICK = SyncSizes(rows=2000, edits=200, spread=60, pull_runs=2, push_runs=2, noop=10)


def backends() -> list[str]:
    return ["sqlite"] + (["postgresql"] if os.environ.get(POSTGRES_ENV) else [])


def run_child(backend: str, sizes: SyncSizes, timeout: float, env: dict[str, str], log) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    log(f"   measuring sync on {backend} ({sizes.rows:,} rows) ...")
    done = subprocess.run(
        [sys.executable, str(CHILD), f"--backend={backend}", *sizes.argv()],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("SYNC_RESULT ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"the sync benchmark on {backend} failed (exit code {done.returncode}):\n{done.stderr[-3000:]}"
        )
    result: dict[str, Any] = json.loads(lines[-1][len("SYNC_RESULT ") :])
    return result


# --- printing ------------------------------------------------------------------------------------


def _median(samples: list[dict[str, Any]], key: str = "wall") -> float:
    values = [s[key] for s in samples if s[key] is not None]
    return statistics.median(values) if values else float("nan")


def _spread(samples: list[dict[str, Any]]) -> str:
    walls = [s["wall"] for s in samples]
    return f"min {min(walls):.2f}, max {max(walls):.2f}"


def _requests(sample: dict[str, Any]) -> str:
    counts: dict[str, int] = sample["requests"]
    total = sum(counts.values())
    parts = ", ".join(f"{n} {what.split()[-1].rsplit('/', 1)[-1]}" for what, n in counts.items())
    return f"{total} requests ({parts})"


def _split(samples: list[dict[str, Any]]) -> str:
    """CPU of this process and of the server's, the rest is waiting (fsync, scheduling on a busy box)."""
    wall, cpu, server = _median(samples), _median(samples, "cpu"), _median(samples, "server_cpu")
    if server != server:  # NaN: no /proc
        return f"client CPU {cpu:.2f} s"
    return f"client CPU {cpu:.2f} s, server CPU {server:.2f} s, other {max(0.0, wall - cpu - server):.2f} s"


def print_backend(result: dict[str, Any], sizes: SyncSizes) -> list[str]:
    overs: list[str] = []
    pull, push, noop = result["pull"], result["push"], result["noop"]
    backend = result["backend"]
    print(
        f"   [{backend}] {result['rows']:,} time entries + {result['contracts']} contracts of one "
        f"freelancer, every weekday {result['first_day']} … {result['last_day']} "
        f"(seeded in {result['seed_seconds']:.1f} s); client peak RSS {result['maxrss_kb'] / 1024:.0f} MiB"
    )
    budget = PULL_BUDGET_SECONDS * result["rows"] / PULL_BUDGET_ROWS
    scaled = "" if result["rows"] == PULL_BUDGET_ROWS else f" (5 s scaled to {result['rows']:,} rows)"
    wall = _median(pull["client"])
    ok = wall <= budget
    print(
        f"   pull {pull['pulled']:,} rows, fresh device, one round, median of {len(pull['client'])}: "
        f"{wall:6.2f} s ({_spread(pull['client'])})   budget ≤ {budget:.2f} s{scaled}   "
        f"{'ok' if ok else 'OVER'}"
    )
    print(
        f"      {_requests(pull['client'][-1])}, page size {result['page_limit']}; {_split(pull['client'])}"
    )
    base = _median(pull["baseline"])
    ratio = wall / base if base > 0 else float("inf")
    within = ratio <= PULL_BUDGET_RATIO
    print(
        f"      baseline, the same {pull['pages']} pages with plain requests (no apply): {base:6.2f} s "
        f"({pull['body_bytes'] / 1e6:.1f} MB of JSON; {_split(pull['baseline'])})   "
        f"pull {ratio:.2f} × baseline   budget ≤ {PULL_BUDGET_RATIO:.0f} ×   {'ok' if within else 'OVER'}"
    )
    print(
        f"      → the client's own work {max(0.0, wall - base):.2f} s, of which parsing the pages into "
        f"wire models {pull['parse_seconds']:.2f} s; first round of the process (imports) "
        f"{pull['first']['wall']:.2f} s"
    )
    if not ok:
        overs.append(
            f"sync pull of {pull['pulled']:,} rows {wall:.2f} s on {backend} (budget ≤ {budget:.2f} s)"
        )
    if not within:
        overs.append(
            f"sync pull of {pull['pulled']:,} rows {wall:.2f} s on {backend} is {ratio:.2f} × plain HTTP "
            f"of the same pages ({base:.2f} s; budget ≤ {PULL_BUDGET_RATIO:.0f} ×)"
        )

    edits = push["edits"]
    wall = _median(push["client"])
    report = push["reports"][-1]
    print(
        f"   push {edits:,} offline edits of {edits:,} distinct cells, one round, median of "
        f"{len(push['client'])}: {wall:6.2f} s ({_spread(push['client'])})   (no budget)"
    )
    print(
        f"      {_requests(push['client'][-1])}: pushed {report['pushed']:,} ops, pulled back "
        f"{report['pulled']:,}; {_split(push['client'])}"
    )
    print(
        f"      baseline, {edits:,} edit ops as {push['baseline_batches']} raw batches with plain requests: "
        f"{_median(push['baseline']):6.2f} s ({_split(push['baseline'])})"
    )
    print(
        f"      (making the {edits:,} edits offline, one local transaction each: "
        f"{statistics.median(push['edit_seconds']):.2f} s, not part of the round)"
    )
    spread = push["spread_reports"][-1]
    print(
        f"   push {edits:,} offline edits over {push['spread_cells']} cells (coalesced to "
        f"{spread['pushed']} ops), median of {len(push['spread'])}: {_median(push['spread']):6.2f} s, "
        f"{_requests(push['spread'][-1])}"
    )

    counts = noop["report_requests"]
    wall_ms = _median(noop["client"]) * 1000
    ok = all(n == NOOP_BUDGET_REQUESTS for n in counts)
    print(
        f"   a round with nothing to do, median of {len(counts)}: {wall_ms:6.1f} ms, "
        f"{max(counts)} request{'s' if max(counts) > 1 else ''} at most ({_requests(noop['client'][-1])})"
        f"   budget {NOOP_BUDGET_REQUESTS} request   {'ok' if ok else 'OVER'}"
    )
    print(f"      baseline, one plain GET of the change feed: {_median(noop['baseline']) * 1000:6.1f} ms")
    if not ok:
        overs.append(f"a sync with nothing to do made {sorted(set(counts))} requests on {backend} (budget 1)")
    return overs


def sync_section(quick: bool, timeout: float, env: dict[str, str], log) -> list[str]:  # type: ignore[no-untyped-def]
    sizes = QUICK if quick else FULL
    print()
    print(
        "5. Sync with the reference server on loopback (server in its own process; the app's AppContext "
        "and SyncClient, tokens in memory)"
    )
    overs: list[str] = []
    for backend in backends():
        overs += print_backend(run_child(backend, sizes, timeout, env, log), sizes)
    return overs
