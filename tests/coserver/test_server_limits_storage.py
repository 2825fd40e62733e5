"""Rate limits, what the database stores (hashed tokens, sequence, epoch) and the OpenAPI document."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from fastapi.openapi.models import OpenAPI
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from coserver.models import AccountRow, ServerMeta, ServerSequence
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


def test_sign_in_rate_limit_per_account(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(sign_in_per_account=RateLimit(3, MINUTE))
    server.signed_in("anna@example.com")  # the first of the three attempts
    for _ in range(2):
        assert server.sign_in("anna@example.com", "wrong password!!").status_code == 401
    limited = server.sign_in("ANNA@example.com")  # even the right password, in any case
    assert limited.status_code == 429
    assert limited.json()["error"] == "rate_limited"
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    # Other accounts are not limited by Anna's attempts.
    assert server.sign_in("bertil@example.com").status_code == 401
    server.clock.advance(seconds=61)
    assert server.sign_in("anna@example.com").status_code == 200


def test_retry_after_counts_down(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(sign_in_per_account=RateLimit(1, MINUTE))
    server.sign_in("anna@example.com")
    server.clock.advance(seconds=45)
    assert server.sign_in("anna@example.com").headers["Retry-After"] == "15"


def test_sign_in_rate_limit_per_ip(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(sign_in_per_ip=RateLimit(3, MINUTE))
    for n in range(3):
        assert server.sign_in(f"user{n}@example.com").status_code == 401
    limited = server.sign_in("user9@example.com")
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
            top = conn.execute(select(ServerSequence.value)).scalar_one()
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
            assert "422" in operation["responses"] or method == "get", (method, path)
            for status, answer in operation["responses"].items():
                if status.startswith(("4", "5")):
                    ref = answer["content"]["application/json"]["schema"]["$ref"]
                    # InvoiceConflictBody extends ErrorBody with the invoice or number in question.
                    assert ref.endswith(("/ErrorBody", "/InvoiceConflictBody")), (method, path, status)
    assert "HTTPBearer" in document["components"]["securitySchemes"]
