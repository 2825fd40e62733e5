"""Cross-account authorization and bearer tokens, proved over every operation of the live
`/openapi.json` (an endpoint added later is enumerated too, and fails here until it is known).

Anna (A) and Bertil (B) each have two contracts and time entries on the server. Bertil's token on
Anna's ids is refused (403/404) on every operation whose path names an id, and nothing Anna can see
changes: her summary, her change feed from an empty cursor, her rows fetched one by one, her stored
rows. Pushed ops naming Anna's rows are refused per op. Bertil's feed and summary hold nothing of hers.
Tokens never travel in a URL or a redirect; a missing, garbage, revoked or expired bearer gets 401
with WWW-Authenticate on every authenticated operation.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from coapp.sync.wire import (
    IDEMPOTENCY_HEADER,
    IF_MATCH_HEADER,
    PROFILE_ROW_ID,
    Role,
    id_version_digest,
    if_match,
)
from coapp.sync.wire.files import UPLOAD_OFFSET_HEADER
from coserver.models import ContractRow, InvoiceRow, RunningTimerRow, TimeEntryRow
from tests.coserver.application_helpers import consent, interview
from tests.coserver.authz_helpers import (
    ROLES,
    SUMMARY,
    Operation,
    RoleAccount,
    Tenant,
    account_of_role,
    call,
    operations,
    snapshot,
    tenant,
)
from tests.coserver.authz_pipeline import pipeline_feed, pipeline_view
from tests.coserver.contract_helpers import contract_feed
from tests.coserver.file_helpers import owner_files, owner_uploads
from tests.coserver.harness import PASSWORD, LiveServer
from tests.coserver.invoice_helpers import confirm, credit, milestone, newest, time_draft
from tests.coserver.sync_helpers import contract_terms, database, delete, new_entry, start_timer, upsert

# --- how to call each operation whose path names an id ---------------------------------------------


@dataclass(frozen=True)
class IdCall:
    """How to call an id route: a body and headers valid for the caller (given the owner and the
    caller), so that the only thing wrong is whose id it is; a refusal then comes from authorization,
    not from a malformed request."""

    body: Callable[[Tenant, Tenant], Any] | None = None
    headers: Callable[[Tenant, Tenant], dict[str, str]] = field(default=lambda _owner, _caller: {})
    # Agent routes: the caller is the other tenant's agent (an agent, but not of the owner's assignment).
    as_agent: bool = False
    # Issue 11's routes: which of the other tenant's parties try it (their freelancer, their client's
    # account, their agent: each party to contracts of their own, none to the owner's).
    callers: tuple[str, ...] = ()


def _command_headers(_owner: Tenant, caller: Tenant) -> dict[str, str]:
    """An invoice command decided on the caller's newest version, with a fresh idempotency key."""
    return {IF_MATCH_HEADER: if_match(newest(caller.who)), IDEMPOTENCY_HEADER: str(uuid.uuid4())}


def _application_headers(_owner: Tenant, _caller: Tenant) -> dict[str, str]:
    """An application command with a fresh key; the version is the owner's first (a stranger never
    learns it): a refusal must come before any version check."""
    return {IF_MATCH_HEADER: if_match(1), IDEMPOTENCY_HEADER: str(uuid.uuid4())}


def _submit_body(_owner: Tenant, caller: Tenant) -> dict[str, Any]:
    """Bertil applies to his own agent's assignment, under the id of Anna's application."""
    assert caller.pipeline is not None
    return {"assignment_id": str(caller.pipeline.assignment_id), "consent": consent()}


_TEXT = IdCall(body=lambda _o, _c: {"text": "x"}, headers=_application_headers, as_agent=True)


def _key_only(_owner: Tenant, _caller: Tenant) -> dict[str, str]:
    return {IDEMPOTENCY_HEADER: str(uuid.uuid4())}


def _contract_agent(body: dict[str, Any]) -> IdCall:
    """An agent's contract command, decided on version 1 (a stranger never learns the real one)."""
    return IdCall(body=lambda _o, _c: body, headers=_application_headers, callers=("agent",))


_SCORES = {"quality": 1, "communication": 2, "delivery": 3, "expertise": 4, "comment": "Bertil's view"}

# One line per id route. A route in /openapi.json that is missing here fails the test (add its line).
ID_ROUTES: dict[str, IdCall] = {
    "GET /v1/contracts/{contract_id}": IdCall(),
    "GET /v1/time-entries/{entry_id}": IdCall(),
    "GET /v1/invoices/{invoice_id}": IdCall(),
    "GET /v1/assignments/{assignment_id}": IdCall(),
    "GET /v1/profile/text-versions/{row_id}": IdCall(),
    # Bertil confirms his own fixed-fee invoice under the id of one of Anna's invoices.
    "POST /v1/invoices/{invoice_id}/confirm": IdCall(
        body=lambda _owner, caller: milestone(caller.who.contract_id), headers=_command_headers
    ),
    "POST /v1/invoices/{invoice_id}/credit": IdCall(
        body=lambda _owner, _caller: {"credit_note_id": str(uuid.uuid4()), "issue_date": "2026-04-02"},
        headers=_command_headers,
    ),
    # The profile's files: Bertil asks about, sends into, or downloads Anna's upload or file.
    "GET /v1/files/{sha256}": IdCall(),
    "GET /v1/files/uploads/{upload_id}": IdCall(),
    "PUT /v1/files/uploads/{upload_id}": IdCall(
        body=lambda _owner, _caller: "chunk", headers=lambda _owner, _caller: {UPLOAD_OFFSET_HEADER: "0"}
    ),
    # Applications: another freelancer reads, withdraws or submits under Anna's id; another agent
    # (not the one of her assignment) reads or moves it.
    "GET /v1/applications/{application_id}": IdCall(),
    "POST /v1/applications/{application_id}/submit": IdCall(body=_submit_body, headers=_application_headers),
    "POST /v1/applications/{application_id}/withdraw": IdCall(
        body=lambda _o, _c: {"text": ""}, headers=_application_headers
    ),
    "POST /v1/applications/{application_id}/propose": _TEXT,
    "POST /v1/applications/{application_id}/offer": _TEXT,
    "POST /v1/applications/{application_id}/contract": _TEXT,
    "POST /v1/applications/{application_id}/decline": _TEXT,
    "POST /v1/applications/{application_id}/interview": IdCall(
        body=lambda _o, _c: interview(), headers=_application_headers, as_agent=True
    ),
    # Issue 11: every party of Bertil's own contracts tries Anna's contracts on each route they may call.
    "GET /v1/contracts/{contract_id}/detail": IdCall(callers=("freelancer", "client", "agent")),
    "POST /v1/contracts/{contract_id}/sign": IdCall(
        body=lambda _o, _c: {"name": "Bertil Berg", "terms_version": 1}, headers=_key_only
    ),
    "POST /v1/contracts/{contract_id}/terms": _contract_agent({"title": "Bertil's now", "rate_minor": 1}),
    "POST /v1/contracts/{contract_id}/milestones": _contract_agent(
        {"title": "Bertil's", "amount_minor": 1, "due_date": "2026-05-01"}
    ),
    "POST /v1/contracts/{contract_id}/milestones/{milestone_id}/state": _contract_agent({"state": "ready"}),
    "POST /v1/contracts/{contract_id}/extend": _contract_agent({"end_date": "2027-12-31"}),
    "POST /v1/contracts/{contract_id}/end": _contract_agent({"text": "x"}),
    "POST /v1/contracts/{contract_id}/terminate": _contract_agent({"text": "x"}),
    "POST /v1/contracts/{contract_id}/feedback": IdCall(
        body=lambda _o, _c: _SCORES, headers=_key_only, callers=("client", "agent")
    ),
    "GET /v1/contracts/{contract_id}/feedback": IdCall(callers=("freelancer", "client", "agent")),
    "POST /v1/contracts/{contract_id}/review": IdCall(
        body=lambda _o, _c: {"score": 1, "text": "Bertil's review"},
        headers=_key_only,
        callers=("freelancer", "client"),
    ),
    "GET /v1/contracts/{contract_id}/reviews": IdCall(callers=("freelancer", "client")),
}
# Id routes that another agent is tried on too (besides the other freelancer).
AGENT_READS = {"GET /v1/applications/{application_id}"}

# The owner's ids for each path parameter name (every one is tried).
IDS_OF: dict[str, Callable[[Tenant], list[uuid.UUID]]] = {
    "contract_id": lambda owner: [
        *owner.contract_ids,
        *(owner.contracts.contract_ids if owner.contracts else []),
    ],
    "milestone_id": lambda owner: [owner.contracts.milestone_id] if owner.contracts else [],
    "entry_id": lambda owner: [*owner.entry_ids, owner.deleted_entry],
    "invoice_id": lambda owner: owner.invoice_ids,
    "assignment_id": lambda _owner: [],  # the platform's, read by every account: no owner to refuse
    # Rows of the owner's profile with a long text. The profile's own id is the same in every account
    # (derived on the devices): asked by another account it is that account's own profile
    # (test_server_profile: equal ids in two accounts are two rows).
    "row_id": lambda owner: owner.profile_row_ids,
    # A file Anna holds, and an upload of hers under way (tests/coserver/file_helpers.py).
    "sha256": lambda owner: owner_files(owner.who),
    "upload_id": lambda owner: owner_uploads(owner.who),
    "application_id": lambda owner: [owner.application_id],
}

# Operations that need no token. A new public operation fails the test: decide, then add it here.
PUBLIC_OPERATIONS = {
    "POST /v1/auth/register",
    "POST /v1/auth/confirm",
    "POST /v1/auth/sign-in",
    "POST /v1/auth/refresh",
    "POST /v1/auth/sign-out",
    "GET /v1/sync/meta",
    "GET /v1/app/latest-version",
}

REFUSED = {403, 404}


@pytest.fixture
def two(server: LiveServer) -> tuple[LiveServer, Tenant, Tenant]:
    return server, tenant(server, "anna@example.com"), tenant(server, "bertil@example.com")


def _id_operations(server: LiveServer) -> list[Operation]:
    return [op for op in operations(server) if op.path_params]


def _row_paths(ops: list[Operation], owner: Tenant) -> list[str]:
    """Every GET of one row, for each of the owner's ids: what "the row fetched with A's token" is."""
    paths = []
    for op in ops:
        if op.method == "GET" and len(op.path_params) == 1 and op.path_params[0] in IDS_OF:
            name = op.path_params[0]
            paths += [op.url(**{name: row_id}) for row_id in IDS_OF[name](owner)]
    return paths


def _tokens_for(op: Operation, caller: Tenant) -> list[str]:
    """Whose tokens try the owner's ids on this route: the other freelancer's, or the other agent's."""
    assert caller.pipeline is not None
    how = ID_ROUTES.get(op.label, IdCall())
    if how.callers:
        assert caller.contracts is not None
        parties = {
            "freelancer": caller.who.token,
            "client": caller.contracts.client.token,
            "agent": caller.pipeline.agent_token,
        }
        return [parties[kind] for kind in how.callers]
    if how.as_agent:
        return [caller.pipeline.agent_token]
    if op.label in AGENT_READS:
        return [caller.who.token, caller.pipeline.agent_token]
    return [caller.who.token]


def _requests_for(op: Operation, owner: Tenant, caller: Tenant) -> list[tuple[str, Any, dict[str, str]]]:
    unknown = [name for name in op.path_params if name not in IDS_OF]
    assert not unknown, f"{op.label}: add the owner's ids for {unknown} to IDS_OF"
    assert op.label in ID_ROUTES, f"{op.label} is a new id route: add a line for it to ID_ROUTES"
    how = ID_ROUTES[op.label]
    body = how.body(owner, caller) if how.body else None
    if op.has_body:
        assert how.body is not None, f"{op.label} takes a body: give ID_ROUTES a builder for it"
    combos: list[dict[str, uuid.UUID]] = [{}]
    for name in op.path_params:
        combos = [{**combo, name: row_id} for combo in combos for row_id in IDS_OF[name](owner)]
    return [(op.url(**combo), body, how.headers(owner, caller)) for combo in combos]


def _owner_texts(owner: Tenant, feed: list[dict[str, Any]]) -> set[str]:
    """Strings that only the owner's data holds: every row id and every note."""
    texts = {str(change["row"]["id"]) for change in feed}
    texts |= {change["row"]["note"] for change in feed if change["row"].get("note")}
    texts |= {str(i) for i in owner.row_ids}
    texts |= set(owner.profile_texts)
    return texts


def test_another_accounts_token_on_my_ids_is_refused_and_changes_nothing(
    two: tuple[LiveServer, Tenant, Tenant],
) -> None:
    server, anna, bertil = two
    ops = _id_operations(server)
    assert {op.label for op in ops} >= set(ID_ROUTES), "ID_ROUTES names a route the app no longer has"
    row_paths = _row_paths(ops, anna)
    before = snapshot(server, anna, row_paths)
    assert all(status == 200 for status, _body in before["rows"].values()), before["rows"]
    secrets = _owner_texts(anna, before["feed"])
    tried = 0
    for op in ops:
        for path, body, headers in _requests_for(op, anna, bertil):
            if op.method == "GET":
                # The request is a real one: the owner gets the row.
                assert call(server, op.method, path, anna.who.token).status_code == 200, path
            for token in _tokens_for(op, bertil):
                refused = call(server, op.method, path, token, body, headers)
                assert refused.status_code in REFUSED, (op.label, path, refused.status_code, refused.text)
                assert refused.json()["error"] in ("not_found", "forbidden"), refused.text
                leaked = [text for text in secrets if text in refused.text]
                assert not leaked, (op.label, leaked)
                assert snapshot(server, anna, row_paths) == before, f"{op.method} {path} changed Anna's data"
                tried += 1
    assert tried >= len(ops) >= 2


def test_pushed_ops_on_another_accounts_rows_are_refused_per_op(
    two: tuple[LiveServer, Tenant, Tenant],
) -> None:
    server, anna, bertil = two
    assert anna.pipeline is not None
    row_paths = _row_paths(_id_operations(server), anna)
    before = snapshot(server, anna, row_paths)
    entry, other_entry, tombstone = anna.entry_ids[0], anna.entry_ids[1], anna.deleted_entry
    versions = {
        change["row"]["id"]: change["version"]
        for change in before["feed"]
        if change["entity"] == "time_entry"
    }
    day, later = {"work_date": "2026-03-02"}, {"work_date": "2026-03-09"}
    ops_and_codes: list[tuple[dict[str, Any], set[str]]] = [
        (upsert(entry, base=versions[str(entry)], minutes=1), {"forbidden"}),
        (upsert(entry, minutes=2, note="Bertil was here"), {"forbidden"}),
        (upsert(entry, contract_id=str(bertil.who.contract_id), **day, minutes=1), {"forbidden"}),
        (upsert(other_entry, contract_id=str(anna.who.contract_id), minutes=3), {"forbidden"}),
        (delete(entry, base=versions[str(entry)]), {"forbidden"}),
        (delete(other_entry), {"forbidden"}),
        # Reviving Anna's tombstone, or any write to it.
        (upsert(tombstone, base=10**6, minutes=5), {"forbidden"}),
        (delete(tombstone), {"forbidden"}),
        # A new row of Bertil's on Anna's contract, on either of them.
        (upsert(uuid.uuid4(), contract_id=str(anna.who.contract_id), **day, minutes=4), {"unknown_contract"}),
        (
            upsert(uuid.uuid4(), contract_id=str(anna.second_contract), **later),
            {"unknown_contract"},
        ),
        (new_entry(anna.own_contract, date(2026, 3, 9))[1], {"unknown_contract"}),
        # Anna's contracts themselves: made by the platform (read-only to everyone) or in her app.
        (
            upsert(anna.who.contract_id, entity="contract", title="Bertil's now"),
            {"forbidden", "read_only"},
        ),
        (dict(delete(anna.second_contract), entity="contract"), {"forbidden", "read_only"}),
        (upsert(anna.own_contract, entity="contract", title="Bertil's now"), {"forbidden"}),
        (upsert(anna.own_contract, entity="contract", **contract_terms()), {"forbidden"}),
        (delete(anna.own_contract, entity="contract"), {"forbidden"}),
        # Anna's running timer: edit, move to Bertil's contract, stop; and a timer on her contract.
        (upsert(anna.timer_id, entity="running_timer", zone="UTC"), {"forbidden"}),
        (
            upsert(anna.timer_id, entity="running_timer", contract_id=str(bertil.own_contract)),
            {"forbidden"},
        ),
        (delete(anna.timer_id, entity="running_timer"), {"forbidden"}),
        (start_timer(anna.own_contract, "2026-03-02T08:45:00+00:00")[1], {"unknown_contract"}),
        # Anna's messages (hers and her agent's): rewritten, deleted, or re-sent as his.
        *[
            (upsert(message_id, entity="message", text=text), {"id_taken"})
            for message_id in anna.pipeline.message_ids
            for text in ("Bertil was here", *anna.pipeline.texts[1:])
        ],
        *[(delete(message_id, entity="message"), {"id_taken"}) for message_id in anna.pipeline.message_ids],
    ]
    response = bertil.who.push_raw({"ops": [op for op, _codes in ops_and_codes]})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert len(results) == len(ops_and_codes)
    for result, (op, codes) in zip(results, ops_and_codes, strict=True):
        assert result["op_id"] == op["op_id"]
        assert (result["status"], result["code"]) in {("rejected", code) for code in codes}, (op, result)
        assert result["row"] is None, result  # not even a glimpse of Anna's row
        assert result["version"] is None, result
    secrets = _owner_texts(anna, before["feed"])
    assert not [text for text in secrets if text in response.text]
    # The same batch again (a retry with a new key) is refused the same way: no op "became" Bertil's.
    again = bertil.who.push_raw({"ops": [dict(op, op_id=str(uuid.uuid4())) for op, _c in ops_and_codes]})
    assert [r["code"] for r in again.json()["results"]] == [r["code"] for r in results]
    assert snapshot(server, anna, row_paths) == before
    # The refused new rows were valid but for the contract: on Bertil's own contracts they apply.
    for contract in bertil.contract_ids:
        [own] = bertil.who.push(upsert(uuid.uuid4(), contract_id=str(contract), work_date="2026-03-09"))
        assert own["status"] == "applied", own


def test_invoice_commands_naming_another_accounts_rows_are_refused(
    two: tuple[LiveServer, Tenant, Tenant],
) -> None:
    """Ids in the body, not the path: Bertil's invoice may not bill Anna's contract or time, and his
    credit note may not take the id of Anna's invoice (a 409 would show him her invoice)."""
    server, anna, bertil = two
    row_paths = _row_paths(_id_operations(server), anna)
    before = snapshot(server, anna, row_paths)
    secrets = _owner_texts(anna, before["feed"])
    unbilled = anna.entry_ids[1]
    day = before["rows"][f"/v1/time-entries/{unbilled}"][1]["work_date"]
    refused = [
        confirm(bertil.who, uuid.uuid4(), milestone(anna.who.contract_id), newest(bertil.who)),
        confirm(
            bertil.who,
            uuid.uuid4(),
            time_draft(bertil.who.contract_id, [(unbilled, date.fromisoformat(day), 120)]),
            newest(bertil.who),
        ),
        credit(bertil.who, bertil.invoice_ids[1], newest(bertil.who), note_id=anna.invoice_ids[0]),
        credit(bertil.who, bertil.invoice_ids[1], newest(bertil.who), note_id=anna.invoice_ids[1]),
    ]
    for response in refused:
        assert response.status_code in REFUSED, response.text
        assert not [text for text in secrets if text in response.text], response.text
    assert snapshot(server, anna, row_paths) == before
    # The same commands on Bertil's own rows go through: the refusals above were about ownership.
    mine = bertil.entry_ids[1]
    own_day = bertil.who.get(f"/v1/time-entries/{mine}").json()["work_date"]
    draft = time_draft(bertil.who.contract_id, [(mine, date.fromisoformat(own_day), 120)])
    assert confirm(bertil.who, uuid.uuid4(), draft, newest(bertil.who)).status_code == 200
    assert credit(bertil.who, bertil.invoice_ids[1], newest(bertil.who)).status_code == 200


def _replica_summary(feed: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, tuple[int, bool]]] = {}
    for change in feed:
        known = rows.setdefault(change["entity"], {}).get(change["row"]["id"])
        if known is None or known[0] <= change["version"]:
            live = change["row"].get("deleted_at") is None
            rows[change["entity"]][change["row"]["id"]] = (change["version"], live)
    return {
        entity: {
            "count": sum(live for _v, live in by_id.values()),
            "digest": id_version_digest([(i, v) for i, (v, live) in by_id.items() if live]),
        }
        for entity, by_id in rows.items()
    }


def test_my_feed_and_summary_carry_nothing_of_another_account(
    two: tuple[LiveServer, Tenant, Tenant],
) -> None:
    server, anna, bertil = two
    anna_feed, _cursor = anna.who.pull_all()
    bertil_feed, _cursor = bertil.who.pull_all(limit=2)  # paged too: no page may leak
    anna_ids = {change["row"]["id"] for change in anna_feed}
    # Five contracts (her unsigned offer is not in a feed asked without with_contracts), four live
    # entries, a tombstone, a timer, two invoices.
    assert len(anna_ids) == 13
    bertil_text = json.dumps(bertil_feed)
    assert not [text for text in _owner_texts(anna, anna_feed) if text in bertil_text]
    with database(server) as session:
        contracts = session.execute(select(ContractRow.id, ContractRow.freelancer_id)).all()
        entries = session.execute(select(TimeEntryRow.id, TimeEntryRow.account_id)).all()
        timers = session.execute(select(RunningTimerRow.id, RunningTimerRow.account_id)).all()
        invoices = session.execute(select(InvoiceRow.id, InvoiceRow.account_id)).all()
    tables = {"contract": contracts, "time_entry": entries, "running_timer": timers, "invoice": invoices}
    owners = {entity: {row_id: owner for row_id, owner in rows} for entity, rows in tables.items()}
    for change in bertil_feed:
        row = change["row"]
        assert row["id"] not in anna_ids
        if change["entity"] in owners:
            assert owners[change["entity"]][uuid.UUID(row["id"])] == bertil.who.account_id, change
        if "contract_id" in row:
            assert uuid.UUID(row["contract_id"]) in bertil.contract_ids, change
    assert bertil.contracts is not None
    signed = [bertil.contracts.active_id, bertil.contracts.ended_id]
    assert {c["row"]["id"] for c in bertil_feed if c["entity"] == "contract"} == {
        str(i) for i in [*bertil.contract_ids, *signed]
    }
    # The summary counts Bertil's live rows only: equal to a replica of his own feed (with Anna's
    # rows counted too, every count would be about double).
    summary = bertil.who.get(SUMMARY).json()["entities"]
    replica = _replica_summary(bertil_feed)
    for entity, expected in replica.items():
        assert summary[entity] == expected, entity
    assert summary["contract"]["count"] == 5
    assert summary["time_entry"]["count"] == 4
    assert summary["running_timer"]["count"] == 1
    assert summary["invoice"]["count"] == 2
    assert sum(entity["count"] for entity in summary.values()) == sum(
        1 for change in bertil_feed if change["row"].get("deleted_at") is None
    )
    # Issue 10's rows: Bertil's feed (paged) and summary asked with_assignments hold his own only.
    assert anna.pipeline is not None
    assert bertil.pipeline is not None
    his = pipeline_feed(bertil.who, limit=2)
    assert not [text for text in _owner_texts(anna, anna_feed) if text in json.dumps(his)]
    assert {c["entity"] for c in his} == {
        "favourite",
        "application",
        "application_event",
        "interview",
        "consent",
        "message",
    }
    # His applications: the pipeline's, and the three that became his contract offers (issue 11).
    assert bertil.contracts is not None
    applications = {str(i) for i in [bertil.application_id, *bertil.contracts.application_ids]}
    assert {c["row"]["id"] for c in his if c["entity"] == "application"} == applications
    assert {c["row"]["application_id"] for c in his if "application_id" in c["row"]} == applications
    assert {c["row"]["assignment_id"] for c in his if c["entity"] == "favourite"} == {
        str(bertil.pipeline.assignment_id)
    }
    view = pipeline_view(bertil.who)
    assert view["summary"] == _replica_summary(his)
    assert [c["application_id"] for c in view["consents"]["consents"]] == [
        str(i) for i in [bertil.application_id, *bertil.contracts.application_ids]
    ]
    assert view["agent"][1]["id"] == str(bertil.pipeline.agent_id)
    # Issue 11's rows: Bertil's feed and summary asked with_contracts hold his own only, and not the
    # review his client wrote of him, which is not revealed yet.
    contracts_feed = contract_feed(bertil.who)
    text = json.dumps(contracts_feed)
    assert not [secret for secret in _owner_texts(anna, anna_feed) if secret in text]
    assert bertil.contracts.texts[2] not in text
    assert {c["row"]["id"] for c in contracts_feed if c["entity"] == "contract"} == {
        str(i) for i in [*bertil.contract_ids, *bertil.contracts.contract_ids]
    }
    assert {c["entity"] for c in contracts_feed} >= {"contract_milestone", "contract_feedback"}
    assert not [c for c in contracts_feed if c["entity"] == "contract_review"]
    assert {c["row"]["contract_id"] for c in contracts_feed if c["entity"].startswith("contract_")} <= {
        str(i) for i in bertil.contracts.contract_ids
    }
    # Each of Bertil's parties lists Bertil's platform contracts only (the freelancer's own are his).
    parties = (bertil.who.token, bertil.contracts.client.token, bertil.pipeline.agent_token)
    for token in parties:
        listed = call(server, "GET", "/v1/contracts", token)
        assert listed.status_code == 200, listed.text
        ids = {c["contract"]["id"] for c in listed.json()["contracts"]}
        assert ids >= {str(i) for i in bertil.contracts.contract_ids}
        assert anna.contracts is not None
        assert not ids & {str(i) for i in [*anna.contract_ids, *anna.contracts.contract_ids]}
        assert not [secret for secret in _owner_texts(anna, anna_feed) if secret in listed.text]
    entities = bertil.who.get(SUMMARY + "?with_contracts=true").json()["entities"]
    assert (entities["contract"]["count"], entities["contract_review"]["count"]) == (6, 0)
    assert entities["contract_feedback"]["count"] == 2


def test_pushes_under_another_accounts_profile_ids_make_rows_of_ones_own(
    two: tuple[LiveServer, Tenant, Tenant],
) -> None:
    """The profile's ids are derived on the devices, so the same ids exist in every account: Bertil
    pushing under Anna's ids (her profile's, her job's, her award's, with her versions as bases, and
    deletes) writes and deletes his own rows only. His feed, summary and earlier texts never carry hers."""
    server, anna, bertil = two
    row_paths = _row_paths(_id_operations(server), anna)
    before = snapshot(server, anna, row_paths)
    job, award = anna.profile_row_ids
    ops = [
        upsert(PROFILE_ROW_ID, 10**6, "profile", letter="Bertil's letter now"),
        upsert(job, 1, "profile_experience", description="Bertil's job text now"),
        delete(award, 1, "profile_award"),
    ]
    results = bertil.who.push(*ops)
    assert results[0]["status"] == "conflict"  # his own profile has no such version
    assert results[0]["row"]["letter"] == "bertil@example.com's letter"
    assert results[1]["code"] == "missing_field"  # a new job of his: no such row in his account
    assert results[2]["status"] == "applied"
    assert results[2]["version"] is None  # nothing of his to delete
    secrets = _owner_texts(anna, before["feed"]) | set(anna.profile_texts)
    bertil_feed = bertil.who.get("/v1/sync/changes?with_profile=true").text
    bertil_summary = bertil.who.get(SUMMARY + "?with_profile=true").json()["entities"]
    texts = [bertil.who.get(f"/v1/profile/text-versions/{PROFILE_ROW_ID}").text]
    texts += [bertil.who.get(f"/v1/profile/text-versions/{i}").text for i in bertil.profile_row_ids]
    for text in (json.dumps(results), bertil_feed, *texts):
        assert not [secret for secret in secrets if secret in text], text
    assert "bertil@example.com's first letter" in texts[0]
    assert bertil_summary["profile"]["count"] == 1
    assert bertil_summary["profile_experience"]["count"] == 1
    assert bertil_summary["profile_award"]["count"] == 1
    assert snapshot(server, anna, row_paths) == before


# --- tokens ---------------------------------------------------------------------------------------------


def _authenticated(server: LiveServer) -> list[Operation]:
    ops = operations(server)
    public = {op.label for op in ops if not op.authenticated}
    assert public == PUBLIC_OPERATIONS, (
        "an operation became public or private: new public ones need a decision "
        f"(added: {sorted(public - PUBLIC_OPERATIONS)}, removed: {sorted(PUBLIC_OPERATIONS - public)})"
    )
    return [op for op in ops if op.authenticated]


def _placeholder_url(op: Operation) -> str:
    return op.url(**{name: uuid.uuid4() for name in op.path_params})


def _assert_no_token_travels(response: Any, *tokens: str) -> None:
    """No redirect, nothing that points a client to a URL, and no token in any header."""
    assert not 300 <= response.status_code < 400, response.status_code
    for name in ("Location", "Content-Location", "Refresh", "Link"):
        assert name not in response.headers
    for value in response.headers.values():
        assert not any(token in value for token in tokens), value
    # In a body, a token stands only as a JSON value of its own, never inside a URL or other text.
    text = response.text
    for token in tokens:
        start = text.find(token)
        while start >= 0:
            assert text[start - 1] == '"', text
            assert text[start + len(token)] == '"', text
            start = text.find(token, start + 1)


def test_tokens_never_travel_in_a_url_or_a_redirect(server: LiveServer) -> None:
    email = "anna@example.com"
    credentials = {"email": email, "password": PASSWORD}
    registered = call(server, "POST", "/v1/auth/register", body=credentials)
    assert registered.status_code == 201
    _assert_no_token_travels(registered)
    code = server.confirmation_token(email)
    mail = server.mails()[-1].get_content()
    assert not [line for line in mail.splitlines() if code in line and "://" in line]  # typed, not a link
    confirmed = call(server, "POST", "/v1/auth/confirm", body={"token": code})
    assert confirmed.status_code == 200
    _assert_no_token_travels(confirmed, code)
    signed_in = call(server, "POST", "/v1/auth/sign-in", body=credentials)
    assert signed_in.status_code == 200
    pair = signed_in.json()
    _assert_no_token_travels(signed_in, pair["access_token"], pair["refresh_token"])
    refreshed = call(server, "POST", "/v1/auth/refresh", body={"refresh_token": pair["refresh_token"]})
    assert refreshed.status_code == 200
    new = refreshed.json()
    _assert_no_token_travels(refreshed, pair["access_token"], pair["refresh_token"], new["access_token"])
    # A token in the query string is never accepted: only the Authorization header counts.
    for op in _authenticated(server):
        for name in ("access_token", "token", "bearer"):
            response = call(
                server, op.method, _placeholder_url(op), body={}, params={name: new["access_token"]}
            )
            assert response.status_code == 401, (op.label, name, response.text)
            _assert_no_token_travels(response, new["access_token"])
    signed_out = call(server, "POST", "/v1/auth/sign-out", body={"refresh_token": new["refresh_token"]})
    assert signed_out.status_code == 204
    _assert_no_token_travels(signed_out, new["access_token"], new["refresh_token"])


def _bad_bearer(server: LiveServer, kind: str) -> str | None:
    """A token of the given kind of badness, for an account that exists and is confirmed."""
    pair = server.signed_in("anna@example.com")
    if kind == "missing":
        return None
    if kind == "garbage":
        return "coa_" + "x" * 43
    if kind == "refresh token as access token":
        return str(pair["refresh_token"])
    if kind == "signed out":
        assert server.post("/v1/auth/sign-out", {"refresh_token": pair["refresh_token"]}).status_code == 204
        return str(pair["access_token"])
    if kind == "refresh token reused":
        assert server.post("/v1/auth/refresh", {"refresh_token": pair["refresh_token"]}).status_code == 200
        assert server.post("/v1/auth/refresh", {"refresh_token": pair["refresh_token"]}).status_code == 401
        return str(pair["access_token"])  # the whole session ended, this token with it
    if kind == "other session after a password change":
        other = server.sign_in("anna@example.com").json()
        changed = server.post(
            "/v1/auth/change-password",
            {"current_password": PASSWORD, "new_password": "a new secret 2026"},
            token=other["access_token"],
        )
        assert changed.status_code == 204, changed.text
        return str(pair["access_token"])
    assert kind == "expired"
    server.clock.advance(seconds=server.settings.access_token_lifetime.total_seconds() + 1)
    return str(pair["access_token"])


BAD_BEARERS = {
    "missing": {"not_authenticated"},
    "garbage": {"invalid_token"},
    "refresh token as access token": {"invalid_token"},
    "signed out": {"session_revoked"},
    "refresh token reused": {"session_revoked"},
    "other session after a password change": {"session_revoked"},
    "expired": {"token_expired"},
}


@pytest.mark.parametrize("kind", list(BAD_BEARERS))
def test_a_bad_bearer_gets_401_with_www_authenticate_everywhere(server: LiveServer, kind: str) -> None:
    token = _bad_bearer(server, kind)
    ops = _authenticated(server)
    assert {"GET /v1/me", "POST /v1/sync/push", "GET /v1/sync/changes"} <= {op.label for op in ops}
    for op in ops:
        response = call(server, op.method, _placeholder_url(op), token, body={})
        assert response.status_code == 401, (kind, op.label, response.status_code, response.text)
        assert response.headers["WWW-Authenticate"].startswith("Bearer"), op.label
        assert response.json()["error"] in BAD_BEARERS[kind], (kind, op.label, response.text)
        assert 401 in op.documented_statuses, f"{op.label} answers 401 but does not document it"
    # A header that is not a bearer at all is no token either.
    for header in ("Basic YW5uYTpzZWNyZXQ=", "Bearer", "bearer  ", "Token coa_x"):
        response = server.http.get(server.url + "/v1/me", headers={"Authorization": header}, timeout=30)
        assert response.status_code == 401, header
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_good_bearer_reaches_every_authenticated_operation(server: LiveServer) -> None:
    """The other side of the 401 test: the same requests with a valid token are not refused as
    unauthenticated (so the 401s above come from the token, not from the request)."""
    token = server.signed_in("anna@example.com")["access_token"]
    for op in _authenticated(server):
        response = call(server, op.method, _placeholder_url(op), token, body={})
        assert response.status_code != 401, (op.label, response.text)
        assert response.status_code < 500, (op.label, response.text)


# --- roles ----------------------------------------------------------------------------------------------

PUBLIC = frozenset({"public"})
EVERY_ROLE = frozenset(ROLES)
FREELANCERS = frozenset({"freelancer"})
AGENTS = frozenset({"agent"})


def _photo() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(out, "PNG")
    return out.getvalue()


PHOTO = _photo()

# Who may call each operation of /openapi.json. An operation missing here fails the test: decide who
# may call it, then add its line (and declare the same in coserver.roles on the route).
ROLE_TABLE: dict[str, frozenset[str]] = {
    "POST /v1/auth/register": PUBLIC,
    "POST /v1/auth/confirm": PUBLIC,
    "POST /v1/auth/sign-in": PUBLIC,
    "POST /v1/auth/refresh": PUBLIC,
    "POST /v1/auth/sign-out": PUBLIC,
    "POST /v1/auth/change-password": EVERY_ROLE,
    "GET /v1/me": EVERY_ROLE,
    "GET /v1/sync/meta": PUBLIC,
    "POST /v1/sync/push": FREELANCERS,
    "GET /v1/sync/changes": FREELANCERS,
    "GET /v1/sync/summary": FREELANCERS,
    "GET /v1/profile/text-versions/{row_id}": FREELANCERS,
    "GET /v1/contracts/{contract_id}": FREELANCERS,
    "GET /v1/time-entries/{entry_id}": FREELANCERS,
    "POST /v1/invoices/{invoice_id}/confirm": FREELANCERS,
    "POST /v1/invoices/{invoice_id}/credit": FREELANCERS,
    "GET /v1/invoices/{invoice_id}": FREELANCERS,
    "GET /v1/assignments": EVERY_ROLE,
    "GET /v1/assignments/{assignment_id}": EVERY_ROLE,
    "POST /v1/assignments": frozenset({"agent", "admin"}),
    "POST /v1/files/uploads": FREELANCERS,
    "PUT /v1/files/uploads/{upload_id}": FREELANCERS,
    "GET /v1/files/uploads/{upload_id}": FREELANCERS,
    "GET /v1/files/{sha256}": FREELANCERS,
    "GET /v1/agent": FREELANCERS,
    "POST /v1/agent/messages": AGENTS,
    "PUT /v1/agent/photo": AGENTS,
    "DELETE /v1/agent/photo": AGENTS,
    "GET /v1/agent/photo": FREELANCERS,
    "GET /v1/consents": FREELANCERS,
    "GET /v1/applications/{application_id}": frozenset({"freelancer", "agent"}),
    "POST /v1/applications/{application_id}/submit": FREELANCERS,
    "POST /v1/applications/{application_id}/withdraw": FREELANCERS,
    "POST /v1/applications/{application_id}/propose": AGENTS,
    "POST /v1/applications/{application_id}/offer": AGENTS,
    "POST /v1/applications/{application_id}/contract": AGENTS,
    "POST /v1/applications/{application_id}/decline": AGENTS,
    "POST /v1/applications/{application_id}/interview": AGENTS,
    "GET /v1/contracts": frozenset({"freelancer", "client", "agent"}),
    "GET /v1/contracts/{contract_id}/detail": frozenset({"freelancer", "client", "agent"}),
    "POST /v1/contracts/{contract_id}/sign": FREELANCERS,
    "POST /v1/contracts/{contract_id}/terms": AGENTS,
    "POST /v1/contracts/{contract_id}/milestones": AGENTS,
    "POST /v1/contracts/{contract_id}/milestones/{milestone_id}/state": AGENTS,
    "POST /v1/contracts/{contract_id}/extend": AGENTS,
    "POST /v1/contracts/{contract_id}/end": AGENTS,
    "POST /v1/contracts/{contract_id}/terminate": AGENTS,
    "POST /v1/contracts/{contract_id}/feedback": frozenset({"client", "agent"}),
    "GET /v1/contracts/{contract_id}/feedback": frozenset({"freelancer", "client", "agent"}),
    "POST /v1/contracts/{contract_id}/review": frozenset({"freelancer", "client"}),
    "GET /v1/contracts/{contract_id}/reviews": frozenset({"freelancer", "client"}),
    # Issue 13: a freelancer asks for their own account's deletion; anyone reads the published version.
    "POST /v1/account/deletion-request": FREELANCERS,
    "GET /v1/account/deletion-request": FREELANCERS,
    "DELETE /v1/account/deletion-request": FREELANCERS,
    "GET /v1/app/latest-version": PUBLIC,
    "POST /v1/app/latest-version": frozenset({"admin"}),
}

ASSIGNMENT = {
    "title": "Python-utvecklare, betalningar",
    "client_name": "Kund AB",
    "description": "Avräkning och återbetalningar.",
    "location": "Stockholm",
    "remote": False,
    "skills": ["Python"],
    "rate_min_minor": 90000,
    "rate_max_minor": 110000,
    "currency": "SEK",
    "hours_per_week": 40,
    "start_date": "2026-04-01",
    "end_date": "2026-09-30",
    "closes_at": "2026-03-20T16:00:00+01:00",
}


def _role_request(
    op: Operation, anna: Tenant, caller: RoleAccount, assignment_id: str
) -> tuple[str, Any, dict[str, str]]:
    """A request the caller could make if the role allowed it, on Anna's ids (another account's):
    valid in every other way, so a refusal for the role comes from the role."""
    ids: dict[str, Any] = {
        "contract_id": anna.who.contract_id,
        "entry_id": anna.entry_ids[0],
        "invoice_id": anna.invoice_ids[0],
        "assignment_id": assignment_id,
        "row_id": anna.profile_row_ids[0],
        "sha256": owner_files(anna.who)[0],
        "upload_id": owner_uploads(anna.who)[0],
        "application_id": anna.application_id,
        "milestone_id": anna.contracts.milestone_id if anna.contracts else uuid.uuid4(),
    }
    path = op.url(**{name: ids[name] for name in op.path_params})
    command = {IF_MATCH_HEADER: '"1"', IDEMPOTENCY_HEADER: str(uuid.uuid4())}
    bodies: dict[str, tuple[Any, dict[str, str]]] = {
        "POST /v1/auth/register": (
            {"email": f"new-{uuid.uuid4().hex[:8]}@example.com", "password": PASSWORD},
            {},
        ),
        "POST /v1/auth/confirm": ({"token": "coc_unknown"}, {}),
        "POST /v1/auth/sign-in": ({"email": caller.email, "password": PASSWORD}, {}),
        "POST /v1/auth/refresh": ({"refresh_token": "cor_unknown"}, {}),
        "POST /v1/auth/sign-out": ({"refresh_token": "cor_unknown"}, {}),
        "POST /v1/auth/change-password": ({"current_password": "not my password", "new_password": "x"}, {}),
        "POST /v1/sync/push": ({"ops": [upsert(anna.entry_ids[0], minutes=1)]}, {}),
        "POST /v1/invoices/{invoice_id}/confirm": (milestone(anna.who.contract_id), command),
        "POST /v1/invoices/{invoice_id}/credit": (
            {"credit_note_id": str(uuid.uuid4()), "issue_date": "2026-04-02"},
            command,
        ),
        "POST /v1/assignments": (ASSIGNMENT, {}),
        "POST /v1/files/uploads": (
            {"sha256": "ab" * 32, "size": 100, "content_type": "image/jpeg", "purpose": "photo"},
            {},
        ),
        "PUT /v1/files/uploads/{upload_id}": ("chunk", {UPLOAD_OFFSET_HEADER: "0"}),
        "POST /v1/agent/messages": ({"freelancer_id": str(anna.who.account_id), "text": "x"}, {}),
        "PUT /v1/agent/photo": ("not a picture", {}),
        "POST /v1/applications/{application_id}/submit": (
            {"assignment_id": assignment_id, "consent": consent()},
            command,
        ),
        "POST /v1/applications/{application_id}/interview": (interview(), command),
        **{
            f"POST /v1/applications/{{application_id}}/{verb}": ({"text": "x"}, command)
            for verb in ("withdraw", "propose", "offer", "contract", "decline")
        },
        "POST /v1/contracts/{contract_id}/sign": ({"name": "Bertil Berg", "terms_version": 1}, command),
        "POST /v1/contracts/{contract_id}/terms": ({"title": "x"}, command),
        "POST /v1/contracts/{contract_id}/milestones": (
            {"title": "x", "amount_minor": 1, "due_date": "2026-05-01"},
            command,
        ),
        "POST /v1/contracts/{contract_id}/milestones/{milestone_id}/state": ({"state": "ready"}, command),
        "POST /v1/contracts/{contract_id}/extend": ({"end_date": "2027-12-31"}, command),
        "POST /v1/contracts/{contract_id}/end": ({"text": "x"}, command),
        "POST /v1/contracts/{contract_id}/terminate": ({"text": "x"}, command),
        "POST /v1/contracts/{contract_id}/feedback": (_SCORES, command),
        "POST /v1/contracts/{contract_id}/review": ({"score": 1, "text": "x"}, command),
        "POST /v1/account/deletion-request": ({"confirm_email": caller.email}, {}),
        "POST /v1/app/latest-version": ({"version": "9.9.9"}, {}),
    }
    if op.has_body:
        assert op.label in bodies, f"{op.label} takes a body: give _role_request one"
    body, headers = bodies.get(op.label, (None, {}))
    return path, body, headers


def test_every_operation_admits_exactly_its_roles(two: tuple[LiveServer, Tenant, Tenant]) -> None:
    """Every operation of the live /openapi.json × every role, each time with the token of an
    account that is not the owner of the ids in the path or body (Anna's): a role outside the
    operation's set gets 403 role_not_allowed and changes nothing; a role inside it is never refused
    for its role (and on Anna's ids is refused as another account, 403/404)."""
    server, anna, bertil = two
    callers = {
        "freelancer": RoleAccount("freelancer", "bertil@example.com", bertil.who.token, bertil.who.account_id)
    }
    callers |= {role: account_of_role(server, role) for role in ROLES if role != "freelancer"}
    posted = call(server, "POST", "/v1/assignments", callers["agent"].token, ASSIGNMENT)
    assert posted.status_code == 201, posted.text
    assert bertil.pipeline is not None  # his agent has a photo: his GET /v1/agent/photo answers 200
    photo = server.http.put(
        server.url + "/v1/agent/photo",
        data=PHOTO,
        headers={"Authorization": f"Bearer {bertil.pipeline.agent_token}"},
    )
    assert photo.status_code == 200, photo.text
    assignment_id = posted.json()["id"]
    ops = operations(server)
    labels = {op.label for op in ops}
    assert labels - set(ROLE_TABLE) == set(), (
        f"operations missing from ROLE_TABLE: {sorted(labels - set(ROLE_TABLE))}"
    )
    assert set(ROLE_TABLE) - labels == set(), (
        f"ROLE_TABLE names gone operations: {sorted(set(ROLE_TABLE) - labels)}"
    )
    row_paths = _row_paths(_id_operations(server), anna)
    before = snapshot(server, anna, row_paths)
    secrets = _owner_texts(anna, before["feed"])
    for op in ops:
        allowed = ROLE_TABLE[op.label]
        assert set(op.roles) == set(allowed), f"{op.label}: the server documents {op.roles}"
        for role, caller in callers.items():
            path, body, headers = _role_request(op, anna, caller, assignment_id)
            response = call(server, op.method, path, caller.token, body, headers)
            where = (op.label, role, response.status_code, response.text)
            assert response.status_code < 500, where
            is_json = response.headers.get("content-type", "").startswith("application/json")
            error = response.json().get("error") if response.content and is_json else None
            if allowed == PUBLIC or role in allowed:
                assert error != "role_not_allowed", where
                if op.path_params and op.path_params[0] in IDS_OF and IDS_OF[op.path_params[0]](anna):
                    assert response.status_code in REFUSED, where  # Anna's row, not the caller's
                elif op.method == "GET":
                    assert response.status_code == 200, where
            else:
                assert (response.status_code, error) == (403, "role_not_allowed"), where
                assert role in response.json()["message"], where
                assert 403 in op.documented_statuses, f"{op.label} answers 403 but does not document it"
            assert not [text for text in secrets if text in response.text], where
    assert snapshot(server, anna, row_paths) == before


def test_an_app_with_a_route_that_declares_no_roles_does_not_start() -> None:
    from fastapi import APIRouter, FastAPI

    from coserver.roles import PUBLIC as OPEN
    from coserver.roles import check_declared, require_role

    app = FastAPI()
    router = APIRouter(prefix="/v1")
    router.add_api_route("/open", lambda: None, dependencies=[OPEN])
    router.add_api_route("/closed", lambda: None, dependencies=[require_role(Role.ADMIN)])
    app.include_router(router)
    check_declared(app)  # both declare
    router.add_api_route("/forgotten", lambda: None)
    app = FastAPI()
    app.include_router(router)
    with pytest.raises(RuntimeError, match="/v1/forgotten must declare who may call it"):
        check_declared(app)
