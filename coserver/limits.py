"""Request-body limits, as a pure ASGI middleware in front of every route.

Without it a 64 MB body to `/v1/auth/sign-in` grew the server by 190 MB before validation refused the
password's length. Here a body is refused with 413 before it is read when its Content-Length says
it is too big, and while it streams in (chunked, no Content-Length) as soon as the bytes received
pass the route's cap: at most cap + one chunk is ever held. A body within its cap is buffered (the
route would read it whole anyway), its JSON shape checked (coserver.jsonshape: too deep or too
wide is a 422 before pydantic, the idempotency hash or SQLAlchemy see it), and handed to the app.

Pure ASGI rather than BaseHTTPMiddleware: that one runs the app in a separate task and wraps
streaming, and a 413 must go out before anything reads the body.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coserver import jsonshape
from coserver.errors import error_response
from coserver.settings import BodyLimits

_INVOICE_CONFIRM = re.compile(r"^/v1/invoices/[^/]+/confirm$")
_FILE_CHUNK = re.compile(r"^/v1/files/uploads/[^/]+$")


def cap_for(limits: BodyLimits, path: str) -> int:
    """The largest body a path takes, in bytes (see BodyLimits for why each figure)."""
    if path.startswith("/v1/auth/"):
        return limits.auth
    if path == "/v1/sync/push":
        return limits.push
    if _INVOICE_CONFIRM.match(path):
        return limits.invoice_confirm
    if path == "/v1/assignments":
        return limits.assignment
    if _FILE_CHUNK.match(path):
        return limits.file_chunk
    if path == "/v1/agent/photo":
        return limits.agent_photo
    if path.startswith("/v1/applications/") or path in ("/v1/agent/messages", "/v1/account/deletion-request"):
        return limits.application
    if path.startswith("/v1/contracts/"):
        return limits.contract
    return limits.other


def _too_large(cap: int) -> Any:
    response = error_response(
        413, "body_too_large", f"The request body is larger than this endpoint takes ({cap} bytes).", "body"
    )
    # The rest of the body is never read: the connection cannot carry another request.
    response.headers["Connection"] = "close"
    return response


def _is_json(headers: Headers) -> bool:
    # FastAPI parses a body without a Content-Type as JSON too.
    content_type = headers.get("content-type")
    return content_type is None or "json" in content_type.lower()


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = cap_for(self.limits, scope["path"])
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                bad = error_response(400, "invalid_content_length", "Content-Length must be a number.")
                bad.headers["Connection"] = "close"
                await bad(scope, receive, send)
                return
            if int(declared) > cap:
                await _too_large(cap)(scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client went away: nobody to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                await _too_large(cap)(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        del chunks
        if body and _is_json(headers):
            limits = self.limits
            problem = jsonshape.check(body, limits.max_depth, limits.max_containers, limits.max_values)
            if problem is not None:
                await error_response(422, problem.code, problem.message, "body")(scope, receive, send)
                return
        await self.app(scope, _replay(body, receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The buffered body as one message, then the real channel (which reports a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def document_limits(openapi: dict[str, Any]) -> None:
    """Every operation that takes a body documents the 413 the middleware may answer."""
    for item in openapi.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                operation.setdefault("responses", {}).setdefault(
                    "413",
                    {
                        "description": "The request body is larger than this endpoint takes",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}
                        },
                    },
                )
