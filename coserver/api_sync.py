"""HTTP routes for sync: `/v1/sync/meta`, `/v1/sync/push`, `/v1/sync/changes`, and reading one
contract or time entry by id. Thin: parse, call coserver.sync, answer."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse

from coapp.sync.wire import (
    CHANGES_LIMIT_DEFAULT,
    CHANGES_LIMIT_MAX,
    CLIENT_VERSION_HEADER,
    IDEMPOTENCY_HEADER,
    ChangesPage,
    ContractRecord,
    PublicSyncMeta,
    PushRequest,
    PushResponse,
    SyncMeta,
    SyncSummary,
    TimeEntryRecord,
)
from coserver import contracts, entries, feed, idempotency, sync
from coserver.api_auth import Ctx
from coserver.context import ServerContext, get_context
from coserver.errors import responses
from coserver.roles import PUBLIC, Freelancer, OptionalCaller


def client_version_check(request: Request, ctx: Annotated[ServerContext, Depends(get_context)]) -> None:
    """Refuse a client older than min_client_version (426). Read from the request itself: a Header()
    parameter in a router-wide dependency makes this FastAPI version warn on every app's first call."""
    sync.check_client(ctx, request.headers.get(CLIENT_VERSION_HEADER))


_CLIENT_HEADER_DOC = {
    "parameters": [
        {
            "name": CLIENT_VERSION_HEADER,
            "in": "header",
            "required": False,
            "schema": {"type": "string", "maxLength": 64},
            "description": "the client's version; one older than min_client_version is refused (426)",
        }
    ]
}


router = APIRouter(prefix="/v1", tags=["sync"], dependencies=[Depends(client_version_check)])

# Clients built before the profile synced parse the feed with a closed list of entities: they get
# the profile's rows only when they ask (coserver.profile_feed).
_WithProfile = Annotated[
    bool,
    Query(description="include the profile, resume sections, resume variants and business details"),
]

# Issue 10's entities (assignments, favourites, ...) likewise (coserver.assignment_feed).
_WithAssignments = Annotated[
    bool,
    Query(description="include assignments and the freelancer's favourites"),
]

# Issue 11's (milestones, feedback, revealed reviews, contract offers not signed yet) likewise
# (coserver.contract_feed).
_WithContracts = Annotated[
    bool,
    Query(description="include contract offers, milestones, feedback and reviews"),
]


@router.get(
    "/sync/meta",
    dependencies=[PUBLIC],
    response_model=SyncMeta | PublicSyncMeta,
    openapi_extra={**_CLIENT_HEADER_DOC, "security": [{}, {"HTTPBearer": []}]},
    responses=responses(400, 401, 422, 426),
    summary="Protocol version, minimum client version and server time; with a bearer token also the "
    "epoch and the newest version (nothing database-wide without one)",
)
def sync_meta(ctx: Ctx, caller: OptionalCaller) -> SyncMeta | PublicSyncMeta:
    return sync.meta(ctx) if caller is not None else sync.public_meta(ctx)


@router.post(
    "/sync/push",
    response_model=PushResponse,
    responses=responses(400, 401, 409, 422, 426),
    summary="Apply a batch of outbox ops (time entries, the running timer, the freelancer's own "
    "contracts); a result per op (applied, duplicate, conflict, rejected)",
)
def sync_push(
    body: PushRequest,
    caller: Freelancer,
    ctx: Ctx,
    idempotency_key: Annotated[
        str | None,
        Header(alias=IDEMPOTENCY_HEADER, description="a random id the client stored before sending"),
    ] = None,
) -> JSONResponse:
    account_id = caller.account.id
    return idempotency.run(
        ctx,
        account_id,
        idempotency_key,
        "POST /v1/sync/push",
        body.model_dump(mode="json"),
        lambda session: (200, sync.push(ctx, session, account_id, body)),
    )


@router.get(
    "/sync/changes",
    response_model=ChangesPage,
    responses=responses(400, 401, 410, 422, 426),
    summary="Every change the account may see after the cursor, ordered by version, paged",
)
def sync_changes(
    caller: Freelancer,
    ctx: Ctx,
    cursor: Annotated[str | None, Query(max_length=200, description="from the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=CHANGES_LIMIT_MAX)] = CHANGES_LIMIT_DEFAULT,
    with_profile: _WithProfile = False,
    with_assignments: _WithAssignments = False,
    with_contracts: _WithContracts = False,
) -> ChangesPage:
    return feed.changes(
        ctx,
        caller.account.id,
        cursor,
        limit,
        with_profile=with_profile,
        with_assignments=with_assignments,
        with_contracts=with_contracts,
    )


@router.get(
    "/sync/summary",
    response_model=SyncSummary,
    responses=responses(400, 401, 422, 426),
    summary="Per entity: the count and an (id, version) digest of the account's live rows",
)
def sync_summary(
    caller: Freelancer,
    ctx: Ctx,
    with_profile: _WithProfile = False,
    with_assignments: _WithAssignments = False,
    with_contracts: _WithContracts = False,
) -> SyncSummary:
    return feed.summary(
        ctx,
        caller.account.id,
        with_profile=with_profile,
        with_assignments=with_assignments,
        with_contracts=with_contracts,
    )


@router.get(
    "/contracts/{contract_id}",
    response_model=ContractRecord,
    responses=responses(400, 401, 404, 422, 426),
    summary="One of the caller's contracts",
)
def get_contract(contract_id: uuid.UUID, caller: Freelancer, ctx: Ctx) -> ContractRecord:
    return contracts.get_contract(ctx, caller.account.id, contract_id)


@router.get(
    "/time-entries/{entry_id}",
    response_model=TimeEntryRecord,
    responses=responses(400, 401, 404, 422, 426),
    summary="One of the caller's time entries (tombstones too)",
)
def get_time_entry(entry_id: uuid.UUID, caller: Freelancer, ctx: Ctx) -> TimeEntryRecord:
    return entries.get_entry(ctx, caller.account.id, entry_id)
