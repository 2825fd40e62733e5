"""The server restored from a backup (SYNC.md: "a server restored from backup, and the client
believing the server still has its rows: epoch"), and the change feed's other 410: a cursor older than
the deletions the server still keeps.

The server runs on a SQLite file that the test backs up with sqlite3's online backup API while the
server runs, as an operator's nightly job would. Restoring is what an operator does: stop the
server, put the backup in place, give the database a new epoch, start it again on the same address.
coserver has no command for the new epoch yet, so the test writes server_meta as that command would.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from coapp.models import TimeEntry
from coapp.sync import refused
from coapp.sync.transport import RetryPolicy
from coserver.retention import TOMBSTONE_RETENTION, prune
from tests.conftest import make_contract
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer
from tests.sync.devices import Device
from tests.sync.replicas import (
    Cells,
    device_cells,
    device_timers,
    server_cells,
    server_live_rows_per_cell,
    server_timers,
)
from tests.sync.sqlite_server import SqliteServer

DAY = date(2026, 3, 2)
ZONE = "Europe/Stockholm"
# The restarted server gets its port back within a few tries; a device must not give up sooner.
PATIENT = RetryPolicy(attempts=8, base_delay=0.05, max_delay=0.5, timeout=10)


def day(n: int) -> date:
    return DAY + timedelta(days=n)


def backup(db_path: Path, to: Path) -> None:
    """sqlite3's online backup: a consistent copy while the server keeps serving."""
    with (
        contextlib.closing(sqlite3.connect(db_path)) as source,
        contextlib.closing(sqlite3.connect(to)) as target,
    ):
        source.backup(target)


def restore(srv: SqliteServer, copy: Path, epoch: str) -> None:
    srv.stop()
    for suffix in ("-wal", "-shm"):
        Path(f"{srv.db_path}{suffix}").unlink(missing_ok=True)
    srv.db_path.write_bytes(copy.read_bytes())
    srv.set_epoch(epoch)
    srv.start()


def assert_same_everywhere(
    devices: list[Device], server: LiveServer, account: uuid.UUID, cells: Cells
) -> None:
    on_server = server_cells(server, account)
    assert on_server == cells
    assert server_live_rows_per_cell(server, account) <= 1
    timers = server_timers(server, account)
    for device in devices:
        assert device_cells(device) == cells
        assert device_timers(device) == timers
        assert device.outbox() == 0


def test_a_restored_server_gets_back_everything_the_device_made(tmp_path: Path) -> None:
    with SqliteServer(tmp_path / "server") as srv:
        anna = freelancer(srv.live)
        contract = str(anna.contract_id)
        a = Device.open(tmp_path / "a", PATIENT)
        fresh: Device | None = None
        try:
            a.sign_in(srv.url, "anna@example.com")
            a.sync()
            a.set(contract, day(0), 480, "before the backup")
            a.set(contract, day(1), 120, "deleted after the backup")
            a.set(contract, day(2), 60, "")
            assert a.sync().refused == 0

            copy = tmp_path / "backup.sqlite3"
            backup(srv.db_path, copy)

            a.set(contract, day(0), 450, "edited after the backup")
            a.set(contract, day(1), 0)  # deleted
            a.set(contract, day(3), 30, "made after the backup")
            own = make_contract(a.ctx, "Own client").id  # a contract the device made, on the platform
            a.set(own, day(0), 90, "on the device's own contract")
            timer = a.ctx.timers.start(contract, ZONE, datetime(2026, 3, 2, 7, 0, tzinfo=UTC))
            report = a.sync()
            assert report.refused == 0
            expected = {
                (contract, day(0)): (450, "edited after the backup"),
                (contract, day(2)): (60, ""),
                (contract, day(3)): (30, "made after the backup"),
                (own, day(0)): (90, "on the device's own contract"),
            }
            assert_same_everywhere([a], srv.live, anna.account_id, expected)

            restore(srv, copy, epoch=uuid.uuid4().hex)
            lost = server_cells(srv.live, anna.account_id)
            assert lost != expected  # the server really went back in time
            assert server_timers(srv.live, anna.account_id) == {}

            report = a.sync()
            assert report.resynced == "epoch"
            assert report.refused == 0
            a.sync()
            assert_same_everywhere([a], srv.live, anna.account_id, expected)
            assert set(server_timers(srv.live, anna.account_id)) == {timer.id}

            fresh = Device.open(tmp_path / "b", PATIENT)
            fresh.sign_in(srv.url, "anna@example.com")
            fresh.sync()
            assert_same_everywhere([a, fresh], srv.live, anna.account_id, expected)
        finally:
            a.close()
            if fresh is not None:
                fresh.close()


def test_a_cursor_older_than_the_kept_deletions_makes_a_full_pull(tmp_path: Path) -> None:
    with SqliteServer(tmp_path / "server") as srv:
        anna = freelancer(srv.live)
        contract = str(anna.contract_id)
        a, b = Device.open(tmp_path / "a"), Device.open(tmp_path / "b")
        try:
            for d in (a, b):
                d.sign_in(srv.url, "anna@example.com")
                d.sync()
            for n in range(4):
                a.set(contract, day(n), 60 * (n + 1), f"day {n}")
            a.sync()
            b.sync()
            assert device_cells(b) == device_cells(a)

            # b stays away for half a year; meanwhile a deletes a day and edits another.
            a.set(contract, day(0), 0)
            a.set(contract, day(1), 15, "edited while b was away")
            a.sync()
            b.set(contract, day(3), 480, "b's own edit, waiting")
            with database(srv.live) as session:
                pruned = prune(session, srv.clock.now + TOMBSTONE_RETENTION + timedelta(days=1))
            assert pruned.tombstones == 1
            # Half a year on, the sessions have expired (and were pruned too): both sign in again.
            for d in (a, b):
                d.sign_in(srv.url, "anna@example.com")

            report = b.sync()
            assert report.resynced == "full"
            assert report.refused == 0
            a.sync()
            expected = {
                (contract, day(1)): (15, "edited while b was away"),
                (contract, day(2)): (180, "day 2"),
                (contract, day(3)): (480, "b's own edit, waiting"),
            }
            assert_same_everywhere([a, b], srv.live, anna.account_id, expected)
            with b.ctx.store.read() as s:  # the pruned day is gone on b too, not just hidden
                row = s.get(TimeEntry, _entry(contract, day(0)))
                assert row is None or row.deleted_at is not None
                assert not s.scalars(select(TimeEntry).where(TimeEntry.dirty.is_(True))).all()
        finally:
            a.close()
            b.close()


def _entry(contract: str, work_date: date) -> str:
    from coapp.models.time_entries import entry_id

    return entry_id(contract, work_date)


def test_a_day_deleted_before_the_backup_and_filled_again_after_it_survives_the_restore(
    tmp_path: Path,
) -> None:
    """Found by this file: the resend after a restore carries no base version, and the restored
    server's tombstone once refused it as "deleted on another device"."""
    with SqliteServer(tmp_path / "server") as srv:
        anna = freelancer(srv.live)
        contract = str(anna.contract_id)
        a = Device.open(tmp_path / "a", PATIENT)
        try:
            a.sign_in(srv.url, "anna@example.com")
            a.sync()
            a.set(contract, day(0), 60, "first")
            a.sync()
            a.set(contract, day(0), 0)  # the backup keeps this day's tombstone
            a.sync()
            copy = tmp_path / "backup.sqlite3"
            backup(srv.db_path, copy)
            a.set(contract, day(0), 240, "filled again after the backup")
            assert a.sync().refused == 0
            restore(srv, copy, epoch=uuid.uuid4().hex)
            report = a.sync()
            assert report.resynced == "epoch"
            assert report.refused == 0, [(c.code, c.message) for c in refused.list_refused(a.ctx.store)]
            expected = {(contract, day(0)): (240, "filled again after the backup")}
            assert_same_everywhere([a], srv.live, anna.account_id, expected)
        finally:
            a.close()


def test_two_devices_that_both_held_the_lost_changes_resend_them_without_duplicates(tmp_path: Path) -> None:
    """The device that did not make the lost changes also holds them (pulled) and resends them too,
    first: the server ends with one row per cell, and both devices' values, once."""
    with SqliteServer(tmp_path / "server") as srv:
        anna = freelancer(srv.live)
        contract = str(anna.contract_id)
        a, b = Device.open(tmp_path / "a", PATIENT), Device.open(tmp_path / "b", PATIENT)
        try:
            for d in (a, b):
                d.sign_in(srv.url, "anna@example.com")
                d.sync()
            a.set(contract, day(0), 60, "kept by the backup")
            a.sync()
            copy = tmp_path / "backup.sqlite3"
            backup(srv.db_path, copy)
            a.set(contract, day(0), 0)
            a.set(contract, day(1), 120, "lost by the restore")
            b_timer = b.ctx.timers.start(contract, ZONE, datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
            b.set(contract, day(2), 30, "b's, lost too")
            for d in (a, b, a):
                assert d.sync().refused == 0
            expected = device_cells(a)
            assert expected == {
                (contract, day(1)): (120, "lost by the restore"),
                (contract, day(2)): (30, "b's, lost too"),
            }
            restore(srv, copy, epoch=uuid.uuid4().hex)
            for d in (b, a, b):
                assert d.sync().refused == 0, [(c.code, c.message) for c in refused.list_refused(d.ctx.store)]
            assert_same_everywhere([a, b], srv.live, anna.account_id, expected)
            assert set(server_timers(srv.live, anna.account_id)) == {b_timer.id}
        finally:
            a.close()
            b.close()
