"""The platform's HTTP API as Python calls: bodies from coapp.sync.wire, errors as exceptions.

Tokens are read from and written to the TokenStore (the OS keyring) only; an expired access token
is refreshed once, transparently, and a refused refresh means the user must sign in again.
"""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, RootModel, ValidationError

from coapp import __version__
from coapp.sync.credentials import Tokens, TokenStore
from coapp.sync.errors import ApiError, BadServerAnswer, OfflineError, SignInRequired
from coapp.sync.sync_status import account_key as account_key  # its home; here for the callers
from coapp.sync.transport import LOST_ANSWER, Transport
from coapp.sync.wire import (
    API_PREFIX,
    CLIENT_VERSION_HEADER,
    IDEMPOTENCY_HEADER,
    Account,
    AgentRecord,
    ApplicationDetail,
    ChangesPage,
    ConfirmRequest,
    ConsentsList,
    ContractDetail,
    PushOp,
    PushRequest,
    PushResponse,
    RefreshRequest,
    RegisterRequest,
    ReviewsView,
    SignInRequest,
    SignOutRequest,
    SyncMeta,
    SyncSummary,
    TextVersion,
    TokenPair,
)
from coapp.sync.wire.files import UPLOAD_OFFSET_HEADER, StartUpload, UploadStatus

M = TypeVar("M", bound=BaseModel)

# The feed and summary carry the profile's entities, and the assignments and favourites (issue 10),
# and contract offers, milestones, feedback and reviews (issue 11) only when asked
# (coserver.profile_feed, contract_feed): an older client's closed list of entities would refuse them.
# A cursor from before a group was asked for is answered 410 and the feed is read again once.
_WITH_PROFILE = {"with_profile": "true", "with_assignments": "true", "with_contracts": "true"}


class _TextVersions(RootModel[list[TextVersion]]):
    pass


def _error_from(response: requests.Response) -> ApiError:
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    code = str(body.get("error") or f"http_{response.status_code}")
    message = str(body.get("message") or f"The server answered {response.status_code}.")
    if response.status_code == 401:  # error text: the platform's own words
        return SignInRequired(message, code=code, status=response.status_code, body=body)
    return ApiError(response.status_code, code, message, body)  # error text: the platform's own words


def parse(model: type[M], response: requests.Response) -> M:
    try:
        return model.model_validate_json(response.content)
    except ValidationError:
        raise BadServerAnswer(
            "the server's answer to {method} {url} was not understood",
            method=response.request.method,
            url=response.url,
        ) from None


def _bearer(tokens: Tokens) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens.access}"}


class PlatformApi:
    def __init__(self, transport: Transport, tokens: TokenStore, account: str) -> None:
        self.transport = transport
        self.tokens = tokens
        self.account = account  # the keyring entry (account_key)
        self.requests = 0  # requests made (the no-op sync is one)
        self.last_date: str | None = None  # the server's Date header: the clock check

    # --- auth ----------------------------------------------------------------------------------

    def sign_in(self, email: str, password: str, device_name: str = "coapp") -> TokenPair:
        body = SignInRequest(email=email, password=password, device_name=device_name)
        response = self._send("POST", "/auth/sign-in", json=body.model_dump(mode="json"))
        pair = parse(TokenPair, self._ok(response))
        self.tokens.save(self.account, Tokens(pair.access_token, pair.refresh_token))
        return pair

    def register(self, email: str, password: str, display_name: str | None = None) -> Account:
        body = RegisterRequest(email=email, password=password, display_name=display_name)
        response = self._send("POST", "/auth/register", json=body.model_dump(mode="json", exclude_none=True))
        return parse(Account, self._ok(response))

    def confirm(self, code: str) -> Account:
        body = ConfirmRequest(token=code.strip())
        return parse(
            Account, self._ok(self._send("POST", "/auth/confirm", json=body.model_dump(mode="json")))
        )

    def sign_out(self) -> None:
        """Revoke the session on the server when reachable; forget the tokens locally either way."""
        tokens = self.tokens.load(self.account)
        try:
            if tokens is not None:
                body = SignOutRequest(refresh_token=tokens.refresh).model_dump(mode="json")
                self._send("POST", "/auth/sign-out", json=body)
        finally:
            self.tokens.forget(self.account)

    def me(self) -> Account:
        return parse(Account, self._authed("GET", "/me"))

    # --- sync ----------------------------------------------------------------------------------

    def meta(self) -> SyncMeta:
        return parse(SyncMeta, self._authed("GET", "/sync/meta"))

    def push(self, ops: list[PushOp], key: str) -> PushResponse:
        body = PushRequest(ops=ops).model_dump(mode="json")
        return parse(PushResponse, self._authed("POST", "/sync/push", json=body, key=key))

    def changes(self, cursor: str | None, limit: int) -> ChangesPage:
        params: dict[str, Any] = {"limit": limit, **_WITH_PROFILE}
        if cursor:
            params["cursor"] = cursor
        return parse(ChangesPage, self._authed("GET", "/sync/changes", params=params))

    def summary(self) -> SyncSummary:
        return parse(SyncSummary, self._authed("GET", "/sync/summary", params=_WITH_PROFILE))

    def text_versions(self, row_id: str) -> list[TextVersion]:
        """Earlier texts of a profile row's long text (the letter, a description), newest first."""
        response = self._authed("GET", f"/profile/text-versions/{uuid.UUID(row_id)}")
        return parse(_TextVersions, response).root

    # --- the profile's files (coapp.sync.files) -------------------------------------------------

    def start_upload(self, request: StartUpload) -> UploadStatus:
        """The platform's upload of this file: new, under way (resume at its offset) or complete."""
        return parse(
            UploadStatus, self._authed("POST", "/files/uploads", json=request.model_dump(mode="json"))
        )

    def upload_status(self, upload_id: uuid.UUID) -> UploadStatus:
        return parse(UploadStatus, self._authed("GET", f"/files/uploads/{upload_id}"))

    def upload_chunk(self, upload_id: uuid.UUID, offset: int, data: bytes) -> UploadStatus | None:
        """Send bytes at an offset; None when the platform holds another offset (ask upload_status)."""
        headers = {UPLOAD_OFFSET_HEADER: str(offset), "Content-Type": "application/octet-stream"}
        try:
            response = self._authed("PUT", f"/files/uploads/{upload_id}", data=data, headers=headers)
        except ApiError as exc:
            if exc.status == 409 and exc.code == "wrong_offset":
                return None
            raise
        return parse(UploadStatus, response)

    def download_file(self, sha256: str, limit: int) -> bytes:
        """A file's bytes by checksum, at most *limit* of them (the caller checks the checksum)."""
        return self._bounded(self._authed("GET", f"/files/{sha256}", stream=True), limit, "one file")

    @staticmethod
    def _bounded(response: requests.Response, limit: int, what: str) -> bytes:
        """A streamed answer's bytes, refused past *limit* (a platform never fills the disk)."""
        parts: list[bytes] = []
        size = 0
        try:
            for part in response.iter_content(64 * 1024):
                size += len(part)
                if size > limit:
                    if what == "one file":
                        raise BadServerAnswer(
                            "the platform sent more than {limit} bytes for one file", limit=limit
                        )
                    raise BadServerAnswer(
                        "the platform sent more than {limit} bytes for the agent's photo", limit=limit
                    )
                parts.append(part)
        except LOST_ANSWER as exc:
            raise OfflineError(
                "offline: the download was cut short ({problem})", problem=type(exc).__name__
            ) from None
        finally:
            response.close()
        return b"".join(parts)

    def command(self, path: str, body: dict[str, Any], key: str, if_match: int | None) -> requests.Response:
        """A command endpoint; the caller parses the answer (its shape depends on the command)."""
        headers = {"If-Match": f'"{if_match}"'} if if_match is not None else {}
        return self._authed("POST", path, json=body, key=key, headers=headers)

    def deletion_request(self, path: str) -> requests.Response:
        """The account's deletion request as the platform holds it (coapp.sync.data_safety_calls)."""
        return self._authed("GET", path)

    def cancel_deletion_request(self, path: str) -> requests.Response:
        """Take the account's deletion request back (coapp.sync.data_safety_calls says when it can)."""
        return self._authed("DELETE", path)

    # --- applications (issue 10; commands go through `command`) ----------------------------------

    def application(self, application_id: str) -> ApplicationDetail:
        return parse(ApplicationDetail, self._authed("GET", f"/applications/{uuid.UUID(application_id)}"))

    def consents(self) -> ConsentsList:
        return parse(ConsentsList, self._authed("GET", "/consents"))

    def agent(self) -> AgentRecord:
        """The freelancer's agent; ApiError 404 no_agent before one is assigned."""
        return parse(AgentRecord, self._authed("GET", "/agent"))

    def agent_photo(self, limit: int) -> bytes:
        """The agent's photo, at most *limit* bytes (the caller checks the card's checksum)."""
        return self._bounded(self._authed("GET", "/agent/photo", stream=True), limit, "the agent's photo")

    # --- contracts (issue 11; signing and reviews go through `command`, coapp.sync.contract_calls) ---

    def contract_detail(self, contract_id: str) -> ContractDetail:
        return parse(ContractDetail, self._authed("GET", f"/contracts/{uuid.UUID(contract_id)}/detail"))

    def contract_reviews(self, contract_id: str) -> ReviewsView:
        """One's own review and, once revealed, the other party's."""
        return parse(ReviewsView, self._authed("GET", f"/contracts/{uuid.UUID(contract_id)}/reviews"))

    # --- plumbing ------------------------------------------------------------------------------

    def _send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        headers[CLIENT_VERSION_HEADER] = __version__
        self.requests += 1
        response = self.transport.request(method, f"{API_PREFIX}{path}", headers=headers, **kwargs)
        self.last_date = response.headers.get("Date")
        return response

    def _ok(self, response: requests.Response) -> requests.Response:
        if response.status_code >= 400:
            raise _error_from(response)
        return response

    def _authed(
        self,
        method: str,
        path: str,
        *,
        key: str | None = None,
        headers: dict[str, str] | None = None,
        **kw: Any,
    ) -> requests.Response:
        tokens = self.tokens.load(self.account)
        if tokens is None:
            raise SignInRequired("Sign in to sync.")
        extra = dict(headers or {})
        if key is not None:
            extra[IDEMPOTENCY_HEADER] = key
        response = self._send(method, path, headers={**extra, **_bearer(tokens)}, **kw)
        if response.status_code == 401:
            tokens = self._refresh(tokens)
            response = self._send(method, path, headers={**extra, **_bearer(tokens)}, **kw)
        return self._ok(response)

    def _refresh(self, tokens: Tokens) -> Tokens:
        body = RefreshRequest(refresh_token=tokens.refresh).model_dump(mode="json")
        response = self._send("POST", "/auth/refresh", json=body)
        if response.status_code in (400, 401, 403, 422):
            self.tokens.forget(self.account)
            raise SignInRequired("Your session has ended; sign in again to sync.", code="session_ended")
        pair = parse(TokenPair, self._ok(response))
        fresh = Tokens(pair.access_token, pair.refresh_token)
        self.tokens.save(self.account, fresh)
        return fresh
