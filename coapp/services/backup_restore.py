"""Restoring the database from one of its backups: what each backup holds, and the restore itself.

A backup is read read-only (its counts of contracts, reported weeks and time entries, invoices);
a file that is not a coapp backup, damaged, or from a newer coapp is refused before anything
changes. A restore first backs up the current database ("before-restore", so it can be undone
from the same list), then copies the chosen backup into the database with SQLite's backup API:
SQLite locks the file while it writes, so a reader in another process never sees half of it. The
store must be closed by the caller and opened again afterwards (that also migrates an older backup).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from coapp.base.paths import create_private_file
from coapp.domain.errors import ValidationError
from coapp.store.backup import backup_dir, list_backups, make_backup
from coapp.store.database import known_revisions, quick_check, stored_revision
from coapp.store.sqlite_uri import read_only_uri

BEFORE_RESTORE = "before-restore"
_SQLITE_HEADER = b"SQLite format 3\0"
# backups/<stem>-<20261206T142000123456Z>-<label>.sqlite3 (coapp.store.backup.make_backup)
_NAME = re.compile(r"-(\d{8}T\d{6}\d{6}Z)-(.+)\.sqlite3$")


class BackupError(ValidationError):
    """The chosen file cannot be restored; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    made_at: datetime  # UTC
    label: str  # "daily", "before-restore", "before-<schema revision>", or "" for another file
    contracts: int
    weeks: int  # distinct ISO weeks with reported time
    time_entries: int
    invoices: int


def made_at(path: Path) -> datetime:
    """When coapp made the backup (its name), else the file's modification time."""
    match = _NAME.search(path.name)
    if match:
        return datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _label(path: Path) -> str:
    match = _NAME.search(path.name)
    return match.group(2) if match else ""


def _check(path: Path) -> None:
    """Raise BackupError unless *path* is a readable coapp database this version can open."""
    if not path.exists():
        raise BackupError("There is no backup at {path}. Nothing was changed.", path=path)
    if not path.is_file():
        raise BackupError("{path} is a folder, not a backup. Nothing was changed.", path=path)
    try:
        with path.open("rb") as f:
            header = f.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise BackupError(
            "The backup {path} cannot be read ({reason}). Nothing was changed.",
            path=path,
            reason=exc.strerror,
        ) from exc
    if header != _SQLITE_HEADER:
        raise BackupError("{path} is not a coapp backup. Nothing was changed.", path=path)
    problem = quick_check(path)
    if problem is not None:
        raise BackupError(
            "The backup {path} is damaged ({problem}). Nothing was changed.", path=path, problem=problem
        )
    try:
        revision = stored_revision(path)
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            "The backup {path} cannot be read ({problem}). Nothing was changed.", path=path, problem=str(exc)
        ) from exc
    if revision is None:
        raise BackupError("{path} is not a coapp backup. Nothing was changed.", path=path)
    if revision not in known_revisions():
        raise BackupError("The backup {path} was made by a newer coapp. Nothing was changed.", path=path)


def _count(conn: sqlite3.Connection, sql: str) -> int:
    try:
        return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # an older schema without that table
        return 0


def summarize(path: Path) -> BackupSummary:
    """What the backup holds, read read-only; BackupError when it is not a usable backup."""
    _check(path)
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return BackupSummary(
            path=path,
            made_at=made_at(path),
            label=_label(path),
            contracts=_count(conn, "SELECT count(*) FROM contracts"),
            # Weeks by their Monday: SQLite's %W week numbers differ from ISO weeks at year ends.
            weeks=_count(
                conn,
                "SELECT count(DISTINCT date(work_date, '-' || ((strftime('%w', work_date) + 6) % 7) "
                "|| ' days')) FROM time_entries WHERE minutes > 0",
            ),
            time_entries=_count(conn, "SELECT count(*) FROM time_entries WHERE minutes > 0"),
            invoices=_count(conn, "SELECT count(*) FROM invoices"),
        )
    finally:
        conn.close()


@dataclass(frozen=True)
class BackupRow:
    """One line of the list: its summary, or why it cannot be restored."""

    path: Path
    made_at: datetime
    summary: BackupSummary | None
    problem: str | None  # the BackupError's message


def backup_rows(db_path: Path) -> list[BackupRow]:
    """The database's backups, newest first, each with what it holds or its problem."""
    rows = []
    for path in list_backups(db_path):
        try:
            summary = summarize(path)
        except BackupError as exc:
            rows.append(BackupRow(path, made_at(path), None, str(exc)))
        else:
            rows.append(BackupRow(path, summary.made_at, summary, None))
    return rows


def pick(db_path: Path, chosen: str) -> Path:
    """A backup by its number in `backup list` (1 = newest) or by path."""
    text = chosen.strip()
    if text.isdigit():
        backups = list_backups(db_path)
        index = int(text)
        if not 1 <= index <= len(backups):
            raise BackupError(
                "There is no backup number {index}; `coapp backup list` shows {count}.",
                index=index,
                count=len(backups),
            )
        return backups[index - 1]
    return Path(text).expanduser()


def restore(db_path: Path, backup: Path) -> Path:
    """Put *backup*'s content in the database (the store closed); return the safety backup of what
    was there. BackupError, with nothing changed, when the backup cannot be used."""
    backup = backup.resolve()
    _check(backup)
    # A private copy first: the safety backup below prunes the oldest backups, maybe this one.
    staged = backup_dir(db_path) / f".restoring-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%f')}.sqlite3"
    create_private_file(staged)
    try:
        shutil.copyfile(backup, staged)
        safety = make_backup(db_path, BEFORE_RESTORE) if db_path.exists() else None
        _copy_into(staged, db_path)
    finally:
        staged.unlink(missing_ok=True)
    return safety if safety is not None else db_path


def _copy_into(source: Path, db_path: Path) -> None:
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(db_path, timeout=10)
        try:
            # Copied with the destination's own journal: a database in WAL stays in WAL.
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
    finally:
        src.close()
