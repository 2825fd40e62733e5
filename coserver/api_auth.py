"""HTTP routes for accounts: `/v1/auth/*` and `/v1/me`. Thin: parse, call coserver.accounts, answer."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

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
from coserver.context import client_ip
from coserver.errors import responses
from coserver.roles import PUBLIC, SIGNED_IN, Ctx, CurrentCaller, current_caller

# Re-exported: the other routers have always taken the caller and the context from here.
__all__ = ["Ctx", "CurrentCaller", "current_caller", "router"]

router = APIRouter(prefix="/v1")


@router.post(
    "/auth/register",
    dependencies=[PUBLIC],
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
    dependencies=[PUBLIC],
    response_model=Account,
    responses=responses(400, 422),
    tags=["auth"],
    summary="Confirm the e-mail address with the mailed code",
)
def confirm(body: ConfirmRequest, ctx: Ctx) -> Account:
    return accounts.confirm(ctx, body.token)


@router.post(
    "/auth/sign-in",
    dependencies=[PUBLIC],
    response_model=TokenPair,
    responses=responses(401, 403, 422, 429),
    tags=["auth"],
    summary="Exchange e-mail and password for an access and a refresh token",
)
def sign_in(body: SignInRequest, request: Request, ctx: Ctx) -> TokenPair:
    return accounts.sign_in(ctx, body, client_ip(request))


@router.post(
    "/auth/refresh",
    dependencies=[PUBLIC],
    response_model=TokenPair,
    responses=responses(401, 422),
    tags=["auth"],
    summary="Rotate the refresh token: a new pair; the old refresh token must never be used again",
)
def refresh(body: RefreshRequest, ctx: Ctx) -> TokenPair:
    return accounts.refresh(ctx, body.refresh_token)


@router.post(
    "/auth/sign-out",
    dependencies=[PUBLIC],
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
    dependencies=[SIGNED_IN],
    status_code=204,
    response_class=Response,
    responses=responses(401, 403, 422, 429),
    tags=["auth"],
    summary="Change the password; every other session of the account is ended (wrong current "
    "passwords are rate-limited per account and per address: 429 with Retry-After)",
)
def change_password(
    body: ChangePasswordRequest, request: Request, caller: CurrentCaller, ctx: Ctx
) -> Response:
    accounts.change_password(ctx, caller, body, client_ip(request))
    return Response(status_code=204)


@router.get(
    "/me",
    dependencies=[SIGNED_IN],
    response_model=Account,
    responses=responses(401),
    tags=["auth"],
    summary="The caller's account",
)
def me(caller: CurrentCaller) -> Account:
    return caller.account
