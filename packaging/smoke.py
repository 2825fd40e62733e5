"""Smoke-test the frozen app in dist/coapp (CI runs it after packaging/build.py):

    uv run python packaging/smoke.py [--app dist/coapp] [--shot build/smoke/main-window.png]

On a fresh data folder, offscreen: `--version` names coapp/__init__.py's version; the `demo` verb
fills the folder (the store, its migrations, holidays) and `time week` reads it back; the main
window opens the store and is rendered to a PNG (packaging/frozen_probe.py), with the translations,
icon font and app icon found inside the bundle; `--demo` says clearly that demo mode needs the
source install; the one-folder app is at most bundle_config.MAX_BUNDLE_MB on disk. On Linux the
tarball's install.sh installs into a temporary prefix and the installed command runs. Each check
prints one line; the exit code is 0 only when every check passed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bundle_config", HERE / "bundle_config.py")
if _spec is None or _spec.loader is None:
    raise SystemExit("smoke: packaging/bundle_config.py is missing")
config = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(config)
_probe = importlib.util.spec_from_file_location("frozen_probe", HERE / "frozen_probe.py")
if _probe is None or _probe.loader is None:
    raise SystemExit("smoke: packaging/frozen_probe.py is missing")
frozen_probe = importlib.util.module_from_spec(_probe)
_probe.loader.exec_module(frozen_probe)  # the same checks, run in this (the source) environment

TIMEOUT_S = 180


class Smoke:
    def __init__(self, app: Path) -> None:
        self.app = app
        self.executable = app / config.executable_name()
        self.failures: list[str] = []

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)
        if not ok:
            self.failures.append(name)
        return ok

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = dict(os.environ)
        full_env["QT_QPA_PLATFORM"] = "offscreen"
        full_env.pop("COAPP_DATA_DIR", None)
        full_env.update(env or {})
        return subprocess.run(
            [str(self.executable), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT_S,
            env=full_env,
            stdin=subprocess.DEVNULL,
        )


def _tail(text: str) -> str:
    return " | ".join(line for line in text.strip().splitlines()[-3:] if "propagateSizeHints" not in line)


def bench_fields(stdout: str, phase: str) -> dict[str, str]:
    for line in stdout.splitlines():
        if line.startswith("BENCH ") and f"phase={phase}" in line:
            return dict(item.split("=", 1) for item in line[len("BENCH ") :].split())
    return {}


def smoke(app: Path, shot: Path) -> int:
    s = Smoke(app)
    if not s.check("the frozen app exists", s.executable.is_file(), str(s.executable)):
        print("smoke: build it first: uv run python packaging/build.py", file=sys.stderr)
        return 1
    version = config.version()
    done = s.run("--version")
    s.check(
        "--version", done.returncode == 0 and done.stdout.strip() == f"coapp {version}", done.stdout.strip()
    )

    with tempfile.TemporaryDirectory(prefix="coapp-smoke-") as tmp:
        data = Path(tmp) / "data"
        done = s.run("--data-dir", str(data), "demo")
        s.check("the demo verb fills a fresh store", done.returncode == 0, _tail(done.stdout + done.stderr))
        pdfs = sorted((data / "invoices").rglob("*.pdf"))
        s.check(
            "confirmed invoices are archived as PDF (fpdf2, fontTools and the fonts are in the bundle)",
            bool(pdfs) and all(p.read_bytes()[:5] == b"%PDF-" for p in pdfs),
            f"{len(pdfs)} PDF(s)",
        )
        done = s.run("--data-dir", str(data), "time", "week")
        hours = re.search(r"^Total\s+.*?(\d+(?:[.,]\d+)?)\s*$", done.stdout, re.MULTILINE)
        s.check(
            "time week reads the store back",
            done.returncode == 0 and "Week" in done.stdout and hours is not None,
            _tail(done.stdout + done.stderr),
        )

        shot.parent.mkdir(parents=True, exist_ok=True)
        shot.unlink(missing_ok=True)
        fresh = Path(tmp) / "fresh"
        done = s.run("--data-dir", str(fresh), "--language", "sv", env={"COAPP_FROZEN_PROBE": str(shot)})
        paint, ready = bench_fields(done.stdout, "paint"), bench_fields(done.stdout, "ready")
        s.check(
            "the main window paints on a fresh folder",
            done.returncode == 0 and bool(paint),
            _tail(done.stderr),
        )
        s.check(
            "the store opens and the window is saved as PNG",
            bool(ready) and shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n",
            str(shot),
        )
        s.check("the store was created", (fresh / "coapp.sqlite3").is_file())
        for item in ("translations", "icon_font", "app_icon", "charts", "collation"):
            s.check(
                f"the bundle carries its {item.replace('_', ' ')}",
                ready.get(item) == "ok",
                ready.get(item, "-"),
            )
        s.check(
            "the bundle carries the keyring back-ends",
            ready.get("keyring") == ",".join(frozen_probe.keyring_backends()),
            ready.get("keyring", "-"),
        )
        if ready.get("window_icon") != "ok":  # set by coapp.ui.launch.ensure_application (not packaging)
            print("     note: the main window has no icon of its own (no QApplication.setWindowIcon)")
        if paint:
            start = float(paint["t_paint"]) - float(paint["t_start"])
            print(f"     first paint {start * 1000:.0f} ms after the entry point started")

        done = s.run("--data-dir", str(Path(tmp) / "demo"), "--demo")
        s.check(
            "--demo says it needs the source install",
            done.returncode != 0 and "source install" in done.stderr and "Traceback" not in done.stderr,
            _tail(done.stderr),
        )

    size = config_size(app)
    s.check(
        f"the bundle is at most {config.MAX_BUNDLE_MB} MB on disk (packaging/bundle_config.py)",
        size <= config.MAX_BUNDLE_MB * 1e6,
        f"{size / 1e6:.1f} MB",
    )
    if sys.platform.startswith("linux"):
        linux_install(s, version)
    print(
        f"smoke: {len(s.failures)} check(s) failed: {', '.join(s.failures)}"
        if s.failures
        else "smoke: all ok"
    )
    return 1 if s.failures else 0


def config_size(app: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(app):
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def linux_install(s: Smoke, version: str) -> None:
    archives = sorted(s.app.parent.glob(f"{config.APP_NAME}-{version}-linux-*.tar.gz"))
    if not s.check("the Linux tarball exists", bool(archives), str(s.app.parent)):
        return
    with tempfile.TemporaryDirectory(prefix="coapp-install-") as tmp:
        with tarfile.open(archives[-1]) as tar:
            tar.extractall(tmp, filter="data")
        (folder,) = Path(tmp).iterdir()
        prefix = Path(tmp) / "prefix"
        env = {**os.environ, "PREFIX": str(prefix), "HOME": str(Path(tmp) / "home")}
        done = subprocess.run(["sh", str(folder / "install.sh")], capture_output=True, text=True, env=env)
        s.check("install.sh installs into a prefix", done.returncode == 0, _tail(done.stdout + done.stderr))
        desktop = prefix / "share" / "applications" / f"{config.APP_ID}.desktop"
        s.check(
            "the installed menu entry runs the installed app",
            desktop.is_file() and f"Exec={prefix}/lib/coapp/coapp" in desktop.read_text(encoding="utf-8"),
        )
        icon = prefix / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{config.APP_ID}.png"
        s.check("the icons are installed", icon.is_file())
        done = subprocess.run([str(prefix / "bin" / "coapp"), "--version"], capture_output=True, text=True)
        s.check("the installed command runs", done.stdout.strip() == f"coapp {version}", done.stdout.strip())
        done = subprocess.run(
            ["sh", str(folder / "install.sh"), "--uninstall"], capture_output=True, text=True, env=env
        )
        s.check(
            "install.sh --uninstall removes it",
            done.returncode == 0 and not (prefix / "lib" / "coapp").exists() and not desktop.exists(),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--app", type=Path, default=config.ROOT / "dist" / config.APP_NAME)
    parser.add_argument("--shot", type=Path, default=config.ROOT / "build" / "smoke" / "main-window.png")
    args = parser.parse_args(argv)
    return smoke(args.app.resolve(), args.shot.resolve())


if __name__ == "__main__":
    sys.exit(main())
