"""SYNC.md's third proof: a Hypothesis state machine with two or three devices of one freelancer
editing cells, starting, switching and stopping timers, confirming invoices of the week, going
offline and syncing, against one real server per example (SQLite in a temporary folder, uvicorn on
127.0.0.1, port 0).

Every device talks to the server through its own fault proxy, used only as a network switch: an
offline device's sync must raise OfflineError and leave everything waiting.

After every step: each device's database passes ``PRAGMA quick_check``, the server holds at most one
live timer, time on a confirmed invoice never changes and invoice numbers are unique and gapless. At
the end (every device online, two sync rounds each, refused changes decided like a user would,
synced again): every replica equals the server (minutes and note per cell, live timers, invoiced
time, invoice numbers), at most one timer runs anywhere, one live server row per cell, no outbox
record or invoice command left, and every field of every cell holds a value some device gave it
(nothing invented; fields merge per field).

The default run is bounded (15 examples of up to 30 steps); COAPP_FULL=1 or ``pytest --full`` runs
200 examples of up to 60 steps.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import tempfile
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import event as hypothesis_event
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from coapp.domain.errors import CoappError, ValidationError
from coapp.sync import account, refused
from coapp.sync.engine import SyncEngine, SyncReport
from coapp.sync.errors import OfflineError
from coapp.sync.invoice_commands import run_commands
from tests.coserver.harness import FakeClock, LiveServer
from tests.coserver.sync_helpers import add_contract, freelancer
from tests.services.invoicing_helpers import SOLE_TRADER
from tests.sync.devices import Device
from tests.sync.fault_proxy import FaultProxy
from tests.sync.replicas import (
    Cells,
    Locks,
    device_cells,
    device_commands,
    device_locked_time,
    device_numbered_invoices,
    device_profile,
    device_sound,
    device_timers,
    outbox_to_push,
    server_cells,
    server_invoice_numbers,
    server_live_rows_per_cell,
    server_locked_time,
    server_profile,
    server_timers,
)
from tests.sync.sqlite_server import SqliteServer

FULL_ENV = "COAPP_FULL"
DAYS = [date(2026, 3, 2) + timedelta(days=i) for i in range(6)]
ZONE = "Europe/Stockholm"
WEEK = (DAYS[0], DAYS[0] + timedelta(days=6))  # the ISO week the cells are in: invoiced as a whole
# What an invoice needs of the client besides the platform's defaults.
CLIENT = {
    "client_address": "Industrivägen 4",
    "client_postcode": "417 55",
    "client_city": "Göteborg",
    "client_org_number": "5565475489",
    "commission_bp": 1250,
}
# Timers run on a simulated clock that starts on the first day; the server's own clock is weeks
# ahead, so no timer is ever "started in the future" from the server's point of view.
TIMELINE_START = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
SERVER_NOW = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
ENDING_ROUNDS = 6  # decide-and-sync rounds before a refusal left over is a failure
RETRY_ROUNDS = 3  # rounds in which the user may still retry (after that they discard)

DEVICE = st.integers(min_value=0, max_value=2)  # taken modulo the number of devices
CONTRACT = st.integers(min_value=0, max_value=1)
# Mostly the first contract's first days: devices must meet on the same cells for conflicts to happen.
CELL_CONTRACT = st.one_of(st.just(0), CONTRACT)
CELL_DAY = st.one_of(st.just(DAYS[0]), st.sampled_from(DAYS[:2]), st.sampled_from(DAYS))
MINUTES = st.sampled_from([0, 0, 15, 30, 60, 90, 240, 480])
NOTES = st.sampled_from(["", "", "design", "review", "möte om API:t"])
LATER = st.integers(min_value=1, max_value=180)  # minutes that pass before a timer action
# The profile: a set (skills) and per-field last writer wins (two of its fields).
SKILLS = st.sampled_from(["Python", "Go", "Rust"])
PROFILE_FIELD = st.sampled_from(["title", "city"])
PROFILE_VALUE = st.sampled_from(["", "Architect", "Göteborg", "Lund"])

F = TypeVar("F", bound=Callable[..., Any])


def event(what: str) -> None:
    """Hypothesis's statistics (``--hypothesis-show-statistics``), when a step runs inside it."""
    if currently_in_test_context():
        hypothesis_event(what)


def tracked(method: F) -> F:
    """Mark the machine broken while a step runs, so a failed step skips the ending's checks
    (teardown always runs; its assertions would only hide the first failure)."""

    @wraps(method)
    def step(self: SyncMachine, *args: Any, **kwargs: Any) -> Any:
        self.healthy = False
        result = method(self, *args, **kwargs)
        self.healthy = True
        return result

    return step  # type: ignore[return-value]


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.healthy = False
        self.folder = tempfile.TemporaryDirectory(prefix="coapp-sync-sm-")
        root = Path(self.folder.name)
        clock = FakeClock()
        clock.now = SERVER_NOW
        self.server = SqliteServer(root / "server", clock)
        self.devices: list[Device] = []
        self.proxies: list[FaultProxy] = []
        self.now = TIMELINE_START
        # Every value each field of each cell ever held on some device: fields merge per field (last
        # writer wins per field), so a cell may end with one device's minutes and another's note.
        self.minutes_written: dict[tuple[str, date], set[int]] = {}
        self.notes_written: dict[tuple[str, date], set[str]] = {}
        self.rng = random.Random(0)
        self.locked: Locks = {}  # invoiced time as first seen on the server
        self.profile_written: dict[str, set[str]] = {"title": {""}, "city": {""}}
        pair = self.server.live.signed_in("anna@example.com")
        self.account_id = uuid.UUID(pair["account"]["id"])
        self.contracts = [
            str(add_contract(self.server.live, self.account_id, title=title, **CLIENT))
            for title in ("Backend", "Second")
        ]
        self.root = root
        self.healthy = True

    @initialize(count=st.integers(min_value=2, max_value=3), decisions=st.randoms(use_true_random=False))
    @tracked
    def open_devices(self, count: int, decisions: random.Random) -> None:
        self.rng = decisions
        for i in range(count):
            proxy = FaultProxy("127.0.0.1", self.server.port, seed=i)
            self.proxies.append(proxy)
            device = Device.open(self.root / f"device-{i}")
            self.devices.append(device)
            device.ctx.business.save(SOLE_TRADER)
            device.sign_in(proxy.url, "anna@example.com")
            sync_round(device)  # the contracts arrive before the first edit

    # --- rules ---------------------------------------------------------------------------------

    def _device(self, i: int) -> tuple[int, Device]:
        i %= len(self.devices)
        return i, self.devices[i]

    def _note_written(self, device: Device) -> None:
        for cell, value in device_cells(device).items():
            self.minutes_written.setdefault(cell, set()).add(value[0])
            self.notes_written.setdefault(cell, set()).add(value[1])

    @rule(i=DEVICE, contract=CELL_CONTRACT, day=CELL_DAY, minutes=MINUTES, note=NOTES)
    @tracked
    def edit_cell(self, i: int, contract: int, day: date, minutes: int, note: str) -> None:
        _, device = self._device(i)
        before = device_cells(device)
        try:
            device.set(self.contracts[contract], day, minutes, note if minutes else "")
        except ValidationError:
            # The grid refuses a day over 24 hours (both contracts together); nothing changes.
            assert device_cells(device) == before
            return
        self._note_written(device)

    @rule(i=DEVICE, contract=CONTRACT, later=LATER)
    @tracked
    def start_or_switch_timer(self, i: int, contract: int, later: int) -> None:
        _, device = self._device(i)
        self.now += timedelta(minutes=later)
        before = device_timers(device)
        try:
            device.ctx.timers.switch(self.contracts[contract], ZONE, self.now)
        except ValidationError:
            # Switching records the old timer's time; a day over 24 hours refuses it and the old
            # timer runs on.
            assert device_timers(device) == before
            return
        running = device.ctx.timers.running()
        assert running is not None
        self._note_written(device)

    @rule(i=DEVICE, later=LATER)
    @tracked
    def stop_timer(self, i: int, later: int) -> None:
        _, device = self._device(i)
        self.now += timedelta(minutes=later)
        before = device_timers(device)
        try:
            device.ctx.timers.stop(self.now)
        except ValidationError:
            assert device_timers(device) == before  # no time lost: the timer runs on
            return
        self._note_written(device)

    @rule(i=DEVICE, contract=CELL_CONTRACT)
    @tracked
    def confirm_invoice(self, i: int, contract: int) -> None:
        """Invoice the week on this device; signed in, the platform numbers it at the next round."""
        _, device = self._device(i)
        try:
            draft = device.ctx.drafts.create(self.contracts[contract], *WEEK)
            device.ctx.confirmation.confirm(draft.id)
        except CoappError:
            return  # nothing left to invoice, or the week is invoiced already
        event("an invoice confirmed on a device")

    @rule(i=DEVICE, name=SKILLS, add=st.booleans())
    @tracked
    def add_or_remove_skill(self, i: int, name: str, add: bool) -> None:
        _, device = self._device(i)
        if add:
            with contextlib.suppress(ValidationError):  # already listed on this device
                device.ctx.profile.add_skill(name)
        else:
            with contextlib.suppress(CoappError):  # not listed on this device
                device.ctx.profile.remove_skill(name)

    @rule(i=DEVICE, field=PROFILE_FIELD, value=PROFILE_VALUE)
    @tracked
    def edit_profile_field(self, i: int, field: str, value: str) -> None:
        _, device = self._device(i)
        device.ctx.profile.set_field(field, value)
        self.profile_written[field].add(value)

    @rule(i=DEVICE)
    @tracked
    def go_offline(self, i: int) -> None:
        i, _ = self._device(i)
        self.proxies[i].go_offline()

    @rule(i=DEVICE)
    @tracked
    def go_online(self, i: int) -> None:
        i, _ = self._device(i)
        self.proxies[i].go_online()

    @rule(i=DEVICE)
    @tracked
    def sync(self, i: int) -> None:
        i, device = self._device(i)
        if self.proxies[i].is_online:
            if sync_round(device).refused:
                event("a change refused during the run")
            return
        waiting = outbox_to_push(device)
        with pytest.raises(OfflineError):
            sync_round(device)
        event("a sync while offline")
        assert outbox_to_push(device) == waiting  # nothing dropped while offline

    @rule()
    @tracked
    def sync_every_online_device(self) -> None:
        # Devices that all know a row are what a conflict needs (one deletes, another edits).
        for i, device in enumerate(self.devices):
            if self.proxies[i].is_online and sync_round(device).refused:
                event("a change refused during the run")

    # --- invariants ----------------------------------------------------------------------------

    @invariant()
    @tracked
    def databases_are_sound(self) -> None:
        for device in self.devices:
            assert device_sound(device) is None

    @invariant()
    @tracked
    def at_most_one_live_timer_on_the_server(self) -> None:
        assert len(server_timers(self.server.live, self.account_id)) <= 1

    @invariant()
    @tracked
    def invoiced_time_never_changes(self) -> None:
        now = server_locked_time(self.server.live, self.account_id)
        for entry, value in self.locked.items():
            assert now.get(entry) == value, f"invoiced time changed: {entry} {value} -> {now.get(entry)}"
        self.locked.update(now)

    @invariant()
    @tracked
    def invoice_numbers_are_unique_and_gapless(self) -> None:
        numbers = sorted(server_invoice_numbers(self.server.live, self.account_id).values())
        assert numbers == list(range(1, len(numbers) + 1))

    # --- the ending ----------------------------------------------------------------------------

    def converge(self) -> None:
        for proxy in self.proxies:
            proxy.go_online()
        for round_no in range(ENDING_ROUNDS):
            for _ in range(2):
                for device in self.devices:
                    sync_round(device)
            if not decide_refusals(self.devices, self.rng, retry_allowed=round_no < RETRY_ROUNDS):
                event(f"ending rounds: {round_no + 1}")
                break
        else:
            raise AssertionError("refused changes were left after every decision was made")
        server = self.server.live
        on_server = server_cells(server, self.account_id)
        timers = server_timers(server, self.account_id)
        self.invoiced_time_never_changes()
        numbers = server_invoice_numbers(server, self.account_id)  # the series' counter per invoice
        for n, device in enumerate(self.devices):
            assert device_commands(device) == 0, f"device {n} has invoice commands left"
            held = {k: int(v.rsplit("-", 1)[-1]) for k, v in device_numbered_invoices(device).items()}
            assert held == numbers, f"device {n}'s invoices differ"  # printed as {year}-{seq:04d}
            assert device_locked_time(device) == self.locked, f"device {n}'s invoiced time differs"
            assert device.outbox() == 0, f"device {n} has outbox records left"
            assert device_cells(device) == on_server, f"device {n} differs from the server"
            assert device_timers(device) == timers, f"device {n}'s timers differ from the server's"
            assert device_sound(device) is None
        assert len(timers) <= 1
        event(f"live cells at the end: {len(on_server)}, timers: {len(timers)}")
        assert server_live_rows_per_cell(server, self.account_id) <= 1
        invented = _invented(on_server, self.minutes_written, self.notes_written)
        assert not invented, f"values no device wrote: {invented}"
        profile = server_profile(server, self.account_id)
        for n, device in enumerate(self.devices):
            assert device_profile(device) == profile, f"device {n}'s profile differs from the server's"
        for (entity, _row_id), fields in profile.items():
            if entity == "profile":
                for name, written in self.profile_written.items():
                    assert fields[name] in written, f"a {name} no device wrote: {fields[name]}"
            elif entity == "profile_skill":
                assert fields["name"] in ("Python", "Go", "Rust")

    def teardown(self) -> None:
        try:
            if self.healthy and self.devices:
                self.converge()
        finally:
            for device in self.devices:
                device.close()
            for proxy in self.proxies:
                proxy.close()
            self.server.stop()
            self.folder.cleanup()


def sync_round(device: Device) -> SyncReport:
    """A round as the app runs it: push, invoice commands, pull (PDFs are left out: no sync state)."""
    api = account.current_api(device.ctx.store, device.tokens, device.policy)
    assert api is not None, "not signed in"
    return SyncEngine(device.ctx.store, api, commands=run_commands).run()


def decide_refusals(devices: list[Device], rng: random.Random, *, retry_allowed: bool) -> int:
    """Decide every refused change like a user would: retry it (keep my version) or discard it
    (take the platform's). Late in the ending a user gives up retrying what keeps being refused."""
    decided = 0
    for device in devices:
        for change in refused.list_refused(device.ctx.store):
            decided += 1
            event(f"refused: {change.code}")
            if retry_allowed and rng.random() < 0.5:
                refused.retry(device.ctx.store, change.entity, change.row_id)
                continue
            refused.discard(device.ctx.store, change.entity, change.row_id)
    return decided


def _invented(
    cells: Cells, minutes: dict[tuple[str, date], set[int]], notes: dict[tuple[str, date], set[str]]
) -> Cells:
    """Cells holding a field value that no device ever gave that field."""
    return {
        cell: (m, n)
        for cell, (m, n) in cells.items()
        if m not in minutes.get(cell, set()) or n not in notes.get(cell, set())
    }


def _full(config: pytest.Config) -> bool:
    return os.environ.get(FULL_ENV, "") not in ("", "0") or bool(config.getoption("--full", False))


def test_devices_editing_timing_invoicing_and_going_offline_converge(pytestconfig: pytest.Config) -> None:
    full = _full(pytestconfig)
    run_state_machine_as_test(
        SyncMachine,
        settings=settings(
            max_examples=200 if full else 15,
            stateful_step_count=60 if full else 30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        ),
    )


def test_the_ending_catches_a_replica_that_differs() -> None:
    """The checks can fail: a value written into a device's table behind the sync engine's back
    (no outbox record) never reaches the server, and the ending says so."""
    machine = SyncMachine()
    try:
        machine.open_devices(2, random.Random(1))
        machine.edit_cell(0, 0, DAYS[0], 60, "solo")
        machine.sync(0)
        machine.sync(1)
        with contextlib.closing(sqlite3.connect(machine.devices[1].ctx.paths.database)) as conn, conn:
            changed = conn.execute("UPDATE time_entries SET minutes = 30 WHERE minutes = 60").rowcount
        assert changed == 1
        with pytest.raises(AssertionError, match="device 1 differs"):
            machine.converge()
    finally:
        machine.healthy = False
        machine.teardown()
    assert not Path(machine.folder.name).exists()


def test_the_ending_catches_a_profile_that_differs() -> None:
    """The same for the profile: a skill's level changed behind the engine's back is caught."""
    machine = SyncMachine()
    try:
        machine.open_devices(2, random.Random(1))
        machine.add_or_remove_skill(0, "Go", True)
        machine.edit_profile_field(1, "city", "Lund")
        for i in (0, 1, 0):
            machine.sync(i)
        with contextlib.closing(sqlite3.connect(machine.devices[1].ctx.paths.database)) as conn, conn:
            changed = conn.execute("UPDATE profile_skills SET level = 3 WHERE name = 'Go'").rowcount
        assert changed == 1
        with pytest.raises(AssertionError, match="device 1's profile differs"):
            machine.converge()
    finally:
        machine.healthy = False
        machine.teardown()


def test_discarding_a_refused_second_timer_leaves_one_timer(tmp_path: Path, server: LiveServer) -> None:
    """Found by the state machine: the refusal carries the *other* (running) timer, and discarding
    once left the refused timer running here too, two timers on one device."""
    anna = freelancer(server)
    contract = str(anna.contract_id)
    a, b = Device.open(tmp_path / "a"), Device.open(tmp_path / "b")
    try:
        for d in (a, b):
            d.sign_in(server.url, "anna@example.com")
            d.sync()
        first = a.ctx.timers.start(contract, ZONE, datetime(2026, 3, 2, 7, 0, tzinfo=UTC))
        a.sync()
        b.ctx.timers.start(contract, ZONE, datetime(2026, 3, 2, 8, 0, tzinfo=UTC))  # b has not seen a's
        assert b.sync().refused == 1
        [change] = refused.list_refused(b.ctx.store)
        assert change.code == "timer_running"
        refused.discard(b.ctx.store, change.entity, change.row_id)
        assert set(device_timers(b)) == {first.id}  # the platform's timer, and only that one
    finally:
        a.close()
        b.close()


def test_time_invoiced_on_another_device_first_stays_locked_here(tmp_path: Path, server: LiveServer) -> None:
    """Found by the state machine: both devices invoice the same week; the platform takes the first."""
    pair = server.signed_in("anna@example.com")
    contract = str(add_contract(server, uuid.UUID(pair["account"]["id"]), **CLIENT))
    a, b = Device.open(tmp_path / "a"), Device.open(tmp_path / "b")
    try:
        for d in (a, b):
            d.ctx.business.save(SOLE_TRADER)
            d.sign_in(server.url, "anna@example.com")
            sync_round(d)
        a.set(contract, DAYS[1], 90)
        sync_round(a)
        sync_round(b)
        first = a.ctx.confirmation.confirm(a.ctx.drafts.create(contract, *WEEK).id)
        sync_round(a)  # the platform numbers a's invoice and locks the time to it
        b.ctx.confirmation.confirm(b.ctx.drafts.create(contract, *WEEK).id)  # b has not heard yet
        sync_round(b)
        sync_round(b)
        # Refused here as soon as the platform's lock arrives (or by the platform, if sent first).
        assert [c.code for c in refused.list_refused(b.ctx.store)] in (["already_invoiced"], ["locked"])
        assert device_locked_time(b) == device_locked_time(a)
        assert set(device_locked_time(b).values()) == {(first.id, 90, "")}
    finally:
        a.close()
        b.close()


# Found by the state machine (a saved example): two devices switching timers offline, then the
# ending's decisions. A day over 24 hours refused without the platform's row, then discarded,
# deleted this device's copy of a cell the platform holds (the other device's): it vanished here only.
TIMER_SWITCHES = [  # (contract, device, minutes later)
    (0, 0, 179),
    (0, 0, 1),
    (0, 0, 83),
    (0, 0, 178),
    (0, 0, 154),
    (0, 0, 143),
    (1, 0, 77),
    (0, 0, 179),
    (1, 1, 47),
    (1, 0, 121),
    (0, 0, 114),
    (0, 2, 125),
    (0, 0, 168),
    (1, 1, 137),
    (0, 1, 57),
    (0, 2, 151),
    (0, 2, 1),
    (1, 2, 112),
    (1, 2, 70),
    (1, 0, 105),
    (1, 2, 107),
    (0, 1, 111),
    (1, 2, 61),
    (0, 2, 108),
    (0, 2, 168),
    (0, 0, 174),
    (0, 0, 125),
    (1, 2, 97),
    (1, 2, 98),
]


@pytest.mark.parametrize("seed", [4, 7, 15])
def test_a_discarded_day_over_24_hours_comes_back_from_the_platform(seed: int) -> None:
    machine = SyncMachine()
    try:
        machine.open_devices(2, random.Random(seed))
        for contract, device, later in TIMER_SWITCHES:
            machine.start_or_switch_timer(device, contract, later)
        machine.converge()
    finally:
        machine.healthy = False
        machine.teardown()
