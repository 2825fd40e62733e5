"""Helpers for issue 11's server tests: a contract offer made the way the platform makes one (an
application moved to `offer` by the assignment's agent), a client account, and the contract commands
as the app and the agent send them (Idempotency-Key, If-Match)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import requests

from coapp.sync.wire import IDEMPOTENCY_HEADER, IF_MATCH_HEADER, if_match, offer_contract_id
from tests.coserver.application_helpers import AgentAccount, agent, command, consent
from tests.coserver.harness import PASSWORD, LiveServer
from tests.coserver.sync_helpers import Freelancer


@dataclass
class Party:
    """A signed-in account that is not a freelancer (the client)."""

    token: str
    account_id: uuid.UUID

    def headers(self, key: str | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"}
        if key is not None:
            headers[IDEMPOTENCY_HEADER] = key
        return headers


def client_account(server: LiveServer, email: str = "kund@example.com", name: str = "Kund AB") -> Party:
    assert server.register(email, PASSWORD, role="client", display_name=name).status_code == 201
    assert server.post("/v1/auth/confirm", {"token": server.confirmation_token(email)}).status_code == 200
    pair = server.sign_in(email).json()
    return Party(pair["access_token"], uuid.UUID(pair["account"]["id"]))


@dataclass
class Deal:
    """A contract offer for `who`, made by `sara` from an application to her assignment."""

    server: LiveServer
    who: Freelancer
    sara: AgentAccount
    application_id: uuid.UUID
    contract_id: uuid.UUID

    def detail(self, token: str | None = None) -> dict[str, Any]:
        response = get(self.server, token or self.who.token, f"/v1/contracts/{self.contract_id}/detail")
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def version(self) -> int:
        return int(self.detail()["contract"]["version"])

    def agent(self, verb: str, body: Any, version: int | None = None, key: str = "new") -> requests.Response:
        """One of the agent's commands, decided on the contract's current version unless given."""
        return contract_command(
            self.server, self.sara.headers(), self.contract_id, verb, body, version or self.version(), key
        )

    def sign(self, name: str = "Anna Lindqvist", terms_version: int | None = None) -> requests.Response:
        terms_version = terms_version or int(self.detail()["contract"]["terms_version"])
        body = {"name": name, "terms_version": terms_version}
        return contract_command(self.server, self.who.headers(), self.contract_id, "sign", body, None)


def offered(
    server: LiveServer,
    who: Freelancer,
    sara: AgentAccount | None = None,
    *,
    start: date = date(2026, 5, 1),
    end: date | None = date(2026, 9, 30),
    **assignment: Any,
) -> Deal:
    """An offer made by the pipeline: submit, propose, offer (the agent's moves)."""
    sara = sara or agent(server, f"agent-{uuid.uuid4().hex[:6]}@example.com")
    assignment_id, version = sara.post_assignment(start_date=start, end_date=end, **assignment)
    application_id = uuid.uuid4()
    body = {"assignment_id": str(assignment_id), "consent": consent(available_from=start.isoformat())}
    submitted = command(server, who.headers(), application_id, "submit", body, version)
    assert submitted.status_code == 200, submitted.text
    current = submitted.json()["application"]["version"]
    for verb in ("propose", "offer"):
        moved = command(server, sara.headers(), application_id, verb, {"text": verb}, current)
        assert moved.status_code == 200, moved.text
        current = moved.json()["application"]["version"]
    return Deal(server, who, sara, application_id, offer_contract_id(application_id))


def contract_command(
    server: LiveServer,
    headers: dict[str, str],
    contract_id: uuid.UUID | str,
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
        f"{server.url}/v1/contracts/{contract_id}/{verb}", json=body, headers=headers, timeout=30
    )


def get(server: LiveServer, token: str, path: str, **params: Any) -> requests.Response:
    return server.http.get(
        server.url + path, params=params, headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def contract_feed(who: Freelancer, with_contracts: bool = True) -> list[dict[str, Any]]:
    """The whole feed from an empty cursor (asked with_contracts, or as an older client)."""
    changes: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 500}
        if with_contracts:
            params["with_contracts"] = "true"
        if cursor:
            params["cursor"] = cursor
        page = get(who.server, who.token, "/v1/sync/changes", **params)
        assert page.status_code == 200, page.text
        body = page.json()
        changes += body["changes"]
        cursor = body["cursor"]
        if not body["has_more"]:
            return changes


def latest(changes: list[dict[str, Any]], entity: str) -> dict[str, dict[str, Any]]:
    """The newest copy of each row of `entity` in a feed, by id."""
    rows: dict[str, dict[str, Any]] = {}
    for change in changes:
        if change["entity"] == entity:
            rows[change["row"]["id"]] = change["row"]
    return rows
