"""SQLite engine with the settings every connection needs.

WAL so readers never block the writer, synchronous=FULL so a committed edit survives power loss,
foreign keys on (SQLite defaults them off per connection), and writes in BEGIN IMMEDIATE so two
writers fail fast at the start instead of deadlocking on a lock upgrade half-way through.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from coapp.store.outbox import install_outbox

_BUSY_TIMEOUT_S = 10


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(
        # URL.create, not f"sqlite:///{db_path}": a "?" or "%" in a folder name is part of the path.
        URL.create("sqlite", database=str(db_path)),
        connect_args={"timeout": _BUSY_TIMEOUT_S, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred-only).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Store:
    """Session factories over one database file: ``read()`` for queries, ``write()`` for changes."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path
        self.engine = make_engine(db_path)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(writer, expire_on_commit=False)
        install_outbox(self._write)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One BEGIN IMMEDIATE transaction: committed on success, rolled back on any error."""
        with self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
