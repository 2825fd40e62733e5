"""Contracts the freelancer made in the app (before signing in, too) are adopted by the server: created
on the caller's account with origin 'freelancer', updated, tombstoned while unused; every field checked
like the client's table; platform contracts and other accounts' contracts refuse every change."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select

from coapp.sync.entities import ENTITIES
from coapp.sync.wire import ContractRecord
from coserver.contracts import FIELDS
from coserver.models import ContractRow
from coserver.timers import FIELDS as TIMER_FIELDS
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import (
    contract_terms,
    database,
    delete,
    freelancer,
    new_contract,
    new_entry,
    start_timer,
    upsert,
)


def _contracts(server: LiveServer) -> list[tuple[Any, ...]]:
    with database(server) as session:
        rows = session.execute(select(ContractRow).order_by(ContractRow.id)).scalars()
        return [(r.id, r.freelancer_id, r.title, r.rate_minor, r.version, r.deleted_at) for r in rows]


def test_the_server_takes_exactly_the_columns_the_client_pushes() -> None:
    for name, server_fields in (("contract", FIELDS), ("running_timer", TIMER_FIELDS)):
        entity = ENTITIES[name]
        pushed = set(entity.pushable(dict.fromkeys(entity.columns())))
        assert pushed == server_fields - {"deleted_at"}, name


def test_a_contract_made_before_signing_in_is_adopted_with_its_time(server: LiveServer) -> None:
    anna = freelancer(server)
    contract_id, op = new_contract(end_date=None)
    entry_id, entry = new_entry(contract_id, date(2026, 3, 2), minutes=90)
    created, reported = anna.push(op, entry)  # one batch, in the order the outbox holds them
    assert (created["status"], reported["status"]) == ("applied", "applied")
    record = ContractRecord.model_validate(created["row"])
    assert record.origin == "freelancer"
    sent = contract_terms(end_date=None)
    assert {name: created["row"][name] for name in sent} == sent
    assert anna.get(f"/v1/contracts/{contract_id}").json() == created["row"]
    changes, _cursor = anna.pull_all()
    assert [(c["entity"], c["row"]["id"]) for c in changes][-2:] == [
        ("contract", str(contract_id)),
        ("time_entry", str(entry_id)),
    ]
    # Platform contracts say so too.
    platform = anna.get(f"/v1/contracts/{anna.contract_id}").json()
    assert platform["origin"] == "platform"
    # Re-sending the creation (a lost answer) changes nothing.
    [again] = anna.push(dict(op, op_id=str(uuid.uuid4())))
    assert (again["status"], again["version"]) == ("applied", created["version"])


def test_updates_to_ones_own_contract_are_last_writer_wins(server: LiveServer) -> None:
    anna = freelancer(server)
    contract_id, op = new_contract()
    [created] = anna.push(op)
    v1 = created["version"]
    [laptop] = anna.push(upsert(contract_id, base=v1, entity="contract", rate_minor=130000))
    assert (laptop["status"], laptop["overwritten"]) == ("applied", [])
    [phone] = anna.push(upsert(contract_id, base=v1, entity="contract", rate_minor=125000, title="Renamed"))
    assert phone["status"] == "applied"
    assert sorted(phone["overwritten"]) == ["rate_minor", "title"]  # a stale base: it says so
    assert (phone["row"]["rate_minor"], phone["row"]["title"]) == (125000, "Renamed")
    [future] = anna.push(upsert(contract_id, base=phone["version"] + 50, entity="contract", title="x"))
    assert (future["status"], future["code"], future["row"]["title"]) == (
        "conflict",
        "unknown_base_version",
        "Renamed",
    )
    [bad_period] = anna.push(upsert(contract_id, entity="contract", end_date="2025-12-31"))
    assert (bad_period["status"], bad_period["code"]) == ("rejected", "invalid_period")
    assert bad_period["row"]["end_date"] == "2026-12-31"  # the server copy, unchanged
    anna.push(new_entry(contract_id, date(2026, 6, 1))[1])
    [shrunk] = anna.push(upsert(contract_id, entity="contract", end_date="2026-05-31"))
    assert (shrunk["status"], shrunk["code"]) == ("rejected", "entries_outside_period")
    [fine] = anna.push(upsert(contract_id, entity="contract", end_date="2026-06-01"))
    assert fine["status"] == "applied"


def test_every_field_is_checked_like_the_client_table(server: LiveServer) -> None:
    anna = freelancer(server)
    invalid: list[tuple[dict[str, Any], str]] = [
        ({"fee_model": "weekly"}, "invalid_field"),
        ({"rate_minor": -1}, "out_of_range"),
        ({"rate_minor": "100"}, "invalid_field"),
        ({"rate_minor": 1.5}, "invalid_field"),
        ({"rate_minor": True}, "invalid_field"),
        ({"commission_bp": 10001}, "out_of_range"),
        ({"commission_bp": -1}, "out_of_range"),
        ({"currency": "sek"}, "invalid_field"),
        ({"currency": "SEKR"}, "invalid_field"),
        ({"start_date": "2026-02-30"}, "invalid_field"),
        ({"end_date": "2025-12-31"}, "invalid_period"),
        ({"minutes_per_day": 0}, "out_of_range"),
        ({"minutes_per_day": 1441}, "out_of_range"),
        ({"rounding_rule": "up:7:entry"}, "invalid_field"),
        ({"rounding_rule": "UP:15:ENTRY"}, "invalid_field"),  # only the canonical spelling
        ({"rounding_rule": "sometimes"}, "invalid_field"),
        ({"title": "x" * 201}, "too_long"),
        ({"client_name": None}, "invalid_field"),
        ({"currency": None}, "invalid_field"),
        ({"client_postcode": "1" * 17}, "too_long"),
        ({"client_city": "Stock\x00holm"}, "invalid_field"),
        ({"client_country": "Sweden"}, "invalid_field"),
        ({"owner": "me"}, "unknown_field"),
        ({"origin": "platform"}, "unknown_field"),
        ({"version": 1}, "unknown_field"),
    ]
    ops = [new_contract(**change)[1] for change, _code in invalid]
    missing = upsert(uuid.uuid4(), entity="contract", title="Only a title")
    results = anna.push(*ops, missing)
    expected = [("rejected", code) for _change, code in invalid] + [("rejected", "missing_field")]
    assert [(r["status"], r["code"]) for r in results] == expected
    assert all(r["message"] for r in results)
    assert [row[0] for row in _contracts(server)] == [anna.contract_id]
    # Null where the column has a default means the default (an outbox written before the flush).
    nulls = dict.fromkeys(("client_org_number", "client_city", "client_country", "rounding_rule"))
    [defaults] = anna.push(new_contract(**nulls, minutes_per_day=None)[1])
    assert defaults["status"] == "applied"
    row = defaults["row"]
    assert (row["client_org_number"], row["client_city"], row["client_country"]) == ("", "", "SE")
    assert (row["rounding_rule"], row["minutes_per_day"]) == ("none", 480)
    # The edges are accepted.
    edges = new_contract(
        rate_minor=0, commission_bp=10000, minutes_per_day=1, rounding_rule="none", start_date="2026-12-31"
    )
    assert anna.push(edges[1])[0]["status"] == "applied"


def test_delete_only_while_nothing_uses_it(server: LiveServer) -> None:
    anna = freelancer(server)
    contract_id, op = new_contract()
    anna.push(op)
    entry_id, entry = new_entry(contract_id, date(2026, 3, 2))
    timer_id, timer = start_timer(contract_id, "2026-03-02T09:00:00Z")
    anna.push(entry, timer)
    [in_use] = anna.push(delete(contract_id, entity="contract"))
    assert (in_use["status"], in_use["code"]) == ("rejected", "contract_in_use")
    assert in_use["row"]["deleted_at"] is None
    anna.push(delete(entry_id))
    [timer_left] = anna.push(delete(contract_id, entity="contract"))
    assert timer_left["code"] == "contract_in_use"
    anna.push(delete(timer_id, entity="running_timer"))
    [deleted] = anna.push(delete(contract_id, entity="contract"))
    assert deleted["status"] == "applied"
    assert deleted["row"]["deleted_at"] is not None
    assert anna.get("/v1/sync/summary").json()["entities"]["contract"]["count"] == 1
    # A deleted contract takes no new time, and an edit of it is a conflict with the tombstone.
    [no_time] = anna.push(new_entry(contract_id, date(2026, 3, 3))[1])
    assert no_time["code"] == "unknown_contract"
    [edit] = anna.push(upsert(contract_id, entity="contract", title="Back?"))
    assert (edit["status"], edit["code"]) == ("conflict", "deleted")


def test_platform_and_other_accounts_contracts_refuse_every_change(server: LiveServer) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    own_id, op = new_contract()
    anna.push(op)
    before = _contracts(server)
    results = anna.push(
        upsert(anna.contract_id, entity="contract", title="Mine now"),
        delete(anna.contract_id, entity="contract"),
        upsert(bertil.contract_id, entity="contract", title="Mine now"),
        delete(bertil.contract_id, entity="contract"),
    )
    theirs = bertil.push(
        upsert(own_id, entity="contract", title="Bertil's now"),
        upsert(own_id, entity="contract", **contract_terms()),
        delete(own_id, entity="contract"),
    )
    assert [(r["status"], r["code"]) for r in results] == [("rejected", "read_only")] * 4
    assert [(r["status"], r["code"]) for r in theirs] == [("rejected", "forbidden")] * 3
    assert all(r["row"] is None for r in results + theirs)
    assert _contracts(server) == before
    assert bertil.get(f"/v1/contracts/{own_id}").status_code == 404
    assert all(c["row"]["id"] != str(own_id) for c in bertil.pull_all()[0])
