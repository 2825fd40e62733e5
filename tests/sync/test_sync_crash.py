"""kill -9 of the client during edits and sync rounds (SYNC.md): the database stays sound, no
acknowledged edit is lost, every dirty row keeps its outbox records, and after one more round the
device and the server agree with one row per cell.

CI runs 50 kills; ``pytest --full`` runs 500.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coapp.store.database import quick_check
from coserver.models import TimeEntryRow
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer
from tests.store.test_crash_safety import Child, Ledger, read_cells
from tests.sync.devices import Device

CHILD = Path(__file__).with_name("sync_crash_child.py")
KILLS_CI = 50
KILLS_FULL = 500
AHEAD = 2  # children importing while another runs: imports dominate


def spawn(data_dir: Path, seed: int, logs: Path, tokens: str) -> Child:
    stderr = (logs / f"child-{seed}.err").open("w+", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(seed)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COAPP_TEST_TOKENS": tokens},
    )
    return Child(proc, stderr)


class SyncLedger(Ledger):
    """The store crash test's ledger, with the outbox check of a device that syncs: records leave
    the outbox once the server has them, so the check is that none is missing, not that all stay."""

    def check_outbox(self, db: Path) -> None:
        check_outbox(db)


def check_outbox(db: Path) -> None:
    """Every row with local changes still has its outbox records; no record lost its row."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        orphans = conn.execute(
            "SELECT count(*) FROM outbox o WHERE entity = 'time_entry' "
            "AND NOT EXISTS (SELECT 1 FROM time_entries t WHERE t.id = o.row_id)"
        ).fetchone()[0]
        dirty_without = conn.execute(
            "SELECT count(*) FROM time_entries t WHERE dirty = 1 "
            "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.row_id = t.id)"
        ).fetchone()[0]
        unsent_without_mark = conn.execute(
            "SELECT count(*) FROM time_entries t WHERE server_version IS NULL AND deleted_at IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.row_id = t.id)"
        ).fetchone()[0]
    assert orphans == 0
    assert dirty_without == 0
    assert unsent_without_mark == 0, "a row the server never saw has no outbox record"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL semantics are POSIX")
def test_kill_during_sync_loses_nothing(
    tmp_path: Path, server: LiveServer, request: pytest.FixtureRequest
) -> None:
    if server.settings.db_url.startswith("postgresql"):
        pytest.skip("the client's crash safety does not depend on the server's database")
    kills = KILLS_FULL if request.config.getoption("--full") else KILLS_CI
    rng = random.Random(20261126)
    freelancer(server)
    data_dir = tmp_path / "device"
    device = Device.open(data_dir)
    device.sign_in(server.url, "anna@example.com")
    device.sync()
    api = device.engine().api
    saved = device.tokens.load(api.account)
    assert saved is not None
    tokens = json.dumps([api.account, saved.access, saved.refresh])
    device.close()
    db = data_dir / "coapp.sqlite3"
    logs = tmp_path / "logs"
    logs.mkdir()
    ledger = SyncLedger()
    rounds = in_round = 0
    waiting = [spawn(data_dir, seed, logs, tokens) for seed in range(AHEAD)]
    try:
        for seed in range(AHEAD, kills + AHEAD):
            child = waiting.pop(0)
            child.ready()
            child.go()
            waiting.append(spawn(data_dir, seed, logs, tokens))
            assert child.proc.stdout is not None
            opened = child.proc.stdout.readline()
            assert opened == "opened\n", (opened, child.errors())
            time.sleep(rng.uniform(0.01, 0.8))
            lines = child.kill()
            if child.proc.returncode != -signal.SIGKILL:
                raise AssertionError(
                    f"the child died on its own ({child.proc.returncode}):\n{child.errors()}"
                )
            child.stderr.close()
            marks = [line for line in lines if line in ("R", "S")]
            rounds += marks.count("S")
            in_round += bool(marks) and marks[-1] == "R"
            ledger.check_round([line for line in lines if line not in ("R", "S")], db)
            assert quick_check(db) is None
    finally:
        for child in waiting:
            child.proc.kill()
            child.proc.wait(timeout=30)
            child.close()
            child.stderr.close()
    assert rounds > 0, "children completed sync rounds between kills"
    assert in_round > kills // 5, "kills landed in the middle of sync rounds"

    print(f"\n{kills} kills: {rounds} rounds completed, {in_round} kills inside a round")
    device = Device.open(data_dir)
    try:
        device.tokens.save(api.account, saved)
        device.sync()
        device.sync()
        assert device.outbox() == 0
        local = read_cells(db)
        assert local == ledger.cells
        with database(server) as session:
            rows = session.scalars(select(TimeEntryRow).where(TimeEntryRow.deleted_at.is_(None))).all()
            on_server = {(str(r.contract_id), r.work_date.isoformat()): (r.minutes, r.note) for r in rows}
            per_cell = session.execute(
                select(TimeEntryRow.work_date, func.count())
                .where(TimeEntryRow.deleted_at.is_(None))
                .group_by(TimeEntryRow.work_date)
            ).all()
        assert on_server == {k: v for k, v in local.items() if v[0]}
        assert all(count == 1 for _, count in per_cell)
    finally:
        device.close()
