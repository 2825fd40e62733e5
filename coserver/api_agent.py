"""HTTP routes for the Consultant Agent (issue 10): the freelancer reads their agent's card and
photo; the agent writes to one of their freelancers (the freelancer's own messages come by push)
and sets their own photo."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from coapp.sync.wire import IDEMPOTENCY_HEADER, AgentMessageRequest, AgentRecord, MessageRecord, Role
from coserver import agent_photos, agents, idempotency, messages
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


_PICTURE_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.put(
    "/agent/photo",
    responses=responses(400, 401, 413, 422, 426),
    openapi_extra=_PICTURE_BODY,
    summary="The agent sets their card's photo: any common picture up to 10 MB as the body; the platform "
    "stores a square JPEG it makes of it (422 invalid_photo: not a picture, damaged, too many pixels)",
)
async def put_photo(request: Request, caller: Agent, ctx: Ctx) -> dict[str, str]:
    data = await request.body()  # at most the route's cap: coserver.limits refused anything bigger
    digest = await run_in_threadpool(agent_photos.set_photo, ctx, caller.account.id, data)
    return {"photo_sha256": digest}


@router.delete(
    "/agent/photo",
    status_code=204,
    response_class=Response,
    responses=responses(400, 401, 426),
    summary="The agent removes their card's photo",
)
def delete_photo(caller: Agent, ctx: Ctx) -> Response:
    agent_photos.remove_photo(ctx, caller.account.id)
    return Response(status_code=204)


@router.get(
    "/agent/photo",
    response_class=Response,
    responses={
        200: {
            "description": "The photo, a JPEG the platform made (its SHA-256 is on the agent's card)",
            "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}},
        },
        **responses(400, 401, 404, 426),
    },
    summary="The caller's agent's photo (404 no_photo: none, or no agent yet)",
)
def get_photo(caller: Freelancer, ctx: Ctx) -> Response:
    jpeg = agent_photos.my_agents_photo(ctx, caller.account.id)
    headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store"}
    return Response(jpeg, media_type="image/jpeg", headers=headers)
