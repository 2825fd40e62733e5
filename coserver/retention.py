"""Pruning what the protocol keeps only for a while: idempotency keys and applied op ids (≥ 90 days)
and time-entry tombstones (≥ 180 days). Pruning tombstones moves the horizon: a change-feed cursor
older than the newest pruned tombstone gets `410 Gone` (it might have missed a deletion)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from coserver.models import AppliedOp, IdempotencyKey, ServerMeta, TimeEntryRow
from coserver.sync import TOMBSTONE_HORIZON_KEY

IDEMPOTENCY_RETENTION = timedelta(days=90)
TOMBSTONE_RETENTION = timedelta(days=180)


@dataclass(frozen=True)
class Pruned:
    idempotency_keys: int
    applied_ops: int
    tombstones: int


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
    old = TimeEntryRow.deleted_at < now - tombstones_for
    newest_pruned = session.execute(select(func.max(TimeEntryRow.version)).where(old)).scalar_one()
    tombstones = 0
    if newest_pruned is not None:
        tombstones = session.execute(delete(TimeEntryRow).where(old)).rowcount
        horizon = session.get(ServerMeta, TOMBSTONE_HORIZON_KEY)
        if horizon is None:
            session.add(ServerMeta(key=TOMBSTONE_HORIZON_KEY, value=str(newest_pruned)))
        else:
            horizon.value = str(max(int(horizon.value), newest_pruned))
    return Pruned(keys, ops, tombstones)
