"""Work off the GUI thread (ARCHITECTURE.md "Threads"): a QThreadPool runs a plain function, and its
result or exception comes back as a call on the GUI thread.

The function must not touch widgets or share ORM objects: it opens its own sessions and returns
plain values. The callbacks always run on the GUI thread (queued through the event loop), so they may.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker are queued to it."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        # Bound slots of this QObject: Qt queues them to this object's (the GUI) thread.
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        _pending.discard(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        _pending.discard(self)
        assert isinstance(error, BaseException)
        self._on_error(error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # handed to the GUI thread, which decides what is a bug
            self._answer(self._relay.failed, exc)
            return
        self._answer(self._relay.done, result)

    @staticmethod
    def _answer(signal: Any, value: object) -> None:
        # At interpreter exit the relay may be gone before a job ends: nobody waits for the answer.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


# Relays waiting for their job: Python must keep them alive until the answer is delivered.
_pending: set[_Relay] = set()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
) -> None:
    """Run *work* on *pool* (the global pool by default); then call on_done(result) or
    on_error(exception) on the GUI thread. Call this from the GUI thread."""
    relay = _Relay(on_done, on_error)
    _pending.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Job(work, relay))


class BackgroundTasks(QObject):
    """The app's two lanes of background work: database writes one at a time, in order (SQLite has
    one writer, and a confirmation must not overtake the edit before it), and other work (exports,
    renders) in parallel. ``busyChanged`` drives the status bar's busy indicator."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Owned here in Python, not by Qt's object tree: the store's close waits on them, which
        # may happen while Qt tears its objects down.
        self._writes = QThreadPool()
        self._writes.setMaxThreadCount(1)
        self._others = QThreadPool()
        self._others.setMaxThreadCount(2)
        self._running = 0

    @property
    def busy(self) -> bool:
        return self._running > 0

    def write(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run *work* (which writes to the database) after every write queued before it."""
        self._start(self._writes, work, on_done, on_error)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run *work* (no database writes: reads, files) beside others."""
        self._start(self._others, work, on_done, on_error)

    def wait(self) -> None:
        """Block until every job has finished (before the store closes)."""
        for pool in (self._writes, self._others):
            # Already deleted at interpreter exit: nothing runs on it any more.
            with contextlib.suppress(RuntimeError):
                pool.waitForDone()

    def _start(
        self,
        pool: QThreadPool,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._running += 1
        if self._running == 1:
            self.busyChanged.emit(True)

        def finish() -> None:
            self._running -= 1
            if self._running == 0:
                self.busyChanged.emit(False)

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(error: BaseException) -> None:
            finish()
            on_error(error)

        run_in_background(work, done, failed, pool)


class Reread:
    """A read on a worker where only the newest answer matters (a screen refreshed after a sync, a
    period chosen): asked again while one runs, it reads once more when that one ends and shows only
    that answer, so requests never pile up and a stale answer never paints over a newer one.

    *prepare* runs on the GUI thread and returns the work for the worker: it captures the inputs
    (settings, the chosen period) as they are when asked."""

    def __init__(
        self,
        owner: QObject,
        tasks: BackgroundTasks,
        prepare: Callable[[], Callable[[], Any]],
        show: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._owner = owner  # the screen: an answer that arrives after it is gone is dropped
        self._tasks, self._prepare, self._show, self._on_error = tasks, prepare, show, on_error
        self._running = self._again = False

    def request(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self._tasks.run(self._prepare(), self._done, self._failed)

    def _done(self, result: Any) -> None:
        self._running = False
        if not shiboken6.isValid(self._owner):
            return  # the window closed while the read ran
        if self._again:
            self._again = False
            self.request()
            return
        self._show(result)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        if shiboken6.isValid(self._owner):
            self._on_error(error)
