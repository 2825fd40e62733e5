"""What the OpenAPI-driven server tests share: the live app's operations read from `/openapi.json`
(so an endpoint added later is covered without editing the tests), the full-run switch, and two
accounts with data on the server for the cross-account tests."""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
import requests
from sqlalchemy import select, update

from coapp.sync.wire import PROFILE_ROW_ID
from coserver.models import (
    AccountRow,
    ContractRow,
    InvoiceRow,
    ProfileRow,
    ProfileTextVersion,
    RunningTimerRow,
    TimeEntryRow,
)
from tests.coserver.authz_contracts import Contracts, contracts, contracts_view
from tests.coserver.authz_pipeline import Pipeline, pipeline, pipeline_view
from tests.coserver.harness import LiveServer
from tests.coserver.invoice_helpers import confirm, milestone, newest, time_draft
from tests.coserver.sync_helpers import (
    Freelancer,
    add_contract,
    database,
    delete,
    freelancer,
    new_contract,
    new_entry,
    start_timer,
    upsert,
)

FULL_ENV = "COAPP_FULL"
SUMMARY = "/v1/sync/summary"
_PATH_PARAM = re.compile(r"\{([^}]+)\}")
_METHODS = ("get", "put", "post", "patch", "delete", "head", "options")


def full_run(config: pytest.Config) -> bool:
    """COAPP_FULL=1 (or pytest --full) asks for the long runs; the default run stays quick."""
    return os.environ.get(FULL_ENV, "") not in ("", "0") or bool(config.getoption("--full", False))


@dataclass(frozen=True)
class Operation:
    """One (method, path) of the live OpenAPI document."""

    method: str
    path: str
    spec: dict[str, Any] = field(compare=False, repr=False)

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def path_params(self) -> list[str]:
        return _PATH_PARAM.findall(self.path)

    @property
    def authenticated(self) -> bool:
        """Declares a security requirement: a bearer token is needed. An empty requirement among
        them (`{}`) makes the token optional: the operation is public."""
        security = self.spec.get("security") or []
        return bool(security) and {} not in security

    @property
    def roles(self) -> list[str]:
        """Who may call it, as the server documents it (coserver.roles): ["public"] or role names."""
        roles: list[str] = self.spec["x-roles"]
        return roles

    @property
    def has_body(self) -> bool:
        return "requestBody" in self.spec

    @property
    def documented_statuses(self) -> set[int]:
        return {int(code) for code in self.spec.get("responses", {}) if code.isdigit()}

    def url(self, **ids: Any) -> str:
        return self.path.format(**{name: str(value) for name, value in ids.items()})


def openapi(server: LiveServer) -> dict[str, Any]:
    response = server.get("/openapi.json")
    assert response.status_code == 200, response.text
    document: dict[str, Any] = response.json()
    return document


def operations(server: LiveServer) -> list[Operation]:
    ops = [
        Operation(method.upper(), path, spec)
        for path, item in openapi(server)["paths"].items()
        for method, spec in item.items()
        if method in _METHODS
    ]
    assert ops, "the live app documents no operation"
    return sorted(ops, key=lambda op: op.label)


def call(
    server: LiveServer,
    method: str,
    path: str,
    token: str | None = None,
    body: Any = None,
    headers: dict[str, str] | None = None,
    **kwargs: Any,
) -> requests.Response:
    """One request exactly as given: no redirects followed, so a redirect is seen as one."""
    sent = dict(headers or {})
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    return server.http.request(
        method,
        server.url + path,
        json=body if method not in ("GET", "HEAD", "DELETE") else None,
        headers=sent,
        allow_redirects=False,
        timeout=30,
        **kwargs,
    )


# --- accounts of every role ----------------------------------------------------------------------------

ROLES = ("freelancer", "client", "agent", "admin")


@dataclass(frozen=True)
class RoleAccount:
    role: str
    email: str
    token: str
    account_id: uuid.UUID


def account_of_role(server: LiveServer, role: str, email: str | None = None) -> RoleAccount:
    """A confirmed, signed-in account of the role. Registration makes freelancers and clients only;
    agents and admins are made by the platform, here by setting the role in the database (the role
    is read on every request, so the token already carries it)."""
    email = email or f"{role}@example.com"
    pair = server.signed_in(email)
    account_id = uuid.UUID(pair["account"]["id"])
    if role != "freelancer":
        with database(server) as session:
            session.execute(update(AccountRow).where(AccountRow.id == account_id).values(role=role))
    account = RoleAccount(role, email, pair["access_token"], account_id)
    me = server.get("/v1/me", account.token)
    assert me.status_code == 200, me.text
    assert me.json()["role"] == role
    return account


# --- two accounts with data ----------------------------------------------------------------------------


@dataclass
class Tenant:
    """A freelancer with data of every kind on the server: two platform contracts and one made in
    the app (adopted), time entries on each (one of them deleted), a running timer, and two confirmed
    invoices (one billing time, so its entries are locked; one a fixed-fee milestone)."""

    who: Freelancer
    second_contract: uuid.UUID
    own_contract: uuid.UUID
    entry_ids: list[uuid.UUID]
    deleted_entry: uuid.UUID
    timer_id: uuid.UUID
    invoice_ids: list[uuid.UUID]
    # Rows of the profile with a long text whose earlier value is kept (an experience item, an
    # award). The profile's own id is left out: it is the same in every account by design.
    profile_row_ids: list[uuid.UUID] = field(default_factory=list)
    # Issue 10: an application (with its consent, an interview) to an assignment of the tenant's own
    # agent, a favourite of it, and messages both ways (tests/coserver/authz_pipeline.py).
    pipeline: Pipeline | None = None
    # Issue 11: contracts offered by that agent with the tenant's own client account (an offer with a
    # milestone, an active one with feedback, an ended one the client reviewed; authz_contracts.py).
    contracts: Contracts | None = None

    @property
    def application_id(self) -> uuid.UUID:
        assert self.pipeline is not None
        return self.pipeline.application_id

    @property
    def contract_ids(self) -> list[uuid.UUID]:
        return [self.who.contract_id, self.second_contract, self.own_contract]

    @property
    def profile_texts(self) -> list[str]:
        """What only this tenant's profile holds (its letters and descriptions, as _profile writes them)."""
        email = self.who.email
        kinds = ("letter", "job text", "award text")
        texts = [f"{email}'s {first}{kind}" for kind in kinds for first in ("", "first ")]
        return (
            texts
            + (self.pipeline.texts if self.pipeline else [])
            + (self.contracts.texts if self.contracts else [])
        )

    @property
    def row_ids(self) -> list[uuid.UUID]:
        return [
            *self.contract_ids,
            *self.entry_ids,
            self.deleted_entry,
            self.timer_id,
            *self.invoice_ids,
            *self.profile_row_ids,
            *(self.pipeline.row_ids if self.pipeline else []),
            *(self.issue_11_ids),
        ]

    @property
    def issue_11_ids(self) -> list[uuid.UUID]:
        if self.contracts is None:
            return []
        return self.contracts.row_ids


def tenant(server: LiveServer, email: str) -> Tenant:
    who = freelancer(server, email)
    second = add_contract(server, who.account_id, title="Second", client_name="Andra AB")
    own, adopt = new_contract(title=f"{email}'s own", client_name=f"Client of {email}")
    assert who.push(adopt)[0]["status"] == "applied"
    entry_ids = []
    days = ((2, who.contract_id), (3, who.contract_id), (3, second), (4, own), (4, second))
    for day, contract in days:
        row_id, op = new_entry(contract, date(2026, 3, day), minutes=120, note=f"{email} {day}")
        assert who.push(op)[0]["status"] == "applied"
        entry_ids.append(row_id)
    deleted = entry_ids.pop()
    assert who.push(delete(deleted))[0]["status"] == "applied"
    timer_id, timer = start_timer(own, "2026-03-02T08:30:00+00:00")
    assert who.push(timer)[0]["status"] == "applied"
    billed = [(entry_ids[0], date(2026, 3, 2), 120)]
    invoice_ids = []
    for draft in (time_draft(who.contract_id, billed), milestone(who.contract_id)):
        invoice_id = uuid.uuid4()
        confirmed = confirm(who, invoice_id, draft, newest(who))
        assert confirmed.status_code == 200, confirmed.text
        invoice_ids.append(invoice_id)
    profile = _profile(who, email)
    piped = pipeline(server, who)
    deals = contracts(server, who, piped.agent_token, piped.agent_id)
    return Tenant(who, second, own, entry_ids, deleted, timer_id, invoice_ids, profile, piped, deals)


def _profile(who: Freelancer, email: str) -> list[uuid.UUID]:
    """A profile with a letter, a job and an award whose texts were each rewritten once."""
    job, award = uuid.uuid4(), uuid.uuid4()
    first = [
        upsert(PROFILE_ROW_ID, None, "profile", name=email, letter=f"{email}'s first letter"),
        upsert(
            job,
            None,
            "profile_experience",
            organisation=f"{email} AB",
            role="Dev",
            start_month="2020-01",
            is_current=True,
            description=f"{email}'s first job text",
        ),
        upsert(
            award, None, "profile_award", title=f"{email}'s award", description=f"{email}'s first award text"
        ),
    ]
    made = who.push(*first)
    assert [r["status"] for r in made] == ["applied"] * 3, made
    again = who.push(
        upsert(PROFILE_ROW_ID, made[0]["version"], "profile", letter=f"{email}'s letter"),
        upsert(job, made[1]["version"], "profile_experience", description=f"{email}'s job text"),
        upsert(award, made[2]["version"], "profile_award", description=f"{email}'s award text"),
    )
    assert [r["status"] for r in again] == ["applied"] * 3, again
    return [job, award]


def snapshot(server: LiveServer, owner: Tenant, row_paths: list[str]) -> dict[str, Any]:
    """Everything the owner can see: summary, the whole change feed from an empty cursor, the rows
    fetched one by one with the owner's token, and the owner's rows as stored."""
    summary = owner.who.get(SUMMARY)
    assert summary.status_code == 200, summary.text
    feed, _cursor = owner.who.pull_all()
    rows = {}
    for path in row_paths:
        response = owner.who.get(path)
        # A file's download is its bytes; every other row is JSON.
        is_json = response.headers.get("content-type", "").startswith("application/json")
        rows[path] = (response.status_code, response.json() if is_json else response.content)
    with database(server) as session:
        stored_entries = [
            (r.id, r.contract_id, r.version, r.minutes, r.note, r.invoice_id, r.deleted_at)
            for r in session.execute(
                select(TimeEntryRow)
                .where(TimeEntryRow.account_id == owner.who.account_id)
                .order_by(TimeEntryRow.id)
            ).scalars()
        ]
        stored_contracts = [
            (r.id, r.version, r.title, r.rate_minor, r.end_date, r.deleted_at)
            for r in session.execute(
                select(ContractRow)
                .where(ContractRow.freelancer_id == owner.who.account_id)
                .order_by(ContractRow.id)
            ).scalars()
        ]
        stored_timers = [
            (r.id, r.contract_id, r.version, r.started_at, r.zone, r.deleted_at)
            for r in session.execute(
                select(RunningTimerRow)
                .where(RunningTimerRow.account_id == owner.who.account_id)
                .order_by(RunningTimerRow.id)
            ).scalars()
        ]
        stored_invoices = [
            (r.id, r.version, r.state, r.number, r.total_minor, r.entry_ids)
            for r in session.execute(
                select(InvoiceRow)
                .where(InvoiceRow.account_id == owner.who.account_id)
                .order_by(InvoiceRow.id)
            ).scalars()
        ]
        stored_profile = [
            (r.entity, r.id, r.version, r.fields, r.field_versions, r.deleted_at)
            for r in session.execute(
                select(ProfileRow)
                .where(ProfileRow.account_id == owner.who.account_id)
                .order_by(ProfileRow.entity, ProfileRow.id)
            ).scalars()
        ]
        stored_texts = [
            (r.entity, r.row_id, r.field, r.version, r.text)
            for r in session.execute(
                select(ProfileTextVersion)
                .where(ProfileTextVersion.account_id == owner.who.account_id)
                .order_by(ProfileTextVersion.id)
            ).scalars()
        ]
    # as_of is the server-wide newest version: another account's writes move it; the rest must not.
    summary_body = summary.json()
    summary_body.pop("as_of")
    seen_pipeline = pipeline_view(owner.who)
    seen_contracts = contracts_view(server, owner.who)
    return {
        "summary": summary_body,
        "feed": feed,
        "rows": rows,
        "entries": stored_entries,
        "contracts": stored_contracts,
        "timers": stored_timers,
        "invoices": stored_invoices,
        "profile": stored_profile,
        "texts": stored_texts,
        "pipeline": seen_pipeline,
        "issue_11": seen_contracts,
    }
