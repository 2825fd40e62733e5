"""Pausing Python's cyclic garbage collector around bulk work that makes many short-lived objects.

A first sync parses and applies tens of thousands of rows, a page at a time. Each page's wire models
live for the few dozen milliseconds the page takes to apply: long enough for the collector to
promote them to its oldest generation, whose full collections then scan the whole process (the ORM,
pydantic, the Qt bindings: some 130,000 objects, about 70 ms each, three per 20,000 rows pulled:
a sixth of the round). Reference counting still frees every page as soon as it is applied; only
garbage in reference cycles waits until the pause ends.

The collector is process-wide, so pauses nest, across threads too: it comes back when the last pause
ends, and only if it was on when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
