"""The sync benchmark's baseline: the same HTTP requests as the app's sync round, made with a plain
``requests.Session`` and nothing else (no local database, no wire models), so that comparing the
two splits a round into network + server time and the client's own work."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests

from coapp import __version__
from coapp.sync.wire import API_PREFIX, CLIENT_VERSION_HEADER, IDEMPOTENCY_HEADER


@dataclass
class PlainPull:
    seconds: float
    pages: int
    rows: int
    cursor: str
    bodies: list[requests.Response] = field(repr=False)


class PlainClient:
    def __init__(self, url: str, email: str, password: str) -> None:
        self.url = url + API_PREFIX
        self.http = requests.Session()
        self.http.headers[CLIENT_VERSION_HEADER] = __version__
        response = self.http.post(
            self.url + "/auth/sign-in",
            json={"email": email, "password": password, "device_name": "plain baseline"},
            timeout=60,
        )
        response.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {response.json()['access_token']}"

    def changes(self, cursor: str | None, limit: int | None = None) -> requests.Response:
        params: dict[str, Any] = {}
        if cursor:
            params["cursor"] = cursor
        if limit is not None:
            params["limit"] = limit
        response = self.http.get(self.url + "/sync/changes", params=params, timeout=60)
        response.raise_for_status()
        return response

    def pull_all(self, limit: int) -> PlainPull:
        """Every page after no cursor, decoding each body only as far as the next cursor needs."""
        started = time.perf_counter()
        cursor: str | None = None
        bodies: list[requests.Response] = []
        rows = 0
        while True:
            response = self.changes(cursor, limit)
            page = response.json()
            bodies.append(response)
            rows += len(page["changes"])
            cursor = page["cursor"]
            if not page["has_more"]:
                break
        return PlainPull(time.perf_counter() - started, len(bodies), rows, str(cursor), bodies)

    def push(self, batches: list[list[dict[str, Any]]]) -> float:
        """Send each batch with its own idempotency key; every op must be applied."""
        started = time.perf_counter()
        for ops in batches:
            response = self.http.post(
                self.url + "/sync/push",
                json={"ops": ops},
                headers={IDEMPOTENCY_HEADER: str(uuid.uuid4())},
                timeout=60,
            )
            response.raise_for_status()
            statuses = {r["status"] for r in response.json()["results"]}
            if statuses != {"applied"}:
                raise RuntimeError(f"the baseline's push was not applied: {sorted(statuses)}")
        return time.perf_counter() - started

    def close(self) -> None:
        self.http.close()


def edit_op(row_id: str, base_version: int, minutes: int, note: str) -> dict[str, Any]:
    """An edit of a cell's minutes and note, as the app's outbox sends one."""
    return {
        "op_id": str(uuid.uuid4()),
        "entity": "time_entry",
        "row_id": row_id,
        "op": "upsert",
        "base_version": base_version,
        "fields": {"minutes": minutes, "note": note},
    }
