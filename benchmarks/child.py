"""One measured process, started by benchmarks/run.py; not meant to be run by hand.

    python benchmarks/child.py startup app|baseline DATA_DIR
    python benchmarks/child.py switch DATA_DIR FIRST_MONDAY SWITCHES WARMUP SEED
    python benchmarks/child.py profile-startup DATA_DIR
    python benchmarks/child.py profile-switch DATA_DIR FIRST_MONDAY SWITCHES WARMUP SEED

Run as a script (not ``-m``) and importing nothing but sys/os/time before the measured work, so a
start-up sample pays only for the interpreter and what the measured code imports. Results go to
stdout as one line ``BENCH key=value ...``; the process then leaves with ``os._exit`` so tear-down
is not measured (and cannot hang). Timestamps are ``time.monotonic()``, which is system-wide on
Linux, macOS and Windows, so the parent can line them up with the moment it spawned the child.
"""

import os
import sys
import time

T_START = time.monotonic()

HEAVY = ("fpdf", "requests", "keyring", "pydantic", "babel", "alembic")


def _maxrss_kb() -> int:
    """This process's peak resident memory. On Linux VmHWM, not ru_maxrss: after a fork and exec
    the kernel keeps the parent's peak in ru_maxrss, so a child of a big runner reported at least
    the runner's size (both windows showed the same 81.5 MiB once the runner imported more)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass  # not Linux
    try:
        import resource
    except ImportError:  # Windows: no getrusage; the parent reports memory as n/a
        return -1
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss  # bytes on macOS, KiB elsewhere


def _emit(**fields: object) -> None:
    fields["maxrss_kb"] = _maxrss_kb()
    fields["heavy"] = ",".join(m for m in HEAVY if m in sys.modules) or "-"
    fields["modules"] = len(sys.modules)
    sys.stdout.write("BENCH " + " ".join(f"{k}={v}" for k, v in fields.items()) + "\n")
    sys.stdout.flush()


def _fail(message: str) -> None:
    sys.stderr.write(f"benchmark child: {message}\n")
    sys.stderr.flush()
    os._exit(3)


def _watch_first_paint(window, on_painted):  # type: ignore[no-untyped-def]
    """Call *on_painted* once the window's first frame is complete.

    The first Paint event reaches the top-level window at the start of its first backing-store
    flush; every child widget is painted in that same flush, so a zero timer queued then runs
    right after the whole frame is painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, on_painted)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    return watcher


class _StallWatch:
    """How long the event loop could not run: a 1-ms timer started after the first paint records
    the gaps between its firings (it only takes the time, so it hardly adds to what it measures).
    ``stop()`` counts the gap up to that moment too and returns the longest gaps in ms, longest
    first."""

    def __init__(self, parent) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt, QTimer

        self._clock = time.perf_counter
        self._last = self._clock()
        self._gaps: list[float] = []
        self._timer = QTimer(parent)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock()
        if now - self._last > 0.002:  # only gaps longer than the timer's own interval matter
            self._gaps.append(now - self._last)
        self._last = now

    def take(self) -> list[float]:
        """The gaps so far (up to now), longest first, in ms; the watch goes on with a clean slate."""
        self._tick()
        gaps, self._gaps = self._gaps, []
        return sorted((gap * 1000 for gap in gaps), reverse=True) or [0.0]


def _deadline(seconds: float, what: str = "no paint") -> None:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(int(seconds * 1000), lambda: _fail(f"{what} within {seconds:.0f} s of show()"))


def _show_app(data_dir: str):  # type: ignore[no-untyped-def]
    """The main window, shown the way ``coapp`` shows it: ``show_main_window`` when the app has it
    (first paint from a read-only preview, the store opened right after), else
    ``build_main_window`` and ``show()``."""
    import coapp.app as app

    if hasattr(app, "show_main_window"):
        return app.show_main_window(data_dir)
    window = app.build_main_window(data_dir)
    window.show()
    return window


def _when_ready(window, callback) -> None:  # type: ignore[no-untyped-def]
    """Call *callback* once the window's store is open and what that caused is painted (at once
    for an app without a deferred store)."""
    from PySide6.QtCore import QTimer

    state = getattr(window, "state", None)
    if state is None or getattr(state, "ready", True):
        callback()
        return
    poll = QTimer(window)
    poll.setInterval(1)

    def check() -> None:
        if state.ready:
            poll.stop()
            QTimer.singleShot(0, callback)  # after the repaint the opening scheduled

    poll.timeout.connect(check)
    poll.start()


SETTLE_S = 0.5  # how long the stall watch goes on after the live grid (not part of any timing)


def _grid_rows(window) -> int:  # type: ignore[no-untyped-def]
    try:
        return window.timesheet.controller.model.rowCount()
    except AttributeError:
        return -1


def startup(kind: str, data_dir: str) -> None:
    from PySide6.QtWidgets import QApplication

    t_qt = time.monotonic()
    stamps: dict[str, float] = {}
    if kind == "app":
        import coapp.app  # noqa: F401 (what importing the composition root costs)

        stamps["t_imports"] = time.monotonic()
        window = _show_app(data_dir)
    elif kind == "baseline":
        from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

        stamps["t_imports"] = time.monotonic()
        _app = QApplication(sys.argv[:1])
        window = QMainWindow()
        tabs = QTabWidget(window)
        for i in range(6):
            tabs.addTab(QWidget(tabs), f"Screen {i + 1}")
        window.setCentralWidget(tabs)
        window.resize(1100, 560)  # the app's default size
        window.show()
    else:
        _fail(f"unknown start-up kind {kind!r}")
    stamps["t_shown"] = time.monotonic()
    watch: list[_StallWatch] = []

    def ready() -> None:
        from PySide6.QtCore import QTimer

        t_ready = time.monotonic()
        stalls = watch[0].take() if watch else [0.0]
        _emit(
            phase="ready",
            t_ready=t_ready,
            rows=_grid_rows(window),
            stall_ms=f"{stalls[0]:.1f}",
            stalls_ms=",".join(f"{gap:.0f}" for gap in stalls[:5]),
        )
        # What the app defers past its live grid (icons, ...) may stall the loop too: watch on.
        QTimer.singleShot(int(SETTLE_S * 1000), settled)

    def settled() -> None:
        stalls = watch[0].take() if watch else [0.0]
        _emit(phase="settled", stall_ms=f"{stalls[0]:.1f}")
        os._exit(0)

    def painted() -> None:
        t_paint = time.monotonic()
        sys.stderr.write("benchmark: first paint\n")  # splits the output of python -X importtime
        _emit(
            phase="paint",
            t_start=T_START,
            t_qt=t_qt,
            **stamps,
            t_paint=t_paint,
            rows=_grid_rows(window) if kind == "app" else 0,
            width=window.width(),
            height=window.height(),
        )
        _deadline(120, "the store did not open")
        watch.append(_StallWatch(window))  # after the first paint is measured and reported
        _when_ready(window, ready)

    watcher = _watch_first_paint(window, painted)  # noqa: F841 (kept alive by its parent too)
    _deadline(60)
    QApplication.exec()
    _fail("the event loop ended before the first paint")


def _shown_window(data_dir: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from coapp.app import build_main_window

    window = build_main_window(data_dir)
    done: list[bool] = []
    watcher = _watch_first_paint(window, lambda: done.append(True))
    window.show()
    deadline = time.monotonic() + 60
    while not done:
        QApplication.processEvents()
        if time.monotonic() > deadline:
            _fail("the main window did not paint within 60 s")
    window.removeEventFilter(watcher)
    return window


def _switch_plan(first_monday: str, switches: int, warmup: int, seed: int) -> list:  # type: ignore[type-arg]
    import random
    from datetime import date, timedelta

    from coapp.domain.weeks import IsoWeek

    monday = date.fromisoformat(first_monday)
    this_week = IsoWeek.of(date.today())
    weeks = []
    while IsoWeek.of(monday) <= this_week:
        weeks.append(IsoWeek.of(monday))
        monday += timedelta(weeks=1)
    rng = random.Random(seed)
    plan, current = [], this_week
    for _ in range(warmup + switches):
        week = rng.choice(weeks)
        while week == current:
            week = rng.choice(weeks)
        plan.append(week)
        current = week
    return plan


class _Switcher:
    """Switch the shown window's grid to a week and process events until the grid has repainted."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        self.controller = window.timesheet.controller
        self.process = QApplication.processEvents
        self.paints = 0
        paint = QEvent.Type.Paint
        switcher = self

        class Counter(QObject):
            def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
                if event.type() == paint:
                    switcher.paints += 1
                return False

        self.counter = Counter(window)
        window.timesheet.grid.viewport().installEventFilter(self.counter)

    def switch(self, week) -> int:  # type: ignore[no-untyped-def]
        """Rounds of processEvents() it took until the grid had painted the new week."""
        before = self.paints
        self.controller.show_week(week)
        rounds = 0
        while self.paints == before and rounds < 50:
            self.process()
            rounds += 1
        return rounds


# References to None, so that code dropping references to None (a refcount bug) cannot free it
# in the middle of a measurement; the switch reports how many references went missing instead.
NONE_BALLAST = 4_000_000


def _idle(window) -> None:  # type: ignore[no-untyped-def]
    """Until start-up's one-time background work is over: the store open, the dashboard's first read
    and the notices' check done (FIRST_READS_MS after the store opened), the PDF warm-up's thread
    ended. The switch budget is the grid's own cost, not that of sharing the interpreter with those."""
    import threading

    from PySide6.QtWidgets import QApplication

    from coapp.ui.main_window import FIRST_READS_MS

    deadline = time.monotonic() + 60
    window.ctx  # noqa: B018 (opens the store now if start-up has not)
    settle = time.monotonic() + FIRST_READS_MS / 1000 + 0.5
    while (
        time.monotonic() < settle
        or window.state.tasks.busy
        or any(t.name.endswith("warm-up") for t in threading.enumerate())
    ):
        QApplication.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            _fail("the window did not settle within 60 s")


def switch(data_dir: str, first_monday: str, switches: int, warmup: int, seed: int) -> None:
    window = _shown_window(data_dir)
    _idle(window)
    none_refs = sys.getrefcount(None)
    ballast = [None] * NONE_BALLAST  # noqa: F841 (see NONE_BALLAST)
    plan = _switch_plan(first_monday, switches, warmup, seed)
    switcher = _Switcher(window)
    model = window.timesheet.controller.model
    for week in plan[:warmup]:
        switcher.switch(week)
    perf = time.perf_counter
    times, rounds, rows = [], [], set()
    none_before = sys.getrefcount(None)
    for week in plan[warmup:]:
        start = perf()
        n = switcher.switch(week)
        times.append(perf() - start)
        rounds.append(n)
        rows.add(model.rowCount())
    none_lost = none_before - sys.getrefcount(None)
    # the ballast stays: releasing it could now free None (os._exit below skips the tear-down)
    if window.timesheet.controller.week != plan[-1]:
        _fail("the grid does not show the week it was switched to")
    times_ms = ",".join(f"{t * 1000:.4f}" for t in times)
    _emit(
        times_ms=times_ms,
        rounds_max=max(rounds),
        rows=",".join(str(r) for r in sorted(rows)),
        stuck=sum(1 for r in rounds if r >= 50),
        none_refs=none_refs,
        none_lost=none_lost,
    )
    os._exit(0)


def profile_startup(data_dir: str) -> None:
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    from PySide6.QtWidgets import QApplication

    window = _show_app(data_dir)

    def ready() -> None:
        profiler.disable()
        _print_stats(profiler, "after the first paint until the store is open (cProfile)")
        os._exit(0)

    def painted() -> None:
        profiler.disable()
        _print_stats(profiler, "start-up to the first paint (cProfile, imports included)")
        profiler.clear()
        profiler.enable()
        _when_ready(window, ready)

    _watch_first_paint(window, painted)
    _deadline(120)
    QApplication.exec()
    _fail("the event loop ended before the first paint")


def profile_switch(data_dir: str, first_monday: str, switches: int, warmup: int, seed: int) -> None:
    import cProfile

    window = _shown_window(data_dir)
    ballast = [None] * NONE_BALLAST  # noqa: F841 (see NONE_BALLAST)
    plan = _switch_plan(first_monday, switches, warmup, seed)
    switcher = _Switcher(window)
    for week in plan[:warmup]:
        switcher.switch(week)
    profiler = cProfile.Profile()
    profiler.enable()
    for week in plan[warmup:]:
        switcher.switch(week)
    profiler.disable()
    _print_stats(profiler, f"{switches} week switches (cProfile)")
    os._exit(0)


def _print_stats(profiler, title: str) -> None:  # type: ignore[no-untyped-def]
    import io
    import pstats

    for key, limit in (("cumulative", 25), ("tottime", 15)):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key)
        stats.print_stats(limit)
        text = out.getvalue()
        sys.stdout.write(f"--- {title}, sorted by {key} ---\n")
        sys.stdout.write(text[text.find("   ncalls") :] if "   ncalls" in text else text)
    sys.stdout.flush()


def main(argv: list[str]) -> None:
    try:
        mode, *args = argv
        if mode == "startup":
            startup(args[0], args[1])
        elif mode == "switch":
            switch(args[0], args[1], int(args[2]), int(args[3]), int(args[4]))
        elif mode == "profile-startup":
            profile_startup(args[0])
        elif mode == "profile-switch":
            profile_switch(args[0], args[1], int(args[2]), int(args[3]), int(args[4]))
        else:
            _fail(f"unknown mode {mode!r}")
    except SystemExit:
        raise
    except BaseException:
        import traceback

        traceback.print_exc()
        _fail("failed (the trace is above)")


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main(sys.argv[1:])
