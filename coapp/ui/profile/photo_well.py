"""The profile photo in the personal details: a preview of the stored photo, "Choose photo…" (a file
dialog, then the crop dialog) and "Remove" (Ctrl+Z puts it back).

The picture is read and shown scaled down on a worker thread; the import (Pillow: any format, huge
or broken files refused with a reason) runs on the writes lane. A picture Qt cannot read is handed
to the import as it is, which either takes it (centred square) or says why it cannot."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QStandardPaths, Qt
from PySide6.QtGui import (
    QImage,
    QImageReader,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from coapp.domain.photos import MAX_SOURCE_BYTES
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.profile.photo_crop import CropDialog, ScaledPicture, read_scaled
from coapp.ui.theme import Space, current
from coapp.ui.toolkit import ErrorBanner, icon, make_button

SIDE = 72  # the preview's side in pixels
PICTURES = "*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.heic"


def read_preview(path: Path | None, side: int = SIDE) -> QImage | None:
    if path is None:
        return None
    reader = QImageReader(str(path))
    reader.setScaledSize(QSize(side, side))  # the stored photo is a square JPEG
    image = reader.read()
    return None if image.isNull() else image


class PhotoPreview(QWidget):
    """The photo in a rounded square; without one, a placeholder figure on a soft ground."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilePhotoPreview")
        self.setFixedSize(SIDE, SIDE)
        self.pixmap: QPixmap | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        theme = current()
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(theme.color("border"))
        painter.setBrush(theme.color("alternate"))
        painter.drawRoundedRect(rect, Space.S, Space.S)
        if self.pixmap is not None:
            path = QPainterPath()
            path.addRoundedRect(rect, Space.S, Space.S)
            painter.setClipPath(path)
            painter.drawPixmap(self.rect(), self.pixmap)
        else:
            glyph = icon("fa6s.user", "muted")
            glyph.paint(painter, self.rect().adjusted(SIDE // 4, SIDE // 4, -SIDE // 4, -SIDE // 4))
        painter.end()


class RemovePhoto(QUndoCommand):
    """Applied once before it is pushed (the stored file goes with it); undo imports the removed
    photo's bytes again."""

    def __init__(self, text: str, photo: bytes, well: PhotoWell) -> None:
        super().__init__(text)
        self._photo, self._well = photo, well
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._well.write(lambda: self._well.files.remove_photo())

    def undo(self) -> None:
        photo, files = self._photo, self._well.files

        def work() -> str:
            with tempfile.TemporaryDirectory(prefix="coapp-photo-") as folder:
                path = Path(folder) / "photo.jpg"
                path.write_bytes(photo)
                return files.set_photo(path)

        self._well.write(work)


class PhotoWell(QWidget):
    def __init__(self, lane: ProfileLane, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilePhoto")
        self._lane = lane
        self._undo = undo_stack
        self.sha: str | None = None  # the photo shown
        self.dialog: CropDialog | None = None
        self.preview = PhotoPreview(self)
        self.preview.setAccessibleName(self.tr("Your photo"))
        self.choose_button = make_button(
            self, "profilePhotoChoose", self.tr("Choose…"), self.tr("Choose a photo of yourself"), self.choose
        )
        self.remove_button = make_button(
            self,
            "profilePhotoRemove",
            self.tr("Remove"),
            self.tr("Remove the photo (Ctrl+Z brings it back)"),
            self.remove,
        )
        self.choose_button.setAccessibleName(self.tr("Choose photo"))
        self.remove_button.setAccessibleName(self.tr("Remove photo"))
        self.remove_button.setEnabled(False)
        # Shown by the details card under its form: wide enough for a sentence about a file.
        self.banner = ErrorBanner("profilePhotoError", self.tr("Problem with the photo"))
        buttons = QVBoxLayout()
        buttons.setSpacing(Space.XS)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(Space.M)
        layout.addLayout(buttons)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        self._loading: str | None = None  # the checksum whose preview is being read
        self.show_photo(None, None)

    @property
    def files(self):  # type: ignore[no-untyped-def]
        return self._lane.files

    # --- the stored photo -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the stored photo if it changed (a sync, an import, an undo). Asked after every write:
        the checksum is one small read here, and only a changed photo is decoded, on a worker."""
        files = self.files
        sha = files.photo_sha256()
        if sha is None:
            self._loading = None
            if self.sha is not None:
                self.show_photo(None, None)
            return
        if sha in (self.sha, self._loading):
            return
        self._loading = sha

        def done(image: QImage | None) -> None:
            if self._loading == sha:  # not overtaken by a newer photo or a removal
                self._loading = None
                self.show_photo(sha, image)

        def failed(why: str) -> None:
            self._loading = None
            self.banner.show_error(why)

        self._lane.run(lambda: read_preview(files.file_path(sha)), done, failed)

    def show_photo(self, sha: str | None, image: QImage | None) -> None:
        self.sha = sha
        self.preview.pixmap = QPixmap.fromImage(image) if image is not None else None
        if sha is None:
            about = self.tr("No photo yet: choose one (JPEG, PNG, WebP …)")
        elif image is None:  # chosen on another device; the file follows with a sync round
            about = self.tr("Your photo is not on this computer yet; it comes with the next sync")
        else:
            about = self.tr("A photo is set")
        self.preview.setAccessibleDescription(about)
        self.preview.setToolTip(about)
        self.preview.update()
        self.remove_button.setEnabled(sha is not None)

    def write(self, work, done=None) -> None:  # type: ignore[no-untyped-def]
        """A photo change on the writes lane; the preview follows what was stored."""

        def stored(_result: object) -> None:
            self.banner.clear()
            if done is not None:
                done(_result)
            self.refresh()

        self._lane.write(lambda _service: work(), stored, self.banner.show_error)

    # --- choosing, cropping, removing -------------------------------------------------------------

    def choose(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a photo"),
            start,
            self.tr("Pictures ({patterns});;All files (*)").format(patterns=PICTURES),
        )
        if path:
            self.crop(Path(path))

    def crop(self, path: Path) -> None:
        """Read *path* scaled down off the GUI thread, then open the crop dialog on it."""
        self.banner.clear()
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # the import names the problem
        if size > MAX_SOURCE_BYTES:
            self._import(path, None, None)  # refused there, with the limit named
            return
        self.choose_button.setEnabled(False)

        def done(picture: ScaledPicture | None) -> None:
            self.choose_button.setEnabled(True)
            if picture is None:
                self._import(path, None, None)  # not for Qt: the import takes it or says why
            else:
                self.open_crop(picture, path)

        def failed(why: str) -> None:
            self.choose_button.setEnabled(True)
            self.banner.show_error(why)

        self._lane.run(lambda: read_scaled(path), done, failed)

    def open_crop(self, picture: ScaledPicture, path: Path) -> CropDialog:
        dialog = CropDialog(picture, path.name, self)
        self.dialog = dialog
        dialog.chosen.connect(lambda crop: self._import(path, crop, dialog))
        dialog.finished.connect(lambda _code: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: CropDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.choose_button.setFocus()

    def _import(self, path: Path, crop: tuple[int, int, int] | None, dialog: CropDialog | None) -> None:
        files = self.files

        def stored(_sha: object) -> None:
            self.banner.clear()
            if dialog is not None:
                dialog.saved()
            self.refresh()

        def refused(why: str) -> None:
            if dialog is not None:
                dialog.refused(why)
            else:
                self.banner.show_error(why)

        self._lane.write(lambda _service: files.set_photo(path, crop), stored, refused)

    def remove(self) -> None:
        if self.sha is None:
            return
        files = self.files

        def work() -> bytes:
            path = files.photo_path()
            photo = path.read_bytes() if path is not None else b""
            files.remove_photo()
            return photo

        def removed(photo: bytes) -> None:
            if photo:
                self._undo.push(RemovePhoto(self.tr("Remove photo"), photo, self))
            self.choose_button.setFocus()

        self.write(work, removed)
