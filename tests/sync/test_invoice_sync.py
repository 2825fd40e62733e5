"""Invoices once the data folder belongs to an account: the platform numbers them.

A confirmation made here says "number on sync" (no number, no PDF); the round sends the confirm
command and the platform's number and PDF follow. Other devices get the invoice and its locked time
from the feed; a confirmation whose time changed elsewhere first goes back to draft with the reason;
invoices numbered before the first sign-in are adopted with their numbers.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from coapp.domain.invoices import InvoiceKind, InvoiceState
from coapp.models import Invoice, TimeEntry
from coapp.services.invoice_queries import totals_by_currency
from coapp.sync import refused
from coapp.sync.api import PlatformApi
from coapp.sync.errors import BadServerAnswer
from coserver.models import InvoiceRow
from tests.conftest import make_contract
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import add_contract, database
from tests.services.invoicing_helpers import SOLE_TRADER
from tests.sync.devices import Device

MONDAY = date(2026, 3, 2)
WEEK = [MONDAY + timedelta(days=i) for i in range(7)]
NEXT = [d + timedelta(days=7) for d in WEEK]
CLIENT = {
    "client_address": "Industrivägen 4",
    "client_postcode": "417 55",
    "client_city": "Göteborg",
    "client_org_number": "5565475489",
    "commission_bp": 1250,
}


def _device(tmp_path: Path, name: str, server: LiveServer) -> Device:
    device = Device.open(tmp_path / name)
    device.ctx.business.save(SOLE_TRADER)
    device.sign_in(server.url, "anna@example.com")
    device.ctx.sync.run()
    return device


@pytest.fixture
def account(server: LiveServer) -> str:
    pair = server.signed_in("anna@example.com")
    return str(add_contract(server, uuid.UUID(pair["account"]["id"]), **CLIENT))


def number(seq: int) -> str:
    """The series' number *seq* in the default format, for an invoice issued today."""
    return f"{date.today().year}-{seq:04d}"


def _invoice(device: Device, invoice_id: str) -> Invoice:
    with device.ctx.store.read() as s:
        row = s.get(Invoice, invoice_id)
        assert row is not None
        return row


def test_confirmed_here_numbered_by_the_platform(tmp_path: Path, server: LiveServer, account: str) -> None:
    a = _device(tmp_path, "a", server)
    b = _device(tmp_path, "b", server)
    try:
        a.set(account, WEEK[0], 450, "workshop")
        a.set(account, WEEK[1], 60)
        draft = a.ctx.drafts.create(account, WEEK[0], WEEK[-1])
        doc = a.ctx.confirmation.confirm(draft.id)
        assert doc.number is None  # number on sync
        assert _invoice(a, draft.id).pdf_path == ""
        report = a.ctx.sync.run()
        assert report.commands == 1
        row = _invoice(a, draft.id)
        assert row.number == number(1)
        assert Path(row.pdf_path).is_file()
        assert row.frozen["payment"]["reference"]  # the OCR reference made from the number
        with database(server) as session:
            on_server = session.get(InvoiceRow, uuid.UUID(draft.id))
            assert on_server is not None
            assert (on_server.number, on_server.total_minor) == (number(1), row.total_minor)
        b.ctx.sync.run()
        there = _invoice(b, draft.id)
        assert (there.number, there.state, there.total_minor) == (number(1), "confirmed", row.total_minor)
        assert Path(there.pdf_path).is_file()
        with b.ctx.store.read() as s:
            locked = s.scalars(select(TimeEntry).where(TimeEntry.invoice_id == draft.id)).all()
        assert sorted(e.work_date for e in locked) == WEEK[:2]
        assert a.ctx.sync.run().requests == 1
    finally:
        a.close()
        b.close()


def test_numbers_from_two_devices_are_unique_and_gapless(
    tmp_path: Path, server: LiveServer, account: str
) -> None:
    a = _device(tmp_path, "a", server)
    b = _device(tmp_path, "b", server)
    try:
        a.set(account, WEEK[0], 120)
        b.set(account, NEXT[0], 240)
        a.ctx.sync.run()
        b.ctx.sync.run()
        first = a.ctx.confirmation.confirm(a.ctx.drafts.create(account, WEEK[0], WEEK[-1]).id)
        second = b.ctx.confirmation.confirm(b.ctx.drafts.create(account, NEXT[0], NEXT[-1]).id)
        b.ctx.sync.run()
        a.ctx.sync.run()
        b.ctx.sync.run()
        numbers = {_invoice(d, i).number for d in (a, b) for i in (first.id, second.id)}
        assert numbers == {number(1), number(2)}
        assert _invoice(a, second.id).number == number(1)
    finally:
        a.close()
        b.close()


def test_time_changed_elsewhere_first_sends_the_invoice_back_to_draft(
    tmp_path: Path, server: LiveServer, account: str
) -> None:
    a = _device(tmp_path, "a", server)
    b = _device(tmp_path, "b", server)
    try:
        a.set(account, WEEK[0], 120)
        a.ctx.sync.run()
        b.ctx.sync.run()
        b.set(account, WEEK[0], 180, "more")  # b changes the time and syncs first
        b.ctx.sync.run()
        draft = a.ctx.drafts.create(account, WEEK[0], WEEK[-1])  # a decides on 120 minutes
        a.ctx.confirmation.confirm(draft.id)
        a.ctx.sync.run()
        row = _invoice(a, draft.id)
        assert row.state == "draft"
        assert row.number is None
        [change] = refused.list_refused(a.ctx.store)
        assert change.entity == "invoice"
        assert "changed" in change.message or change.code == "stale"
        assert a.entries()[(account, WEEK[0])] == (180, "more")
        with a.ctx.store.read() as s:
            assert s.scalar(select(TimeEntry.invoice_id).where(TimeEntry.work_date == WEEK[0])) is None
        # The user refreshes the draft and confirms again: now it goes through.
        refused.discard(a.ctx.store, change.entity, change.row_id)
        a.ctx.drafts.refresh(draft.id)
        a.ctx.confirmation.confirm(draft.id)
        report = a.ctx.sync.run()
        assert [c.message for c in refused.list_refused(a.ctx.store)] == []
        assert report.commands == 1
        assert _invoice(a, draft.id).number == number(1)
    finally:
        a.close()
        b.close()


def test_invoices_numbered_before_sign_in_are_adopted(tmp_path: Path, server: LiveServer) -> None:
    server.signed_in("anna@example.com")
    a = Device.open(tmp_path / "a")
    try:
        a.ctx.business.save(SOLE_TRADER)
        contract = make_contract(a.ctx)
        a.ctx.contracts.set_client_details(
            contract.id, address="Industrivägen 4", postcode="417 55", city="Göteborg", country="SE"
        )
        a.set(contract.id, WEEK[0], 300)
        a.set(contract.id, NEXT[0], 200)
        one = a.ctx.confirmation.confirm(a.ctx.drafts.create(contract.id, WEEK[0], WEEK[-1]).id)
        two = a.ctx.confirmation.confirm(a.ctx.drafts.create(contract.id, NEXT[0], NEXT[-1]).id)
        assert (one.number, two.number) == (number(1), number(2))
        a.sign_in(server.url, "anna@example.com")
        a.ctx.sync.run()
        assert refused.list_refused(a.ctx.store) == []
        with database(server) as session:
            numbers = sorted(r.number for r in session.scalars(select(InvoiceRow)))
        assert numbers == [number(1), number(2)]
        a.set(contract.id, NEXT[1], 100)
        a.ctx.sync.run()
        third = a.ctx.confirmation.confirm(a.ctx.drafts.create(contract.id, NEXT[1], NEXT[1]).id)
        assert third.number is None
        a.ctx.sync.run()
        assert _invoice(a, third.id).number == number(3)
    finally:
        a.close()


def test_a_credit_note_cancels_its_invoice_on_every_device(
    tmp_path: Path, server: LiveServer, account: str
) -> None:
    """UBL's sign convention through a real sync round: the note's lines and total are positive
    here, on the platform and on the other device; the list's total over both is zero everywhere."""
    a = _device(tmp_path, "a", server)
    b = _device(tmp_path, "b", server)
    try:
        a.set(account, WEEK[0], 450, "workshop")
        a.set(account, WEEK[1], 60)
        invoice = a.ctx.confirmation.confirm(a.ctx.drafts.create(account, WEEK[0], WEEK[-1]).id)
        a.ctx.sync.run()
        note = a.ctx.confirmation.credit(invoice.id)
        a.ctx.sync.run()
        b.ctx.sync.run()
        a.ctx.sync.run()
        with database(server) as session:
            on_server = session.get(InvoiceRow, uuid.UUID(note.id))
            assert on_server is not None
            assert on_server.total_minor > 0
            assert all(line["amount_minor"] > 0 for line in on_server.lines)
        for device in (a, b):
            summaries = device.ctx.invoices.list()
            assert sorted(s.kind for s in summaries) == [InvoiceKind.CREDIT_NOTE, InvoiceKind.INVOICE]
            assert totals_by_currency(summaries) == {"SEK": Decimal(0)}
            credit = device.ctx.invoices.document(note.id)
            assert credit.number == number(2)
            assert credit.totals.total == invoice.totals.total > 0
            assert all(line.amount > 0 for line in credit.lines)
            assert device.ctx.invoices.document(invoice.id).state is InvoiceState.CREDITED
    finally:
        a.close()
        b.close()


def test_a_server_sent_number_never_becomes_a_path(
    tmp_path: Path, server: LiveServer, account: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A platform that answers with the number ../../x is not understood (numbers are letters,
    digits and -): nothing is stored and no file is written anywhere."""
    a = _device(tmp_path, "a", server)
    try:
        a.set(account, WEEK[0], 450, "workshop")
        draft = a.ctx.confirmation.confirm(a.ctx.drafts.create(account, WEEK[0], WEEK[-1]).id)
        real = PlatformApi.command

        def evil(self: PlatformApi, path: str, body: dict[str, Any], key: str, if_match: int | None) -> Any:
            response = real(self, path, body, key, if_match)
            data = response.json()
            data["number"] = "../../x"
            response._content = json.dumps(data).encode()
            return response

        monkeypatch.setattr(PlatformApi, "command", evil)
        before = {p for p in tmp_path.rglob("*") if p.is_file()}
        with pytest.raises(BadServerAnswer):
            a.ctx.sync.run()
        row = _invoice(a, draft.id)
        assert (row.number, row.pdf_path) == (None, "")
        written = {p for p in tmp_path.rglob("*") if p.is_file()} - before
        assert not [p for p in written if p.suffix == ".pdf"]
    finally:
        a.close()
