"""Helpers for the application, agent and message tests: an agent with a posted assignment, a
consent, and the commands as the app sends them (Idempotency-Key, If-Match)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import requests
from sqlalchemy import update

from coapp.sync.wire import IDEMPOTENCY_HEADER, IF_MATCH_HEADER, if_match
from coserver.agents import set_card
from coserver.assignments import create_assignment
from coserver.models import AccountRow
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database

DIGEST = hashlib.sha256(b"the resume as sent").hexdigest()


@dataclass
class AgentAccount:
    server: LiveServer
    token: str
    account_id: uuid.UUID

    def headers(self, key: str | None = None, version: int | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"}
        if key is not None:
            headers[IDEMPOTENCY_HEADER] = key
        if version is not None:
            headers[IF_MATCH_HEADER] = if_match(version)
        return headers

    def post_assignment(self, **terms: Any) -> tuple[uuid.UUID, int]:
        """An open assignment of this agent's (id, version), applications closing in 20 days."""
        now = self.server.clock.now
        fields: dict[str, Any] = {
            "published_at": now,
            "title": "Systemutvecklare Python",
            "client_name": "Kund AB",
            "location": "Stockholm",
            "must_have": ["Python"],
            "rate_min_minor": 90000,
            "rate_max_minor": 110000,
            "currency": "SEK",
            "hours_per_week": 40,
            "start_date": date(2026, 5, 1),
            "closes_at": now + timedelta(days=20),
            **terms,
        }
        with database(self.server) as session:
            row = create_assignment(session, self.account_id, **fields)
            return row.id, row.version


def agent(server: LiveServer, email: str = "agent@example.com", name: str = "Sara Agent") -> AgentAccount:
    pair = server.signed_in(email)
    account_id = uuid.UUID(pair["account"]["id"])
    with database(server) as session:
        session.execute(update(AccountRow).where(AccountRow.id == account_id).values(role="agent"))
        set_card(session, account_id, name, email, "+46 70 123 45 67")
    return AgentAccount(server, pair["access_token"], account_id)


def consent(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "agreed": True,
        "resume_variant": "Backend",
        "resume_digest": DIGEST,
        "resume_version": 7,
        "rate_minor": 95000,
        "rate_per": "hour",
        "currency": "SEK",
        "available_from": "2026-05-01",
        "hours_per_week": 40,
        "message": "Jag har byggt betalplattformar i fem år.\nHälsningar, Anna",
        "consented_at": "2026-03-02T08:59:00+00:00",
    }
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}


def command(
    server: LiveServer,
    headers: dict[str, str],
    application_id: uuid.UUID | str,
    verb: str,
    body: Any,
    version: int | None,
    key: str | None = "new",
) -> requests.Response:
    headers = dict(headers)
    if key is not None:
        headers[IDEMPOTENCY_HEADER] = str(uuid.uuid4()) if key == "new" else key
    if version is not None:
        headers[IF_MATCH_HEADER] = if_match(version)
    return server.http.post(
        f"{server.url}/v1/applications/{application_id}/{verb}", json=body, headers=headers, timeout=30
    )


def interview(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "text": "Intervju med teamledaren.",
        "starts_at": "2026-03-10T13:00:00+01:00",
        "ends_at": "2026-03-10T14:00:00+01:00",
        "place": "Storgatan 1, Stockholm",
        "video_url": "https://meet.example.com/abc",
        "agent_attends": True,
    }
    body.update(changes)
    return body
