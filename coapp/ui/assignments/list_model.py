"""The assignments list: a model over the search's rows and a delegate that paints each as two lines
(title and client; place, extent, start and the rate) with the match score as a chip and a star for
a favourite. A model, not a widget per row: ten thousand assignments scroll as smoothly as ten."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from coapp.domain.matching import FAIR_MATCH, STRONG_MATCH
from coapp.services.assignments_rows import AssignmentItem
from coapp.ui.formats import Formats
from coapp.ui.invoices.formats import InvoiceFormats
from coapp.ui.selection_mark import quiet_selection
from coapp.ui.theme import Chip, Space, current

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
FAVOURITE_ROLE = Qt.ItemDataRole.UserRole + 2


def score_chip(score: int) -> Chip:
    return Chip.PAID if score >= STRONG_MATCH else Chip.CONFIRMED if score >= FAIR_MATCH else Chip.CREDITED


class RowTexts:
    """The words a row needs, in the UI's language (made once per language by the screen)."""

    def __init__(self, formats: Formats) -> None:
        self.money = InvoiceFormats(formats)
        self.formats = formats
        # Literal translate() calls: lupdate finds them under this context.
        self.remote = QCoreApplication.translate("AssignmentsList", "Remote")
        self.hybrid = QCoreApplication.translate("AssignmentsList", "Hybrid, {place}")
        self.per_hour = QCoreApplication.translate("AssignmentsList", "{range}/h")
        self.starts = QCoreApplication.translate("AssignmentsList", "from {date}")
        self.closed = QCoreApplication.translate("AssignmentsList", "Closed")
        self.match = QCoreApplication.translate("AssignmentsList", "{score} % match")
        self.favourite = QCoreApplication.translate("AssignmentsList", "favourite")

    def place(self, item: AssignmentItem) -> str:
        where = ", ".join(p for p in (item.city, item.country) if p)
        if item.workplace == "remote":
            return self.remote
        if item.workplace == "hybrid":
            return self.hybrid.format(place=where or "?")
        return where

    def rate(self, item: AssignmentItem) -> str:
        low, high = self.whole(item.rate_min), self.whole(item.rate_max)
        span = low if item.rate_min == item.rate_max else f"{low}–{high}"
        money = self.money.money(Decimal(0), item.currency).replace(self.money.amount(Decimal(0)), span)
        return self.per_hour.format(range=money)

    def whole(self, amount: Decimal) -> str:
        return self.money.quantity(amount.quantize(Decimal(1)))

    def start(self, day: date) -> str:
        return self.starts.format(date=self.formats.date(day))

    def second_line(self, item: AssignmentItem) -> str:
        parts = [item.client_name, self.place(item), f"{item.extent_percent} %", self.start(item.start)]
        return " · ".join(p for p in parts if p)


class AssignmentsModel(QAbstractListModel):
    def __init__(self, texts: RowTexts, parent: Any = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.items: list[AssignmentItem] = []
        self.favourites: frozenset[str] = frozenset()

    def show(self, items: list[AssignmentItem], favourites: frozenset[str]) -> None:
        self.beginResetModel()
        self.items, self.favourites = items, favourites
        self.endResetModel()

    def set_favourites(self, favourites: frozenset[str]) -> None:
        changed = favourites ^ self.favourites
        self.favourites = favourites
        for row, item in enumerate(self.items):
            if item.id in changed:
                index = self.index(row)
                self.dataChanged.emit(index, index, [FAVOURITE_ROLE])

    def row_of(self, assignment_id: str) -> int:
        return next((i for i, item in enumerate(self.items) if item.id == assignment_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == ITEM_ROLE:
            return item
        if role == FAVOURITE_ROLE:
            return item.id in self.favourites
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            texts = self.texts
            parts = [
                item.title,
                texts.second_line(item),
                texts.rate(item),
                texts.match.format(score=item.score),
            ]
            if item.id in self.favourites:
                parts.append(texts.favourite)
            if item.status == "closed":
                parts.append(texts.closed)
            return ", ".join(parts)
        return None


class RowDelegate(QStyledItemDelegate):
    """Two lines: the title (bold) and its star, then client · place · extent · start in the muted
    colour; on the right the score chip over the rate. Cut with … when the column is narrow."""

    def __init__(self, texts: RowTexts, parent: Any = None) -> None:
        super().__init__(parent)
        self.texts = texts

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(300, 2 * line + 2 * Space.S + Space.XS)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        item: AssignmentItem | None = index.data(ITEM_ROLE)
        if item is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        quiet_selection(painter, opt)
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        theme = current()
        roles = QPalette.ColorRole
        text_color = opt.palette.color(roles.HighlightedText if selected else roles.Text)
        muted = opt.palette.color(roles.HighlightedText if selected else roles.PlaceholderText)
        area = opt.rect.adjusted(Space.M, Space.S, -Space.M, -Space.S)
        metrics = opt.fontMetrics
        line = metrics.height()
        texts = self.texts

        # Right column: the score chip, the rate under it.
        chip_text = f"{item.score} %"
        fg, bg = theme.colors.chips[score_chip(item.score)]
        chip_w = metrics.horizontalAdvance(chip_text) + 2 * Space.S
        rate = texts.rate(item)
        right_w = max(chip_w, metrics.horizontalAdvance(rate))
        right = QRect(area.right() - right_w, area.top(), right_w, area.height())
        chip = QRect(right.right() - chip_w, area.top(), chip_w, line)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(chip, line / 2, line / 2)
        painter.setPen(QColor(fg))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, chip_text)
        painter.setPen(muted)
        painter.drawText(
            QRect(right.left(), area.top() + line, right_w, line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            rate,
        )

        # Left: title (with its star and a closed mark), then the second line.
        left = QRect(area.left(), area.top(), right.left() - Space.M - area.left(), area.height())
        title_font = QFont(opt.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        title = item.title
        prefix = "★ " if index.data(FAVOURITE_ROLE) else ""
        suffix = f" · {texts.closed}" if item.status == "closed" else ""
        bold = painter.fontMetrics()
        shown = bold.elidedText(
            prefix + title, Qt.TextElideMode.ElideRight, left.width() - bold.horizontalAdvance(suffix)
        )
        painter.setPen(text_color)
        painter.drawText(
            QRect(left.left(), left.top(), left.width(), line),
            int(Qt.AlignmentFlag.AlignVCenter),
            shown + suffix,
        )
        painter.setFont(opt.font)
        painter.setPen(muted)
        second = metrics.elidedText(texts.second_line(item), Qt.TextElideMode.ElideRight, left.width())
        painter.drawText(
            QRect(left.left(), left.top() + line, left.width(), line),
            int(Qt.AlignmentFlag.AlignVCenter),
            second,
        )
        painter.restore()
