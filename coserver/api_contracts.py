"""HTTP routes for issue 11's contracts: the freelancer signs an offer; the agent who posted the
assignment changes an offer's terms, adds milestones, moves a milestone, extends, ends and terminates;
the client and the agent give feedback, which the three of them read; the freelancer and the client
review each other. Thin: the headers (Idempotency-Key, If-Match, as the application commands take
them), then coserver.contract_offers, .contract_signing, .feedback or .reviews.

A caller who is not party to the contract gets 404 on every route, whatever the route's role.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from coapp.sync.wire import (
    IDEMPOTENCY_HEADER,
    ContractConflictBody,
    ContractDetail,
    ContractsList,
    ContractTermsRequest,
    ContractTextRequest,
    ErrorBody,
    ExtendContractRequest,
    FeedbackList,
    FeedbackRecord,
    FeedbackRequest,
    MilestoneRequest,
    MilestoneStateRequest,
    ReviewRequest,
    ReviewsView,
    Role,
    SignContractRequest,
)
from coserver import contract_life, contract_offers, contract_signing, feedback, idempotency, reviews
from coserver.accounts import Caller
from coserver.api_auth import Ctx
from coserver.api_invoices import IdempotencyKey, IfMatch, decided_on
from coserver.api_sync import client_version_check
from coserver.contract_life import contract_detail, settle, visible
from coserver.db import transaction
from coserver.errors import responses
from coserver.roles import Freelancer, require_role

router = APIRouter(prefix="/v1", tags=["contracts"], dependencies=[Depends(client_version_check)])
Agent = Annotated[Caller, require_role(Role.AGENT)]
ClientOrAgent = Annotated[Caller, require_role(Role.CLIENT, Role.AGENT)]
FreelancerOrClient = Annotated[Caller, require_role(Role.FREELANCER, Role.CLIENT)]
AnyParty = Annotated[Caller, require_role(Role.FREELANCER, Role.CLIENT, Role.AGENT)]
OptionalKey = Annotated[
    str | None,
    Header(alias=IDEMPOTENCY_HEADER, description="optional: a random id stored before sending"),
]


def _command_responses(conflicts: str, stale: str = "Stale: the contract changed after If-Match") -> Any:
    return {
        **responses(400, 401, 403, 404, 422, 426),
        409: {"model": ContractConflictBody, "description": conflicts},
        412: {"model": ContractConflictBody, "description": stale},
        428: {"model": ErrorBody, "description": "Precondition required: send If-Match"},
    }


def _once(
    ctx: Ctx,
    caller: Caller,
    key: str | None,
    endpoint: str,
    body: BaseModel,
    status: int,
    work: Callable[[Session], BaseModel],
) -> JSONResponse:
    """A write with an optional Idempotency-Key: with one, a retry answers the first result."""
    if key is None:
        with transaction(ctx.sessions) as session:
            answer = work(session)
        return JSONResponse(answer.model_dump(mode="json"), status_code=status)
    return idempotency.run(
        ctx, caller.account.id, key, endpoint, body.model_dump(mode="json"), lambda s: (status, work(s))
    )


# --- reading ------------------------------------------------------------------------------------------


@router.get(
    "/contracts",
    response_model=ContractsList,
    responses=responses(400, 401, 422, 426),
    summary="The platform contracts the caller is party to, with their milestones (a freelancer's, "
    "its client's account's, or its agent's)",
)
def list_contracts(caller: AnyParty, ctx: Ctx) -> ContractsList:
    return contract_life.list_contracts(ctx, caller.account)


@router.get(
    "/contracts/{contract_id}/detail",
    response_model=ContractDetail,
    responses=responses(400, 401, 404, 422, 426),
    summary="A contract with its milestones (its freelancer, its client's account, or its agent)",
)
def get_detail(contract_id: uuid.UUID, caller: AnyParty, ctx: Ctx) -> ContractDetail:
    with transaction(ctx.sessions) as session:
        row = visible(session, caller.account, contract_id, Role.FREELANCER, Role.CLIENT, Role.AGENT)
        settle(session, row, ctx.now())
        return contract_detail(session, row)


# --- signing ------------------------------------------------------------------------------------------


@router.post(
    "/contracts/{contract_id}/sign",
    response_model=ContractDetail,
    responses=_command_responses(
        "transition_refused: the contract is not an offer any more (the reason, and the contract)",
        "terms_changed: terms_version is not the current one; `current` holds the current terms",
    ),
    summary="Sign a contract offer with the typed full name and the terms version read (Idempotency-Key)",
)
def sign(
    contract_id: uuid.UUID,
    body: SignContractRequest,
    caller: Freelancer,
    ctx: Ctx,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    return idempotency.run(
        ctx,
        caller.account.id,
        idempotency_key,
        f"POST /v1/contracts/{contract_id}/sign",
        body.model_dump(mode="json"),
        lambda session: contract_signing.sign(ctx, session, caller.account, contract_id, body),
    )


# --- the agent's commands -----------------------------------------------------------------------------

_AGENT = "(the agent who posted the assignment; If-Match: the contract's version; Idempotency-Key)"


def _agent_command(
    ctx: Ctx,
    caller: Caller,
    key: str | None,
    if_match: str | None,
    path: str,
    body: BaseModel,
    work: Callable[[Session, int], ContractDetail],
) -> JSONResponse:
    version = decided_on(if_match)
    return idempotency.run(
        ctx,
        caller.account.id,
        key,
        f"POST {path}",
        {"if_match": version, "body": body.model_dump(mode="json")},
        lambda session: (200, work(session, version)),
    )


@router.post(
    "/contracts/{contract_id}/terms",
    response_model=ContractDetail,
    responses=_command_responses("terms_fixed (not an offer any more), milestones_exist"),
    summary=f"Change an offer's terms; any change is a new terms version {_AGENT}",
)
def change_terms(
    contract_id: uuid.UUID,
    body: ContractTermsRequest,
    caller: Agent,
    ctx: Ctx,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> JSONResponse:
    return _agent_command(
        ctx,
        caller,
        idempotency_key,
        if_match,
        f"/v1/contracts/{contract_id}/terms",
        body,
        lambda s, v: contract_offers.change_terms(ctx, s, caller.account, contract_id, v, body),
    )


@router.post(
    "/contracts/{contract_id}/milestones",
    response_model=ContractDetail,
    responses=_command_responses("terms_fixed (not an offer any more), not_fixed_fee"),
    summary=f"Add a milestone to a fixed-fee offer: a new terms version {_AGENT}",
)
def add_milestone(
    contract_id: uuid.UUID,
    body: MilestoneRequest,
    caller: Agent,
    ctx: Ctx,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> JSONResponse:
    return _agent_command(
        ctx,
        caller,
        idempotency_key,
        if_match,
        f"/v1/contracts/{contract_id}/milestones",
        body,
        lambda s, v: contract_offers.add_milestone(ctx, s, caller.account, contract_id, v, body),
    )


@router.post(
    "/contracts/{contract_id}/milestones/{milestone_id}/state",
    response_model=ContractDetail,
    responses=_command_responses(
        "transition_refused: one step forward only (planned, ready, invoiced, paid)"
    ),
    summary=f"Move a milestone one step: planned → ready (to invoice) → invoiced → paid {_AGENT}",
)
def move_milestone(
    contract_id: uuid.UUID,
    milestone_id: uuid.UUID,
    body: MilestoneStateRequest,
    caller: Agent,
    ctx: Ctx,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> JSONResponse:
    return _agent_command(
        ctx,
        caller,
        idempotency_key,
        if_match,
        f"/v1/contracts/{contract_id}/milestones/{milestone_id}/state",
        body,
        lambda s, v: contract_offers.move_milestone(
            ctx, s, caller.account, contract_id, milestone_id, v, body
        ),
    )


@router.post(
    "/contracts/{contract_id}/extend",
    response_model=ContractDetail,
    responses=_command_responses("transition_refused: ended or terminated, no end date, or not later"),
    summary=f"Extend the end date (an offer: a new terms version) {_AGENT}",
)
def extend(
    contract_id: uuid.UUID,
    body: ExtendContractRequest,
    caller: Agent,
    ctx: Ctx,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> JSONResponse:
    return _agent_command(
        ctx,
        caller,
        idempotency_key,
        if_match,
        f"/v1/contracts/{contract_id}/extend",
        body,
        lambda s, v: contract_offers.extend(ctx, s, caller.account, contract_id, v, body),
    )


def _agent_verb(verb: str, work: Callable[..., ContractDetail], conflicts: str, summary: str) -> None:
    """POST /v1/contracts/{id}/<verb> with a ContractTextRequest (end, terminate)."""

    @router.post(
        f"/contracts/{{contract_id}}/{verb}",
        response_model=ContractDetail,
        responses=_command_responses(conflicts),
        summary=summary,
        name=f"{verb}_contract",
    )
    def route(
        contract_id: uuid.UUID,
        body: ContractTextRequest,
        caller: Agent,
        ctx: Ctx,
        idempotency_key: IdempotencyKey = None,
        if_match: IfMatch = None,
    ) -> JSONResponse:
        return _agent_command(
            ctx,
            caller,
            idempotency_key,
            if_match,
            f"/v1/contracts/{contract_id}/{verb}",
            body,
            lambda s, v: work(ctx, s, caller.account, contract_id, v, body),
        )


_agent_verb(
    "end",
    contract_offers.end,
    "transition_refused: only an active contract ends",
    f"The work is done: an active contract ends today (or on its end date) {_AGENT}",
)
_agent_verb(
    "terminate",
    contract_offers.terminate,
    "transition_refused: the contract ended already",
    f"Terminate an offer or a contract, with the reason in `text` {_AGENT}",
)


# --- feedback -----------------------------------------------------------------------------------------


@router.post(
    "/contracts/{contract_id}/feedback",
    status_code=201,
    response_model=FeedbackRecord,
    responses={
        **responses(400, 401, 403, 404, 422, 426),
        409: {"model": ErrorBody, "description": "feedback_closed: the contract is not active"},
    },
    summary="Feedback on the freelancer's work while the contract is active (its client's account or "
    "its agent): four scores 1–5 and a comment; with an Idempotency-Key a retry gives it once",
)
def give_feedback(
    contract_id: uuid.UUID,
    body: FeedbackRequest,
    caller: ClientOrAgent,
    ctx: Ctx,
    idempotency_key: OptionalKey = None,
) -> JSONResponse:
    return _once(
        ctx,
        caller,
        idempotency_key,
        f"POST /v1/contracts/{contract_id}/feedback",
        body,
        201,
        lambda session: feedback.give(ctx, session, caller.account, contract_id, body),
    )


@router.get(
    "/contracts/{contract_id}/feedback",
    response_model=FeedbackList,
    responses=responses(400, 401, 404, 422, 426),
    summary="The feedback history, oldest first, with the overall score and how it is computed",
)
def feedback_history(contract_id: uuid.UUID, caller: AnyParty, ctx: Ctx) -> FeedbackList:
    return feedback.history(ctx, caller.account, contract_id)


# --- reviews ------------------------------------------------------------------------------------------


@router.post(
    "/contracts/{contract_id}/review",
    status_code=201,
    response_model=ReviewsView,
    responses={
        **responses(400, 401, 403, 404, 422, 426),
        409: {"model": ErrorBody, "description": "already_reviewed (immutable), reviews_closed (not ended)"},
    },
    summary="Review the other party once the contract has ended (its freelancer: the client; its client's "
    "account: the freelancer), once; the answer shows the other's review only once revealed",
)
def write_review(
    contract_id: uuid.UUID,
    body: ReviewRequest,
    caller: FreelancerOrClient,
    ctx: Ctx,
    idempotency_key: OptionalKey = None,
) -> JSONResponse:
    return _once(
        ctx,
        caller,
        idempotency_key,
        f"POST /v1/contracts/{contract_id}/review",
        body,
        201,
        lambda session: reviews.write(ctx, session, caller.account, contract_id, body),
    )


@router.get(
    "/contracts/{contract_id}/reviews",
    response_model=ReviewsView,
    responses=responses(400, 401, 404, 422, 426),
    summary="One's own review and, once both are in or 14 days after the end, the other party's",
)
def read_reviews(contract_id: uuid.UUID, caller: FreelancerOrClient, ctx: Ctx) -> ReviewsView:
    return reviews.read(ctx, caller.account, contract_id)
