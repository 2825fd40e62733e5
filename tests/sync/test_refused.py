"""Refused changes: kept with the reason until the user retries, discards or keeps a copy."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import pytest

from coapp.domain.errors import NotFoundError
from coapp.sync import refused
from coserver.platform import change_contract
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import add_contract, database, freelancer
from tests.sync.devices import Device

LATE = date(2026, 6, 29)
DAY = date(2026, 3, 2)


@pytest.fixture
def refused_device(tmp_path: Path, server: LiveServer):  # type: ignore[no-untyped-def]
    anna = freelancer(server)
    device = Device.open(tmp_path / "a")
    device.sign_in(server.url, "anna@example.com")
    device.sync()
    contract = str(anna.contract_id)
    device.set(contract, LATE, 60, "late work")
    with database(server) as session:
        change_contract(session, anna.contract_id, end_date=date(2026, 5, 31))
    assert device.sync().refused == 1
    yield device, contract, server
    device.close()


def test_the_refusal_says_what_happened_and_what_to_do(refused_device) -> None:  # type: ignore[no-untyped-def]
    device, contract, _ = refused_device
    [change] = refused.list_refused(device.ctx.store)
    assert change.code == "outside_contract"
    assert "outside the contract" in change.message
    assert change.advice.startswith("Move the time")
    assert change.fields["minutes"] == 60
    assert change.label.endswith(str(LATE))
    assert device.entries()[(contract, LATE)] == (60, "late work")


def test_retry_after_the_cause_is_gone_lands_the_change(refused_device) -> None:  # type: ignore[no-untyped-def]
    device, contract, server = refused_device
    with database(server) as session:
        change_contract(session, uuid.UUID(contract), end_date=date(2026, 6, 30))
    refused.retry(device.ctx.store, "time_entry", refused.list_refused(device.ctx.store)[0].row_id)
    report = device.sync()
    assert report.refused == 0
    assert report.pushed == 1
    assert refused.list_refused(device.ctx.store) == []
    assert device.outbox() == 0


def test_discard_shows_the_platform_version(refused_device) -> None:  # type: ignore[no-untyped-def]
    device, contract, _ = refused_device
    [change] = refused.list_refused(device.ctx.store)
    refused.discard(device.ctx.store, change.entity, change.row_id)
    assert (contract, LATE) not in device.entries()
    assert device.outbox() == 0
    with pytest.raises(NotFoundError):
        refused.discard(device.ctx.store, change.entity, change.row_id)
    assert device.sync().refused == 0


def test_keep_a_copy_writes_the_values_then_discards(refused_device, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    device, contract, _ = refused_device
    [change] = refused.list_refused(device.ctx.store)
    path = refused.keep_copy(device.ctx.store, change.entity, change.row_id, tmp_path / "kept")
    body = json.loads(path.read_text(encoding="utf-8"))
    assert body["your_values"]["minutes"] == 60
    assert body["your_values"]["note"] == "late work"
    assert "outside the contract" in body["refused_because"]
    assert refused.list_refused(device.ctx.store) == []
    assert (contract, LATE) not in device.entries()


def test_a_locked_entry_refusal_then_discard_restores_the_invoiced_time(
    tmp_path: Path, server: LiveServer
) -> None:
    from coapp.models.time_entries import entry_id
    from coserver.platform import lock_entries

    anna = freelancer(server)
    device = Device.open(tmp_path / "a")
    try:
        device.sign_in(server.url, "anna@example.com")
        device.sync()
        contract = str(anna.contract_id)
        device.set(contract, DAY, 480, "invoiced")
        device.sync()
        with database(server) as session:
            lock_entries(session, [uuid.UUID(entry_id(contract, DAY))], uuid.uuid4())
        device.set(contract, DAY, 30, "changed later")
        report = device.sync()
        assert report.refused == 1
        [change] = refused.list_refused(device.ctx.store)
        assert change.code == "locked"
        refused.discard(device.ctx.store, change.entity, change.row_id)
        assert device.entries()[(contract, DAY)] == (480, "invoiced")
        device.sync()
        assert device.entries()[(contract, DAY)] == (480, "invoiced")
    finally:
        device.close()


def test_discarding_a_day_over_24_hours_shows_the_other_devices_version(
    tmp_path: Path, server: LiveServer
) -> None:
    """Discarding a day over 24 hours shows the other device's version of the same cell, here when
    the refusal carries the platform's row (test_sync_state_machine replays the case where it
    did not, and the day vanished from one device only)."""
    anna = freelancer(server)
    first, second = str(anna.contract_id), str(add_contract(server, anna.account_id))
    a, b = Device.open(tmp_path / "a"), Device.open(tmp_path / "b")
    try:
        for d in (a, b):
            d.sign_in(server.url, "anna@example.com")
            d.sync()
        a.set(first, DAY, 547)
        a.set(second, DAY, 893)  # 24 hours together
        a.sync()
        b.set(first, DAY, 600)  # b has not heard of a's day: together 24 h 53 min
        assert b.sync().refused == 1
        [change] = refused.list_refused(b.ctx.store)
        assert change.code == "day_over_24h"
        refused.discard(b.ctx.store, change.entity, change.row_id)
        b.sync()
        assert b.entries() == a.entries() == {(first, DAY): (547, ""), (second, DAY): (893, "")}
        assert b.outbox() == 0
    finally:
        a.close()
        b.close()
