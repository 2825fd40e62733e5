"""The sync engine against the real server: push, pull, merge, refusals, no-op rounds."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from coapp.sync.account import status
from coapp.sync.errors import AccountMismatch
from coserver.platform import change_contract
from tests.conftest import make_contract
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer
from tests.sync.devices import Device

DAY = date(2026, 3, 2)


def two_devices(tmp_path: Path, server: LiveServer) -> tuple[Device, Device, str]:
    anna = freelancer(server)
    a = Device.open(tmp_path / "a")
    b = Device.open(tmp_path / "b")
    for d in (a, b):
        d.sign_in(server.url, "anna@example.com")
    return a, b, str(anna.contract_id)


def test_an_edit_travels_to_the_other_device(tmp_path: Path, server: LiveServer) -> None:
    a, b, contract = two_devices(tmp_path, server)
    try:
        a.sync()
        a.set(contract, DAY, 450, "workshop")
        report = a.sync()
        assert report.pushed == 1
        assert report.refused == 0
        b.sync()
        assert b.entries() == {(contract, DAY): (450, "workshop")}
        assert a.outbox() == 0
    finally:
        a.close()
        b.close()


def test_a_sync_with_nothing_to_do_is_one_request(tmp_path: Path, server: LiveServer) -> None:
    a, b, contract = two_devices(tmp_path, server)
    try:
        a.sync()
        a.set(contract, DAY, 60)
        a.sync()
        report = a.sync()
        assert report.requests == 1
        assert report.pushed == report.pulled == 0
    finally:
        a.close()
        b.close()


def test_edits_to_different_fields_on_two_devices_both_survive(tmp_path: Path, server: LiveServer) -> None:
    a, b, contract = two_devices(tmp_path, server)
    try:
        a.sync()
        a.set(contract, DAY, 120, "first")
        a.sync()
        b.sync()
        # Offline on both: a changes the minutes, b the note.
        a.set(contract, DAY, 180, "first")
        b.set(contract, DAY, 120, "second")
        a.sync()
        b.sync()
        a.sync()
        assert a.entries() == b.entries() == {(contract, DAY): (180, "second")}
    finally:
        a.close()
        b.close()


def test_a_refused_change_stays_visible_and_does_not_block_others(tmp_path: Path, server: LiveServer) -> None:
    a, b, contract = two_devices(tmp_path, server)
    try:
        a.sync()
        # The platform ends the contract while a is offline; a's day after the end is refused.
        a.set(contract, date(2026, 6, 29), 60)
        a.set(contract, DAY, 90)
        with database(server) as session:
            change_contract(session, uuid.UUID(contract), end_date=date(2026, 5, 31))
        report = a.sync()
        assert report.refused == 1
        assert report.pushed == 1
        assert a.outbox(refused=True) == 1
        st = status(a.ctx.store, a.tokens)
        assert st.refused == 1
        assert st.waiting == 0
        b.sync()
        assert b.entries() == {(contract, DAY): (90, "")}
        # The refused value is still on a, with the reason kept.
        assert a.entries()[(contract, date(2026, 6, 29))] == (60, "")
    finally:
        a.close()
        b.close()


def test_local_data_before_sign_in_is_adopted(tmp_path: Path, server: LiveServer) -> None:
    server.signed_in("bo@example.com")
    a = Device.open(tmp_path / "a")
    b = Device.open(tmp_path / "b")
    try:
        contract_id = make_contract(a.ctx).id
        a.set(contract_id, DAY, 300, "before sign-in")
        a.sign_in(server.url, "bo@example.com")
        report = a.sync()
        assert report.refused == 0, a.outbox(refused=True)
        b.sign_in(server.url, "bo@example.com")
        b.sync()
        assert b.entries() == {(contract_id, DAY): (300, "before sign-in")}
    finally:
        a.close()
        b.close()


def test_another_account_cannot_take_over_a_data_folder(tmp_path: Path, server: LiveServer) -> None:
    freelancer(server)
    server.signed_in("cleo@example.com")
    a = Device.open(tmp_path / "a")
    try:
        a.sign_in(server.url, "anna@example.com")
        with pytest.raises(AccountMismatch):
            a.sign_in(server.url, "cleo@example.com")
    finally:
        a.close()


def test_many_offline_edits_coalesce(tmp_path: Path, server: LiveServer) -> None:
    a, b, contract = two_devices(tmp_path, server)
    try:
        a.sync()
        for minutes in range(1, 200):
            a.set(contract, DAY, minutes)
        report = a.sync()
        assert report.pushed == 1
        b.sync()
        assert b.entries() == {(contract, DAY): (199, "")}
    finally:
        a.close()
        b.close()


def test_a_day_typed_and_cleared_before_any_sync_leaves_nothing_dirty(
    tmp_path: Path, server: LiveServer
) -> None:
    a, b, contract = two_devices(tmp_path, server)
    try:
        a.sync()
        a.set(contract, DAY, 90)
        a.set(contract, DAY, 0)  # created and deleted offline: the server never had it
        a.sync()
        assert a.outbox() == 0
        from coapp.models import TimeEntry

        with a.ctx.store.read() as s:
            assert s.scalars(select(TimeEntry).where(TimeEntry.dirty.is_(True))).all() == []
    finally:
        a.close()
        b.close()
