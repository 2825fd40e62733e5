"""The plot widget: paints a PlotData with QPainter in the theme's colours, and tells which index
the pointer is over. No items, no scene: each colour's bars are filled in one drawRects call, so
ten years of weeks for several contracts (thousands of bars) paint in a few milliseconds.

The chart card around it (coapp.ui.insights.charts.Chart) owns the read-out; the plot draws the
read-out's index as a subtle band (``set_highlight``) and emits ``pointed`` as the pointer moves."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from coapp.ui.charts.geometry import Layout, PlotData, lay_out
from coapp.ui.charts.series import resolve
from coapp.ui.theme import Colors, Space, Type, current

BAND_ALPHA = 24  # of 255: the highlighted index's band, the accent colour barely there
GRID_ALPHA = 150  # of 255: grid lines in the border colour, quieter than the zero line


class Plot(QWidget):
    pointed = Signal(int)  # the index under the pointer, when it changes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = PlotData()
        self.highlight = -1
        self.group, self.point = ",", "."
        self._layout: Layout | None = None
        self._pointed = -1
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._take_font()

    # --- what is shown ------------------------------------------------------------------------

    def set_data(self, data: PlotData) -> None:
        self.data = data
        self.highlight = min(self.highlight, data.count - 1)
        self._changed()

    def set_number_style(self, group: str, point: str) -> None:
        """Thousands grouped by *group*, decimals after *point*, on the y axis."""
        if (group, point) != (self.group, self.point):
            self.group, self.point = group, point
            self._changed()

    def set_highlight(self, index: int) -> None:
        if index != self.highlight:
            self.highlight = index
            self.update()

    def layout_now(self) -> Layout:
        """Where everything goes at the present size (computed once per size, font and data)."""
        if self._layout is None:
            fm = QFontMetricsF(self.font())
            self._layout = lay_out(self.data, self.width(), self.height(), fm, self.group, self.point)
        return self._layout

    def index_at(self, x: float) -> int:
        """The index whose slot holds *x* (clamped to the ends), -1 with nothing shown."""
        if self.data.count == 0:
            return -1
        layout = self.layout_now()
        return max(0, min(self.data.count - 1, int((x - layout.area.left()) // layout.slot)))

    def _changed(self) -> None:
        self._layout = None
        self.update()

    def _take_font(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * Type.SMALL)
        self.setFont(font)

    # --- events -------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._layout = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.ApplicationFontChange:
            self._take_font()
        if kind in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._layout = None
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange, QEvent.Type.StyleChange):
            self.update()  # the colours are the theme's, taken when painting
        super().changeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().x())
        if index >= 0 and index != self._pointed:
            self._pointed = index
            self.pointed.emit(index)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._pointed = -1  # coming back to the same index tells it again
        super().leaveEvent(event)

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        c = current().colors
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(c.surface))
        if self.data.count > 0 or self.data.fixed is not None:
            self._paint(painter, self.layout_now(), c)
        painter.end()

    def _paint(self, painter: QPainter, layout: Layout, c: Colors) -> None:
        area = layout.area
        painter.setFont(self.font())
        grid = QColor(c.border)
        grid.setAlpha(GRID_ALPHA)
        muted = QColor(c.muted)
        painter.setPen(QPen(grid, 1))
        for y, _text in layout.y_labels:
            yy = round(y) + 0.5
            painter.drawLine(QPointF(area.left(), yy), QPointF(area.right(), yy))
        painter.setPen(muted)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        height = QFontMetricsF(self.font()).height()
        for y, text in layout.y_labels:
            painter.drawText(QRectF(0, y - height / 2, area.left() - Space.S, height), right, text)
        if 0 <= self.highlight < self.data.count:
            band = layout.slot_rect(self.highlight)
            if band.width() < 3:
                band.adjust(-(3 - band.width()) / 2, 0, (3 - band.width()) / 2, 0)
            tint = QColor(c.accent)
            tint.setAlpha(BAND_ALPHA)
            painter.fillRect(band, tint)
        painter.setPen(Qt.PenStyle.NoPen)
        for ref, rects in layout.bars.items():
            painter.setBrush(resolve(ref, c))
            painter.drawRects(rects)
        if layout.zero is not None:
            painter.setPen(QPen(QColor(c.border), 1))
            zero = round(layout.zero) + 0.5
            painter.drawLine(QPointF(area.left(), zero), QPointF(area.right(), zero))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for rule, y in layout.rules:
            painter.setPen(QPen(resolve(rule.color, c), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        self._paint_lines(painter, layout, c)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(muted)
        centred = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        for rect, text in layout.x_labels:
            painter.drawText(rect, centred, text)
        if self.hasFocus():  # where the arrow keys act: a thin ring in the accent colour
            painter.setPen(QPen(QColor(c.accent), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def _paint_lines(self, painter: QPainter, layout: Layout, c: Colors) -> None:
        for line, runs in layout.lines:
            color = resolve(line.color, c)
            if line.joined:
                pen = QPen(color, line.width, Qt.PenStyle.DashLine if line.dashed else Qt.PenStyle.SolidLine)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for run in runs:
                    if len(run) > 1:
                        painter.drawPolyline(run)
            # Markers only where they do not run into each other.
            if line.points and layout.slot >= line.points * 1.5:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                r = line.points / 2
                for run in runs:
                    for p in run:
                        painter.drawEllipse(p, r, r)
