"""Recovering without asking the user "upload or download?" (SYNC.md, pitfalls).

- The server's epoch changed (restored from a backup): it may have lost anything, so every row this
  device owns is queued again as a new op, then the feed is read from the start.
- The cursor expired (older than the tombstones the server keeps) or the summary differs: the feed
  is read from the start; synced rows it no longer mentions were deleted long ago and go here too.
  Rows with local changes waiting are never touched: their push decides.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from coapp.models import Contract, OutboxRecord, SyncSeen, SyncState
from coapp.sync.entities import ENTITIES, all_fields
from coapp.sync.wire import SyncSummary, id_version_digest


def after_epoch_change(s: Session, state: SyncState, epoch: str) -> None:
    queued = {
        (entity, row_id)
        for entity, row_id in s.execute(select(OutboxRecord.entity, OutboxRecord.row_id)).all()
    }
    for entity in ENTITIES.values():
        if entity.pull_only:
            # The platform's own (assignments): nothing to send back. Their versions are of the old
            # epoch, so the feed's copies, read again from the start, must not look older.
            s.execute(update(entity.model).values(server_version=None))
            continue
        for row in s.scalars(select(entity.model).where(entity.model.server_version.is_not(None))):
            if isinstance(row, Contract) and row.origin == "platform":
                continue  # the platform's own: it restores them itself
            if getattr(row, "sender", None) == "agent":
                continue  # the agent's messages are the platform's too: only ours are sent again
            if (entity.name, row.id) in queued:
                continue  # its waiting op carries it already
            deleted = row.deleted_at is not None
            s.add(
                OutboxRecord(
                    entity=entity.name,
                    row_id=row.id,
                    op="delete" if deleted else "upsert",
                    base_version=None,
                    fields={} if deleted else all_fields(row, entity),
                )
            )
            row.dirty = True
            row.server_version = None  # versions of the old epoch mean nothing now
    state.epoch = epoch
    state.cursor = None
    state.pending_key = state.pending_through_seq = None
    state.resync = False


def start_full_pull(s: Session, state: SyncState) -> None:
    state.cursor = None
    state.resync = True
    s.query(SyncSeen).delete()


def drop_unseen(s: Session) -> None:
    """After a full pull: synced rows the server no longer has were deleted long ago."""
    now = datetime.now(UTC)
    s.info["applying_remote"] = True
    try:
        for entity in ENTITIES.values():
            seen = set(s.scalars(select(SyncSeen.row_id).where(SyncSeen.entity == entity.name)))
            rows = s.scalars(
                select(entity.model).where(
                    entity.model.server_version.is_not(None),
                    entity.model.deleted_at.is_(None),
                    entity.model.dirty.is_(False),
                )
            )
            for row in rows:
                if row.id not in seen:
                    row.deleted_at = now
        s.flush()
    finally:
        s.info["applying_remote"] = False


def local_digest(s: Session, entity_name: str) -> tuple[int, str]:
    model = ENTITIES[entity_name].model
    s.flush()  # what session.execute would do first; the query below goes past the ORM
    # Plain rows through the session's connection: after a first sync these are tens of thousands,
    # and the ORM's result handling cost more than the query.
    rows = (
        s.connection()
        .execute(
            select(model.id, model.server_version).where(
                model.deleted_at.is_(None), model.server_version.is_not(None)
            )
        )
        .all()
    )
    return len(rows), id_version_digest((row_id, int(version or 0)) for row_id, version in rows)


def matches(s: Session, summary: SyncSummary) -> bool:
    """Whether every entity both sides keep agrees; entities with refused or waiting changes are
    skipped (they differ on purpose until the user decides)."""
    busy = set(s.scalars(select(OutboxRecord.entity).distinct()))
    for name, theirs in summary.entities.items():
        if name not in ENTITIES or name in busy:
            continue
        count, digest = local_digest(s, name)
        if count != theirs.count or digest != theirs.digest:
            return False
    return True
