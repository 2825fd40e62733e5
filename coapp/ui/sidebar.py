"""The navigation column: one entry per working screen, an icon and a label, a badge where something
waits (drafts to confirm), like the platform's own dashboard. Icons arrive after the first paint
(qtawesome loads its fonts then), so start-up never waits for them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QEnterEvent, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionToolButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coapp.ui.theme import Space, current, set_role


class NavButton(QToolButton):
    """An entry of the sidebar: a soft ground when hovered or current, a ring when focused, the
    icon and label on the left (Fusion's own tool button would draw a sunken bevel)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.setContentsMargins(Space.S, 1, Space.S, 1)
        self._hovered = False

    def sizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().sizeHint()
        return hint.grownBy(self.contentsMargins()) + type(hint)(2 * Space.M, 2 * Space.S - 4)

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hovered = True
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._hovered = False
        super().leaveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        c = current().colors
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ground = QRectF(self.contentsRect()).adjusted(0.5, 0.5, -0.5, -0.5)
        fill = c.accent_soft if self.isChecked() else (c.alternate if self._hovered else "")
        ring = c.accent if self.hasFocus() else ""
        if fill or ring:
            painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(ring), 1) if ring else Qt.PenStyle.NoPen)
            painter.drawRoundedRect(ground, Space.S - 2, Space.S - 2)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.rect = self.contentsRect().adjusted(Space.M - Space.S, 0, -Space.S, 0)
        option.state &= ~(QStyle.StateFlag.State_Sunken | QStyle.StateFlag.State_On)
        font = self.font()
        font.setWeight(font.Weight.DemiBold if self.isChecked() else font.Weight.Normal)
        option.font = font
        painter.setFont(font)
        option.palette.setColor(option.palette.ColorRole.ButtonText, QColor(c.text))
        self.style().drawControl(QStyle.ControlElement.CE_ToolButtonLabel, option, painter, self)
        painter.end()


class Sidebar(QWidget):
    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName(self.tr("Screens"))
        set_role(self, "sidebar")
        self.setFixedWidth(Space.SIDEBAR)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idToggled.connect(self._toggled)
        self._entries: list[QToolButton] = []
        self._badges: list[QLabel] = []
        self._icons: list[str] = []
        brand = QLabel("coapp", self)
        brand.setObjectName("brand")
        set_role(brand, "brand")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, Space.S, 0, Space.S)
        self._layout.setSpacing(Space.XS)
        self._layout.addWidget(brand)
        self._layout.addSpacing(Space.S)
        self._layout.addStretch(1)

    def add(self, name: str, text: str, tip: str, icon_name: str) -> int:
        index = len(self._entries)
        button = NavButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        badge = QLabel(button)
        badge.setObjectName(f"{name}Badge")
        set_role(badge, "badge")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setFixedHeight(badge.fontMetrics().height() + Space.XS // 2)
        badge.setMinimumWidth(badge.height())
        badge.hide()
        inside = QHBoxLayout(button)
        inside.setContentsMargins(0, 0, Space.M, 0)
        inside.addStretch(1)
        inside.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self._group.addButton(button, index)
        self._layout.insertWidget(self._layout.count() - 1, button)
        self._entries.append(button)
        self._badges.append(badge)
        self._icons.append(icon_name)
        return index

    # --- the QListWidget-like surface the window and tests use ---------------------------------

    def count(self) -> int:
        return len(self._entries)

    def text(self, index: int) -> str:
        return self._entries[index].text()

    def texts(self) -> list[str]:
        return [e.text() for e in self._entries]

    def entry(self, index: int) -> QToolButton:
        return self._entries[index]

    def current(self) -> int:
        return self._group.checkedId()

    def set_current(self, index: int) -> None:
        if 0 <= index < len(self._entries):
            self._entries[index].setChecked(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down move between screens, as in a list."""
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is None or not self._entries:
            super().keyPressEvent(event)
            return
        index = (max(self.current(), 0) + step) % len(self._entries)
        self.set_current(index)
        self._entries[index].setFocus()

    def _toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.currentChanged.emit(index)

    # --- badges and icons ----------------------------------------------------------------------

    def set_badge(self, index: int, count: int, tip: str = "") -> None:
        """A number on the entry where something waits; nothing when it is 0."""
        badge = self._badges[index]
        badge.setText(str(count) if count else "")
        badge.setToolTip(tip)
        badge.setAccessibleName(tip)
        badge.setVisible(count > 0)
        entry = self._entries[index]
        entry.setAccessibleDescription(tip if count else "")

    def badge(self, index: int) -> str:
        badge = self._badges[index]
        return badge.text() if badge.isVisibleTo(self) else ""

    def load_icons(self) -> None:
        from coapp.ui.toolkit import icon

        for entry, name in zip(self._entries, self._icons, strict=True):
            entry.setIcon(icon(name))
