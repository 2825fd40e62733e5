"""Favourites in push (SYNC.md "who wins": a set keyed by assignment; add/remove idempotent).

The row id is derived from the assignment (wire.favourite_row_id), so two devices that star the
same assignment write one row. Removing tombstones it and adding again revives it; an op that
changes nothing (adding a live favourite, removing a removed one) is applied without a new version.
There is nothing to conflict over, so base versions are not compared. The key is (account, id): a
favourite is its owner's alone and no op reaches another account's.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from coapp.sync.wire import (
    FavouriteRecord,
    OpKind,
    OpResult,
    OpStatus,
    PushOp,
    favourite_row_id,
)
from coserver.context import ServerContext
from coserver.db import next_version
from coserver.models import AssignmentRow, FavouriteRow
from coserver.refusals import check_known_fields, rejected


def favourite_record(row: FavouriteRow) -> FavouriteRecord:
    return FavouriteRecord(
        id=row.id, assignment_id=row.assignment_id, version=row.version, deleted_at=row.deleted_at
    )


def find_favourite(session: Session, account_id: uuid.UUID, row_id: uuid.UUID) -> FavouriteRow | None:
    return session.get(FavouriteRow, (account_id, row_id))


def _assignment_id(op: PushOp) -> uuid.UUID:
    check_known_fields(op, {"assignment_id"}, "a favourite")
    raw = op.fields.get("assignment_id")
    if not isinstance(raw, str):
        raise rejected("invalid_field", "assignment_id: the id of the assignment (UUID text).")
    try:
        assignment_id = uuid.UUID(raw)
    except ValueError:
        raise rejected("invalid_field", "assignment_id: the id of the assignment (UUID text).") from None
    if op.row_id != favourite_row_id(assignment_id):
        raise rejected(
            "wrong_row_id",
            "A favourite's row id is favourite_row_id(assignment_id), the same on every device.",
        )
    return assignment_id


def apply_favourite(ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp) -> OpResult:
    row = find_favourite(session, account_id, op.row_id)
    now = ctx.now()
    if op.op is OpKind.DELETE:
        if op.fields:
            raise rejected("invalid_field", "Removing a favourite carries no fields.")
        if row is not None and row.deleted_at is None:
            row.deleted_at = now
            row.version = next_version(session)
        return _applied(op, row)
    assignment_id = _assignment_id(op)
    if row is not None and row.deleted_at is None:
        return _applied(op, row)  # already a favourite: nothing changes
    assignment = session.get(AssignmentRow, assignment_id)
    if assignment is None or assignment.deleted_at is not None:
        raise rejected("unknown_assignment", "No such assignment: it may have been withdrawn.")
    if row is None:
        row = FavouriteRow(
            account_id=account_id,
            id=op.row_id,
            assignment_id=assignment_id,
            version=next_version(session),
            created_at=now,
        )
        session.add(row)
    else:
        row.deleted_at = None
        row.version = next_version(session)
    return _applied(op, row)


def _applied(op: PushOp, row: FavouriteRow | None) -> OpResult:
    return OpResult(
        op_id=op.op_id,
        status=OpStatus.APPLIED,
        version=row.version if row is not None else None,
        row=favourite_record(row) if row is not None else None,
    )
