"""Invoice commands over loopback HTTP: confirm and credit with Idempotency-Key and If-Match (428, 412),
the server's arithmetic (422 naming the figure, and equal to the client's code for random lines), the
one unbroken number series (200 confirmations and credits with lost responses; two processes at
once), locked entries in the change feed, adoption of a local number, and other accounts kept out."""

from __future__ import annotations

import random
import threading
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from coapp.domain.invoice_lines import LineMode
from coapp.domain.invoices import InvoiceLine, Unit, VatCategory
from coapp.domain.money import from_minor
from coapp.sync.wire import ChangesPage, InvoiceConflictBody, InvoiceRecord
from coserver.models import InvoiceRow, TimeEntryRow
from coserver.platform import change_contract
from tests.coserver.harness import LiveServer
from tests.coserver.invoice_helpers import (
    body_for_lines,
    confirm,
    credit,
    milestone,
    newest,
    time_draft,
)
from tests.coserver.sync_helpers import (
    Freelancer,
    add_contract,
    database,
    delete,
    freelancer,
    new_entry,
    upsert,
)


def _report(anna: Freelancer, days: list[tuple[date, int]]) -> list[tuple[uuid.UUID, date, int]]:
    ops = [new_entry(anna.contract_id, day, minutes) for day, minutes in days]
    results = anna.push(*(op for _id, op in ops))
    assert all(r["status"] == "applied" for r in results)
    return [(row_id, day, minutes) for (row_id, _op), (day, minutes) in zip(ops, days, strict=True)]


MARCH = [(date(2026, 3, 2), 480), (date(2026, 3, 3), 427), (date(2026, 3, 4), 7)]


def _invoices(server: LiveServer) -> list[tuple[str, str, str]]:
    with database(server) as session:
        rows = session.execute(select(InvoiceRow).order_by(InvoiceRow.number_value)).scalars()
        return [(r.number, r.kind, r.state) for r in rows]


def test_confirm_numbers_locks_the_entries_and_the_feed_shows_them(server: LiveServer) -> None:
    anna = freelancer(server)
    entries = _report(anna, MARCH)
    _changes, cursor = anna.pull_all()
    decided = newest(anna)
    invoice_id = uuid.uuid4()
    body = time_draft(anna.contract_id, entries, rounding="up:15:entry")
    response = confirm(anna, invoice_id, body, decided)
    assert response.status_code == 200, response.text
    record = InvoiceRecord.model_validate(response.json())
    assert (record.id, record.number, record.kind, record.state) == (
        invoice_id,
        "2026-0001",
        "invoice",
        "confirmed",
    )
    assert (record.net_minor, record.total_minor) == (body["net_minor"], body["total_minor"])
    # 480 + 427 → 435 + 7 → 15 minutes at 950 kr/h: 7600 + 6887.50 + 237.50 kr, VAT 25 %.
    assert record.net_minor == 1_472_500
    assert record.total_minor == 1_840_625
    assert record.commission_minor == 220_875
    assert [str(e) for e in record.entry_ids] == [str(e[0]) for e in entries]
    assert record.frozen == body["frozen"]
    assert anna.get(f"/v1/invoices/{invoice_id}").json() == response.json()
    # The feed: the invoice, then every entry locked, each with its own version.
    page = ChangesPage.model_validate(anna.changes(cursor).json())
    assert [c.entity for c in page.changes] == ["invoice", "time_entry", "time_entry", "time_entry"]
    locked = [c.row for c in page.changes[1:]]
    assert all(row.locked and row.invoice_id == invoice_id for row in locked)  # type: ignore[union-attr]
    assert len({c.version for c in page.changes}) == 4
    summary = anna.get("/v1/sync/summary").json()["entities"]
    assert summary["invoice"]["count"] == 1
    # Entries on the invoice refuse every change now.
    row_id = entries[0][0]
    current = anna.get(f"/v1/time-entries/{row_id}").json()
    [edit] = anna.push(upsert(row_id, base=current["version"], minutes=60))
    assert (edit["status"], edit["code"]) == ("rejected", "locked")


def test_if_match_and_idempotency_key_are_required(server: LiveServer) -> None:
    anna = freelancer(server)
    entries = _report(anna, MARCH)
    body = time_draft(anna.contract_id, entries)
    invoice_id = uuid.uuid4()
    missing = confirm(anna, invoice_id, body, None, key="k1")
    assert missing.status_code == 428
    assert (missing.json()["error"], missing.json()["field"]) == ("precondition_required", "If-Match")
    assert (
        confirm(anna, invoice_id, body, newest(anna), key=None).json()["error"] == "idempotency_key_required"
    )
    for bad in ("W/x", '"-1"', "latest", '"1.5"'):
        assert confirm(anna, invoice_id, body, bad).json()["error"] == "invalid_if_match", bad
    assert _invoices(server) == []
    # The 428 used no key: the same key with If-Match now runs.
    ok = confirm(anna, invoice_id, body, newest(anna), key="k1")
    assert (ok.status_code, ok.json()["number"]) == (200, "2026-0001")
    assert confirm(anna, invoice_id, body, None).status_code == 428  # even when it exists


def test_a_change_after_the_decision_is_412_and_nothing_changes(server: LiveServer) -> None:
    anna = freelancer(server)
    entries = _report(anna, MARCH)
    decided = newest(anna)
    body = time_draft(anna.contract_id, entries)
    # Another device edits an entry after this device decided.
    anna.push(upsert(entries[2][0], minutes=8))
    stale = confirm(anna, uuid.uuid4(), body, decided, key="stale-1")
    assert stale.status_code == 412
    assert stale.json()["error"] == "stale"
    # The same key replays the refusal; nothing was numbered or locked.
    assert confirm(anna, uuid.uuid4(), body, decided, key="stale-1").status_code == 422  # another body
    again = confirm(anna, uuid.UUID(int=0), body, decided, key="stale-2")
    assert again.status_code == 412
    with database(server) as session:
        assert (
            session.execute(select(func.count()).where(TimeEntryRow.invoice_id.is_not(None))).scalar_one()
            == 0
        )
    assert _invoices(server) == []
    # The platform changing the contract after the decision is stale too.
    entries[2] = (entries[2][0], entries[2][1], 8)
    body = time_draft(anna.contract_id, entries)
    decided = newest(anna)
    with database(server) as session:
        change_contract(session, anna.contract_id, title="Renamed")
    assert confirm(anna, uuid.uuid4(), body, decided).status_code == 412
    # Decided again on what the server holds now: number 1, the first of the series.
    fresh = confirm(anna, uuid.uuid4(), body, newest(anna))
    assert (fresh.status_code, fresh.json()["number"]) == (200, "2026-0001")


def test_wrong_figures_are_422_naming_the_figure(server: LiveServer) -> None:
    anna = freelancer(server)
    entries = _report(anna, MARCH)
    decided = newest(anna)
    good = time_draft(anna.contract_id, entries)

    def refused(body: dict[str, Any]) -> tuple[int, str, str | None]:
        response = confirm(anna, uuid.uuid4(), body, decided)
        answer = response.json()
        return response.status_code, answer["error"], answer.get("field")

    for figure in ("net_minor", "vat_minor", "total_minor", "commission_minor"):
        assert refused({**good, figure: good[figure] + 1}) == (422, "totals_mismatch", figure)
    lines = [dict(line) for line in good["lines"]]
    lines[1]["amount_minor"] += 1
    assert refused({**good, "lines": lines}) == (422, "totals_mismatch", "lines.1.amount_minor")
    lines = [dict(line) for line in good["lines"]]
    lines[0]["raw_minutes"] -= 1
    assert refused({**good, "lines": lines}) == (422, "totals_mismatch", "lines.raw_minutes")
    assert refused({**good, "commission_bp": 1000}) == (422, "totals_mismatch", "commission_bp")
    assert refused({**good, "currency": "EUR"}) == (422, "currency_mismatch", "currency")
    assert refused({**good, "lines": []})[:2] == (422, "invalid_field")
    assert refused({**good, "lines": [{**good["lines"][0], "unit": "XYZ"}]})[:2] == (422, "invalid_field")
    assert refused({**good, "frozen": {"blob": "x" * 70_000}}) == (422, "too_large", "frozen")
    assert refused({**good, "period_end": "2026-02-01"}) == (422, "invalid_period", "period_end")
    assert _invoices(server) == []
    ok = confirm(anna, uuid.uuid4(), good, decided)
    assert (ok.status_code, ok.json()["number"]) == (200, "2026-0001")  # the refusals used no number


def test_entries_must_be_live_unlocked_on_the_contract_and_in_the_period(server: LiveServer) -> None:
    anna = freelancer(server)
    other = add_contract(server, anna.account_id, title="Second")
    entries = _report(anna, MARCH)
    elsewhere, other_op = new_entry(other, date(2026, 3, 5), 60)
    anna.push(other_op)
    april_id, april_op = new_entry(anna.contract_id, date(2026, 4, 1), 60)
    gone_id, gone_op = new_entry(anna.contract_id, date(2026, 3, 6), 60)
    anna.push(april_op, gone_op)
    anna.push(delete(gone_id))
    decided = newest(anna)

    def answer(extra: tuple[uuid.UUID, date, int]) -> tuple[int, str]:
        response = confirm(anna, uuid.uuid4(), time_draft(anna.contract_id, [*entries, extra]), decided)
        return response.status_code, response.json()["error"]

    assert answer((elsewhere, date(2026, 3, 5), 60)) == (422, "entry_not_on_contract")
    assert answer((april_id, date(2026, 4, 1), 60)) == (422, "entry_outside_period")
    assert answer((gone_id, date(2026, 3, 6), 60)) == (422, "entry_deleted")
    assert answer((uuid.uuid4(), date(2026, 3, 7), 60)) == (404, "not_found")
    twice = time_draft(anna.contract_id, [*entries, entries[0]])
    assert confirm(anna, uuid.uuid4(), twice, decided).json()["field"] == "entry_ids"
    first = confirm(anna, uuid.uuid4(), time_draft(anna.contract_id, entries[:1]), decided)
    assert first.status_code == 200
    # Decided knowing the entry was locked (version ≤ If-Match): 409 locked, not stale.
    locked = confirm(anna, uuid.uuid4(), time_draft(anna.contract_id, entries[:1]), newest(anna))
    assert (locked.status_code, locked.json()["error"]) == (409, "locked")


def test_retries_replay_and_a_second_confirmation_is_409_with_the_record(server: LiveServer) -> None:
    anna = freelancer(server)
    entries = _report(anna, MARCH)
    decided = newest(anna)
    invoice_id = uuid.uuid4()
    body = time_draft(anna.contract_id, entries)
    first = confirm(anna, invoice_id, body, decided, key="confirm-1")
    replay = confirm(anna, invoice_id, body, decided, key="confirm-1")
    assert replay.status_code == 200
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == first.json()
    assert confirm(anna, invoice_id, body, decided + 1, key="confirm-1").status_code == 422  # other If-Match
    other_key = confirm(anna, invoice_id, body, decided, key="confirm-2")
    assert other_key.status_code == 409
    conflict = InvoiceConflictBody.model_validate(other_key.json())
    assert conflict.error == "already_confirmed"
    assert conflict.invoice is not None
    assert conflict.invoice.model_dump(mode="json") == first.json()
    # The same entries on another invoice id: they are locked now, so the decision is stale.
    assert confirm(anna, uuid.uuid4(), body, decided).status_code == 412
    assert _invoices(server) == [("2026-0001", "invoice", "confirmed")]


def test_a_locally_numbered_invoice_is_adopted_only_as_the_next_number(server: LiveServer) -> None:
    anna = freelancer(server)
    first = confirm(anna, uuid.uuid4(), milestone(anna.contract_id, number="2026-0001"), newest(anna))
    assert (first.status_code, first.json()["number"]) == (200, "2026-0001")
    taken = confirm(anna, uuid.uuid4(), milestone(anna.contract_id, number="2026-0001"), newest(anna))
    assert taken.status_code == 409
    conflict = InvoiceConflictBody.model_validate(taken.json())
    assert (conflict.error, conflict.number, conflict.invoice) == ("number_taken", "2026-0002", None)
    assert (
        confirm(anna, uuid.uuid4(), milestone(anna.contract_id, number="0002"), newest(anna)).status_code
        == 409
    )
    # Without a number, the server's next one: still 2, nothing was consumed by the refusals.
    plain = confirm(anna, uuid.uuid4(), milestone(anna.contract_id), newest(anna))
    assert plain.json()["number"] == "2026-0002"
    assert (
        confirm(anna, uuid.uuid4(), milestone(anna.contract_id, number="2026-0003"), newest(anna)).json()[
            "number"
        ]
        == "2026-0003"
    )


def test_credit_note_negates_unlocks_and_takes_the_next_number(server: LiveServer) -> None:
    anna = freelancer(server)
    entries = _report(anna, MARCH)
    invoice_id = uuid.uuid4()
    original = confirm(anna, invoice_id, time_draft(anna.contract_id, entries), newest(anna)).json()
    _changes, cursor = anna.pull_all()
    assert credit(anna, invoice_id, None).status_code == 428
    assert credit(anna, invoice_id, original["version"] - 1).status_code == 412
    note_id = uuid.uuid4()
    response = credit(anna, invoice_id, original["version"], note_id, key="credit-1")
    assert response.status_code == 200, response.text
    note = InvoiceRecord.model_validate(response.json())
    assert (note.id, note.kind, note.number, note.credited_invoice_id) == (
        note_id,
        "credit_note",
        "2026-0002",
        invoice_id,
    )
    # UBL's convention: the note carries the invoice's own positive lines and figures; kind credits.
    for figure in ("net_minor", "vat_minor", "total_minor", "commission_minor"):
        assert getattr(note, figure) == original[figure] > 0
    assert [line.model_dump(mode="json") for line in note.lines] == original["lines"]
    assert note.billed_to == original["billed_to"] == "client"
    credited = anna.get(f"/v1/invoices/{invoice_id}").json()
    assert credited["state"] == "credited"
    assert credited["version"] > original["version"]
    # The feed: the note, the credited invoice, and the entries unlocked.
    page = ChangesPage.model_validate(anna.changes(cursor).json())
    assert [c.entity for c in page.changes] == [
        "invoice",
        "invoice",
        "time_entry",
        "time_entry",
        "time_entry",
    ]
    assert all(not c.row.locked for c in page.changes[2:])  # type: ignore[union-attr]
    # A lost answer: the same key replays; a new key finds it credited, with the note.
    assert credit(anna, invoice_id, original["version"], note_id, key="credit-1").json() == response.json()
    again = credit(anna, invoice_id, credited["version"], note_id)
    assert (again.status_code, again.json()["error"]) == (409, "already_credited")
    assert again.json()["invoice"]["id"] == str(note_id)
    other_note = credit(anna, invoice_id, credited["version"])
    assert (other_note.status_code, other_note.json()["error"]) == (409, "already_credited")
    of_note = credit(anna, note_id, note.version)
    assert (of_note.status_code, of_note.json()["error"]) == (409, "not_creditable")
    # The time is free again: edited and invoiced anew, with the next number.
    [edit] = anna.push(upsert(entries[2][0], minutes=30))
    assert edit["status"] == "applied"
    entries[2] = (entries[2][0], entries[2][1], 30)
    again_invoiced = confirm(anna, uuid.uuid4(), time_draft(anna.contract_id, entries), newest(anna))
    assert again_invoiced.json()["number"] == "2026-0003"
    assert _invoices(server) == [
        ("2026-0001", "invoice", "credited"),
        ("2026-0002", "credit_note", "confirmed"),
        ("2026-0003", "invoice", "confirmed"),
    ]


def test_another_account_gets_404_and_changes_nothing(server: LiveServer) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    entries = _report(anna, MARCH)
    invoice_id = uuid.uuid4()
    mine = confirm(anna, invoice_id, time_draft(anna.contract_id, entries), newest(anna)).json()
    free_id, op = new_entry(anna.contract_id, date(2026, 3, 10), 60)
    anna.push(op)
    with database(server) as session:
        before = sorted(
            (r.id, r.version, r.invoice_id) for r in session.execute(select(TimeEntryRow)).scalars()
        )
    high = newest(anna)
    answers = [
        bertil.get(f"/v1/invoices/{invoice_id}"),
        confirm(bertil, invoice_id, milestone(bertil.contract_id), high),
        credit(bertil, invoice_id, mine["version"]),
        confirm(bertil, uuid.uuid4(), milestone(anna.contract_id), high),
        confirm(
            bertil, uuid.uuid4(), time_draft(bertil.contract_id, [(free_id, date(2026, 3, 10), 60)]), high
        ),
        credit(anna, uuid.uuid4(), high),
    ]
    assert [(a.status_code, a.json()["error"]) for a in answers] == [(404, "not_found")] * 6
    assert all("invoice" not in a.json() and "number" not in a.json() for a in answers)
    assert server.get(f"/v1/invoices/{invoice_id}").status_code == 401
    with database(server) as session:
        after = sorted(
            (r.id, r.version, r.invoice_id) for r in session.execute(select(TimeEntryRow)).scalars()
        )
    assert after == before
    assert _invoices(server) == [("2026-0001", "invoice", "confirmed")]
    assert all(c["entity"] != "invoice" for c in bertil.pull_all()[0])
    # Bertil's own series starts at 1: numbers are per account.
    assert (
        confirm(bertil, uuid.uuid4(), milestone(bertil.contract_id), newest(bertil)).json()["number"]
        == "2026-0001"
    )


def test_numbers_stay_gapless_over_200_confirmations_and_credits_with_lost_answers(
    server: LiveServer,
) -> None:
    anna = freelancer(server)
    rng = random.Random(20260302)
    confirmed: list[dict[str, Any]] = []
    numbers: dict[str, str] = {}  # id → number, as every answer (first, replay, 409) gave it
    for step in range(200):
        if confirmed and rng.random() < 0.25:
            target = confirmed.pop(rng.randrange(len(confirmed)))
            note_id = uuid.uuid4()
            send: Callable[[str], requests.Response] = lambda key, t=target, n=note_id: credit(  # noqa: E731
                anna, uuid.UUID(t["id"]), t["version"], n, key=key
            )
            expected_id = str(note_id)
        else:
            invoice_id = uuid.uuid4()
            body = milestone(anna.contract_id, amount_minor=rng.randrange(1, 10**7))
            decided = newest(anna)
            send = lambda key, i=invoice_id, b=body, d=decided: confirm(anna, i, b, d, key=key)  # noqa: E731
            expected_id = str(invoice_id)
        key = f"step-{step}"
        first = send(key)
        assert first.status_code == 200, first.text
        record = first.json()
        assert record["id"] == expected_id
        numbers[record["id"]] = record["number"]
        if rng.random() < 0.3:  # the answer was lost: the retry with the same key replays it
            assert send(key).json() == record
        if rng.random() < 0.2:  # the client lost the key too: a new key finds it done
            conflict = send(f"{key}-again").json()
            assert conflict["error"] in ("already_confirmed", "already_credited")
            assert conflict["invoice"]["number"] == record["number"]
        if record["kind"] == "invoice":
            confirmed.append(record)
    values = sorted(int(n.split("-")[1]) for n in numbers.values())
    assert values == list(range(1, 201))
    with database(server) as session:
        stored = (
            session.execute(select(InvoiceRow.number_value).order_by(InvoiceRow.number_value)).scalars().all()
        )
    assert stored == values


def test_two_processes_confirming_at_once_get_distinct_consecutive_numbers(
    start_server: Callable[..., LiveServer],
) -> None:
    first = start_server()
    second = start_server()  # the same database
    anna = freelancer(first)
    assert second.get("/v1/sync/meta").status_code == 200  # first requests race in FastAPI (see push tests)
    rounds = 8
    answers: list[requests.Response] = []
    lock = threading.Lock()

    def send(server: LiveServer, barrier: threading.Barrier) -> None:
        via = Freelancer(server, anna.token, anna.account_id, anna.contract_id)
        body = milestone(anna.contract_id)
        decided = newest(via)
        barrier.wait(10)
        response = confirm(via, uuid.uuid4(), body, decided)
        with lock:
            answers.append(response)

    for _ in range(rounds):
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=send, args=(server, barrier)) for server in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert [a.status_code for a in answers] == [200] * (2 * rounds)
    assert sorted(int(a.json()["number"].split("-")[1]) for a in answers) == list(range(1, 2 * rounds + 1))


@pytest.fixture
def arithmetic(server: LiveServer) -> tuple[Freelancer, dict[int, uuid.UUID]]:
    anna = freelancer(server)
    contracts = {1500: anna.contract_id}
    for bp in (0, 1250, 10000):
        contracts[bp] = add_contract(server, anna.account_id, commission_bp=bp)
    return anna, contracts


_lines = st.lists(
    st.builds(
        lambda q, p, vat, unit: InvoiceLine(
            "Work", Decimal(q) / 10_000, unit, from_minor(p, "SEK"), Decimal(vat) / 100, VatCategory.STANDARD
        ),
        st.integers(0, 10**8),
        st.integers(0, 10**8),
        st.sampled_from([2500, 1200, 600, 0, 2550]),
        st.sampled_from(list(Unit)),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=_lines,
    commission_bp=st.sampled_from([0, 1250, 1500, 10000]),
    off=st.sampled_from(["", "net_minor", "vat_minor", "total_minor", "commission_minor"]),
)
def test_the_servers_totals_equal_the_clients_for_random_lines(
    arithmetic: tuple[Freelancer, dict[int, uuid.UUID]],
    lines: list[InvoiceLine],
    commission_bp: int,
    off: str,
) -> None:
    anna, contracts = arithmetic
    body = body_for_lines(contracts[commission_bp], lines, commission_bp=commission_bp)
    if off:
        wrong = confirm(anna, uuid.uuid4(), {**body, off: body[off] - 1}, newest(anna))
        assert (wrong.status_code, wrong.json()["field"]) == (422, off)
    response = confirm(anna, uuid.uuid4(), body, newest(anna))
    assert response.status_code == 200, response.text
    record = response.json()
    for figure in ("net_minor", "vat_minor", "total_minor", "commission_minor"):
        assert record[figure] == body[figure], figure
    assert [line["amount_minor"] for line in record["lines"]] == [
        line["amount_minor"] for line in body["lines"]
    ]


def test_the_week_mode_and_rounding_rules_confirm_as_the_client_built_them(server: LiveServer) -> None:
    anna = freelancer(server)
    days = [(date(2026, 3, 2) + timedelta(days=n), 61 + 97 * n) for n in range(9)]
    entries = _report(anna, days)
    for rounding in ("nearest:6:entry", "up:30:day"):
        body = time_draft(anna.contract_id, entries, rounding=rounding, mode=LineMode.PER_WEEK)
        answer = confirm(anna, uuid.uuid4(), body, newest(anna))
        assert answer.status_code == 200, answer.text
        assert answer.json()["total_minor"] == body["total_minor"]
        assert len(answer.json()["lines"]) == 2  # two ISO weeks
        number = answer.json()["number"]
        credit(anna, uuid.UUID(answer.json()["id"]), answer.json()["version"])
        assert number in ("2026-0001", "2026-0003")


def test_numbers_are_printed_in_the_series_format_the_client_sends(server: LiveServer) -> None:
    anna = freelancer(server)
    first = confirm(anna, uuid.uuid4(), milestone(anna.contract_id, number_format="F{seq:05d}"), newest(anna))
    assert (first.status_code, first.json()["number"]) == (200, "F00001")
    # The counter is the series: a new format goes on counting, unbroken.
    second = confirm(anna, uuid.uuid4(), milestone(anna.contract_id), newest(anna))
    assert second.json()["number"] == "2026-0002"
    # A format that could escape a folder or repeat a number is refused and takes no number.
    for bad in ("../{seq}", "{year}", "{seq}/{seq}"):
        refused = confirm(anna, uuid.uuid4(), milestone(anna.contract_id, number_format=bad), newest(anna))
        assert (refused.status_code, refused.json()["field"]) == (422, "number_format")
    # A format that would print a number this account already has is refused, taking no number:
    # "{seq}4" prints 34 for the third; "3{seq}" would print 34 again for the fourth.
    third = confirm(anna, uuid.uuid4(), milestone(anna.contract_id, number_format="{seq}4"), newest(anna))
    assert third.json()["number"] == "34"
    clash = confirm(anna, uuid.uuid4(), milestone(anna.contract_id, number_format="3{seq}"), newest(anna))
    assert (clash.status_code, clash.json()["field"]) == (422, "number_format")
    fourth = confirm(anna, uuid.uuid4(), milestone(anna.contract_id), newest(anna))
    assert fourth.json()["number"] == "2026-0004"
    assert sorted(n for n, _k, _s in _invoices(server)) == ["2026-0002", "2026-0004", "34", "F00001"]


def test_an_old_client_saying_self_billing_is_understood_as_billed_to(server: LiveServer) -> None:
    anna = freelancer(server)
    body = milestone(anna.contract_id)
    del body["billed_to"]
    body["self_billing"] = False
    answer = confirm(anna, uuid.uuid4(), body, newest(anna))
    assert answer.status_code == 200, answer.text
    assert answer.json()["billed_to"] == "platform"
    assert "self_billing" not in answer.json()
    # Read from old clients only: the published schema names billed_to alone.
    schema = server.get("/openapi.json").text
    assert "billed_to" in schema
    assert "self_billing" not in schema
