"""Small helpers for driving the timesheet grid with the keyboard, as a person would."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from coapp.models.sync_state import SyncState
from coapp.sync.api import account_key
from coapp.ui.main_window import MainWindow
from coapp.ui.timesheet.grid_view import WeekGridView

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def grid_of(window: MainWindow) -> WeekGridView:
    grid = window.findChild(WeekGridView, "timesheetGrid")
    assert grid is not None
    return grid


def label(window: MainWindow, name: str) -> QLabel:
    widget = window.findChild(QLabel, name)
    assert widget is not None, name
    return widget


def message(window: MainWindow) -> str:
    return label(window, "gridMessage").text()


def select(grid: WeekGridView, row: int, column: int) -> None:
    """Make one cell current and selected (offscreen Qt may keep stale modifiers after Ctrl+key)."""
    index = grid.model().index(row, column)
    assert index.isValid()
    grid.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def select_range(grid: WeekGridView, top: int, left: int, bottom: int, right: int) -> None:
    model = grid.model()
    select(grid, top, left)
    grid.selectionModel().select(
        QItemSelection(model.index(top, left), model.index(bottom, right)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )


def type_text(qtbot: QtBot, grid: WeekGridView, text: str, end: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type into the current cell: the first key opens the editor, the rest goes to the editor."""
    qtbot.keyClick(grid, text[0])
    editor = QApplication.focusWidget()
    assert editor is not None
    assert editor.objectName() == "timesheetCellEditor"
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, end)


def type_into(
    qtbot: QtBot, grid: WeekGridView, row: int, column: int, text: str, end: Qt.Key = Qt.Key.Key_Return
) -> None:
    select(grid, row, column)
    type_text(qtbot, grid, text, end)


def open_note_dialog(qtbot: QtBot, window: MainWindow) -> QDialog:
    """Ctrl+Shift+N on the grid; wait until the dialog's editor has the keyboard."""
    qtbot.keyClick(grid_of(window), Qt.Key.Key_N, CTRL | SHIFT)
    dialog = window.findChild(QDialog, "noteDialog")
    assert dialog is not None
    editor = dialog.findChild(QPlainTextEdit, "noteEditor")
    qtbot.waitUntil(lambda: dialog.isVisible() and editor.hasFocus())
    return dialog


def reactivate(qtbot: QtBot, window: MainWindow) -> None:
    """Offscreen Qt has no window manager to give the window back the keyboard after a dialog."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def text_at(grid: WeekGridView, row: int, column: int) -> str:
    return str(grid.model().index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")


def row_texts(grid: WeekGridView, row: int) -> list[str]:
    return [text_at(grid, row, c) for c in range(grid.model().columnCount())]


def set_clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def rebuilt_window(qtbot: QtBot, old: MainWindow, windows: list[MainWindow]) -> MainWindow:
    """The main window shown in place of *old* (a language change builds it again); closed at the
    test's end through *windows* (the `windows` fixture)."""

    def shown() -> list[MainWindow]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w is not old and w.isVisible()
        ]

    qtbot.waitUntil(lambda: bool(shown()))
    window = shown()[0]
    windows.append(window)
    return window


def go_offline(window: MainWindow, server_url: str, email: str = "anna@example.com") -> None:
    """The platform moves out of reach: the same signed-in session, at an address nothing answers."""
    dead = "http://127.0.0.1:9"
    tokens = window.ctx.tokens
    pair = tokens.load(account_key(server_url, email))
    assert pair is not None
    tokens.save(account_key(dead, email), pair)
    with window.ctx.store.write() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        state.server_url = dead
