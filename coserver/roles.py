"""Who may call what. Every route declares its callers with one dependency, on its router or itself:

- `PUBLIC`: no token needed (registration, sign-in, ...; `/v1/sync/meta`, which answers more to a
  signed-in caller);
- `require_role(*roles)`: a valid bearer token of an account with one of these roles, else 401
  (no or a bad token) or 403 `role_not_allowed` (another role). `FREELANCER` and `SIGNED_IN` are the
  two sets most routes use.

`check_declared(app)` refuses to start an app with a route that declares neither, and
`document_roles` writes each operation's set into `/openapi.json` (`x-roles`, plus its 403).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request, routing
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from coapp.sync.wire import Role
from coserver import accounts
from coserver.accounts import Caller
from coserver.context import ServerContext, get_context
from coserver.errors import ApiError

# auto_error=False: a missing token gets our JSON 401, not FastAPI's own 403 body.
_bearer = HTTPBearer(auto_error=False, description="An access token from sign-in or refresh")

Ctx = Annotated[ServerContext, Depends(get_context)]


def current_caller(
    ctx: Ctx, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Caller:
    return accounts.authenticate(ctx, credentials.credentials if credentials else None)


CurrentCaller = Annotated[Caller, Depends(current_caller)]


def optional_caller(request: Request, ctx: Ctx) -> Caller | None:
    """The caller when the request carries an Authorization header (a bad one is 401, so a client
    with an expired token refreshes it), None when it carries none. Read from the request, not
    through HTTPBearer, so the operation stays public in the OpenAPI document."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    return accounts.authenticate(ctx, token.strip() if scheme.lower() == "bearer" else None)


OptionalCaller = Annotated[Caller | None, Depends(optional_caller)]


class _Roles:
    """The dependency behind require_role: an instance per declared set, found again by
    check_declared and document_roles in each route's dependency tree."""

    def __init__(self, roles: frozenset[Role]) -> None:
        self.roles = roles

    def __call__(self, caller: CurrentCaller) -> Caller:
        role = caller.account.role
        if role not in self.roles:
            allowed = " or ".join(sorted(r.value for r in self.roles))
            raise ApiError(
                403,
                "role_not_allowed",
                f"This endpoint is for {allowed} accounts; this account is a {role.value} account.",
            )
        return caller


def _public() -> None:
    """Marks a route as open to anyone (the marker check_declared looks for)."""


def require_role(*roles: Role) -> Any:
    if not roles:
        raise ValueError("name at least one role (PUBLIC is the dependency for public routes)")
    return Depends(_Roles(frozenset(roles)))


PUBLIC: Any = Depends(_public)
FREELANCER = require_role(Role.FREELANCER)
SIGNED_IN = require_role(*Role)
AGENT_OR_ADMIN = require_role(Role.AGENT, Role.ADMIN)

# A route parameter that is the caller and declares the role set at once.
Freelancer = Annotated[Caller, FREELANCER]


def _calls(dependant: Dependant) -> Iterator[Any]:
    for sub in dependant.dependencies:
        yield sub.call
        yield from _calls(sub)


def api_routes(app: FastAPI) -> list[Any]:
    """Every API route as served, router dependencies included. FastAPI 0.165 keeps included routers
    as such in app.routes and resolves each route in its context (iter_route_contexts); earlier
    versions copied the routes into app.routes."""
    contexts = getattr(routing, "iter_route_contexts", None)
    if contexts is None:
        return [route for route in app.routes if isinstance(route, APIRoute)]
    return [context for context in contexts(app.routes) if isinstance(context.original_route, APIRoute)]


def declared_roles(route: Any) -> frozenset[Role] | None:
    """The roles a route admits; None for a public route. A route that declares no set, or both
    public and a set, is an error: every route must say who may call it."""
    calls = list(_calls(route.dependant))
    sets = [call.roles for call in calls if isinstance(call, _Roles)]
    public = any(call is _public for call in calls)
    if public == bool(sets):
        raise RuntimeError(
            f"{sorted(route.methods)} {route.path} must declare who may call it: "
            "dependencies=[PUBLIC] or require_role(...) (see coserver.roles)"
        )
    if public:
        return None
    # Several sets on one route (router and route): a caller must pass every one of them.
    return frozenset.intersection(*sets)


def check_declared(app: FastAPI) -> None:
    routes = api_routes(app)
    if not routes:
        raise RuntimeError("no API route found to check (has FastAPI changed how it keeps routes?)")
    for route in routes:
        declared_roles(route)


def document_roles(app: FastAPI, openapi: dict[str, Any]) -> None:
    """`x-roles` on every operation ("public" or the role names), and the 403 a role refusal is."""
    for route in api_routes(app):
        if not route.include_in_schema:
            continue
        roles = declared_roles(route)
        for method in route.methods:
            operation = openapi["paths"].get(route.path_format, {}).get(method.lower())
            if operation is None:
                continue
            operation["x-roles"] = ["public"] if roles is None else sorted(r.value for r in roles)
            if roles is not None and roles != frozenset(Role):
                operation["responses"].setdefault(
                    "403",
                    {
                        "description": "Not allowed (role_not_allowed: this account's role may not call it)",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}
                        },
                    },
                )
