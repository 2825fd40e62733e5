"""Schemathesis against the real server over loopback: every operation of the live `/openapi.json`,
valid and invalid requests, signed in as a real account. No answer is a 5xx, every status is
documented for its operation, and every body and content type matches the schema.

Operations are read from the running app, so an endpoint added later is fuzzed without editing this
file. The default run is bounded (a few seconds per backend); COAPP_FULL=1 or --full runs many more
examples per operation."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, GenerationMode
from schemathesis.core.failures import FailureGroup

from coapp.sync.wire import CLIENT_VERSION_HEADER
from coserver.settings import RateLimit
from tests.coserver.authz_helpers import Tenant, call, full_run, operations, tenant
from tests.coserver.harness import LiveServer

DEFAULT_EXAMPLES = 25
FULL_EXAMPLES = 300
# Whether a request that the schema allows is accepted depends on data (a weak password, an unknown
# refresh token, a cursor from nowhere): "positive data acceptance" is not a promise this API makes.
_EXCLUDED_CHECKS = [schemathesis.checks.positive_data_acceptance]


@pytest.fixture
def fuzz_target(start_server: Callable[..., LiveServer]) -> tuple[LiveServer, Tenant, Tenant]:
    # Generous rate limits so that sign-in and register reach their real logic on every example
    # (429 stays documented and is accepted when it happens).
    generous = RateLimit(1_000_000, timedelta(hours=1))
    server = start_server(
        sign_in_per_ip=generous,
        sign_in_per_account=generous,
        register_per_ip=generous,
        register_per_account=generous,
    )
    return server, tenant(server, "anna@example.com"), tenant(server, "bertil@example.com")


def _config() -> schemathesis.Config:
    # Unknown query parameters are ignored, as HTTP APIs do; the token is ours, not generated.
    return schemathesis.Config.from_dict(
        {"generation": {"allow-extra-parameters": False, "with-security-parameters": False}}
    )


def _known_ids(anna: Tenant, bertil: Tenant) -> list[str]:
    """Ids that exist (the caller's own and another account's) next to random ones: path ids then
    reach the 200 and the 404 answers, whose bodies are checked against the schema too."""
    return [str(i) for i in (*anna.row_ids, *bertil.row_ids, uuid.uuid4())]


def _strategy(operation: Any, mode: GenerationMode, ids: list[str]) -> st.SearchStrategy[Case]:
    generated: st.SearchStrategy[Case] = operation.as_strategy(generation_mode=mode)
    names = [p.name for p in operation.path_parameters]
    if mode is GenerationMode.NEGATIVE or not names:
        return generated
    with_known: st.SearchStrategy[Case] = st.sampled_from(ids).flatmap(
        lambda value: operation.as_strategy(generation_mode=mode, path_parameters=dict.fromkeys(names, value))
    )
    return st.one_of(generated, with_known)


def test_every_operation_answers_within_its_schema(
    fuzz_target: tuple[LiveServer, Tenant, Tenant], request: pytest.FixtureRequest
) -> None:
    server, anna, bertil = fuzz_target
    examples = FULL_EXAMPLES if full_run(request.config) else DEFAULT_EXAMPLES
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json", config=_config(), timeout=30)
    auth = {"Authorization": f"Bearer {anna.who.token}"}
    ids = _known_ids(anna, bertil)
    calls: Counter[str] = Counter()
    statuses: dict[str, set[int]] = {}
    failures: list[str] = []
    loaded = []
    unsatisfiable: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()  # a schema error for one operation fails the test here
        loaded.append(operation.label)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @settings(
                max_examples=examples,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=_strategy(operation, mode, ids))
            def exercise(case: Case) -> None:
                response = case.call_and_validate(
                    session=server.http, headers=auth, excluded_checks=_EXCLUDED_CHECKS, timeout=30
                )
                calls[case.operation.label] += 1
                statuses.setdefault(case.operation.label, set()).add(response.status_code)

            try:
                exercise()
            except FailureGroup as group:
                failures.append(f"{operation.label} ({mode.value}):\n{group}")
            except AssertionError as error:
                failures.append(f"{operation.label} ({mode.value}):\n{error}")
            except Unsatisfiable:
                # Nothing to make invalid: no parameters and no body, or only raw bytes (any bytes are
                # a valid body of that kind); the token is always valid here.
                raw_only = all(body.media_type == "application/octet-stream" for body in operation.body)
                if mode is GenerationMode.POSITIVE or any(operation.iter_parameters()) or not raw_only:
                    raise
                unsatisfiable.append(operation.label)
    assert not failures, "\n\n".join(failures)
    # Every documented operation was loaded and called; none was skipped silently.
    assert sorted(loaded) == sorted(op.label for op in operations(server))
    assert set(calls) == set(loaded), set(loaded) - set(calls)
    # The signed-in account was really used: some operation answered 200 with it (not 401 for all).
    assert statuses["GET /v1/me"] == {200}
    assert 200 in statuses["GET /v1/contracts/{contract_id}"]
    assert 404 in statuses["GET /v1/contracts/{contract_id}"]
    assert server.get("/v1/me", anna.who.token).status_code == 200


@pytest.mark.parametrize("raw", [b"\xff\xfe", b'{"email": "\xe9"}', b"\x80"])
def test_a_body_that_is_not_utf8_is_invalid_json_not_a_400(server: LiveServer, raw: bytes) -> None:
    """Found by Schemathesis: FastAPI answered such a body with an undocumented 400."""
    for path in ("/v1/auth/sign-in", "/v1/auth/register", "/v1/auth/refresh", "/v1/auth/sign-out"):
        response = server.http.post(
            server.url + path, data=raw, headers={"Content-Type": "application/json"}, timeout=30
        )
        assert response.status_code == 422, (path, response.text)
        assert response.json()["error"] == "invalid_json"


@pytest.mark.parametrize("base_version", [True, False, 1.0, "1"])
def test_a_base_version_that_is_not_an_integer_is_refused(server: LiveServer, base_version: Any) -> None:
    """Found by Schemathesis: `true` passed as base version 1 (pydantic's lax int)."""
    anna = tenant(server, "anna@example.com")
    op = {
        "op_id": str(uuid.uuid4()),
        "entity": "time_entry",
        "row_id": str(anna.entry_ids[0]),
        "op": "upsert",
        "base_version": base_version,
        "fields": {"minutes": 1},
    }
    response = anna.who.push_raw({"ops": [op]})
    assert response.status_code == 422, response.text
    assert response.json()["field"] == "ops.0.base_version"


@pytest.mark.parametrize(("version", "expected"), [("0.0.1", 426), ("not a version", 400)])
def test_a_client_version_refusal_is_documented_wherever_it_happens(
    start_server: Callable[..., LiveServer], version: str, expected: int
) -> None:
    """Schemathesis sends Coapp-Client-Version only where it is documented; the check itself runs on
    whole routers. Every operation that refuses an old or malformed version must document it."""
    server = start_server(min_client_version="1.0.0")
    token = server.signed_in()["access_token"]
    refusing, undocumented = [], []
    for op in operations(server):
        path = op.url(**{name: uuid.uuid4() for name in op.path_params})
        response = call(server, op.method, path, token, body={}, headers={CLIENT_VERSION_HEADER: version})
        if response.status_code == expected:
            refusing.append(op.label)
            if expected not in op.documented_statuses:
                undocumented.append(op.label)
    assert not undocumented, f"these answer {expected} without documenting it: {undocumented}"
    assert "GET /v1/sync/meta" in refusing
    assert "POST /v1/sync/push" in refusing
