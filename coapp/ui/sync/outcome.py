"""What an account call or a sync round answers, and the status read, without the sync engine.

Light (no requests, pydantic or keyring): the runner reads the status right after start-up, and
a device that has never signed in should not load the sync engine for it (coapp.sync.sync_status).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coapp.store.engine import Store
from coapp.sync.sync_status import SyncStatus, read_status

if TYPE_CHECKING:
    from coapp.sync.credentials import TokenStore


@dataclass(frozen=True)
class Problem:
    """An expected failure, for the user. ``field`` is where the dialog shows it."""

    kind: str  # bad_address, not_https, offline, rate_limited, wrong_password, not_confirmed,
    # weak_password, email_taken, invalid_email, bad_code, account_mismatch, bad_server, too_old,
    # not_signed_in, signed_out (the platform ended the session), refused
    field: str  # server, email, password, code or form
    detail: str = ""  # the server's own words (the weak password's reasons, an unknown refusal)
    wait_seconds: int | None = None  # rate_limited
    email: str | None = None  # account_mismatch: the account this data folder belongs to


@dataclass(frozen=True)
class Outcome:
    """The answer of one account call or sync round, with the status right after it."""

    status: SyncStatus
    problem: Problem | None = None
    pulled: int = 0
    pushed: int = 0
    refused: int = 0
    clock_skew_seconds: int = 0
    clock_warning: bool = False
    token_warning: str | None = None  # tokens in memory only: said once after sign-in
    email: str | None = None  # register: the address the code was sent to


def status(store: Store, tokens: Callable[[], TokenStore]) -> Outcome:
    """On a worker: the status (the keyring opened only for an account's tokens)."""
    return Outcome(read_status(store, tokens))
