"""Who waits for whom on PostgreSQL (SQLite lets one writer in at a time: nothing to interleave).

Every writer of a freelancer's rows (push, confirming or crediting an invoice, a contract's commands
by any party) takes that freelancer's account lock, and a contract's commands its row too; no writer
takes a platform-wide row. A command is held open here mid-transaction by calling it on a session of
the test's own; what runs beside it shows whether it waited: a statement with a short lock_timeout
that must fail, or one with a long one (or an HTTP request) that must finish while the holder is
still open. No assertion is about speed."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import requests
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from coapp.sync.wire import Account, ConfirmInvoiceRequest, PushRequest, Role, SignContractRequest
from coserver import contract_signing, invoices, sync
from coserver.context import ServerContext
from coserver.db import make_session_factory
from tests.coserver.application_helpers import command as application_command
from tests.coserver.contract_helpers import offered
from tests.coserver.harness import LiveServer
from tests.coserver.invoice_helpers import confirm, credit, milestone, newest, time_draft
from tests.coserver.sync_helpers import Freelancer, freelancer, new_entry, upsert

MUST_WAIT = "SET LOCAL lock_timeout = '200ms'"
# Far longer than any statement here takes unless it waits for the holder, which never lets go.
MUST_NOT_WAIT = "SET LOCAL lock_timeout = '10s'"


def _ctx(server: LiveServer, engine: Engine) -> ServerContext:
    return ServerContext(server.settings, engine, make_session_factory(engine), None, None)  # type: ignore[arg-type]


def _account(who: Freelancer, role: Role = Role.FREELANCER) -> Account:
    return Account(
        id=who.account_id, email=who.email, role=role, confirmed=True, created_at=who.server.clock()
    )


def _confirm(
    ctx: ServerContext, session: Session, who: Freelancer, body: dict[str, Any], decided: int
) -> int:
    # `decided` is read before any holder opens: an open writer holds the feed's horizon back.
    request = ConfirmInvoiceRequest.model_validate(body)
    status, _answer = invoices.confirm(ctx, session, who.account_id, uuid.uuid4(), decided, request)
    return status


def _push(ctx: ServerContext, session: Session, who: Freelancer, *ops: dict[str, Any]) -> list[str]:
    answer = sync.push(ctx, session, who.account_id, PushRequest.model_validate({"ops": list(ops)}))
    return [result.status.value for result in answer.results]


def _waits(engine: Engine, setup: Callable[[Session], object]) -> None:
    """`setup`, on a new transaction, must wait for a lock (it fails after MUST_WAIT's timeout)."""
    with Session(engine) as session, session.begin():
        session.execute(text(MUST_WAIT))
        with pytest.raises(OperationalError, match="lock timeout"):
            setup(session)


def _goes_ahead(engine: Engine, work: Callable[[Session], object]) -> object:
    with Session(engine) as session, session.begin():
        session.execute(text(MUST_NOT_WAIT))
        return work(session)


def _until_waiting(engine: Engine, count: int = 1) -> None:
    """Return once `count` lock requests wait in this database (a bound, not a measurement)."""
    deadline = time.monotonic() + 30
    with engine.connect() as conn:
        while time.monotonic() < deadline:
            waiting = conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                    "WHERE NOT l.granted AND d.datname = current_database()"
                )
            ).scalar_one()
            conn.rollback()
            if waiting >= count:
                return
            time.sleep(0.02)
    raise AssertionError("the second writer never waited for the first")


def _in_thread(call: Callable[[], requests.Response]) -> tuple[threading.Thread, list[requests.Response]]:
    answers: list[requests.Response] = []
    thread = threading.Thread(target=lambda: answers.append(call()), daemon=True)
    thread.start()
    return thread, answers


def test_confirmations_of_two_freelancers_run_side_by_side(server: LiveServer, engine: Engine) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    ctx = _ctx(server, engine)
    decided = newest(anna)
    with Session(engine) as holder, holder.begin():
        assert _confirm(ctx, holder, anna, milestone(anna.contract_id), decided) == 200
        # Another freelancer's confirmation, credit and push go ahead while anna's is open ...
        assert (
            _goes_ahead(engine, lambda s: _confirm(ctx, s, bertil, milestone(bertil.contract_id), decided))
            == 200
        )
        answer = confirm(bertil, uuid.uuid4(), milestone(bertil.contract_id), decided)
        assert answer.status_code == 200, answer.text  # over HTTP too, while anna's is still open
        credited = credit(bertil, uuid.UUID(answer.json()["id"]), answer.json()["version"])
        assert credited.status_code == 200, credited.text
        bertil_entry = new_entry(bertil.contract_id, date(2026, 3, 2))[1]
        assert _goes_ahead(engine, lambda s: _push(ctx, s, bertil, bertil_entry)) == ["applied"]
        # ... and anna's own second confirmation waits for the first (its number is the next one).
        _waits(engine, lambda s: _confirm(ctx, s, anna, milestone(anna.contract_id), decided))
    second = confirm(anna, uuid.uuid4(), milestone(anna.contract_id), newest(anna))
    assert int(second.json()["number"].split("-")[1]) == 2  # the waiting one took no number


def test_a_push_and_a_confirmation_of_one_account_take_turns(server: LiveServer, engine: Engine) -> None:
    anna = freelancer(server)
    ctx = _ctx(server, engine)
    entry_id, op = new_entry(anna.contract_id, date(2026, 3, 2), 480)
    assert anna.push(op)[0]["status"] == "applied"
    decided = newest(anna)
    draft = time_draft(anna.contract_id, [(entry_id, date(2026, 3, 2), 480)])
    with Session(engine) as holder, holder.begin():
        assert _confirm(ctx, holder, anna, milestone(anna.contract_id), decided) == 200
        _waits(engine, lambda s: _push(ctx, s, anna, new_entry(anna.contract_id, date(2026, 3, 3))[1]))
    with Session(engine) as holder, holder.begin():
        # A push changing the entry is open; a confirmation decided before it waits, then sees it.
        assert _push(ctx, holder, anna, upsert(entry_id, decided, minutes=300)) == ["applied"]
        _waits(engine, lambda s: _confirm(ctx, s, anna, draft, decided))
        thread, answers = _in_thread(lambda: confirm(anna, uuid.uuid4(), draft, decided))
        _until_waiting(engine)
    thread.join(30)
    assert answers[0].status_code == 412, answers[0].text  # decided on 480 minutes; there are 300 now
    assert answers[0].json()["error"] == "stale"


def test_two_commands_on_one_contract_take_turns(server: LiveServer, engine: Engine) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    deal = offered(server, anna)
    other = offered(server, bertil, deal.sara)
    application = server.http.get(
        f"{server.url}/v1/applications/{deal.application_id}", headers=anna.headers(), timeout=30
    ).json()["application"]
    ctx = _ctx(server, engine)
    signature = SignContractRequest(name="Anna Lindqvist", terms_version=1)
    decided = newest(anna)
    with Session(engine) as holder, holder.begin():
        status, _detail = contract_signing.sign(ctx, holder, _account(anna), deal.contract_id, signature)
        assert status == 200
        # Another freelancer's contract (of the same agent) is signed meanwhile ...
        assert other.sign("Bertil Berg").status_code == 200
        # ... anna's own invoice waits (it reads the contract), and so do a second signature and a
        # withdrawal of the application, which would end the offer.
        _waits(engine, lambda s: _confirm(ctx, s, anna, milestone(anna.contract_id), decided))
        again, again_answers = _in_thread(lambda: deal.sign(terms_version=1))
        withdraw, withdraw_answers = _in_thread(
            lambda: application_command(
                server, anna.headers(), deal.application_id, "withdraw", {"text": "x"}, application["version"]
            )
        )
        _until_waiting(engine, 2)
    again.join(30)
    withdraw.join(30)
    assert again_answers[0].status_code == 409, again_answers[0].text  # signed once, by the first
    assert again_answers[0].json()["error"] == "transition_refused"
    assert withdraw_answers[0].status_code == 200, withdraw_answers[0].text
    contract = deal.detail()["contract"]  # the withdrawal came after the signature: it stands
    assert (contract["state"], contract["signed_name"]) == ("signed", "Anna Lindqvist")


def test_two_moves_of_one_application_take_turns(server: LiveServer, engine: Engine) -> None:
    """The freelancer withdraws while the agent declines: the second is judged on what the first
    left (412, the application changed) instead of overwriting it."""
    from coapp.domain.applications import Actor, ApplicationState
    from coserver import applications
    from tests.coserver.application_helpers import agent, consent

    anna = freelancer(server)
    sara = agent(server, "sara-moves@example.com")
    assignment_id, version = sara.post_assignment()
    application_id = uuid.uuid4()
    body = {"assignment_id": str(assignment_id), "consent": consent()}
    submitted = application_command(server, anna.headers(), application_id, "submit", body, version)
    assert submitted.status_code == 200, submitted.text
    current = submitted.json()["application"]["version"]
    ctx = _ctx(server, engine)
    with Session(engine) as holder, holder.begin():
        withdrawn = applications.move(
            ctx,
            holder,
            _account(anna),
            application_id,
            current,
            ApplicationState.WITHDRAWN,
            Actor.FREELANCER,
            "x",
        )
        assert withdrawn.application.state == "withdrawn"
        decline, answers = _in_thread(
            lambda: application_command(
                server, sara.headers(), application_id, "decline", {"text": "no"}, current
            )
        )
        _until_waiting(engine)
    decline.join(30)
    assert answers[0].status_code == 412, answers[0].text
    after = server.http.get(
        f"{server.url}/v1/applications/{application_id}", headers=anna.headers(), timeout=30
    )
    assert after.json()["application"]["state"] == "withdrawn"
