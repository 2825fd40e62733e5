"""A freelancer's request to delete their account, and the app version the platform publishes.

The deletion request is recorded with its time, once per account (asking again answers the first
request), and the account is deleted after DELETION_GRACE by the platform's operators, who work from
`due_deletions`; nothing is deleted by the request itself. Until the grace period ends the freelancer
may cancel it: the row is removed (nothing of it is kept: the reason was theirs to give), so the
operators' list no longer holds it and a later request starts a new grace period.
The published version lives in server_meta (one row, JSON).
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, String, Text, Uuid, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from coapp.sync.wire.data_safety import (
    AccountDeletionRequest,
    AccountDeletionState,
    AccountDeletionStatus,
    LatestVersion,
)
from coserver.accounts import Caller
from coserver.context import ServerContext
from coserver.errors import ApiError
from coserver.models import Base, ServerMeta, UtcDateTime

DELETION_GRACE = timedelta(days=30)
LATEST_VERSION_KEY = "latest_app_version"


class DeletionRequestRow(Base):
    __tablename__ = "account_deletion_requests"
    account_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(320))  # as typed: what the freelancer confirmed


def _status(row: DeletionRequestRow) -> AccountDeletionStatus:
    return AccountDeletionStatus(
        requested_at=row.requested_at, delete_after=row.requested_at + DELETION_GRACE
    )


def request_deletion(
    ctx: ServerContext, session: Session, caller: Caller, body: AccountDeletionRequest
) -> tuple[AccountDeletionStatus, bool]:
    """The request's status and whether it is new. The typed address must be the caller's own."""
    account = caller.account
    if body.confirm_email.strip().casefold() != account.email.casefold():
        raise ApiError(
            422,
            "confirmation_mismatch",
            "Type the e-mail address of this account to confirm the deletion request.",
            field="confirm_email",
        )
    row = session.get(DeletionRequestRow, account.id, with_for_update=True)
    if row is not None:
        return _status(row), False
    row = DeletionRequestRow(
        account_id=account.id, requested_at=ctx.now(), reason=body.reason.strip(), email=body.confirm_email
    )
    session.add(row)
    session.flush()
    return _status(row), True


def deletion_state(session: Session, caller: Caller) -> AccountDeletionState:
    row = session.get(DeletionRequestRow, caller.account.id)
    return AccountDeletionState(request=None if row is None else _status(row))


def cancel_deletion(ctx: ServerContext, session: Session, caller: Caller) -> None:
    """Take back the caller's own request while its grace period runs. 404 when there is none (never
    asked, or cancelled already), 409 once the grace period has ended: the operators may be deleting
    the account already, so a cancellation then would promise what may no longer be true."""
    row = session.get(DeletionRequestRow, caller.account.id, with_for_update=True)
    if row is None:
        raise ApiError(404, "no_deletion_request", "This account has no deletion request to cancel.")
    if ctx.now() >= row.requested_at + DELETION_GRACE:
        raise ApiError(
            409,
            "deletion_due",
            "The grace period of this deletion request has ended; it can no longer be cancelled.",
        )
    session.delete(row)
    session.flush()


def due_deletions(session: Session, now: datetime) -> list[uuid.UUID]:
    """The accounts whose grace period has ended, oldest request first: what the operators delete.
    A cancelled request is not among them (cancelling removed it), and from this moment on it can
    no longer be cancelled (cancel_deletion uses the same boundary)."""
    cutoff = now - DELETION_GRACE
    query = (
        select(DeletionRequestRow.account_id)
        .where(DeletionRequestRow.requested_at <= cutoff)
        .order_by(DeletionRequestRow.requested_at, DeletionRequestRow.account_id)
    )
    return list(session.scalars(query))


def latest_version(session: Session) -> LatestVersion:
    row = session.scalar(select(ServerMeta).where(ServerMeta.key == LATEST_VERSION_KEY))
    if row is None:
        return LatestVersion()
    return LatestVersion.model_validate(json.loads(row.value))


def publish_version(ctx: ServerContext, session: Session, version: str) -> LatestVersion:
    published = LatestVersion(version=version, published_at=ctx.now())
    row = session.get(ServerMeta, LATEST_VERSION_KEY, with_for_update=True)
    value = published.model_dump_json()
    if row is None:
        session.add(ServerMeta(key=LATEST_VERSION_KEY, value=value))
    else:
        row.value = value
    return published
