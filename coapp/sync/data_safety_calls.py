"""The data-safety calls to the platform: asking it to delete the account, reading whether a request
is pending and cancelling it during its grace period (online only, never queued: the platform must
have it, or the user must know it does not), and reading the app version it publishes (the app only
mentions a newer one; it never downloads anything).
"""

from __future__ import annotations

import re
import uuid

from pydantic import ValidationError as PydanticError

from coapp import __version__
from coapp.domain.errors import CoappError, ValidationError
from coapp.sync.api import PlatformApi, parse
from coapp.sync.errors import ApiError, BadServerAnswer, SignInRequired
from coapp.sync.transport import Transport
from coapp.sync.wire import API_PREFIX, CLIENT_VERSION_HEADER
from coapp.sync.wire.data_safety import (
    AccountDeletionRequest,
    AccountDeletionState,
    AccountDeletionStatus,
    LatestVersion,
)

DELETION_PATH = "/account/deletion-request"


class DeletionDue(CoappError):
    """The platform refused the cancellation (409 deletion_due): said in this device's words, so the
    user reads it in their language."""


LATEST_VERSION_PATH = "/app/latest-version"


def request_account_deletion(
    api: PlatformApi | None, confirm_email: str, reason: str = ""
) -> AccountDeletionStatus:
    """Record the request on the platform; asking again answers the first request. SignInRequired
    when signed out, OfflineError when the platform cannot be reached (nothing was sent then)."""
    if api is None:
        raise SignInRequired("sign in to the platform to ask for your account's deletion")
    try:
        body = AccountDeletionRequest(confirm_email=confirm_email.strip(), reason=reason.strip())
    except PydanticError:
        raise ValidationError("type your account's e-mail address to confirm") from None
    response = api.command(DELETION_PATH, body.model_dump(mode="json"), key=str(uuid.uuid4()), if_match=None)
    return parse(AccountDeletionStatus, response)


def account_deletion_state(api: PlatformApi | None) -> AccountDeletionState:
    """Whether the platform holds a deletion request for this account, and when it takes effect.
    Asked each time, never remembered: the request may have been made or cancelled on another device."""
    if api is None:
        raise SignInRequired("sign in to the platform to see your account's deletion request")
    return parse(AccountDeletionState, api.deletion_request(DELETION_PATH))


def cancel_account_deletion(api: PlatformApi | None) -> AccountDeletionState:
    """Take the request back during its grace period; the state afterwards (nothing pending). None
    pending (cancelled already, perhaps by a retry whose first answer was lost) is the same outcome,
    not an error. ApiError deletion_due once the grace period has ended."""
    if api is None:
        raise SignInRequired("sign in to the platform to cancel your account's deletion")
    try:
        api.cancel_deletion_request(DELETION_PATH)
    except ApiError as exc:
        if exc.code == "deletion_due":
            raise DeletionDue(
                "the grace period has ended and the platform is deleting the account: "
                "the request can no longer be cancelled"
            ) from None
        if exc.status != 404 or exc.code != "no_deletion_request":
            raise
    return AccountDeletionState()


def latest_version(transport: Transport) -> LatestVersion:
    """The version the platform publishes (public: no token needed)."""
    response = transport.request(
        "GET", f"{API_PREFIX}{LATEST_VERSION_PATH}", headers={CLIENT_VERSION_HEADER: __version__}
    )
    if response.status_code >= 400:
        raise BadServerAnswer(
            "the platform answered {status} when asked for the newest version", status=response.status_code
        )
    return parse(LatestVersion, response)


_PARTS = re.compile(r"^(\d+(?:\.\d+)*)(.*)$")


def version_key(text: str) -> tuple[tuple[int, ...], int, str]:
    """A sortable key for "1.4.2", "2.0.0rc1", "1.4.0.post2": numbers compared as numbers (trailing
    zeros ignored), a pre-release before its release, a post-release after it."""
    match = _PARTS.match(text.strip())
    if match is None:
        return ((), 0, text)
    numbers = tuple(int(n) for n in match.group(1).split("."))
    while numbers and numbers[-1] == 0:
        numbers = numbers[:-1]
    rest = match.group(2)
    if not rest:
        return (numbers, 1, "")
    if rest.startswith(".post"):
        return (numbers, 2, rest)
    return (numbers, 0, rest)  # a, b, rc, dev: before the release


def is_newer(published: str | None, running: str = __version__) -> bool:
    """True when the platform publishes a version newer than the one running."""
    if not published:
        return False
    return version_key(published) > version_key(running)
