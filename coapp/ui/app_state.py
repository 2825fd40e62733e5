"""What the screens share: settings, the data folder, and the store once it is open.

The store (SQLAlchemy, migrations, integrity check) opens right after the first paint; until
then the screens show the start-up preview. Asking for ``ctx`` opens it at once, so nothing can
act on data before it is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from coapp.base.paths import Paths
from coapp.base.settings import Settings, load_settings
from coapp.services.holiday_names import HolidayNames
from coapp.services.sheets import WeekSheet

if TYPE_CHECKING:
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
        self._tasks: BackgroundTasks | None = None

    @property
    def ready(self) -> bool:
        return self._ctx is not None

    @property
    def ctx(self) -> AppContext:
        if self._ctx is None:
            assert self._opener is not None
            self._ctx = self._opener(self.paths.data_dir)
            self._ctx.settings = self._settings
            self.preview = None
            for callback in self._on_ready:
                callback()
        return self._ctx

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

    def close(self) -> None:
        if self._tasks is not None:
            self._tasks.wait()  # a confirmation in flight finishes before its store closes
        if self._ctx is not None:
            self._ctx.close()
