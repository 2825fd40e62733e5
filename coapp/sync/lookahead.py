"""Asking for the change feed's next page while the current one is applied.

A first sync spends about as long waiting for the server's pages as applying them. Each page names
the cursor of the next, so the next request can go out before the current page is written: the
server (another process) then builds page n + 1 while this process writes page n. Socket reads and
SQLite release the GIL, so the two overlap even on one interpreter.

Nothing about the protocol changes: the request is a read, the cursor is still stored only in the
transaction of the page it belongs to, and a page fetched ahead whose predecessor failed to apply is
simply dropped (the next round asks again from the stored cursor; the feed is at least once).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import TypeVar

T = TypeVar("T")


class Lookahead:
    """One request in flight on a helper thread at a time; the thread starts only when asked for
    (a round with nothing to do makes one request on the caller's thread and starts none).

    Leaving the ``with`` block waits for a request still in flight, so no request of this round
    outlives it (the HTTP session and the request count are the round's)."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, call: Callable[[], T]) -> Future[T]:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coapp-sync-ahead")
        return self._pool.submit(call)

    def __enter__(self) -> Lookahead:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
