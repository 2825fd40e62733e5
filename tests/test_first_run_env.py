"""A first run on a machine that cannot run coapp as asked: a data folder that cannot be used, no
display, a system library Qt needs that is missing. Each is one clear line on stderr and exit 2,
before anything starts (the demo platform, Qt)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from coapp.app import qt_system
from coapp.app.qt_system import QT_BASE, QT_WAYLAND, QT_XCB, gui_problem, install_command
from tests.test_cli import Run, cli

DEBIAN = {"ID": "debian"}
UBUNTU = {"ID": "ubuntu", "ID_LIKE": "debian"}
FEDORA = {"ID": "fedora"}
X11 = {"DISPLAY": ":0"}


def loads_all_but(*missing: str) -> Callable[[str], bool]:
    return lambda soname: soname not in missing


def assert_one_line(run: Run, *parts: str) -> None:
    assert run.code == 2, run
    assert run.out == ""
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("coapp: error: ")
    assert "internal error" not in run.err
    assert "Traceback" not in run.err
    for part in parts:
        assert part in lines[0], lines[0]


# --- The data folder -------------------------------------------------------------------------------


GUI_AND_VERBS = [
    pytest.param([], id="gui"),
    pytest.param(["--demo"], id="demo-gui"),
    pytest.param(["time", "week"], id="time-week"),
    pytest.param(["invoice", "list"], id="invoice-list"),
    pytest.param(["demo"], id="demo-verb"),
    pytest.param(["status"], id="status"),
]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, a folder nobody can write")
@pytest.mark.parametrize("verb", GUI_AND_VERBS)
def test_a_data_folder_that_cannot_be_created_is_one_clear_line(
    verb: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    run = cli(capsys, "--data-dir", "/proc/nope", *verb)
    assert_one_line(run, "cannot create the data folder /proc/nope: ", "--data-dir")
    assert "coapp.log" not in run.err


@pytest.mark.parametrize("verb", GUI_AND_VERBS)
def test_a_data_folder_that_is_a_file_is_one_clear_line(
    verb: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    file = tmp_path / "notes.txt"
    file.write_text("not a folder", encoding="utf-8")
    run = cli(capsys, "--data-dir", str(file), *verb)
    assert_one_line(run, f"cannot use {file} as the data folder: it is a file, not a folder")
    assert file.read_text(encoding="utf-8") == "not a folder"


def test_a_data_folder_under_a_file_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("", encoding="utf-8")
    run = cli(capsys, "--data-dir", str(file / "coapp"), "time", "week")
    assert_one_line(run, f"cannot create the data folder {file / 'coapp'}: ")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, a folder nobody can write")
def test_a_data_folder_nobody_can_write_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    # /proc exists and is a folder, but not even root can create a file in it.
    run = cli(capsys, "--data-dir", "/proc", "time", "week")
    assert_one_line(run, "cannot write in the data folder /proc: ")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes in read-only folders")
def test_a_read_only_data_folder_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir(mode=0o500)
    try:
        run = cli(capsys, "--data-dir", str(folder), "time", "week")
    finally:
        folder.chmod(0o700)
    assert_one_line(run, f"cannot write in the data folder {folder}: Permission denied")


# --- Qt: the display and the system libraries --------------------------------------------------------


def test_nothing_to_check_where_qt_brings_everything_or_draws_offscreen() -> None:
    nothing: Callable[[str], bool] = loads_all_but()
    assert gui_problem({}, "win32", loads_all_but(*(lib.soname for lib in QT_BASE))) is None
    assert gui_problem({}, "darwin", nothing) is None
    assert gui_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", nothing) is None
    assert gui_problem({"QT_QPA_PLATFORM": "minimal"}, "linux", nothing) is None
    assert gui_problem(X11, "linux", nothing) is None
    assert (
        gui_problem({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "wayland"}, "linux", nothing) is None
    )


def test_no_display() -> None:
    problem = gui_problem({}, "linux", loads_all_but())
    assert problem is not None
    assert "no display" in problem
    assert "DISPLAY" in problem
    assert "WAYLAND_DISPLAY" in problem
    # A Wayland session with the xcb plugin forced still needs an X display.
    assert gui_problem({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", loads_all_but())


def test_a_missing_xcb_library_is_named_with_the_command_that_installs_it() -> None:
    problem = gui_problem(X11, "linux", loads_all_but("libxcb-cursor.so.0", "libxcb-icccm.so.4"), DEBIAN)
    assert problem == (
        "Qt cannot open a window (xcb): the system libraries libxcb-cursor.so.0, libxcb-icccm.so.4 are "
        "missing; install with: sudo apt install libxcb-cursor0 libxcb-icccm4"
    )
    fedora = gui_problem(X11, "linux", loads_all_but("libxcb-keysyms.so.1"), FEDORA)
    assert fedora is not None
    assert fedora.endswith(
        "the system library libxcb-keysyms.so.1 is missing; install with: sudo dnf install xcb-util-keysyms"
    )


def test_the_install_command_follows_the_distribution() -> None:
    libs = [QT_XCB[3], QT_XCB[4]]
    assert install_command(libs, UBUNTU) == "sudo apt install libxcb-cursor0 libxcb-icccm4"
    assert install_command(libs, {"ID": "rocky", "ID_LIKE": "rhel centos fedora"}).startswith(
        "sudo dnf install"
    )
    unknown = install_command(libs, {})
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in unknown
    assert "sudo dnf install xcb-util-cursor xcb-util-wm" in unknown
    # One package for several libraries is named once.
    assert install_command([QT_BASE[5], QT_BASE[6]], DEBIAN) == "sudo apt install libglib2.0-0"


def test_a_missing_base_library_is_named_even_offscreen() -> None:
    problem = gui_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", loads_all_but("libEGL.so.1"), DEBIAN)
    assert problem is not None
    assert "libEGL.so.1" in problem
    assert problem.endswith("sudo apt install libegl1")


def test_wayland_session_falls_back_to_xcb_as_qt_does() -> None:
    session = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    # Wayland's libraries missing but XWayland usable: Qt falls back to xcb, so no problem.
    assert gui_problem(session, "linux", loads_all_but("libwayland-cursor.so.0")) is None
    both = gui_problem(
        session, "linux", loads_all_but("libwayland-cursor.so.0", "libxcb-cursor.so.0"), DEBIAN
    )
    assert both is not None
    assert "(wayland)" in both
    assert "libwayland-cursor0" in both
    only_wayland = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    assert gui_problem(only_wayland, "linux", loads_all_but("libxcb-cursor.so.0")) is None


def test_the_probe_loads_real_libraries_without_crashing() -> None:
    assert qt_system._dlopen("libc.so.6") is (sys.platform.startswith("linux"))
    assert qt_system._dlopen("libcoapp-does-not-exist.so.9") is False


def test_the_tables_name_every_library_only_once() -> None:
    names = [lib.soname for lib in (*QT_BASE, *QT_XCB, *QT_WAYLAND)]
    assert len(names) == len(set(names))


@pytest.fixture
def no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(qt_system, "_dlopen", loads_all_but())


@pytest.mark.usefixtures("no_display")
@pytest.mark.parametrize("argv", [[], ["--demo"], ["--demo", "--data-dir", "DATA"]])
def test_main_without_a_display_exits_2_before_anything_starts(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(tmp_path / "demo") if arg == "DATA" else arg for arg in argv]
    run = cli(capsys, *argv)
    assert_one_line(run, "there is no display to open the window on")
    assert not (tmp_path / "demo").exists()  # the demo's folder was not even made


def test_main_with_a_missing_library_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.setattr(qt_system, "_dlopen", loads_all_but("libxcb-icccm.so.4"))
    monkeypatch.setattr(qt_system, "_os_release", lambda: DEBIAN)
    run = cli(capsys, "--demo")
    assert_one_line(run, "libxcb-icccm.so.4 is missing", "sudo apt install libxcb-icccm4")


def test_cli_verbs_never_check_for_a_display(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, no_display: None
) -> None:
    monkeypatch.setattr(qt_system, "_dlopen", loads_all_but(*(lib.soname for lib in QT_BASE)))
    assert cli(capsys, "time", "week", "--week", "2026-W48").code == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is for Linux")
def test_the_real_start_path_neither_imports_qt_nor_starts_the_demo_platform(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    code = (
        "import sys\n"
        "from coapp.__main__ import main\n"
        "code = main(['--demo'])\n"
        "print(sorted(m for m in ('PySide6', 'coserver', 'uvicorn') if m in sys.modules))\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2, done
    assert done.stdout == "[]\n"
    assert done.stderr.startswith("coapp: error: there is no display")
    assert done.stderr.count("\n") == 1


def test_the_readme_lists_every_system_package() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    words = set(readme.replace("\\", " ").split())
    for lib in (*QT_BASE, *QT_XCB, *QT_WAYLAND):
        assert lib.debian in words, lib
        assert lib.fedora in words, lib


def _needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file (what `readelf -d` lists)."""
    import struct

    data = path.read_bytes()
    assert data[:4] == b"\x7fELF"
    assert data[4] == 2  # 64-bit
    assert data[5] == 1  # little-endian
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, *_ in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for entry in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, entry)
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strings + value)
                names.append(data[strings + value : end].decode())
    return names


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the PySide6 wheel's ELF files")
def test_the_tables_cover_every_system_library_qt_links_against() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    files = {
        "base": [
            "lib/libQt6Core.so.6",
            "lib/libQt6Gui.so.6",
            "lib/libQt6Widgets.so.6",
            "lib/libQt6DBus.so.6",
        ],
        "xcb": ["plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6"],
        "wayland": ["plugins/platforms/libqwayland.so", "lib/libQt6WaylandClient.so.6"],
    }
    bundled = {p.name for p in (qt / "lib").iterdir()}
    # Part of every Linux system (the C and C++ runtimes, compression), never missing on a desktop.
    system = ("libc.so", "libm.so", "libstdc++", "libgcc_s", "libpthread", "libdl.so", "librt.so", "ld-linux")
    always = {"libz.so.1", "libzstd.so.1"}
    tables = {"base": QT_BASE, "xcb": (*QT_BASE, *QT_XCB), "wayland": (*QT_BASE, *QT_WAYLAND)}
    checked = 0
    for kind, paths in files.items():
        known = {lib.soname for lib in tables[kind]}
        for relative in paths:
            if not (qt / relative).is_file():
                continue
            checked += 1
            needed = {
                name
                for name in _needed(qt / relative)
                if name not in bundled and name not in always and not name.startswith(system)
            }
            assert needed <= known, f"{relative} needs {sorted(needed - known)}, not in the {kind} table"
    assert checked >= 6
    assert "libxcb-cursor.so.0" in _needed(qt / "plugins/platforms/libqxcb.so")  # the reader reads
