"""HTTP routes for applications (issue 10): the freelancer submits with consent and withdraws; the
agent who posted the assignment proposes, books interviews, offers, contracts and declines; both
read the application; the freelancer lists (exports) the consents. Thin: the headers
(Idempotency-Key, If-Match, as the invoice commands take them), then coserver.applications inside
coserver.idempotency.run."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from coapp.domain.applications import Actor, ApplicationState
from coapp.sync.wire import (
    ApplicationDetail,
    ApplicationTextRequest,
    BookInterviewRequest,
    ConsentsList,
    ErrorBody,
    Role,
    SubmitApplicationRequest,
)
from coserver import applications, idempotency
from coserver.accounts import Caller
from coserver.api_auth import Ctx
from coserver.api_invoices import IdempotencyKey, IfMatch, decided_on
from coserver.api_sync import client_version_check
from coserver.errors import responses
from coserver.roles import Freelancer, require_role

router = APIRouter(prefix="/v1", tags=["applications"], dependencies=[Depends(client_version_check)])
Agent = Annotated[Caller, require_role(Role.AGENT)]
FreelancerOrAgent = Annotated[Caller, require_role(Role.FREELANCER, Role.AGENT)]


def _command_responses(conflicts: str) -> dict[int | str, dict[str, Any]]:
    return {
        **responses(400, 401, 403, 404, 422, 426),
        409: {"model": ErrorBody, "description": conflicts},
        412: {"model": ErrorBody, "description": "Stale: something changed after the If-Match version"},
        428: {"model": ErrorBody, "description": "Precondition required: send If-Match"},
    }


def _run(
    ctx: Ctx,
    caller: Caller,
    key: str | None,
    if_match: str | None,
    application_id: uuid.UUID,
    verb: str,
    body: Any,
    work: Callable[[Session, int], ApplicationDetail],
) -> JSONResponse:
    """A command under its Idempotency-Key, decided on the If-Match version (428/412 otherwise)."""
    version = decided_on(if_match)
    return idempotency.run(
        ctx,
        caller.account.id,
        key,
        f"POST /v1/applications/{application_id}/{verb}",
        {"if_match": version, "body": body.model_dump(mode="json")},
        lambda session: (200, work(session, version)),
    )


@router.post(
    "/applications/{application_id}/submit",
    response_model=ApplicationDetail,
    responses=_command_responses("already_submitted, already_applied, assignment_closed (nothing stored)"),
    summary="Apply to an assignment with consent (the id is the app's; If-Match: the assignment's "
    "version). Without consent.agreed it is 422 consent_required and nothing is stored",
)
def submit(
    application_id: uuid.UUID,
    body: SubmitApplicationRequest,
    caller: Freelancer,
    ctx: Ctx,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> JSONResponse:
    return _run(
        ctx,
        caller,
        idempotency_key,
        if_match,
        application_id,
        "submit",
        body,
        lambda s, v: applications.submit(ctx, s, caller.account, application_id, v, body),
    )


@router.post(
    "/applications/{application_id}/withdraw",
    response_model=ApplicationDetail,
    responses=_command_responses("transition_refused: the reason (e.g. the application is contracted)"),
    summary="Withdraw one's application (If-Match: the application's version)",
)
def withdraw(
    application_id: uuid.UUID,
    body: ApplicationTextRequest,
    caller: Freelancer,
    ctx: Ctx,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> JSONResponse:
    def work(session: Session, version: int) -> ApplicationDetail:
        return applications.move(
            ctx,
            session,
            caller.account,
            application_id,
            version,
            ApplicationState.WITHDRAWN,
            Actor.FREELANCER,
            body.text,
        )

    return _run(ctx, caller, idempotency_key, if_match, application_id, "withdraw", body, work)


def _agent_move(verb: str, target: ApplicationState, summary: str) -> None:
    """One agent route: POST /v1/applications/{id}/<verb> moving the application to `target`."""

    @router.post(
        f"/applications/{{application_id}}/{verb}",
        response_model=ApplicationDetail,
        responses=_command_responses("transition_refused: the reason from the pipeline's rules"),
        summary=summary,
        name=f"{verb}_application",
    )
    def route(
        application_id: uuid.UUID,
        body: ApplicationTextRequest,
        caller: Agent,
        ctx: Ctx,
        idempotency_key: IdempotencyKey = None,
        if_match: IfMatch = None,
    ) -> JSONResponse:
        def work(session: Session, version: int) -> ApplicationDetail:
            return applications.move(
                ctx, session, caller.account, application_id, version, target, Actor.AGENT, body.text
            )

        return _run(ctx, caller, idempotency_key, if_match, application_id, verb, body, work)


_AGENT = "(the agent who posted the assignment; If-Match: the application's version)"
_agent_move("propose", ApplicationState.PROPOSED, f"Propose the application to the client {_AGENT}")
_agent_move("offer", ApplicationState.OFFER, f"The client offers the assignment {_AGENT}")
_agent_move("contract", ApplicationState.CONTRACTED, f"The offer became a contract {_AGENT}")
_agent_move("decline", ApplicationState.DECLINED, f"The client said no {_AGENT}")


@router.post(
    "/applications/{application_id}/interview",
    response_model=ApplicationDetail,
    responses=_command_responses("transition_refused: the reason from the pipeline's rules"),
    summary=f"Book an interview: time, place or video link, whether the agent attends {_AGENT}",
)
def book_interview(
    application_id: uuid.UUID,
    body: BookInterviewRequest,
    caller: Agent,
    ctx: Ctx,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> JSONResponse:
    def work(session: Session, version: int) -> ApplicationDetail:
        return applications.move(
            ctx,
            session,
            caller.account,
            application_id,
            version,
            ApplicationState.INTERVIEW,
            Actor.AGENT,
            body.text,
            interview=body,
        )

    return _run(ctx, caller, idempotency_key, if_match, application_id, "interview", body, work)


@router.get(
    "/applications/{application_id}",
    response_model=ApplicationDetail,
    responses=responses(400, 401, 404, 422, 426),
    summary="One application with its timeline and interviews (its freelancer, or its assignment's agent)",
)
def get_application(application_id: uuid.UUID, caller: FreelancerOrAgent, ctx: Ctx) -> ApplicationDetail:
    return applications.get_application(ctx, caller.account, application_id)


@router.get(
    "/consents",
    response_model=ConsentsList,
    responses=responses(400, 401, 422, 426),
    summary="Every consent the caller gave, oldest first: what was shared, with whom, when (the export)",
)
def list_consents(caller: Freelancer, ctx: Ctx) -> ConsentsList:
    return applications.list_consents(ctx, caller.account.id)
