"""HTTP routes for assignments: browse and read (any signed-in account), post (agents and admins).
Thin: parse, check the role, call coserver.assignments, answer."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query
from fastapi.responses import JSONResponse

from coapp.sync.wire import (
    ASSIGNMENT_QUERY_MAX_LENGTH,
    ASSIGNMENTS_LIMIT_DEFAULT,
    ASSIGNMENTS_LIMIT_MAX,
    IDEMPOTENCY_HEADER,
    AssignmentRecord,
    AssignmentsPage,
    AssignmentStatus,
    NewAssignmentRequest,
)
from coserver import assignments, idempotency
from coserver.accounts import Caller
from coserver.api_auth import Ctx, CurrentCaller
from coserver.api_sync import client_version_check
from coserver.db import transaction
from coserver.errors import responses
from coserver.roles import AGENT_OR_ADMIN, SIGNED_IN

router = APIRouter(prefix="/v1", tags=["assignments"], dependencies=[Depends(client_version_check)])


@router.get(
    "/assignments",
    dependencies=[SIGNED_IN],
    response_model=AssignmentsPage,
    responses=responses(400, 401, 422, 426),
    summary="Assignments, newest first: open ones (open for applications) or closed ones, "
    "optionally with every word of q in the title, client or skills; paged by cursor",
)
def list_assignments(
    _caller: CurrentCaller,
    ctx: Ctx,
    status: AssignmentStatus = AssignmentStatus.OPEN,
    q: Annotated[
        str | None,
        Query(max_length=ASSIGNMENT_QUERY_MAX_LENGTH, description="words to find (all of them)"),
    ] = None,
    cursor: Annotated[str | None, Query(max_length=200, description="from the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=ASSIGNMENTS_LIMIT_MAX)] = ASSIGNMENTS_LIMIT_DEFAULT,
) -> AssignmentsPage:
    return assignments.list_assignments(ctx, status, q, cursor, limit)


@router.get(
    "/assignments/{assignment_id}",
    dependencies=[SIGNED_IN],
    response_model=AssignmentRecord,
    responses=responses(400, 401, 404, 422, 426),
    summary="One assignment, open or closed (404 once withdrawn)",
)
def get_assignment(assignment_id: uuid.UUID, _caller: CurrentCaller, ctx: Ctx) -> AssignmentRecord:
    return assignments.get_assignment(ctx, assignment_id)


@router.post(
    "/assignments",
    status_code=201,
    response_model=AssignmentRecord,
    responses=responses(400, 401, 403, 409, 422, 426),
    summary="Publish an assignment (agents and admins; 403 for others), open until closes_at; "
    "with an Idempotency-Key a retry answers the first result instead of posting twice",
)
def post_assignment(
    body: NewAssignmentRequest,
    caller: Annotated[Caller, AGENT_OR_ADMIN],
    ctx: Ctx,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias=IDEMPOTENCY_HEADER, description="optional: a random id the client stored before sending"
        ),
    ] = None,
) -> JSONResponse:
    agent = caller.account
    if idempotency_key is None:
        with transaction(ctx.sessions) as session:
            record = assignments.publish(ctx, session, agent, body)
        return JSONResponse(record.model_dump(mode="json"), status_code=201)
    return idempotency.run(
        ctx,
        agent.id,
        idempotency_key,
        "POST /v1/assignments",
        body.model_dump(mode="json"),
        lambda session: (201, assignments.publish(ctx, session, agent, body)),
    )
