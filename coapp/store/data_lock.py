"""Who may change a data folder: one writer at a time, across processes.

The app's window holds the lock while it runs; a CLI verb that changes data takes it for its run
and waits briefly when another process has it, then stops with a clear message instead of changing
data under an open window. Readers never take it (SQLite's WAL lets them read beside a writer).

An OS file lock (flock on POSIX, msvcrt on Windows) on ``<data dir>/coapp.lock``: the system
releases it when the holder exits or crashes, so a stale lock cannot outlive its process. The file
says who holds it (``window 1234``) so the message can name the holder.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from coapp.base.paths import PRIVATE_FILE_MODE
from coapp.domain.errors import CoappError

LOCK_NAME = "coapp.lock"
# Windows locks a byte range; past the holder's text so others can still read who holds it.
_LOCKED_BYTE = 1 << 16
_POLL_S = 0.1


class DataFolderBusyError(CoappError):
    """Another coapp process is changing this data folder; nothing was changed."""


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_NAME


def holder_of(data_dir: Path) -> str:
    """What the lock file says about its holder (``window 1234``), or "" when unknown."""
    try:
        text = lock_path(data_dir).read_bytes()[:200].decode("utf-8", "replace")
    except OSError:
        return ""
    return text.split("\n", 1)[0].strip("\0 ")


class DataFolderLock:
    """The writer lock of one data folder; ``acquire`` then ``release`` (or use it as a context)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, holder: str, wait_s: float = 0.0) -> bool:
        """Take the lock, retrying for up to *wait_s* seconds; False when another process keeps it."""
        if self._fd is not None:
            return True
        fd = os.open(lock_path(self.data_dir), os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        deadline = time.monotonic() + wait_s
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                return False
            time.sleep(_POLL_S)
        self._fd = fd
        # Who holds it, for the message another process shows; padded so an older, longer text goes.
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{holder} {os.getpid()}\n".encode().ljust(64, b"\0"))
        return True

    def require(self, holder: str, wait_s: float) -> None:
        """Take the lock or raise DataFolderBusyError naming who holds it."""
        if self.acquire(holder, wait_s):
            return
        held_by = holder_of(self.data_dir)
        if held_by.startswith("window"):
            raise DataFolderBusyError(
                "coapp's window has this data folder open ({folder}); make the change there or close "
                "the window and try again. Nothing was changed.",
                folder=self.data_dir,
            )
        raise DataFolderBusyError(
            "another coapp command is changing this data folder ({folder}); try again when it is done. "
            "Nothing was changed.",
            folder=self.data_dir,
        )

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            _unlock(fd)
            os.close(fd)

    def __enter__(self) -> DataFolderLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
