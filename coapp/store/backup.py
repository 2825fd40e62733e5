"""Backup copies of the database file, made with SQLite's online backup API (safe under WAL)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from coapp.base.paths import create_private_file, make_private_dir
from coapp.store.sqlite_uri import read_only_uri

KEEP = 10


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Path]:
    """Backups, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.sqlite3"), reverse=True)


def newest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


def make_backup(db_path: Path, label: str) -> Path:
    """Copy the database to backups/<stem>-<UTC stamp>-<label>.sqlite3 and prune old copies.

    The folder is 0700 and the copy 0600 on POSIX, like the database itself."""
    folder = make_private_dir(backup_dir(db_path))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db_path.stem}-{stamp}-{label}.sqlite3"
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)  # left by a crash during an earlier backup
    create_private_file(partial)  # before SQLite creates it with 0644
    src = sqlite3.connect(read_only_uri(db_path), uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)  # a half-written copy is never mistaken for a backup
    for old in list_backups(db_path)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def backup_age_hours(db_path: Path) -> float | None:
    newest = newest_backup(db_path)
    if newest is None:
        return None
    return (datetime.now(UTC).timestamp() - newest.stat().st_mtime) / 3600
