"""Engine, sessions, migrations at start-up, the server epoch and the sequence.

The same code and migrations run on SQLite (default, one process) and PostgreSQL (several stateless
processes behind a load balancer): nothing that matters lives in process memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from coserver.models import ServerMeta, ServerSequence

_MIGRATIONS = Path(__file__).parent / "migrations"
# An arbitrary constant: concurrent start-ups on one PostgreSQL database migrate one at a time.
_MIGRATION_LOCK_ID = 0x636F617070


def make_engine(db_url: str) -> Engine:
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (the pysqlite driver would defer it).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock up front: two writers wait for each other instead of failing
        # with "database is locked" when a read transaction tries to become a write one.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction (DDL is transactional on both)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back when it raises."""
    with factory() as session, session.begin():
        yield session


def next_version(session: Session) -> int:
    """Allocate the next number of the database's sequence inside the caller's transaction.

    An UPDATE of the single counter row rather than a PostgreSQL SEQUENCE: the row lock makes writers
    commit in version order, so a change-feed reader that has seen version N can never later find a
    commit with a smaller one (a SEQUENCE hands out numbers before commit and would allow that gap).
    A rolled-back transaction gives its number back, so versions are also gapless.
    """
    session.execute(
        update(ServerSequence).where(ServerSequence.id == 1).values(value=ServerSequence.value + 1)
    )
    return session.execute(select(ServerSequence.value).where(ServerSequence.id == 1)).scalar_one()


def max_version(session: Session) -> int:
    return session.execute(select(ServerSequence.value).where(ServerSequence.id == 1)).scalar_one()


def server_epoch(session: Session) -> str:
    return session.execute(select(ServerMeta.value).where(ServerMeta.key == "server_epoch")).scalar_one()
