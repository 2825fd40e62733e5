"""How long since the last keyboard or mouse input, per system, and whether the screen is locked.

- X11: the XScreenSaver extension (libXss) through ctypes.
- Windows: GetLastInputInfo through ctypes (a locked session takes no input, so it counts).
- macOS: IOKit's HIDIdleTime, read from `ioreg` (no compiled extension needed).
- Wayland and others: D-Bus where the desktop offers it: GNOME's org.gnome.Mutter.IdleMonitor,
  KDE's org.freedesktop.ScreenSaver.GetSessionIdleTime, and the screen savers' GetActive for a
  locked screen. The Wayland ext-idle-notify protocol itself needs a Wayland client binding that
  PySide6 does not ship; the compositors that have it (GNOME, KDE) answer on D-Bus too.

Where none answers, the source says None and only a suspend (a jump of the wall clock between two
ticks) is seen as time away.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import subprocess
import sys
from typing import Protocol

from coapp.ui.desktop.idle_tracker import IdleReading

DBUS_TIMEOUT_MS = 500
IOREG_TIMEOUT_S = 2


class IdleSource(Protocol):
    def read(self) -> IdleReading: ...


class NoIdleSource:
    """Nothing can be known: suspends only."""

    def read(self) -> IdleReading:
        return IdleReading(None)


class X11IdleSource:
    class _Info(ctypes.Structure):
        _fields_ = [
            ("window", ctypes.c_ulong),
            ("state", ctypes.c_int),
            ("kind", ctypes.c_int),
            ("til_or_since", ctypes.c_ulong),
            ("idle", ctypes.c_ulong),
            ("eventMask", ctypes.c_ulong),
        ]

    def __init__(self) -> None:
        x11_name, xss_name = ctypes.util.find_library("X11"), ctypes.util.find_library("Xss")
        if not x11_name or not xss_name:
            raise OSError("libX11 or libXss is missing")
        self._x11 = ctypes.cdll.LoadLibrary(x11_name)
        self._xss = ctypes.cdll.LoadLibrary(xss_name)
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(self._Info)
        self._xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(self._Info),
        ]
        self._display = self._x11.XOpenDisplay(None)
        if not self._display:
            raise OSError("no X display")
        self._info = self._xss.XScreenSaverAllocInfo()
        self._root = self._x11.XDefaultRootWindow(self._display)

    def read(self) -> IdleReading:
        if not self._xss.XScreenSaverQueryInfo(self._display, self._root, self._info):
            return IdleReading(None)
        info = self._info.contents
        return IdleReading(int(info.idle // 1000), locked=info.state == 1)  # ScreenSaverOn


class WindowsIdleSource:
    class _LastInput(ctypes.Structure):
        _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

    def __init__(self) -> None:
        windll = ctypes.windll  # type: ignore[attr-defined]
        self._user32 = windll.user32
        self._kernel32 = windll.kernel32

    def read(self) -> IdleReading:
        info = self._LastInput()
        info.cbSize = ctypes.sizeof(info)
        if not self._user32.GetLastInputInfo(ctypes.byref(info)):
            return IdleReading(None)
        elapsed = (self._kernel32.GetTickCount() - info.dwTime) & 0xFFFFFFFF  # wraps after 49 days
        return IdleReading(elapsed // 1000)


_HID_IDLE = re.compile(r'"HIDIdleTime"\s*=\s*(\d+)')


def parse_ioreg(text: str) -> int | None:
    """Seconds idle from `ioreg -c IOHIDSystem` output (HIDIdleTime is in nanoseconds)."""
    found = _HID_IDLE.search(text)
    return int(found.group(1)) // 1_000_000_000 if found else None


class MacIdleSource:
    def read(self) -> IdleReading:
        try:
            out = subprocess.run(
                ["/usr/sbin/ioreg", "-c", "IOHIDSystem", "-d", "4"],
                capture_output=True,
                text=True,
                timeout=IOREG_TIMEOUT_S,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return IdleReading(None)
        return IdleReading(parse_ioreg(out))


class DBusIdleSource:
    """GNOME (Mutter's idle monitor, milliseconds) or KDE (the screen saver's session idle time,
    seconds); the screen savers' GetActive says whether the screen is locked."""

    IDLE = (
        (
            "org.gnome.Mutter.IdleMonitor",
            "/org/gnome/Mutter/IdleMonitor/Core",
            "org.gnome.Mutter.IdleMonitor",
            "GetIdletime",
            1000,
        ),
        (
            "org.freedesktop.ScreenSaver",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "GetSessionIdleTime",
            1,
        ),
    )
    LOCK = (
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    )

    def __init__(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        self._bus = QDBusConnection.sessionBus()
        if not self._bus.isConnected():
            raise OSError("no D-Bus session")
        self._idle = next((i for i in self.IDLE if self._call(*i[:4]) is not None), None)
        self._lock = next((lock for lock in self.LOCK if self._call(*lock, "GetActive") is not None), None)
        if self._idle is None and self._lock is None:
            raise OSError("no idle time on D-Bus")

    def _call(self, service: str, path: str, interface: str, method: str) -> object | None:
        from PySide6.QtDBus import QDBusInterface, QDBusMessage

        face = QDBusInterface(service, path, interface, self._bus)
        if not face.isValid():
            return None
        face.setTimeout(DBUS_TIMEOUT_MS)
        reply = face.call(method)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return None
        return reply.arguments()[0]

    def read(self) -> IdleReading:
        seconds = None
        if self._idle is not None:
            value = self._call(*self._idle[:4])
            if isinstance(value, int):
                seconds = value // self._idle[4]
        locked = self._lock is not None and self._call(*self._lock, "GetActive") is True
        return IdleReading(seconds, locked)


def system_idle_source(platform_name: str) -> IdleSource:
    """The best source this system has (*platform_name*: Qt's, e.g. "xcb", "wayland", "windows")."""
    candidates: list[type] = []
    if sys.platform == "win32":
        candidates = [WindowsIdleSource]
    elif sys.platform == "darwin":
        candidates = [MacIdleSource]
    elif platform_name == "xcb":
        candidates = [X11IdleSource, DBusIdleSource]
    elif platform_name.startswith("wayland"):
        candidates = [DBusIdleSource]
    for kind in candidates:
        try:
            source: IdleSource = kind()
        except (OSError, AttributeError, ImportError):
            continue
        return source
    return NoIdleSource()
