"""Running timers in push: at most one live timer per account.

A timer is a UTC start instant plus the IANA zone its minutes will fall into when it is stopped (the
client turns it into minutes on a work date then; the server never does). Starting a second one while
another is live is a conflict carrying the live one, so the device can show it; the partial unique
index behind it holds even for two server processes racing. Stopping is op=delete: a tombstone,
and like for time entries a delete wins over an edit made before the edit's device saw it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import available_timezones

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coapp.sync.wire import (
    TIMER_MAX_AHEAD_SECONDS,
    ZONE_MAX_LENGTH,
    OpKind,
    OpResult,
    OpStatus,
    PushOp,
    RunningTimerRecord,
)
from coserver.context import ServerContext
from coserver.contracts import own_contract
from coserver.db import next_version
from coserver.models import RunningTimerRow
from coserver.refusals import Refusal, check_known_fields, conflict, parse_uuid, rejected

MAX_AHEAD = timedelta(seconds=TIMER_MAX_AHEAD_SECONDS)
FIELDS = {"contract_id", "started_at", "zone", "deleted_at"}


def timer_record(row: RunningTimerRow) -> RunningTimerRecord:
    return RunningTimerRecord.model_validate(row, from_attributes=True)


@cache
def _zones() -> frozenset[str]:
    # The real IANA names, not whatever ZoneInfo() can open: it would also read the system's
    # "localtime" (a machine setting, not a zone) and "Factory" from the zone directory.
    return frozenset(available_timezones()) - {"localtime", "posixrules", "Factory"}


@dataclass
class _TimerFields:
    contract_id: uuid.UUID | None = None
    started_at: datetime | None = None
    zone: str | None = None


def _parse(ctx: ServerContext, op: PushOp) -> _TimerFields:
    check_known_fields(op, FIELDS, "A running timer")
    raw = op.fields
    out = _TimerFields()
    if "contract_id" in raw:
        out.contract_id = parse_uuid(raw, "contract_id")
    if "started_at" in raw:
        out.started_at = _parse_instant(ctx, raw["started_at"])
    if "zone" in raw:
        zone = raw["zone"]
        if not isinstance(zone, str) or len(zone) > ZONE_MAX_LENGTH or zone not in _zones():
            raise rejected("invalid_zone", "zone must be an IANA time zone name such as Europe/Stockholm.")
        out.zone = zone
    return out


def _parse_instant(ctx: ServerContext, value: object) -> datetime:
    try:
        instant = datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
    except ValueError:
        instant = None
    if instant is None or instant.tzinfo is None or instant.utcoffset() is None:
        raise rejected("invalid_field", "started_at must be an ISO 8601 time with its UTC offset.")
    instant = instant.astimezone(UTC)
    if instant > ctx.now() + MAX_AHEAD:
        raise rejected(
            "started_in_future",
            "started_at is more than 5 minutes ahead of the server's clock; check the device's clock.",
        )
    return instant


def _live_timer(session: Session, account_id: uuid.UUID) -> RunningTimerRow | None:
    return session.execute(
        select(RunningTimerRow).where(
            RunningTimerRow.account_id == account_id, RunningTimerRow.deleted_at.is_(None)
        )
    ).scalar_one_or_none()


def _already_running(row: RunningTimerRow) -> Refusal:
    return conflict("timer_running", "Another timer is already running; stop it first.", row)


def apply_timer(ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp) -> OpResult:
    current = session.get(RunningTimerRow, op.row_id)
    if current is not None and current.account_id != account_id:
        raise rejected("forbidden", "This row belongs to another account.")
    if op.op is OpKind.DELETE:
        return _stop(ctx, session, current, op)
    fields = _parse(ctx, op)
    if current is None:
        return _start(ctx, session, account_id, op, fields)
    return _update(session, account_id, current, op, fields)


def _applied(op: PushOp, row: RunningTimerRow) -> OpResult:
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=row.version, row=timer_record(row))


def _start(
    ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp, f: _TimerFields
) -> OpResult:
    if f.contract_id is None or f.started_at is None or f.zone is None:
        raise rejected("missing_field", "A new timer needs contract_id, started_at and zone.")
    own_contract(session, account_id, f.contract_id)
    live = _live_timer(session, account_id)
    if live is not None:
        raise _already_running(live)
    row = RunningTimerRow(
        id=op.row_id,
        account_id=account_id,
        contract_id=f.contract_id,
        started_at=f.started_at,
        zone=f.zone,
        version=next_version(session),
        created_at=ctx.now(),
    )
    session.add(row)
    _flush_one_live(session, account_id)
    return _applied(op, row)


def _flush_one_live(session: Session, account_id: uuid.UUID) -> None:
    """Flush; if the database's one-live-timer index refuses (another process won the race), answer
    the same conflict as the check above would have."""
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        live = _live_timer(session, account_id)
        if live is None:
            raise
        raise _already_running(live) from None


def _update(
    session: Session, account_id: uuid.UUID, row: RunningTimerRow, op: PushOp, f: _TimerFields
) -> OpResult:
    base = op.base_version
    if base is not None and base > row.version:
        raise conflict("unknown_base_version", "The server has no such version of this row.", row)
    revive = row.deleted_at is not None
    if revive and (base is None or base < (row.deleted_version or 0)):
        raise conflict("stopped", "This timer was stopped on another device.", row)
    changes = {
        name: value
        for name, value in (("contract_id", f.contract_id), ("started_at", f.started_at), ("zone", f.zone))
        if value is not None and value != getattr(row, name)
    }
    if not changes and not revive:
        return _applied(op, row)
    if "contract_id" in changes or revive:
        own_contract(session, account_id, f.contract_id or row.contract_id)
    if revive:
        live = _live_timer(session, account_id)
        if live is not None:
            raise _already_running(live)
        row.deleted_at = None
        row.deleted_version = None
    for name, value in changes.items():
        setattr(row, name, value)
    row.version = next_version(session)
    _flush_one_live(session, account_id)
    return _applied(op, row)


def _stop(ctx: ServerContext, session: Session, row: RunningTimerRow | None, op: PushOp) -> OpResult:
    if row is None:
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED)  # started and stopped offline
    if row.deleted_at is not None:
        return _applied(op, row)
    version = next_version(session)
    row.deleted_at = ctx.now()
    row.deleted_version = version
    row.version = version
    session.flush()
    return _applied(op, row)
