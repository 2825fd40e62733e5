"""HTTP routes for the Consultant Agent (issue 10): the freelancer reads their agent's card; the
agent writes to one of their freelancers (the freelancer's own messages come by push)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header
from fastapi.responses import JSONResponse

from coapp.sync.wire import IDEMPOTENCY_HEADER, AgentMessageRequest, AgentRecord, MessageRecord, Role
from coserver import agents, idempotency, messages
from coserver.accounts import Caller
from coserver.api_auth import Ctx
from coserver.api_sync import client_version_check
from coserver.db import transaction
from coserver.errors import responses
from coserver.roles import Freelancer, require_role

router = APIRouter(prefix="/v1", tags=["agent"], dependencies=[Depends(client_version_check)])
Agent = Annotated[Caller, require_role(Role.AGENT)]


@router.get(
    "/agent",
    response_model=AgentRecord,
    responses=responses(400, 401, 404, 422, 426),
    summary="The caller's Consultant Agent: name, e-mail, phone (404 no_agent before one is assigned)",
)
def get_agent(caller: Freelancer, ctx: Ctx) -> AgentRecord:
    return agents.my_agent(ctx, caller.account.id)


@router.post(
    "/agent/messages",
    status_code=201,
    response_model=MessageRecord,
    responses=responses(400, 401, 404, 409, 422, 426),
    summary="The agent writes to one of their freelancers (404 for anyone else's); with an "
    "Idempotency-Key a retry answers the first result instead of sending twice",
)
def send_message(
    body: AgentMessageRequest,
    caller: Agent,
    ctx: Ctx,
    idempotency_key: Annotated[
        str | None,
        Header(alias=IDEMPOTENCY_HEADER, description="optional: a random id stored before sending"),
    ] = None,
) -> JSONResponse:
    agent = caller.account
    if idempotency_key is None:
        with transaction(ctx.sessions) as session:
            record = messages.agent_sends(ctx, session, agent, body)
        return JSONResponse(record.model_dump(mode="json"), status_code=201)
    return idempotency.run(
        ctx,
        agent.id,
        idempotency_key,
        "POST /v1/agent/messages",
        body.model_dump(mode="json"),
        lambda session: (201, messages.agent_sends(ctx, session, agent, body)),
    )
