"""Performance feedback during an assignment (issue 11): the contract's client and its agent score
the freelancer's work (quality, communication, delivery, expertise, 1–5) with a comment while the
contract is active; the freelancer, the client and the agent read the history. Feedback is never
changed once given. How the overall scores are computed is coapp.domain.feedback's docstring, and
the history's answer says it in a sentence (`method`)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.contract_states import ContractState, ContractTransitionRefused, check_feedback_open
from coapp.domain.errors import ValidationError
from coapp.domain.feedback import FeedbackScores, average_overall_x100, check_comment
from coapp.sync.wire import Account, FeedbackList, FeedbackRecord, FeedbackRequest, Role
from coserver.agents import agent_name
from coserver.context import ServerContext
from coserver.contract_life import locked, party_role, refusal, settle, visible
from coserver.contract_models import FeedbackRow
from coserver.db import next_version, transaction
from coserver.errors import ApiError
from coserver.models import AccountRow, ContractRow

METHOD = (
    "Each feedback's overall score is the plain mean of its four scores (quality, communication, "
    "delivery, expertise; equal weights). The contract's overall score is the plain mean of those, "
    "every feedback weighing the same, rounded half up to two decimals."
)


def _scores(row: FeedbackRow | FeedbackRequest) -> FeedbackScores:
    return FeedbackScores(row.quality, row.communication, row.delivery, row.expertise)


def feedback_record(row: FeedbackRow) -> FeedbackRecord:
    return FeedbackRecord(
        id=row.id,
        contract_id=row.contract_id,
        author_role=row.author_role,  # type: ignore[arg-type]  # checked by the table
        author_name=row.author_name,
        quality=row.quality,
        communication=row.communication,
        delivery=row.delivery,
        expertise=row.expertise,
        overall_x100=_scores(row).overall_x100,
        comment=row.comment,
        given_at=row.given_at,
        version=row.version,
    )


def _author_name(session: Session, caller: Account, role: Role, contract: ContractRow) -> str:
    if role is Role.AGENT:
        return agent_name(session, caller.id)
    account = session.get_one(AccountRow, caller.id)
    return account.display_name or contract.client_name


def give(
    ctx: ServerContext, session: Session, caller: Account, contract_id: uuid.UUID, body: FeedbackRequest
) -> FeedbackRecord:
    """`POST /v1/contracts/{id}/feedback` by the contract's client or agent, while it is active."""
    contract = locked(session, caller, contract_id, Role.CLIENT, Role.AGENT)
    now = ctx.now()
    settle(session, contract, now)
    try:
        comment = check_comment(body.comment)
    except ValidationError as exc:
        raise ApiError(422, "invalid_field", str(exc), field="comment") from None
    try:
        check_feedback_open(ContractState(contract.state))
    except ContractTransitionRefused as exc:
        raise refusal(exc, "feedback_closed") from None
    role = party_role(session, caller, contract)
    assert role is not None
    row = FeedbackRow(
        id=uuid.uuid4(),
        account_id=contract.freelancer_id,
        contract_id=contract.id,
        author_id=caller.id,
        author_role=role.value,
        author_name=_author_name(session, caller, role, contract),
        quality=body.quality,
        communication=body.communication,
        delivery=body.delivery,
        expertise=body.expertise,
        comment=comment,
        given_at=now,
        version=next_version(session),
    )
    session.add(row)
    session.flush()
    return feedback_record(row)


def history(ctx: ServerContext, caller: Account, contract_id: uuid.UUID) -> FeedbackList:
    """`GET /v1/contracts/{id}/feedback`: oldest first, with the contract's overall score."""
    with transaction(ctx.sessions) as session:
        contract = visible(session, caller, contract_id, Role.FREELANCER, Role.CLIENT, Role.AGENT)
        settle(session, contract, ctx.now())
        rows = list(
            session.execute(
                select(FeedbackRow)
                .where(FeedbackRow.contract_id == contract.id)
                .order_by(FeedbackRow.version)
            ).scalars()
        )
        return FeedbackList(
            feedback=[feedback_record(row) for row in rows],
            overall_x100=average_overall_x100(_scores(row) for row in rows),
            method=METHOD,
        )
