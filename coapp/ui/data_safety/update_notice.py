"""The update notice: once a day, when signed in, ask the platform which coapp it publishes and say
so in the status line when it is newer than the one running. Help → Check for updates asks now.

It only tells: coapp never downloads or installs anything by itself (the user updates the way they
installed it). The last check's time is kept in ``<data dir>/update-check.ini`` so a restart does
not ask again within the day.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal

from coapp import __version__

if TYPE_CHECKING:
    from coapp.ui.main_window import MainWindow
    from coapp.ui.sync.calls import Problem

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads the context and text of each call

CHECK_EVERY = timedelta(days=1)
WAKE_MS = 60 * 60 * 1000  # look once an hour whether a day has passed (the app may run for weeks)
NOTICE_MS = 60_000
STATE_FILE = "update-check.ini"


class UpdateNotice(QObject):
    """``checked(text)`` after each answer, with what the status line said."""

    checked = Signal(str)

    def __init__(self, window: MainWindow, now: Callable[[], datetime] | None = None) -> None:
        super().__init__(window)
        self.setObjectName("updateNotice")
        self.window = window
        self.now = now or (lambda: datetime.now(UTC))
        self.running = __version__
        self.newer: str | None = None  # the newer version the platform published, once known
        self.asking = False
        self._state = QSettings(
            str(Path(window.state.paths.data_dir) / STATE_FILE), QSettings.Format.IniFormat
        )
        self._timer = QTimer(self)
        self._timer.setInterval(WAKE_MS)
        self._timer.timeout.connect(self.check_if_due)
        self._timer.start()
        window.sync.viewChanged.connect(lambda _view: self.check_if_due())

    # --- when ----------------------------------------------------------------------------------

    def last_check(self) -> datetime | None:
        text = str(self._state.value("lastCheck", "") or "")
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
        return moment if moment.tzinfo is not None else None

    def due(self) -> bool:
        last = self.last_check()
        now = self.now()
        # A last check "in the future" (the clock was wrong then) counts as none.
        return last is None or last > now or now - last >= CHECK_EVERY

    def check_if_due(self) -> None:
        view = self.window.sync.view
        if view.signed_in and not self.window.closing and self.due():
            self.check(manual=False)

    # --- asking --------------------------------------------------------------------------------

    def check(self, manual: bool = True) -> None:
        if self.asking:
            return
        from coapp.sync.data_safety_calls import latest_version

        self.asking = True

        def work(api: Any) -> Any:
            return latest_version(api.transport)

        self.window.sync.platform_call(
            work, lambda answer: self._answered(answer, manual), lambda p: self._failed(p, manual)
        )

    def _answered(self, answer: Any, manual: bool) -> None:
        from coapp.sync.data_safety_calls import is_newer

        self.asking = False
        self._state.setValue("lastCheck", self.now().isoformat())
        self._state.sync()
        published = answer.version
        if is_newer(published, self.running):
            self.newer = published
            text = translate(
                "UpdateNotice",
                "coapp {version} is available (you have {running}). Update it the way you installed "
                "it; coapp never downloads anything by itself.",
            ).format(version=published, running=self.running)
        elif manual:
            text = translate("UpdateNotice", "coapp {running} is the newest version.").format(
                running=self.running
            )
        else:
            text = ""
        self._say(text)

    def _failed(self, problem: Problem, manual: bool) -> None:
        self.asking = False
        log.info("update check: %s", problem.kind)
        if not manual:
            self._say("")  # tried again at the next wake-up; nothing to bother anyone with
            return
        if problem.kind == "offline":
            text = translate("UpdateNotice", "The platform cannot be reached; try again when you are online.")
        elif problem.kind in ("not_signed_in", "signed_out"):
            text = translate("UpdateNotice", "Sign in to the platform to check for updates.")
        else:
            text = translate("UpdateNotice", "The platform did not say which version is the newest.")
        self._say(text)

    def _say(self, text: str) -> None:
        if text:
            self.window.statusBar().showMessage(text, NOTICE_MS)
        self.checked.emit(text)
