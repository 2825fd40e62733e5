"""`coapp-server prune` removes what accounts leave behind once it has expired (coserver.retention):
tokens, sessions, confirmation codes, rate-limit windows and accounts never confirmed, each kept
until its own expiry and gone after it, while everything still in use keeps working."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select

from coserver.models import (
    AccessToken,
    AccountRow,
    AuthSession,
    EmailConfirmation,
    RateLimitBucket,
    RefreshToken,
)
from coserver.retention import prune
from coserver.settings import Settings
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import add_contract, database

TABLES = {
    "access_tokens": AccessToken,
    "refresh_tokens": RefreshToken,
    "sessions": AuthSession,
    "confirmation_codes": EmailConfirmation,
    "rate_limit_windows": RateLimitBucket,
    "accounts": AccountRow,
}


def _counts(server: LiveServer) -> dict[str, int]:
    with database(server) as session:
        return {
            name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in TABLES.items()
        }


def _prune(server: LiveServer) -> dict[str, Any]:
    """Prune at the server's (fake) clock; the counts reported, checked against the tables."""
    before = _counts(server)
    with database(server) as session:
        pruned = prune(session, server.clock())
    after = _counts(server)
    reported = asdict(pruned)
    for name in TABLES:
        key = "unconfirmed_accounts" if name == "accounts" else name
        assert before[name] - after[name] == reported[key], (name, before, after, reported)
    return reported


def _nothing(pruned: dict[str, Any]) -> bool:
    return not any(pruned.values())


def test_prune_removes_each_kind_after_its_expiry_and_nothing_before(
    start_server: Callable[..., LiveServer],
) -> None:
    server = start_server()
    settings: Settings = server.settings
    anna = server.signed_in("anna@example.com")
    refreshed = server.post("/v1/auth/refresh", {"refresh_token": anna["refresh_token"]}).json()
    carl = server.signed_in("carl@example.com")
    assert server.post("/v1/auth/sign-out", {"refresh_token": carl["refresh_token"]}).status_code == 204
    assert server.register("bertil@example.com").status_code == 201  # never confirmed
    assert server.register("dora@example.com").status_code == 201  # never confirmed, but has a contract
    with database(server) as session:
        dora = session.execute(
            select(AccountRow.id).where(AccountRow.email_key == "dora@example.com")
        ).scalar_one()
    add_contract(server, dora)
    assert server.sign_in("anna@example.com", "wrong password!!").status_code == 401

    # Nothing has expired yet.
    assert _nothing(_prune(server))
    assert server.get("/v1/me", refreshed["access_token"]).status_code == 200

    # Access tokens live 15 minutes: Anna's two and Carl's are gone; her refresh token still works.
    server.clock.advance(seconds=settings.access_token_lifetime.total_seconds() + 1)
    pruned = _prune(server)
    assert pruned["access_tokens"] == 3
    assert pruned["refresh_tokens"] == pruned["sessions"] == 0
    again = server.post("/v1/auth/refresh", {"refresh_token": refreshed["refresh_token"]})
    assert again.status_code == 200
    latest = again.json()
    # The used refresh token is kept until it expires: presenting it again still ends the session.
    assert server.get("/v1/me", latest["access_token"]).status_code == 200

    # A day on: Carl's signed-out session goes with its refresh token; the day's rate-limit windows go.
    server.clock.advance(days=1)
    pruned = _prune(server)
    assert pruned["sessions"] == 1
    assert pruned["refresh_tokens"] == 1
    assert pruned["rate_limit_windows"] >= 3  # sign-in per address and per account, registrations
    assert _counts(server)["rate_limit_windows"] == 0

    # Confirmation codes live two days: all four (used or not) go.
    server.clock.advance(days=1)
    pruned = _prune(server)
    assert pruned["confirmation_codes"] == 4
    assert pruned["unconfirmed_accounts"] == 0

    # Seven days after registering, Bertil (unconfirmed, nothing on the platform) goes and his
    # address is free again; Dora, unconfirmed but with a contract, stays.
    server.clock.advance(days=5, minutes=1)
    pruned = _prune(server)
    assert pruned["unconfirmed_accounts"] == 1
    with database(server) as session:
        left = set(session.execute(select(AccountRow.email)).scalars())
    assert left == {"anna@example.com", "carl@example.com", "dora@example.com"}
    assert server.register("bertil@example.com").status_code == 201

    # Refresh tokens live 30 days: Anna's session, with no token left, goes too.
    server.clock.advance(days=30)
    pruned = _prune(server)
    assert pruned["refresh_tokens"] == 3  # the original, the one refreshed and the latest
    assert pruned["sessions"] == 1
    counts = _counts(server)
    assert counts["sessions"] == counts["access_tokens"] == counts["refresh_tokens"] == 0
    # Signing in again works as ever.
    assert server.sign_in("anna@example.com").status_code == 200


def test_an_active_session_is_never_pruned(server: LiveServer) -> None:
    pair = server.signed_in("anna@example.com")
    for _ in range(3):  # a device that refreshes in time keeps its session, however long
        server.clock.advance(days=20)
        with database(server) as session:
            assert prune(session, server.clock()).sessions == 0
        response = server.post("/v1/auth/refresh", {"refresh_token": pair["refresh_token"]})
        assert response.status_code == 200, response.text
        pair = response.json()
    assert server.get("/v1/me", pair["access_token"]).status_code == 200
