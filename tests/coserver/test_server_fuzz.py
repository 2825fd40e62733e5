"""Random JSON bodies to the unauthenticated endpoints, and deep or wide JSON to every endpoint that
takes a body, never make the server fail (no 5xx)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coapp.sync.wire import IDEMPOTENCY_HEADER, IF_MATCH_HEADER
from coserver.settings import RateLimit
from tests.coserver.application_helpers import consent, interview
from tests.coserver.authz_helpers import Operation, account_of_role, call, operations
from tests.coserver.harness import PASSWORD, LiveServer
from tests.coserver.invoice_helpers import milestone
from tests.coserver.json_strategies import deep_json, wide_json
from tests.coserver.sync_helpers import freelancer, upsert

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
_field_values = st.none() | st.booleans() | st.integers() | st.text(max_size=300) | st.emails()
_plausible = st.fixed_dictionaries(
    {},
    optional={
        "email": _field_values,
        "password": _field_values,
        "role": st.sampled_from(["freelancer", "client", "agent", "admin", ""]) | _field_values,
        "display_name": _field_values,
        "device_name": _field_values,
        "token": _field_values,
        "refresh_token": _field_values,
    },
)

PATHS = ["/v1/auth/register", "/v1/auth/sign-in", "/v1/auth/confirm", "/v1/auth/refresh", "/v1/auth/sign-out"]


@pytest.fixture
def fuzz_server(start_server) -> LiveServer:  # type: ignore[no-untyped-def]
    generous = RateLimit(1_000_000, timedelta(hours=1))
    return start_server(  # type: ignore[no-any-return]
        sign_in_per_ip=generous,
        sign_in_per_account=generous,
        register_per_ip=generous,
        register_per_account=generous,
        change_password_per_ip=generous,
        change_password_per_account=generous,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), body=_json | _plausible)
def test_random_bodies_never_cause_a_server_error(fuzz_server: LiveServer, path: str, body: object) -> None:
    response = fuzz_server.post(path, body)
    assert response.status_code < 500, response.text
    # A 204 has no body: look for the error code only in answers that are not successes.
    assert response.status_code in (200, 201, 204) or "error" in response.json()


# --- deep and wide JSON on every route that takes a body ------------------------------------------------


def _base_bodies(contract_id: str) -> dict[str, dict[str, Any]]:
    """A plausible body per operation that takes one, for the deep or wide value to sit in."""
    return {
        "POST /v1/auth/register": {"email": "new@example.com", "password": PASSWORD},
        "POST /v1/auth/confirm": {"token": "coc_unknown"},
        "POST /v1/auth/sign-in": {"email": "anna@example.com", "password": PASSWORD},
        "POST /v1/auth/refresh": {"refresh_token": "cor_unknown"},
        "POST /v1/auth/sign-out": {"refresh_token": "cor_unknown"},
        "POST /v1/auth/change-password": {"current_password": "not it at all", "new_password": "x"},
        "POST /v1/sync/push": {
            "ops": [upsert(uuid.uuid4(), contract_id=contract_id, work_date="2026-03-02")]
        },
        "POST /v1/invoices/{invoice_id}/confirm": milestone(uuid.UUID(contract_id)),
        "POST /v1/invoices/{invoice_id}/credit": {
            "credit_note_id": str(uuid.uuid4()),
            "issue_date": "2026-04-02",
        },
        "POST /v1/assignments": {"title": "Python", "client_name": "Kund AB", "skills": ["Python"]},
        "POST /v1/files/uploads": {
            "sha256": "ab" * 32,
            "size": 100,
            "content_type": "image/jpeg",
            "purpose": "photo",
        },
        # A chunk's body is raw bytes; sent as JSON here, so the JSON checks in front see it too.
        "PUT /v1/files/uploads/{upload_id}": {"chunk": "bytes"},
        "POST /v1/applications/{application_id}/submit": {
            "assignment_id": str(uuid.uuid4()),
            "consent": consent(),
        },
        "POST /v1/applications/{application_id}/withdraw": {"text": "x"},
        "POST /v1/applications/{application_id}/interview": interview(),
        **{f"POST /v1/applications/{{application_id}}/{verb}": {"text": "x"} for verb in AGENT_VERBS},
        "POST /v1/agent/messages": {"freelancer_id": str(uuid.uuid4()), "text": "x"},
        # A photo's body is the picture's bytes; sent as JSON here, so the JSON checks see it too.
        "PUT /v1/agent/photo": {"photo": "bytes"},
        # Issue 11's contract commands.
        "POST /v1/contracts/{contract_id}/sign": {"name": "Anna Lindqvist", "terms_version": 1},
        "POST /v1/contracts/{contract_id}/terms": {"title": "x", "scope": "y", "rate_minor": 1},
        "POST /v1/contracts/{contract_id}/milestones": {
            "title": "x",
            "amount_minor": 1,
            "due_date": "2026-05-01",
        },
        "POST /v1/contracts/{contract_id}/milestones/{milestone_id}/state": {"state": "ready"},
        "POST /v1/contracts/{contract_id}/extend": {"end_date": "2026-12-31", "text": "x"},
        "POST /v1/contracts/{contract_id}/end": {"text": "x"},
        "POST /v1/contracts/{contract_id}/terminate": {"text": "x"},
        "POST /v1/contracts/{contract_id}/feedback": {
            "quality": 5,
            "communication": 4,
            "delivery": 3,
            "expertise": 2,
            "comment": "x",
        },
        "POST /v1/contracts/{contract_id}/review": {"score": 5, "text": "x"},
        # Issue 13.
        "POST /v1/account/deletion-request": {"confirm_email": "anna@example.com", "reason": "x"},
        "POST /v1/app/latest-version": {"version": "1.0.0"},
    }


AGENT_VERBS = ("propose", "offer", "contract", "decline")
CONTRACT_AGENT_VERBS = (
    "terms",
    "milestones",
    "milestones/{milestone_id}/state",
    "extend",
    "end",
    "terminate",
)
# Routes only an agent may call (or a client and an agent): the deep or wide value must get past the
# role to be parsed.
AGENT_ROUTES = {
    "POST /v1/assignments",
    "POST /v1/agent/messages",
    "PUT /v1/agent/photo",
    "POST /v1/applications/{application_id}/interview",
    *(f"POST /v1/applications/{{application_id}}/{verb}" for verb in AGENT_VERBS),
    *(f"POST /v1/contracts/{{contract_id}}/{verb}" for verb in CONTRACT_AGENT_VERBS),
    "POST /v1/contracts/{contract_id}/feedback",
}

ADMIN_ROUTES = {"POST /v1/app/latest-version"}


# Where each route's deep or wide value goes: the field that takes free-form JSON where there is one.
_SLOTS = {
    "POST /v1/sync/push": "fields",
    "POST /v1/invoices/{invoice_id}/confirm": "frozen",
    "POST /v1/applications/{application_id}/submit": "consent",
}


def _place(body: dict[str, Any], value: Any, where: str) -> Any:
    if where == "body":
        return value
    if where == "fields":
        body["ops"][0]["fields"]["note"] = value
    elif where == "frozen":
        body["frozen"] = {"seller": value}
    elif where == "consent":
        body["consent"]["message"] = value
    else:
        body[next(iter(body))] = value  # the first field, whatever it is
    return body


@pytest.fixture
def body_routes(fuzz_server: LiveServer) -> tuple[LiveServer, list[Operation], dict[str, str], str]:
    anna = freelancer(fuzz_server)
    agent = account_of_role(fuzz_server, "agent")
    ops = [op for op in operations(fuzz_server) if op.has_body]
    assert {op.label for op in ops} == set(_base_bodies(str(anna.contract_id))), (
        "a new body route: add its base"
    )
    admin = account_of_role(fuzz_server, "admin")
    tokens = {"freelancer": anna.token, "agent": agent.token, "admin": admin.token}
    return fuzz_server, ops, tokens, str(anna.contract_id)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(value=deep_json() | wide_json(), whole_body=st.booleans())
def test_deep_and_wide_json_never_causes_a_server_error(
    body_routes: tuple[LiveServer, list[Operation], dict[str, str], str], value: Any, whole_body: bool
) -> None:
    """Each example goes to every route that takes a body (in its free-form field, or as the body)."""
    server, ops, tokens, contract_id = body_routes
    for op in ops:
        where = "body" if whole_body else _SLOTS.get(op.label, "first field")
        body = _place(_base_bodies(contract_id)[op.label], value, where)
        token = tokens[
            "agent" if op.label in AGENT_ROUTES else "admin" if op.label in ADMIN_ROUTES else "freelancer"
        ]
        headers = {IF_MATCH_HEADER: '"1"', IDEMPOTENCY_HEADER: str(uuid.uuid4())}
        path = op.url(**{name: uuid.uuid4() for name in op.path_params})
        response = call(server, op.method, path, token, body, headers)
        assert response.status_code < 500, (op.label, where, response.text[:300])
        if response.status_code >= 400:
            assert "error" in response.json(), response.text[:300]
