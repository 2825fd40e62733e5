"""The sync benchmark's platform data: a scratch database and one freelancer's years of time.

The rows are inserted straight into the server's tables (seconds instead of minutes of pushes), the
way a platform that has run for years holds them: one account, a few contracts, one entry per
contract and weekday, each with a note, every row stamped with the next number of the database's
sequence. Entry ids are the client's cell ids (``coapp.models.time_entries.entry_id``), as if another
device of the freelancer had pushed them, so an edit on the benchmark's device lands on the same row.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from coapp.models.time_entries import entry_id
from coapp.sync.wire import Role
from coserver.accounts import create_account
from coserver.db import (
    make_engine,
    make_session_factory,
    max_version,
    migrate,
    reserve_versions,
    transaction,
)
from coserver.models import TimeEntryRow
from coserver.platform import create_contract

POSTGRES_ENV = "COAPP_TEST_POSTGRES_URL"
EMAIL = "bench.freelancer@example.com"
PASSWORD = "benchmark horse battery"
CONTRACTS = 8
LAST_DAY = date(2026, 6, 30)  # fixed, so every run seeds the same rows
INSERT_CHUNK = 2000


@dataclass(frozen=True)
class Cell:
    contract_id: str
    work_date: date
    row_id: str


@dataclass(frozen=True)
class Seeded:
    account_id: uuid.UUID
    contracts: int
    cells: list[Cell]  # in version order
    first_day: date
    last_day: date
    seconds: float


@contextmanager
def scratch_database(backend: str, folder: Path) -> Iterator[str]:
    """A database URL for one run: a file in *folder*, or a fresh PostgreSQL database dropped after."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'platform.sqlite3'}"
        return
    base = make_url(os.environ[POSTGRES_ENV])
    name = f"coapp_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield base.set(database=name).render_as_string(hide_password=False)
        finally:
            _drop(admin, name)
    finally:
        admin.dispose()


def _drop(admin, name: str) -> None:  # type: ignore[no-untyped-def]
    # A server connection may linger a moment after the server process exits: try again before failing.
    for attempt in range(20):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except DBAPIError:
            if attempt == 19:
                raise
            time.sleep(0.25)


def weekdays_back(last: date, count: int) -> list[date]:
    days: list[date] = []
    day = last
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days[::-1]


def seeded_minutes(index: int) -> int:
    """30 to 135 minutes: eight contracts a day stay well under 24 hours even after the edits."""
    return 30 + 15 * ((index * 7) % 8)


def seed(db_url: str, rows: int, hasher: PasswordHasher) -> Seeded:
    """Migrate *db_url* and give one confirmed freelancer *rows* time entries over CONTRACTS contracts."""
    started = time.perf_counter()
    engine = make_engine(db_url)
    try:
        migrate(engine)
        factory = make_session_factory(engine)
        days = weekdays_back(LAST_DAY, -(-rows // CONTRACTS))
        with transaction(factory) as session:
            now = datetime.now(UTC)
            account = create_account(session, now, EMAIL, hasher.hash(PASSWORD), Role.FREELANCER, "Bench")
            account.confirmed_at = now
            contract_ids = [
                str(
                    create_contract(
                        session,
                        account.id,
                        start_date=days[0],
                        title=f"Uppdrag {n + 1}",
                        client_name=f"Kund {n + 1} AB",
                        rate_minor=95000 + 1000 * n,
                    ).id
                )
                for n in range(CONTRACTS)
            ]
            # One block of versions for every row (and the sequence moved past it): on PostgreSQL the
            # counter row is not the sequence, so setting it would leave later writers reusing these.
            base = reserve_versions(session, rows) - 1 if rows else max_version(session)
            cells: list[Cell] = []
            batch: list[dict[str, object]] = []
            for index in range(rows):
                contract_id, day = contract_ids[index % CONTRACTS], days[index // CONTRACTS]
                row_id = entry_id(contract_id, day)
                cells.append(Cell(contract_id, day, row_id))
                version = base + index + 1
                batch.append(
                    {
                        "id": uuid.UUID(row_id),
                        "account_id": account.id,
                        "contract_id": uuid.UUID(contract_id),
                        "work_date": day,
                        "minutes": seeded_minutes(index),
                        "note": f"Ärende {index}: granskning, möte med beställaren och dokumentation",
                        "invoice_id": None,
                        "version": version,
                        "minutes_version": version,
                        "note_version": version,
                        "deleted_version": None,
                        "deleted_at": None,
                        "created_at": now,
                    }
                )
                if len(batch) == INSERT_CHUNK:
                    session.execute(insert(TimeEntryRow), batch)
                    batch = []
            if batch:
                session.execute(insert(TimeEntryRow), batch)
            account_id = account.id
        return Seeded(account_id, CONTRACTS, cells, days[0], days[-1], time.perf_counter() - started)
    finally:
        engine.dispose()


def versions(db_url: str, row_ids: list[str]) -> dict[str, int]:
    """The server's current version of each row (the base version of an edit made now)."""
    engine = make_engine(db_url)
    try:
        with transaction(make_session_factory(engine)) as session:
            found = session.execute(
                select(TimeEntryRow.id, TimeEntryRow.version).where(
                    TimeEntryRow.id.in_([uuid.UUID(r) for r in row_ids])
                )
            ).all()
        return {str(row_id): version for row_id, version in found}
    finally:
        engine.dispose()
