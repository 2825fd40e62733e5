"""Rate limits, what the database stores (hashed tokens, sequence, epoch) and the OpenAPI document."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi.openapi.models import OpenAPI
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from coserver.db import version_bounds
from coserver.models import AccountRow, ServerMeta
from coserver.settings import RateLimit
from tests.coserver.harness import PASSWORD, LiveServer

MINUTE = timedelta(minutes=1)


def _dump_database(db_url: str) -> str:
    """Every value of every table as one string, to search for secrets."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            rows = [repr(row) for table in tables for row in conn.execute(text(f'SELECT * FROM "{table}"'))]
    finally:
        engine.dispose()
    return "\n".join(rows)


def test_sign_in_rate_limit_counts_failures_per_account(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(sign_in_per_account=RateLimit(3, MINUTE))
    server.signed_in("anna@example.com")  # a success: it does not count
    for _ in range(3):
        assert server.sign_in("anna@example.com", "wrong password!!").status_code == 401
    limited = server.sign_in("ANNA@example.com")  # the account is locked: even the right password
    assert limited.status_code == 429
    assert limited.json()["error"] == "rate_limited"
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    # Other accounts are not limited by Anna's failures.
    assert server.sign_in("bertil@example.com").status_code == 401
    server.clock.advance(seconds=61)
    assert server.sign_in("anna@example.com").status_code == 200


def test_successful_sign_ins_never_lock_an_account(start_server: Callable[..., LiveServer]) -> None:
    """With the production limits (10 per account and 50 per address in 5 minutes): 20 sign-ins in a
    row all succeed, from one address; ten wrong passwords then lock the account."""
    server = start_server(
        sign_in_per_account=RateLimit(10, 5 * MINUTE), sign_in_per_ip=RateLimit(50, 5 * MINUTE)
    )
    server.signed_in("anna@example.com")
    for n in range(20):
        assert server.sign_in("anna@example.com").status_code == 200, n
    for n in range(10):
        assert server.sign_in("anna@example.com", "wrong password!!").status_code == 401, n
    assert server.sign_in("anna@example.com").status_code == 429


def test_a_success_does_not_forgive_earlier_failures(start_server: Callable[..., LiveServer]) -> None:
    """Failures age out with their window only: a guesser does not get a new budget each time the
    owner signs in (Settings documents the choice)."""
    server = start_server(sign_in_per_account=RateLimit(3, MINUTE))
    server.signed_in("anna@example.com")
    for _ in range(2):
        assert server.sign_in("anna@example.com", "wrong password!!").status_code == 401
    assert server.sign_in("anna@example.com").status_code == 200  # two failures so far: allowed
    assert server.sign_in("anna@example.com", "wrong password!!").status_code == 401  # the third
    assert server.sign_in("anna@example.com").status_code == 429


def test_retry_after_counts_down(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(sign_in_per_account=RateLimit(1, MINUTE))
    server.sign_in("anna@example.com")  # no such account: a failure
    server.clock.advance(seconds=45)
    assert server.sign_in("anna@example.com").headers["Retry-After"] == "15"


def test_sign_in_rate_limit_per_ip_counts_failures_across_accounts(
    start_server: Callable[..., LiveServer],
) -> None:
    server = start_server(sign_in_per_ip=RateLimit(3, MINUTE))
    server.signed_in("anna@example.com")
    for _ in range(5):  # successes from this address do not count
        assert server.sign_in("anna@example.com").status_code == 200
    for n in range(3):  # one failure each on three accounts
        assert server.sign_in(f"user{n}@example.com").status_code == 401
    limited = server.sign_in("anna@example.com")  # the address is locked, for every account
    assert limited.status_code == 429
    assert "Retry-After" in limited.headers
    server.clock.advance(seconds=61)
    assert server.sign_in("anna@example.com").status_code == 200


def _change_password(server: LiveServer, token: str, current: str, new: str = "a new secret 2026") -> Any:
    return server.post(
        "/v1/auth/change-password", {"current_password": current, "new_password": new}, token=token
    )


def test_change_password_rate_limit_per_account(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(change_password_per_account=RateLimit(3, MINUTE))
    token = server.signed_in("anna@example.com")["access_token"]
    # Right current passwords do not count (a weak new one is refused after the check).
    for _ in range(5):
        assert _change_password(server, token, PASSWORD, new="short").status_code == 422
    for _ in range(3):
        wrong = _change_password(server, token, "not my password!")
        assert wrong.status_code == 403
        assert wrong.json()["error"] == "wrong_password"
    limited = _change_password(server, token, PASSWORD)  # locked: even the right one
    assert limited.status_code == 429
    assert limited.json()["error"] == "rate_limited"
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    # Bertil, from the same address, is not limited by Anna's failures.
    other = server.signed_in("bertil@example.com")["access_token"]
    assert _change_password(server, other, PASSWORD).status_code == 204
    server.clock.advance(seconds=61)
    token = server.sign_in("anna@example.com").json()["access_token"]
    assert _change_password(server, token, PASSWORD).status_code == 204


def test_change_password_rate_limit_per_ip(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(change_password_per_ip=RateLimit(2, MINUTE))
    tokens = [server.signed_in(f"user{n}@example.com")["access_token"] for n in range(3)]
    assert _change_password(server, tokens[0], "not my password!").status_code == 403
    assert _change_password(server, tokens[1], "not my password!").status_code == 403
    limited = _change_password(server, tokens[2], PASSWORD)
    assert limited.status_code == 429
    assert "Retry-After" in limited.headers


def test_register_rate_limits(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(register_per_ip=RateLimit(2, MINUTE), register_per_account=RateLimit(1, MINUTE))
    assert server.register("a@example.com").status_code == 201
    assert server.register("A@example.com").status_code == 429  # per account, before the 409
    assert server.register("b@example.com").status_code == 429  # third from this address
    server.clock.advance(minutes=2)
    assert server.register("b@example.com").status_code == 201


def test_tokens_are_stored_only_as_sha256(server: LiveServer) -> None:
    server.register("anna@example.com")
    confirmation = server.confirmation_token("anna@example.com")
    server.post("/v1/auth/confirm", {"token": confirmation})
    first = server.sign_in("anna@example.com").json()
    second = server.post("/v1/auth/refresh", {"refresh_token": first["refresh_token"]}).json()
    secrets = [
        confirmation,
        first["access_token"],
        first["refresh_token"],
        second["access_token"],
        second["refresh_token"],
        PASSWORD,
    ]

    dump = _dump_database(server.settings.db_url)
    for secret in secrets:
        assert secret not in dump
    for secret in secrets[:-1]:
        assert hashlib.sha256(secret.encode()).hexdigest() in dump
    assert "$argon2id$" in dump

    url = make_url(server.settings.db_url)
    if url.get_backend_name() == "sqlite":  # the raw files too, write-ahead log included
        files = [Path(f"{url.database}{suffix}") for suffix in ("", "-wal", "-shm")]
        raw = b"".join(p.read_bytes() for p in files if p.exists())
        for secret in secrets:
            assert secret.encode() not in raw


def test_every_write_takes_the_next_sequence_number(server: LiveServer) -> None:
    server.register("anna@example.com")
    server.register("bertil@example.com")
    server.post("/v1/auth/confirm", {"token": server.confirmation_token("anna@example.com")})
    engine = create_engine(server.settings.db_url)
    try:
        with engine.connect() as conn:
            versions = {
                email: version
                for email, version in conn.execute(select(AccountRow.email, AccountRow.version))
            }
            top = version_bounds(Session(conn))[1]  # the counter row, or the PostgreSQL sequence
    finally:
        engine.dispose()
    # Registered as 1 and 2; Anna's confirmation stamped her row again with 3.
    assert versions == {"anna@example.com": 3, "bertil@example.com": 2}
    assert top == 3


def test_epoch_is_random_and_survives_restarts(start_server: Callable[..., LiveServer]) -> None:
    def epoch(server: LiveServer) -> str:
        engine = create_engine(server.settings.db_url)
        try:
            with engine.connect() as conn:
                return conn.execute(
                    select(ServerMeta.value).where(ServerMeta.key == "server_epoch")
                ).scalar_one()
        finally:
            engine.dispose()

    first = start_server()
    value = epoch(first)
    assert len(value) == 32
    second = start_server()  # same database: migrations are a no-op, the epoch stays
    assert epoch(second) == value


EXPECTED_OPERATIONS = {
    ("post", "/v1/auth/register"),
    ("post", "/v1/auth/confirm"),
    ("post", "/v1/auth/sign-in"),
    ("post", "/v1/auth/refresh"),
    ("post", "/v1/auth/sign-out"),
    ("post", "/v1/auth/change-password"),
    ("get", "/v1/me"),
    ("get", "/v1/sync/meta"),
    ("post", "/v1/sync/push"),
    ("get", "/v1/sync/changes"),
    ("get", "/v1/sync/summary"),
    ("get", "/v1/contracts/{contract_id}"),
    ("get", "/v1/time-entries/{entry_id}"),
    ("post", "/v1/invoices/{invoice_id}/confirm"),
    ("post", "/v1/invoices/{invoice_id}/credit"),
    ("get", "/v1/invoices/{invoice_id}"),
    ("get", "/v1/assignments"),
    ("post", "/v1/assignments"),
    ("get", "/v1/assignments/{assignment_id}"),
    ("get", "/v1/profile/text-versions/{row_id}"),
    ("post", "/v1/files/uploads"),
    ("put", "/v1/files/uploads/{upload_id}"),
    ("get", "/v1/files/uploads/{upload_id}"),
    ("get", "/v1/files/{sha256}"),
    ("get", "/v1/applications/{application_id}"),
    *(
        ("post", f"/v1/applications/{{application_id}}/{verb}")
        for verb in ("submit", "withdraw", "propose", "interview", "offer", "contract", "decline")
    ),
    ("get", "/v1/consents"),
    ("get", "/v1/agent"),
    ("post", "/v1/agent/messages"),
    ("put", "/v1/agent/photo"),
    ("delete", "/v1/agent/photo"),
    ("get", "/v1/agent/photo"),
    # Issue 11's contracts.
    ("get", "/v1/contracts"),
    ("get", "/v1/contracts/{contract_id}/detail"),
    *(
        ("post", f"/v1/contracts/{{contract_id}}/{verb}")
        for verb in ("sign", "terms", "milestones", "extend", "end", "terminate", "feedback", "review")
    ),
    ("post", "/v1/contracts/{contract_id}/milestones/{milestone_id}/state"),
    ("get", "/v1/contracts/{contract_id}/feedback"),
    ("get", "/v1/contracts/{contract_id}/reviews"),
    # Issue 13's account deletion and update notice.
    ("post", "/v1/account/deletion-request"),
    ("get", "/v1/account/deletion-request"),
    ("delete", "/v1/account/deletion-request"),
    ("get", "/v1/app/latest-version"),
    ("post", "/v1/app/latest-version"),
}


def test_openapi_lists_every_endpoint_and_validates(server: LiveServer) -> None:
    response = server.get("/openapi.json")
    assert response.status_code == 200
    document = response.json()
    OpenAPI.model_validate(document)  # FastAPI's own model of the OpenAPI 3.1 schema
    operations = {(method, path) for path, item in document["paths"].items() for method in item}
    assert operations == EXPECTED_OPERATIONS
    schemas = document["components"]["schemas"]
    for name in ("RegisterRequest", "SignInRequest", "TokenPair", "Account", "ErrorBody"):
        assert name in schemas
    assert "HTTPValidationError" not in schemas  # our 422 body replaces FastAPI's
    for path, item in document["paths"].items():
        for method, operation in item.items():
            # A GET, or a DELETE without a body or parameters, has nothing to be invalid.
            bare = method == "delete" and "requestBody" not in operation and not operation.get("parameters")
            assert "422" in operation["responses"] or method == "get" or bare, (method, path)
            for status, answer in operation["responses"].items():
                if status.startswith(("4", "5")):
                    ref = answer["content"]["application/json"]["schema"]["$ref"]
                    # InvoiceConflictBody extends ErrorBody with the invoice or number in question,
                    # ContractConflictBody with the contract as it is now.
                    bodies = ("/ErrorBody", "/InvoiceConflictBody", "/ContractConflictBody")
                    assert ref.endswith(bodies), (method, path, status)
    assert "HTTPBearer" in document["components"]["securitySchemes"]
