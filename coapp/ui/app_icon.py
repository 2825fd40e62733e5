"""coapp's own icon for its windows (and the taskbar or dock where the system asks the window).

The PNGs that packaging/make_icons.py renders from resources/icons/coapp.svg, one per size: PNG
needs no Qt SVG plugin, which the frozen bundle leaves out. The SVG is the fallback when the PNGs are
missing (a checkout where they were never generated); an empty QIcon when neither is there, which
Qt shows as the system's generic icon.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from coapp.base.paths import resource_dir

APP_ID = "se.coapp.Coapp"  # packaging/bundle_config.py: the name of the icon in every theme


def icons_dir() -> Path:
    return resource_dir() / "icons"


def icon_files() -> list[tuple[int, Path]]:
    """(pixel size, PNG) for every size in the icon theme folder, smallest first."""
    found: list[tuple[int, Path]] = []
    for png in (icons_dir() / "hicolor").glob(f"*x*/apps/{APP_ID}.png"):
        width, _, height = png.parent.parent.name.partition("x")
        if width.isdigit() and width == height:
            found.append((int(width), png))
    return sorted(found)


def app_icon() -> QIcon:
    icon = QIcon()
    for size, png in icon_files():
        icon.addFile(str(png), QSize(size, size))
    if icon.isNull():
        svg = icons_dir() / "coapp.svg"
        if svg.is_file():
            icon.addFile(str(svg))
    return icon
