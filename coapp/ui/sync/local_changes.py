"""Hearing about local edits: every write the GUI thread commits to the store.

The screens write on the GUI thread (the grid, timers, invoices, the refused-changes dialog) and
sync rounds write on workers, so "a commit on the GUI thread" is exactly "the user changed something",
without each screen having to remember to announce its writes.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal


class LocalChangeWatcher(QObject):
    # Queued by its users: the slot runs after the commit has finished, not inside it.
    changed = Signal()

    def __init__(self, engine: Any, parent: QObject | None = None) -> None:
        from sqlalchemy import event  # loaded by then: the store is open

        super().__init__(parent)
        self._engine = engine
        self._listening = True
        event.listen(engine, "commit", self._on_commit)

    def connect_queued(self, slot: Any) -> None:
        self.changed.connect(slot, Qt.ConnectionType.QueuedConnection)

    def _on_commit(self, _connection: Any) -> None:
        if self._listening and threading.current_thread() is threading.main_thread():
            self.changed.emit()

    def stop(self) -> None:
        from sqlalchemy import event

        if self._listening:
            self._listening = False
            event.remove(self._engine, "commit", self._on_commit)
