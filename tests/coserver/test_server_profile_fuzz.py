"""Random push batches of the profile's entities (plausible rows with fields replaced by junk, deep or
wide JSON, random bases and kinds, two accounts) never make the server fail: no 5xx, one result per
op, and every row stored is one the client's wire records accept and that keeps the rules across
fields. Random ids on the text-versions route never fail either."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from coapp.sync.wire import PROFILE_RECORDS, ChangesPage
from coserver.models import ProfileRow
from coserver.profile_fields import check_row
from coserver.profile_sync import profile_record
from tests.coserver.harness import LiveServer
from tests.coserver.json_strategies import deep_json, wide_json
from tests.coserver.profile_samples import SAMPLE_FIELDS, sample_id
from tests.coserver.sync_helpers import Freelancer, database, freelancer

ROW_IDS = [str(uuid.UUID(int=n)) for n in range(1, 4)]
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
_values = _scalars | st.lists(_scalars, max_size=3) | deep_json() | wide_json()
_SLOW = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


@pytest.fixture
def two(server: LiveServer) -> tuple[Freelancer, Freelancer]:
    return freelancer(server), freelancer(server, "bertil@example.com")


@st.composite
def _ops(draw: st.DrawFn) -> dict[str, Any]:
    entity = draw(st.sampled_from(sorted(PROFILE_RECORDS)) | st.just("profile_skil"))
    fields = dict(SAMPLE_FIELDS.get(entity, {}))
    for name in draw(st.lists(st.sampled_from(sorted(fields) or ["x"]), max_size=3, unique=True)):
        fields[name] = draw(_values)
    if draw(st.booleans()):
        fields.update(draw(st.dictionaries(st.sampled_from(["logo_path", "deleted_at", "id", ""]), _values)))
    row_id = draw(
        st.sampled_from([*ROW_IDS, str(sample_id(entity if entity in SAMPLE_FIELDS else "profile"))])
    )
    return {
        "op_id": str(uuid.uuid4()),
        "entity": entity,
        "row_id": row_id,
        "op": draw(st.sampled_from(["upsert", "upsert", "upsert", "delete"])),
        "base_version": draw(st.none() | st.integers(0, 40)),
        "fields": fields,
    }


@settings(max_examples=40, deadline=None, suppress_health_check=_SLOW)
@given(data=st.data())
def test_random_profile_batches_never_fail_and_store_only_valid_rows(
    two: tuple[Freelancer, Freelancer], data: st.DataObject
) -> None:
    who = data.draw(st.sampled_from(two))
    ops = data.draw(st.lists(_ops(), max_size=8))
    response = who.push_raw({"ops": ops})
    assert response.status_code < 500, response.text
    if response.status_code == 200:  # else JSON too deep or too wide: refused whole, before parsing
        results = response.json()["results"]
        assert [r["op_id"] for r in results] == [op["op_id"] for op in ops]
        for result in results:
            assert result["status"] in ("applied", "duplicate", "conflict", "rejected")
    else:
        assert response.json()["error"] in ("json_too_deep", "json_too_large"), response.text
    page = who.get("/v1/sync/changes?with_profile=true")
    assert page.status_code == 200, page.text
    ChangesPage.model_validate_json(page.content)  # the client parses every row it is sent
    with database(who.server) as session:
        for row in session.scalars(select(ProfileRow)):
            record = profile_record(row)  # validates against the wire record
            assert set(row.fields) == set(type(record).model_fields) - {
                "id",
                "version",
                "deleted_at",
                "entity",
            }
            check_row(row.entity, row.fields)


@settings(max_examples=60, deadline=None, suppress_health_check=_SLOW)
@given(segment=st.text(max_size=60) | st.uuids().map(str))
def test_random_ids_on_the_text_versions_route_never_fail(
    two: tuple[Freelancer, Freelancer], segment: str
) -> None:
    anna, _bertil = two
    response = anna.server.http.get(
        anna.server.url + "/v1/profile/text-versions/" + segment.replace("/", "%2F").replace("?", "%3F"),
        headers=anna.headers(),
        timeout=30,
    )
    assert response.status_code < 500, response.text
    assert response.status_code in (200, 404, 422), response.text
