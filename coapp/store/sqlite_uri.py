"""SQLite URIs for paths that may hold any character.

A folder named “C# projects”, “50% done” or “what?” breaks ``f"file:{path}?mode=ro"``: SQLite reads
``#`` as the start of a fragment, ``?`` as the start of the query and ``%`` as an escape, so the
connection would open (or create) another file, read-write. ``Path.as_uri`` percent-encodes them.
Free of SQLAlchemy so the start-up path can use it too.
"""

from __future__ import annotations

import os
from pathlib import Path


def read_only_uri(db_path: str | os.PathLike[str]) -> str:
    """A ``file:`` URI that opens *db_path* read-only (use with ``sqlite3.connect(..., uri=True)``)."""
    return f"{Path(db_path).absolute().as_uri()}?mode=ro"
