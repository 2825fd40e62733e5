"""The server's configuration: one immutable object handed to create_app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` attempts per `window` (fixed window, counted in the database)."""

    limit: int
    window: timedelta


@dataclass(frozen=True)
class Settings:
    db_url: str = "sqlite:///coserver.sqlite3"
    # Exactly one way to send mail: a folder of .eml files (development, tests) or an SMTP server.
    mailbox: Path | None = None
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: str | None = None
    mail_from: str = "coapp platform <no-reply@coapp.invalid>"
    access_token_lifetime: timedelta = timedelta(minutes=15)
    refresh_token_lifetime: timedelta = timedelta(days=30)
    confirmation_lifetime: timedelta = timedelta(days=2)
    sign_in_per_account: RateLimit = RateLimit(10, timedelta(minutes=5))
    sign_in_per_ip: RateLimit = RateLimit(50, timedelta(minutes=5))
    register_per_ip: RateLimit = RateLimit(20, timedelta(hours=1))
    register_per_account: RateLimit = RateLimit(5, timedelta(hours=1))
    # Sync: clients older than this are refused (426); an `Idempotency-Key` whose request died without
    # an answer may be taken over by a retry after the lease.
    min_client_version: str = "0.1.0"
    idempotency_lease: timedelta = timedelta(seconds=60)
    # Test hook: called after a request claimed its idempotency key, before its work starts (lets a
    # test hold the first request "in progress" and send the second).
    after_idempotency_claim: Callable[[], None] | None = None
    # Injectable so tests can expire tokens and rate-limit windows without sleeping.
    clock: Callable[[], datetime] = utc_now
    # argon2-cffi's defaults (RFC 9106 low-memory profile); tests pass a cheaper hasher.
    password_hasher: PasswordHasher = field(default_factory=PasswordHasher)
