"""r0012 (notices: events told once, messages and moves seen) on an r0011 database, and back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coapp.store.database import (
    _run_alembic,
    create_at_revision,
    head_revision,
    open_store,
    stored_revision,
)


def tables(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_r0012_adds_notices_and_downgrades_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "coapp.sqlite3"
    create_at_revision(db, "r0011").dispose()
    assert "notices" not in tables(db)
    open_store(db).dispose()
    assert stored_revision(db) == head_revision()  # this revision and any later one
    assert "notices" in tables(db)
    store = create_at_revision(tmp_path / "other.sqlite3", "r0012")
    try:
        _run_alembic(store, "downgrade", "r0011")
    finally:
        store.dispose()
    assert "notices" not in tables(tmp_path / "other.sqlite3")
