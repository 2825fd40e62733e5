"""What the sync runner's workers call: the SyncClient, wrapped so every answer is a plain value.

Imported only from worker jobs (never at start-up): it loads requests, pydantic and keyring. Every
expected failure becomes a ``Problem`` (a kind the dialog words in the user's language, plus the
server's own detail); anything else is a bug and is raised.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

import pydantic

from coapp.domain.errors import CoappError
from coapp.store.engine import Store
from coapp.sync.client import SyncClient
from coapp.sync.credentials import TokenStore
from coapp.sync.engine import SyncReport
from coapp.sync.errors import (
    AccountMismatch,
    ApiError,
    BadServerAnswer,
    InsecureServerError,
    OfflineError,
    RateLimitedError,
    ServerAddressError,
    SignInRequired,
)
from coapp.sync.transport import RetryPolicy
from coapp.ui.error_text import translated
from coapp.ui.sync.outcome import Outcome, Problem

# Rounds run in the background: patient retries. Tests replace it with a fast one.
ROUND_POLICY: RetryPolicy | None = None


@dataclass(frozen=True)
class InteractivePolicy(RetryPolicy):
    """For calls a person waits for (sign-in, register): a short timeout, few retries, and no
    sleeping through a Retry-After: the person is told when to try again instead."""

    attempts: int = 3
    base_delay: float = 0.3
    max_delay: float = 2.0
    timeout: float = 15.0

    def delay(self, attempt: int, retry_after: float | None, rng: random.Random) -> float:
        if retry_after is not None:
            raise RateLimitedError(
                "the platform asks to wait {seconds} s before the next attempt (rate limited); "
                "your changes are kept and will sync later",
                retry_after,
            )
        return super().delay(attempt, retry_after, rng)


INTERACTIVE_POLICY: RetryPolicy = InteractivePolicy()


class ClientHolder:
    """The SyncClients of one data folder, made on first use on a worker (opening the keyring can
    take a moment and may talk to D-Bus). They share the context's token store, so a session the
    app already holds (demo mode signs in with memory tokens) is the GUI's session too."""

    def __init__(
        self,
        store: Store,
        tokens: Callable[[], TokenStore],
        after_round: Callable[[SyncReport], object] | None = None,
    ) -> None:
        self.store = store
        self._tokens = tokens
        self._after_round = after_round
        self._lock = threading.Lock()
        self._client: SyncClient | None = None
        self._interactive: SyncClient | None = None

    def client(self) -> SyncClient:
        with self._lock:
            if self._client is None:
                tokens = self._tokens()
                # after_round: invoices the platform numbered in the round get their PDF.
                self._client = SyncClient(
                    self.store, tokens, policy=ROUND_POLICY, after_round=self._after_round
                )
                self._interactive = SyncClient(self.store, tokens, policy=INTERACTIVE_POLICY)
            return self._client

    def interactive(self) -> SyncClient:
        self.client()
        assert self._interactive is not None
        return self._interactive

    @property
    def ready(self) -> SyncClient | None:
        """The client when it has been made (for GUI-thread calls that touch only the database)."""
        return self._client


# --- calls (run on a worker) ----------------------------------------------------------------------


def run_round(holder: ClientHolder) -> Outcome:
    client = holder.client()
    try:
        report = client.run()
    except Exception as exc:
        problem = classify(exc, client)
        if problem is None:
            raise
        return Outcome(client.status(), problem)
    return Outcome(
        client.status(),
        pulled=report.pulled,
        pushed=report.pushed,
        refused=report.refused,
        clock_skew_seconds=report.clock_skew_seconds,
        clock_warning=report.clock_warning,
    )


def sign_in(holder: ClientHolder, server_url: str, email: str, password: str) -> Outcome:
    client = holder.interactive()
    try:
        client.sign_in(server_url, email, password)
    except Exception as exc:
        return _failed(exc, client)
    return Outcome(client.status(), token_warning=client.keyring_warning)


def register(holder: ClientHolder, server_url: str, email: str, password: str) -> Outcome:
    client = holder.interactive()
    try:
        account = client.register(server_url, email, password)
    except Exception as exc:
        return _failed(exc, client)
    return Outcome(client.status(), email=account.email)


def confirm_and_sign_in(
    holder: ClientHolder, server_url: str, code: str, email: str, password: str
) -> Outcome:
    client = holder.interactive()
    try:
        client.confirm(server_url, code)
    except Exception as exc:
        problem = classify(exc, client)
        if problem is None:
            raise
        if problem.kind == "refused" and isinstance(exc, ApiError) and exc.code == "invalid_token":
            problem = Problem("bad_code", "code", translated(exc))
        return Outcome(client.status(), problem)
    return sign_in(holder, server_url, email, password)


def sign_out(holder: ClientHolder) -> Outcome:
    client = holder.client()
    client.sign_out()  # forgets the tokens even when the server cannot be reached
    return Outcome(client.status())


def _failed(exc: Exception, client: SyncClient) -> Outcome:
    problem = classify(exc, client)
    if problem is None:
        raise exc
    return Outcome(client.status(), problem)


# --- what went wrong, in kinds the dialog can word ------------------------------------------------

_API_CODES = {
    "invalid_credentials": ("wrong_password", "password"),
    "email_not_confirmed": ("not_confirmed", "email"),
    "weak_password": ("weak_password", "password"),
    "email_taken": ("email_taken", "email"),
    "invalid_token": ("bad_code", "code"),
}


def classify(exc: BaseException, client: SyncClient | None = None) -> Problem | None:
    """The Problem for an expected failure; None for a bug."""
    if isinstance(exc, RateLimitedError):  # a call a person waits for, or a wait too long to sleep through
        return Problem("rate_limited", "form", wait_seconds=max(1, round(exc.retry_after)))
    if isinstance(exc, OfflineError):
        return Problem("offline", "form", translated(exc))
    if isinstance(exc, AccountMismatch):
        email = client.status().account_email if client is not None else None
        return Problem("account_mismatch", "form", translated(exc), email=email)
    if isinstance(exc, SignInRequired) and exc.never_signed_in:
        # No tokens here (signed out on purpose, or never signed in): not a session that ended.
        return Problem("not_signed_in", "form", translated(exc))
    if isinstance(exc, ApiError):
        if exc.code in _API_CODES:
            kind, field = _API_CODES[exc.code]
            detail = translated(exc)
            if kind == "weak_password":
                detail = detail.removeprefix("Password too weak: ").rstrip(".")
            return Problem(kind, field, detail)
        if exc.status == 401:
            return Problem("signed_out", "form", translated(exc))
        if exc.status == 426:
            return Problem("too_old", "form", translated(exc))
        if exc.status == 422 and str(exc.body.get("field") or "") == "email":
            return Problem("invalid_email", "email", translated(exc))
        return Problem("refused", "form", translated(exc))
    if isinstance(exc, BadServerAnswer):
        return Problem("bad_server", "server", translated(exc))
    if isinstance(exc, pydantic.ValidationError):
        # The request models check the e-mail address before anything is sent.
        fields = {str(part) for error in exc.errors() for part in error.get("loc", ())}
        return Problem("invalid_email" if "email" in fields else "refused", "email", translated(exc))
    if isinstance(exc, InsecureServerError):
        return Problem("not_https", "server", translated(exc))
    if isinstance(exc, ServerAddressError):
        return Problem("bad_address", "server", translated(exc))
    if isinstance(exc, CoappError):
        return Problem("refused", "form", translated(exc))
    return None
