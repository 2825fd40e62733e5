"""What every screen is built from: actions, buttons, the error banner, cards, chips, the screen
header, icons and date pickers. Styles come from the theme (coapp.ui.theme) by role, never inline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coapp.ui.theme import Space, current, set_role

Shortcut = str | QKeySequence | QKeySequence.StandardKey


def make_action(
    parent: QWidget,
    text: str,
    slot: Callable[..., Any] | None = None,
    *,
    name: str,
    shortcut: Shortcut | None = None,
    shortcuts: Iterable[str] = (),
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QAction:
    """An action with an objectName, its shortcut(s) (menus show them) and where they apply."""
    action = QAction(text, parent)
    action.setObjectName(name)
    keys = [QKeySequence(k) for k in shortcuts]
    if keys:
        action.setShortcuts(keys)
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(context)
    if slot is not None:
        action.triggered.connect(slot)
    return action


def set_shown(widget: QWidget, shown: bool) -> None:
    """Show or hide *widget* unless it already is so. Qt's setVisible on a widget that was never
    shown or hidden explicitly goes through the whole show again (children, layouts): screens that
    refresh many cards at once pay that for every unchanged one."""
    if widget.isHidden() == shown:
        widget.setVisible(shown)


def make_button(
    parent: QWidget | None,
    name: str,
    text: str,
    tip: str,
    slot: Callable[..., Any] | None = None,
    *,
    primary: bool = False,
) -> QPushButton:
    """A push button with a tooltip (shortcut in brackets) and an accessible name without it."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAccessibleName(text.replace("&", "").rstrip("…") or tip.split(" (")[0])
    button.setAccessibleDescription(tip)
    if primary:
        set_role(button, "primary")
    if slot is not None:
        button.clicked.connect(slot)
    return button


def close_buttons(
    dialog: QDialog, description: str, *actions: tuple[QPushButton, QDialogButtonBox.ButtonRole]
) -> QDialogButtonBox:
    """A dialog's button row: its own *actions* and Close (Escape), named for the accessibility
    walk, *description* saying what closing leaves undone."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    for button, role in actions:
        buttons.addButton(button, role)
    buttons.rejected.connect(dialog.reject)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    close.setObjectName("closeButton")
    close.setAccessibleName(QCoreApplication.translate("Toolkit", "Close"))
    close.setAccessibleDescription(description)
    return buttons


def mirror_button(action: QAction, name: str, tip: str, *, primary: bool = False) -> QPushButton:
    """A button that mirrors *action*: shown and usable only while the action applies."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    # Made inside the action's widget: a parentless button that `sync` shows would be a window of
    # its own for a moment (it flashed on screen and took the keyboard from the main window).
    owner = action.parent()
    button = make_button(
        owner if isinstance(owner, QWidget) else None,
        name,
        action.text(),
        f"{tip} ({shortcut})" if shortcut else tip,
        primary=primary,
    )
    button.setAccessibleName(action.text().rstrip("…"))
    button.setAccessibleDescription(tip)
    button.clicked.connect(action.trigger)

    def sync() -> None:
        button.setVisible(action.isEnabled())
        button.setText(action.text())

    action.changed.connect(sync)
    sync()
    return button


# --- icons ------------------------------------------------------------------------------------


def icon(name: str, color: str = "text") -> QIcon:
    """An icon-font glyph ("fa6s.play") in the theme's *color*, crisp at any scale (coapp.ui.glyphs).
    Its font loads on first use: call this after the first paint, not while building the window."""
    from coapp.ui.glyphs import glyph_icon

    theme = current()
    return glyph_icon(name, theme.color(color), theme.color("muted"))


# --- the error banner ---------------------------------------------------------------------------


class ErrorBanner(QFrame):
    """A message under what caused it: what happened in words, and the fix. Empty and hidden when
    there is nothing to say; ``clear()`` on navigation so an old refusal never outlives its week."""

    def __init__(self, name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Banner")
        set_role(self, "banner", kind="info")
        self.message = QLabel(self)
        self.message.setObjectName(name)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(accessible_name)
        self.fix = QLabel(self)
        self.fix.setObjectName(f"{name}Fix")
        self.fix.setWordWrap(True)
        self.fix.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.fix, "fix")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.M, Space.S, Space.M, Space.S)
        layout.setSpacing(Space.XS)
        layout.addWidget(self.message)
        layout.addWidget(self.fix)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.clear()

    def show_message(self, text: str, is_error: bool = False, fix: str = "") -> None:
        if not text:
            self.clear()
            return
        set_role(self, "banner", kind="error" if is_error else "info")
        self.message.setText(text)
        self.message.setProperty("error", is_error)
        self.fix.setText(fix)
        self.fix.setVisible(bool(fix))
        self.message.setAccessibleDescription(f"{text} {fix}".strip())
        self.show()

    def show_error(self, text: str, fix: str = "") -> None:
        self.show_message(text, True, fix)

    def clear(self) -> None:
        self.message.setText("")
        self.message.setProperty("error", False)
        self.message.setAccessibleDescription("")
        self.fix.setText("")
        self.hide()

    def text(self) -> str:
        return self.message.text()

    def is_error(self) -> bool:
        return bool(self.message.property("error"))


# --- cards, chips, the screen header ----------------------------------------------------------


class Card(QFrame):
    """A summary on a surface of its own (the week's money, an invoice's breakdown, a choice)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        set_role(self, "card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(Space.L, Space.M, Space.L, Space.M)
        self.body.setSpacing(Space.S)


class ChipLabel(QLabel):
    """A status in a small rounded label: the word carries the meaning, the colour helps."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)

    def set_chip(self, chip: str, text: str) -> None:
        set_role(self, "chip", chip=chip)
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))


_WRAP_SLACK = 4  # px kept free so a line measured as fitting does fit when Qt lays it out


class SteadyLabel(QWidget):
    """Text that changes often (with every week shown) without making the screen lay itself out
    again. A QLabel asks its parents for a new layout on every setText; Qt stops that walk at a
    widget whose minimum and maximum size are equal. So the label inside has a fixed size that
    follows this holder (no layout: the label's size cannot push the holder's), and the holder's
    height changes only when the new text needs another number of lines. Measured on the week
    switch: about 2 ms of 7 went to relayouts caused by two labels."""

    def __init__(self, name: str, parent: QWidget | None = None, *, word_wrap: bool = False) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setObjectName(name)
        self.label.setWordWrap(word_wrap)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Opaque, in the colour of what it sits on (cards set their palette's Window to their
        # ground): a new text repaints the label alone, not the card and window under it.
        self.label.setAutoFillBackground(True)
        self.label.move(0, 0)
        self.setFocusProxy(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._heights: dict[int, int] = {}  # lines -> height, for the label's font now
        self.setFixedHeight(self.label.fontMetrics().height())

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        if text == self.label.text():
            return
        self.label.setText(text)
        self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(self.label.sizeHint().width(), self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()
        self.label.setFixedSize(self.size())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
            self._fit_height()

    def _fit_height(self) -> None:
        text = self.label.text()
        if not text:
            return  # keep the line: an empty status must not make the screen jump
        if self.label.wordWrap() and not self._lines_fit(text):
            needed = self._laid_out_height()  # it wraps: Qt lays the text out
        else:
            # As many lines as the text has: their height is measured once per number of lines
            # (laying the text out on every change was most of this label's cost).
            lines = text.count("\n") + 1
            needed = self._heights.get(lines, 0) or self._heights.setdefault(lines, self._laid_out_height())
        if needed > 0 and needed != self.height():
            self.setFixedHeight(needed)
            self.label.setFixedSize(self.width(), needed)

    def _lines_fit(self, text: str) -> bool:
        room = self.label.contentsRect().width() - 2 * max(self.label.margin(), 0) - _WRAP_SLACK
        metrics = self.label.fontMetrics()
        return all(metrics.horizontalAdvance(line) <= room for line in text.split("\n"))

    def _laid_out_height(self) -> int:
        # From the font, not QLabel.heightForWidth: that never answers less than the label's
        # minimum height, which is its fixed height here (so it could grow but never shrink).
        label = self.label
        margins = label.contentsMargins()
        pad = 2 * max(label.margin(), 0)
        width = self.width() - margins.left() - margins.right() - pad
        flags = Qt.TextFlag.TextWordWrap if label.wordWrap() and width > 1 else Qt.TextFlag(0)
        text = label.fontMetrics().boundingRect(QRect(0, 0, max(width, 1), 1 << 20), int(flags), label.text())
        return text.height() + margins.top() + margins.bottom() + pad


def name_scroll(scroll: QScrollArea, name: str) -> None:
    """A scrolling page as a screen reader says it: its screen's name, and how to move through it."""
    scroll.setAccessibleName(name)
    scroll.setAccessibleDescription(
        QCoreApplication.translate("Toolkit", "Page Up and Page Down scroll; Tab moves to what is inside")
    )


def header_over_cards(screen: QWidget, header: QWidget, cards: QWidget) -> QScrollArea:
    """Lay *screen* out as its header over a scrolling page of cards (the dashboard, Insights)."""
    scroll = QScrollArea(screen)
    scroll.setObjectName(f"{screen.objectName()}Scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(cards)
    name_scroll(scroll, screen.accessibleName())
    layout = QVBoxLayout(screen)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(header)
    layout.addWidget(scroll, 1)
    return scroll


class ScreenHeader(QWidget):
    """The top of a screen: its title, the one or two actions that matter most, a status line."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenHeader")
        set_role(self, "header")  # a rule under it
        self.title = QLabel(title, self)
        self.title.setObjectName(f"{name}Title")
        set_role(self.title, "title")
        self.status = SteadyLabel(f"{name}Status", self)  # it changes with every week shown
        self.status.label.setAccessibleName(title)
        set_role(self.status.label, "status")
        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(Space.S)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.title)
        words.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.L, Space.XL, Space.M)
        layout.addLayout(words, 1)
        layout.addLayout(self.actions_row)

    def add(self, widget: QWidget) -> None:
        self.actions_row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.label.setAccessibleDescription(text)


# --- dates ------------------------------------------------------------------------------------


def week_calendar(parent: QWidget | None = None) -> QCalendarWidget:
    """A month view that starts on Monday and shows ISO week numbers (QDateEdit's own popup hides them)."""
    calendar = QCalendarWidget(parent)
    calendar.setObjectName("weekCalendar")
    calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
    calendar.setGridVisible(False)
    return calendar


class WeekDateEdit(QDateEdit):
    """A QDateEdit whose popup is the week-numbered calendar, made when first needed (a calendar
    costs milliseconds the first paint does not have)."""

    def _ensure_calendar(self) -> None:
        if not getattr(self, "_week_calendar", False):
            self._week_calendar = True
            self.setCalendarWidget(week_calendar(self))

    def calendarWidget(self) -> QCalendarWidget:  # type: ignore[override]
        self._ensure_calendar()
        return super().calendarWidget()

    def mousePressEvent(self, event: Any) -> None:
        self._ensure_calendar()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        self._ensure_calendar()  # F4 and Alt+Down open the popup too
        super().keyPressEvent(event)


def date_edit(parent: QWidget | None, name: str, display_format: str, day: QDate | None = None) -> QDateEdit:
    """A date field in the app's one date format, with a week-numbered calendar popup."""
    edit = WeekDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display_format)
    if day is not None:
        edit.setDate(day)
    return edit


def ask_save_path(parent: QWidget | None, caption: str, file_name: str, kinds: str) -> Path | None:
    """Where to save *file_name*: the save dialog, opened in the user's Documents folder with the
    name suggested; None when cancelled."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(Path(folder) / file_name), kinds)
    return Path(chosen) if chosen else None
