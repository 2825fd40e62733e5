"""One resume section as a card: a list of its items and an add/edit dialog built from field specs.

Experience, education, certificates, awards, references and the portfolio are all this panel; each
subclass says only what differs: its texts, its fields, and how an item turns into values and back.
Everything works from the keyboard: Enter (or F2) edits, Insert adds, Delete removes (Ctrl+Z brings
the item back in its place), Alt+Up/Alt+Down move. Every change is written on the writes lane.

The list is a view over a model that paints two lines per item: long sections (50 jobs) cost one
widget, not one per row. It is as tall as its rows, so the screen scrolls, never the card."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QDate, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFocusEvent, QFont, QPainter, QPalette, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from coapp.domain.year_month import YearMonth
from coapp.services.profile_rows import Section
from coapp.ui.formats import locale_of
from coapp.ui.i18n import current_language
from coapp.ui.profile.item_dialog import Field, ItemDialog, Value
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.selection_mark import quiet_selection
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card, ErrorBanner, make_action, make_button, set_shown

if TYPE_CHECKING:
    from coapp.ui.profile.letter_versions import AskPlatform

SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1
MONTH_FORMATS = {"sv": "yyyy-MM", "en": "MMM yyyy"}  # as the app writes dates (formats.py)


def month_text(month: YearMonth | None) -> str:
    if month is None:
        return ""
    language = current_language()
    return locale_of(language).toString(
        QDate(month.year, month.month, 1), MONTH_FORMATS.get(language, "yyyy-MM")
    )


def joined(*parts: str, sep: str = " · ") -> str:
    return sep.join(p for p in parts if p)


@dataclass(frozen=True)
class PanelTexts:
    heading: str
    add: str  # the add button: "Add education…"
    add_tip: str
    list_name: str  # the list's accessible name: "Your education"
    empty: str  # what to do when there is nothing yet
    problem: str  # the banner's accessible name
    add_title: str  # the dialog's title when adding
    edit_title: str


# --- the list: a model and a two-line painter -----------------------------------------------------


class ItemsModel(QAbstractListModel):
    """The section's items in the user's order, as (title, subtitle) from the panel's describe()."""

    def __init__(self, panel: SectionPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self.items: tuple[Any, ...] = ()
        self._lines: list[tuple[str, str]] = []

    def set_items(self, items: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self._lines = [self._panel.describe(item) for item in items]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        title, subtitle = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == SUBTITLE_ROLE:
            return subtitle
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return joined(title, subtitle, sep=", " if role == Qt.ItemDataRole.AccessibleTextRole else "\n")
        return None


class TwoLines(QStyledItemDelegate):
    """The title in the body font over the subtitle in the muted colour, each cut with … when the
    column is narrow (the whole text is in the tooltip and the accessible text)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, subtitle = opt.text, str(index.data(SUBTITLE_ROLE) or "")
        opt.text = ""
        quiet_selection(painter, opt)  # only the list being worked in shows its row in the accent
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        sub_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        area = opt.rect.adjusted(Space.S, Space.XS, -Space.S, -Space.XS)
        title_font = QFont(opt.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        line = opt.fontMetrics.height()
        painter.save()
        painter.setFont(title_font)
        painter.setPen(opt.palette.color(group, text_role))
        metrics = painter.fontMetrics()
        top = QRect(area.left(), area.top(), area.width(), line)
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()),
        )
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group, sub_role))
        bottom = QRect(area.left(), area.top() + line, area.width(), line)
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            opt.fontMetrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, area.width()),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(Space.XL * 4, 2 * option.fontMetrics.height() + 2 * Space.XS + Space.XS // 2)


class ItemsView(QListView):
    """As tall as its rows (the page scrolls, not the list); never wider than the card gives it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setItemDelegate(TwoLines(self))
        self.setUniformItemSizes(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _height(self) -> int:
        rows = self.model().rowCount() if self.model() else 0
        row = self.sizeHintForRow(0) if rows else 0
        return rows * row + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(Space.XL * 4, self._height())

    def refit(self) -> None:
        self.setFixedHeight(self._height())

    def currentChanged(
        self, current: QModelIndex | QPersistentModelIndex, previous: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().currentChanged(current, previous)
        if current.isValid() and self.hasFocus():
            self.reveal(current)

    def reveal(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Scroll the screen (the list has no scroll bar of its own) so the row the keys reached shows."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is None or area.widget() is None:
            return
        rect = self.visualRect(index)
        centre = self.viewport().mapTo(area.widget(), rect.center())
        area.ensureVisible(centre.x(), centre.y(), 0, rect.height() // 2 + Space.S)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Keys act on the current item: arriving by Tab or a tip makes the first one current.
        if not self.currentIndex().isValid() and self.model() is not None and self.model().rowCount():
            self.setCurrentIndex(self.model().index(0, 0))
        super().focusInEvent(event)


# --- undoing a removal ------------------------------------------------------------------------------


class RemoveItem(QUndoCommand):
    """Applied once before it is pushed. Undo adds the item back with its id, so the store revives
    the very row (sync sees the same item come back) and puts it where it was."""

    def __init__(
        self, text: str, section: Section, item: Any, index: int, keepsake: Any, panel: SectionPanel
    ) -> None:
        super().__init__(text)
        self._section, self._item, self._index, self._panel = section, item, index, panel
        self._keepsake = keepsake  # what the removal let go of (a portfolio item's file)
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        section, item_id = self._section, self._item.id
        self._panel.write(lambda s: s.remove_item(section, item_id), lambda _r: None)

    def undo(self) -> None:
        section, item, index, keepsake = self._section, self._item, self._index, self._keepsake
        restore = self._panel.restore_worker()

        def work(service: Any) -> Any:
            stored = service.add_item(item)
            if keepsake is not None:
                restore(stored, keepsake)
            if len(service.items(section)) > index:
                service.move_item(section, stored.id, index)
            return stored

        self._panel.write(work, lambda stored: self._panel.select(stored.id))


# --- the panel ----------------------------------------------------------------------------------------


class SectionPanel(Card):
    """Subclasses set ``section`` and ``name`` and implement texts, fields, values, build, describe."""

    section: Section
    name: str  # the card's objectName; the others derive from it ("profileEducationList", ...)
    # The field of a long text the platform keeps earlier versions of ("description"), if any.
    long_text: str | None = None

    def __init__(self, lane: ProfileLane, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(self.name, parent)
        self.lane = lane
        self.undo_stack = undo_stack
        self.texts = self.make_texts()
        self.dialog: ItemDialog | None = None
        # How to ask the platform (SyncRunner.platform_call), given by the window; None: no asking.
        self.ask_platform: AskPlatform | None = None
        self.earlier: QDialog | None = None  # the earlier versions being looked at, if any
        top = QHBoxLayout()
        top.setSpacing(Space.S)
        heading = QLabel(self.texts.heading, self)
        heading.setObjectName(f"{self.name}Heading")
        set_role(heading, "subtitle")
        heading.setWordWrap(True)  # "Utmärkelser och priser" beside two buttons in the smallest window
        top.addWidget(heading, 1)
        self.add_button = make_button(
            self, f"{self.name}Add", self.texts.add, self.texts.add_tip, self.add_item
        )
        self.edit_button = make_button(
            self,
            f"{self.name}Edit",
            self.tr("Edit…"),
            self.tr("Edit the selected item (Enter)"),
            self.edit_selected,
        )
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        self.body.addLayout(top)

        self.model = ItemsModel(self)
        self.list = ItemsView(self)
        self.list.setObjectName(f"{self.name}List")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.texts.list_name)
        self.list.setAccessibleDescription(
            self.tr(
                "Enter edits, Insert adds, Delete removes (Ctrl+Z brings it back), Alt+Up and Alt+Down move"
            )
        )
        self.list.activated.connect(lambda _index: self.edit_selected())
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._enable())
        self.body.addWidget(self.list)
        self.empty = QLabel(self.texts.empty, self)
        self.empty.setObjectName(f"{self.name}Empty")
        self.empty.setWordWrap(True)
        set_role(self.empty, "empty")
        self.body.addWidget(self.empty)
        self.banner = ErrorBanner(f"{self.name}Error", self.texts.problem, self)
        self.body.addWidget(self.banner)
        self.body.addStretch(1)  # a card taller than its list (its row's neighbour) keeps it on top

        widget = Qt.ShortcutContext.WidgetShortcut
        for text, slot, suffix, keys in (
            (self.tr("Edit"), self.edit_selected, "EditAction", ("F2",)),
            (self.tr("Add"), self.add_item, "AddAction", ("Ins",)),
            (self.tr("Remove"), self.remove_selected, "RemoveAction", ("Del", "Backspace")),
            (self.tr("Move up"), lambda: self.move_selected(-1), "UpAction", ("Alt+Up",)),
            (self.tr("Move down"), lambda: self.move_selected(1), "DownAction", ("Alt+Down",)),
        ):
            action = make_action(
                self.list, text, slot, name=f"{self.name}{suffix}", shortcuts=keys, context=widget
            )
            self.list.addAction(action)
        # A right click lists the same actions with their keys (the menu is where shortcuts show).
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.show_items(())
        # Until the profile has been read, the list stands ready (empty) and no empty state is
        # claimed: the first profile then shows without widgets appearing, whose first show would
        # cost the opening its frame (ARCHITECTURE.md budgets; benchmarks section 6).
        self.list.setVisible(True)
        self.empty.setVisible(False)
        self.edit_button.setVisible(True)

    # --- what a subclass says --------------------------------------------------------------------------

    def make_texts(self) -> PanelTexts:
        raise NotImplementedError

    def fields(self) -> tuple[Field, ...]:
        raise NotImplementedError

    def values(self, item: Any) -> dict[str, Value]:
        raise NotImplementedError

    def build(self, values: Mapping[str, Value], item_id: str) -> Any:
        """The domain item from the dialog's values; raises CoappError when the domain refuses."""
        raise NotImplementedError

    def describe(self, item: Any) -> tuple[str, str]:
        """(title, subtitle) as the list shows the item."""
        raise NotImplementedError

    def keep_worker(self) -> Callable[[Any], Any] | None:
        """A function run on the writes worker before an item is removed, returning what undo needs
        besides the item's data (None: nothing). Built on the GUI thread; it must not touch widgets."""
        return None

    def restore_worker(self) -> Callable[[Any, Any], None]:
        """Run on the writes worker when undo has added the item back: (item, keepsake)."""
        return lambda _item, _keepsake: None

    def current_changed(self, item: Any | None) -> None:
        """The current item changed (or was stored anew); a subclass may show more about it."""

    def removed_text(self, item: Any) -> str:
        return self.tr("Remove “{title}”").format(title=self.describe(item)[0])

    # --- showing ---------------------------------------------------------------------------------------

    @property
    def items(self) -> tuple[Any, ...]:
        return self.model.items

    def show_items(self, items: tuple[Any, ...]) -> None:
        if items == self.model.items and [i.id for i in items] == [i.id for i in self.model.items] and items:
            self._enable()  # nothing this list shows changed; what a subclass shows may have
            return
        row = self.list.currentIndex().row()
        self.model.set_items(items)
        if items and row >= 0:  # none is current until the user picks one (Tab picks the first)
            self.list.setCurrentIndex(self.model.index(min(row, len(items) - 1)))
        self.list.refit()
        set_shown(self.list, bool(items))
        set_shown(self.empty, not items)
        self._enable()

    def _enable(self) -> None:
        item = self.selected()
        self.edit_button.setEnabled(item is not None)
        set_shown(self.edit_button, bool(self.items))  # nothing to edit: one button fewer
        self.current_changed(item)

    def selected(self) -> Any | None:
        row = self.list.currentIndex().row()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select(self, item_id: str) -> None:
        ids = [i.id for i in self.items]
        if item_id in ids:
            self.list.setCurrentIndex(self.model.index(ids.index(item_id)))

    def focus_target(self) -> QWidget:
        """Where a tip about this section takes the keyboard: the list, or Add when it is empty."""
        return self.list if self.items else self.add_button

    # --- writing ---------------------------------------------------------------------------------------

    def write(self, work: Any, done: Any) -> None:
        def succeeded(result: Any) -> None:
            self.banner.clear()
            done(result)

        self.lane.write(work, succeeded, self.banner.show_error)

    def add_item(self) -> ItemDialog:
        return self._open(None)

    def _offer_earlier_texts(self, dialog: ItemDialog, item: Any) -> None:
        """Earlier versions… under the long text of a stored item: the descriptions a sync from
        another device replaced, kept by the platform (coapp.ui.profile.letter_versions)."""
        from coapp.ui.profile.letter_versions import open_earlier_versions

        key, ask = self.long_text, self.ask_platform
        assert key is not None
        assert ask is not None
        button = QPushButton(self.tr("Earlier versions…"), dialog)
        button.setObjectName(f"{dialog.objectName()}_earlier")
        button.setToolTip(self.tr("Texts a sync replaced, kept by the platform; bring one back"))
        title = self.tr("Earlier versions of the description")

        def open_them() -> None:
            self.earlier = open_earlier_versions(
                dialog, title, item.id, ask, lambda text: dialog.replace_text(key, text)
            )

        button.clicked.connect(open_them)
        dialog.add_field_tool(key, button)

    def edit_selected(self) -> ItemDialog | None:
        item = self.selected()
        return self._open(item) if item is not None else None

    def _open(self, item: Any | None) -> ItemDialog:
        item_id = item.id if item is not None else ""
        dialog = ItemDialog(
            f"{self.name}Dialog",
            self.texts.edit_title if item is not None else self.texts.add_title,
            self.fields(),
            self.values(item) if item is not None else {},
            lambda values: self.build(values, item_id),
            self,
        )
        self.dialog = dialog
        if item is not None and self.long_text is not None and self.ask_platform is not None:
            self._offer_earlier_texts(dialog, item)

        def save(new: Any) -> None:
            def done(stored: Any) -> None:
                self.banner.clear()
                dialog.saved()
                self.select(stored.id)
                self.list.setFocus()

            writer = (lambda s: s.edit_item(new)) if item is not None else (lambda s: s.add_item(new))
            self.lane.write(writer, done, dialog.refused)

        dialog.submitted.connect(save)
        dialog.finished.connect(lambda _code: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: ItemDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        (self.list if self.items else self.add_button).setFocus()

    def remove_selected(self) -> None:
        item, index = self.selected(), self.list.currentIndex().row()
        if item is None:
            return
        section, keep = self.section, self.keep_worker()

        def work(service: Any) -> Any:
            keepsake = keep(item) if keep is not None else None
            service.remove_item(section, item.id)
            return keepsake

        def done(keepsake: Any) -> None:
            self.undo_stack.push(RemoveItem(self.removed_text(item), section, item, index, keepsake, self))
            self.focus_target().setFocus()

        self.write(work, done)

    def move_selected(self, step: int) -> None:
        item, index = self.selected(), self.list.currentIndex().row()
        if item is None or not 0 <= index + step < len(self.items):
            return
        section = self.section
        self.write(lambda s: s.move_item(section, item.id, index + step), lambda _r: self.select(item.id))
