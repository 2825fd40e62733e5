"""A person's round portrait on a card (the agent's): their photo when the last sync fetched one,
else their initials on the accent colour, so the card never shows an empty square.

The photo is a JPEG the platform made and the sync checked against its checksum; it is read here
with a size cap all the same (QImageReader), since a damaged file must not take the window down."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImageReader, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from coapp.ui.theme import current

MAX_SIDE = 1024  # the platform's photos are 512 px; anything larger is not one of them


class Portrait(QLabel):
    def __init__(self, name: str, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.side = side
        self.setFixedSize(QSize(side, side))
        self.shows_photo = False

    def show_person(self, person: str, photo: Path | None) -> None:
        self.setAccessibleName(person)
        image = _read(photo) if photo is not None else None
        self.shows_photo = image is not None
        self.setPixmap(self._round(image, person))

    def _round(self, image: QPixmap | None, person: str) -> QPixmap:
        ratio = self.devicePixelRatioF()
        canvas = QPixmap(int(self.side * ratio), int(self.side * ratio))
        canvas.setDevicePixelRatio(ratio)
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        circle = QPainterPath()
        circle.addEllipse(QRectF(0, 0, self.side, self.side))
        painter.setClipPath(circle)
        if image is not None:
            painter.drawPixmap(QRectF(0, 0, self.side, self.side), image, QRectF(image.rect()))
        else:
            colors = current().colors
            painter.fillPath(circle, QColor(colors.accent))
            font = QFont(self.font())
            font.setPixelSize(max(8, self.side * 2 // 5))
            font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(font)
            painter.setPen(QColor(colors.on_accent))
            initials = "".join(part[0] for part in person.split()[:2]).upper()
            painter.drawText(QRectF(0, 0, self.side, self.side), Qt.AlignmentFlag.AlignCenter, initials)
        painter.end()
        return canvas


def _read(path: Path) -> QPixmap | None:
    reader = QImageReader(str(path))
    reader.setAutoTransform(False)
    size = reader.size()
    if not size.isValid() or max(size.width(), size.height()) > MAX_SIDE:
        return None
    image = reader.read()
    return None if image.isNull() else QPixmap.fromImage(image)
