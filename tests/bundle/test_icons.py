"""The app icon: drawn from the theme's accent, rendered in every size each system wants, and used
as the running app's window icon."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

from tests.bundle.conftest import PACKAGING, ROOT, load

ICONS = ROOT / "resources" / "icons"


@pytest.fixture(scope="module")
def make_icons() -> ModuleType:
    return load("make_icons")


def test_the_svg_is_drawn_in_the_theme_accent(make_icons: ModuleType) -> None:
    from coapp.ui.theme import LIGHT

    svg = (ICONS / "coapp.svg").read_text(encoding="utf-8")
    assert svg == make_icons.svg_text()  # the committed file is what make_icons.py writes now
    assert f'fill="{LIGHT.accent}"' in svg
    assert re.search(rf'stroke="{re.escape(LIGHT.on_accent)}"', svg)


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_hicolor_png_in_each_size(make_icons: ModuleType, config: ModuleType, size: int) -> None:
    assert size in make_icons.HICOLOR_SIZES
    path = make_icons.hicolor_png(size, config.APP_ID)
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        rgba = image.convert("RGBA")
        assert rgba.getpixel((0, 0))[3] == 0  # transparent corners: a rounded tile
        assert rgba.getpixel((size // 2, size // 8))[3] == 255  # the tile itself


def test_windows_ico_sizes(make_icons: ModuleType) -> None:
    with Image.open(PACKAGING / "windows" / "coapp.ico") as ico:
        assert ico.format == "ICO"
        assert set(ico.info["sizes"]) >= {(s, s) for s in (16, 32, 48, 256)}


def test_macos_icns_sizes(make_icons: ModuleType) -> None:
    with Image.open(PACKAGING / "macos" / "coapp.icns") as icns:
        assert icns.format == "ICNS"
        sizes = {(w, h) for w, h, _scale in icns.info["sizes"]}
        assert {(16, 16), (128, 128), (256, 256), (512, 512)} <= sizes


def test_render_png_draws_the_requested_size(make_icons: ModuleType, qapp: object) -> None:
    import io

    png = make_icons.render_png(make_icons.svg_text().encode(), 40)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (40, 40)


def test_render_png_refuses_a_broken_svg(make_icons: ModuleType, qapp: object) -> None:
    with pytest.raises(SystemExit, match="does not parse"):
        make_icons.render_png(b"<svg", 16)


class TestAppIcon:
    def test_every_size_is_in_the_window_icon(self, qapp: object) -> None:
        from coapp.ui.app_icon import app_icon, icon_files

        sizes = [size for size, _ in icon_files()]
        assert sizes == [16, 24, 32, 48, 64, 128, 256, 512]
        icon = app_icon()
        assert not icon.isNull()
        assert sorted(s.width() for s in icon.availableSizes()) == sizes

    def test_falls_back_to_the_svg(
        self, qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from coapp.ui import app_icon as module

        (tmp_path / "icons").mkdir()
        (tmp_path / "icons" / "coapp.svg").write_bytes((ICONS / "coapp.svg").read_bytes())
        monkeypatch.setattr(module, "resource_dir", lambda: tmp_path)
        assert module.icon_files() == []
        assert not module.app_icon().isNull()

    def test_no_icon_files_gives_an_empty_icon(
        self, qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from coapp.ui import app_icon as module

        folder = tmp_path / "icons" / "hicolor" / "big" / "apps"
        folder.mkdir(parents=True)
        (folder / f"{module.APP_ID}.png").write_bytes(b"not a png in a folder without a size")
        monkeypatch.setattr(module, "resource_dir", lambda: tmp_path)
        assert module.icon_files() == []
        assert module.app_icon().isNull()
