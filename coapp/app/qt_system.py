"""Can Qt open a window here? Checked before the GUI starts, before Qt is imported.

Without a display, or without a system library Qt's platform plugin needs, Qt aborts the process
(exit 134) with a message about plugins a freelancer cannot act on, and only after coapp started
(in demo mode, after the demo platform started). This check names what is missing and the command
that installs it, so coapp can say so in one line and exit 2 instead.

Linux only: on Windows and macOS the PySide6 wheels carry everything. The check costs a few dlopen()
calls of libraries Qt loads right after anyway, and reads /etc/os-release only when something is
missing. Nothing here imports Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SystemLibrary:
    soname: str
    debian: str  # Debian and Ubuntu package
    fedora: str  # Fedora (and RHEL) package


# What Qt's own libraries (QtCore, QtGui, QtWidgets, QtDBus) need on every platform, offscreen included.
QT_BASE = (
    SystemLibrary("libGL.so.1", "libgl1", "libglvnd-glx"),
    SystemLibrary("libEGL.so.1", "libegl1", "libglvnd-egl"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    SystemLibrary("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    SystemLibrary("libfreetype.so.6", "libfreetype6", "freetype"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    SystemLibrary("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
    SystemLibrary("libX11.so.6", "libx11-6", "libX11"),
    SystemLibrary("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
)

# What the xcb platform plugin (X11, and XWayland) needs: libqxcb.so and libQt6XcbQpa.so.6.
QT_XCB = (
    SystemLibrary("libxcb.so.1", "libxcb1", "libxcb"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
)

# What the wayland platform plugin needs: libqwayland.so and libQt6WaylandClient.so.6.
QT_WAYLAND = (
    SystemLibrary("libwayland-client.so.0", "libwayland-client0", "libwayland-client"),
    SystemLibrary("libwayland-cursor.so.0", "libwayland-cursor0", "libwayland-cursor"),
)

# Platforms that draw without a display server (QT_QPA_PLATFORM=offscreen for tests and servers).
WITHOUT_DISPLAY = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"})


def _dlopen(soname: str) -> bool:
    """Whether the dynamic linker can load *soname* (and what it needs). Qt loads it right after,
    so loading it now costs nothing extra; a missing one is an OSError, never a crash."""
    import ctypes  # only the window's start needs it

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _os_release(path: Path = Path("/etc/os-release")) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            fields[key.strip()] = value.strip().strip("\"'")
    return fields


def install_command(libraries: Sequence[SystemLibrary], os_release: Mapping[str, str]) -> str:
    """The command that installs *libraries* on this distribution (both when it is not known)."""
    family = f"{os_release.get('ID', '')} {os_release.get('ID_LIKE', '')}".lower().split()
    apt = "sudo apt install " + " ".join(dict.fromkeys(lib.debian for lib in libraries))
    dnf = "sudo dnf install " + " ".join(dict.fromkeys(lib.fedora for lib in libraries))
    if any(name in ("debian", "ubuntu") for name in family):
        return apt
    if any(name in ("fedora", "rhel", "centos") for name in family):
        return dnf
    return f"{apt} (Debian, Ubuntu) or {dnf} (Fedora)"


def _platforms(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order: QT_QPA_PLATFORM (a ;-separated list, each name
    maybe with :options), else wayland then xcb in a Wayland session, else xcb."""
    chosen = [part.split(":", 1)[0].strip().lower() for part in environ.get("QT_QPA_PLATFORM", "").split(";")]
    chosen = [name for name in chosen if name]
    if chosen:
        return chosen
    if environ.get("XDG_SESSION_TYPE", "").lower() == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def _missing(libraries: Iterable[SystemLibrary], can_load: Callable[[str], bool]) -> list[SystemLibrary]:
    return [lib for lib in libraries if not can_load(lib.soname)]


def gui_problem(
    environ: Mapping[str, str] | None = None,
    system: str | None = None,
    can_load: Callable[[str], bool] | None = None,
    os_release: Mapping[str, str] | None = None,
) -> str | None:
    """None when Qt can open a window here; else one line: what is missing and how to get it.

    The arguments are the probe's inputs (tests pass their own): the environment, ``sys.platform``,
    whether a library loads, and /etc/os-release."""
    environ = os.environ if environ is None else environ
    system = sys.platform if system is None else system
    if not system.startswith("linux"):
        return None
    load = can_load or _dlopen

    def with_command(what: str, missing: Sequence[SystemLibrary]) -> str:
        release = _os_release() if os_release is None else os_release
        names = ", ".join(lib.soname for lib in missing)
        one = len(missing) == 1
        return (
            f"{what}: the system {'library' if one else 'libraries'} {names} {'is' if one else 'are'} "
            f"missing; install with: {install_command(missing, release)}"
        )

    base = _missing(QT_BASE, load)
    if base:
        return with_command("Qt cannot start", base)

    platform_problems: list[tuple[str, list[SystemLibrary]]] = []
    no_display = True
    for name in _platforms(environ):
        needs: Sequence[SystemLibrary]
        if name in WITHOUT_DISPLAY:
            return None
        if name == "xcb":
            needs, display = QT_XCB, environ.get("DISPLAY")
        elif name.startswith("wayland"):
            needs, display = QT_WAYLAND, environ.get("WAYLAND_DISPLAY")
        else:
            return None  # a plugin this check does not know: let Qt decide
        if not display:
            continue
        no_display = False
        missing = _missing(needs, load)
        if not missing:
            return None
        platform_problems.append((name, missing))
    if no_display:
        return (
            "there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): "
            "start coapp in a desktop session, or use its command-line verbs (coapp --help)"
        )
    name, missing = platform_problems[0]
    return with_command(f"Qt cannot open a window ({name})", missing)
