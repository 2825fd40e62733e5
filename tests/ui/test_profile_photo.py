"""My Profile's photo and portfolio files (issue 9) on the real main window: a picture read scaled and
upright into the crop dialog, the square moved and resized by keys and mouse, the stored photo
previewed and removed with undo; huge, broken and non-picture files refused with a reason; files
attached to portfolio items (size and kind said clearly), opened, detached and brought back."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices, QImageReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.domain.profile_sections import PortfolioItem
from coapp.services.profile_files import FileTransferInfo
from coapp.ui.main_window import MainWindow
from coapp.ui.profile.photo_crop import PAD, VIEW_SIDE, CropDialog
from coapp.ui.profile.photo_well import PhotoWell
from coapp.ui.profile.screen import ProfileScreen
from tests.ui.conftest import OFFSCREEN_NOISE
from tests.ui.test_profile_screen import _idle, _open_profile

SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def _sideways_photo(folder: Path) -> Path:
    """A 1600 × 1000 picture stored turned a quarter (1000 × 1600) with EXIF orientation 6."""
    upright = Image.new("RGB", (1600, 1000), (70, 110, 160))
    upright.paste((240, 200, 170), (700, 200, 900, 600))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = folder / "camera.jpg"
    upright.transpose(Image.Transpose.ROTATE_90).save(path, exif=exif)
    return path


def _bomb(folder: Path) -> Path:
    """A tiny PNG whose header claims 30,000 × 30,000 pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 30_000, 30_000, 8, 0, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 30_001))
    path = folder / "bomb.png"
    path.write_bytes(data + chunk(b"IEND", b""))
    return path


def _crop_dialog(qtbot: QtBot, well: PhotoWell, path: Path) -> CropDialog:
    well.crop(path)
    qtbot.waitUntil(lambda: well.dialog is not None and well.dialog.isVisible())
    dialog = well.dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _screen(qtbot: QtBot, window: MainWindow) -> ProfileScreen:
    screen = _open_profile(qtbot, window)
    _idle(qtbot, window)
    return screen


def test_a_photo_is_cropped_upright_from_the_keyboard_and_removed_with_undo(
    qtbot, open_window, tmp_path: Path
) -> None:
    window = open_window()
    screen = _screen(qtbot, window)
    well = screen.details.photo
    assert well.sha is None
    assert not well.remove_button.isEnabled()

    dialog = _crop_dialog(qtbot, well, _sideways_photo(tmp_path))
    area = dialog.area
    picture = (area.width() - 2 * PAD, area.height() - 2 * PAD)  # the handles' room around it
    assert picture == (VIEW_SIDE, VIEW_SIDE * 1000 // 1600)  # upright, scaled
    assert area.crop() == (300, 0, 1000)  # the centred largest square of the upright picture
    assert area.hasFocus()
    qtbot.keyClick(area, Qt.Key.Key_Left)  # moves the square left
    qtbot.keyClick(area, Qt.Key.Key_Left, SHIFT)  # and makes it smaller
    left, top, side = area.crop()
    assert (left < 300, top, side < 1000) == (True, 0, True)
    for _ in range(60):  # never out of the picture
        qtbot.keyClick(area, Qt.Key.Key_Left)
    assert area.crop()[0] == 0

    qtbot.keyClick(area, Qt.Key.Key_Return)  # "Use photo"
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: well.dialog is None and well.sha is not None)
    stored = window.ctx.profile_files.photo_path()
    assert stored is not None
    with Image.open(stored) as photo:
        assert photo.size == (512, 512)  # the service scaled the chosen square
        assert photo.getpixel((5, 5)) == pytest.approx((70, 110, 160), abs=12)  # upright: sky, not face
    assert well.preview.pixmap is not None
    assert well.remove_button.isEnabled()

    qtbot.mouseClick(well.remove_button, LEFT)
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: well.sha is None)
    assert window.ctx.profile_files.photo_path() is None
    assert well.preview.pixmap is None
    assert window.undo_stack.undoText() == "Remove photo"
    window.undo_stack.undo()
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: well.sha is not None)
    assert window.ctx.profile_files.photo_path() is not None


def test_the_square_follows_the_mouse_and_a_corner_resizes_it(qtbot, open_window, tmp_path: Path) -> None:
    window = open_window()
    screen = _screen(qtbot, window)
    picture = tmp_path / "wide.png"
    Image.new("RGB", (800, 400), (10, 120, 90)).save(picture)
    dialog = _crop_dialog(qtbot, screen.details.photo, picture)
    area = dialog.area
    assert area.crop() == (200, 0, 400)
    inside = area.selection.center().toPoint() + QPoint(PAD, PAD)
    qtbot.mousePress(area, LEFT, pos=inside)
    qtbot.mouseMove(area, inside + QPoint(60, 0))
    qtbot.mouseRelease(area, LEFT, pos=inside + QPoint(60, 0))
    left, _top, side = area.crop()
    assert (side, left > 200) == (400, True)
    corner = area.selection.bottomRight().toPoint() + QPoint(PAD, PAD)
    qtbot.mousePress(area, LEFT, pos=corner)
    qtbot.mouseMove(area, corner - QPoint(100, 100))
    qtbot.mouseRelease(area, LEFT, pos=corner - QPoint(100, 100))
    assert area.crop()[2] < 300  # smaller, still square, its top-left corner kept
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.details.photo.dialog is None)
    assert window.ctx.profile_files.photo_path() is None


def test_a_huge_picture_is_read_scaled_down(tmp_path: Path, qapp) -> None:
    path = tmp_path / "huge.jpg"
    Image.new("RGB", (6000, 4000), (200, 30, 30)).save(path, quality=50)
    from coapp.ui.profile.photo_crop import read_scaled

    picture = read_scaled(path)
    assert picture is not None
    assert (picture.width, picture.height) == (6000, 4000)
    assert max(picture.image.width(), picture.image.height()) == VIEW_SIDE
    assert QImageReader.allocationLimit() > 0  # Qt refuses to decode past it, whatever the file says


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, r"libpng|Corrupt JPEG|Premature end")
def test_broken_huge_and_non_pictures_are_refused_with_the_reason(qtbot, open_window, tmp_path: Path) -> None:
    window = open_window()
    screen = _screen(qtbot, window)
    well = screen.details.photo
    text = tmp_path / "notes.png"
    text.write_text("not a picture at all")
    well.crop(text)
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: well.banner.isVisible())
    assert "notes.png is not a picture coapp can read" in well.banner.text()
    assert well.dialog is None

    well.crop(_bomb(tmp_path))
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: "bomb.png" in well.banner.text())
    assert well.banner.is_error()
    assert window.ctx.profile_files.photo_path() is None

    broken = tmp_path / "cut.jpg"
    broken.write_bytes(_sideways_photo(tmp_path).read_bytes()[:1500])  # cut off in the header
    dialog = _crop_dialog(qtbot, well, broken)  # Qt shows what it could read of it
    qtbot.keyClick(dialog.area, Qt.Key.Key_Return)
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text().startswith("cut.jpg is damaged")  # the import's reason, in the dialog
    assert dialog.isVisible()
    assert dialog.buttons.isEnabled()
    assert window.ctx.profile_files.photo_path() is None


def test_a_portfolio_file_is_attached_opened_detached_and_brought_back(
    qtbot, ctx: AppContext, open_window, tmp_path: Path, monkeypatch
) -> None:
    ctx.profile.add_item(PortfolioItem("Case study", "example.com/case"))
    window = open_window()
    screen = _screen(qtbot, window)
    portfolio = screen.portfolio
    strip = portfolio.strip
    assert strip is not None
    assert not strip.isVisible()  # about the current item; none is current yet
    portfolio.list.setFocus()
    portfolio.list.setCurrentIndex(portfolio.model.index(0, 0))
    assert strip.isVisible()
    assert strip.label.text() == "No file attached"
    assert not strip.open_button.isVisible()

    pdf = tmp_path / "case-study.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"0" * 4000)
    strip.attach(pdf)
    _idle(qtbot, window)
    (item,) = window.ctx.profile.get().portfolio
    assert item.file is not None
    assert (item.file.name, item.file.content_type) == ("case-study.pdf", "application/pdf")
    assert strip.label.text() == "case-study.pdf · 4 kB"
    assert strip.attach_button.text() == "Replace file…"
    assert "case-study.pdf" in portfolio.describe(item)[1]

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    portfolio.list.setFocus()
    qtbot.keyClick(portfolio.list, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(opened))
    assert Path(opened[0]).name == "case-study.pdf"  # a copy under its name, not the checksum
    assert Path(opened[0]).read_bytes() == pdf.read_bytes()

    strip.detach()
    _idle(qtbot, window)
    assert window.ctx.profile.get().portfolio[0].file is None
    assert window.undo_stack.undoText() == "Remove file case-study.pdf"
    window.undo_stack.undo()
    _idle(qtbot, window)
    back = window.ctx.profile.get().portfolio[0].file
    assert back is not None
    assert back.name == "case-study.pdf"
    assert window.ctx.profile_files.file_path(back.sha256) is not None


def test_wrong_kinds_and_too_big_files_are_said_clearly(
    qtbot, ctx: AppContext, open_window, tmp_path: Path
) -> None:
    ctx.profile.add_item(PortfolioItem("Talk"))
    window = open_window()
    screen = _screen(qtbot, window)
    portfolio = screen.portfolio
    portfolio.list.setCurrentIndex(portfolio.model.index(0, 0))
    strip = portfolio.strip
    assert strip is not None

    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ\x90\x00" + bytes(range(256)) * 8)
    strip.attach(program)
    _idle(qtbot, window)
    assert portfolio.banner.is_error()
    assert portfolio.banner.text().startswith("setup.exe is not a kind of file a portfolio can hold")

    big = tmp_path / "recording.pdf"
    with big.open("wb") as fh:
        fh.truncate(26 * 1024 * 1024)  # sparse: no 26 MB written to disk
    strip.attach(big)
    assert portfolio.banner.text() == "recording.pdf is 26.0 MB; a portfolio file can be at most 25 MB."
    assert window.ctx.profile.get().portfolio[0].file is None


def test_a_removed_portfolio_item_comes_back_with_its_file(
    qtbot, ctx: AppContext, open_window, tmp_path: Path
) -> None:
    (item,) = (ctx.profile.add_item(PortfolioItem("Poster")),)
    picture = tmp_path / "poster.png"
    Image.new("RGB", (40, 40), (1, 2, 3)).save(picture)
    ctx.profile_files.attach_file(item.id, picture)
    window = open_window()
    screen = _screen(qtbot, window)
    portfolio = screen.portfolio
    portfolio.list.setFocus()
    portfolio.list.setCurrentIndex(portfolio.model.index(0, 0))
    qtbot.keyClick(portfolio.list, Qt.Key.Key_Delete)
    _idle(qtbot, window)
    assert window.ctx.profile.get().portfolio == ()
    window.undo_stack.undo()
    _idle(qtbot, window)
    (back,) = window.ctx.profile.get().portfolio
    assert back.id == item.id
    assert back.file is not None
    stored = window.ctx.profile_files.file_path(back.file.sha256)
    assert stored is not None
    assert stored.read_bytes() == picture.read_bytes()


def test_the_file_strip_says_where_a_file_stands_with_the_platform(
    qtbot, ctx: AppContext, open_window, tmp_path: Path, monkeypatch
) -> None:
    item = ctx.profile.add_item(PortfolioItem("Slides"))
    slides = tmp_path / "slides.pdf"
    slides.write_bytes(b"%PDF-1.7\n" + b"1" * 2048)
    attached = ctx.profile_files.attach_file(item.id, slides).file
    assert attached is not None
    window = open_window()
    screen = _screen(qtbot, window)
    portfolio = screen.portfolio
    portfolio.list.setCurrentIndex(portfolio.model.index(0, 0))
    strip = portfolio.strip
    assert strip is not None
    assert strip.label.text() == "slides.pdf · 2 kB"  # never synced: nothing to say

    files = window.ctx.profile_files
    for info, said in (
        (FileTransferInfo("up", "waiting", 0, None), "waiting to go to the platform"),
        (FileTransferInfo("up", "sending", 1024, None), "uploading, 49 % sent"),
        (
            FileTransferInfo("up", "refused", 0, "too large for the plan"),
            "the platform refused it: too large for the plan",
        ),
        (FileTransferInfo("up", "done", 2057, None), ""),
    ):
        monkeypatch.setattr(files, "transfer", lambda _sha, info=info: info)
        strip.show_item(portfolio.selected())
        assert strip.label.text() == " · ".join(p for p in ("slides.pdf", "2 kB", said) if p)

    stored = files.file_path(attached.sha256)
    assert stored is not None
    stored.unlink()  # as on a second device before the file has come down
    strip.show_item(portfolio.selected())
    assert strip.label.text().endswith("not on this computer yet; it comes with the next sync")
