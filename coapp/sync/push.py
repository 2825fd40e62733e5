"""Pushing the outbox (SYNC.md, the client's round, step 3).

A batch is fixed before it is sent: its idempotency key and the last outbox record it covers are
committed first, so a retry after a crash or a lost answer sends the same key with the same ops and
the server replays its first answer instead of applying anything twice. Consecutive edits of one row
travel as one op (the fields merged), which is what makes a thousand offline keystrokes cheap.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from coapp.models import OutboxRecord, SyncState
from coapp.sync.entities import ENTITIES, LOCAL_ONLY, PUSHED, SyncedEntity, all_fields
from coapp.sync.pull import IN_CHUNK, json_of, merge_row, waiting_fields
from coapp.sync.wire import PUSH_BATCH_MAX, OpKind, OpResult, OpStatus, PushOp, PushResponse

# How many outbox records one batch may look at; they coalesce to at most PUSH_BATCH_MAX ops.
RECORD_WINDOW = 5000
# The bytes of fields one batch may carry, well under the server's push cap (16 MiB): 500 ops of
# profile rows with long texts would pass it (a job's description alone may be 60 kB as sent).
PUSH_BODY_BUDGET = 8 * 1024 * 1024
_OP_OVERHEAD = 300  # an op's ids, kind and base version, as sent


@dataclass
class _Group:
    entity: str
    row_id: str
    op_id: str
    base_version: int | None
    kind: str
    fields: dict[str, Any] = field(default_factory=dict)
    seqs: list[int] = field(default_factory=list)


@dataclass
class Batch:
    key: str
    groups: list[_Group]

    def ops(self) -> list[PushOp]:
        out = []
        for g in self.groups:
            entity = ENTITIES[g.entity]
            fields = {} if g.kind == OpKind.DELETE else entity.pushable(g.fields)
            out.append(
                PushOp(
                    op_id=uuid.UUID(g.op_id),
                    entity=g.entity,
                    row_id=uuid.UUID(g.row_id),
                    op=OpKind(g.kind),
                    base_version=g.base_version,
                    fields=fields,
                )
            )
        return out


def _queued(session: Session, through: int | None = None, limit: int | None = None) -> list[OutboxRecord]:
    query = (
        select(OutboxRecord)
        .where(OutboxRecord.refused_code.is_(None), OutboxRecord.entity.in_(PUSHED))
        .order_by(OutboxRecord.seq)
    )
    if through is not None:
        query = query.where(OutboxRecord.seq <= through)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def _coalesce(records: list[OutboxRecord]) -> list[_Group]:
    groups: dict[tuple[str, str], _Group] = {}
    for r in records:
        key = (r.entity, r.row_id)
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group(r.entity, r.row_id, r.op_id, r.base_version, r.op)
        g.kind = r.op
        g.fields.update(r.fields or {})
        g.seqs.append(r.seq)
    return list(groups.values())


def _sent_size(name: str, value: Any) -> int:
    """At least the bytes a field takes in the body (requests escapes non-ASCII as \\uXXXX, up to
    12 bytes a character); exact for long values, a cheap bound for the short ones of every entry."""
    if isinstance(value, str) and len(value) <= 64:
        return len(name) + 6 + 12 * len(value)
    if isinstance(value, (int, float, bool)) or value is None:
        return len(name) + 26
    return len(name) + 4 + len(json.dumps(value))


def drop_local_only(session: Session) -> None:
    """Outbox records of entities that never travel as rows (see coapp.sync.entities)."""
    session.execute(delete(OutboxRecord).where(OutboxRecord.entity.in_(sorted(LOCAL_ONLY))))


# Entities whose outbox records earlier versions dropped at every push (they were local only): a
# row of theirs that never reached the server and has no record waiting is queued again, whole.
_ONCE_LOCAL_ONLY = ("business_details",)


def _queue_dropped(session: Session) -> None:
    for name in _ONCE_LOCAL_ONLY:
        entity = ENTITIES[name]
        model = entity.model
        waiting = select(OutboxRecord.row_id).where(OutboxRecord.entity == name)
        rows = session.scalars(
            select(model).where(
                model.server_version.is_(None), model.deleted_at.is_(None), model.id.not_in(waiting)
            )
        ).all()
        for row in rows:
            session.add(
                OutboxRecord(
                    entity=name, row_id=row.id, op="upsert", base_version=None, fields=all_fields(row, entity)
                )
            )
            row.dirty = True


def prepare(session: Session, state: SyncState) -> Batch | None:
    """The batch to send now: the one in flight if a round died after fixing it, else a new one."""
    if state.pending_key is not None and state.pending_through_seq is not None:
        records = _queued(session, through=state.pending_through_seq)
        if records:
            return Batch(state.pending_key, _coalesce(records))
        state.pending_key = state.pending_through_seq = None
    _queue_dropped(session)
    window = _queued(session, limit=RECORD_WINDOW)
    if not window:
        return None
    rows: dict[tuple[str, str], dict[str, int]] = {}  # per row, the size of each field as sent
    chosen: list[OutboxRecord] = []
    size = 0
    for r in window:
        sizes = rows.get((r.entity, r.row_id))
        if sizes is None:
            sizes = rows[(r.entity, r.row_id)] = {}
            size += _OP_OVERHEAD
        for name, value in (r.fields or {}).items():
            sent = _sent_size(name, value)
            size += sent - sizes.get(name, 0)  # a later record's value replaces an earlier one's
            sizes[name] = sent
        if len(rows) > PUSH_BATCH_MAX or (chosen and size > PUSH_BODY_BUDGET):
            break
        chosen.append(r)
    state.pending_key = str(uuid.uuid4())
    state.pending_through_seq = chosen[-1].seq
    return Batch(state.pending_key, _coalesce(chosen))


@dataclass
class PushTally:
    applied: int = 0
    refused: int = 0


def apply_results(session: Session, state: SyncState, batch: Batch, response: PushResponse) -> PushTally:
    """Apply the server's answer in the same transaction that clears the batch in flight."""
    results = {str(r.op_id): r for r in response.results}
    tally = PushTally()
    now = datetime.now(UTC)
    settled: list[tuple[_Group, OpResult]] = []
    for group in batch.groups:
        result = results.get(group.op_id)
        if result is None:
            continue  # not answered: the records stay queued for the next batch
        if result.status in (OpStatus.APPLIED, OpStatus.DUPLICATE):
            tally.applied += 1
            settled.append((group, result))
        else:
            tally.refused += 1
            _refuse(session, group, result, now)
    _settle_all(session, settled)
    state.pending_key = state.pending_through_seq = None
    return tally


def _settle_all(session: Session, settled: list[tuple[_Group, OpResult]]) -> None:
    """The accepted ops, in bulk: their records go, and each row takes the server's copy (which may
    hold other devices' newer fields too, so the version we claim matches the values we hold)."""
    seqs = [seq for group, _ in settled for seq in group.seqs]
    for start in range(0, len(seqs), IN_CHUNK):
        session.execute(delete(OutboxRecord).where(OutboxRecord.seq.in_(seqs[start : start + IN_CHUNK])))
    by_entity: dict[str, list[tuple[_Group, OpResult]]] = {}
    for group, result in settled:
        by_entity.setdefault(group.entity, []).append((group, result))
    session.info["applying_remote"] = True
    try:
        with session.no_autoflush:
            for name, pairs in by_entity.items():
                _settle_entity(session, ENTITIES[name], pairs)
        session.flush()
    finally:
        session.info["applying_remote"] = False


def _settle_entity(session: Session, entity: SyncedEntity, pairs: list[tuple[_Group, OpResult]]) -> None:
    ids = [group.row_id for group, _ in pairs]
    rows: dict[str, Any] = {}
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        rows.update(
            {r.id: r for r in session.scalars(select(entity.model).where(entity.model.id.in_(chunk)))}
        )
    waiting = waiting_fields(session, entity.name, ids)
    for group, result in pairs:
        row = rows.get(group.row_id)
        if row is None:
            continue
        if result.version is None:
            # Accepted with nothing stored (a delete of a row the server never had).
            if group.row_id not in waiting:
                row.dirty = False
            continue
        if result.row is not None:
            merge_row(
                session,
                entity,
                row,
                entity.local_values(dict(result.row)),
                result.version,
                waiting.get(group.row_id),
                json_of(result.row),
            )
        row.server_version = max(row.server_version or 0, result.version)
        if group.row_id in waiting:
            # Edits queued while this batch was in flight were made on top of what it carried.
            session.execute(
                update(OutboxRecord)
                .where(OutboxRecord.entity == group.entity, OutboxRecord.row_id == group.row_id)
                .values(base_version=result.version)
            )
        else:
            row.dirty = False


def _refuse(session: Session, group: _Group, result: OpResult, now: datetime) -> None:
    server_row = result.row.model_dump(mode="json") if result.row is not None else None
    session.execute(
        update(OutboxRecord)
        .where(OutboxRecord.seq.in_(group.seqs))
        .values(
            refused_code=result.code or result.status.value,
            refused_message=result.message or "The platform refused this change.",
            refused_at=now,
            server_row=server_row,
        )
    )
