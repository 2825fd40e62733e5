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


KIB = 1024
MIB = 1024 * KIB


@dataclass(frozen=True)
class BodyLimits:
    """Request-body caps in bytes, enforced before a body is read (coserver.limits). Each cap fits the
    largest body the wire schema accepts with every text at its maximum length sent as JSON escapes
    (`requests` sends non-ASCII as \\uXXXX: up to 12 bytes per character for emoji), with headroom:

    - auth: register and sign-in carry an e-mail (≤ 254 characters), a password (≤ 256) and a name or
      device (≤ 200): at most about 9 KB.
    - push: a page of PUSH_BATCH_MAX (500) ops; a time entry with a 2,000-character note is at most
      about 24.5 KB, a contract with every text at its maximum about 11 KB: at most about 12.3 MB.
    - invoice confirm: up to 500 lines of a 1,000-character description and 4,000 characters of notes
      (about 60 KB each at worst), 5,000 entry ids (200 KB) and the frozen parties (≤ 64 KB): at
      most about 30.5 MB. A real invoice is a few KB; the cap follows the schema so that no draft the
      schema accepts is refused for its size.
    - assignment: a 10,000-character description and 30 skills: at most about 150 KB.
    - applications and agent messages: a consent's 2,000-character message, an interview's texts
      (2,000 + 200 + 500 characters), an agent's 2,000-character message, an account deletion
      request's 2,000-character reason: at most about 33 KB.
    - contract commands (issue 11): an offer's terms with a 10,000-character scope, as long as the
      assignment's description it starts from: at most about 125 KB.
    - file chunk: the raw bytes of one chunk of a file upload (coapp.sync.wire.files.FILE_CHUNK_MAX).
    - an agent's photo: the picture as uploaded, up to coserver.agent_photos.UPLOAD_MAX_BYTES.
    - anything else (credit, GETs, unknown paths): a few hundred bytes at most.
    tests/coserver/test_server_body_limits.py builds those largest bodies and checks they fit.
    """

    auth: int = 16 * KIB
    push: int = 16 * MIB
    invoice_confirm: int = 32 * MIB
    assignment: int = 256 * KIB
    file_chunk: int = 1 * MIB
    agent_photo: int = 10 * MIB
    application: int = 64 * KIB
    contract: int = 256 * KIB
    other: int = 16 * KIB
    # JSON shape, checked on the buffered body before it is parsed (coserver.jsonshape): nesting
    # depth, and how many containers and values a body may hold. The largest legitimate bodies nest
    # 5 deep and hold about 12,000 values (a full invoice or push page).
    max_depth: int = 32
    max_containers: int = 20_000
    max_values: int = 200_000


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
    # Sign-in and change-password count failed attempts only (a wrong password, an unknown e-mail
    # address): a success gives its attempt back (coserver.ratelimit.Ticket.refund), so signing in
    # often never locks anyone out. A success does not forgive earlier failures: they age out with
    # their window, so an attacker's guesses interleaved with the owner's sign-ins get no new budget.
    sign_in_per_account: RateLimit = RateLimit(10, timedelta(minutes=5))
    sign_in_per_ip: RateLimit = RateLimit(50, timedelta(minutes=5))
    change_password_per_account: RateLimit = RateLimit(10, timedelta(minutes=5))
    change_password_per_ip: RateLimit = RateLimit(50, timedelta(minutes=5))
    register_per_ip: RateLimit = RateLimit(20, timedelta(hours=1))
    register_per_account: RateLimit = RateLimit(5, timedelta(hours=1))
    # Sync: clients older than this are refused (426); an `Idempotency-Key` whose request died without
    # an answer may be taken over by a retry after the lease.
    min_client_version: str = "0.1.0"
    idempotency_lease: timedelta = timedelta(seconds=60)
    body_limits: BodyLimits = field(default_factory=BodyLimits)
    # Test hook: called after a request claimed its idempotency key, before its work starts (lets a
    # test hold the first request "in progress" and send the second).
    after_idempotency_claim: Callable[[], None] | None = None
    # Injectable so tests can expire tokens and rate-limit windows without sleeping.
    clock: Callable[[], datetime] = utc_now
    # argon2-cffi's defaults (RFC 9106 low-memory profile); tests pass a cheaper hasher.
    password_hasher: PasswordHasher = field(default_factory=PasswordHasher)
