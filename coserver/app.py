"""The application factory: `create_app(settings)` migrates the database and wires the routes."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

import coserver
from coserver import (
    api_agent,
    api_applications,
    api_assignments,
    api_auth,
    api_contracts,
    api_data_safety,
    api_files,
    api_invoices,
    api_profile,
    api_sync,
    roles,
)
from coserver.context import ServerContext, make_mailer
from coserver.db import make_engine, make_session_factory, migrate
from coserver.errors import install_error_handlers
from coserver.limits import BodyLimitMiddleware, document_limits
from coserver.passwords import Passwords
from coserver.settings import Settings


def create_app(settings: Settings) -> FastAPI:
    engine = make_engine(settings.db_url)
    # Migrations run at start-up; several processes starting at once take turns (see db.migrate).
    migrate(engine)
    app = FastAPI(
        title="coapp platform API",
        version=getattr(coserver, "__version__", "1"),
        summary="Accounts, offline-first sync, invoice commands and assignments (coapp reference server).",
    )
    app.state.ctx = ServerContext(
        settings=settings,
        engine=engine,
        sessions=make_session_factory(engine),
        passwords=Passwords(settings.password_hasher),
        mailer=make_mailer(settings),
    )
    install_error_handlers(app)
    app.include_router(api_auth.router)
    app.include_router(api_sync.router)
    app.include_router(api_invoices.router)
    app.include_router(api_assignments.router)
    app.include_router(api_profile.router)
    app.include_router(api_files.router)
    app.include_router(api_applications.router)
    app.include_router(api_agent.router)
    app.include_router(api_contracts.router)
    app.include_router(api_data_safety.router)
    # Every route says who may call it (coserver.roles); an app with one that does not never starts.
    roles.check_declared(app)
    _document(app)
    # Outermost: a body too big is refused before anything reads it.
    app.add_middleware(BodyLimitMiddleware, limits=settings.body_limits)
    return app


def _document(app: FastAPI) -> None:
    """The OpenAPI document also states the body-size 413 and each operation's roles (x-roles)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            document_limits(document)
            roles.document_roles(app, document)
        return app.openapi_schema or generate()

    app.openapi = openapi  # type: ignore[method-assign]
