"""Icons from the Font Awesome solid font, drawn without importing qtawesome (and so qtpy)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon

from coapp.ui.glyphs import GlyphError, glyph_icon

RED, GREY = QColor("#c00000"), QColor("#808080")  # test colours, not the theme's


def _inked(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    image = icon.pixmap(QSize(32, 32), mode).toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_an_icon_is_drawn_in_its_colour_and_greyed_when_disabled(qapp) -> None:  # type: ignore[no-untyped-def]
    icon = glyph_icon("fa6s.play", RED, GREY)
    assert RED.name() in _inked(icon)
    assert _inked(icon, QIcon.Mode.Disabled) == {GREY.name()}
    # Sharp on a high-density screen: a 2x pixmap has twice the pixels.
    assert icon.pixmap(QSize(16, 16), 2.0).size() == QSize(32, 32)


@pytest.mark.parametrize("name", ["fa6s.no-such-icon", "mdi.account", "", "fa6s."])
def test_an_unknown_icon_is_a_clear_error(qapp, name: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(GlyphError):
        glyph_icon(name, RED, GREY)


def test_making_icons_imports_neither_qtawesome_nor_qtpy() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from coapp.ui.toolkit import icon\n"
        "for name in ('fa6s.play', 'fa6s.stop', 'fa6s.copy', 'fa6s.table-cells', 'fa6s.file-invoice'):\n"
        "    assert not icon(name).isNull()\n"
        "print(sorted(m for m in ('qtawesome', 'qtpy') if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
