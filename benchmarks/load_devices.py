"""The load generator of benchmarks/load_bench.py and tests/coserver/test_load_invariants.py: simulated
devices doing the HTTP calls the app's SyncClient makes (sign in, pull the change feed, push edits of
time entries with an Idempotency-Key, confirm an invoice built by the domain's own code, idle rounds),
one thread each, and the invariants checked afterwards against the server's database.

Each freelancer has two devices (by default) on one contract, so their edits meet on the server:
conflicts, cells taken and stale invoices are answers (counted as refusals), not errors. A device's
local view is built from what the server answered (push results and the feed, the newer version
winning), so "converged" means the feed delivered every committed change to every device.
"""

from __future__ import annotations

import itertools
import random
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import requests
from argon2 import PasswordHasher
from sqlalchemy import func, select

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.invoice_lines import LineMode, Terms, TimeItem, build_time_lines
from coapp.domain.invoices import VatCategory, compute_commission, compute_totals
from coapp.domain.money import basis_points_to_percent, from_minor, to_minor
from coapp.services.invoice_records import row_from_line
from coapp.sync.invoice_mapping import line_data
from coapp.sync.wire import CLIENT_VERSION_HEADER, IDEMPOTENCY_HEADER, IF_MATCH_HEADER, Role, if_match
from coserver.accounts import create_account
from coserver.db import make_engine, make_session_factory, migrate
from coserver.models import InvoiceRow, TimeEntryRow
from coserver.platform import create_contract

PASSWORD = "load test password 2026"
YEAR = 2026
START, END = date(YEAR, 1, 1), date(YEAR, 6, 30)
RATE_MINOR, COMMISSION_BP = 95000, 1500
FROZEN = {"seller": {"name": "Load Konsult AB", "org_number": "556677-8899"}, "buyer": {"name": "Kund AB"}}
# What each round does after its pull (the rest of the rounds are idle: the pull alone).
PUSH_SHARE, INVOICE_SHARE = 0.6, 0.02
# An invoice on entries another device (or this one's push, newer than its pull) just changed or
# invoiced: the app pulls and decides again.
OK_REFUSALS = {409, 412}
LOST_ANSWER_ATTEMPTS = 3


@dataclass(frozen=True)
class Freelancer:
    email: str
    account_id: uuid.UUID
    contract_id: uuid.UUID


def seed(db_url: str, freelancers: int) -> list[Freelancer]:
    """Migrate the database and add confirmed freelancers with a contract each. One argon2 hash with
    the production parameters serves them all (the server verifies it at every sign-in as it would)."""
    engine = make_engine(db_url)
    try:
        migrate(engine)
        password_hash = PasswordHasher().hash(PASSWORD)
        now = datetime.now(UTC)
        made: list[Freelancer] = []
        with make_session_factory(engine)() as session, session.begin():
            for n in range(freelancers):
                email = f"load{n:05d}@example.com"
                row = create_account(session, now, email, password_hash, Role.FREELANCER, f"Load {n}")
                row.confirmed_at = now
                contract = create_contract(
                    session, row.id, start_date=START, end_date=END, rate_minor=RATE_MINOR
                )
                made.append(Freelancer(email, row.id, contract.id))
        return made
    finally:
        engine.dispose()


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    refusals: Counter[str] = field(default_factory=Counter)
    rounds: int = 0

    def merge(self, other: Stats) -> None:
        for route, values in other.latencies.items():
            self.latencies.setdefault(route, []).extend(values)
        self.errors += other.errors
        self.refusals.update(other.refusals)
        self.rounds += other.rounds


class Device:
    def __init__(self, urls: list[str], who: Freelancer, name: str, seed: int) -> None:
        self.who = who
        self.name = name
        self._urls = itertools.cycle(urls)  # round-robin when the servers have an address each
        self.rng = random.Random(seed)
        self.http = requests.Session()
        self.token = ""
        self.cursor: str | None = None
        self.local: dict[str, dict[str, Any]] = {}
        # The feed's newest version this device has seen: what it knows everything up to (rows it
        # learnt from push answers may be newer, but a change to another row in between may not be).
        self.pulled_to = 0
        self.stats = Stats()

    # --- HTTP ---------------------------------------------------------------------------------------

    def _call(
        self, route: str, method: str, path: str, ok: set[int], **kwargs: Any
    ) -> requests.Response | None:
        headers = {CLIENT_VERSION_HEADER: "1.0.0", **kwargs.pop("headers", {})}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        began = time.perf_counter()
        for attempt in range(LOST_ANSWER_ATTEMPTS):
            # As the app's transport does: a lost answer is sent again (with the same Idempotency-Key).
            try:
                response = self.http.request(
                    method, next(self._urls) + path, headers=headers, timeout=30, **kwargs
                )
                break
            except requests.RequestException as exc:
                if attempt + 1 == LOST_ANSWER_ATTEMPTS:
                    self.stats.errors.append(f"{route}: {type(exc).__name__}")
                    return None
                self.stats.refusals[f"{route} sent again after {type(exc).__name__}"] += 1
                time.sleep(self.rng.uniform(0, 0.5 * 2**attempt))
        self.stats.latencies.setdefault(route, []).append(time.perf_counter() - began)
        if response.status_code in ok:
            return response
        if response.status_code in OK_REFUSALS and route == "confirm":
            self.stats.refusals[f"confirm {response.status_code}"] += 1
            return None
        self.stats.errors.append(f"{route}: HTTP {response.status_code} {response.text[:160]}")
        return None

    def sign_in(self) -> bool:
        body = {"email": self.who.email, "password": PASSWORD, "device_name": self.name}
        response = self._call("sign-in", "POST", "/v1/auth/sign-in", {200}, json=body)
        if response is not None:
            self.token = response.json()["access_token"]
        return response is not None

    def pull(self) -> None:
        while True:
            params: dict[str, Any] = {"limit": 500}
            if self.cursor is not None:
                params["cursor"] = self.cursor
            response = self._call("pull", "GET", "/v1/sync/changes", {200}, params=params)
            if response is None:
                return
            page = response.json()
            for change in page["changes"]:
                self.pulled_to = max(self.pulled_to, change["row"]["version"])
                if change["entity"] == "time_entry":
                    self._learn(change["row"])
            self.cursor = page["cursor"]
            if not page["has_more"]:
                return

    def _learn(self, row: dict[str, Any]) -> None:
        mine = self.local.get(row["id"])
        if mine is None or row["version"] >= mine["version"]:
            self.local[row["id"]] = row

    def push(self) -> None:
        ops = [self._edit() for _ in range(self.rng.randint(1, 4))]
        headers = {IDEMPOTENCY_HEADER: str(uuid.uuid4())}
        response = self._call("push", "POST", "/v1/sync/push", {200}, json={"ops": ops}, headers=headers)
        if response is None:
            return
        for result in response.json()["results"]:
            if result["status"] not in ("applied", "duplicate"):
                self.stats.refusals[f"push {result['status']} {result.get('code')}"] += 1
            if result.get("row") is not None:
                self._learn(result["row"])

    def _edit(self) -> dict[str, Any]:
        live = [r for r in self.local.values() if r["deleted_at"] is None and not r["locked"]]
        pick = self.rng.random()
        op: dict[str, Any] = {"op_id": str(uuid.uuid4()), "entity": "time_entry", "op": "upsert"}
        fields: dict[str, Any]
        if live and pick < 0.1:
            row = self.rng.choice(live)
            fields = {"deleted_at": datetime.now(UTC).isoformat()}
            return {
                **op,
                "op": "delete",
                "row_id": row["id"],
                "base_version": row["version"],
                "fields": fields,
            }
        if live and pick < 0.6:
            row = self.rng.choice(live)
            fields = (
                {"minutes": self.rng.randrange(15, 481, 15)}
                if self.rng.random() < 0.6
                else {"note": f"{self.name} {self.rng.randrange(10**6)}"}
            )
            return {**op, "row_id": row["id"], "base_version": row["version"], "fields": fields}
        day = START + timedelta(days=self.rng.randrange((END - START).days + 1))
        fields = {
            "contract_id": str(self.who.contract_id),
            "work_date": day.isoformat(),
            "minutes": self.rng.randrange(15, 481, 15),
            "note": f"new by {self.name}",
        }
        return {**op, "row_id": str(uuid.uuid4()), "base_version": None, "fields": fields}

    def confirm_invoice(self) -> None:
        month = self.rng.randint(START.month, END.month)
        first = date(YEAR, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        rows = sorted(
            (
                r
                for r in self.local.values()
                if r["deleted_at"] is None
                and not r["locked"]
                and r["minutes"] > 0
                and first.isoformat() <= r["work_date"] <= last.isoformat()
            ),
            key=lambda r: r["work_date"],
        )
        if not rows:
            return
        decided_on = self.pulled_to  # the app decides on what it has pulled: a newer change is 412
        body = invoice_body(self.who.contract_id, rows, first, last)
        headers = {IDEMPOTENCY_HEADER: str(uuid.uuid4()), IF_MATCH_HEADER: if_match(decided_on)}
        path = f"/v1/invoices/{uuid.uuid4()}/confirm"
        self._call("confirm", "POST", path, {200}, json=body, headers=headers)

    # --- the device's life ----------------------------------------------------------------------------

    def round(self) -> None:
        self.pull()
        pick = self.rng.random()
        if pick < PUSH_SHARE:
            self.push()
        elif pick < PUSH_SHARE + INVOICE_SHARE:
            self.confirm_invoice()
        self.stats.rounds += 1

    def run(self, until: float, pause: float, stop: threading.Event) -> None:
        if pause > 0:  # devices' timers are spread, not all firing at the start
            stop.wait(min(self.rng.uniform(0, pause), max(0.0, until - time.monotonic())))
        while time.monotonic() < until and not stop.is_set():
            self.round()
            if pause > 0:
                stop.wait(min(self.rng.expovariate(1 / pause), max(0.0, until - time.monotonic())))


def invoice_body(
    contract_id: uuid.UUID, rows: list[dict[str, Any]], first: date, last: date
) -> dict[str, Any]:
    """The draft the app builds for hourly time: the domain's lines and totals, the app's rows."""
    terms = Terms(
        "Consulting", FeeModel.HOURLY, from_minor(RATE_MINOR, "SEK"), 480, RoundingRule.parse("none")
    )
    items = [TimeItem(date.fromisoformat(r["work_date"]), r["minutes"]) for r in rows]
    lines = build_time_lines(items, terms, LineMode.PER_DAY, Decimal(25), VatCategory.STANDARD)
    totals = compute_totals(lines)
    commission = compute_commission(totals, basis_points_to_percent(COMMISSION_BP), seller_country="SE")
    return {
        "contract_id": str(contract_id),
        "kind": "invoice",
        "issue_date": last.isoformat(),
        "due_date": (last + timedelta(days=30)).isoformat(),
        "period_start": first.isoformat(),
        "period_end": last.isoformat(),
        "currency": "SEK",
        "language": "sv",
        "line_mode": "day",
        "billed_to": "client",
        "reverse_charge": False,
        "buyer_reference": "",
        "notes": "",
        "commission_bp": COMMISSION_BP,
        "entry_ids": [r["id"] for r in rows],
        "lines": [_line_json(line, n) for n, line in enumerate(lines, 1)],
        "net_minor": to_minor(totals.net, "SEK"),
        "vat_minor": to_minor(totals.vat_total, "SEK"),
        "total_minor": to_minor(totals.total, "SEK"),
        "commission_minor": to_minor(commission.amount, "SEK"),
        "frozen": FROZEN,
    }


def _line_json(line: Any, position: int) -> dict[str, Any]:
    """The line as the app sends it (its own mapping: coapp.sync.invoice_mapping)."""
    return line_data(row_from_line(line, "draft", position, "SEK")).model_dump(mode="json")


def make_devices(
    urls: list[str], freelancers: list[Freelancer], devices: int, seed: int = 2026
) -> list[Device]:
    return [
        Device(urls, freelancers[n % len(freelancers)], f"device {n}", seed * 100_003 + n)
        for n in range(devices)
    ]


def run_in_threads(devices: list[Device], work: Any, limit: int | None = None) -> None:
    """`work(device)` on every device at once (or `limit` at a time: sign-ins are argon2-heavy)."""
    gate = threading.Semaphore(limit or len(devices))

    def one(device: Device) -> None:
        with gate:
            work(device)

    threads = [threading.Thread(target=one, args=(d,), daemon=True) for d in devices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# --- invariants ---------------------------------------------------------------------------------------


def _server_rows(session: Any, account_id: uuid.UUID) -> dict[str, tuple[Any, ...]]:
    rows = session.execute(select(TimeEntryRow).where(TimeEntryRow.account_id == account_id)).scalars()
    return {
        str(r.id): (r.version, r.minutes, r.note, r.deleted_at is not None, r.invoice_id is not None)
        for r in rows
    }


def _device_rows(device: Device) -> dict[str, tuple[Any, ...]]:
    return {
        i: (r["version"], r["minutes"], r["note"], r["deleted_at"] is not None, r["locked"])
        for i, r in device.local.items()
    }


def check_invariants(db_url: str, devices: list[Device]) -> list[str]:
    """Every device converged with the server, no duplicate row, invoice numbers unique and gapless per
    freelancer. Returns what failed (empty when all hold)."""
    failures: list[str] = []
    engine = make_engine(db_url)
    try:
        with make_session_factory(engine)() as session:
            server: dict[uuid.UUID, dict[str, tuple[Any, ...]]] = {}
            for device in devices:
                account = device.who.account_id
                if account not in server:
                    server[account] = _server_rows(session, account)
                if _device_rows(device) != server[account]:
                    mine, theirs = _device_rows(device), server[account]
                    differ = [k for k in set(mine) | set(theirs) if mine.get(k) != theirs.get(k)]
                    failures.append(f"{device.name} did not converge: {len(differ)} rows differ")
            doubled = session.execute(
                select(TimeEntryRow.contract_id, TimeEntryRow.work_date)
                .where(TimeEntryRow.deleted_at.is_(None))
                .group_by(TimeEntryRow.contract_id, TimeEntryRow.work_date)
                .having(func.count() > 1)
            ).all()
            if doubled:
                failures.append(f"{len(doubled)} cells hold more than one live entry")
            billed: Counter[str] = Counter()
            numbers: dict[uuid.UUID, list[int]] = {}
            for invoice in session.execute(select(InvoiceRow)).scalars():
                numbers.setdefault(invoice.account_id, []).append(invoice.number_value)
                if invoice.kind == "invoice":
                    billed.update(invoice.entry_ids)
            twice = [e for e, n in billed.items() if n > 1]
            if twice:
                failures.append(f"{len(twice)} time entries on more than one invoice")
            for account, values in numbers.items():
                if sorted(values) != list(range(1, len(values) + 1)):
                    failures.append(
                        f"invoice numbers of {account} are not 1..{len(values)}: {sorted(values)}"
                    )
    finally:
        engine.dispose()
    return failures


def invoices_confirmed(db_url: str) -> int:
    engine = make_engine(db_url)
    try:
        with make_session_factory(engine)() as session:
            return int(session.execute(select(func.count()).select_from(InvoiceRow)).scalar_one())
    finally:
        engine.dispose()
