"""Section 9 of the benchmarks: scrolling 10,000 assignments in the Assignments screen (issue 10).

A fresh process (this file run as a script) builds the data folder of section 8
(``search_bench.build``: 10,000 assignments in the real store and a profile, so every row has a
match score and its chip), opens the real ``AssignmentsScreen`` on it as a 1280 × 800 window and
waits for its first search (on a worker, as when the screen opens). Then it scrolls the list from
the top to the bottom twice, the way a user does: wheel steps of 3 rows (what one notch scrolls),
then page-down steps (a click in the scroll bar's trough). Each frame is one step, a full repaint
of the list's viewport (``viewport().repaint()``, which paints every visible row through the
delegate, more than Qt's own scroll repaints) and the events that follow, timed with
``time.perf_counter_ns``. Budget: p95 of all frames ≤ 16.7 ms (a frame at 60 Hz); the max is
printed beside it. The baseline is the same scroll of a plain QListView over a QStringListModel of
10,000 short strings, of the same size and in the same process: what Qt itself costs on this
machine.

``python benchmarks/scroll_bench.py [COUNT]`` runs the measured process alone (COUNT assignments,
default 10,000) and prints one line of key=value pairs.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` (and coapp) importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FRAME_MS = 1000 / 60
WINDOW = (1280, 800)
WHEEL_ROWS = 3  # one notch of the wheel: QApplication.wheelScrollLines() rows
CHILD = Path(__file__).resolve()


# --- the measured process ------------------------------------------------------------------------


def _process() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def _scroll(view: Any, row_height: int) -> dict[str, list[float]]:
    """Scroll *view* from the top to the bottom, by wheel steps then by pages; each frame's ms."""
    from PySide6.QtWidgets import QAbstractSlider

    bar = view.verticalScrollBar()
    viewport = view.viewport()
    clock = time.perf_counter_ns
    out: dict[str, list[float]] = {}
    steps = {
        "wheel": lambda: bar.setValue(bar.value() + WHEEL_ROWS * row_height),
        "page": lambda: bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd),
    }
    for name, step in steps.items():
        bar.setValue(0)
        viewport.repaint()
        _process()
        times = []
        while bar.value() < bar.maximum():
            started = clock()
            step()
            viewport.repaint()
            _process()
            times.append((clock() - started) / 1e6)
        out[name] = times
    return out


def _last_row_shown(view: Any) -> int:
    bottom = view.viewport().rect().bottomLeft()
    return int(view.indexAt(bottom).row())


def _stats(prefix: str, frames: dict[str, list[float]]) -> dict[str, float]:
    every = frames["wheel"] + frames["page"] or [0.0]  # a list shorter than its viewport: no frames
    ordered = sorted(every)
    out = {
        f"{prefix}_frames": float(len(frames["wheel"]) + len(frames["page"])),
        f"{prefix}_median": statistics.median(every),
        f"{prefix}_p95": ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))],
        f"{prefix}_max": max(every),
    }
    for name, times in frames.items():
        out[f"{prefix}_{name}_frames"] = float(len(times))
        out[f"{prefix}_{name}_median"] = statistics.median(times) if times else 0.0
        out[f"{prefix}_{name}_max"] = max(times) if times else 0.0
    return out


def _app_frames(folder: Path) -> dict[str, float]:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from benchmarks import search_bench
    from coapp.ui.app_state import AppState
    from coapp.ui.assignments.screen import AssignmentsScreen
    from coapp.ui.formats import Formats
    from coapp.ui.i18n import install_translator
    from coapp.ui.theme import apply_theme

    started = time.perf_counter()
    ctx = search_bench.build(folder)
    built_s = time.perf_counter() - started
    install_translator(ctx.settings.language)
    apply_theme(QApplication.instance(), ctx.settings.theme)  # type: ignore[arg-type]
    state = AppState(ctx.paths, ctx=ctx)
    screen = AssignmentsScreen(state, Formats(ctx.settings), QUndoStack())
    screen.resize(*WINDOW)
    opened = time.perf_counter()
    screen.show()
    while " of " not in screen.header.status.text():
        _process()
        if time.perf_counter() - opened > 120:
            raise RuntimeError("the assignments screen showed no list within 120 s")
    first_search_ms = (time.perf_counter() - opened) * 1000
    for _ in range(5):
        _process()
    view = screen.list
    rows = screen.model.rowCount()
    if rows != search_bench.COUNT:
        raise RuntimeError(f"the list shows {rows} of the {search_bench.COUNT} assignments")
    row_height = view.sizeHintForRow(0)
    gc.collect()
    frames = _scroll(view, row_height)
    out = {
        "count": float(rows),
        "built_s": built_s,
        "first_search_ms": first_search_ms,
        "row_height": float(row_height),
        "viewport_w": float(view.viewport().width()),
        "viewport_h": float(view.viewport().height()),
        "app_last_row": float(_last_row_shown(view)),
        **_stats("app", frames),
    }
    screen.close()
    ctx.close()
    return out


def _baseline_frames(count: int, width: int, height: int) -> dict[str, float]:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QAbstractItemView, QListView

    model = QStringListModel([f"Assignment {n}" for n in range(count)])
    view = QListView()
    view.setModel(model)
    view.setUniformItemSizes(True)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.resize(width, height)
    view.show()
    _process()
    # the same viewport as the app's list: add what the frame and the scroll bar take
    view.resize(2 * width - view.viewport().width(), 2 * height - view.viewport().height())
    for _ in range(5):
        _process()
    if (view.viewport().width(), view.viewport().height()) != (width, height):
        raise RuntimeError(f"the baseline's viewport is {view.viewport().size()}, not {width} × {height}")
    row_height = view.sizeHintForRow(0)
    gc.collect()
    frames = _scroll(view, row_height)
    out = {"base_row_height": float(row_height), "base_last_row": float(_last_row_shown(view))}
    view.close()
    return {**out, **_stats("base", frames)}


def main(count: int) -> None:
    from PySide6.QtWidgets import QApplication

    from benchmarks import search_bench

    search_bench.COUNT = count  # its data set, this many assignments (10,000 unless told)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("coapp")
    with tempfile.TemporaryDirectory(prefix="coapp-bench-scroll-") as folder:
        out = _app_frames(Path(folder) / "data")
    out.update(_baseline_frames(count, int(out["viewport_w"]), int(out["viewport_h"])))
    print(" ".join(f"{key}={value:.3f}" for key, value in out.items()), flush=True)
    os._exit(0)  # no tear-down: the workers and the store are not what is measured


# --- the section ----------------------------------------------------------------------------------


def scroll_section(timeout: float, env: dict[str, str], count: int | None = None) -> list[str]:
    from benchmarks.search_bench import COUNT

    count = count or COUNT
    print()
    print(
        f"9. Scrolling {count:,} assignments in the Assignments screen ({WINDOW[0]} × {WINDOW[1]}, "
        f"match chips drawn): wheel steps of {WHEEL_ROWS} rows, then page-down steps, top to bottom"
    )
    done = subprocess.run(
        [sys.executable, str(CHILD), str(count)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(
            f"the scroll benchmark failed (exit code {done.returncode}):\n{done.stderr[-2000:]}"
        )
    last = done.stdout.strip().splitlines()[-1]
    f = {key: float(value) for key, value in (part.split("=", 1) for part in last.split())}
    if f["app_last_row"] != f["count"] - 1 or f["base_last_row"] != count - 1:
        raise RuntimeError(
            f"the scroll did not reach the last row (assignments: row {f['app_last_row']:.0f}, "
            f"baseline: row {f['base_last_row']:.0f} of {count:,})"
        )
    print(
        f"   data set: {count:,} assignments stored and indexed in {f['built_s']:.1f} s; the screen "
        f"shown and its first search done in {f['first_search_ms']:.0f} ms; list viewport "
        f"{f['viewport_w']:.0f} × {f['viewport_h']:.0f}, rows of {f['row_height']:.0f} px"
    )
    for label, p in (
        ("assignments list", "app_"),
        (f"baseline (QListView, strings, {f['base_row_height']:.0f} px)", "base_"),
    ):
        print(
            f"   {label + ':':44} {f[p + 'frames']:5.0f} frames   median {f[p + 'median']:5.2f} ms"
            f"   p95 {f[p + 'p95']:5.2f} ms   max {f[p + 'max']:6.2f} ms"
            f"   (wheel {f[p + 'wheel_frames']:.0f}: median {f[p + 'wheel_median']:.2f};"
            f" page {f[p + 'page_frames']:.0f}: median {f[p + 'page_median']:.2f})"
        )
    p95 = f["app_p95"]
    ok = p95 <= FRAME_MS
    print(
        f"   a frame of the assignments list, p95:      {p95:7.2f} ms   budget ≤ {FRAME_MS:.1f} ms   "
        f"{'ok' if ok else 'OVER'}   (max {f['app_max']:.2f} ms; "
        f"{p95 / max(f['base_p95'], 1e-3):.1f} × the baseline's p95)"
    )
    if ok:
        return []
    return [f"scrolling the assignments list: p95 frame {p95:.2f} ms (budget ≤ {FRAME_MS:.1f} ms)"]


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
