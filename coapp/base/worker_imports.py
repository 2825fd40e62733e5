"""Heavy first imports on worker threads, one at a time.

Python imports each module under a lock of its own. Two threads importing packages that share modules
but reach them in another order (the sync client's pydantic on one worker, fpdf2 for a PDF warm-up on
another) can each wait for the other; Python breaks such a deadlock by handing one thread a module
that is still half made, and that import fails ("partially initialized module"). Workers import heavy
packages for the first time while holding this lock, so those imports never overlap.
"""

from __future__ import annotations

import threading

WORKER_IMPORTS = threading.RLock()
