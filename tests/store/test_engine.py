"""Every connection gets WAL, synchronous=FULL and foreign keys; writes take the lock up front."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coapp.app.context import AppContext
from coapp.models import TimeEntry
from coapp.services.contracts import ContractInfo
from coapp.services.timesheet import CellChange
from coapp.store.engine import Store
from tests.conftest import make_contract


def pragmas(session_or_conn: Session | object) -> tuple[str, int, int]:
    execute = session_or_conn.execute  # type: ignore[attr-defined]
    return (
        execute(text("PRAGMA journal_mode")).scalar(),
        execute(text("PRAGMA synchronous")).scalar(),
        execute(text("PRAGMA foreign_keys")).scalar(),
    )


@contextlib.contextmanager
def other_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A second process's view of the file: no busy wait, autocommit."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def test_every_pooled_connection_is_configured(ctx: AppContext) -> None:
    with contextlib.ExitStack() as stack:
        conns = [stack.enter_context(ctx.store.engine.connect()) for _ in range(4)]
        raw = {id(c.connection.dbapi_connection) for c in conns}
        assert len(raw) == 4, "four distinct DB-API connections"
        for conn in conns:
            assert pragmas(conn) == ("wal", 2, 1)  # synchronous 2 = FULL


def test_sessions_are_configured(ctx: AppContext) -> None:
    with ctx.store.read() as s:
        assert pragmas(s) == ("wal", 2, 1)
    with ctx.store.write() as s:
        assert pragmas(s) == ("wal", 2, 1)


def test_a_fresh_store_on_a_new_file_is_configured(tmp_path: Path) -> None:
    store = Store(tmp_path / "fresh.sqlite3")
    try:
        with store.read() as s:
            assert pragmas(s) == ("wal", 2, 1)
    finally:
        store.dispose()
    # WAL is persistent in the file itself.
    with contextlib.closing(sqlite3.connect(tmp_path / "fresh.sqlite3")) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_foreign_keys_are_enforced(ctx: AppContext) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), ctx.store.write() as s:
        s.add(TimeEntry(contract_id="no-such-contract", work_date=date(2026, 11, 23), minutes=60))


def test_a_write_session_takes_the_write_lock_at_begin(ctx: AppContext) -> None:
    with ctx.store.write() as s:
        s.execute(text("SELECT 1"))  # only a read so far: a deferred BEGIN would hold no lock yet
        assert s.connection().connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
        with (
            other_connection(ctx.paths.database) as other,
            pytest.raises(sqlite3.OperationalError, match="locked"),
        ):
            other.execute("BEGIN IMMEDIATE")
    # Released at commit.
    with other_connection(ctx.paths.database) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")


def test_a_read_session_does_not_block_writers(ctx: AppContext, contract: ContractInfo) -> None:
    with ctx.store.read() as s:
        before = s.execute(text("SELECT count(*) FROM time_entries")).scalar()
        with other_connection(ctx.paths.database) as other:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
        # WAL: a writer commits while this reader is open.
        ctx.timesheet.apply([CellChange(contract.id, date(2026, 11, 23), 60)])
        # The reader keeps its snapshot until its transaction ends.
        assert s.execute(text("SELECT count(*) FROM time_entries")).scalar() == before
    with ctx.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM time_entries")).scalar() == before + 1


def test_a_failed_write_is_rolled_back_and_releases_the_lock(ctx: AppContext, contract: ContractInfo) -> None:

    def flush_then_fail() -> None:
        with ctx.store.write() as s:
            s.add(TimeEntry(contract_id=contract.id, work_date=date(2026, 11, 23), minutes=60))
            s.flush()
            _ = 1 / 0

    with pytest.raises(ZeroDivisionError):
        flush_then_fail()
    assert ctx.timesheet.cell(contract.id, date(2026, 11, 23)).minutes == 0
    with other_connection(ctx.paths.database) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")


def test_a_committed_write_is_in_the_file(ctx: AppContext, contract: ContractInfo) -> None:
    ctx.timesheet.apply([CellChange(contract.id, date(2026, 11, 23), 75, "n")])
    with other_connection(ctx.paths.database) as other:
        rows = other.execute("SELECT minutes, note FROM time_entries").fetchall()
    assert rows == [(75, "n")]


def test_check_constraints_hold_even_past_the_services(ctx: AppContext, contract: ContractInfo) -> None:
    with pytest.raises(IntegrityError, match="CHECK"), ctx.store.write() as s:
        s.add(TimeEntry(contract_id=contract.id, work_date=date(2026, 11, 23), minutes=1441))

    def two_rows_for_one_cell() -> None:
        with ctx.store.write() as s:
            s.add(TimeEntry(contract_id=contract.id, work_date=date(2026, 11, 24), minutes=1))
            s.add(TimeEntry(contract_id=contract.id, work_date=date(2026, 11, 24), minutes=2))

    with pytest.raises(IntegrityError, match="UNIQUE"):
        two_rows_for_one_cell()


def test_naive_datetimes_are_refused_by_utc_columns(ctx: AppContext, contract: ContractInfo) -> None:
    from datetime import datetime

    with pytest.raises(Exception, match="naive"), ctx.store.write() as s:
        s.add(
            TimeEntry(
                contract_id=contract.id,
                work_date=date(2026, 11, 23),
                minutes=1,
                deleted_at=datetime(2026, 11, 23, 9, 0),
            )
        )


def test_closing_the_context_closes_every_connection(data_dir: Path) -> None:
    ctx = AppContext.open(data_dir)
    contract = make_contract(ctx)
    ctx.timesheet.apply([CellChange(contract.id, date(2026, 11, 23), 60)])
    with ctx.store.read() as s:
        s.execute(text("SELECT 1"))
    wal = data_dir / "coapp.sqlite3-wal"
    assert wal.exists()
    ctx.close()
    # The last connection to close checkpoints the WAL into the file and removes it.
    assert not wal.exists()
    with other_connection(data_dir / "coapp.sqlite3") as other:
        assert other.execute("SELECT minutes FROM time_entries").fetchall() == [(60,)]
