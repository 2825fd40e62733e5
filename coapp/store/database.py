"""Opening the store at start-up: integrity check, version check, backup, migrate or create."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from coapp.base.paths import create_private_file, make_private, make_private_dir
from coapp.models import Base
from coapp.store.backup import backup_age_hours, make_backup, newest_backup
from coapp.store.engine import Store
from coapp.store.errors import DamagedDatabaseError, NewerDatabaseError, StoreError
from coapp.store.schema_version import HEAD_REVISION
from coapp.store.sqlite_uri import read_only_uri

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

_MIGRATIONS = Path(__file__).parent / "migrations"
DAILY_BACKUP_HOURS = 24


def alembic_config() -> Config:
    from alembic.config import Config  # Alembic loads only when a schema change is due

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _read_only(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(db_path), uri=True)


def quick_check(db_path: Path) -> str | None:
    """None when SQLite's quick_check passes, else what it reported."""
    try:
        conn = _read_only(db_path)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = "; ".join(str(r[0]) for r in rows)
    return None if result == "ok" else result


def stored_revision(db_path: Path) -> str | None:
    conn = _read_only(db_path)
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def _has_tables(db_path: Path) -> bool:
    conn = _read_only(db_path)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] > 0
    finally:
        conn.close()


def _run_alembic(store: Store, action: str, revision: str, *, create_tables: bool = False) -> None:
    """One transaction (SQLite's DDL is transactional): a crash leaves the old schema or the new."""
    from alembic import command

    cfg = alembic_config()
    try:
        with store.engine.begin() as conn:
            if create_tables:
                Base.metadata.create_all(conn)
            cfg.attributes["connection"] = conn
            getattr(command, action)(cfg, revision)
    except BaseException:
        store.dispose()
        raise


def open_store(db_path: Path, *, daily_backup: bool = True) -> Store:
    """Open (creating or upgrading) the database; raise StoreError with a clear message.

    The database and SQLite's -wal and -shm beside it are private to the user (0600 on POSIX):
    created so here (SQLite gives the -wal and -shm the database's mode), or tightened when an
    older coapp left them readable by others."""
    if not db_path.parent.is_dir():
        make_private_dir(db_path.parent)
    try:
        create_private_file(db_path)
        for companion in ("-wal", "-shm", "-journal"):
            make_private(db_path.with_name(db_path.name + companion))
    except PermissionError as exc:  # another user's file we may still read and write: use it as is
        log.warning("cannot make %s private: %s", db_path, exc)
    if db_path.stat().st_size == 0:
        store = Store(db_path)
        # Tables and stamp in one transaction: tables without a stamp would read as "not a coapp
        # database" at the next start.
        _run_alembic(store, "stamp", "head", create_tables=True)
        return store

    problem = quick_check(db_path)
    if problem is not None:
        backup = newest_backup(db_path)
        if backup:
            raise DamagedDatabaseError(
                "The database {path} is damaged ({problem}). The newest backup is {newest}.",
                backup,
                path=db_path,
                problem=problem,
                newest=backup,
            )
        raise DamagedDatabaseError(
            "The database {path} is damaged ({problem}). There is no backup yet.",
            backup,
            path=db_path,
            problem=problem,
        )

    revision = stored_revision(db_path)
    if revision is None:
        if _has_tables(db_path):
            raise StoreError("{path} is not a coapp database; it was left untouched.", path=db_path)
    elif revision != HEAD_REVISION and revision not in known_revisions():
        raise NewerDatabaseError(
            "{path} was written by a newer coapp (schema {revision}). "
            "Install the newer coapp to open it; the file was left untouched.",
            path=db_path,
            revision=revision,
        )

    if revision != HEAD_REVISION:
        make_backup(db_path, f"before-{head_revision()}")
        store = Store(db_path)
        _run_alembic(store, "upgrade", "head")
        return store

    if daily_backup:
        age = backup_age_hours(db_path)
        if age is None or age >= DAILY_BACKUP_HOURS:
            make_backup(db_path, "daily")
    return Store(db_path)


def create_at_revision(db_path: Path, revision: str) -> Store:
    """Build a database at an older schema revision (migration tests and fixtures)."""
    store = Store(db_path)
    _run_alembic(store, "upgrade", revision)
    return store
