"""The profile's entities in push (SYNC.md, "who wins": profile and resume).

- Last writer wins per field in server order; the fields whose newer value an op replaced are
  reported as `overwritten`, as for time entries. An op without a base (its device never saw the
  row) does not clear a field back to its default.
- Sets (languages, links, skills) and the rows with a fixed or name-derived id (the profile, the
  business details, resume variants): removing is a tombstone and adding again revives it, so an
  addition is never lost to a concurrent removal.
- List items (experience, education, ...): a delete wins over an edit made before its device saw
  the delete.
- A long text that an op replaces is kept (coserver.profile_texts) so it can be restored.

Every row is the caller's own: the key is (account, entity, id), so the same id in two accounts is
two rows and an op can only ever reach its caller's.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from coapp.sync.wire import (
    LONG_TEXTS,
    PROFILE_RECORDS,
    SET_ENTITIES,
    SINGLETON_IDS,
    OpKind,
    OpResult,
    OpStatus,
    PushOp,
    SyncRecord,
)
from coserver.context import ServerContext
from coserver.db import next_version
from coserver.models import ProfileRow
from coserver.profile_fields import NEW_ROW_DEFAULTS, check_row, new_row_fields, parse_fields, what
from coserver.profile_texts import keep_replaced_text
from coserver.refusals import Refusal, conflict, rejected

# An upsert of a tombstone revives it whatever the op's base: these are keyed by what they are.
_REVIVABLE = SET_ENTITIES | set(SINGLETON_IDS) | {"resume_variant"}


def profile_record(row: ProfileRow) -> SyncRecord:
    record = PROFILE_RECORDS[row.entity]
    return record.model_validate(  # type: ignore[return-value]
        {**row.fields, "id": row.id, "version": row.version, "deleted_at": row.deleted_at}
    )


def find_row(session: Session, account_id: uuid.UUID, entity: str, row_id: uuid.UUID) -> ProfileRow | None:
    return session.get(ProfileRow, (account_id, entity, row_id))


def apply_profile_op(ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp) -> OpResult:
    fixed = SINGLETON_IDS.get(op.entity)
    if fixed is not None and op.row_id != fixed:
        raise rejected("wrong_row_id", f"{what(op.entity)} is one row per account, with the id {fixed}.")
    row = find_row(session, account_id, op.entity, op.row_id)
    if op.op is OpKind.DELETE:
        return _delete(ctx, session, row, op)
    try:
        values = parse_fields(op)
    except Refusal as refusal:
        # With the caller's current row, so that discarding the refused change on the device
        # brings the platform's values back.
        refusal.row = row
        raise
    if row is None:
        return _create(ctx, session, account_id, op, values)
    return _update(ctx, session, account_id, row, op, values)


def _applied(op: PushOp, row: ProfileRow, overwritten: list[str] | None = None) -> OpResult:
    return OpResult(
        op_id=op.op_id,
        status=OpStatus.APPLIED,
        version=row.version,
        overwritten=sorted(overwritten or []),
        row=profile_record(row),
    )


def _create(
    ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp, values: dict[str, object]
) -> OpResult:
    fields = new_row_fields(op, values)
    check_row(op.entity, fields)
    version = next_version(session)
    row = ProfileRow(
        account_id=account_id,
        entity=op.entity,
        id=op.row_id,
        fields=fields,
        field_versions=dict.fromkeys(fields, version),
        version=version,
        created_at=ctx.now(),
    )
    session.add(row)
    session.flush()
    return _applied(op, row)


def _update(
    ctx: ServerContext,
    session: Session,
    account_id: uuid.UUID,
    row: ProfileRow,
    op: PushOp,
    values: dict[str, object],
) -> OpResult:
    base = op.base_version
    if base is not None and base > row.version:
        raise Refusal(
            OpStatus.CONFLICT, "unknown_base_version", "The server has no such version of this row.", row
        )
    revive = row.deleted_at is not None
    if revive and op.entity not in _REVIVABLE and base is not None and base < (row.deleted_version or 0):
        # As for time entries: without a base the device never saw this row (everything sent again
        # after the server was restored), so it is not an edit of what was deleted.
        raise conflict("deleted", f"{what(op.entity)} was deleted on another device.", row)
    changes = {name: value for name, value in values.items() if row.fields.get(name) != value}
    defaults = NEW_ROW_DEFAULTS[op.entity]
    if base is None:
        # The device never saw this row (it made the profile, the skill or the variant on its own, or
        # sends everything again after a restore): its untouched defaults are not decisions, so
        # they do not clear what another device wrote.
        changes = {k: v for k, v in changes.items() if k not in defaults or v != defaults[k]}
    if not changes and not revive:
        return _applied(op, row)
    merged = {**row.fields, **changes}
    check_row(op.entity, merged, row)
    if base is None:
        # Without a base, what counts as overwritten is a value someone wrote (not a default).
        overwritten = [k for k in changes if k not in defaults or row.fields.get(k) != defaults[k]]
    else:
        overwritten = [k for k in changes if row.field_versions.get(k, 0) > base]
    version = next_version(session)
    long_text = LONG_TEXTS.get(op.entity)
    if long_text in changes and row.fields.get(long_text):
        keep_replaced_text(
            session,
            account_id,
            row,
            long_text,
            str(row.fields[long_text]),
            row.field_versions[long_text],
            ctx.now(),
        )
    # New dicts, not changed in place: the JSON columns are saved when they are assigned.
    row.fields = merged
    row.field_versions = {**row.field_versions, **dict.fromkeys(changes, version)}
    if revive:
        row.deleted_at = None
        row.deleted_version = None
    row.version = version
    session.flush()
    return _applied(op, row, overwritten)


def _delete(ctx: ServerContext, session: Session, row: ProfileRow | None, op: PushOp) -> OpResult:
    if row is None:
        # Never reached the server (added and removed offline, or refused): nothing to delete.
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED)
    if row.deleted_at is not None:
        return _applied(op, row)
    version = next_version(session)
    row.deleted_at = ctx.now()
    row.deleted_version = version
    row.version = version
    session.flush()
    return _applied(op, row)
