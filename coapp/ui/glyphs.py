"""Icons drawn from Font Awesome's solid font (the "fa6s." names), in the theme's colours, crisp at
any size and scale.

The font and its name table come with the qtawesome package, but qtawesome itself is not imported:
its import brings qtpy, which copies PySide6's modules in steps of 35-60 ms that block every Python
thread, and it loads a dozen fonts where the app uses one. Measured on the start-up's "longest stall
while the store opens" (budget 100 ms): this font alone loads in a few milliseconds.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

from coapp.domain.errors import CoappError

PREFIX = "fa6s."
_FONT_GLOB = "fontawesome6-solid-webfont-*.ttf"


class GlyphError(CoappError):
    """An icon name the font does not have, or the font is missing (a broken installation)."""


@cache
def _font_folder() -> Path:
    spec = importlib.util.find_spec("qtawesome")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise GlyphError("the icon font is missing: reinstall coapp (qtawesome's fonts)")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


@cache
def _font_file() -> Path:
    fonts = sorted(_font_folder().glob(_FONT_GLOB))
    if not fonts:
        raise GlyphError(f"the icon font is missing in {_font_folder()}: reinstall coapp")
    return fonts[-1]


@cache
def _charmap() -> dict[str, str]:
    """Icon name -> its character in the font (a plain file read: any thread)."""
    font_file = _font_file()
    name = font_file.name.replace("-webfont-", "-webfont-charmap-")
    charmap = font_file.with_name(name).with_suffix(".json")
    codes = json.loads(charmap.read_text(encoding="utf-8"))
    return {name: chr(int(code, 16)) for name, code in codes.items()}


@cache
def _family() -> str:
    """The font loaded into Qt once (on the GUI thread, where the icons are made)."""
    font_id = QFontDatabase.addApplicationFont(str(_font_file()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise GlyphError(f"the icon font {_font_file().name} could not be loaded")
    return families[0]


def preload() -> None:
    """Read the font's name table ahead (e.g. on the worker that opens the store)."""
    _charmap()


def glyph_icon(name: str, color: QColor, disabled: QColor) -> QIcon:
    """The icon *name* ("fa6s.play") drawn in *color* (*disabled* when the widget is off)."""
    if not name.startswith(PREFIX):
        raise GlyphError(f"unknown icon set in {name!r}: only {PREFIX}* icons are shipped")
    char = _charmap().get(name.removeprefix(PREFIX))
    if char is None:
        raise GlyphError(f"no icon called {name!r}")
    return QIcon(_GlyphEngine(_family(), char, QColor(color), QColor(disabled)))


class _GlyphEngine(QIconEngine):
    def __init__(self, family: str, char: str, color: QColor, disabled: QColor) -> None:
        super().__init__()
        self._family, self._char, self._color, self._disabled = family, char, color, disabled

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        font = QFont(self._family)
        font.setPixelSize(max(1, round(min(rect.width(), rect.height()) * 0.875)))
        painter.save()
        painter.setFont(font)
        painter.setPen(self._disabled if mode == QIcon.Mode.Disabled else self._color)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._char)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _GlyphEngine(self._family, self._char, self._color, self._disabled)
