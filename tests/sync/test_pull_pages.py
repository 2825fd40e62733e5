"""Pulling the feed in several pages: the next page is asked for while one is applied
(coapp.sync.lookahead), yet each page's cursor is stored only with that page."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from coapp.models import Contract, SyncState, TimeEntry
from coapp.sync import engine as engine_module
from coapp.sync.account import current_api
from coapp.sync.engine import SyncEngine
from coapp.sync.entities import ENTITIES
from coapp.sync.wire import ContractRecord, RunningTimerRecord, TimeEntryRecord
from tests.coserver.harness import LiveServer
from tests.sync.test_engine import two_devices

DAY = date(2026, 3, 2)
DAYS = 9


def small_pages(device: Any) -> SyncEngine:
    api = current_api(device.ctx.store, device.tokens, device.policy)
    assert api is not None
    return SyncEngine(device.ctx.store, api, page_limit=2)


def cursor_of(device: Any) -> str | None:
    with device.ctx.store.read() as s:
        return s.get_one(SyncState, 1).cursor


def helper_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("coapp-sync-ahead")]


def test_many_small_pages_bring_everything(tmp_path: Path, server: LiveServer) -> None:
    a, b, contract = two_devices(tmp_path, server)
    try:
        a.sync()  # the platform's contract
        for n in range(DAYS):
            a.set(contract, DAY + timedelta(days=n), 30 + n, f"day {n}")
        a.sync()
        report = small_pages(b).run()
        assert report.pulled == DAYS + 1  # and the contract
        assert report.requests == 1 + (DAYS + 1 + 1) // 2 + 1  # meta, the pages, the summary
        assert b.entries() == a.entries()
        assert helper_threads() == []
    finally:
        a.close()
        b.close()


def test_a_page_that_fails_to_apply_keeps_the_cursor_of_the_one_before(
    tmp_path: Path, server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, contract = two_devices(tmp_path, server)
    try:
        a.sync()  # the platform's contract
        for n in range(DAYS):
            a.set(contract, DAY + timedelta(days=n), 30 + n, f"day {n}")
        a.sync()
        applied: list[str] = []
        real_apply = engine_module.apply_page

        def failing_second(s: Any, state: Any, page: Any) -> int:
            if applied:
                raise OSError("disk full")
            applied.append(page.cursor)
            return real_apply(s, state, page)

        monkeypatch.setattr(engine_module, "apply_page", failing_second)
        with pytest.raises(OSError, match="disk full"):
            small_pages(b).run()
        # The page fetched ahead was dropped: only the first page and its cursor are here.
        assert cursor_of(b) == applied[0]
        assert len(b.entries()) < DAYS
        assert helper_threads() == []

        monkeypatch.setattr(engine_module, "apply_page", real_apply)
        small_pages(b).run()
        assert b.entries() == a.entries()
    finally:
        a.close()
        b.close()


def test_a_fresh_device_stores_the_platforms_rows_as_they_are(tmp_path: Path, server: LiveServer) -> None:
    a, b, contract = two_devices(tmp_path, server)
    try:
        a.sync()
        a.set(contract, DAY, 450, "workshop")
        a.sync()
        b.sync()
        with a.ctx.store.read() as s:
            mine = s.scalars(select(TimeEntry)).one()
        with b.ctx.store.read() as s:
            theirs = s.scalars(select(TimeEntry)).one()
            contract_row = s.get_one(Contract, contract)
        for key in ("id", "contract_id", "work_date", "minutes", "note", "invoice_id", "server_version"):
            assert getattr(theirs, key) == getattr(mine, key), key
        assert theirs.deleted_at is None
        assert theirs.dirty is False
        assert theirs.updated_at.tzinfo is not None
        assert contract_row.server_version is not None
        assert contract_row.dirty is False
    finally:
        a.close()
        b.close()


def test_record_values_are_the_records_dump_as_column_values() -> None:
    now = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    records = {
        "contract": ContractRecord(
            id=uuid.uuid4(),
            title="Backend",
            client_name="Kund AB",
            fee_model="hourly",
            rate_minor=95000,
            currency="SEK",
            commission_bp=1500,
            start_date=DAY,
            end_date=None,
            minutes_per_day=480,
            rounding_rule="none",
            version=3,
            deleted_at=now,
            assignment_id=uuid.uuid4(),
        ),
        "time_entry": TimeEntryRecord(
            id=uuid.uuid4(),
            contract_id=uuid.uuid4(),
            work_date=DAY,
            minutes=90,
            note="x",
            invoice_id=uuid.uuid4(),
            locked=True,
            version=7,
        ),
        "running_timer": RunningTimerRecord(
            id=uuid.uuid4(), contract_id=uuid.uuid4(), started_at=now, zone="Europe/Stockholm", version=2
        ),
    }
    for name, record in records.items():
        entity = ENTITIES[name]
        values = entity.record_values(record)
        assert values == entity.local_values(dict(record)), name
        assert all(not isinstance(v, uuid.UUID) for v in values.values()), name
        assert set(values) <= entity.columns(), name
