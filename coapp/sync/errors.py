"""Every expected failure of talking to the platform, in one place: what the GUI and the CLI catch.

All are CoappError (coapp.domain.errors): expected problems with a message a person can act on.
"""

from __future__ import annotations

from typing import Any

from coapp.domain.errors import CoappError


class OfflineError(CoappError):
    """The server could not be reached (or kept failing); local work goes on and syncs later."""


class RateLimitedError(OfflineError):
    """The server asked to wait (429 with Retry-After) longer than is worth sleeping through, or during
    a call a person waits for; ``retry_after`` is in seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(
            f"the platform asks to wait {retry_after:.0f} s before the next attempt (rate limited); "
            "your changes are kept and will sync later"
        )
        self.retry_after = retry_after


class ApiError(CoappError):
    """The server answered with a refusal; ``code`` is its stable machine-readable reason."""

    def __init__(self, status: int, code: str, message: str, body: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.body = body or {}


SIGNED_OUT = "signed_out"  # no tokens on this machine: never signed in, or signed out on purpose


class SignInRequired(ApiError):
    """No tokens (code ``signed_out``), or the server no longer accepts them: the user signs in
    (again); nothing is lost."""

    def __init__(
        self,
        status: int = 401,
        code: str = SIGNED_OUT,
        message: str = "Sign in to sync.",
        body: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(status, code, message, body)

    @property
    def never_signed_in(self) -> bool:
        return self.code == SIGNED_OUT


class BadServerAnswer(CoappError):
    """The server's answer did not match the protocol (a proxy's error page, a truncated body)."""


class AccountMismatch(CoappError):
    """This data folder already belongs to another account."""
