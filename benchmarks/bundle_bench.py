"""The frozen bundle's budget (issue 13): its size on disk, and its first paint against a bare PySide6
window frozen the same way.

The bundle is dist/coapp, from `uv run python packaging/build.py`; without it this section says so and
measures nothing. The bare window is benchmarks/child.py's `startup baseline` (a main window with six
empty tabs, the app's default size), frozen with the same PyInstaller settings as coapp (the same
excludes, the same pruning, debug sections stripped) and cached in build/bundle-bench until child.py,
packaging/bundle_config.py or PySide6 change. Both are timed as benchmarks/run.py times start-up: from
spawning the process to its ``BENCH phase=paint`` line arriving (the app prints it through the
frozen probe, packaging/frozen_probe.py, at the same event child.py waits for).
"""

from __future__ import annotations

import hashlib
import importlib.util
import queue
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import ModuleType

from benchmarks.children import CHILD, ROOT, BenchmarkError, _pump, child_env

PACKAGING = ROOT / "packaging"
APP = ROOT / "dist" / "coapp"
CACHE = ROOT / "build" / "bundle-bench"
RATIO_BUDGET = 2.5

BARE_SPEC = """# Written by benchmarks/bundle_bench.py: benchmarks/child.py frozen like packaging/coapp.spec.
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("bundle_config", {config!r})
config = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(config)

a = Analysis([{child!r}], excludes=[*config.excludes(), "coapp", "benchmarks"], noarchive=False)
a.binaries, a.datas = config.prune(a.binaries, a.datas)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="bare", console=True, upx=False)
coll = COLLECT(exe, a.binaries, a.datas, upx=False, name="bare")
"""


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bundle_bench_{name}", PACKAGING / f"{name}.py")
    if spec is None or spec.loader is None:
        raise BenchmarkError(f"packaging/{name}.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cache_key() -> str:
    import PySide6

    digest = hashlib.sha256()
    for path in (CHILD, PACKAGING / "bundle_config.py", PACKAGING / "icu_data.py", Path(__file__)):
        digest.update(path.read_bytes())
    digest.update(PySide6.__version__.encode())
    return digest.hexdigest()[:16]


def bare_window(log) -> Path:  # type: ignore[no-untyped-def]
    """The frozen bare window's executable, built once per cache key (about a minute)."""
    executable = CACHE / "dist" / "bare" / ("bare.exe" if sys.platform == "win32" else "bare")
    key_file = CACHE / "key.txt"
    key = _cache_key()
    if executable.is_file() and key_file.is_file() and key_file.read_text(encoding="utf-8") == key:
        return executable
    log("bundle: freezing the bare PySide6 window (cached in build/bundle-bench) ...")
    shutil.rmtree(CACHE, ignore_errors=True)
    CACHE.mkdir(parents=True)
    spec = CACHE / "bare.spec"
    spec.write_text(
        BARE_SPEC.format(config=str(PACKAGING / "bundle_config.py"), child=str(CHILD)), encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN",
         f"--distpath={CACHE / 'dist'}", f"--workpath={CACHE / 'work'}", str(spec)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    if done.returncode != 0 or not executable.is_file():
        raise BenchmarkError(f"freezing the bare window failed:\n{done.stderr[-2000:]}")
    _load("build").strip_debug_info(executable.parent)
    _load("build").trim_icu_data(executable.parent)  # frozen the same way as coapp
    for link in executable.parent.rglob("*"):
        if link.is_symlink() and not link.exists():
            link.unlink()
    key_file.write_text(key, encoding="utf-8")
    return executable


def first_paint_ms(command: list[str], env: dict[str, str], what: str, timeout: float) -> float:
    """Milliseconds from spawning *command* to its BENCH phase=paint line; then it may finish."""
    out: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    spawned = time.monotonic()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        text=True, encoding="utf-8", errors="replace", cwd=ROOT, env=env,
    )  # fmt: skip
    threading.Thread(target=_pump, args=(proc.stdout, out, True), daemon=True).start()
    deadline = spawned + timeout
    try:
        while True:
            try:
                arrived, line = out.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise BenchmarkError(f"{what}: no first paint within {timeout:g} s") from None
            if line is None:
                raise BenchmarkError(f"{what}: ended (exit code {proc.wait()}) before its first paint")
            if line.startswith("BENCH ") and "phase=paint" in line:
                return (arrived - spawned) * 1000
    finally:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def bundle_section(data_dir: Path, runs: int, timeout: float, log) -> list[str]:  # type: ignore[no-untyped-def]
    print()
    print("Bundle (the frozen app in dist/coapp, issue 13)")
    config = _load("bundle_config")
    executable = APP / config.executable_name()
    if not executable.is_file():
        print("  skipped: dist/coapp is not built (uv run python packaging/build.py)")
        return []
    size_mb = _load("build").folder_size(APP) / 1e6
    overs: list[str] = []
    size_ok = size_mb <= config.MAX_BUNDLE_MB
    print(
        f"  size on disk:  {size_mb:.1f} MB (budget {config.MAX_BUNDLE_MB} MB) {'ok' if size_ok else 'OVER'}"
    )
    if not size_ok:
        overs.append(f"bundle size {size_mb:.0f} MB > {config.MAX_BUNDLE_MB} MB")
    bare = bare_window(log)
    bare_mb = _load("build").folder_size(bare.parent) / 1e6
    env = child_env()
    app_env = {**env, "COAPP_FROZEN_PROBE": "-"}
    samples: dict[str, list[float]] = {"bare": [], "app": []}
    for i in range(runs + 1):  # the first of each is a warm-up (disk cache)
        for kind in ("bare", "app"):
            if kind == "bare":
                ms = first_paint_ms(
                    [str(bare), "startup", "baseline", str(data_dir)], env, "frozen bare window", timeout
                )
            else:
                ms = first_paint_ms(
                    [str(executable), "--data-dir", str(data_dir)], app_env, "frozen coapp", timeout
                )
            if i > 0:
                samples[kind].append(ms)
            log(f"bundle: run {i}/{runs} {kind}: {ms:.0f} ms", progress=True)
    bare_ms, app_ms = statistics.median(samples["bare"]), statistics.median(samples["app"])
    ratio = app_ms / bare_ms
    ratio_ok = ratio <= RATIO_BUDGET
    bare_list = ", ".join(f"{v:.0f}" for v in samples["bare"])
    app_list = ", ".join(f"{v:.0f}" for v in samples["app"])
    verdict = "ok" if ratio_ok else "OVER"
    print(f"  bare window:   {bare_mb:.1f} MB frozen; first paint median {bare_ms:.0f} ms ({bare_list})")
    print(f"  coapp:         first paint median {app_ms:.0f} ms ({app_list})")
    print(f"  ratio:         {ratio:.2f} × the bare window (budget {RATIO_BUDGET} ×) {verdict}")
    if not ratio_ok:
        overs.append(f"bundle first paint {ratio:.1f} × bare > {RATIO_BUDGET} ×")
    return overs
