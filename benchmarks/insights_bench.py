"""Section 10 of the benchmarks: opening Insights on ten years of data (issue 11).

Budget: Ctrl+8 to the first frame in which the hours chart shows the data ≤ 300 ms, for the "Last 10
years" period, on the first opening (the screen's modules imported by it: the charts are painted
with QPainter, there is no warm-up to wait for). Each sample is a fresh process
(benchmarks/insights_child.py) on its own copy of the 10-year data set with invoices added (one
confirmed invoice per contract billed by time per month for the last 24 months, through the app's
services, PDFs included; built once a day and cached beside the data set). Reported beside it, not
budgeted: the warm opening (the screen's modules imported beforehand: building and drawing alone),
the default "Last 12 months", choosing "Last 10 years" after that, and the baseline: a bare QWidget
painting as many bars with QPainter (one drawRects call), of the same size, in a QMainWindow of the
same size.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BUDGET_MS = 300.0
RUNS = 5
MONTHS = 24  # months with invoices, up to the last whole one
PREPARED_VERSION = 1  # bump when insights_child.prepare changes
CHILD = Path(__file__).with_name("insights_child.py")
CASES = (("warm", "120"), ("cold", "120"), ("warm", "12"), ("cold", "12"))


def _fields(line: str) -> dict[str, float]:
    return {key: float(value) for key, value in (part.split("=", 1) for part in line.split())}


def _run(args: list[str], what: str, timeout: float, env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(CHILD), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    lines = [line for line in done.stdout.splitlines() if "=" in line]
    if done.returncode != 0 or not lines:
        tail = "\n".join(r for r in done.stderr.splitlines() if "propagateSizeHints" not in r)[-2000:]
        raise RuntimeError(f"insights: {what} failed (exit code {done.returncode}):\n{tail}")
    return _fields(lines[-1])


def prepared_folder(
    source: Path, timeout: float, env: dict[str, str], months: int = MONTHS, into: Path | None = None
) -> tuple[Path, dict[str, float] | None]:
    """The data folder *source* with the invoices added: built in *into*, or (None) cached beside
    the data set, whose cache is keyed by day and schema and cleared with it. The second value is
    the child's report when it was built now, None when cached."""
    if into is None:
        target = source.parent.parent / f"{source.parent.name}-insights{PREPARED_VERSION}-{months}"
        if (target / "data" / "coapp.sqlite3").is_file():
            return target / "data", None
    else:
        target = into / "prepared"
    staging = Path(tempfile.mkdtemp(prefix=".staging-insights-", dir=target.parent))
    try:
        report = _run(
            ["prepare", str(source), str(staging / "data"), str(months)], "adding the invoices", timeout, env
        )
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target / "data", report


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} ms (min {min(values):6.1f}, max {max(values):6.1f})"


def insights_section(
    source: Path,
    timeout: float,
    env: dict[str, str],
    *,
    runs: int = RUNS,
    months: int = MONTHS,
    cache: bool = True,
    log: Callable[[str], None] = lambda _text: None,
) -> list[str]:
    """*source*: a data folder (the 10-year data set)."""
    print()
    print(
        f"10. Opening Insights on 10 years of data: Ctrl+8 to the first frame with the hours chart "
        f"drawn, median of {runs} fresh processes per case"
    )
    samples: dict[tuple[str, str], list[dict[str, float]]] = {case: [] for case in CASES}
    base: dict[str, list[float]] = {"120": [], "12": []}
    with tempfile.TemporaryDirectory(prefix="coapp-bench-insights-") as folder:
        log("   adding invoices to a copy of the data set ...")
        data, report = prepared_folder(source, timeout, env, months, None if cache else Path(folder))
        for i in range(runs):
            order = CASES if i % 2 == 0 else CASES[::-1]
            for kind, period in order:
                copy = Path(folder) / f"run-{i}-{kind}-{period}"
                shutil.copytree(data, copy)
                result = _run(
                    ["open", str(copy), kind, period],
                    f"opening ({kind}, {period} months)",
                    timeout,
                    env,
                )
                samples[(kind, period)].append(result)
                shutil.rmtree(copy, ignore_errors=True)
            first = samples[("warm", "120")][0]
            for period in ("120", "12"):
                bars = samples[("warm", period)][0]["bars"]
                size = [first[k] for k in ("window_w", "window_h", "plot_w", "plot_h")]
                result = _run(
                    ["baseline", str(int(bars)), *(str(int(v)) for v in size)], "the baseline", timeout, env
                )
                base[period].append(result["baseline_ms"])
            log(
                f"   run {i + 1}/{runs}: 10 years warm {samples[('warm', '120')][-1]['open_ms']:.0f} ms, "
                f"cold {samples[('cold', '120')][-1]['open_ms']:.0f} ms"
            )
    ten = samples[("warm", "120")]
    one = samples[("warm", "12")]
    built = (
        "cached"
        if report is None
        else f"{report['invoices']:.0f} confirmed with their PDFs in {report['prepare_s']:.1f} s"
    )
    print(
        f"   data: {_median(ten, 'contracts'):.0f} contracts with time, {_median(ten, 'weeks'):.0f} weeks "
        f"({_median(ten, 'bars'):,.0f} bars) for 10 years, {_median(one, 'weeks'):.0f} weeks for 12 months; "
        f"invoices: one per contract billed by time per month for the last {months} months, "
        f"{_median(ten, 'currencies'):.0f} currencies ({built})"
    )
    print(
        f"   (hours chart {_median(ten, 'plot_w'):.0f} × {_median(ten, 'plot_h'):.0f} px in a "
        f"{_median(ten, 'window_w'):.0f} × {_median(ten, 'window_h'):.0f} window; the period is the "
        "screen's choice when it is built, as a remembered one would be; after each frame, untimed, "
        "the bars are counted and the chart's pixels checked for the first contract's colour)"
    )
    labels = {
        ("warm", "120"): "Last 10 years, warm (the modules imported before)",
        ("cold", "120"): "Last 10 years, first opening (imports the modules)",
        ("warm", "12"): "Last 12 months, warm",
        ("cold", "12"): "Last 12 months, cold",
    }
    for case in CASES:
        rows = samples[case]
        line = f"   {labels[case] + ':':54} {_ms([r['open_ms'] for r in rows])}"
        if case == ("cold", "120"):
            ok = _median(rows, "open_ms") <= BUDGET_MS
            line += f"   budget ≤ {BUDGET_MS:g} ms   {'ok' if ok else 'OVER'}"
        print(line)
        print(
            f"      where the time goes (median ms): build the screen {_median(rows, 'trigger_ms'):.0f} | "
            f"its data read on a worker {_median(rows, 'read_ms'):.0f} | answer on the GUI thread at "
            f"{_median(rows, 'data_ms'):.0f} | charts drawn {_median(rows, 'show_data_ms'):.0f} | "
            f"painted at {_median(rows, 'open_ms'):.0f}"
        )
    redraw = [r["redraw120_ms"] for r in one]
    print(
        f"   {'then Last 10 years chosen in the menu (warm):':54} {_ms(redraw)}"
        f"   (its read {_median(one, 'redraw120_read_ms'):.0f} ms)"
    )
    for period, rows in (("120", ten), ("12", one)):
        label = f"baseline: bare QWidget painting {_median(rows, 'bars'):,.0f} bars:"
        print(f"   {label:54} {_ms(base[period])}")
    opening = _median(samples[("cold", "120")], "open_ms")
    print(
        "   (each case's openings, ms: "
        + " | ".join(
            f"{case[0]} {case[1]}: " + ", ".join(f"{r['open_ms']:.0f}" for r in samples[case])
            for case in CASES
        )
        + ")"
    )
    if opening <= BUDGET_MS:
        return []
    return [f"opening Insights on 10 years: {opening:.0f} ms to the drawn chart (budget ≤ {BUDGET_MS:g} ms)"]


if __name__ == "__main__":
    from benchmarks.children import child_env
    from benchmarks.dataset import ensure_dataset

    sys.exit(1 if insights_section(ensure_dataset().data_dir, 300, child_env(), log=print) else 0)
