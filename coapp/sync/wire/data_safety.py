"""The platform API's bodies for the account deletion request and the published app version.

`POST /v1/account/deletion-request` (the freelancer, own account only): the typed e-mail address
confirms it is meant; asking again answers the first request (idempotent). `GET` on the same path
reads whether one is pending, `DELETE` cancels it during the grace period (404 when there is none,
409 once the grace period has ended). `GET /v1/app/latest-version`
(public): the newest coapp the platform publishes, which the app only mentions (it never downloads);
`POST /v1/app/latest-version` (an admin) publishes one.
"""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import BaseModel, Field, field_validator

from coapp.sync.wire.common import _Body

DELETION_REASON_MAX_LENGTH = 2000
EMAIL_MAX_LENGTH = 320
VERSION_MAX_LENGTH = 32
# "1.2", "1.2.3", "2.0.0rc1", "1.4.0.post2": digits and dots first, then letters, digits and dots.
VERSION_PATTERN = re.compile(r"^\d{1,6}(\.\d{1,6}){0,3}([a-z]{1,5}\d{0,6}|\.post\d{1,6})?$")


class AccountDeletionRequest(_Body):
    """The freelancer asks the platform to delete the account and its data."""

    confirm_email: str = Field(min_length=1, max_length=EMAIL_MAX_LENGTH)
    reason: str = Field(default="", max_length=DELETION_REASON_MAX_LENGTH)


class AccountDeletionStatus(BaseModel):
    """When the request was recorded and when the platform deletes the account."""

    requested_at: datetime
    delete_after: datetime


class AccountDeletionState(BaseModel):
    """The caller's pending deletion request; `request` is null when there is none (never asked, or
    cancelled: cancelling removes the request, so asking again starts a new grace period)."""

    request: AccountDeletionStatus | None = None


class PublishVersionRequest(_Body):
    version: str = Field(min_length=1, max_length=VERSION_MAX_LENGTH)

    @field_validator("version")
    @classmethod
    def _a_version(cls, value: str) -> str:
        if not VERSION_PATTERN.match(value):
            raise ValueError("not a version number such as 1.4.2")
        return value


class LatestVersion(BaseModel):
    """The newest coapp the platform publishes; `version` is null until one is published."""

    version: str | None = None
    published_at: datetime | None = None
