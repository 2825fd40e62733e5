"""HTTP routes for accounts: `/v1/auth/*` and `/v1/me`. Thin: parse, call coserver.accounts, answer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from coapp.sync.wire import (
    Account,
    ChangePasswordRequest,
    ConfirmRequest,
    RefreshRequest,
    RegisterRequest,
    SignInRequest,
    SignOutRequest,
    TokenPair,
)
from coserver import accounts
from coserver.accounts import Caller
from coserver.context import ServerContext, client_ip, get_context
from coserver.errors import responses

router = APIRouter(prefix="/v1")
# auto_error=False: a missing token gets our JSON 401, not FastAPI's own 403 body.
_bearer = HTTPBearer(auto_error=False, description="An access token from sign-in or refresh")

Ctx = Annotated[ServerContext, Depends(get_context)]


def current_caller(
    ctx: Ctx, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Caller:
    return accounts.authenticate(ctx, credentials.credentials if credentials else None)


CurrentCaller = Annotated[Caller, Depends(current_caller)]


@router.post(
    "/auth/register",
    status_code=201,
    response_model=Account,
    responses=responses(409, 422, 429),
    tags=["auth"],
    summary="Create a freelancer or client account; a confirmation code is mailed",
)
def register(body: RegisterRequest, request: Request, ctx: Ctx) -> Account:
    return accounts.register(ctx, body, client_ip(request))


@router.post(
    "/auth/confirm",
    response_model=Account,
    responses=responses(400, 422),
    tags=["auth"],
    summary="Confirm the e-mail address with the mailed code",
)
def confirm(body: ConfirmRequest, ctx: Ctx) -> Account:
    return accounts.confirm(ctx, body.token)


@router.post(
    "/auth/sign-in",
    response_model=TokenPair,
    responses=responses(401, 403, 422, 429),
    tags=["auth"],
    summary="Exchange e-mail and password for an access and a refresh token",
)
def sign_in(body: SignInRequest, request: Request, ctx: Ctx) -> TokenPair:
    return accounts.sign_in(ctx, body, client_ip(request))


@router.post(
    "/auth/refresh",
    response_model=TokenPair,
    responses=responses(401, 422),
    tags=["auth"],
    summary="Rotate the refresh token: a new pair; the old refresh token must never be used again",
)
def refresh(body: RefreshRequest, ctx: Ctx) -> TokenPair:
    return accounts.refresh(ctx, body.refresh_token)


@router.post(
    "/auth/sign-out",
    status_code=204,
    response_class=Response,
    responses=responses(422),
    tags=["auth"],
    summary="End the session the refresh token belongs to (idempotent)",
)
def sign_out(body: SignOutRequest, ctx: Ctx) -> Response:
    accounts.sign_out(ctx, body.refresh_token)
    return Response(status_code=204)


@router.post(
    "/auth/change-password",
    status_code=204,
    response_class=Response,
    responses=responses(401, 403, 422),
    tags=["auth"],
    summary="Change the password; every other session of the account is ended",
)
def change_password(body: ChangePasswordRequest, caller: CurrentCaller, ctx: Ctx) -> Response:
    accounts.change_password(ctx, caller, body)
    return Response(status_code=204)


@router.get(
    "/me", response_model=Account, responses=responses(401), tags=["auth"], summary="The caller's account"
)
def me(caller: CurrentCaller) -> Account:
    return caller.account
