"""Starting the GUI: the QApplication, the translator, the main window on one data folder, and the
event loop. Reached only through coapp.app, the composition root, which passes in how the app's
context is opened (`open_context`): the ui never builds services itself."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from coapp.base.paths import Paths

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from coapp.app.context import AppContext
    from coapp.ui.main_window import MainWindow

# Opens the store and the services on a data folder (coapp.app.context.AppContext.open).
OpenContext = Callable[[Path], "AppContext"]

# A window rebuilt in another language hands over to its successor; the event loop's owner follows.
_successors: dict[int, MainWindow] = {}


def ensure_application() -> None:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("coapp")
        app.setOrganizationName("coapp")
        app.setApplicationDisplayName("coapp")
        from coapp.ui.app_icon import APP_ID, app_icon

        app.setWindowIcon(app_icon())
        app.setDesktopFileName(APP_ID)  # the window belongs to the .desktop entry


def _install_language(paths: Paths) -> None:
    """The saved language's translator, before any widget is built (cheap: no store, no SQLAlchemy)."""
    from coapp.base.settings import load_settings
    from coapp.ui.i18n import install_translator

    install_translator(load_settings(paths.settings).language)


def build_main_window(data_dir: str | Path | None, open_context: OpenContext) -> MainWindow:
    """The real main window on *data_dir* with its store open, not shown, without the event loop."""
    ensure_application()
    from coapp.ui.app_state import AppState
    from coapp.ui.main_window import MainWindow

    paths = Paths.resolve(data_dir)
    _install_language(paths)
    window = MainWindow(AppState(paths, ctx=open_context(paths.data_dir)))
    window.destroyed.connect(window.state.close)
    return window


def build_window_on(ctx: AppContext) -> MainWindow:
    """The main window on a context the caller opened and closes (demo mode: its signed-in sync)."""
    ensure_application()
    from coapp.ui.app_state import AppState
    from coapp.ui.main_window import MainWindow

    _install_language(ctx.paths)
    return MainWindow(AppState(ctx.paths, ctx=ctx))


def reopen(old: MainWindow) -> MainWindow:
    """The main window built again on the same open store, in the language now installed: every
    text is set as a widget is built, so a new window is the one way nothing stays in the old
    language. The old window's place, size and screen carry over (window.ini); its undo history
    does not (its commands belong to its screens). Shown before the old one closes, so the app never
    has no window (Qt would quit)."""
    from coapp.ui.main_window import MainWindow

    state = old.state
    owns_state = True
    try:
        old.destroyed.disconnect(state.close)
    except (RuntimeError, TypeError):
        owns_state = False  # demo mode: the caller closes the store
    old.save_window_state()
    new = MainWindow(state)
    if owns_state:
        new.destroyed.connect(state.close)
    new.show()
    new.activateWindow()
    old.close()
    old.deleteLater()
    _successors[id(old)] = new
    return new


def reopen_restored(old: MainWindow, backup: Path) -> tuple[MainWindow, Path]:
    """Restore *backup* into the window's store and show the window again on the restored data;
    the new window and the safety backup of what was there. The store is closed for the restore
    (sync stopped, background work finished) and opened again after it, which also migrates a
    backup made by an older coapp. A refused backup (BackupError) raises before anything closes."""
    from coapp.services.backup_restore import restore, summarize
    from coapp.ui.app_state import AppState
    from coapp.ui.main_window import MainWindow

    summarize(backup)  # refused here, the window untouched, when it is not a usable backup
    state = old.state
    ctx = state.ctx
    open_again = type(ctx).open  # the composition root's opener, without the ui importing it
    tokens = ctx._tokens  # the same keyring (or demo mode's memory): still signed in afterwards
    old.save_window_state()
    old.sync.shutdown()
    old.timesheet.wait_background()
    state.wait_background()
    with contextlib.suppress(RuntimeError, TypeError):  # demo mode: the caller owns that context
        old.destroyed.disconnect(state.close)
    state.close()
    try:
        safety = restore(ctx.store.path, backup)
    finally:
        new_ctx = open_again(state.paths.data_dir, tokens=tokens)  # restored or not, the store reopens
    new = MainWindow(AppState(state.paths, ctx=new_ctx))
    new.destroyed.connect(new.state.close)
    new.show()
    new.activateWindow()
    old.close()
    old.deleteLater()
    _successors[id(old)] = new
    return new, safety


def latest(window: MainWindow) -> MainWindow:
    """*window*, or the window that replaced it (and so on)."""
    while id(window) in _successors:
        window = _successors.pop(id(window))
    return window


def run_window_on(ctx: AppContext) -> int:
    """The event loop over build_window_on(ctx); the exit code."""
    from PySide6.QtWidgets import QApplication

    from coapp.ui.error_dialogs import install_excepthook

    window = build_window_on(ctx)
    install_excepthook()
    window.show()
    code = QApplication.exec()
    window = latest(window)
    window.sync.shutdown()  # a sync round in flight finishes before the caller closes the store
    window.deleteLater()
    return code


def show_main_window(data_dir: str | Path | None, open_context: OpenContext) -> MainWindow:
    """Show the main window as fast as possible: paint this week from a read-only peek at the
    database, then open the store (SQLAlchemy, integrity check, migrations) right after the first
    paint. Falls back to build_main_window when the peek cannot be used (new or older database)."""
    ensure_application()
    from PySide6.QtCore import QEvent, QObject, QTimer

    from coapp.domain.weeks import IsoWeek
    from coapp.services.quick_start import peek_week
    from coapp.ui.app_state import AppState
    from coapp.ui.main_window import MainWindow

    paths = Paths.resolve(data_dir)
    _install_language(paths)
    preview = peek_week(paths.database, IsoWeek.of(date.today()))
    if preview is None:
        window = build_main_window(data_dir, open_context)
        window.show()
        return window
    state = AppState(paths, preview=preview, opener=open_context)
    window = MainWindow(state)

    class _AfterFirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, open_store)
            return False

    def open_store() -> None:
        # On a worker thread, so the window keeps responding; the screens switch to live data
        # once it is open (AppState.open_in_background).
        state.open_in_background(store_failed, warm_up=_import_icon_font)

    def store_failed(error: BaseException) -> None:
        from PySide6.QtWidgets import QApplication

        from coapp.store.errors import StoreError
        from coapp.ui.error_dialogs import explain_store_error

        if not isinstance(error, StoreError):
            raise error  # a bug: the excepthook logs and shows it
        window.hide()
        restored = explain_store_error(error, paths.database)
        QApplication.exit(RESTART if restored else 1)

    watcher = _AfterFirstPaint(window)
    window.installEventFilter(watcher)
    window.destroyed.connect(state.close)
    window.show()
    return window


def _import_icon_font() -> None:
    """What the icons need before the screens get them (MainWindow._load_icons), read on the
    store's worker: the icon font's name table (the font itself loads on the GUI thread, in a few
    milliseconds)."""
    from coapp.ui.glyphs import preload

    preload()


RESTART = 75  # exit code of the event loop that asks run_gui to start over (a backup was restored)


WINDOW_LOCK_WAIT_S = 5.0  # a CLI verb finishing, or a window that is starting up, lets go within this


def run_gui(data_dir: str | Path | None, open_context: OpenContext) -> int:
    """The window until it closes; or, when a window is already open on the folder, bring that one
    forward and return 0 (a second launch from the desktop menu)."""
    ensure_application()
    from coapp.store.data_lock import DataFolderLock
    from coapp.ui.data_safety.single_instance import InstanceServer, ask_running_window

    folder = Paths.resolve(data_dir).data_dir
    if ask_running_window(folder):
        return 0
    lock = DataFolderLock(folder)
    if not lock.acquire("window", WINDOW_LOCK_WAIT_S):
        if ask_running_window(folder):  # the other window was starting and listens now
            return 0
        return _folder_busy(folder)
    instance = InstanceServer(folder)
    try:
        instance.listen()
        return _run_windows(data_dir, open_context, instance)
    finally:
        instance.close()
        lock.release()


def _folder_busy(folder: Path) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    print(f"coapp: error: another coapp process holds the data folder {folder}; try again", file=sys.stderr)
    text = QCoreApplication.translate(
        "Launch",
        "Another coapp is changing this data folder and does not answer:\n{folder}\n\nTry again in a moment.",
    ).format(folder=folder)
    QMessageBox(QMessageBox.Icon.Warning, "coapp", text).exec()
    return 2


def _bring_forward() -> None:
    """The window now shown (a window rebuilt in another language or on a restore replaced the first)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from coapp.ui.main_window import MainWindow

    # Not only a visible one: a window closed to the tray comes back too.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and not widget.closing:
            widget.setWindowState(widget.windowState() & ~Qt.WindowState.WindowMinimized)
            widget.show()
            widget.raise_()
            widget.activateWindow()
            return


def _run_windows(data_dir: str | Path | None, open_context: OpenContext, instance: QObject) -> int:
    from PySide6.QtWidgets import QApplication

    from coapp.store.errors import StoreError
    from coapp.ui.error_dialogs import explain_store_error, install_excepthook

    instance.showRequested.connect(_bring_forward)  # type: ignore[attr-defined]
    install_excepthook()
    while True:
        try:
            window = show_main_window(data_dir, open_context)
            code = QApplication.exec()
            window = latest(window)
            window.sync.shutdown()  # a sync round in flight finishes before the store closes
            window.state.close()
            window.deleteLater()
            if code != RESTART:
                return code
        except StoreError as exc:
            if not explain_store_error(exc, Paths.resolve(data_dir).database):
                return 1
