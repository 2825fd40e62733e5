"""Request bodies are capped per route before they are read (coserver.limits), and JSON too deep or
too wide is refused before it is parsed into models (coserver.jsonshape): a 413 or 422 with the
project's error body, never a 500, and the largest legitimate bodies still fit."""

from __future__ import annotations

import http.client
import json
import socket
import uuid
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from coapp.sync.push import PUSH_BODY_BUDGET
from coapp.sync.wire import (
    FROZEN_MAX_BYTES,
    INVOICE_ENTRIES_MAX,
    INVOICE_LINES_MAX,
    INVOICE_NOTES_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    PASSWORD_MAX_LENGTH,
    PROFILE_RECORDS,
    PUSH_BATCH_MAX,
    AgentMessageRequest,
    ApplicationTextRequest,
    BookInterviewRequest,
    ContractTermsRequest,
    ContractTextRequest,
    ExtendContractRequest,
    FeedbackRequest,
    MilestoneRequest,
    MilestoneStateRequest,
    ReviewRequest,
    SignContractRequest,
    SubmitApplicationRequest,
    record_fields,
)
from coapp.sync.wire.data_safety import AccountDeletionRequest
from coapp.sync.wire.files import FILE_CHUNK_MAX
from coserver import jsonshape
from coserver.limits import cap_for
from coserver.settings import KIB, BodyLimits
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import contract_terms, freelancer, new_entry, upsert

MIB = 1024 * KIB
EMOJI = "\U0001f600"  # sent as a surrogate-pair escape: 12 bytes per character, the most there is
LIMITS = BodyLimits()


def _raw(server: LiveServer, head: str, chunks: Iterable[bytes] = ()) -> tuple[int, dict[str, Any]]:
    """One request over a socket of our own: the head, then exactly the body bytes given (none at
    all, or chunks); the status and the JSON answer."""
    url = urlsplit(server.url)
    with socket.create_connection((url.hostname, url.port), timeout=30) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode() + b"\r\n")
        for chunk in chunks:
            sock.sendall(chunk)
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status, json.loads(response.read())


def _head(path: str, *headers: str) -> str:
    return "\n".join(
        [f"POST {path} HTTP/1.1", "Host: coserver", "Content-Type: application/json", *headers, ""]
    )


def _chunked(body: bytes, size: int = 4096) -> list[bytes]:
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return [b"%x\r\n%s\r\n" % (len(part), part) for part in parts] + [b"0\r\n\r\n"]


def test_a_content_length_over_the_cap_is_refused_before_the_body_is_read(server: LiveServer) -> None:
    """The measured attack: 64 MB to sign-in. Not one byte of the body is sent: an answer at all
    proves the server did not wait to read it."""
    for path in (
        "/v1/auth/sign-in",
        "/v1/auth/register",
        "/v1/sync/push",
        f"/v1/invoices/{uuid.uuid4()}/confirm",
    ):
        status, body = _raw(server, _head(path, f"Content-Length: {64 * MIB}"))
        assert status == 413, path
        assert body["error"] == "body_too_large"
        assert body["field"] == "body"
        assert str(cap_for(LIMITS, path)) in body["message"]


def test_a_chunked_body_is_counted_while_it_streams(server: LiveServer) -> None:
    """No Content-Length: the bytes are counted as they come, and refused once past the cap."""
    cap = LIMITS.auth
    credentials = b'{"email": "anna@example.com", "password": "'
    over = credentials + b"x" * (cap - len(credentials) - 2) + b'!"}'
    assert len(over) == cap + 1
    status, body = _raw(server, _head("/v1/auth/sign-in", "Transfer-Encoding: chunked"), _chunked(over))
    assert (status, body["error"]) == (413, "body_too_large")
    # Exactly the cap is read and handed on: validation answers (the password is too long).
    within = over[: cap - 2] + b'"}'
    assert len(within) == cap
    status, body = _raw(server, _head("/v1/auth/sign-in", "Transfer-Encoding: chunked"), _chunked(within))
    assert status == 422, body
    assert body["field"] == "password"


def test_each_route_has_its_cap(start_server: Callable[..., LiveServer]) -> None:
    """Small caps, to send bodies just over and just under them: the cap is the route's, and it is
    enforced before authentication (an anonymous body is refused for its size too)."""
    small = BodyLimits(
        auth=1000,
        push=2000,
        invoice_confirm=3000,
        assignment=4000,
        file_chunk=5000,
        application=6000,
        contract=7000,
        other=500,
    )
    server = start_server(body_limits=small)
    anna = freelancer(server)
    routes = {
        "/v1/auth/sign-in": small.auth,
        "/v1/auth/change-password": small.auth,
        "/v1/sync/push": small.push,
        f"/v1/invoices/{uuid.uuid4()}/confirm": small.invoice_confirm,
        f"/v1/invoices/{uuid.uuid4()}/credit": small.other,
        "/v1/assignments": small.assignment,
        "/v1/files/uploads": small.other,
        f"/v1/files/uploads/{uuid.uuid4()}": small.file_chunk,
        f"/v1/applications/{uuid.uuid4()}/submit": small.application,
        f"/v1/applications/{uuid.uuid4()}/interview": small.application,
        "/v1/agent/messages": small.application,
        f"/v1/contracts/{uuid.uuid4()}/terms": small.contract,
        f"/v1/contracts/{uuid.uuid4()}/review": small.contract,
        "/v1/no-such-route": small.other,
    }
    for path, cap in routes.items():
        assert cap_for(small, path) == cap
        for token in (None, anna.token):
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            padded = json.dumps({"pad": "x" * cap}).encode()
            over = server.http.post(server.url + path, data=padded, headers=headers, timeout=30)
            assert over.status_code == 413, (path, over.text)
            assert over.json()["error"] == "body_too_large"
            under = server.http.post(server.url + path, data=b"{}", headers=headers, timeout=30)
            assert under.status_code not in (413, 500), (path, under.text)
    # A push within its cap goes through whole.
    _row, op = new_entry(anna.contract_id, date(2026, 3, 2), note="x" * 1500)
    assert anna.push(op)[0]["status"] == "applied"


def _deep(depth: int) -> Any:
    value: Any = 1
    for n in range(depth - 1):
        value = [value] if n % 2 else {"k": value}
    return value


def test_deep_json_is_refused_before_it_is_parsed(server: LiveServer) -> None:
    """Measured: JSON nested about 255 deep in a push's `fields` or an invoice's `frozen` answered
    500. Now a 422 naming the reason, on every route that takes a body."""
    anna = freelancer(server)
    op = upsert(uuid.uuid4(), contract_id=str(anna.contract_id), work_date="2026-03-02")
    op["fields"]["note"] = _deep(255)
    pushed = anna.push_raw({"ops": [op]})
    assert pushed.status_code == 422, pushed.text
    assert pushed.json()["error"] == "json_too_deep"
    assert pushed.json()["field"] == "body"
    confirm = server.http.post(
        f"{server.url}/v1/invoices/{uuid.uuid4()}/confirm",
        json={"contract_id": str(anna.contract_id), "frozen": {"seller": _deep(255)}},
        headers={**anna.headers(str(uuid.uuid4())), "If-Match": '"1"'},
        timeout=30,
    )
    assert (confirm.status_code, confirm.json()["error"]) == (422, "json_too_deep"), confirm.text
    for path in ("/v1/auth/register", "/v1/auth/sign-in", "/v1/assignments"):
        refused = server.post(path, _deep(40), token=anna.token)
        assert (refused.status_code, refused.json()["error"]) == (422, "json_too_deep"), path
    # Within the depth a push is judged op by op, as always: a value that is no note is refused.
    op["fields"]["note"] = _deep(LIMITS.max_depth - 4)  # body, ops, op and fields are four levels
    [result] = anna.push(op)
    assert result["status"] == "rejected"


def test_wide_json_is_refused_before_it_is_parsed(server: LiveServer) -> None:
    anna = freelancer(server)
    op = upsert(uuid.uuid4(), contract_id=str(anna.contract_id), work_date="2026-03-02")
    op["fields"]["note"] = [{} for _ in range(LIMITS.max_containers + 1)]
    refused = anna.push_raw({"ops": [op]})
    assert (refused.status_code, refused.json()["error"]) == (422, "json_too_large"), refused.text
    op["fields"]["note"] = [0] * (LIMITS.max_values + 1)
    refused = anna.push_raw({"ops": [op]})
    assert (refused.status_code, refused.json()["error"]) == (422, "json_too_large"), refused.text


def test_the_openapi_document_states_the_413(server: LiveServer) -> None:
    document = server.get("/openapi.json").json()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if "requestBody" in operation:
                assert "413" in operation["responses"], (method, path)


# --- the largest legitimate bodies fit (the figures in BodyLimits) --------------------------------------


def _sent(body: Any) -> bytes:
    """As `requests` sends it (json=): non-ASCII as escapes."""
    return json.dumps(body).encode()


def _fits(body: bytes, cap: int) -> None:
    assert len(body) <= cap, (len(body), cap)
    shape = jsonshape.check(body, LIMITS.max_depth, LIMITS.max_containers, LIMITS.max_values)
    assert shape is None, shape


def test_the_largest_legitimate_bodies_fit_their_caps() -> None:
    longest_email = "ä" * 60 + "@" + ".".join(["ö" * 60] * 3) + ".se"
    for body in (
        {"email": longest_email, "password": EMOJI * PASSWORD_MAX_LENGTH, "display_name": EMOJI * 200},
        {"email": longest_email, "password": EMOJI * PASSWORD_MAX_LENGTH, "device_name": EMOJI * 200},
        {"current_password": EMOJI * PASSWORD_MAX_LENGTH, "new_password": EMOJI * PASSWORD_MAX_LENGTH},
    ):
        _fits(_sent(body), LIMITS.auth)
    entry = upsert(
        uuid.uuid4(),
        base=2**63 - 1,
        contract_id=str(uuid.uuid4()),
        work_date="2026-03-02",
        minutes=1440,
        note=EMOJI * NOTE_MAX_LENGTH,
    )
    contract = upsert(uuid.uuid4(), base=2**63 - 1, entity="contract", **_longest_contract())
    _fits(_sent({"ops": [entry] * PUSH_BATCH_MAX}), LIMITS.push)
    _fits(_sent({"ops": [contract] * PUSH_BATCH_MAX}), LIMITS.push)
    line = {
        "position": 100_000,
        "description": EMOJI * 1000,
        "quantity_e4": -(10**9),
        "unit": "hour",
        "unit_price_minor": -(10**10),
        "vat_rate_bp": 10_000,
        "vat_category": "standard",
        "amount_minor": -(10**18),
        "first_day": "2026-03-02",
        "last_day": "2026-03-02",
        "raw_minutes": 10**7,
        "billed_minutes": 10**7,
        "notes": EMOJI * INVOICE_NOTES_MAX_LENGTH,
    }
    invoice = {
        "contract_id": str(uuid.uuid4()),
        "issue_date": "2026-03-31",
        "due_date": "2026-04-30",
        "period_start": "2026-03-01",
        "period_end": "2026-03-31",
        "currency": "SEK",
        "buyer_reference": EMOJI * 100,
        "notes": EMOJI * INVOICE_NOTES_MAX_LENGTH,
        "commission_bp": 10_000,
        "entry_ids": [str(uuid.uuid4()) for _ in range(INVOICE_ENTRIES_MAX)],
        "lines": [line] * INVOICE_LINES_MAX,
        "net_minor": -(10**18),
        "vat_minor": -(10**18),
        "total_minor": -(10**18),
        "commission_minor": -(10**18),
        # 4-byte UTF-8 characters: FROZEN_MAX_BYTES / 4 of them, each a 12-byte escape when sent.
        "frozen": {"seller": {"name": EMOJI * (FROZEN_MAX_BYTES // 4 - 40)}},
        "number": "9" * 32,
    }
    _fits(_sent(invoice), LIMITS.invoice_confirm)
    assignment = {
        "title": EMOJI * 200,
        "client_name": EMOJI * 200,
        "description": EMOJI * 10_000,
        "location": EMOJI * 100,
        "skills": [EMOJI * 60] * 30,
        "must_have": [EMOJI * 60] * 30,
        "nice_to_have": [EMOJI * 60] * 30,
        "seniority": "expert",
        "workplace": "hybrid",
    }
    _fits(_sent(assignment), LIMITS.assignment)
    _fits(_sent(_longest_body(SubmitApplicationRequest)), LIMITS.application)
    _fits(_sent(_longest_body(BookInterviewRequest)), LIMITS.application)
    _fits(_sent(_longest_body(ApplicationTextRequest)), LIMITS.application)
    _fits(_sent(_longest_body(AgentMessageRequest)), LIMITS.application)
    _fits(_sent(_longest_body(AccountDeletionRequest)), LIMITS.application)  # its reason: 2,000 characters
    assert cap_for(LIMITS, "/v1/account/deletion-request") == LIMITS.application
    for request in (
        SignContractRequest,
        ContractTermsRequest,
        MilestoneRequest,
        MilestoneStateRequest,
        ExtendContractRequest,
        ContractTextRequest,
        FeedbackRequest,
        ReviewRequest,
    ):
        _fits(_sent(_longest_body(request)), LIMITS.contract)
    message = upsert(uuid.uuid4(), base=2**63 - 1, entity="message", text=EMOJI * MESSAGE_MAX_LENGTH)
    favourite = upsert(uuid.uuid4(), base=2**63 - 1, entity="favourite", assignment_id=str(uuid.uuid4()))
    _fits(_sent({"ops": [message] * PUSH_BATCH_MAX}), LIMITS.push)
    _fits(_sent({"ops": [favourite] * PUSH_BATCH_MAX}), LIMITS.push)
    _fits(_sent({"credit_note_id": str(uuid.uuid4()), "issue_date": "2026-04-02"}), LIMITS.other)
    start = {"sha256": "f" * 64, "size": 25 * MIB, "content_type": "application/pdf", "purpose": "portfolio"}
    _fits(_sent(start), LIMITS.other)
    _fits(bytes(FILE_CHUNK_MAX), LIMITS.file_chunk)  # a chunk is raw bytes, sent as they are


def _longest_contract() -> dict[str, Any]:
    lengths = {
        "title": 200,
        "client_name": 200,
        "rounding_rule": 32,
        "client_org_number": 32,
        "client_vat_number": 32,
        "client_address": 200,
        "client_postcode": 16,
        "client_city": 100,
    }
    return contract_terms(**{name: EMOJI * n for name, n in lengths.items()})


def _longest_body(model: Any) -> Any:
    """A request body with every field at its largest (per its JSON schema)."""
    schema = model.model_json_schema()
    return _longest(schema, schema.get("$defs", {}))


def _longest(schema: dict[str, Any], defs: dict[str, Any]) -> Any:
    """The largest value a wire field's JSON schema admits, texts in 12-byte escapes where free."""
    if "$ref" in schema:
        return _longest(defs[schema["$ref"].rsplit("/", 1)[1]], defs)
    if "anyOf" in schema:
        return _longest(next(s for s in schema["anyOf"] if s.get("type") != "null"), defs)
    if "enum" in schema:
        return max(schema["enum"], key=lambda v: len(str(v)))
    kind = schema.get("type")
    if kind == "string":
        size = schema.get("maxLength", 64)
        return "f" * size if "pattern" in schema else EMOJI * size
    if kind == "array":
        return [_longest(schema["items"], defs)] * schema.get("maxItems", 1)
    if kind == "integer":
        return -(2**63)
    if kind == "object":
        props = schema.get("properties", {})
        return {name: _longest(prop, defs) for name, prop in props.items()}
    return True


def test_the_client_s_batches_of_the_largest_profile_rows_fit_the_push_cap() -> None:
    """Every profile entity with each field at its largest: one op fits, and a batch as the client
    makes it (at most PUSH_BATCH_MAX ops and PUSH_BODY_BUDGET bytes of fields) fits the push cap and
    the JSON shape limits."""
    assert LIMITS.push // 2 >= PUSH_BODY_BUDGET
    for entity, record in PROFILE_RECORDS.items():
        schema = record.model_json_schema()
        defs = schema.get("$defs", {})
        fields = {name: _longest(schema["properties"][name], defs) for name in record_fields(entity)}
        op = upsert(uuid.uuid4(), base=2**63 - 1, entity=entity, **fields)
        size = len(_sent(op))
        count = min(PUSH_BATCH_MAX, max(1, PUSH_BODY_BUDGET // size))
        _fits(_sent({"ops": [op] * count}), LIMITS.push)
