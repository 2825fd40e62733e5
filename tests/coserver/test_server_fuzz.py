"""Random JSON bodies to the unauthenticated endpoints never make the server fail (no 5xx)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coserver.settings import RateLimit
from tests.coserver.harness import LiveServer

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
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), body=_json | _plausible)
def test_random_bodies_never_cause_a_server_error(fuzz_server: LiveServer, path: str, body: object) -> None:
    response = fuzz_server.post(path, body)
    assert response.status_code < 500, response.text
    # A 204 has no body: look for the error code only in answers that are not successes.
    assert response.status_code in (200, 201, 204) or "error" in response.json()
