"""Measured processes for the Insights budget (run by benchmarks/insights_bench.py, each fresh).

    python benchmarks/insights_child.py prepare SOURCE_DIR TARGET_DIR MONTHS
    python benchmarks/insights_child.py open DATA_DIR warm|cold PERIOD
    python benchmarks/insights_child.py baseline BARS WINDOW_W WINDOW_H PLOT_W PLOT_H
    python benchmarks/insights_child.py profile DATA_DIR warm|cold PERIOD

- ``prepare`` copies a data folder and adds invoices through the app's services: the business
  details, the clients' addresses, then for each of the last MONTHS whole months one draft per
  contract billed by time (``InvoiceDrafts.create``), confirmed with the PDF archived
  (``InvoiceConfirmation.confirm``, issued on the month's last day); the older ones are marked
  paid, the last three months' sent, the last month's left confirmed.
- ``open`` starts the real main window (``coapp.app.show_main_window``), waits for its store, then
  either imports the Insights screen's modules before the clock starts (``warm``: only building and
  drawing are timed) or not (``cold``: the opening imports them, as a user's first opening does; the
  charts are painted with QPainter, so there is no warm-up any more). The period PERIOD ("12",
  "120", ... as the screen's menu) is the screen's choice when it is built (as a remembered choice
  would be). Then the Ctrl+8 action is triggered; the time is taken until the end of the first frame
  in which the hours chart's plot was painted after the screen had its data (the event of that
  paint, then a zero timer: the rest of the frame). After that, untimed, the chart is checked: as
  many bars as weeks × contracts in the plot's data, and the plot's pixels show the first contract's
  colour. With PERIOD 12 the process also chooses "Last 10 years" in the menu and times that redraw
  the same way.
- ``baseline``: a bare QWidget that paints BARS rectangles with QPainter (one drawRects call, the
  rectangles computed in its paint event) in a QMainWindow of the app's size, as large as the app's
  hours chart; from building the widget to the end of its first painted frame.
- ``profile``: ``open`` under cProfile (the opening only), the stats on stdout.

Each prints one line ``key=value ...`` (times in ms) and leaves with ``os._exit``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CLOCK = time.perf_counter
SCREEN = "coapp.ui.insights.screen"


def _fail(message: str) -> None:
    sys.stderr.write(f"insights benchmark child: {message}\n")
    sys.stderr.flush()
    os._exit(3)


def _emit(fields: dict[str, Any]) -> None:
    sys.stdout.write(
        " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in fields.items())
    )
    sys.stdout.write("\n")
    sys.stdout.flush()


def _process_until(done, seconds: float, what: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    deadline = CLOCK() + seconds
    while not done():
        QApplication.processEvents()
        if CLOCK() > deadline:
            _fail(f"{what} within {seconds:g} s")
        time.sleep(0.0005)


def _idle(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    end = CLOCK() + seconds
    while CLOCK() < end:
        QApplication.processEvents()
        time.sleep(0.001)


# --- prepare --------------------------------------------------------------------------------------


def prepare(source: str, target: str, months: int) -> None:
    import shutil
    from datetime import date, timedelta

    from benchmarks.invoice_child import BUSINESS
    from coapp.app.context import AppContext
    from coapp.domain.contracts import FeeModel
    from coapp.domain.errors import ValidationError
    from coapp.domain.invoices import InvoiceState

    started = CLOCK()
    shutil.copytree(source, target)
    ctx = AppContext.open(Path(target))
    try:
        ctx.business.save(BUSINESS)
        contracts = [c for c in ctx.contracts.all() if c.fee_model is not FeeModel.FIXED]
        for c in contracts:  # a Swedish buyer for all: no reverse charge to look up numbers for
            ctx.contracts.set_client_details(
                c.id, address="Kraftverksgatan 8", postcode="721 36", city="Västerås", country="SE",
                org_number="5567012348", vat_number="SE556701234801",
            )  # fmt: skip
        today = date.today()
        first_of_this = today.replace(day=1)
        periods = []
        end = first_of_this - timedelta(days=1)
        for _ in range(months):
            periods.append((end.replace(day=1), end))
            end = end.replace(day=1) - timedelta(days=1)
        periods.reverse()  # oldest first: the numbers follow the issue dates
        confirmed = 0
        for n, (first, last) in enumerate(periods):
            for c in contracts:
                try:
                    draft = ctx.drafts.create(c.id, first, last, today=last)
                except ValidationError:  # no time on it that month (a holiday month)
                    continue
                ctx.confirmation.confirm(draft.id, today=last)
                confirmed += 1
                left = len(periods) - n
                if left > 3:
                    ctx.confirmation.mark(draft.id, InvoiceState.SENT)
                    ctx.confirmation.mark(draft.id, InvoiceState.PAID)
                elif left > 1:
                    ctx.confirmation.mark(draft.id, InvoiceState.SENT)
        counted = len(ctx.invoices.list())
    finally:
        ctx.close()
    _emit(
        {
            "invoices": confirmed,
            "stored": counted,
            "contracts_invoiced": len(contracts),
            "prepare_s": CLOCK() - started,
        }
    )
    os._exit(0)


# --- open -------------------------------------------------------------------------------------------


class _HoursPaint:
    """The end of the first frame in which the hours chart's plot painted after the screen got
    its data: the plot's Paint event, then a zero timer (it runs once the whole frame is done)."""

    def __init__(self, screen) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.screen = screen
        self.armed = True
        self.after: float | None = None
        self.paints = 0
        watch = self
        paint = QEvent.Type.Paint

        class Filter(QObject):
            def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
                if event.type() == paint:
                    watch.paints += 1
                    if watch.armed and watch.screen.data is not None:
                        watch.armed = False
                        QTimer.singleShot(0, watch._done)
                return False

        self.filter = Filter()
        screen.hours.plot.installEventFilter(self.filter)

    def _done(self) -> None:
        self.after = CLOCK()

    def rearm(self) -> None:
        self.armed, self.after = True, None


def _check_drawn(screen) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The hours chart as it stands: its bars and whether its pixels show them (untimed)."""
    data = screen.data
    bars = sum(len(b.values) for b in screen.hours.plot.data.bars)
    expected_bars = len(data.weeks) * len(data.contracts)
    if bars != expected_bars:
        _fail(f"the hours chart has {bars} bars, expected {expected_bars}")
    image = screen.hours.plot.grab().toImage()
    colour = screen.hours.series_color(0).rgb() & 0xFFFFFF
    hits = 0
    step = 2
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if image.pixel(x, y) & 0xFFFFFF == colour:
                hits += 1
    if hits < 20:
        _fail(f"the hours chart's pixels do not show the first contract's colour ({hits} found)")
    return {
        "weeks": len(data.weeks),
        "contracts": len(data.contracts),
        "bars": bars,
        "coloured_px": hits * step * step,
        "currencies": len(data.currencies),
        "earn_months": screen.earnings.count,
        "states": screen.states.count,
    }


def _open_window(data_dir: str, case: str):  # type: ignore[no-untyped-def]
    import importlib

    from coapp.app import show_main_window

    started = CLOCK()
    window = show_main_window(data_dir)
    _process_until(lambda: window.state.ready, 120, "the store did not open")
    ready_s = CLOCK() - started
    _idle(0.5)  # what the opening deferred (icons) is done

    if case == "warm":
        importlib.import_module(SCREEN)
        _idle(0.3)
    elif SCREEN in sys.modules:
        _fail("cold case: the Insights screen was imported before the opening")
    return window, ready_s


def _hook_screen(period: str, shown: list[tuple[float, float]]) -> None:
    """When the screen's module is imported (by the opening when cold): the screen starts on
    *period* (``INITIAL_PERIOD``, as a remembered choice would be) and each ``show_data`` is timed
    into *shown*. Imported already (not in this app): done now."""
    import importlib.abc
    import importlib.util

    name = SCREEN

    def patch(module) -> None:  # type: ignore[no-untyped-def]
        module.INITIAL_PERIOD = period
        plain_show = module.InsightsScreen.show_data

        def timed_show(self, data):  # type: ignore[no-untyped-def]
            began = CLOCK()
            plain_show(self, data)
            shown.append((began, CLOCK()))

        module.InsightsScreen.show_data = timed_show

    if name in sys.modules:
        patch(sys.modules[name])
        return

    class AfterImport(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):  # type: ignore[no-untyped-def]
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            assert spec is not None
            assert spec.loader is not None
            loader = spec.loader
            plain_exec = loader.exec_module

            def exec_module(module) -> None:  # type: ignore[no-untyped-def]
                plain_exec(module)
                patch(module)

            loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, AfterImport())


def _insights_action(window):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    for action in window.actions():
        if action.shortcut() == QKeySequence("Ctrl+8"):
            return action
    _fail("the main window has no Ctrl+8 action")
    return None


def measure_open(data_dir: str, case: str, period: str, profile: bool = False) -> None:
    from PySide6.QtWidgets import QApplication

    window, ready_s = _open_window(data_dir, case)
    shown: list[tuple[float, float]] = []
    _hook_screen(period, shown)
    action = _insights_action(window)
    read_times: list[float] = []
    from coapp.services.insights import InsightsReader

    plain_read = InsightsReader.read

    def timed_read(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        began = CLOCK()
        out = plain_read(self, *args, **kwargs)
        read_times.append((CLOCK() - began) * 1000)
        return out

    InsightsReader.read = timed_read  # type: ignore[method-assign]
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    if case == "cold" and SCREEN in sys.modules:
        _fail("cold case: the Insights screen was imported before the opening")
    loaded_before = set(sys.modules)
    clicked = CLOCK()
    action.trigger()  # Ctrl+8: builds the screen (imports it when cold), starts the read
    triggered = CLOCK()
    screen = window.insights
    if screen is None or window.stack.currentWidget() is not window.insights_slot:
        _fail("Ctrl+8 did not show the insights screen")
    watch = _HoursPaint(screen)
    _process_until(lambda: watch.after is not None, 60, "the hours chart was not drawn")
    if profiler is not None:
        profiler.disable()
        from benchmarks.child import _print_stats

        _print_stats(profiler, f"opening insights, {case}, period {period} (cProfile)")
        os._exit(0)
    assert watch.after is not None
    out: dict[str, Any] = {
        "open_ms": (watch.after - clicked) * 1000,
        "trigger_ms": (triggered - clicked) * 1000,
        "read_ms": read_times[0] if read_times else -1.0,
        "data_ms": (shown[0][0] - clicked) * 1000,  # the read's answer reached the GUI thread
        "show_data_ms": (shown[0][1] - shown[0][0]) * 1000,  # the charts drawn (not yet painted)
        "ready_s": ready_s,
        "holidays_loaded": float("holidays" in loaded_before),
    }
    out.update(_check_drawn(screen))
    plot = screen.hours.plot
    out.update(
        {
            "window_w": window.width(),
            "window_h": window.height(),
            "plot_w": plot.width(),
            "plot_h": plot.height(),
        }
    )
    if period == "12":  # then "Last 10 years" chosen in the menu: the redraw
        _idle(0.3)
        watch.rearm()
        screen.data = None  # the next paint that counts is one with the new period's data
        chosen = CLOCK()
        screen.period.setCurrentIndex(screen.period.findData("120"))
        _process_until(lambda: watch.after is not None, 60, "the hours chart was not redrawn")
        assert watch.after is not None
        out["redraw120_ms"] = (watch.after - chosen) * 1000
        out["redraw120_read_ms"] = read_times[-1]
        drawn = _check_drawn(screen)
        out["redraw120_bars"] = drawn["bars"]
    QApplication.processEvents()
    _emit(out)
    os._exit(0)


# --- baseline ---------------------------------------------------------------------------------------


def baseline(bars: int, window_w: int, window_h: int, plot_w: int, plot_h: int) -> None:
    from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

    app = QApplication(sys.argv[:1])  # noqa: F841

    class Bars(QWidget):
        def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor("white"))
            slot = self.width() / bars
            unit = self.height() / 8
            rects = [
                QRectF(i * slot, self.height() - (1 + i % 7) * unit, max(1.0, slot * 0.8), (1 + i % 7) * unit)
                for i in range(bars)
            ]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#2563c9"))
            painter.drawRects(rects)
            painter.end()

    window = QMainWindow()
    central = QWidget(window)
    layout = QVBoxLayout(central)
    window.setCentralWidget(central)
    window.resize(window_w, window_h)
    window.show()
    _idle(0.3)
    started = CLOCK()
    plot = Bars(central)
    plot.setFixedSize(plot_w, plot_h)
    layout.addWidget(plot)
    seen: list[float] = []

    class Filter(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and not seen:
                seen.append(0.0)
                QTimer.singleShot(0, lambda: seen.append(CLOCK()))
            return False

    watch = Filter()
    plot.installEventFilter(watch)
    _process_until(lambda: len(seen) == 2, 30, "the baseline plot was not painted")
    _emit({"bars": bars, "baseline_ms": (seen[1] - started) * 1000})
    os._exit(0)


def main(argv: list[str]) -> None:
    try:
        mode, *args = argv
        if mode == "prepare":
            prepare(args[0], args[1], int(args[2]))
        elif mode in ("open", "profile"):
            measure_open(args[0], args[1], args[2], profile=mode == "profile")
        elif mode == "baseline":
            baseline(*(int(a) for a in args[:5]))  # type: ignore[call-arg]
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
