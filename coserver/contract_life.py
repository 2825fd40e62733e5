"""What every issue-11 contract route shares: who may see a contract, its detail as answered, the
terms' snapshots, and the calendar's moves (coapp.domain.contract_states decides each of them).

- A contract is visible to its freelancer, to its client's account (`client_account_id`) and to the
  agent who posted its assignment; to anyone else it does not exist (404), so ids reveal nothing.
- `active` is stored, not computed on read: a signed contract whose start date has come becomes
  active, and an active one whose end date has passed becomes ended, as writes with new versions.
  They are made lazily, before any read or command that depends on them (`settle` for one
  contract, `settle_all` before the change feed), as assignments are closed in
  coserver.assignment_feed: every device then holds the same state offline.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coapp.domain.contract_states import (
    ContractActor,
    ContractState,
    ContractTransitionRefused,
    check_move,
    due_moves,
)
from coapp.sync.wire import (
    Account,
    ContractConflictBody,
    ContractDetail,
    ContractsList,
    MilestoneRecord,
    Role,
)
from coserver.context import ServerContext
from coserver.contract_models import ContractTermsRow, MilestoneRow
from coserver.contracts import contract_record
from coserver.db import lock_accounts, next_version, transaction
from coserver.errors import ApiError
from coserver.models import AssignmentRow, ContractRow

C = ContractState
# The terms a signature covers: each change of one of them (or of the milestones) is a new version.
TERMS = (
    "title",
    "scope",
    "client_name",
    "client_account_id",
    "start_date",
    "end_date",
    "fee_model",
    "rate_minor",
    "currency",
    "minutes_per_day",
    "rounding_rule",
    "payment_terms_days",
    "commission_bp",
)
SETTLE_BATCH = 500


def not_found() -> ApiError:
    return ApiError(404, "not_found", "No such contract.")


def refused(reason: str, code: str = "transition_refused") -> ApiError:
    return ApiError(409, code, f"{reason[:1].upper()}{reason[1:]}.")


def refusal(exc: ContractTransitionRefused | Exception, code: str = "transition_refused") -> ApiError:
    return refused(str(exc), code)


# --- records ------------------------------------------------------------------------------------------


def milestone_record(row: MilestoneRow) -> MilestoneRecord:
    return MilestoneRecord.model_validate(row, from_attributes=True)


def milestones_of(session: Session, contract_id: uuid.UUID) -> list[MilestoneRow]:
    return list(
        session.execute(
            select(MilestoneRow)
            .where(MilestoneRow.contract_id == contract_id, MilestoneRow.deleted_at.is_(None))
            .order_by(MilestoneRow.due_date, MilestoneRow.id)
        ).scalars()
    )


def contract_detail(session: Session, row: ContractRow) -> ContractDetail:
    return ContractDetail(
        contract=contract_record(row),
        milestones=[milestone_record(m) for m in milestones_of(session, row.id)],
    )


def conflict_answer(session: Session, row: ContractRow, status: int, code: str, message: str) -> Any:
    """A refusal that carries the contract as it is now (a stale signature shows the new terms)."""
    body = ContractConflictBody(error=code, message=message, current=contract_detail(session, row))
    return status, body


# --- who sees what ------------------------------------------------------------------------------------


def party_role(session: Session, caller: Account, row: ContractRow) -> Role | None:
    """The caller's part in the contract (freelancer, client or agent), or None."""
    if caller.role is Role.FREELANCER and row.freelancer_id == caller.id:
        return Role.FREELANCER
    if caller.role is Role.CLIENT and row.client_account_id == caller.id:
        return Role.CLIENT
    if caller.role is Role.AGENT and row.assignment_id is not None:
        assignment = session.get(AssignmentRow, row.assignment_id)
        if assignment is not None and assignment.agent_id == caller.id:
            return Role.AGENT
    return None


def visible(session: Session, caller: Account, contract_id: uuid.UUID, *roles: Role) -> ContractRow:
    """The live contract if the caller is party to it in one of `roles`; 404 otherwise. (A contract
    the freelancer made in the app has no client account or agent: only its freelancer sees it.)"""
    row = session.get(ContractRow, contract_id)
    if row is None or row.deleted_at is not None:
        raise not_found()
    if party_role(session, caller, row) not in roles:
        raise not_found()
    return row


def lock_contract(session: Session, row: ContractRow) -> None:
    """Make this transaction the contract's only writer until it ends, and reload the row as the
    last writer left it (decisions are made on what is read after this, never before).

    Every row of a contract (the row, its terms, milestones, feedback and reviews) is its
    freelancer's, so the freelancer's account lock (coserver.db.lock_accounts) serializes the
    contract's commands by any party with the freelancer's push and invoice commands, which read
    the contract. The row lock (FOR UPDATE; nothing on SQLite, where BEGIN IMMEDIATE lets one
    writer in) also holds back the writers that take no account lock: the calendar's moves of a
    read (`settle`, `settle_all`). Both are taken in that order everywhere, and no holder of a
    contract's row lock waits for an account lock, so two writers cannot deadlock on them."""
    lock_accounts(session, row.freelancer_id)
    session.refresh(row, with_for_update=True)


def locked(session: Session, caller: Account, contract_id: uuid.UUID, *roles: Role) -> ContractRow:
    """`visible`, for a command: the contract locked (lock_contract) before it is judged."""
    row = visible(session, caller, contract_id, *roles)  # a stranger takes no lock
    lock_contract(session, row)  # its freelancer never changes: the row read unlocked names them
    return visible(session, caller, contract_id, *roles)  # judged again on the row as it is now


def stale_check(row: ContractRow, decided_on: int) -> None:
    if row.version != decided_on:
        raise ApiError(
            412,
            "stale",
            "The contract changed after the version this was decided on; pull the changes and decide again.",
            field="If-Match",
        )


# --- moves and the calendar ---------------------------------------------------------------------------


def move(
    session: Session,
    row: ContractRow,
    target: ContractState,
    actor: ContractActor,
    now: datetime,
    reason: str = "",
    ended_on: date | None = None,
) -> None:
    """Move the contract (checked by the domain's rules; a refusal is 409 with the reason)."""
    try:
        check_move(ContractState(row.state), target, actor)
    except ContractTransitionRefused as exc:
        raise refusal(exc) from None
    row.state = target.value
    row.state_changed_at = now
    row.state_reason = reason
    if target.final:
        row.ended_on = ended_on or now.date()
    row.version = next_version(session)
    session.flush()


def settle(session: Session, row: ContractRow, now: datetime) -> None:
    """Make the calendar's due moves of one contract (none, usually: no write then). A contract the
    freelancer made in the app has no life on the platform: it stays as the freelancer keeps it."""
    if row.origin != "platform":
        return
    if not due_moves(ContractState(row.state), row.start_date, row.end_date, now.date()):
        return
    # A read that settles takes no account lock: the row lock keeps a command's move (or another
    # read's) from being overwritten by this one, which then decides on the row as it is now.
    session.refresh(row, with_for_update=True)
    for target in due_moves(ContractState(row.state), row.start_date, row.end_date, now.date()):
        # An active contract past its end date ended on that date, not on the day it was noticed.
        ended_on = row.end_date if target is C.ENDED else None
        move(session, row, target, ContractActor.PLATFORM, now, ended_on=ended_on)


def _due(today: date) -> Any:
    return (
        select(ContractRow.id)
        .where(
            ContractRow.origin == "platform",
            ContractRow.deleted_at.is_(None),
            or_(
                (ContractRow.state == C.SIGNED.value) & (ContractRow.start_date <= today),
                (ContractRow.state == C.ACTIVE.value) & (ContractRow.end_date < today),
            ),
        )
        .limit(SETTLE_BATCH)
    )


def settle_all(ctx: ServerContext) -> None:
    """Before the feed: every contract's due moves, each a write with a new version."""
    now = ctx.now()
    with ctx.sessions() as session:
        if session.execute(_due(now.date())).first() is None:
            return  # the common case: no write
    with transaction(ctx.sessions) as session:
        # Locked in one order (ids), so two feeds settling at once wait instead of deadlocking.
        due = select(ContractRow).where(ContractRow.id.in_(_due(now.date()))).order_by(ContractRow.id)
        for row in session.execute(due.with_for_update()).scalars():
            settle(session, row, now)


# --- terms --------------------------------------------------------------------------------------------


def terms_snapshot(session: Session, row: ContractRow) -> dict[str, Any]:
    terms: dict[str, Any] = {}
    for name in TERMS:
        value = getattr(row, name)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, uuid.UUID):
            value = str(value)
        terms[name] = value
    terms["milestones"] = [
        {
            "id": str(m.id),
            "title": m.title,
            "amount_minor": m.amount_minor,
            "due_date": m.due_date.isoformat(),
        }
        for m in milestones_of(session, row.id)
    ]
    return terms


def record_terms(session: Session, row: ContractRow, now: datetime, by: uuid.UUID | None) -> None:
    """Write the snapshot of the contract's current terms version (once per version)."""
    if session.get(ContractTermsRow, (row.id, row.terms_version)) is None:
        session.add(
            ContractTermsRow(
                contract_id=row.id,
                terms_version=row.terms_version,
                terms=terms_snapshot(session, row),
                made_at=now,
                made_by=by,
            )
        )
        session.flush()


def new_terms_version(session: Session, row: ContractRow, now: datetime, by: uuid.UUID) -> None:
    """The offer's terms changed: a new version (which a signature must name) and its snapshot."""
    row.terms_version += 1
    row.version = next_version(session)
    session.flush()
    record_terms(session, row, now, by)


def list_contracts(ctx: ServerContext, caller: Account) -> ContractsList:
    """`GET /v1/contracts`: the platform contracts the caller is party to, in its role."""
    settle_all(ctx)
    query = select(ContractRow).where(ContractRow.origin == "platform", ContractRow.deleted_at.is_(None))
    if caller.role is Role.FREELANCER:
        query = query.where(ContractRow.freelancer_id == caller.id)
    elif caller.role is Role.CLIENT:
        query = query.where(ContractRow.client_account_id == caller.id)
    else:
        query = query.join(AssignmentRow, AssignmentRow.id == ContractRow.assignment_id).where(
            AssignmentRow.agent_id == caller.id
        )
    with ctx.sessions() as session:
        rows = session.execute(query.order_by(ContractRow.start_date, ContractRow.id)).scalars()
        return ContractsList(contracts=[contract_detail(session, row) for row in rows])
