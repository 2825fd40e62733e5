"""Build coapp's frozen one-folder app on the system this runs on:

    uv run python packaging/build.py [--clean] [--no-archive]

Leaves dist/coapp/ (dist/coapp/coapp, coapp.exe on Windows; on macOS also dist/coapp.app), and
- on Linux dist/coapp-<version>-linux-<machine>.tar.gz: the one-folder app with its .desktop file,
  AppStream metainfo, hicolor icons and install.sh (installs into ~/.local, no root);
- on Windows build/version.iss, the version for packaging/windows/coapp.iss (then run Inno Setup's
  `iscc packaging\\windows\\coapp.iss`; see packaging/README.md).
PyInstaller's work files go to build/pyinstaller (kept: a second build reuses them; --clean starts over).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bundle_config", HERE / "bundle_config.py")
if _spec is None or _spec.loader is None:
    raise SystemExit("build: packaging/bundle_config.py is missing")
config = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(config)

ROOT: Path = config.ROOT
DIST = ROOT / "dist"
BUILD = ROOT / "build"
WORK = BUILD / "pyinstaller"
LINUX = HERE / "linux"
ICONS = ROOT / "resources" / "icons" / "hicolor"


def folder_size(folder: Path) -> int:
    """Bytes of the files under *folder*; a symbolic link counts as nothing (its target is counted)."""
    total = 0
    for root, _dirs, files in os.walk(folder):  # never follows links to folders
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def write_windows_files(version: str) -> None:
    """build/version.iss for Inno Setup and build/version_info.txt for the .exe's properties."""
    BUILD.mkdir(exist_ok=True)
    numbers = config.numeric_version(version)
    (BUILD / "version.iss").write_text(
        f'#define AppVersion "{version}"\n#define AppNumericVersion "{numbers}"\n'
        f'#define AppId "{config.APP_ID}"\n',
        encoding="utf-8",
    )
    tuple_ = ", ".join(numbers.split("."))
    (BUILD / "version_info.txt").write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({tuple_}), prodvers=({tuple_})),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', '{config.PUBLISHER}'),
      StringStruct('FileDescription', '{config.SUMMARY}'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', '{config.APP_NAME}'),
      StringStruct('OriginalFilename', '{config.APP_NAME}.exe'),
      StringStruct('ProductName', '{config.DISPLAY_NAME}'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
""",
        encoding="utf-8",
    )


def run_pyinstaller(clean: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(HERE / "coapp.spec"),
    ]
    if clean:
        command.insert(3, "--clean")
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # harmless either way; keeps PyInstaller's cache usable
    subprocess.run(command, check=True, cwd=ROOT, env=env)


def has_debug_info(path: Path) -> bool:
    """Whether *path* is an ELF file with a .debug_info section (read from its section headers)."""
    try:
        with path.open("rb") as f:
            head = f.read(64)
            if head[:4] != b"\x7fELF" or head[4] != 2 or head[5] != 1:  # 64-bit little-endian only
                return False
            shoff = int.from_bytes(head[0x28:0x30], "little")
            shentsize = int.from_bytes(head[0x3A:0x3C], "little")
            shnum = int.from_bytes(head[0x3C:0x3E], "little")
            shstrndx = int.from_bytes(head[0x3E:0x40], "little")
            if not shoff or not shnum or shstrndx >= shnum:
                return False
            f.seek(shoff)
            table = f.read(shentsize * shnum)
            names = table[shstrndx * shentsize : (shstrndx + 1) * shentsize]
            f.seek(int.from_bytes(names[0x18:0x20], "little"))
            strings = f.read(int.from_bytes(names[0x20:0x28], "little"))
    except (OSError, IndexError):
        return False
    for i in range(shnum):
        offset = int.from_bytes(table[i * shentsize : i * shentsize + 4], "little")
        if strings[offset : strings.find(b"\0", offset)] == b".debug_info":
            return True
    return False


def strip_debug_info(app: Path) -> int:
    """Remove the debugging sections that the Python runtime and some extensions ship with (the
    interpreter alone carries 18 MB of them): `strip --strip-debug` keeps every symbol the dynamic
    linker uses. Only files that have a .debug_info section are touched. Returns the bytes saved."""
    strip = shutil.which("strip")
    if strip is None or sys.platform != "linux":
        return 0
    saved = 0
    for path in sorted(app.rglob("*")):
        if path.is_symlink() or not path.is_file() or not has_debug_info(path):
            continue
        before = path.stat().st_size
        subprocess.run([strip, "--strip-debug", str(path)], check=True)
        saved += before - path.stat().st_size
    return saved


def trim_icu_data(app: Path) -> int:
    """The ICU data library Qt links, cut to what coapp can use (packaging/icu_data.py says what and
    why). Returns the bytes saved."""
    spec = importlib.util.spec_from_file_location("coapp_icu_data", HERE / "icu_data.py")
    if spec is None or spec.loader is None:
        raise SystemExit("build: packaging/icu_data.py is missing")
    icu = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(icu)
    return int(icu.trim_app(app))


def linux_archive(version: str) -> Path:
    """dist/coapp-<version>-linux-<machine>.tar.gz: one folder holding the app, its desktop files and
    install.sh, the way an AppImage's folder is laid out."""
    machine = platform.machine().lower() or "unknown"
    name = f"{config.APP_NAME}-{version}-linux-{machine}"
    archive = DIST / f"{name}.tar.gz"
    app_id = config.APP_ID

    def add(tar: tarfile.TarFile, source: Path, target: str) -> None:
        tar.add(source, arcname=f"{name}/{target}", filter=_normalise)

    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        add(tar, DIST / config.APP_NAME, config.APP_NAME)
        add(tar, LINUX / f"{app_id}.desktop", f"{app_id}.desktop")
        add(tar, LINUX / f"{app_id}.metainfo.xml", f"{app_id}.metainfo.xml")
        add(tar, ICONS, "icons/hicolor")
        add(tar, LINUX / "install.sh", "install.sh")
        add(tar, HERE / "README.md", "README-packaging.md")
    return archive


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # Nobody's name in the archive; files readable by all (the user's data never goes in here).
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o755 if info.isdir() or info.mode & 0o111 else 0o644
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--clean", action="store_true", help="start PyInstaller from scratch")
    parser.add_argument("--no-archive", action="store_true", help="Linux: skip the .tar.gz")
    args = parser.parse_args(argv)
    version = config.version()
    started = time.monotonic()
    print(f"== coapp {version}: building for {sys.platform} ({platform.machine()})", flush=True)
    write_windows_files(version)
    run_pyinstaller(args.clean)
    app = DIST / config.APP_NAME
    executable = app / config.executable_name()
    if not executable.is_file():
        print(f"build: error: PyInstaller left no {executable}", file=sys.stderr)
        return 1
    for link in app.rglob("*"):
        if link.is_symlink() and not link.exists():  # to a library bundle_config.prune left out
            link.unlink()
    saved = strip_debug_info(app)
    if saved:
        print(f"== debugging sections removed: {saved / 1e6:.1f} MB")
    saved = trim_icu_data(app)
    if saved:
        print(f"== ICU data trimmed to the Nordic languages and English: {saved / 1e6:.1f} MB saved")
    size_mb = folder_size(app) / 1e6
    print(f"== {executable.relative_to(ROOT)}: the one-folder app is {size_mb:.1f} MB on disk")
    if sys.platform.startswith("linux") and not args.no_archive:
        archive = linux_archive(version)
        print(f"== {archive.relative_to(ROOT)}: {archive.stat().st_size / 1e6:.1f} MB")
    if sys.platform == "darwin":
        print(f"== {(DIST / (config.DISPLAY_NAME + '.app')).relative_to(ROOT)}: the macOS app bundle")
    if sys.platform == "win32":
        print("== next: iscc packaging\\windows\\coapp.iss (Inno Setup 6) makes the installer in dist\\")
    print(f"== built in {time.monotonic() - started:.0f} s")
    if size_mb > config.MAX_BUNDLE_MB:  # smoke.py fails such a build
        print(f"build: warning: the bundle is over its budget of {config.MAX_BUNDLE_MB} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
