"""Versions from a PostgreSQL sequence (coserver/db.py): the change feed never passes a version whose
transaction has not committed yet, so a change committed late by a slow transaction is never skipped.

The contract: while a transaction holding version v1 is open, every feed page carries only versions
below v1 and its cursor stays below v1, even when later versions (v2 > v1) have already committed;
once it ends, the next page from that cursor carries v1 and v2. Versions stay unique.
"""

from __future__ import annotations

import concurrent.futures
import random
import threading
import time
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from benchmarks.sync_data import seed
from coserver.db import lock_accounts, make_engine, next_version, reserve_versions, version_bounds
from coserver.models import TimeEntryRow
from tests.coserver.harness import CHEAP_HASHER, LiveServer
from tests.coserver.sync_helpers import freelancer, new_entry


def _number(cursor: str) -> int:
    return int(cursor.rpartition(".")[2])


def test_feed_waits_for_a_version_committed_late(server: LiveServer, engine: Engine) -> None:
    anna = freelancer(server)
    slow_id, slow_op = new_entry(anna.contract_id, date(2026, 3, 2), minutes=60)
    anna.push(slow_op)
    _, cursor = anna.pull_all()

    # T1 takes v1 and stays open.
    t1 = Session(engine)
    t1.begin()
    v1 = next_version(t1)
    t1.execute(update(TimeEntryRow).where(TimeEntryRow.id == slow_id).values(minutes=61, version=v1))
    t1.flush()
    # T2 (a real push, its own connection) takes v2 > v1 and commits.
    fast_id, fast_op = new_entry(anna.contract_id, date(2026, 3, 3), minutes=90)
    (result,) = anna.push(fast_op)
    assert result["status"] == "applied", result
    v2 = result["version"]
    assert v2 > v1

    horizon, newest = version_bounds(Session(engine))
    assert horizon < v1 <= v2 <= newest
    page = anna.changes(cursor).json()
    assert all(change["version"] < v1 for change in page["changes"]), page
    assert _number(page["cursor"]) < v1  # the cursor does not pass the open transaction
    assert page["has_more"] is False
    cursor = page["cursor"]

    t1.commit()
    t1.close()
    page = anna.changes(cursor).json()
    got = {change["row"]["id"]: change["version"] for change in page["changes"]}
    assert got == {str(slow_id): v1, str(fast_id): v2}  # nothing skipped
    assert _number(page["cursor"]) >= v2


def test_a_rolled_back_savepoint_does_not_drop_the_floor(engine: Engine) -> None:
    """The first version taken inside a savepoint that rolls back gives its floor lock back with it;
    the transaction's next version takes a new one, so the horizon still stays below it."""
    with Session(engine) as session, session.begin():
        savepoint = session.begin_nested()
        next_version(session)
        savepoint.rollback()
        kept = next_version(session)
        with Session(engine) as reader:
            horizon, _ = version_bounds(reader)
        assert horizon < kept
    with Session(engine) as reader:
        horizon, newest = version_bounds(reader)
    assert horizon == newest >= kept


def test_versions_stay_unique_under_concurrent_writers(engine: Engine) -> None:
    start = threading.Barrier(4)

    def writer(_: int) -> list[int]:
        start.wait()
        taken: list[int] = []
        for _round in range(25):
            with Session(engine) as session, session.begin():
                taken += [next_version(session) for _ in range(3)]
        return taken

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        versions = [v for batch in pool.map(writer, range(4)) for v in batch]
    assert len(versions) == len(set(versions)) == 300
    with Session(engine) as reader:
        horizon, newest = version_bounds(reader)
    assert horizon == newest >= max(versions)  # nothing in flight any more: the feed reaches the top


def test_reserved_versions_are_not_handed_out_again(db_url: str) -> None:
    """Bulk seeding (benchmarks) takes a block of versions; the next writer continues after it."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            first = reserve_versions(session, 50)
            after = next_version(session)
        assert after == first + 50
        with Session(engine) as session, session.begin():
            assert version_bounds(session) == (after, after)
            with pytest.raises(ValueError, match="at least one"):
                reserve_versions(session, 0)
    finally:
        engine.dispose()


def test_the_sync_benchmarks_seed_leaves_the_next_version_after_its_rows(db_url: str) -> None:
    """benchmarks/sync_data.py inserts its rows straight into the table with versions it reserved:
    on PostgreSQL the sequence, not the old counter row, must move past them."""
    seed(db_url, 20, CHEAP_HASHER)
    engine = make_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            top = session.execute(select(func.max(TimeEntryRow.version))).scalar_one()
            taken = session.execute(select(func.count()).select_from(TimeEntryRow)).scalar_one()
            assert taken == 20
            assert version_bounds(session)[1] >= top  # the feed's horizon reaches every seeded row
            assert next_version(session) > top
    finally:
        engine.dispose()


def test_a_reader_following_the_horizon_misses_no_commit(engine: Engine) -> None:
    """Writers commit (or roll back) out of version order while a reader follows the horizon as the
    feed does: every committed version is read exactly once, none is passed before it committed."""
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE probe (version bigint PRIMARY KEY)"))
    committed: list[int] = []
    done = threading.Event()
    rng = random.Random(14)
    delays = [rng.uniform(0, 0.02) for _ in range(160)]

    def writer(index: int) -> None:
        with Session(engine) as session:
            session.begin()
            version = next_version(session)
            session.execute(text("INSERT INTO probe VALUES (:v)"), {"v": version})
            time.sleep(delays[index])  # later versions often commit first
            if index % 7 == 0:
                session.rollback()
                return
            session.commit()
            committed.append(version)

    seen: list[int] = []

    def reader() -> None:
        cursor = 0
        with Session(engine) as session:
            while True:
                last_round = done.is_set()
                with session.begin():
                    horizon, _ = version_bounds(session)
                    seen.extend(
                        session.execute(
                            text("SELECT version FROM probe WHERE version > :a AND version <= :h"),
                            {"a": cursor, "h": horizon},
                        ).scalars()
                    )
                    cursor = max(cursor, horizon)
                if last_round:
                    return

    follower = threading.Thread(target=reader)
    follower.start()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(writer, range(160)))
    done.set()
    follower.join(timeout=60)
    assert sorted(seen) == sorted(committed)  # nothing skipped, nothing twice
    assert len(committed) == 160 - len(range(0, 160, 7))


def _alembic(engine: Engine, action: str, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    import coserver.db

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(coserver.db.__file__).parent / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, target)


def test_s0014_carries_the_counter_over_both_ways(engine: Engine) -> None:
    """Downgrading writes the sequence's position back to the counter row; upgrading again continues
    after it, so no version is ever handed out twice across the migration."""
    with Session(engine) as session, session.begin():
        taken = [next_version(session) for _ in range(5)]
    _alembic(engine, "downgrade", "s0013")
    with Session(engine) as session, session.begin():
        row = session.execute(text("SELECT value FROM server_sequence WHERE id = 1")).scalar_one()
        assert row == taken[-1]
    _alembic(engine, "upgrade", "head")
    with Session(engine) as session, session.begin():
        assert next_version(session) == taken[-1] + 1


def test_account_locks_queue_writers_of_one_account_only(engine: Engine) -> None:
    anna, bertil = uuid.uuid4(), uuid.uuid4()
    with Session(engine) as holder, holder.begin():
        lock_accounts(holder, anna)
        with Session(engine) as other, other.begin():
            other.execute(text("SET LOCAL lock_timeout = '300ms'"))
            lock_accounts(other, bertil)  # another account's writer goes ahead
            assert version_bounds(other)[0] == version_bounds(other)[1]  # and no feed waits on it
        with Session(engine) as same, same.begin():
            same.execute(text("SET LOCAL lock_timeout = '300ms'"))
            with pytest.raises(OperationalError, match="lock timeout"):
                lock_accounts(same, bertil, anna)  # the same account's waits for the holder
    with Session(engine) as after, after.begin():
        lock_accounts(after, anna, bertil)  # released with the holder's transaction
