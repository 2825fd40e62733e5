"""One invoice mapping per side, and it round-trips every field of the wire.

The sample record names a distinctive value for every InvoiceRecord field; a field added to the wire
fails the first test until it is given one here, and then fails the round trips until both sides map
it (the app's coapp.sync.invoice_mapping, the server's coserver.invoices TERMS / SERVER_DECIDES).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from coapp.app.context import AppContext
from coapp.models import Invoice, InvoiceLineRow
from coapp.sync.invoice_commands import apply_invoice
from coapp.sync.invoice_mapping import REQUEST_NOT_FROM_ROW, confirm_request
from coapp.sync.wire import ConfirmInvoiceRequest, InvoiceRecord
from coserver import invoices as server_invoices
from coserver.models import InvoiceRow
from tests.conftest import make_contract

LINE = {
    "position": 3,
    "description": "Workshop",
    "quantity_e4": 75_000,
    "unit": "HUR",
    "unit_price_minor": 95_000,
    "vat_rate_bp": 2500,
    "vat_category": "S",
    "amount_minor": 712_500,
    "first_day": "2026-03-02",
    "last_day": "2026-03-02",
    "raw_minutes": 451,
    "billed_minutes": 450,
    "notes": "workshop",
}


def sample_record(contract_id: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "kind": "invoice",
        "state": "sent",
        "number": "2026-0042",
        "contract_id": contract_id,
        "issue_date": "2026-03-31",
        "due_date": "2026-04-30",
        "period_start": "2026-03-01",
        "period_end": "2026-03-31",
        "currency": "SEK",
        "language": "en",
        "line_mode": "week",
        "billed_to": "platform",
        "reverse_charge": True,
        "buyer_reference": "PO-7",
        "notes": "thanks",
        "net_minor": 712_500,
        "vat_minor": 178_125,
        "total_minor": 890_625,
        "commission_bp": 1250,
        "commission_minor": 89_063,
        "lines": [LINE],
        "entry_ids": [str(uuid.uuid4())],
        "credited_invoice_id": None,
        "frozen": {"seller": {"name": "Anna", "country": "SE"}, "payment": {"bankgiro": "5550-1001"}},
        "version": 77,
        "confirmed_at": "2026-03-31T09:00:00Z",
    }


def test_the_sample_names_every_wire_field() -> None:
    assert set(sample_record("x")) == set(InvoiceRecord.model_fields)


def test_the_app_maps_every_field_from_the_record_to_the_row_and_back_to_a_request(ctx: AppContext) -> None:
    contract = make_contract(ctx)
    record = InvoiceRecord.model_validate(sample_record(contract.id))
    with ctx.store.write() as s:
        apply_invoice(s, record)
    with ctx.store.read() as s:
        row = s.get(Invoice, str(record.id))
        assert row is not None
        lines = list(s.scalars(select(InvoiceLineRow).where(InvoiceLineRow.invoice_id == row.id)))
        request = confirm_request(row, lines, [str(i) for i in record.entry_ids], "{year}-{seq:04d}")
        stored = {c.key: getattr(row, c.key) for c in Invoice.__table__.columns}
    wire = record.model_dump(mode="json")
    # Record -> row: every field that names a column arrives as sent; the rest as documented.
    for name, value in wire.items():
        if name in stored and name not in ("frozen", "state"):
            got = stored[name]
            got = got.isoformat().replace("+00:00", "Z") if isinstance(got, datetime) else got
            got = got.isoformat() if isinstance(got, date) else got
            assert (got.value if hasattr(got, "value") else got) == value, name
    assert stored["state"] == "sent"
    assert stored["server_version"] == record.version
    assert stored["frozen"]["seller"] == record.frozen["seller"]
    assert [line.model_dump(mode="json") for line in request.lines] == wire["lines"]
    # Row -> request: every request field the record also has carries the record's value.
    sent = request.model_dump(mode="json")
    for name in ConfirmInvoiceRequest.model_fields:
        if name in wire and name not in ("frozen", "kind", "number"):
            assert sent[name] == wire[name], name
        elif name not in wire:
            assert name in REQUEST_NOT_FROM_ROW, f"{name} is on the request but not mapped from the row"
    assert sent["number"] == record.number


def test_the_server_maps_every_field_of_the_terms_and_its_own_decisions() -> None:
    record = InvoiceRecord.model_validate(sample_record(str(uuid.uuid4())))
    values = record.model_dump()
    assert set(server_invoices.TERMS) <= set(ConfirmInvoiceRequest.model_fields)  # confirm can copy them
    assert set(server_invoices.TERMS) | server_invoices.SERVER_DECIDES == set(InvoiceRecord.model_fields)
    decided = {name: values[name] for name in server_invoices.SERVER_DECIDES}
    decided["lines"] = [line.model_dump(mode="json") for line in record.lines]
    decided["entry_ids"] = [str(i) for i in record.entry_ids]
    row = server_invoices._new_row(
        {name: values[name] for name in server_invoices.TERMS},
        **decided,
        account_id=uuid.uuid4(),
        number_value=42,
        state_changed_at=datetime(2026, 3, 31, tzinfo=UTC),
    )
    assert isinstance(row, InvoiceRow)
    assert server_invoices.invoice_record(row) == record


def test_a_logo_path_from_the_platform_is_never_opened_here(ctx: AppContext) -> None:
    """frozen["logo"] is a path on the device that confirmed; a platform (or another device) could
    name any file with it, so an invoice that arrives from the platform keeps no logo path."""
    contract = make_contract(ctx)
    data = sample_record(contract.id)
    data["frozen"] = {**data["frozen"], "logo": "/etc/shadow"}
    with ctx.store.write() as s:
        apply_invoice(s, InvoiceRecord.model_validate(data))
    with ctx.store.read() as s:
        row = s.get(Invoice, data["id"])
        assert row is not None
        assert "logo" not in row.frozen
