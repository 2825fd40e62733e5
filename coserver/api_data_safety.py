"""HTTP routes for data safety: the freelancer's account deletion request (asked, read, cancelled),
and the app version the platform publishes (read by anyone, published by an admin).
See coserver.data_safety."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response

from coapp.sync.wire import Role
from coapp.sync.wire.data_safety import (
    AccountDeletionRequest,
    AccountDeletionState,
    AccountDeletionStatus,
    LatestVersion,
    PublishVersionRequest,
)
from coserver import data_safety
from coserver.accounts import Caller
from coserver.api_auth import Ctx
from coserver.api_sync import client_version_check
from coserver.db import transaction
from coserver.errors import responses
from coserver.roles import PUBLIC, Freelancer, require_role

router = APIRouter(prefix="/v1", tags=["data safety"], dependencies=[Depends(client_version_check)])
Admin = Annotated[Caller, require_role(Role.ADMIN)]


@router.post(
    "/account/deletion-request",
    response_model=AccountDeletionStatus,
    status_code=201,
    responses={200: {"model": AccountDeletionStatus, "description": "Asked before: the first request"}}
    | responses(400, 401, 422, 426),
    summary="Ask the platform to delete the caller's account and data (the typed e-mail address "
    "confirms it); recorded with its time, deleted after the grace period; asking again answers the "
    "first request (200)",
)
def request_account_deletion(body: AccountDeletionRequest, caller: Freelancer, ctx: Ctx) -> JSONResponse:
    with transaction(ctx.sessions) as session:
        status, new = data_safety.request_deletion(ctx, session, caller, body)
    return JSONResponse(status.model_dump(mode="json"), status_code=201 if new else 200)


@router.get(
    "/account/deletion-request",
    response_model=AccountDeletionState,
    responses=responses(400, 401, 426),
    summary="The caller's pending deletion request, when it was recorded and when the account is "
    "deleted (request null: none)",
)
def get_account_deletion(caller: Freelancer, ctx: Ctx) -> AccountDeletionState:
    with transaction(ctx.sessions) as session:
        return data_safety.deletion_state(session, caller)


@router.delete(
    "/account/deletion-request",
    status_code=204,
    response_class=Response,
    responses=responses(400, 401, 404, 409, 426),
    summary="Cancel the caller's deletion request during its grace period (404 no_deletion_request: "
    "none pending; 409 deletion_due: the grace period has ended)",
)
def cancel_account_deletion(caller: Freelancer, ctx: Ctx) -> Response:
    with transaction(ctx.sessions) as session:
        data_safety.cancel_deletion(ctx, session, caller)
    return Response(status_code=204)


@router.get(
    "/app/latest-version",
    response_model=LatestVersion,
    dependencies=[PUBLIC],
    responses=responses(400, 422, 426),
    summary="The newest coapp the platform publishes (version null until one is); the app only "
    "mentions it, it never downloads anything",
)
def get_latest_version(ctx: Ctx) -> LatestVersion:
    with transaction(ctx.sessions) as session:
        return data_safety.latest_version(session)


@router.post(
    "/app/latest-version",
    response_model=LatestVersion,
    responses=responses(400, 401, 422, 426),
    summary="Publish the newest coapp version (an admin)",
)
def publish_latest_version(body: PublishVersionRequest, caller: Admin, ctx: Ctx) -> LatestVersion:
    with transaction(ctx.sessions) as session:
        return data_safety.publish_version(ctx, session, body.version)
