"""Measure coapp against its budgets (ARCHITECTURE.md, "Budgets"), on this machine, in one run.

    uv run python -m benchmarks            # or: uv run python benchmarks/run.py
    uv run python -m benchmarks --quick    # fewer samples, for a quick look
    uv run python -m benchmarks --explain  # also: import times and profiles of what is slow

1. Start-up to the first painted main window, each sample a fresh process: the parent takes the
   time from spawning the child until the child reports that the window's first frame is painted
   (interpreter start, imports, opening the store, this week's grid, show, paint). Baseline: a
   bare PySide6 QMainWindow with a QTabWidget of six tabs, measured the same way; the runs
   alternate. Peak memory is each child's own ru_maxrss at that moment.
2. Switching the grid to another week: one process, the real window shown offscreen on the
   10-year data set, random weeks; each sample is ``show_week`` plus processing events until the
   grid has repainted.
3. Which heavy modules are already imported at the first paint.
4. Confirming an invoice and writing its PDF (benchmarks/invoicing.py).
5. Sync with the reference server on loopback: pull, push, a round with nothing to do
   (benchmarks/sync_bench.py; its child gets 5 × --timeout).
6. My Profile with 50 jobs and 200 skills, and its resume PDF (benchmarks/profile_bench.py).
7. Matching: ranking 10,000 assignments, NDCG@10 on the labelled set (benchmarks/matching_bench.py).
8. Search while typing in 10,000 assignments: each keystroke's FTS5 prefix query and the hits in the
   match's order, as the assignments screen asks (benchmarks/search_bench.py).
9. Scrolling 10,000 assignments in the Assignments screen, frame by frame, beside a plain QListView
   (benchmarks/scroll_bench.py; its child gets 3 × --timeout).
10. Opening Insights on the 10-year data set with invoices, warm and cold, beside a bare QWidget
   painting as many bars with QPainter (benchmarks/insights_bench.py).
11. Only with --only load (it needs COAPP_TEST_POSTGRES_URL and about 3 minutes): the platform under
   load, 200 simulated devices against 1 and 2 server processes (benchmarks/load_bench.py).

Exit codes: 0 every budget met, 1 a budget exceeded (the lines marked OVER say which), 2 bad
arguments, 3 the benchmark itself failed (a child crashed or timed out; the message says which).
Runs under QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bundle_bench import bundle_section
from benchmarks.children import (
    CHILD,
    BenchmarkError,
    ChildResult,
    child_env,
    run_child,
)
from benchmarks.dataset import Dataset, ensure_dataset, working_copy
from benchmarks.explain_bench import explain
from benchmarks.insights_bench import insights_section
from benchmarks.invoicing import invoice_section
from benchmarks.load_bench import main as load_main
from benchmarks.matching_bench import matching_section
from benchmarks.profile_bench import profile_section
from benchmarks.scroll_bench import scroll_section
from benchmarks.search_bench import search_section
from benchmarks.sync_bench import sync_section

os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parent.parent

STARTUP_RATIO_BUDGET = 2.5
MEMORY_RATIO_BUDGET = 2.0
SWITCH_MEDIAN_BUDGET_MS = 5.0
STALL_BUDGET_MS = 100.0  # the longest stall of the event loop after the first paint, while the store opens
NONE_LEAK_PER_SWITCH = 5  # references to None lost per week switch that count as a leak, not noise
HEAVY = ("fpdf", "requests", "keyring", "pydantic", "babel", "alembic")

EXIT_OK, EXIT_OVER_BUDGET, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


@dataclass
class StartupSamples:
    paint_ms: list[float] = field(default_factory=list)  # spawn → first frame painted
    ready_ms: list[float] = field(default_factory=list)  # spawn → store open, grid on live data
    rss_kb: list[int] = field(default_factory=list)  # peak RSS at the first paint
    ready_rss_kb: list[int] = field(default_factory=list)  # peak RSS once the store is open
    stall_ms: list[float] = field(default_factory=list)  # longest event-loop stall, first paint → open
    stalls: list[str] = field(default_factory=list)  # each sample's longest stalls, "575,288,12"
    settle_stall_ms: list[float] = field(default_factory=list)  # the same in the 0.5 s after that
    phases: dict[str, list[float]] = field(default_factory=dict)
    last: ChildResult | None = None


PHASES = (  # (label, from stamp, to stamp); "spawn" is the parent's own time
    ("python", "spawn", "t_start"),
    ("import Qt", "t_start", "t_qt"),
    ("import coapp.app", "t_qt", "t_imports"),
    ("build+show", "t_imports", "t_shown"),
    ("first frame", "t_shown", "t_paint"),
    ("then store open", "t_paint", "t_ready"),
)


def _add_sample(samples: StartupSamples, result: ChildResult) -> None:
    if "paint" not in result.reports:
        raise BenchmarkError(
            f"start-up: the child reported {', '.join(result.reports)} but not its first paint"
        )
    paint = result.fields("paint")
    ready_phase = "ready" if "ready" in result.reports else "paint"
    ready = result.fields(ready_phase)
    samples.paint_ms.append(result.ms("paint"))
    samples.ready_ms.append(result.ms(ready_phase))
    samples.rss_kb.append(int(paint["maxrss_kb"]))
    samples.ready_rss_kb.append(int(ready["maxrss_kb"]))
    if "stall_ms" in ready:
        samples.stall_ms.append(float(ready["stall_ms"]))
        samples.stalls.append(ready["stalls_ms"])
    if "settled" in result.reports:
        samples.settle_stall_ms.append(float(result.fields("settled")["stall_ms"]))
    samples.last = result
    stamps = {key: float(paint[key]) for key in ("t_start", "t_qt", "t_imports", "t_shown", "t_paint")}
    stamps["t_ready"] = float(ready.get("t_ready", paint["t_paint"]))
    stamps["spawn"] = result.spawned
    arrived = result.reports["paint"][0]
    if not stamps["spawn"] <= stamps["t_start"] <= stamps["t_paint"] <= arrived + 0.005:
        return  # the clocks of parent and child do not line up on this system: no phases
    for label, start, end in PHASES:
        samples.phases.setdefault(label, []).append((stamps[end] - stamps[start]) * 1000)


def measure_startup(
    data_dir: Path, runs: int, warmup: int, timeout: float, log
) -> tuple[StartupSamples, StartupSamples]:  # type: ignore[no-untyped-def]
    baseline, app = StartupSamples(), StartupSamples()
    kinds = {"baseline": baseline, "app": app}
    for i in range(warmup):  # pyc files, the OS file cache, fontconfig, the app's daily backup
        for kind in kinds:
            run_child(["startup", kind, str(data_dir)], f"start-up warm-up {i + 1} ({kind})", timeout)
    for i in range(runs):
        order = ("baseline", "app") if i % 2 == 0 else ("app", "baseline")
        for kind in order:
            result = run_child(["startup", kind, str(data_dir)], f"start-up run {i + 1} ({kind})", timeout)
            _add_sample(kinds[kind], result)
        log(
            f"   run {i + 1}/{runs}: baseline {baseline.paint_ms[-1]:.0f} ms, "
            f"coapp {app.paint_ms[-1]:.0f} ms",
            progress=True,
        )
    assert app.last is not None
    for phase in ("paint", "ready"):
        if phase in app.last.reports and int(app.last.fields(phase)["rows"]) < 2:
            rows = app.last.fields(phase)["rows"]
            raise BenchmarkError(
                f"start-up: at the {phase} the grid had {rows} rows; expected this week's 8 contracts "
                "and the totals row (is the data set right?)"
            )
    return baseline, app


# --- 2. week switch ----------------------------------------------------------------------


def measure_switch(dataset: Dataset, data_dir: Path, switches: int, warmup: int, seed: int, timeout: float):  # type: ignore[no-untyped-def]
    result = run_child(
        ["switch", str(data_dir), dataset.first_monday.isoformat(), str(switches), str(warmup), str(seed)],
        "week switch",
        timeout,
    )
    times = [float(t) for t in result.fields()["times_ms"].split(",")]
    return times, result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


# --- the command -------------------------------------------------------------------------


def _versions() -> str:
    def v(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "?"

    qt = v("PySide6-Essentials") if v("PySide6-Essentials") != "?" else v("PySide6")
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, PySide6 {qt}, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}"
    )


def _code_under_test() -> str:
    """Where the children import coapp from (they run with benchmarks/ as their first path)."""
    try:
        origin = subprocess.run(
            [sys.executable, "-c", "import importlib.util as u; print(u.find_spec('coapp').origin)"],
            capture_output=True,
            text=True,
            timeout=30,
            cwd=CHILD.parent,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        origin = ""
    where = Path(origin).parent if origin and origin != "None" else Path("?")
    try:
        commit = subprocess.run(
            ["git", "-C", str(where), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(where), "status", "--porcelain", "--", "."],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        commit, dirty = "", ""
    state = (
        f"commit {commit}" + (" + uncommitted changes" if dirty else "") if commit else "not a git checkout"
    )
    return f"{where} ({state})"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("--quick", action="store_true", help="fewer samples (3 start-ups each, 60 switches)")
    parser.add_argument("--runs", type=int, help="start-up samples per kind (default 7, --quick 3)")
    parser.add_argument("--switches", type=int, help="timed week switches (default 200, --quick 60)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the random weeks (default 2026)")
    parser.add_argument(
        "--timeout", type=float, default=120, help="seconds before a child is killed (default 120)"
    )
    parser.add_argument(
        "--only",
        choices=(
            "startup",
            "switch",
            "invoice",
            "sync",
            "profile",
            "matching",
            "search",
            "scroll",
            "insights",
            "bundle",
            "load",
        ),
        help="measure one budget only",
    )
    parser.add_argument(
        "--load-seconds", type=float, default=60, help="seconds per server configuration of --only load"
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached 10-year data set")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also print import times and cProfile output of start-up and switch",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    runs = args.runs if args.runs is not None else (3 if args.quick else 7)
    switches = args.switches if args.switches is not None else (60 if args.quick else 200)
    if runs < 1 or switches < 2 or args.timeout <= 0:
        parser.print_usage(sys.stderr)
        print("benchmarks: error: needs --runs ≥ 1, --switches ≥ 2 and --timeout > 0", file=sys.stderr)
        return EXIT_USAGE
    interactive = sys.stderr.isatty()

    def log(text: str, progress: bool = False) -> None:
        if progress and not interactive:
            return
        print(text, file=sys.stderr, flush=True)

    try:
        return _run(args, runs, switches, log)
    except BenchmarkError as exc:
        print(f"\nbenchmarks: FAILED: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("\nbenchmarks: interrupted", file=sys.stderr)
        return EXIT_FAILED


def _run(args: argparse.Namespace, runs: int, switches: int, log) -> int:  # type: ignore[no-untyped-def]
    if args.only == "load":  # the platform alone: no app data set to build (benchmarks/load_bench.py)
        return load_main([str(args.load_seconds)])
    try:
        dataset = ensure_dataset(rebuild=args.rebuild, log=lambda text: log(text))
    except Exception as exc:
        raise BenchmarkError(f"building the data set failed: {type(exc).__name__}: {exc}") from exc
    print("coapp benchmarks")
    print(f"  machine:  {_versions()}")
    print(f"  code:     {_code_under_test()}")
    built = "cached" if dataset.cached else f"built in {dataset.build_seconds:.1f} s"
    print(
        f"  data set: {dataset.contracts} contracts, {dataset.entries:,} daily entries with notes, "
        f"{dataset.first_day} … {dataset.last_day} ({built}: {dataset.data_dir.parent})"
    )
    overs: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="coapp-bench-run-"))
    try:
        data_dir = working_copy(dataset, workdir)
        last = None
        if args.only in (None, "startup"):
            startup_overs, last = _startup_section(data_dir, runs, args.timeout, log)
            overs += startup_overs
        if args.only in (None, "switch"):
            overs += _switch_section(dataset, data_dir, switches, args, log)
        if last is not None:
            _imports_section(*last)
        if args.only in (None, "invoice"):
            try:
                overs += invoice_section(args.timeout, child_env())
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                raise BenchmarkError(str(exc)) from exc
        if args.only in (None, "sync"):
            try:
                overs += sync_section(args.quick, 5 * args.timeout, child_env(), log)
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                raise BenchmarkError(str(exc)) from exc
        if args.only in (None, "profile"):
            try:
                overs += profile_section(args.timeout, child_env())
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                raise BenchmarkError(str(exc)) from exc
        if args.only in (None, "matching"):
            overs += matching_section()
        if args.only in (None, "search"):
            overs += search_section()
        if args.only in (None, "scroll"):
            try:
                overs += scroll_section(3 * args.timeout, child_env())
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                raise BenchmarkError(str(exc)) from exc
        if args.only in (None, "insights"):
            try:
                overs += insights_section(
                    dataset.data_dir, args.timeout, child_env(), log=lambda text: log(text, progress=True)
                )
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                raise BenchmarkError(str(exc)) from exc
        if args.only in (None, "bundle"):
            overs += bundle_section(data_dir, runs, args.timeout, log)
        if args.explain:
            explain(dataset, data_dir, switches, args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    if overs:
        print(f"RESULT: OVER BUDGET OR AT RISK: {'; '.join(overs)}")
        if not args.explain:
            print("        (run with --explain for import times and profiles)")
        return EXIT_OVER_BUDGET
    print("RESULT: every measured budget is met")
    return EXIT_OK


def _verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} ms (min {min(values):6.1f}, max {max(values):6.1f})"


def _mib(values: list[int]) -> str:
    return f"{statistics.median(values) / 1024:6.1f} MiB" if min(values) > 0 else "   n/a"


def _startup_section(data_dir: Path, runs: int, timeout: float, log):  # type: ignore[no-untyped-def]
    print()
    print(
        f"1. Start-up to the first painted main window: median of {runs} fresh processes each "
        "(alternating), spawn → first frame"
    )
    log("   measuring start-up ...")
    baseline, app = measure_startup(data_dir, runs, 1, timeout, log)
    rows = [("baseline (bare QMainWindow, QTabWidget, 6 tabs)", baseline.paint_ms, baseline.rss_kb)]
    rows.append(("coapp (this week's grid, 10-year data)", app.paint_ms, app.rss_kb))
    deferred = statistics.median(app.ready_ms) - statistics.median(app.paint_ms) > 5
    if deferred:
        rows.append(("coapp until its store is open (live grid)", app.ready_ms, app.ready_rss_kb))
    for label, times, rss in rows:
        print(f"   {label + ':':50} {_ms(times)}   peak RSS {_mib(rss)}")
    overs = []
    ratio = statistics.median(app.paint_ms) / statistics.median(baseline.paint_ms)
    ok = ratio <= STARTUP_RATIO_BUDGET
    print(f"   start-up ratio  {ratio:5.2f} ×   budget ≤ {STARTUP_RATIO_BUDGET} ×   {_verdict(ok)}")
    if not ok:
        overs.append(f"start-up {ratio:.2f} × the baseline (budget ≤ {STARTUP_RATIO_BUDGET} ×)")
    base_kb, app_kb = statistics.median(baseline.rss_kb), statistics.median(app.rss_kb)
    if base_kb > 0 and app_kb > 0:
        mem_ratio = app_kb / base_kb
        ok = mem_ratio <= MEMORY_RATIO_BUDGET
        print(
            f"   memory ratio    {mem_ratio:5.2f} ×   budget ≤ {MEMORY_RATIO_BUDGET} ×   {_verdict(ok)}"
            " (peak RSS at the first paint)"
        )
        if not ok:
            overs.append(
                f"start-up peak memory {mem_ratio:.2f} × the baseline (budget ≤ {MEMORY_RATIO_BUDGET} ×)"
            )
        if deferred:
            # ARCHITECTURE.md's budget is this one: peak memory once the store is open, grid live.
            ready_ratio = statistics.median(app.ready_rss_kb) / base_kb
            ok = ready_ratio <= MEMORY_RATIO_BUDGET
            print(
                f"   memory ratio    {ready_ratio:5.2f} ×   budget ≤ {MEMORY_RATIO_BUDGET} ×   {_verdict(ok)}"
                " (peak RSS once the store is open and the grid live)"
            )
            if not ok:
                overs.append(
                    f"peak memory once the store is open {ready_ratio:.2f} × the baseline "
                    f"(budget ≤ {MEMORY_RATIO_BUDGET} ×)"
                )
    else:
        print("   memory ratio    n/a (no getrusage on this system)")
    if deferred and app.stall_ms:
        stall = statistics.median(app.stall_ms)
        ok = stall <= STALL_BUDGET_MS
        print(
            f"   longest stall while the store opens: {stall:.0f} ms (max {max(app.stall_ms):.0f})   "
            f"budget ≤ {STALL_BUDGET_MS:g} ms   {_verdict(ok)}"
        )
        print(
            "   (gaps of a 1-ms timer from the first paint until the live grid; each run's longest, ms: "
            + " | ".join(app.stalls)
            + ")"
        )
        if app.settle_stall_ms:
            print(
                f"   (in the 0.5 s after the live grid, what the app deferred: longest stall "
                f"{statistics.median(app.settle_stall_ms):.0f} ms, max {max(app.settle_stall_ms):.0f}; "
                "not a budget)"
            )
        if not ok:
            overs.append(
                f"event loop stalled {stall:.0f} ms while the store opened (budget ≤ {STALL_BUDGET_MS:g} ms)"
            )
    for name, samples in (("baseline", baseline), ("coapp", app)):
        if samples.phases:
            keep_last = name == "coapp" and deferred  # "then store open" means nothing otherwise
            phases = dict(list(samples.phases.items())[: None if keep_last else -1])
            parts = " | ".join(f"{label} {statistics.median(v):.0f}" for label, v in phases.items())
            print(f"   where the time goes, {name:8} (median ms): {parts}")
    return overs, (baseline.last, app.last)


def _imports_section(baseline: ChildResult, app: ChildResult) -> None:
    print()
    print("3. Heavy modules imported by the first paint (the start-up path should import only what it needs)")
    paint = app.fields("paint")
    loaded = [m for m in paint["heavy"].split(",") if m != "-"]
    print(f"   coapp imports:  {', '.join(loaded) or 'none'}")
    print(f"   not imported:   {', '.join(m for m in HEAVY if m not in loaded) or 'none'}")
    line = (
        f"   ({paint['modules']} modules in sys.modules at the first paint, "
        f"the baseline has {baseline.fields('paint')['modules']}"
    )
    if "ready" in app.reports:
        ready = app.fields("ready")
        later = [m for m in ready["heavy"].split(",") if m not in ("-", *loaded)]
        line += f"; {ready['modules']} once the store is open"
        if later:
            line += f", by then also {', '.join(later)}"
    print(line + ")")


def _switch_section(
    dataset: Dataset, data_dir: Path, switches: int, args: argparse.Namespace, log
) -> list[str]:  # type: ignore[no-untyped-def]
    print()
    print(
        f"2. Switching the grid to another week: {switches} switches among random weeks of "
        f"{dataset.first_day.year}–{dataset.last_day.year} (show_week + events until the grid repainted)"
    )
    log("   measuring week switches ...")
    times, result = measure_switch(
        dataset, data_dir, switches, max(5, switches // 10), args.seed, args.timeout
    )
    median = statistics.median(times)
    ok = median <= SWITCH_MEDIAN_BUDGET_MS
    print(
        f"   median {median:.2f} ms   p95 {p95(times):.2f} ms   "
        f"min {min(times):.2f} ms   max {max(times):.2f} ms"
        f"   budget median ≤ {SWITCH_MEDIAN_BUDGET_MS:g} ms   {_verdict(ok)}"
    )
    print(
        f"   (grid rows per week: {result.fields()['rows']}; processEvents rounds until painted: ≤ "
        f"{result.fields()['rounds_max']})"
    )
    problems = []
    lost, refs = int(result.fields()["none_lost"]), int(result.fields()["none_refs"])
    if lost / switches >= NONE_LEAK_PER_SWITCH:
        per = lost / switches
        print(
            f"   CRASH RISK: {per:.0f} references to None lost per switch "
            f"(Python {platform.python_version()}); "
            f"with the {refs:,} it has after start-up, the app aborts (Fatal Python error: none_dealloc) "
            f"after about {refs / per:,.0f} week switches, sooner with other use. See benchmarks/README.md."
        )
        problems.append(f"crash risk: {per:.0f} references to None lost per week switch")
    if int(result.fields()["stuck"]):
        raise BenchmarkError(
            f"week switch: the grid did not repaint after {result.fields()['stuck']} switches"
        )
    if not ok:
        problems.insert(0, f"week switch median {median:.2f} ms (budget ≤ {SWITCH_MEDIAN_BUDGET_MS:g} ms)")
    return problems


if __name__ == "__main__":
    sys.exit(main())
