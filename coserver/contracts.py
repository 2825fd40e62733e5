"""Contracts in push: the platform's are read-only; the freelancer's own are adopted and kept.

A freelancer who used the app before signing in has contracts the platform never saw. Their first
upsert creates the contract on the caller's account with origin 'freelancer'; later upserts change
the given fields (last writer wins per row); a delete tombstones it while no live time entry or timer
needs it. Every field is checked like the client's table constraints, so the two stores agree.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.errors import ValidationError
from coapp.sync.wire import ContractRecord, OpKind, OpResult, OpStatus, PushOp
from coserver.context import ServerContext
from coserver.db import next_version
from coserver.errors import ApiError
from coserver.models import ContractRow, RunningTimerRow, TimeEntryRow
from coserver.refusals import (
    check_known_fields,
    conflict,
    parse_date,
    parse_int,
    parse_text,
    rejected,
)

PLATFORM = "platform"
FREELANCER = "freelancer"
RATE_MINOR_MAX = 2**53  # far above any real rate; keeps the value exact in every JSON reader
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
# Column name → the longest text it holds (the client's and the server's String lengths).
_TEXTS = {
    "title": 200,
    "client_name": 200,
    "client_org_number": 32,
    "client_vat_number": 32,
    "client_address": 200,
    "client_postcode": 16,
    "client_city": 100,
}
_REQUIRED = ("title", "client_name", "fee_model", "rate_minor", "currency", "commission_bp", "start_date")
_DEFAULTS: dict[str, Any] = {
    "end_date": None,
    "minutes_per_day": 480,
    "rounding_rule": "none",
    "client_org_number": "",
    "client_vat_number": "",
    "client_address": "",
    "client_postcode": "",
    "client_city": "",
    "client_country": "SE",
}
FIELDS = {*_REQUIRED, *_DEFAULTS}  # the columns the client pushes (coapp.sync.entities)


def contract_record(row: ContractRow) -> ContractRecord:
    return ContractRecord.model_validate(row, from_attributes=True)


def own_contract(session: Session, account_id: uuid.UUID, contract_id: uuid.UUID) -> ContractRow:
    """The caller's live contract, or a refusal that reveals nothing about anyone else's."""
    contract = session.get(ContractRow, contract_id)
    if contract is None or contract.freelancer_id != account_id or contract.deleted_at is not None:
        raise rejected("unknown_contract", "No such contract on this account.")
    if contract.offered_at is not None and contract.signed_at is None:
        # An offer (issue 11) is not in force: time is reported on a contract once it is signed.
        raise rejected("contract_not_signed", "This contract is an offer not signed; sign it first.")
    return contract


def get_contract(ctx: ServerContext, account_id: uuid.UUID, contract_id: uuid.UUID) -> ContractRecord:
    with ctx.sessions() as session:
        row = session.get(ContractRow, contract_id)
        if row is None or row.freelancer_id != account_id:
            raise ApiError(404, "not_found", "No such contract on this account.")
        return contract_record(row)


def _parse_value(raw: dict[str, Any], name: str) -> Any:
    if raw[name] is None and name in _DEFAULTS:
        # A client's outbox captures a new row before its column defaults apply: null means default.
        return _DEFAULTS[name]
    if name in _TEXTS:
        return parse_text(raw, name, _TEXTS[name], none_is_empty=False)
    if name in ("start_date", "end_date"):
        return parse_date(raw, name, nullable=name == "end_date")
    if name == "rate_minor":
        return parse_int(raw, name, 0, RATE_MINOR_MAX)
    if name == "commission_bp":
        return parse_int(raw, name, 0, 10_000)
    if name == "minutes_per_day":
        return parse_int(raw, name, 1, 1440)
    value = raw[name]
    if name == "fee_model":
        if value not in {m.value for m in FeeModel}:
            raise rejected("invalid_field", "fee_model must be hourly, daily or fixed.")
        return value
    if name == "currency":
        if not isinstance(value, str) or not _CURRENCY.match(value):
            raise rejected("invalid_field", "currency must be three upper-case letters (ISO 4217).")
        return value
    if name == "client_country":
        if not isinstance(value, str) or not _COUNTRY.match(value):
            raise rejected("invalid_field", "client_country must be two upper-case letters (ISO 3166).")
        return value
    assert name == "rounding_rule"
    try:
        rule = RoundingRule.parse(value) if isinstance(value, str) and len(value) <= 32 else None
    except ValidationError:
        rule = None
    # Only the canonical spelling, so the two stores hold the same text.
    if rule is None or str(rule) != value:
        raise rejected("invalid_field", "rounding_rule must be none or like up:15:entry / nearest:30:day.")
    return value


def _parse(op: PushOp) -> dict[str, Any]:
    check_known_fields(op, FIELDS | {"deleted_at"}, "A contract")
    return {name: _parse_value(op.fields, name) for name in op.fields if name != "deleted_at"}


def _applied(op: PushOp, row: ContractRow, overwritten: list[str] | None = None) -> OpResult:
    return OpResult(
        op_id=op.op_id,
        status=OpStatus.APPLIED,
        version=row.version,
        overwritten=overwritten or [],
        row=contract_record(row),
    )


def apply_contract(ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp) -> OpResult:
    current = session.get(ContractRow, op.row_id)
    if current is not None and current.origin != FREELANCER:
        raise rejected("read_only", "Contracts made by the platform are changed by the platform only.")
    if current is not None and current.freelancer_id != account_id:
        raise rejected("forbidden", "This row belongs to another account.")
    if op.op is OpKind.DELETE:
        return _delete(ctx, session, current, op)
    values = _parse(op)
    if current is None:
        return _create(session, account_id, op, values)
    return _update(session, current, op, values)


def _create(session: Session, account_id: uuid.UUID, op: PushOp, values: dict[str, Any]) -> OpResult:
    missing = [name for name in _REQUIRED if name not in values]
    if missing:
        raise rejected("missing_field", f"A new contract needs {', '.join(missing)}.")
    terms = {**_DEFAULTS, **values}
    if terms["end_date"] is not None and terms["end_date"] < terms["start_date"]:
        raise rejected("invalid_period", "end_date must not be before start_date.")
    row = ContractRow(
        id=op.row_id, freelancer_id=account_id, origin=FREELANCER, version=next_version(session), **terms
    )
    session.add(row)
    session.flush()
    return _applied(op, row)


def _update(session: Session, row: ContractRow, op: PushOp, values: dict[str, Any]) -> OpResult:
    if op.base_version is not None and op.base_version > row.version:
        raise conflict("unknown_base_version", "The server has no such version of this row.", row)
    if row.deleted_at is not None:
        raise conflict("deleted", "This contract was deleted on another device.", row)
    changes = {name: value for name, value in values.items() if getattr(row, name) != value}
    if not changes:
        return _applied(op, row)
    start = changes.get("start_date", row.start_date)
    end = changes.get("end_date", row.end_date)
    if end is not None and end < start:
        raise rejected("invalid_period", "end_date must not be before start_date.", row)
    outside = session.execute(
        select(TimeEntryRow.work_date)
        .where(
            TimeEntryRow.contract_id == row.id,
            TimeEntryRow.deleted_at.is_(None),
            (TimeEntryRow.work_date < start) | (TimeEntryRow.work_date > (end or date.max)),
        )
        .limit(1)
    ).scalar_one_or_none()
    if outside is not None:
        message = f"Time is reported on {outside.isoformat()}, outside the new period."
        raise rejected("entries_outside_period", message, row)
    # Last writer wins per row, in server order: the answer names what a stale base overwrote.
    overwritten = sorted(changes) if op.base_version is not None and op.base_version < row.version else []
    for name, value in changes.items():
        setattr(row, name, value)
    row.version = next_version(session)
    session.flush()
    return _applied(op, row, overwritten)


def _delete(ctx: ServerContext, session: Session, row: ContractRow | None, op: PushOp) -> OpResult:
    if row is None:
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED)  # never reached the server
    if row.deleted_at is not None:
        return _applied(op, row)
    in_use = (
        session.execute(
            select(TimeEntryRow.id)
            .where(TimeEntryRow.contract_id == row.id, TimeEntryRow.deleted_at.is_(None))
            .limit(1)
        ).first()
        or session.execute(
            select(RunningTimerRow.id)
            .where(RunningTimerRow.contract_id == row.id, RunningTimerRow.deleted_at.is_(None))
            .limit(1)
        ).first()
    )
    if in_use:
        raise rejected("contract_in_use", "Time is reported on this contract; delete that time first.", row)
    row.deleted_at = ctx.now()
    row.version = next_version(session)
    session.flush()
    return _applied(op, row)
