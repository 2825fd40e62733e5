"""What the screens share: settings, the data folder, and the store once it is open.

The store (SQLAlchemy, migrations, integrity check) opens right after the first paint, on a
worker thread (``open_in_background``) so the window keeps responding; until then the screens show
the start-up preview. Asking for ``ctx`` opens it at once (or waits for the worker), so nothing can
act on data before it is ready.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from coapp.base.paths import Paths
from coapp.base.settings import Settings, load_settings
from coapp.services.holiday_names import HolidayNames
from coapp.services.sheets import WeekSheet

if TYPE_CHECKING:
    from concurrent.futures import Future

    from coapp.app.context import AppContext
    from coapp.ui.background import BackgroundTasks


class AppState:
    def __init__(
        self,
        paths: Paths,
        preview: WeekSheet | None = None,
        ctx: AppContext | None = None,
        opener: Callable[[Path], AppContext] | None = None,
    ) -> None:
        if ctx is None and opener is None:
            raise ValueError("give the open context or how to open it")
        self.paths = paths
        self._opener = opener
        self.preview = preview
        self._ctx = ctx
        self._settings = ctx.settings if ctx is not None else load_settings(paths.settings)
        self.holidays = HolidayNames(paths.data_dir / "holidays-cache.json")
        self._on_ready: list[Callable[[], None]] = []
        self._telling = False  # the screens are being told, one per turn (``_tell_in_turns``)
        self._tasks: BackgroundTasks | None = None
        self._opening: Future[AppContext] | None = None  # the worker opening the store

    @property
    def ready(self) -> bool:
        """The store is open and every screen has been told (see ``_tell_in_turns``)."""
        return self._ctx is not None and not self._telling

    @property
    def ctx(self) -> AppContext:
        if self._ctx is None:
            self._become_ready()
            self._tell_all()
        return self._ctx  # type: ignore[return-value]  # _become_ready set it

    def _become_ready(self) -> None:
        assert self._opener is not None
        # The worker's context (or its StoreError) when one is opening it, else open it now.
        opening = self._opening
        ctx = opening.result() if opening is not None else self._opener(self.paths.data_dir)
        ctx.settings = self._settings
        self._ctx = ctx
        self.preview = None

    def _tell_all(self) -> None:
        """Whoever asked for ``ctx`` acts on live data now: every screen is told before it returns."""
        self._telling = False
        while self._on_ready:
            self._on_ready.pop(0)()

    def _tell_in_turns(self) -> None:
        """The screens are told one per turn of the event loop: each reads its first live data on
        the GUI thread (some 10-40 ms), and told all in one turn they froze the window for over
        100 ms right after start-up. Until the last is told, ``ready`` stays False, so a screen asks
        with ``when_ready`` and joins the queue; ``ctx`` itself is live already."""
        from PySide6.QtCore import QTimer

        self._telling = True

        def next_one() -> None:
            if not self._telling:
                return  # closed meanwhile
            if not self._on_ready:
                self._telling = False
                return
            callback = self._on_ready.pop(0)
            try:
                callback()
            finally:
                QTimer.singleShot(0, next_one)

        next_one()

    def open_in_background(
        self, on_error: Callable[[BaseException], None], warm_up: Callable[[], None] | None = None
    ) -> None:
        """Open the store on a worker thread (imports, integrity check, migrations), then become
        ready on the GUI thread: the screens are told in a turn of the event loop of their own.
        *warm_up* runs on the worker once the store is open (imports the screens need when ready);
        if it fails, the GUI thread meets the same error where it needs what it warms up.
        *on_error* gets what opening raised (a StoreError), unless ``ctx`` already raised it."""
        from concurrent.futures import Future

        from coapp.ui.background import run_in_background

        if self._ctx is not None or self._opening is not None:
            return
        opener, data_dir = self._opener, self.paths.data_dir
        assert opener is not None
        opening: Future[AppContext] = Future()
        self._opening = opening

        def work() -> None:  # on the worker: no widgets, only the context
            try:
                ctx = opener(data_dir)
            except BaseException as exc:
                opening.set_exception(exc)
                raise
            if warm_up is not None:
                with contextlib.suppress(Exception):
                    warm_up()
            opening.set_result(ctx)

        def opened(_: object) -> None:
            if self._ctx is None:  # else ``ctx`` was asked for meanwhile and told the screens
                self._become_ready()
                self._tell_in_turns()

        def failed(error: BaseException) -> None:
            if self._ctx is None and self._opening is opening:
                self._opening = None  # asking for ctx again tries again
                on_error(error)

        run_in_background(work, opened, failed)

    def when_ready(self, callback: Callable[[], None]) -> None:
        if self.ready:
            callback()
        else:
            self._on_ready.append(callback)

    @property
    def tasks(self) -> BackgroundTasks:
        """Background work (writes in order, the rest in parallel), made on first use."""
        if self._tasks is None:
            from coapp.ui.background import BackgroundTasks

            self._tasks = BackgroundTasks()
        return self._tasks

    @property
    def settings(self) -> Settings:
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        self.ctx.save_settings(settings)
        self._settings = settings

    def wait_background(self) -> None:
        """Let the reads and writes in flight finish (a window closing on a store it does not own)."""
        if self._tasks is not None:
            self._tasks.wait()

    def close(self) -> None:
        self._on_ready.clear()  # a screen not told yet is closing too
        self._telling = False
        if self._ctx is None and self._opening is not None:
            # Closed while the worker still opens the store: close what it opened (if it did).
            with contextlib.suppress(Exception):
                self._ctx = self._opening.result()
        if self._tasks is not None:
            self._tasks.wait()  # a confirmation in flight finishes before its store closes
        if self._ctx is not None:
            self._ctx.close()
