"""Contract offers and the agent's commands on a contract (issue 11).

- When the agent moves an application to `offer`, the platform makes the freelancer a contract offer
  (origin 'platform', state 'offered', terms version 1) from the application and its assignment: the
  rate and its unit as consented, the assignment's scope and dates, the platform's commission, 30
  days' payment terms. Its id is wire.offer_contract_id(application id). When the application is
  declined or withdrawn while the offer is open, the offer is terminated with that reason.
- The agent who posted the assignment changes the offer's terms and adds milestones while it is
  offered (each change a new terms version, which a signature must name), extends the end date,
  moves a milestone one step, ends or terminates the contract.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain import milestones as milestone_rules
from coapp.domain.applications import ApplicationState
from coapp.domain.contract_states import (
    ContractActor,
    ContractState,
    ContractTransitionRefused,
    check_extension,
    check_terms_changeable,
    ended_on_for_end,
)
from coapp.domain.contracts import RoundingRule
from coapp.domain.errors import ValidationError
from coapp.domain.money import CURRENCIES
from coapp.sync.wire import (
    Account,
    ContractDetail,
    ContractTermsRequest,
    ContractTextRequest,
    ExtendContractRequest,
    MilestoneRequest,
    MilestoneStateRequest,
    Role,
    offer_contract_id,
)
from coserver.application_models import ApplicationRow
from coserver.context import ServerContext
from coserver.contract_life import (
    contract_detail,
    locked,
    milestones_of,
    move,
    new_terms_version,
    record_terms,
    refusal,
    refused,
    settle,
    stale_check,
)
from coserver.contract_models import MilestoneRow
from coserver.db import lock_accounts, next_version
from coserver.errors import ApiError
from coserver.models import AccountRow, AssignmentRow, ContractRow, TimeEntryRow
from coserver.refusals import encodable

C = ContractState
DEFAULT_COMMISSION_BP = 1500
DEFAULT_PAYMENT_TERMS_DAYS = 30


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid_field", f"{field}: {message}", field=field)


def _text(value: str, field: str, *, one_line: bool) -> str:
    text = value.strip()
    bad = [c for c in text if (ord(c) < 32 and (one_line or c not in "\n\t\r")) or ord(c) == 127]
    if bad or not encodable(text):
        raise _invalid(field, "holds characters that cannot be stored.")
    return text


# --- the offer from the pipeline ------------------------------------------------------------------------


def on_application_move(
    session: Session, application: ApplicationRow, target: ApplicationState, now: datetime
) -> None:
    """coserver.applications calls this with every move: an offer makes a contract offer; a decline
    or withdrawal while the offer is open terminates it."""
    ending = target in (ApplicationState.DECLINED, ApplicationState.WITHDRAWN)
    if target is not ApplicationState.OFFER and not ending:
        return
    # Locked as every contract command (coserver.contract_life.lock_contract), before the contract is
    # read: a termination then never overwrites a signature made at the same moment, and of two
    # offers at once the second finds the first's contract and makes none.
    lock_accounts(session, application.account_id)
    contract_id = offer_contract_id(application.id)
    existing = session.get(ContractRow, contract_id, with_for_update=True, populate_existing=True)
    if target is ApplicationState.OFFER and existing is None:
        _make_offer(session, application, contract_id, now)
    elif ending and existing is not None and existing.state == C.OFFERED.value:
        declined = target is ApplicationState.DECLINED
        reason = "The client declined." if declined else "Application withdrawn."
        move(session, existing, C.TERMINATED, ContractActor.AGENT, now, reason)


def _make_offer(session: Session, application: ApplicationRow, contract_id: uuid.UUID, now: datetime) -> None:
    assignment = session.get_one(AssignmentRow, application.assignment_id)
    start = max(application.available_from, assignment.start_date)
    end = assignment.end_date if assignment.end_date is None or assignment.end_date >= start else None
    row = ContractRow(
        id=contract_id,
        freelancer_id=application.account_id,
        title=assignment.title,
        client_name=assignment.client_name,
        scope=assignment.description,
        fee_model="hourly" if application.rate_per == "hour" else "daily",
        rate_minor=application.rate_minor,
        currency=application.currency,
        commission_bp=DEFAULT_COMMISSION_BP,
        start_date=start,
        end_date=end,
        minutes_per_day=480,
        rounding_rule="none",
        payment_terms_days=DEFAULT_PAYMENT_TERMS_DAYS,
        origin="platform",
        assignment_id=assignment.id,
        application_id=application.id,
        state=C.OFFERED.value,
        terms_version=1,
        offered_at=now,
        state_changed_at=now,
        version=next_version(session),
    )
    session.add(row)
    session.flush()
    record_terms(session, row, now, assignment.agent_id)


# --- the agent's commands -------------------------------------------------------------------------------


def _agent_contract(
    ctx: ServerContext, session: Session, caller: Account, contract_id: uuid.UUID, decided_on: int
) -> ContractRow:
    row = locked(session, caller, contract_id, Role.AGENT)
    settle(session, row, ctx.now())
    stale_check(row, decided_on)
    return row


def _checked_terms(session: Session, row: ContractRow, body: ContractTermsRequest) -> dict[str, Any]:
    given = {name: getattr(body, name) for name in body.model_fields_set}
    for name in (
        "title",
        "client_name",
        "fee_model",
        "rate_minor",
        "currency",
        "start_date",
        "minutes_per_day",
    ):
        if name in given and given[name] is None:
            raise _invalid(name, "may be left out, not null.")
    for name in ("rounding_rule", "payment_terms_days", "commission_bp", "scope"):
        if name in given and given[name] is None:
            raise _invalid(name, "may be left out, not null.")
    for name in ("title", "client_name"):
        if name in given:
            given[name] = _text(given[name], name, one_line=True)
            if not given[name]:
                raise _invalid(name, "write at least 1 character.")
    if "scope" in given:
        given["scope"] = _text(given["scope"], "scope", one_line=False)
    if "currency" in given and given["currency"] not in CURRENCIES:
        raise _invalid("currency", f"use one of {', '.join(CURRENCIES)}.")
    if "rounding_rule" in given:
        try:
            rule = RoundingRule.parse(given["rounding_rule"])
        except ValidationError:
            rule = None
        if rule is None or str(rule) != given["rounding_rule"]:
            raise _invalid("rounding_rule", "none, or like up:15:entry / nearest:30:day.")
    if given.get("client_account_id") is not None:
        client = session.get(AccountRow, given["client_account_id"])
        if client is None or client.role != Role.CLIENT.value:
            raise _invalid("client_account_id", "no client account has this id.")
    start = given.get("start_date", row.start_date)
    end = given.get("end_date", row.end_date)
    if end is not None and end < start:
        raise _invalid("end_date", "must not be before start_date.")
    return given


def change_terms(
    ctx: ServerContext,
    session: Session,
    caller: Account,
    contract_id: uuid.UUID,
    decided_on: int,
    body: ContractTermsRequest,
) -> ContractDetail:
    """The agent changes an offer's terms: a new terms version when anything differs."""
    row = _agent_contract(ctx, session, caller, contract_id, decided_on)
    given = _checked_terms(session, row, body)
    try:
        check_terms_changeable(C(row.state))
    except ContractTransitionRefused as exc:
        raise refusal(exc, "terms_fixed") from None
    changes = {name: value for name, value in given.items() if getattr(row, name) != value}
    if changes and milestones_of(session, row.id):
        for name in ("fee_model", "currency"):
            if name in changes:
                raise refused(
                    f"the offer has milestones in {row.currency}; its {name} stays", "milestones_exist"
                )
    if changes:
        for name, value in changes.items():
            setattr(row, name, value)
        new_terms_version(session, row, ctx.now(), caller.id)
    return contract_detail(session, row)


def add_milestone(
    ctx: ServerContext,
    session: Session,
    caller: Account,
    contract_id: uuid.UUID,
    decided_on: int,
    body: MilestoneRequest,
) -> ContractDetail:
    """A milestone of a fixed-fee offer: part of the terms, so a new terms version."""
    row = _agent_contract(ctx, session, caller, contract_id, decided_on)
    try:
        title = milestone_rules.check_title(body.title)
        check_terms_changeable(C(row.state))
    except ValidationError as exc:
        raise ApiError(422, "invalid_field", str(exc), field="title") from None
    except ContractTransitionRefused as exc:
        raise refusal(exc, "terms_fixed") from None
    if row.fee_model != "fixed":
        raise refused(
            f"milestones belong to fixed-fee contracts; this one is {row.fee_model}", "not_fixed_fee"
        )
    now = ctx.now()
    session.add(
        MilestoneRow(
            id=uuid.uuid4(),
            account_id=row.freelancer_id,
            contract_id=row.id,
            title=title,
            amount_minor=body.amount_minor,
            due_date=body.due_date,
            state=milestone_rules.MilestoneState.PLANNED.value,
            state_changed_at=now,
            version=next_version(session),
        )
    )
    session.flush()
    new_terms_version(session, row, now, caller.id)
    return contract_detail(session, row)


def move_milestone(
    ctx: ServerContext,
    session: Session,
    caller: Account,
    contract_id: uuid.UUID,
    milestone_id: uuid.UUID,
    decided_on: int,
    body: MilestoneStateRequest,
) -> ContractDetail:
    """One step forward (planned → ready → invoiced → paid); the contract's version is If-Match."""
    row = _agent_contract(ctx, session, caller, contract_id, decided_on)
    milestone = session.get(MilestoneRow, milestone_id)
    if milestone is None or milestone.contract_id != row.id or milestone.deleted_at is not None:
        raise ApiError(404, "not_found", "No such milestone on this contract.")
    if C(row.state) in (C.OFFERED, C.TERMINATED):
        raise refused(f"the contract is {row.state}; its milestones do not move")
    try:
        milestone_rules.check_move(milestone_rules.MilestoneState(milestone.state), body.state)
    except milestone_rules.MilestoneRefused as exc:
        raise refusal(exc) from None
    now = ctx.now()
    milestone.state = body.state.value
    milestone.state_changed_at = now
    milestone.version = next_version(session)
    row.version = next_version(session)  # the contract's detail changed: a later If-Match names it
    session.flush()
    return contract_detail(session, row)


def extend(
    ctx: ServerContext,
    session: Session,
    caller: Account,
    contract_id: uuid.UUID,
    decided_on: int,
    body: ExtendContractRequest,
) -> ContractDetail:
    """A later end date. On an offer it is a terms change (a new version to sign); on a signed or
    active contract the signature stands and `original_end_date` keeps the end as signed."""
    row = _agent_contract(ctx, session, caller, contract_id, decided_on)
    text = _text(body.text, "text", one_line=False)
    try:
        check_extension(C(row.state), row.end_date, body.end_date, row.start_date)
    except ContractTransitionRefused as exc:
        raise refusal(exc) from None
    row.end_date = body.end_date
    if row.state == C.OFFERED.value:
        new_terms_version(session, row, ctx.now(), caller.id)
    else:
        row.state_reason = text
        row.version = next_version(session)
        session.flush()
    return contract_detail(session, row)


def end(
    ctx: ServerContext,
    session: Session,
    caller: Account,
    contract_id: uuid.UUID,
    decided_on: int,
    body: ContractTextRequest,
) -> ContractDetail:
    """The work is done: an active contract ends today (or on its end date if that came first)."""
    row = _agent_contract(ctx, session, caller, contract_id, decided_on)
    text = _text(body.text, "text", one_line=False)
    now = ctx.now()
    ended_on = ended_on_for_end(row.end_date, now.date())
    later = session.execute(
        select(TimeEntryRow.work_date)
        .where(
            TimeEntryRow.contract_id == row.id,
            TimeEntryRow.deleted_at.is_(None),
            TimeEntryRow.work_date > ended_on,
        )
        .order_by(TimeEntryRow.work_date)
        .limit(1)
    ).scalar_one_or_none()
    if later is not None:
        # The period would no longer hold time already reported (as a push moving the end refuses).
        raise refused(
            f"time is reported on {later.isoformat()}, after {ended_on.isoformat()}", "entries_after_end"
        )
    move(session, row, C.ENDED, ContractActor.AGENT, now, text, ended_on)
    if row.end_date is None or row.end_date > ended_on:
        row.end_date = ended_on
    return contract_detail(session, row)


def terminate(
    ctx: ServerContext,
    session: Session,
    caller: Account,
    contract_id: uuid.UUID,
    decided_on: int,
    body: ContractTextRequest,
) -> ContractDetail:
    """Broken off (or an offer withdrawn), with the reason, which the freelancer sees."""
    row = _agent_contract(ctx, session, caller, contract_id, decided_on)
    reason = _text(body.text, "text", one_line=False)
    if not reason:
        raise _invalid("text", "say why the contract is terminated.")
    move(session, row, C.TERMINATED, ContractActor.AGENT, ctx.now(), reason)
    return contract_detail(session, row)
