"""The frozen app's probe (COAPP_FROZEN_PROBE, see coapp_entry.py): what a user's first start does,
observed from inside the bundle, for packaging/smoke.py and benchmarks/bundle_bench.py.

    COAPP_FROZEN_PROBE=SHOT.png dist/coapp/coapp --data-dir DIR [--language sv]
    COAPP_FROZEN_PROBE=- ...       (no screenshot)

It shows the main window the way coapp does (coapp.app.show_main_window: the first paint, then the
store opened on a worker), prints ``BENCH phase=paint ...`` at the first paint (the same line and
method as benchmarks/child.py, so the benchmark can time it from the spawn), waits until the store is
open and the icons are drawn, saves the window to SHOT.png, checks what a bundle most easily loses
(the translations, the icon font, the app icon) and exits 0; any exception on the way, in a Qt slot
too, exits 3 with the trace on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback

PAINT_TIMEOUT_S = 60
READY_TIMEOUT_S = 120
SETTLE_MS = 600  # after the store is open: the icons and badges load in turns of their own


def _emit(**fields: object) -> None:
    sys.stdout.write("BENCH " + " ".join(f"{k}={v}" for k, v in fields.items()) + "\n")
    sys.stdout.flush()


def _fail(message: str) -> None:
    sys.stderr.write(f"frozen probe: {message}\n")
    sys.stderr.flush()
    os._exit(3)


def keyring_backends() -> list[str]:
    """The keyring back-ends this system's can load (their entry points, from the bundled metadata):
    without them keyring falls back to nothing and sign-in lasts only a session. Only this system's
    back-end is imported (the others' modules need their own system)."""
    from importlib import import_module
    from importlib.metadata import entry_points

    own = {"linux": "SecretService", "darwin": "macOS", "win32": "Windows"}.get(sys.platform)
    names = []
    for point in entry_points(group="keyring.backends"):
        if point.name == own:
            try:
                import_module(point.value.split(":")[0])
            except ImportError as exc:
                names.append(f"{point.name}-broken:{exc.name}")
                continue
        names.append(point.name)
    return sorted(names)


def _checks(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What the bundle must carry besides Python modules: each "ok" or why not."""
    from coapp.ui.app_icon import app_icon
    from coapp.ui.glyphs import GlyphError, preload
    from coapp.ui.i18n import translations_dir

    found: dict[str, str] = {}
    qm = translations_dir() / "coapp_sv.qm"
    found["translations"] = "ok" if qm.is_file() else f"missing:{qm}"
    try:
        preload()
        found["icon_font"] = "ok"
    except GlyphError as exc:
        found["icon_font"] = f"missing:{exc}".replace(" ", "_")
    found["app_icon"] = "ok" if not app_icon().isNull() else "missing"
    found["keyring"] = ",".join(keyring_backends()) or "none"
    try:  # the charts (Insights, Contracts), which the first paint does not load
        from coapp.ui.charts.geometry import PlotData
        from coapp.ui.charts.plot import Plot
        from coapp.ui.charts.series import Bars

        chart = Plot()
        chart.set_data(PlotData(count=3, bars=[Bars(values=[2.0, 1.0, 4.0], color=0)]))
        chart.resize(240, 120)
        image = chart.grab().toImage()
        painted = {image.pixelColor(x, y).rgb() for x in range(0, 240, 6) for y in range(0, 120, 6)}
        chart.deleteLater()
        found["charts"] = "ok" if len(painted) > 2 else "unpainted"  # background, grid and bars
    except ImportError as exc:
        found["charts"] = f"missing:{exc.name}"
    # Collation comes from ICU's data, which the bundle trims (packaging/icu_data.py): Swedish
    # must still sort å, ä and ö after z.
    from PySide6.QtCore import QCollator, QLocale

    swedish = sorted(["ö", "z", "å", "ä"], key=QCollator(QLocale("sv_SE")).sortKey)
    found["collation"] = "ok" if swedish == ["z", "å", "ä", "ö"] else "wrong:" + "".join(swedish)
    found["window_icon"] = "ok" if not window.windowIcon().isNull() else "none"
    return found


def run(t_start: float, shot: str, argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="coapp (frozen probe)")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--language", help="save this UI language in the settings first (e.g. sv)")
    args = parser.parse_args(argv)

    def hook(kind, exc, tb):  # type: ignore[no-untyped-def]
        _fail("an exception reached the event loop:\n" + "".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = hook
    if args.language:
        from coapp.base.paths import Paths
        from coapp.base.settings import load_settings, save_settings

        paths = Paths.resolve(args.data_dir)
        paths.ensure()
        save_settings(paths.settings, load_settings(paths.settings).with_changes(language=args.language))

    t_qt = time.monotonic()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    import coapp.app

    t_imports = time.monotonic()
    window = coapp.app.show_main_window(args.data_dir)
    t_shown = time.monotonic()

    def ready() -> None:
        if not window.state.ready:
            QTimer.singleShot(5, ready)
            return
        QTimer.singleShot(SETTLE_MS, finish)

    def finish() -> None:
        checks = _checks(window)
        saved = "-"
        if shot != "-":
            if not window.grab().save(shot):
                _fail(f"cannot save the screenshot to {shot}")
            saved = shot
        _emit(phase="ready", t_ready=time.monotonic(), shot=saved, **checks)
        window.close()
        QApplication.quit()

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        _emit(
            phase="paint",
            t_start=t_start,
            t_qt=t_qt,
            t_imports=t_imports,
            t_shown=t_shown,
            t_paint=time.monotonic(),
            width=window.width(),
            height=window.height(),
        )
        QTimer.singleShot(READY_TIMEOUT_S * 1000, lambda: _fail("the store did not open in time"))
        ready()

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    QTimer.singleShot(PAINT_TIMEOUT_S * 1000, lambda: _fail("no first paint in time"))
    code = QApplication.exec()
    window.sync.shutdown()  # as coapp.ui.launch.run_gui ends: a sync round finishes first
    window.state.close()
    return int(code)
