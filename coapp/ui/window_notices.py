"""The window's side of notices (issue 10): desktop notifications after a sync round, the
Applications entry's badge (applications moved, unread messages) and marking them read when that
screen is open. The events and what was seen live in NoticeService; the wording in coapp.ui.notifier.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from coapp.domain.errors import CoappError
from coapp.ui.notifier import Notifier

if TYPE_CHECKING:  # the services (SQLAlchemy) load with the store, after the first paint
    from coapp.services.dashboard import Dashboard
    from coapp.services.notices import Event
    from coapp.ui.main_window import MainWindow


class WindowNotices(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.notifier = Notifier(lambda: window.formats, self.open_event, self)
        window.dashboard.read.connect(self.dashboard_read)

    def check(self) -> None:
        """After a sync round: tell what the platform did (each event once). The ranking runs
        first beside other reads, so the write lane is held only for the short write."""
        state = self.window.state
        if not state.ready or self.window.closing:
            return
        ctx, tasks = state.ctx, state.tasks

        def ranked(_result: object) -> None:
            if self.window.closing:
                return  # the store may be closing: the next start tells what is new
            tasks.write(lambda: ctx.notices.take_new(datetime.now(UTC)), self.notifier.tell, _failed)

        tasks.run(ctx.assignments.search, ranked, _failed)

    def open_event(self, event: Event | None) -> None:
        """A notification was clicked: the window comes forward on what it told."""
        from coapp.services.notices import NoticeKind

        w = self.window
        if w.isMinimized():
            w.showNormal()
        w.show()
        w.raise_()
        w.activateWindow()
        if event is None:
            w.show_screen(w.dashboard)
        elif event.kind is NoticeKind.MESSAGE:
            w.open_item("messages", "")
        elif event.kind is NoticeKind.MATCH:
            w.open_item("assignment", event.target_id)
        else:
            w.open_item("application", event.target_id)

    def applications_seen(self) -> None:
        """The applications screen is open: its moves and the agent's messages count as read."""
        w = self.window
        if not w.state.ready:
            return
        notices = w.state.ctx.notices
        w.navigation.set_badge(w.stack.indexOf(w.applications_slot), 0)
        w.state.tasks.write(lambda: notices.mark_seen(datetime.now(UTC)), lambda _r: None, _failed)

    def dashboard_read(self, board: Dashboard) -> None:
        """The Applications entry's badge: applications moved and messages unread since last seen."""
        w = self.window
        index = w.stack.indexOf(w.applications_slot)
        if w.stack.currentIndex() == index:
            return  # being read right now
        moved, unread = len(board.moved), board.unread
        parts = []
        if moved:
            parts.append(
                self.tr("{n} applications moved").format(n=moved)
                if moved != 1
                else self.tr("1 application moved")
            )
        if unread:
            parts.append(
                self.tr("{n} unread messages").format(n=unread)
                if unread != 1
                else self.tr("1 unread message")
            )
        w.navigation.set_badge(index, moved + unread, " · ".join(parts))


def _failed(error: BaseException) -> None:
    if not isinstance(error, CoappError):
        raise error  # a bug: the app's error dialog shows it
