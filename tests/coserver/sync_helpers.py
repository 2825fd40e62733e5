"""Helpers for the sync tests: accounts with contracts, push and pull over loopback HTTP, and direct
database access for what only the platform does (contracts, invoices) and for checking the tables."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import requests
from sqlalchemy.orm import Session

from coapp.sync.wire import CLIENT_VERSION_HEADER, IDEMPOTENCY_HEADER
from coserver.db import make_engine, make_session_factory
from coserver.platform import create_contract
from tests.coserver.harness import LiveServer

START = date(2026, 1, 1)
END = date(2026, 6, 30)
PUSH = "/v1/sync/push"
CHANGES = "/v1/sync/changes"


@contextmanager
def database(server: LiveServer) -> Iterator[Session]:
    """A session on the server's database, committed at the end of the block."""
    engine = make_engine(server.settings.db_url)
    try:
        factory = make_session_factory(engine)
        with factory() as session, session.begin():
            yield session
    finally:
        engine.dispose()


@dataclass
class Freelancer:
    server: LiveServer
    token: str
    account_id: uuid.UUID
    contract_id: uuid.UUID
    email: str = "anna@example.com"

    def sign_in_again(self) -> None:
        """A new access token (after `coapp-server prune` ran at a far later date, say, and removed
        the old one with its session)."""
        response = self.server.sign_in(self.email)
        assert response.status_code == 200, response.text
        self.token = response.json()["access_token"]

    def headers(self, key: str | None = None, **extra: str) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}", **extra}
        if key is not None:
            headers[IDEMPOTENCY_HEADER] = key
        return headers

    def push_raw(self, body: Any, key: str | None = "new", **extra: str) -> requests.Response:
        key = str(uuid.uuid4()) if key == "new" else key
        return self.server.http.post(
            self.server.url + PUSH, json=body, headers=self.headers(key, **extra), timeout=30
        )

    def push(self, *ops: dict[str, Any], key: str | None = "new") -> list[dict[str, Any]]:
        response = self.push_raw({"ops": list(ops)}, key)
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        assert [r["op_id"] for r in results] == [o["op_id"] for o in ops]
        return results

    def changes(self, cursor: str | None = None, limit: int | None = None) -> requests.Response:
        params: dict[str, Any] = {}
        if cursor is not None:
            params["cursor"] = cursor
        if limit is not None:
            params["limit"] = limit
        return self.server.http.get(
            self.server.url + CHANGES, params=params, headers=self.headers(), timeout=30
        )

    def pull_all(self, cursor: str | None = None, limit: int = 500) -> tuple[list[dict[str, Any]], str]:
        changes: list[dict[str, Any]] = []
        while True:
            response = self.changes(cursor, limit)
            assert response.status_code == 200, response.text
            page = response.json()
            changes += page["changes"]
            cursor = page["cursor"]
            if not page["has_more"]:
                return changes, page["cursor"]

    def get(self, path: str, **extra: str) -> requests.Response:
        return self.server.http.get(self.server.url + path, headers=self.headers(**extra), timeout=30)


def freelancer(
    server: LiveServer, email: str = "anna@example.com", start: date = START, end: date | None = END
) -> Freelancer:
    pair = server.signed_in(email)
    account_id = uuid.UUID(pair["account"]["id"])
    with database(server) as session:
        contract = create_contract(session, account_id, start_date=start, end_date=end)
        contract_id = contract.id
    return Freelancer(server, pair["access_token"], account_id, contract_id, email)


def add_contract(server: LiveServer, account_id: uuid.UUID, **terms: Any) -> uuid.UUID:
    terms.setdefault("start_date", START)
    terms.setdefault("end_date", END)
    with database(server) as session:
        return create_contract(session, account_id, **terms).id


def upsert(
    row_id: uuid.UUID | str,
    base: int | None = None,
    entity: str = "time_entry",
    **fields: Any,
) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "entity": entity,
        "row_id": str(row_id),
        "op": "upsert",
        "base_version": base,
        "fields": {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in fields.items()},
    }


def delete(row_id: uuid.UUID | str, base: int | None = None, entity: str = "time_entry") -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "entity": entity,
        "row_id": str(row_id),
        "op": "delete",
        "base_version": base,
        "fields": {"deleted_at": "2026-03-02T09:00:00+00:00"},
    }


def new_entry(
    contract_id: uuid.UUID, day: date, minutes: int = 480, note: str = ""
) -> tuple[uuid.UUID, dict[str, Any]]:
    row_id = uuid.uuid4()
    op = upsert(row_id, contract_id=str(contract_id), work_date=day, minutes=minutes, note=note)
    return row_id, op


def client_version(version: str) -> dict[str, str]:
    return {CLIENT_VERSION_HEADER: version}


def start_timer(
    contract_id: uuid.UUID, started_at: datetime | str, zone: str = "Europe/Stockholm"
) -> tuple[uuid.UUID, dict[str, Any]]:
    row_id = uuid.uuid4()
    fields = {"contract_id": str(contract_id), "started_at": started_at, "zone": zone}
    return row_id, upsert(row_id, entity="running_timer", **fields)


def contract_terms(**overrides: Any) -> dict[str, Any]:
    """Every column of the client's contracts table, as the client sends a contract it made."""
    terms: dict[str, Any] = {
        "title": "Own client",
        "client_name": "Egen Kund AB",
        "fee_model": "hourly",
        "rate_minor": 120000,
        "currency": "SEK",
        "commission_bp": 0,
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "minutes_per_day": 480,
        "rounding_rule": "up:15:entry",
        "client_org_number": "556677-8899",
        "client_vat_number": "SE556677889901",
        "client_address": "Storgatan 1",
        "client_postcode": "111 22",
        "client_city": "Stockholm",
        "client_country": "SE",
    }
    terms.update(overrides)
    return terms


def new_contract(**overrides: Any) -> tuple[uuid.UUID, dict[str, Any]]:
    row_id = uuid.uuid4()
    return row_id, upsert(row_id, entity="contract", **contract_terms(**overrides))
