"""Small pictures shown in a cell: a padlock (on a confirmed invoice) and a note bubble.

They are handed to Qt as the cell's decoration, so Qt's own C++ delegate draws them; a Python
paint override cost about 2 ms per week switch. Drawn once per palette, in its colours, so locked
cells are marked by shape as well as by tint, in light and dark schemes alike.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPixmap

SIZE = 12
GAP = 3
ICON_SIZE = QSize(2 * SIZE + GAP, SIZE)  # the grid's icon size, so no mark is scaled down


class CellMarks:
    def __init__(self, palette: QPalette, ratio: float = 2.0) -> None:
        self._ratio = ratio
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        # On a selected cell the highlight would swallow the accent: draw in its text colour.
        selected = palette.color(QPalette.ColorRole.HighlightedText)
        self._marks: dict[tuple[bool, bool], QIcon] = {}
        for key, parts in (
            ((True, False), [_note]),
            ((False, True), [_lock]),
            ((True, True), [_lock, _note]),
        ):
            icon = QIcon()
            icon.addPixmap(self._draw(parts, accent, text), QIcon.Mode.Normal)
            icon.addPixmap(self._draw(parts, selected, selected), QIcon.Mode.Selected)
            self._marks[key] = icon

    def icon(self, note: bool, locked: bool) -> QIcon | None:
        return self._marks.get((note, locked))

    def _draw(self, painters: list, accent: QColor, text: QColor) -> QPixmap:  # type: ignore[type-arg]
        width = len(painters) * SIZE + (len(painters) - 1) * GAP
        pixmap = QPixmap(round(width * self._ratio), round(SIZE * self._ratio))
        pixmap.setDevicePixelRatio(self._ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for i, draw in enumerate(painters):
            draw(painter, QRectF(i * (SIZE + GAP), 0, SIZE, SIZE), accent, text)
        painter.end()
        return pixmap


def _lock(painter: QPainter, box: QRectF, _accent: QColor, text: QColor) -> None:
    pen = painter.pen()
    pen.setColor(text)
    pen.setWidthF(1.5)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    left, top, w, h = box.left() + 1.5, box.top(), box.width() - 3, box.height()
    painter.drawArc(QRectF(left + w * 0.2, top + 0.75, w * 0.6, h * 0.7), 0, 180 * 16)
    painter.drawLine(QPointF(left + w * 0.2, top + h * 0.4), QPointF(left + w * 0.2, top + h * 0.5))
    painter.drawLine(QPointF(left + w * 0.8, top + h * 0.4), QPointF(left + w * 0.8, top + h * 0.5))
    painter.fillRect(QRectF(left, top + h * 0.5, w, h * 0.5), text)


def _note(painter: QPainter, box: QRectF, accent: QColor, _text: QColor) -> None:
    """A speech bubble: the entry has a note (hover or Ctrl+Shift+N to read it)."""
    body = QRectF(box.left(), box.top() + 1, box.width(), box.height() * 0.7)
    path = QPainterPath()
    path.addRoundedRect(body, 2.5, 2.5)
    tail = QPainterPath(QPointF(body.left() + 3, body.bottom() - 0.5))
    tail.lineTo(body.left() + 3, box.bottom())
    tail.lineTo(body.left() + 7, body.bottom() - 0.5)
    tail.closeSubpath()
    painter.fillPath(path.united(tail), accent)
