"""Pruning what the protocol keeps only for a while: idempotency keys and applied op ids (≥ 90 days),
time-entry and profile-row tombstones (≥ 180 days), and file uploads left unfinished for a week (the
client starts those again from the beginning). Pruning tombstones moves the horizon: a change-feed cursor
older than the newest pruned tombstone gets `410 Gone` (it might have missed a deletion).

And what accounts leave behind (coserver.accounts), which nothing reads once it has expired:

- access and refresh tokens past their expiry (a refresh token is kept until then even once used,
  so a reused one still ends its session);
- sessions that hold no token any more, and sessions revoked more than a day ago (a revoked
  session's tokens already answer 401; the day lets a request that is reading it finish);
- e-mail confirmation codes past their expiry (used ones too: until then a repeated confirmation
  succeeds again);
- rate-limit windows that started more than a day ago (every window is at most an hour);
- accounts never confirmed within 7 days of registering, with nothing on the platform, so that an
  address someone else registered can be registered by its owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from coserver.file_models import FileChunkRow, FileUploadRow
from coserver.files import UPLOAD_KEPT
from coserver.models import (
    AccessToken,
    AccountRow,
    AppliedOp,
    AssignmentRow,
    AuthSession,
    ContractRow,
    EmailConfirmation,
    IdempotencyKey,
    InvoiceRow,
    InvoiceSeriesRow,
    ProfileRow,
    RateLimitBucket,
    RefreshToken,
    RunningTimerRow,
    ServerMeta,
    TimeEntryRow,
)
from coserver.sync import TOMBSTONE_HORIZON_KEY

IDEMPOTENCY_RETENTION = timedelta(days=90)
TOMBSTONE_RETENTION = timedelta(days=180)
REVOKED_SESSION_RETENTION = timedelta(days=1)
RATE_LIMIT_RETENTION = timedelta(days=1)  # longer than any RateLimit window in Settings
UNCONFIRMED_ACCOUNT_RETENTION = timedelta(days=7)


@dataclass(frozen=True)
class Pruned:
    idempotency_keys: int
    applied_ops: int
    tombstones: int
    access_tokens: int = 0
    refresh_tokens: int = 0
    sessions: int = 0
    confirmation_codes: int = 0
    rate_limit_windows: int = 0
    unconfirmed_accounts: int = 0
    profile_tombstones: int = 0
    uploads: int = 0


def prune(
    session: Session,
    now: datetime,
    keys_for: timedelta = IDEMPOTENCY_RETENTION,
    tombstones_for: timedelta = TOMBSTONE_RETENTION,
) -> Pruned:
    """Delete what is older than its retention; shorter retentions than the protocol's are refused."""
    if keys_for < IDEMPOTENCY_RETENTION or tombstones_for < TOMBSTONE_RETENTION:
        raise ValueError("idempotency keys are kept ≥ 90 days and tombstones ≥ 180 days (SYNC.md)")
    key_cutoff = now - keys_for
    # A key still running is left alone; answered keys, and claims whose request died (lease over),
    # go after the retention.
    done = or_(IdempotencyKey.status.is_not(None), IdempotencyKey.locked_until < now)
    keys = session.execute(
        delete(IdempotencyKey).where(IdempotencyKey.created_at < key_cutoff, done)
    ).rowcount
    ops = session.execute(delete(AppliedOp).where(AppliedOp.created_at < key_cutoff)).rowcount
    cutoff = now - tombstones_for
    # Both tables' tombstones move the one horizon: a cursor older than any pruned deletion is 410.
    tombstones, newest_entry = _prune_tombstones(session, TimeEntryRow, cutoff)
    profile_tombstones, newest_profile = _prune_tombstones(session, ProfileRow, cutoff)
    newest_pruned = max((v for v in (newest_entry, newest_profile) if v is not None), default=None)
    if newest_pruned is not None:
        horizon = session.get(ServerMeta, TOMBSTONE_HORIZON_KEY)
        if horizon is None:
            session.add(ServerMeta(key=TOMBSTONE_HORIZON_KEY, value=str(newest_pruned)))
        else:
            horizon.value = str(max(int(horizon.value), newest_pruned))
    accounts = prune_accounts(session, now)
    uploads = _prune_uploads(session, now)
    return Pruned(keys, ops, tombstones, *accounts, profile_tombstones=profile_tombstones, uploads=uploads)


def _prune_tombstones(session: Session, table: Any, cutoff: datetime) -> tuple[int, int | None]:
    """Delete the table's rows tombstoned before the cutoff: how many, and the newest version."""
    old = table.deleted_at < cutoff
    newest = session.execute(select(func.max(table.version)).where(old)).scalar_one()
    if newest is None:
        return 0, None
    return session.execute(delete(table).where(old)).rowcount, int(newest)


def _prune_uploads(session: Session, now: datetime) -> int:
    """Uploads untouched for longer than the files keep them (coserver.files.UPLOAD_KEPT), chunks
    first: a client that comes back starts such an upload again."""
    stale = list(
        session.execute(
            select(FileUploadRow.id).where(FileUploadRow.updated_at < now - UPLOAD_KEPT)
        ).scalars()
    )
    pruned = 0
    for start in range(0, len(stale), 500):
        chunk = stale[start : start + 500]
        session.execute(delete(FileChunkRow).where(FileChunkRow.upload_id.in_(chunk)))
        pruned += session.execute(delete(FileUploadRow).where(FileUploadRow.id.in_(chunk))).rowcount
    return pruned


def prune_accounts(session: Session, now: datetime) -> tuple[int, int, int, int, int, int]:
    """Expired tokens, dead sessions, expired codes, old rate-limit windows, stale unconfirmed
    accounts: the counts in that order. Children are deleted explicitly before their parents rather
    than through ON DELETE CASCADE, so the counts are true and nothing depends on SQLite's pragma."""
    access = session.execute(delete(AccessToken).where(AccessToken.expires_at <= now)).rowcount
    refresh = session.execute(delete(RefreshToken).where(RefreshToken.expires_at <= now)).rowcount
    has_access = select(AccessToken.token_hash).where(AccessToken.session_id == AuthSession.id).exists()
    has_refresh = select(RefreshToken.token_hash).where(RefreshToken.session_id == AuthSession.id).exists()
    dead = select(AuthSession.id).where(
        or_(
            AuthSession.revoked_at < now - REVOKED_SESSION_RETENTION,
            ~has_access & ~has_refresh,
        )
    )
    dead_ids = list(session.execute(dead).scalars())
    sessions = 0
    for start in range(0, len(dead_ids), 500):  # bounded IN lists
        chunk = dead_ids[start : start + 500]
        access += session.execute(delete(AccessToken).where(AccessToken.session_id.in_(chunk))).rowcount
        refresh += session.execute(delete(RefreshToken).where(RefreshToken.session_id.in_(chunk))).rowcount
        sessions += session.execute(delete(AuthSession).where(AuthSession.id.in_(chunk))).rowcount
    codes = session.execute(delete(EmailConfirmation).where(EmailConfirmation.expires_at <= now)).rowcount
    windows = session.execute(
        delete(RateLimitBucket).where(RateLimitBucket.window_start < now - RATE_LIMIT_RETENTION)
    ).rowcount
    accounts = _prune_unconfirmed(session, now)
    return access, refresh, sessions, codes, windows, accounts


def _prune_unconfirmed(session: Session, now: datetime) -> int:
    """Unconfirmed accounts past the retention that own nothing. Such an account never signed in;
    the platform may still have given it a contract or an assignment, and then it stays."""
    owns = or_(
        *(
            select(column).where(column == AccountRow.id).exists()
            for column in (
                ContractRow.freelancer_id,
                TimeEntryRow.account_id,
                RunningTimerRow.account_id,
                InvoiceRow.account_id,
                InvoiceSeriesRow.account_id,
                AssignmentRow.agent_id,
                AuthSession.account_id,
            )
        )
    )
    stale = list(
        session.execute(
            select(AccountRow.id).where(
                AccountRow.confirmed_at.is_(None),
                AccountRow.created_at < now - UNCONFIRMED_ACCOUNT_RETENTION,
                ~owns,
            )
        ).scalars()
    )
    pruned = 0
    for start in range(0, len(stale), 500):
        chunk = stale[start : start + 500]
        for table, column in (
            (EmailConfirmation, EmailConfirmation.account_id),
            (IdempotencyKey, IdempotencyKey.account_id),
            (AppliedOp, AppliedOp.account_id),
        ):
            session.execute(delete(table).where(column.in_(chunk)))
        pruned += session.execute(delete(AccountRow).where(AccountRow.id.in_(chunk))).rowcount
    return pruned
