"""The selected row of a list that is not being worked in: a soft mark, not the accent.

A screen of several lists (My Profile has nine) showed every list's current row as a blue bar, as if
all of them were in use. Only the list with the keyboard focus shows its row in the accent."""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from coapp.ui.theme import current


def quiet_selection(painter: QPainter, option: QStyleOptionViewItem) -> bool:
    """For a selected cell of a view without focus: paint the soft mark and take the selection out
    of *option* (the caller paints the cell with it). True when it did."""
    view = option.widget
    if not option.state & QStyle.StateFlag.State_Selected or (view is not None and view.hasFocus()):
        return False
    painter.fillRect(option.rect, current().color("accent_soft"))
    option.state &= ~QStyle.StateFlag.State_Selected
    return True
