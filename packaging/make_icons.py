"""Draw coapp's icon and every file the systems want from it:

    uv run python packaging/make_icons.py

- resources/icons/coapp.svg: the source, a rounded square in the theme's accent colour with a clock
  in the colour drawn on the accent (coapp/ui/theme.py LIGHT), so the icon follows the theme;
- resources/icons/hicolor/<n>x<n>/apps/se.coapp.Coapp.png: the Linux icon theme's sizes, also the
  running app's window icon (coapp/ui/app_icon.py), which needs no SVG support in the bundle;
- packaging/windows/coapp.ico and packaging/macos/coapp.icns.

Run again after a change of the accent colour or the drawing, and commit what it wrote. The PNGs
are rendered by Qt's SVG renderer (QtSvg, in the development environment only); Pillow packs the
.ico and .icns.
"""

from __future__ import annotations

import importlib.util
import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "coapp.svg"
ICO = HERE / "windows" / "coapp.ico"
ICNS = HERE / "macos" / "coapp.icns"

HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)

# A 512-unit square: 32 units of air around a rounded tile, and a clock face whose hands show a quarter
# past four, drawn as round-capped strokes thick enough to stay readable at 16 px (about a pixel).
SVG_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <title>coapp</title>
  <rect x="32" y="32" width="448" height="448" rx="104" ry="104" fill="{accent}"/>
  <circle cx="256" cy="256" r="146" fill="none" stroke="{mark}" stroke-width="38"/>
  <path d="M256 168 V256 L318 298" fill="none" stroke="{mark}" stroke-width="38"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def hicolor_png(size: int, app_id: str) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png"


def _app_id() -> str:
    spec = importlib.util.spec_from_file_location("bundle_config", HERE / "bundle_config.py")
    if spec is None or spec.loader is None:
        raise SystemExit("make_icons: packaging/bundle_config.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.APP_ID)


def svg_text() -> str:
    from coapp.ui.theme import LIGHT

    return SVG_TEMPLATE.format(accent=LIGHT.accent, mark=LIGHT.on_accent)


_keep: list[object] = []


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn at *size* × *size* pixels, as PNG bytes (antialiased, transparent corners)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication(sys.argv[:1]))  # one application for every size
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit("make_icons: the SVG does not parse")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    from PIL import Image

    app_id = _app_id()
    text = svg_text()
    ICONS.mkdir(parents=True, exist_ok=True)
    SVG.write_text(text, encoding="utf-8")
    svg = text.encode("utf-8")
    images: dict[int, Image.Image] = {}
    for size in sorted({*HICOLOR_SIZES, *ICO_SIZES, *ICNS_SIZES}):
        png = render_png(svg, size)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
        if size in HICOLOR_SIZES:
            target = hicolor_png(size, app_id)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png)
    ICO.parent.mkdir(parents=True, exist_ok=True)
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        ICO,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    ICNS.parent.mkdir(parents=True, exist_ok=True)
    images[max(ICNS_SIZES)].save(
        ICNS, format="ICNS", append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)]
    )
    written = [SVG, *(hicolor_png(s, app_id) for s in HICOLOR_SIZES), ICO, ICNS]
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
