"""Where the platform's tokens live: the OS keyring, or (where none exists) memory for the session.

Never a file: when no keyring backend is available (headless Linux without Secret Service), the
tokens are kept in memory until the app closes and ``warning`` says so, so the user knows they will
sign in again next time. keyring's own ``PYTHON_KEYRING_BACKEND`` setting is honoured (keyring reads
it), so scripts and tests can name a backend explicitly.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from typing import Protocol

SERVICE = "coapp"


@dataclass(frozen=True)
class Tokens:
    access: str
    refresh: str


class TokenStore(Protocol):
    warning: str | None

    def load(self, account: str) -> Tokens | None: ...

    def save(self, account: str, tokens: Tokens) -> None: ...

    def forget(self, account: str) -> None: ...


class MemoryTokenStore:
    """For the session only (no keyring on this system)."""

    def __init__(self, warning: str | None = None) -> None:
        self.warning = warning
        self._tokens: dict[str, Tokens] = {}

    def load(self, account: str) -> Tokens | None:
        return self._tokens.get(account)

    def save(self, account: str, tokens: Tokens) -> None:
        self._tokens[account] = tokens

    def forget(self, account: str) -> None:
        self._tokens.pop(account, None)


class KeyringTokenStore:
    warning: str | None = None

    def __init__(self, backend: object) -> None:
        self._backend = backend

    def load(self, account: str) -> Tokens | None:
        raw = self._backend.get_password(SERVICE, account)  # type: ignore[attr-defined]
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return Tokens(access=str(data["access"]), refresh=str(data["refresh"]))
        except (ValueError, KeyError, TypeError):
            return None  # an entry from another version: sign in again rather than crash

    def save(self, account: str, tokens: Tokens) -> None:
        payload = json.dumps({"access": tokens.access, "refresh": tokens.refresh})
        self._backend.set_password(SERVICE, account, payload)  # type: ignore[attr-defined]

    def forget(self, account: str) -> None:
        import keyring.errors

        # Nothing stored means already signed out.
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._backend.delete_password(SERVICE, account)  # type: ignore[attr-defined]


NO_KEYRING_WARNING = (
    "No keyring is available on this system, so you stay signed in only until coapp closes. "
    "Install a Secret Service (e.g. GNOME Keyring or KWallet) to stay signed in."
)


def open_token_store() -> TokenStore:
    """The OS keyring when one works, else memory with a warning (never a plaintext file)."""
    import keyring
    from keyring.backends import chainer, fail, null

    backend = keyring.get_keyring()
    usable = not isinstance(backend, fail.Keyring | null.Keyring)
    if isinstance(backend, chainer.ChainerBackend):
        usable = bool(backend.backends)
    if not usable or getattr(backend, "priority", 1) <= 0:
        return MemoryTokenStore(NO_KEYRING_WARNING)
    return KeyringTokenStore(backend)
