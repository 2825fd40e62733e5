"""Engine, sessions, migrations at start-up, the server epoch and the version sequence.

The same code and migrations run on SQLite (default, one process) and PostgreSQL (several stateless
processes behind a load balancer): nothing that matters lives in process memory.

Versions. Every synced write is stamped with the next number of one database-wide sequence, and the
change feed hands out rows with a version in (cursor, horizon]. The feed's promise is that it never
passes a version whose row may still appear: once a cursor says N, no row with a version <= N may
commit later (the client would never fetch it).

- SQLite: one counter row (`server_sequence`) that `next_version` updates. SQLite has one writer at a
  time (BEGIN IMMEDIATE), so versions commit in order and the horizon is simply the counter.
- PostgreSQL: a SEQUENCE (`coapp_version_seq`), so writers no longer queue on one row. A sequence
  hands numbers out before commit and transactions commit in any order, so the newest number is not
  a safe horizon: a transaction holding a lower number may still be running. Each transaction
  therefore takes, before its first number, a shared advisory lock keyed by the sequence's value at
  that moment (its "floor": every number it gets is above it) and holds it to its end
  (`coapp_next_version()`, migration s0014). The horizon (`coapp_version_bounds()`) reads the newest
  number handed out first, then the floors in pg_locks: any version at or below that newest number
  belongs to a transaction that took its floor lock before the newest number was read, so it either
  still holds the lock (and the horizon stays below its floor) or has ended, and PostgreSQL releases
  locks only after a commit is visible, so the feed's next statements see its rows. The horizon is
  thus the smallest floor still held minus one, else the newest number. A long transaction holds the
  feed back (its rows and every later one wait, none is skipped); versions stay unique, with gaps
  where a transaction rolled back.
"""

from __future__ import annotations

import os
import uuid
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


# Connections per process on PostgreSQL: at most pool size + overflow. With N workers the server
# opens up to N x that many, which must stay under the database's max_connections (README, Deployment).
POOL_SIZE_ENV = "COSERVER_POOL_SIZE"
MAX_OVERFLOW_ENV = "COSERVER_MAX_OVERFLOW"


def _pool_setting(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or not 0 <= int(raw) <= 1000:
        raise ValueError(f"{name} must be a whole number from 0 to 1000, not {raw!r}")
    return int(raw)


def make_engine(db_url: str) -> Engine:
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=max(1, _pool_setting(POOL_SIZE_ENV, 5)),
            max_overflow=_pool_setting(MAX_OVERFLOW_ENV, 10),
        )
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


def _postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def next_version(session: Session) -> int:
    """Allocate the next version inside the caller's transaction (see the module's docstring).

    SQLite: an UPDATE of the counter row (gapless: a rollback gives the number back). PostgreSQL:
    `nextval` behind the transaction's floor lock, which no other writer waits for."""
    if _postgresql(session):
        return int(session.execute(text("SELECT coapp_next_version()")).scalar_one())
    session.execute(
        update(ServerSequence).where(ServerSequence.id == 1).values(value=ServerSequence.value + 1)
    )
    return session.execute(select(ServerSequence.value).where(ServerSequence.id == 1)).scalar_one()


# The class of the per-account writer locks (two-int advisory locks, objsubid 2 in pg_locks: apart
# from the version floors, which are one-bigint shared locks).
_ACCOUNT_LOCK_CLASS = 0x636F6170


def lock_accounts(session: Session, *account_ids: uuid.UUID) -> None:
    """Make this transaction the only writer of these accounts' rows until it ends, without
    queueing any other account's writers behind it. Every writer of an account's rows takes it
    before reading what it decides on: push (coserver.sync), confirming and crediting an invoice
    (coserver.invoices), a contract's commands by any party (coserver.contract_life.lock_contract:
    every row of a contract is its freelancer's). Locks are taken in one order, so two commands
    naming the same two accounts cannot deadlock; name every account in one call. SQLite needs
    nothing: BEGIN IMMEDIATE already lets one writer in at a time.

    Accounts whose 32-bit keys collide merely wait for each other."""
    if not _postgresql(session):
        return
    keys = sorted({int.from_bytes(a.bytes[:4], "big", signed=True) for a in account_ids})
    for key in keys:
        session.execute(
            text("SELECT pg_advisory_xact_lock(:class, :key)"), {"class": _ACCOUNT_LOCK_CLASS, "key": key}
        )


def reserve_versions(session: Session, count: int) -> int:
    """Take `count` consecutive versions at once and return the first (bulk seeding: benchmarks,
    imports). Only while no other writer runs: a concurrent `next_version` on PostgreSQL could take a
    number inside the block."""
    if count < 1:
        raise ValueError("reserve at least one version")
    first = next_version(session)
    if count > 1:
        if _postgresql(session):
            session.execute(text("SELECT setval('coapp_version_seq', :last)"), {"last": first + count - 1})
        else:
            session.execute(
                update(ServerSequence).where(ServerSequence.id == 1).values(value=first + count - 1)
            )
    return first


def version_bounds(session: Session) -> tuple[int, int]:
    """(horizon, newest): every version up to the horizon is final (committed or gone for good);
    `newest` is the highest number handed out. Equal on SQLite. Read on PostgreSQL at READ COMMITTED
    before the rows it bounds: the statements after it see every commit up to the horizon."""
    if _postgresql(session):
        horizon, newest = session.execute(text("SELECT * FROM coapp_version_bounds()")).one()
        return int(horizon), int(newest)
    value = session.execute(select(ServerSequence.value).where(ServerSequence.id == 1)).scalar_one()
    return value, value


def max_version(session: Session) -> int:
    """The newest version a reader may pass: the feed's horizon (see version_bounds)."""
    return version_bounds(session)[0]


def server_epoch(session: Session) -> str:
    return session.execute(select(ServerMeta.value).where(ServerMeta.key == "server_epoch")).scalar_one()
