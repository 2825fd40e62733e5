"""The two data-safety calls to the platform: asking it to delete the account (online only, never
queued: the platform must have it, or the user must know it does not), and reading the app version
it publishes (the app only mentions a newer one; it never downloads anything).
"""

from __future__ import annotations

import re
import uuid

from pydantic import ValidationError as PydanticError

from coapp import __version__
from coapp.domain.errors import ValidationError
from coapp.sync.api import PlatformApi, parse
from coapp.sync.errors import BadServerAnswer, SignInRequired
from coapp.sync.transport import Transport
from coapp.sync.wire import API_PREFIX, CLIENT_VERSION_HEADER
from coapp.sync.wire.data_safety import AccountDeletionRequest, AccountDeletionStatus, LatestVersion

DELETION_PATH = "/account/deletion-request"
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
