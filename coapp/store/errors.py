"""The store's expected failures: the database cannot be opened, and why (the message says what to do)."""

from __future__ import annotations

from pathlib import Path

from coapp.domain.errors import CoappError


class StoreError(CoappError):
    """The database cannot be opened; the message says why and what to do."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer coapp; this version must not touch it."""


class DamagedDatabaseError(StoreError):
    """The integrity check failed; ``backup`` is the newest good copy, if there is one."""

    def __init__(self, message: str, /, backup: Path | None, **values: object) -> None:
        super().__init__(message, **values)
        self.backup = backup
