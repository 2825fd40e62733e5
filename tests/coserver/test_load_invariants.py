"""The load test's invariants in CI (benchmarks/load_bench.py at a small count): 10 devices of 5
freelancers against a 2-process `coapp-server --workers 2` on PostgreSQL, a few seconds of rounds
without pauses (pull, push edits, confirm invoices), then every device converged with the server, no
duplicate row, invoice numbers unique and gapless per freelancer, and no request failed."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from benchmarks.load_bench import drop_database, scratch_database, start_servers, stop_servers
from benchmarks.load_devices import Device, Stats, check_invariants, make_devices, run_in_threads, seed

POSTGRES_ENV = "COAPP_TEST_POSTGRES_URL"

pytestmark = pytest.mark.skipif(
    not os.environ.get(POSTGRES_ENV),
    reason=f"the load invariants need PostgreSQL (set {POSTGRES_ENV}): several server processes share it",
)


def test_devices_under_load_converge_and_invoice_numbers_stay_gapless(tmp_path: Path) -> None:
    base = os.environ[POSTGRES_ENV]
    db_url, name = scratch_database(base)
    try:
        freelancers = seed(db_url, 5)
        servers, urls, _how = start_servers(db_url, 2, tmp_path)
        try:
            devices = make_devices(urls, freelancers, 10, seed=14)
            run_in_threads(devices, lambda d: d.sign_in() and d.pull(), limit=4)
            stop = threading.Event()
            until = time.monotonic() + 6
            run_in_threads(devices, lambda d: _busy(d, until, stop))
            run_in_threads(devices, lambda d: d.pull())
        finally:
            stop_servers(servers)
        stats = Stats()
        for device in devices:
            stats.merge(device.stats)
        assert stats.errors == []
        assert stats.rounds >= 20, "the devices hardly ran"
        assert sum(len(d.local) for d in devices) > 0
        assert len(stats.latencies.get("confirm", [])) > 0, "no invoice was tried"
        assert check_invariants(db_url, devices) == []
    finally:
        drop_database(base, name)


def _busy(device: Device, until: float, stop: threading.Event) -> None:
    """Rounds without pauses, an invoice in one round of five (often both devices of a freelancer at
    once: one of them gets 409 or 412, an answer and not an error)."""
    while time.monotonic() < until and not stop.is_set():
        device.pull()
        device.push()
        if device.rng.random() < 0.2:
            device.confirm_invoice()
        device.stats.rounds += 1


def test_the_invariants_catch_a_device_that_missed_a_change(tmp_path: Path) -> None:
    """The check can fail: a device whose view lacks a row the server holds does not converge."""
    base = os.environ[POSTGRES_ENV]
    db_url, name = scratch_database(base)
    try:
        freelancers = seed(db_url, 1)
        servers, urls, _how = start_servers(db_url, 1, tmp_path)
        try:
            first, second = make_devices(urls, freelancers, 2, seed=3)
            for device in (first, second):
                assert device.sign_in()
            first.push()
            first.pull()
            second.pull()
            assert check_invariants(db_url, [first, second]) == []
            missed = next(iter(second.local))
            del second.local[missed]
            failures = check_invariants(db_url, [first, second])
        finally:
            stop_servers(servers)
        assert failures == ["device 1 did not converge: 1 rows differ"]
    finally:
        drop_database(base, name)
