"""Every expected failure of talking to the platform, in one place: what the GUI and the CLI catch.

All are CoappError (coapp.domain.errors): expected problems with a message a person can act on.
"""

from __future__ import annotations

from typing import Any

from coapp.domain.errors import CoappError


class ServerAddressError(CoappError):
    """What was typed as the platform's address is not one (a sign-in form's server field)."""


class InsecureServerError(ServerAddressError):
    """http:// to another machine: tokens and data would travel unencrypted."""


class OfflineError(CoappError):
    """The server could not be reached (or kept failing); local work goes on and syncs later."""


class RateLimitedError(OfflineError):
    """The server asked to wait (429 with Retry-After) longer than is worth sleeping through, or during
    a call a person waits for; ``retry_after`` is in seconds."""

    def __init__(self, message: str, retry_after: float, /) -> None:
        """The raise writes the template, where the catalogue finds it; ``{seconds}`` is
        *retry_after* rounded: ``RateLimitedError("the platform asks to wait {seconds} s ...",
        retry_after)``."""
        super().__init__(message, seconds=f"{retry_after:.0f}")
        self.retry_after = retry_after


class ApiError(CoappError):
    """The server answered with a refusal; ``code`` is its stable machine-readable reason.

    *message* is the platform's own words (its answer's ``message``: not translated here), or
    for the refusals this device words itself, an English template with its *values*
    (coapp.domain.errors); ``message`` is the sentence either way."""

    def __init__(
        self, status: int, code: str, message: str, body: dict[str, Any] | None = None, **values: object
    ) -> None:
        super().__init__(message, **values)
        self.status, self.code, self.message = status, code, str(self)
        self.body = body or {}


SIGNED_OUT = "signed_out"  # no tokens on this machine: never signed in, or signed out on purpose


class SignInRequired(ApiError):
    """No tokens (code ``signed_out``), or the server no longer accepts them: the user signs in
    (again); nothing is lost. The message comes first (a raise writes its template there, where the
    catalogue finds it): ``SignInRequired("Your session has ended; ...", code="session_ended")``."""

    def __init__(
        self,
        message: str = "Sign in to sync.",
        /,
        code: str = SIGNED_OUT,
        status: int = 401,
        body: dict[str, Any] | None = None,
        **values: object,
    ) -> None:
        super().__init__(status, code, message, body, **values)

    @property
    def never_signed_in(self) -> bool:
        return self.code == SIGNED_OUT


class BadServerAnswer(CoappError):
    """The server's answer did not match the protocol (a proxy's error page, a truncated body)."""


class AccountMismatch(CoappError):
    """This data folder already belongs to another account."""
