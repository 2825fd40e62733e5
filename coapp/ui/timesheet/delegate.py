"""Paints the note marker and the lock on cells and gives typing a spreadsheet feel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from coapp.ui.timesheet.grid_model import LOCKED_ROLE, NOTE_ROLE

Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("timesheetCellEditor")
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setAccessibleName(self.tr("Hours"))
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Enter commits and moves down, like a spreadsheet; Tab is left to the view (moves right).
        if (
            isinstance(obj, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(obj)
            self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.NoHint)
            view = self.parent()
            move = getattr(view, "move_after_enter", None)
            if move is not None:
                move()
            return True
        return super().eventFilter(obj, event)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        has_note, locked = index.data(NOTE_ROLE), index.data(LOCKED_ROLE)
        if not (has_note or locked):
            return  # most cells: nothing to draw on top
        rect = QRectF(option.rect)  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if has_note:
            # A small corner triangle, like a spreadsheet comment marker.
            size = min(8.0, rect.height() / 3)
            path = QPainterPath(QPointF(rect.right() - size, rect.top()))
            path.lineTo(rect.right(), rect.top())
            path.lineTo(rect.right(), rect.top() + size)
            path.closeSubpath()
            painter.fillPath(path, palette.color(QPalette.ColorRole.Highlight))
        if locked:
            _paint_lock(painter, rect, palette)
        painter.restore()


def _paint_lock(painter: QPainter, rect: QRectF, palette: QPalette) -> None:
    """A padlock drawn with the text colour, so locked cells are marked by shape, not tint alone."""
    h = min(12.0, rect.height() - 6)
    w = h * 0.8
    left, top = rect.left() + 4, rect.center().y() - h / 2
    colour = palette.color(QPalette.ColorRole.Text)
    pen = painter.pen()
    pen.setColor(colour)
    pen.setWidthF(1.4)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(left + w * 0.2, top, w * 0.6, h * 0.7), 0, 180 * 16)
    painter.drawLine(QPointF(left + w * 0.2, top + h * 0.35), QPointF(left + w * 0.2, top + h * 0.5))
    painter.drawLine(QPointF(left + w * 0.8, top + h * 0.35), QPointF(left + w * 0.8, top + h * 0.5))
    painter.fillRect(QRectF(left, top + h * 0.5, w, h * 0.5), colour)
