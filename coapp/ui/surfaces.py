"""What Fusion and the palette do not draw: rounded cards, banners, chips and badges, the sidebar's
ground and the screen header's rule. One event filter paints them under the widget's own paint.

Why not a Qt stylesheet: any application stylesheet puts every widget under QStyleSheetStyle, which
paints item views cell by cell through its rule engine. The timesheet grid then took about 0.7 ms
more per week switch (of a 5 ms budget) although no rule was about the grid.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from coapp.ui.theme import Colors, Space


class Surfaces(QObject):
    """Paints the ground of widgets whose role has one; the widget paints its content over it."""

    def __init__(self) -> None:
        super().__init__()
        self.colors: Colors | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.colors is not None and isinstance(watched, QWidget):
            self.paint(watched)
        return False

    def paint(self, widget: QWidget) -> None:
        ground = self.ground(widget)
        if ground is None:
            return
        fill, line, radius, edges = ground
        painter = QPainter(widget)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, radius > 0)
        rect = QRectF(widget.rect())
        if edges:  # a rule along some edges only (the header's bottom, the sidebar's right)
            if fill:
                painter.fillRect(rect, QColor(fill))
            painter.setPen(QPen(QColor(line), 1))
            edge = rect.adjusted(0.5, 0.5, -0.5, -0.5)  # the last pixel row or column, inside
            if "bottom" in edges:
                painter.drawLine(edge.bottomLeft(), edge.bottomRight())
            if "right" in edges:
                painter.drawLine(edge.topRight(), edge.bottomRight())
        else:
            painter.setPen(QPen(QColor(line), 1) if line else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(fill))
            inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
            painter.drawRoundedRect(inner, radius, radius)
        painter.end()

    def ground(self, widget: QWidget) -> tuple[str, str, float, tuple[str, ...]] | None:
        """(fill, line, radius, edges) for *widget*'s role, or None when it has no ground."""
        c = self.colors
        assert c is not None
        role = widget.property("role")
        # Cards, problems and banners: their ground is their palette's Window, which the theme set
        # (so labels inside that fill their background match it).
        if role == "card":
            return self._own(widget), c.border, Space.S, ()
        if role == "problems":
            return self._own(widget), c.error, Space.S, ()
        if role == "banner":
            line = c.error if widget.property("kind") == "error" else c.border
            return self._own(widget), line, Space.XS, ()
        if role == "chip":
            _text, background = c.chips[str(widget.property("chip"))]
            return background, "", widget.height() / 2, ()
        if role == "badge":
            return c.accent, "", widget.height() / 2, ()
        if role == "header":
            return "", c.border, 0, ("bottom",)
        if role == "sidebar":
            return c.sidebar, c.border, 0, ("right",)
        return None

    @staticmethod
    def _own(widget: QWidget) -> str:
        return widget.palette().color(QPalette.ColorRole.Window).name()


SURFACE_ROLES = frozenset({"card", "problems", "banner", "chip", "badge", "header", "sidebar"})
