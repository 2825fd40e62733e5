"""Random push batches (plausible and malformed ops mixed, values deep and wide too) never make the
server fail: no 5xx, one result per op, and the stored data keeps the rules (at most 24 hours a day,
minutes in range; a favourite's id follows from its assignment; a message is its sender's)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from coapp.sync.wire import favourite_row_id
from coserver.agents import ensure_agent
from coserver.application_models import MessageRow
from coserver.models import FavouriteRow, TimeEntryRow
from tests.coserver.application_helpers import agent
from tests.coserver.harness import LiveServer
from tests.coserver.json_strategies import deep_json, wide_json
from tests.coserver.sync_helpers import Freelancer, add_contract, database, freelancer

ROW_IDS = [str(uuid.UUID(int=n)) for n in range(1, 7)]
ASSIGNMENT = uuid.UUID(int=77)  # posted by the fixture's agent: favourites of it can apply
FAVOURITE_IDS = [str(favourite_row_id(ASSIGNMENT)), str(favourite_row_id(uuid.UUID(int=78)))]
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
_values = (
    _scalars
    | st.lists(_scalars, max_size=3)
    | st.dictionaries(st.text(max_size=5), _scalars, max_size=2)
    # Deep (up to 300 levels: 255 answered 500 before coserver.jsonshape) and wide.
    | deep_json()
    | wide_json()
)


@pytest.fixture
def fuzz_accounts(server: LiveServer) -> tuple[Freelancer, Freelancer, uuid.UUID]:
    anna = freelancer(server)
    second = add_contract(server, anna.account_id, title="Second")
    bertil = freelancer(server, "bertil@example.com")
    sara = agent(server)
    sara.post_assignment(assignment_id=ASSIGNMENT)
    with database(server) as session:
        ensure_agent(session, anna.account_id, sara.account_id)  # Anna's messages can apply
    return anna, bertil, second


@st.composite
def _ops(draw: st.DrawFn, contracts: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if draw(st.booleans()):
        fields["contract_id"] = draw(st.sampled_from([*contracts, str(uuid.uuid4()), "x"]) | _values)
    if draw(st.booleans()):
        day = date(2025, 12, 25) + timedelta(days=draw(st.integers(0, 14)))
        fields["work_date"] = draw(st.just(day.isoformat()) | _values)
    if draw(st.booleans()):
        fields["minutes"] = draw(st.integers(-5, 1500) | _values)
    if draw(st.booleans()):
        fields["note"] = draw(st.text(max_size=50) | st.just("x" * 2001) | _values)
    if draw(st.booleans()):
        fields["assignment_id"] = draw(st.sampled_from([str(ASSIGNMENT), str(uuid.UUID(int=78))]) | _values)
    if draw(st.booleans()):
        fields["text"] = draw(st.text(max_size=50) | st.just("x" * 2001) | _values)
    extra = draw(
        st.dictionaries(st.sampled_from(["invoice_id", "deleted_at", "hours", ""]), _values, max_size=2)
    )
    return {
        "op_id": draw(st.sampled_from([str(uuid.UUID(int=1000 + n)) for n in range(5)]))
        if draw(st.booleans())
        else str(uuid.uuid4()),
        "entity": draw(
            st.sampled_from(["time_entry", "time_entry", "contract", "invoice", "favourite", "message", ""])
        ),
        "row_id": draw(st.sampled_from([*ROW_IDS, *contracts, *FAVOURITE_IDS])),
        "op": draw(st.sampled_from(["upsert", "upsert", "delete"])),
        "base_version": draw(st.none() | st.integers(0, 60)),
        "fields": {**fields, **extra},
    }


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_random_push_batches_never_cause_a_server_error(
    fuzz_accounts: tuple[Freelancer, Freelancer, uuid.UUID], data: st.DataObject
) -> None:
    anna, bertil, second = fuzz_accounts
    contracts = [str(anna.contract_id), str(second), str(bertil.contract_id)]
    who = data.draw(st.sampled_from([anna, anna, bertil]))
    ops = data.draw(st.lists(_ops(contracts), max_size=8))
    body: Any = data.draw(st.just({"ops": ops}) | st.just({"ops": ops, "junk": 1}) | _values)
    response = who.push_raw(body)
    assert response.status_code < 500, response.text
    if response.status_code == 200:
        results = response.json()["results"]
        assert [r["op_id"] for r in results] == [op["op_id"] for op in ops]
        for result in results:
            assert result["status"] in ("applied", "duplicate", "conflict", "rejected")
            row = result["row"]
            # A time entry or timer names its contract; a contract record is itself one (an
            # existing one, or one this push adopted).
            adopted = {op.get("row_id") for op in ops if isinstance(op, dict)}
            assert row is None or row.get("contract_id", row.get("id")) in set(contracts) | adopted
    with database(who.server) as session:
        day_totals = session.execute(
            select(func.sum(TimeEntryRow.minutes))
            .where(TimeEntryRow.deleted_at.is_(None))
            .group_by(TimeEntryRow.account_id, TimeEntryRow.work_date)
        ).scalars()
        assert all(total <= 1440 for total in day_totals)
        owners = session.execute(select(TimeEntryRow.account_id, TimeEntryRow.contract_id)).all()
        favourites = session.execute(select(FavouriteRow.id, FavouriteRow.assignment_id)).all()
        senders = session.execute(select(MessageRow.account_id, MessageRow.sender)).all()
    assert all(row_id == favourite_row_id(assignment) for row_id, assignment in favourites)
    assert all((account, sender) == (anna.account_id, "freelancer") for account, sender in senders)
    own = {str(anna.contract_id): anna.account_id, str(second): anna.account_id}
    own[str(bertil.contract_id)] = bertil.account_id
    assert all(own[str(contract)] == account for account, contract in owners)
