"""What the profile's set sections share (skills, languages, links: members known by their name or
address): removal and changes that Ctrl+Z takes back (a removed member returns to its place), moving
with Alt+Up/Alt+Down, a compact tree whose rows are updated in place (so a save returning never
closes an editor the user is typing in) and the editors of its value columns (a level, years).

Commands are applied once before they are pushed (the write has succeeded by then), so pushing does
not write again; undo and redo then write through the lane like any other change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from coapp.services.profile_rows import SPECS, section_of
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.selection_mark import quiet_selection
from coapp.ui.toolkit import ErrorBanner, make_action

Report = Callable[[str], None]


def member_row_id(item: Any) -> str:
    """The stored row of a set member: it follows from the member's key."""
    section = section_of(item)
    return str(SPECS[section].row_id(section, item))


class Intended:
    """Values chosen but not stored yet, by member: a second change made before the first one's
    save returns (the level, then at once the years) builds on the first instead of undoing it."""

    def __init__(self) -> None:
        self._items: dict[str, Any] = {}

    def base(self, key: str, stored: Any) -> Any:
        return self._items.get(key, stored)

    def start(self, key: str, item: Any) -> None:
        self._items[key] = item

    def finish(self, key: str, item: Any) -> None:
        if self._items.get(key) is item:
            del self._items[key]


class RemoveMember(QUndoCommand):
    """Undo adds the member back with all its values (the same row, by its key) where it was."""

    def __init__(self, text: str, item: Any, index: int, lane: ProfileLane, report: Report) -> None:
        super().__init__(text)
        self._item, self._index, self._lane, self._report = item, index, lane, report
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        section, item_id = section_of(self._item), member_row_id(self._item)
        self._lane.write(lambda s: s.remove_item(section, item_id), lambda _r: None, self._report)

    def undo(self) -> None:
        item, index, section = self._item, self._index, section_of(self._item)

        def work(service: Any) -> Any:
            stored = service.add_item(item)
            if index < len(service.items(section)) - 1:
                service.move_item(section, member_row_id(stored), index)
            return stored

        self._lane.write(work, lambda _r: None, self._report)


class EditMember(QUndoCommand):
    """A changed member (a skill's level or years, a language's level): undo writes it as it was."""

    def __init__(self, text: str, before: Any, after: Any, lane: ProfileLane, report: Report) -> None:
        super().__init__(text)
        self._before, self._after, self._lane, self._report = before, after, lane, report
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, item: Any) -> None:
        self._lane.write(lambda s: s.edit_item(item), lambda _r: None, self._report)


def save_member_edit(
    lane: ProfileLane,
    undo_stack: QUndoStack,
    banner: ErrorBanner,
    intended: Intended,
    change: tuple[Any, Any],
    text: str,
) -> None:
    """Store a changed member (before, after) on the writes lane; once stored, Ctrl+Z can take it
    back. Until then a second change of the same member builds on this one (Intended)."""
    before, after = change
    intended.start(after.key, after)

    def failed(why: str) -> None:
        intended.finish(after.key, after)
        banner.show_error(why)

    def done(_stored: object) -> None:
        intended.finish(after.key, after)
        banner.clear()
        undo_stack.push(EditMember(text, before, after, lane, banner.show_error))

    lane.write(lambda s: s.edit_item(after), done, failed)


def add_list_actions(
    view: QWidget,
    remove: tuple[str, str, Callable[[], None]],
    move: tuple[tuple[str, str], tuple[str, str], Callable[[int], None]] | None = None,
) -> None:
    """Delete removes; Alt+Up and Alt+Down move (when *move* is given). Each: (text, objectName)."""
    widget = Qt.ShortcutContext.WidgetShortcut
    text, name, slot = remove
    delete = QKeySequence.StandardKey.Delete
    view.addAction(make_action(view, text, slot, name=name, shortcut=delete, context=widget))
    if move is not None:
        (up_text, up_name), (down_text, down_name), step = move
        for text, name, key, by in ((up_text, up_name, "Alt+Up", -1), (down_text, down_name, "Alt+Down", 1)):
            action = make_action(
                view, text, lambda _c=False, by=by: step(by), name=name, shortcut=key, context=widget
            )
            view.addAction(action)


class MemberTree(QTreeWidget):
    """A compact list with columns. Enter and F2 edit the row's first editable column (the name
    column stays as it is); Tab in an editor goes on to the next editable column of the row."""

    def __init__(
        self,
        name: str,
        headers: Sequence[str],
        parent: QWidget | None = None,
        *,
        editable: Sequence[int] = (),
        right_aligned: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setHeaderLabels(list(headers))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.editable = tuple(editable)
        self._right = tuple(right_aligned)
        self._rows_shown = (3, 8)  # the list is as tall as its rows, within these
        self.editors = ValueEditors(self)
        self._flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if self.editable:
            self._flags |= Qt.ItemFlag.ItemIsEditable
        self._editing = QPersistentModelIndex()
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if self.editable:
            self.itemActivated.connect(lambda item, _column: self.edit_row(item))

    def edit(self, index: QModelIndex, trigger: Any = None, event: Any = None) -> bool:  # type: ignore[override]
        if trigger is None:  # edit(index): Qt's slot form
            trigger = QAbstractItemView.EditTrigger.AllEditTriggers
        keyboard = (
            QAbstractItemView.EditTrigger.EditKeyPressed,
            QAbstractItemView.EditTrigger.AllEditTriggers,
        )
        if self.editable and index.isValid() and index.column() not in self.editable and trigger in keyboard:
            index = index.siblingAtColumn(self.editable[0])  # F2 on the name edits the first value
            self.setCurrentIndex(index)
        opened = super().edit(index, trigger, event)
        if opened:
            self._editing = QPersistentModelIndex(index)
        return opened

    def edit_row(self, item: QTreeWidgetItem, column: int | None = None) -> None:
        if self.editable and self.state() != QAbstractItemView.State.EditingState:
            target = column if column in self.editable else self.editable[0]
            self.setCurrentItem(item, target)
            self.editItem(item, target)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Tab goes on to the row's next editable column; past the last one the editor closes and
        # the list keeps the focus (Tab again leaves the list, as anywhere else).
        current = QModelIndex(self._editing)
        hints = QAbstractItemDelegate.EndEditHint
        step = {hints.EditNextItem: 1, hints.EditPreviousItem: -1}.get(hint)
        if step is None or not current.isValid():
            super().closeEditor(editor, hint)
            return
        columns = [c for c in self.editable if (c - current.column()) * step > 0]
        super().closeEditor(editor, hints.NoHint)
        if columns:
            following = current.siblingAtColumn(columns[0] if step > 0 else columns[-1])
            self.setCurrentIndex(following)
            self.edit(following, QAbstractItemView.EditTrigger.AllEditTriggers, None)

    def show_rows(
        self,
        rows: Sequence[Sequence[str]],
        values: Sequence[Sequence[object]] = (),
        accessible: Sequence[str] = (),
    ) -> None:
        """The rows' texts (and the values their editors start from); rows already there are
        updated in place, so an open editor stays open."""
        keep = self.current_row()
        if self.topLevelItemCount() == len(rows):
            items = [self.topLevelItem(i) for i in range(len(rows))]
        else:
            # A new set of rows: filled before they join the tree, so the view hears of them once.
            # Copies of one template carry the flags, alignment and row height (set once in C++).
            template = QTreeWidgetItem()
            template.setFlags(self._flags)
            template.setSizeHint(0, QSize(0, self.editors.row_height))  # as tall as an editor
            for column in self._right:
                template.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items = [template.clone() for _ in rows]
        for item, texts in zip(items, rows, strict=True):
            for column, text in enumerate(texts):
                if item.text(column) != text:
                    item.setText(column, text)
        for item, row_values in zip(items, values, strict=False):
            for column, value in enumerate(row_values):
                item.setData(column, Qt.ItemDataRole.UserRole, value)
        for item, text in zip(items, accessible, strict=False):
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, text)
        if self.topLevelItemCount() != len(rows):
            self.clear()
            self.addTopLevelItems(items)
        if rows and self.currentItem() is None:
            self.select_row(min(max(keep, 0), len(rows) - 1))
        self._fit()

    def set_rows_shown(self, fewest: int, most: int) -> None:
        """As tall as its rows, at least *fewest* and at most *most* (more scroll inside)."""
        self._rows_shown = (fewest, most)
        self._fit()

    def _fit(self) -> None:
        fewest, most = self._rows_shown
        rows = min(max(self.topLevelItemCount(), fewest), most)
        header = self.header().sizeHint().height()
        height = header + rows * self.editors.row_height + 2 * self.frameWidth()
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def current_row(self) -> int:
        item = self.currentItem()
        return self.indexOfTopLevelItem(item) if item is not None else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(row), 0)


Choices = Sequence[tuple[str, object]]


class ValueEditors(QStyledItemDelegate):
    """The editors of a MemberTree's value columns: a list of choices (a level) or a number (years,
    with "–" for none). The tree's cells are not written here: *commit(row, column, value)* saves a
    changed value and the tree shows what was stored when the save returns."""

    def __init__(self, tree: MemberTree) -> None:
        super().__init__(tree)
        self.commit: Callable[[int, int, object], None] = lambda _row, _column, _value: None
        self._columns: dict[int, tuple[str, str, Choices | tuple[int, int]]] = {}
        # Rows tall enough for an editor, so one opens without covering its neighbours (and
        # every list of the screen has the same rhythm).
        self.row_height = QSpinBox().sizeHint().height()
        tree.setItemDelegate(self)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        quiet_selection(painter, opt)  # only the list being worked in shows its row in the accent
        super().paint(painter, opt, index)

    def choices(self, column: int, name: str, accessible: str, choices: Choices) -> None:
        self._columns[column] = (name, accessible, tuple(choices))

    def number(self, column: int, name: str, accessible: str, minimum: int, maximum: int) -> None:
        self._columns[column] = (name, accessible, (minimum, maximum))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        spec = self._columns.get(index.column())
        if spec is None:
            return None  # type: ignore[return-value]  # Qt: no editor for this column
        name, accessible, what = spec
        editor: QWidget
        if what and isinstance(what[0], tuple):
            combo = QComboBox(parent)
            for text, value in what:  # type: ignore[misc]
                combo.addItem(text, value)
            editor = combo
        else:
            minimum, maximum = what  # type: ignore[misc]
            spin = QSpinBox(parent)
            spin.setRange(minimum - 1, maximum)  # one below the range: none
            spin.setSpecialValueText("–")
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            editor = spin
        editor.setObjectName(name)
        editor.setAccessibleName(accessible)
        editor.setAutoFillBackground(True)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        # Qt calls this again whenever the row's data changes, e.g. when the save of the cell
        # before returns: what the user is typing in this editor must not be reset by it.
        if editor.property("loaded"):
            return
        editor.setProperty("loaded", True)
        value = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else int(value))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            value: object = editor.currentData()
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            value = None if editor.value() == editor.minimum() else editor.value()
        else:
            return
        if value != index.data(Qt.ItemDataRole.UserRole):
            self.commit(index.row(), index.column(), value)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        # Cells are sized to their text; the editor gets room for its widest choice and its arrows.
        rect = option.rect
        width = max(rect.width(), editor.sizeHint().width())
        editor.setGeometry(rect.right() - width + 1, rect.top(), width, max(rect.height(), self.row_height))
