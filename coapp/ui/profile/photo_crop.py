"""Choosing the square of a picture that becomes the profile photo.

The picture is read scaled down (QImageReader decodes a camera's 50-megapixel JPEG at a fraction of
its size, upright after the EXIF orientation) on a worker thread; the dialog shows it with a square
selection moved and resized by mouse or keyboard, and a preview of the result. The crop is handed on
in the upright source picture's pixels, which is what ProfileFiles.set_photo expects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageIOHandler,
    QImageReader,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.photos import MAX_PIXELS
from coapp.ui.theme import Space, current, set_role

VIEW_SIDE = 440  # the picture is shown within this many pixels each way
PREVIEW_SIDE = 96
MIN_SIDE = 32  # source pixels: a smaller square holds no recognisable face (the domain's rule)
HANDLE = 10  # how near a corner (display pixels) a press resizes instead of moving
KEY_STEP = 8  # display pixels an arrow key moves or resizes the square
PAD = HANDLE // 2 + 1


@dataclass(frozen=True)
class ScaledPicture:
    image: QImage  # upright, at most VIEW_SIDE each way
    width: int  # the upright source's size in pixels
    height: int


def read_scaled(path: Path, side: int = VIEW_SIDE) -> ScaledPicture | None:
    """The picture upright and scaled to fit *side*; None when Qt cannot read it (ProfileFiles may
    still, and otherwise says why). Safe on a worker thread: QImage is not a widget."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    stored = reader.size()
    if not stored.isValid() or stored.isEmpty() or stored.width() * stored.height() > MAX_PIXELS:
        return None  # a picture too big to import is refused by the import, with its limit named
    turned = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
    upright = stored.transposed() if turned else stored
    shown = (
        upright.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio)
        if max(upright.width(), upright.height()) > side
        else upright
    )
    # The scaled size applies while decoding, before the turn: in the stored orientation.
    reader.setScaledSize(shown.transposed() if turned else shown)
    image = reader.read()
    if image.isNull():
        return None
    return ScaledPicture(image, upright.width(), upright.height())


class CropArea(QWidget):
    """The picture with a square selection: drag inside to move, drag a corner to resize; arrow
    keys move it, Shift+arrows resize it (right and down grow, left and up shrink)."""

    changed = Signal()

    def __init__(self, picture: ScaledPicture, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoCropArea")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._image = picture.image
        self._source = QSize(picture.width, picture.height)
        self.scale = picture.image.width() / picture.width  # display pixels per source pixel
        # Room around the picture for the corner handles, which sit half outside a square at its edge.
        self.setFixedSize(picture.image.size().grownBy(QMargins(PAD, PAD, PAD, PAD)))
        w, h = picture.image.width(), picture.image.height()
        side = min(w, h)
        self.selection = QRectF((w - side) / 2, (h - side) / 2, side, side)  # the centred largest
        self._grab: tuple[str, QPointF, QRectF] | None = None  # (move|resize, press point, start)

    def _w(self) -> int:
        return self._image.width()

    def _h(self) -> int:
        return self._image.height()

    def min_side(self) -> float:
        return min(max(MIN_SIDE * self.scale, 8.0), float(min(self._w(), self._h())))

    def crop(self) -> tuple[int, int, int]:
        """(left, top, side) in the upright source's pixels, inside the picture."""
        w, h = self._source.width(), self._source.height()
        side = max(1, min(round(self.selection.width() / self.scale), w, h))
        left = min(max(0, round(self.selection.x() / self.scale)), w - side)
        top = min(max(0, round(self.selection.y() / self.scale)), h - side)
        return left, top, side

    def preview(self, side: int = PREVIEW_SIDE) -> QImage:
        part = self._image.copy(self.selection.toAlignedRect())
        return part.scaled(
            side, side, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    # --- changing the selection -------------------------------------------------------------------

    def set_selection(self, rect: QRectF) -> None:
        side = min(max(rect.width(), self.min_side()), float(self._w()), float(self._h()))
        x = min(max(rect.x(), 0.0), self._w() - side)
        y = min(max(rect.y(), 0.0), self._h() - side)
        self.selection = QRectF(x, y, side, side)
        self.update()
        self.changed.emit()

    def move_by(self, dx: float, dy: float) -> None:
        self.set_selection(self.selection.translated(dx, dy))

    def resize_by(self, step: float) -> None:
        s = self.selection
        side = min(s.width() + step, self._w() - s.x(), self._h() - s.y())
        self.set_selection(QRectF(s.x(), s.y(), side, side))

    def _corner(self, point: QPointF) -> QPointF | None:
        """The corner opposite the one near *point* (the anchor of a resize), or None."""
        s = self.selection
        corners = ((s.topLeft(), s.bottomRight()), (s.topRight(), s.bottomLeft()),
                   (s.bottomLeft(), s.topRight()), (s.bottomRight(), s.topLeft()))  # fmt: skip
        for corner, anchor in corners:
            if abs(point.x() - corner.x()) <= HANDLE and abs(point.y() - corner.y()) <= HANDLE:
                return anchor
        return None

    # --- mouse and keys ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position() - QPointF(PAD, PAD)  # in the picture's pixels
        anchor = self._corner(point)
        if anchor is not None:
            self._grab = ("resize", anchor, QRectF(self.selection))
        elif self.selection.contains(point):
            self._grab = ("move", point, QRectF(self.selection))
        else:  # a press beside the square brings it there
            self.set_selection(self.selection.translated(point - self.selection.center()))
            self._grab = ("move", point, QRectF(self.selection))
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position() - QPointF(PAD, PAD)  # in the picture's pixels
        if self._grab is None:
            near = self._corner(point)
            if near is not None:
                diagonal = (near.x() - point.x()) * (near.y() - point.y()) > 0
                self.setCursor(Qt.CursorShape.SizeFDiagCursor if diagonal else Qt.CursorShape.SizeBDiagCursor)
            elif self.selection.contains(point):
                self.setCursor(Qt.CursorShape.SizeAllCursor)
            else:
                self.unsetCursor()
            return
        kind, start, rect = self._grab
        if kind == "move":
            self.set_selection(rect.translated(point - start))
            return
        # A resize keeps the square's far corner (the anchor) where it is.
        side = max(abs(point.x() - start.x()), abs(point.y() - start.y()))
        side = max(side, self.min_side())
        x = start.x() if point.x() >= start.x() else start.x() - side
        y = start.y() if point.y() >= start.y() else start.y() - side
        room_x = self._w() - x if point.x() >= start.x() else start.x()
        room_y = self._h() - y if point.y() >= start.y() else start.y()
        side = min(side, room_x, room_y)
        x = start.x() if point.x() >= start.x() else start.x() - side
        y = start.y() if point.y() >= start.y() else start.y() - side
        self.set_selection(QRectF(x, y, side, side))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._grab = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key not in moves:
            super().keyPressEvent(event)
            return
        dx, dy = moves[Qt.Key(key)]
        if shift:
            self.resize_by(KEY_STEP * (dx + dy))
        else:
            self.move_by(KEY_STEP * dx, KEY_STEP * dy)

    # --- painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.translate(PAD, PAD)
        painter.drawImage(0, 0, self._image)
        # Over a photo, not over the theme: the same dark veil and white frame in light and dark.
        shade = QColor(0, 0, 0, 140)
        s, r = self.selection, QRectF(self._image.rect())
        for part in (
            QRectF(r.left(), r.top(), r.width(), s.top()),
            QRectF(r.left(), s.bottom(), r.width(), r.bottom() - s.bottom() + 1),
            QRectF(r.left(), s.top(), s.left(), s.height()),
            QRectF(s.right(), s.top(), r.right() - s.right() + 1, s.height()),
        ):
            painter.fillRect(part, shade)
        theme = current()
        # White on the shade; the accent while the keyboard is here (the visible focus).
        line = theme.color("accent") if self.hasFocus() else QColor(Qt.GlobalColor.white)
        painter.setPen(QPen(line, 3 if self.hasFocus() else 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(s.adjusted(1, 1, -1, -1))
        painter.setBrush(line)
        for corner in (s.topLeft(), s.topRight(), s.bottomLeft(), s.bottomRight()):
            painter.drawRect(QRectF(corner.x() - HANDLE / 2, corner.y() - HANDLE / 2, HANDLE, HANDLE))
        painter.end()


class CropDialog(QDialog):
    """``chosen`` carries the crop; the owner then calls ``saved()`` or ``refused(reason)``."""

    chosen = Signal(tuple)

    def __init__(self, picture: ScaledPicture, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoCropDialog")
        self.setWindowTitle(self.tr("Crop your photo"))
        self._saving = False
        hint = QLabel(
            self.tr(
                "Drag the square to move it, drag a corner to resize it. "
                "Arrow keys move it; Shift+arrow keys resize it."
            ),
            self,
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")
        self.area = CropArea(picture, self)
        self.area.setAccessibleName(self.tr("Part of {name} to use").format(name=name))
        self.area.setAccessibleDescription(self.tr("Arrow keys move the square; Shift+arrow keys resize it"))
        self.preview = QLabel(self)
        self.preview.setObjectName("photoCropPreview")
        self.preview.setFixedSize(PREVIEW_SIDE, PREVIEW_SIDE)
        self.preview.setAccessibleName(self.tr("Preview of the photo"))
        caption = QLabel(self.tr("Preview"), self)
        set_role(caption, "hint")
        self.area.changed.connect(self._show_preview)
        self._show_preview()
        self.error = QLabel(self)
        self.error.setObjectName("photoCropError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.error, "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        use = self.buttons.addButton(self.tr("Use photo"), QDialogButtonBox.ButtonRole.AcceptRole)
        use.setObjectName("photoCropUse")
        use.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        side.setSpacing(Space.XS)
        side.addWidget(caption)
        side.addWidget(self.preview)
        side.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(Space.L)
        row.addWidget(self.area, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.L, Space.XL, Space.L)
        layout.setSpacing(Space.M)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.area.setFocus()

    def _show_preview(self) -> None:
        self.preview.setPixmap(QPixmap.fromImage(self.area.preview()))

    def accept(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.buttons.setEnabled(False)
        self.error.hide()
        self.chosen.emit(self.area.crop())

    def reject(self) -> None:
        if not self._saving:  # the import under way finishes first
            super().reject()

    def saved(self) -> None:
        self._saving = False
        super().accept()

    def refused(self, reason: str) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self.error.setText(reason)
        self.error.show()
        self.adjustSize()
