"""Signing in and out, and what the status bar says.

A data folder belongs to one account from its first sign-in on: everything made in it before then
is already in the outbox, so the first sync pushes it and the account adopts it. Signing in to
another account on the same folder is refused (its data would be pushed to the wrong account).
"""

from __future__ import annotations

import contextlib
import platform

from coapp.domain.errors import CoappError
from coapp.models import SyncState
from coapp.store.engine import Store
from coapp.sync.api import PlatformApi, account_key
from coapp.sync.credentials import TokenStore
from coapp.sync.errors import AccountMismatch, InsecureServerError, ServerAddressError
from coapp.sync.sync_status import SyncStatus, read_status
from coapp.sync.transport import RetryPolicy, Transport


def check_server_url(url: str) -> str:
    """https for anything but this machine: tokens and data travel in these requests."""
    from urllib.parse import urlsplit

    text = url.strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ServerAddressError(
            "“{url}” is not a server address; write it like https://platform.example", url=url
        )
    if parts.scheme == "http" and parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise InsecureServerError(
            "use https:// for a server on another machine; only this machine may use http://"
        )
    return text


def make_api(
    server_url: str, email: str, tokens: TokenStore, policy: RetryPolicy | None = None
) -> PlatformApi:
    return PlatformApi(Transport(server_url, policy), tokens, account_key(server_url, email))


def sign_in(
    store: Store,
    server_url: str,
    email: str,
    password: str,
    tokens: TokenStore,
    policy: RetryPolicy | None = None,
) -> SyncState:
    server_url = check_server_url(server_url)
    with store.read() as s:
        current = s.get(SyncState, 1)
    api = make_api(server_url, email, tokens, policy)
    pair = api.sign_in(email, password, device_name=platform.node() or "coapp")
    account_id = str(pair.account.id)
    if current is not None and current.account_id != account_id:
        api.sign_out()
        raise AccountMismatch(
            "This data folder belongs to {email}. Sign in as that account, or "
            "start coapp with another data folder (--data-dir) for this one.",
            email=current.account_email,
        )
    with store.write() as s:
        state = s.get(SyncState, 1)
        if state is None:
            state = SyncState(
                id=1, server_url=server_url, account_id=account_id, account_email=pair.account.email
            )
            s.add(state)
        elif state.server_url != server_url:
            # The same account on another address of the same platform: keep the cursor (epochs
            # tell if it is really another database).
            state.server_url = server_url
        state.account_email = pair.account.email
        state.last_error = None
        s.flush()
        s.expunge(state)
    return state


def current_api(store: Store, tokens: TokenStore, policy: RetryPolicy | None = None) -> PlatformApi | None:
    """The API for this folder's account when it has tokens; None when signed out."""
    with store.read() as s:
        state = s.get(SyncState, 1)
        if state is None:
            return None
        url, email = state.server_url, state.account_email
    api = make_api(url, email, tokens, policy)
    return api if tokens.load(api.account) is not None else None


def sign_out(store: Store, tokens: TokenStore) -> None:
    """End the session (on the server when reachable) and forget the tokens; the data stays."""
    from coapp.sync.errors import OfflineError

    with store.read() as s:
        state = s.get(SyncState, 1)
        if state is None:
            return
        url, email = state.server_url, state.account_email
    api = make_api(url, email, tokens, RetryPolicy(attempts=1, timeout=5))
    # The tokens are forgotten locally either way (api.sign_out's finally).
    with contextlib.suppress(OfflineError, CoappError):
        api.sign_out()


def status(store: Store, tokens: TokenStore) -> SyncStatus:
    return read_status(store, lambda: tokens)
