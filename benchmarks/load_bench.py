"""The platform under load (`uv run python -m benchmarks --only load`; ARCHITECTURE.md: 2 processes on one
PostgreSQL, 200 simulated devices: p99 push ≤ 200 ms, 0 errors, converged).

Per configuration (1 server process, then 2 with `coapp-server --workers 2`), on a scratch database
of the PostgreSQL named by COAPP_TEST_POSTGRES_URL (made and dropped here; skipped with a message
when it is not set), loopback only:

1. seed 100 freelancers with a contract each, start the server, sign 200 devices in (4 at a time:
   each sign-in verifies an argon2 hash with the production parameters);
2. the peak, for 2/3 of --load-seconds: every device does a round (pull; then push 1–4 edits, or
   confirm an invoice, or nothing) and pauses a random time of mean 10 s (LoadOptions.pause). Latency
   percentiles per route, errors and the CPU of the server's and the database's processes (/proc)
   come from this phase;
3. the capacity, for the last 1/3: the same devices without pauses; rounds per second there is the
   throughput compared between the configurations;
4. every device pulls to the end, and the invariants are checked on the database (benchmarks
   .load_devices.check_invariants).

The load generator is one Python process of threads on the same machine: on 2 cores it, PostgreSQL
and the server processes share them, which is what limits the 2-process throughput (the report
prints each one's CPU).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from benchmarks.load_devices import (
    Device,
    Stats,
    check_invariants,
    invoices_confirmed,
    make_devices,
    run_in_threads,
    seed,
)

POSTGRES_ENV = "COAPP_TEST_POSTGRES_URL"
P99_PUSH_BUDGET_MS = 200.0
SCALE_BUDGET = 1.5
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class LoadOptions:
    devices: int = 200
    freelancers: int = 100
    seconds: float = 60.0
    # Mean seconds between a device's rounds: a Monday-morning peak where every device syncs every
    # 10 s (the devices sync every few minutes), 20 rounds/s from 200 devices.
    pause: float = 10.0
    processes: tuple[int, ...] = (1, 2)


@dataclass
class Outcome:
    processes: int
    stats: Stats
    peak_seconds: float
    capacity_rounds: int
    capacity_seconds: float
    cpu: dict[str, float]  # percent of one core over the peak
    capacity_cpu: dict[str, float]  # percent of one core while the devices go without pauses
    capacity_per_server: list[float]  # the same, each server process (busiest first)
    capacity_machine: tuple[float, float, float]  # the machine's cores: busy, steal, iowait (%)
    failures: list[str]
    invoices: int
    how: str

    @property
    def rounds_per_server_core(self) -> float:
        """Capacity per core the servers used: what stays flat when processes scale with the CPU
        they are given, whatever the machine leaves them."""
        cores = self.capacity_cpu.get("server", 0.0) / 100
        return self.throughput / cores if cores else 0.0

    @property
    def throughput(self) -> float:
        return self.capacity_rounds / self.capacity_seconds if self.capacity_seconds else 0.0

    def p(self, route: str, q: float) -> float:
        values = sorted(self.stats.latencies.get(route, []))
        if not values:
            return float("nan")
        return 1000 * values[min(len(values) - 1, int(q * len(values)))]


# --- scratch database and server processes ----------------------------------------------------------


def scratch_database(base_url: str) -> tuple[str, str]:
    base = make_url(base_url)
    name = f"coapp_load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False), name


def drop_database(base_url: str, name: str) -> None:
    admin = create_engine(make_url(base_url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def has_workers_option() -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "coserver", "serve", "--help"], capture_output=True, text=True, check=False
    )
    return "--workers" in done.stdout


def start_servers(
    db_url: str, processes: int, folder: Path
) -> tuple[list[subprocess.Popen[bytes]], list[str], str]:
    """`coapp-server --workers N` on one address; without that option, N servers on N ports that the
    load generator takes turns on."""
    if processes == 1 or has_workers_option():
        port = _free_port()
        argv = [sys.executable, "-m", "coserver", "serve", "--db", db_url, "--port", str(port)]
        argv += ["--mailbox", str(folder / "mailbox"), "--log-level", "warning", "--workers", str(processes)]
        servers = [subprocess.Popen(argv, stdin=subprocess.DEVNULL)]
        urls = [f"http://127.0.0.1:{port}"]
        how = f"coapp-server --workers {processes}"
    else:  # pragma: no cover - only before --workers existed
        servers, urls = [], []
        for _ in range(processes):
            port = _free_port()
            argv = [sys.executable, "-m", "coserver", "serve", "--db", db_url, "--port", str(port)]
            argv += ["--mailbox", str(folder / "mailbox"), "--log-level", "warning"]
            servers.append(subprocess.Popen(argv, stdin=subprocess.DEVNULL))
            urls.append(f"http://127.0.0.1:{port}")
        how = f"{processes} coapp-server processes on {processes} ports, round-robin in the load generator"
    deadline = time.monotonic() + 60
    for url in urls:
        while True:
            try:
                if requests.get(url + "/v1/sync/meta", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or any(s.poll() is not None for s in servers):
                stop_servers(servers)
                raise RuntimeError(f"the server at {url} did not start")
            time.sleep(0.2)
    return servers, urls, how


def stop_servers(servers: list[subprocess.Popen[bytes]]) -> None:
    for server in servers:
        server.terminate()
    for server in servers:
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- CPU from /proc -------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = [pid]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid:
            found += _children(int(entry.name))
    return found


def _ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def _database_pids(database: str) -> list[int]:
    """The PostgreSQL backends serving the scratch database (their titles name it)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if title.startswith("postgres:") and f" {database} " in title:
            pids.append(int(entry.name))
    return pids


def cpu_sample(servers: list[subprocess.Popen[bytes]], database: str) -> dict[str, dict[int, int]]:
    server_pids = [p for s in servers for p in _children(s.pid)]
    return {
        "server": {p: _ticks(p) for p in server_pids},
        "database": {p: _ticks(p) for p in _database_pids(database)},
        "load generator": {os.getpid(): _ticks(os.getpid())},
    }


def machine_ticks() -> list[int]:
    """The machine's CPU time by kind (/proc/stat: user nice system idle iowait irq softirq steal)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:9]
    except OSError:
        return []
    return [int(value) for value in fields]


def machine_percent(before: list[int], after: list[int]) -> tuple[float, float, float]:
    """Busy (everything but idle and iowait), steal and iowait, as percent of all the machine's
    cores: whether the cores themselves, a hypervisor or the disk set the limit."""
    if len(before) < 8 or len(after) < 8:
        return (float("nan"),) * 3
    spent = [b - a for a, b in zip(before, after, strict=True)]
    total = sum(spent) or 1
    busy = total - spent[3] - spent[4]
    return 100 * busy / total, 100 * spent[7] / total, 100 * spent[4] / total


def per_process_percent(before: dict[int, int], after: dict[int, int], seconds: float) -> list[float]:
    """Each process's share of one core, busiest first; those that used none (uvicorn's supervisor
    of its workers) left out."""
    shares = [100 * (t - before.get(p, 0)) / TICKS / seconds for p, t in after.items()]
    return sorted((share for share in shares if share >= 1), reverse=True)


def cpu_percent(
    before: dict[str, dict[int, int]], after: dict[str, dict[int, int]], seconds: float
) -> dict[str, float]:
    return {
        what: 100 * sum(t - before[what].get(p, 0) for p, t in pids.items()) / TICKS / seconds
        for what, pids in after.items()
    }


# --- one configuration --------------------------------------------------------------------------------


def run_configuration(base_url: str, processes: int, options: LoadOptions, log: Any = print) -> Outcome:
    db_url, name = scratch_database(base_url)
    folder = Path(tempfile.mkdtemp(prefix="coapp-load-"))
    try:
        freelancers = seed(db_url, options.freelancers)
        servers, urls, how = start_servers(db_url, processes, folder)
        try:
            devices = make_devices(urls, freelancers, options.devices)
            log(f"   {how}: signing {len(devices)} devices in ...")
            run_in_threads(devices, lambda d: d.sign_in() and d.pull(), limit=4)
            signing_in = Stats()  # its own figures: the argon2 sign-ins are not the peak's load
            for device in devices:
                signing_in.merge(device.stats)
                device.stats = Stats()
            peak = options.seconds * 2 / 3
            log(f"   peak for {peak:.0f} s (rounds every {options.pause} s on average) ...")
            stop = threading.Event()
            before = cpu_sample(servers, name)
            began = time.monotonic()
            run_in_threads(devices, lambda d: d.run(began + peak, options.pause, stop))
            peak_seconds = time.monotonic() - began
            cpu = cpu_percent(before, cpu_sample(servers, name), peak_seconds)
            peak_stats = Stats()
            for device in devices:
                peak_stats.merge(device.stats)
                device.stats = Stats()
            capacity = options.seconds - peak
            log(f"   capacity for {capacity:.0f} s (no pauses) ...")
            before = cpu_sample(servers, name)
            machine_before = machine_ticks()
            began = time.monotonic()
            run_in_threads(devices, lambda d: d.run(began + capacity, 0, stop))
            capacity_seconds = time.monotonic() - began
            after = cpu_sample(servers, name)
            capacity_cpu = cpu_percent(before, after, capacity_seconds)
            per_server = per_process_percent(before["server"], after["server"], capacity_seconds)
            machine = machine_percent(machine_before, machine_ticks())
            capacity_stats = Stats()
            for device in devices:
                capacity_stats.merge(device.stats)
                device.stats = Stats()
            log("   every device pulls to the end ...")
            run_in_threads(devices, Device.pull, limit=20)
            for device in devices:
                peak_stats.errors += device.stats.errors
            peak_stats.errors += capacity_stats.errors + signing_in.errors
            peak_stats.latencies["sign-in"] = signing_in.latencies.get("sign-in", [])
            failures = check_invariants(db_url, devices)
            invoices = invoices_confirmed(db_url)
        finally:
            stop_servers(servers)
        return Outcome(
            processes,
            peak_stats,
            peak_seconds,
            capacity_stats.rounds,
            capacity_seconds,
            cpu,
            capacity_cpu,
            per_server,
            machine,
            failures,
            invoices,
            how,
        )
    finally:
        drop_database(base_url, name)


# --- the section --------------------------------------------------------------------------------------


def _report(outcome: Outcome) -> None:
    stats = outcome.stats
    requests_done = sum(len(v) for route, v in stats.latencies.items() if route != "sign-in")
    print(f"  {outcome.processes} process(es) — {outcome.how}")
    print(
        f"    peak: {stats.rounds} rounds in {outcome.peak_seconds:.1f} s "
        f"({stats.rounds / outcome.peak_seconds:.1f} rounds/s, {requests_done / outcome.peak_seconds:.1f} "
        f"requests/s), {outcome.invoices} invoices confirmed in the run"
    )
    for route in ("sign-in", "pull", "push", "confirm"):
        values = stats.latencies.get(route, [])
        if values:
            print(
                f"      {route:8s} n={len(values):6d}  p50 {outcome.p(route, 0.50):7.1f} ms  "
                f"p95 {outcome.p(route, 0.95):7.1f} ms  p99 {outcome.p(route, 0.99):7.1f} ms"
            )
    print(f"    capacity (no pauses): {outcome.throughput:.1f} rounds/s")
    cpu = ", ".join(f"{what} {pct:.0f} %" for what, pct in outcome.cpu.items())
    print(f"    CPU during the peak (100 % = one core): {cpu}")
    cpu = ", ".join(f"{what} {pct:.0f} %" for what, pct in outcome.capacity_cpu.items())
    print(f"    CPU at capacity: {cpu}; {outcome.rounds_per_server_core:.1f} rounds per server core-second")
    shares = ", ".join(f"{share:.0f} %" for share in outcome.capacity_per_server)
    print(f"    each server process at capacity: {shares}")
    busy, steal, iowait = outcome.capacity_machine
    print(
        f"    the machine at capacity: {busy:.0f} % of its cores busy (steal {steal:.0f} %), "
        f"iowait {iowait:.0f} %"
    )
    refusals = ", ".join(f"{k} ×{n}" for k, n in stats.refusals.most_common(6)) or "none"
    print(f"    refusals (answers, not errors): {refusals}")
    print(f"    errors: {len(stats.errors)}" + (f" (first: {stats.errors[0]})" if stats.errors else ""))
    print(f"    invariants: {'all hold' if not outcome.failures else '; '.join(outcome.failures)}")


def load_section(options: LoadOptions, log: Any = print) -> list[str] | None:
    """Run every configuration and print the figures; the budgets missed (None: skipped)."""
    print()
    print("11. The platform under load (PostgreSQL, simulated devices; benchmarks/load_bench.py)")
    base_url = os.environ.get(POSTGRES_ENV)
    if not base_url:
        print(f"  skipped: set {POSTGRES_ENV} to a PostgreSQL the benchmark may create databases on")
        return None
    print(
        f"  {options.devices} devices of {options.freelancers} freelancers, {options.seconds:.0f} s per "
        f"configuration, {os.cpu_count()} cores shared by the load generator, PostgreSQL and the servers"
    )
    outcomes = [run_configuration(base_url, n, options, log) for n in options.processes]
    for outcome in outcomes:
        _report(outcome)
    overs: list[str] = []
    for outcome in outcomes:
        if outcome.failures:
            overs.append(f"invariants with {outcome.processes} process(es)")
        if outcome.processes >= 2:
            if outcome.stats.errors:
                overs.append(f"{len(outcome.stats.errors)} errors with {outcome.processes} processes")
            if not outcome.p("push", 0.99) <= P99_PUSH_BUDGET_MS:
                overs.append(f"p99 push {outcome.p('push', 0.99):.0f} ms > {P99_PUSH_BUDGET_MS:.0f} ms")
    single = next((o for o in outcomes if o.processes == 1), None)
    for outcome in outcomes:
        if single is None or outcome.processes < 2 or not single.throughput:
            continue
        ratio = outcome.throughput / single.throughput
        cores = os.cpu_count() or 1
        enforced = cores >= 2 * outcome.processes
        print(
            f"  throughput with {outcome.processes} processes: {ratio:.2f} × with 1 "
            f"(budget ≥ {SCALE_BUDGET} ×"
            + ("" if enforced else f"; not enforced on {cores} cores, where the load generator and")
            + ("" if enforced else " PostgreSQL take their share of the same cores: see the CPU lines)")
        )
        if enforced and ratio < SCALE_BUDGET:
            overs.append(f"throughput with {outcome.processes} processes only {ratio:.2f} × with 1")
    return overs


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.load_bench [SECONDS]`: the section alone."""
    args = argv if argv is not None else sys.argv[1:]
    options = LoadOptions(seconds=float(args[0])) if args else LoadOptions()
    if not options.seconds >= 3:
        print("benchmarks: error: --load-seconds must be at least 3", file=sys.stderr)
        return 2
    overs = load_section(options, log=lambda t: print(t, file=sys.stderr, flush=True))
    if overs is None:
        print("RESULT: skipped (no PostgreSQL)")
        return 0
    print("RESULT: " + ("OVER BUDGET: " + "; ".join(overs) if overs else "every load budget is met"))
    return 1 if overs else 0


if __name__ == "__main__":
    sys.exit(main())
