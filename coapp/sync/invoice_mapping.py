"""The one mapping between the app's invoice rows and the wire (ConfirmInvoiceRequest, InvoiceRecord).

Fields are copied by name: a field the wire and the invoices table share travels without being listed
here, and every field that does not is named below with where it comes from. So a field added to
the wire is either mapped automatically or fails tests/sync/test_invoice_mapping.py, never copied in
one place and forgotten in another.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from coapp.domain.invoices import InvoiceState
from coapp.models import Invoice, InvoiceLineRow
from coapp.sync.wire import ConfirmInvoiceRequest, InvoiceLineData, InvoiceLineRecord, InvoiceRecord

LOCAL_ONLY_FROZEN = "logo"  # frozen["logo"]: a file path, meaningful only on the device that froze it
_INVOICE_COLUMNS = frozenset(c.key for c in Invoice.__table__.columns)
_LINE_KEYS = tuple(InvoiceLineData.model_fields)

# Request fields that are not invoice columns of the same name, and where they come from.
REQUEST_NOT_FROM_ROW = frozenset(
    {
        "contract_id",  # the column, as a UUID
        "kind",  # always "invoice": credit notes go by CreditInvoiceRequest
        "entry_ids",  # the time entries the confirmation locked
        "lines",  # the invoice_lines rows
        "number_format",  # the business details' series format
        "milestone_id",  # the column (a fixed fee's draft from a milestone), as a UUID
    }
)
# Record fields that are not set on the row by name, and why.
RECORD_NOT_TO_ROW = frozenset(
    {
        "id",  # the row's key, as text
        "contract_id",  # as text
        "credited_invoice_id",  # as text
        "state",  # through the lifecycle (Invoice.move), never by assignment
        "number",  # only onto a row that has none (a number never changes)
        "lines",  # invoice_lines rows
        "entry_ids",  # the time entries carry invoice_id themselves (the change feed)
        "version",  # server_version
        "confirmed_at",  # set with the number
    }
)


def line_data(line: InvoiceLineRow) -> InvoiceLineData:
    return InvoiceLineData(**{key: getattr(line, key) for key in _LINE_KEYS})


def line_row(line: InvoiceLineRecord, invoice_id: str) -> InvoiceLineRow:
    return InvoiceLineRow(invoice_id=invoice_id, **line.model_dump())


def confirm_request(
    invoice: Invoice, lines: Sequence[InvoiceLineRow], entry_ids: Sequence[str], number_format: str
) -> ConfirmInvoiceRequest:
    """What the platform is asked to confirm: the draft exactly as decided here."""
    copied = {
        name: getattr(invoice, name)
        for name in ConfirmInvoiceRequest.model_fields
        if name not in REQUEST_NOT_FROM_ROW and name in _INVOICE_COLUMNS
    }
    copied["frozen"] = dict(invoice.frozen or {})
    return ConfirmInvoiceRequest(
        **copied,
        contract_id=uuid.UUID(invoice.contract_id),
        entry_ids=[uuid.UUID(i) for i in sorted(entry_ids)],
        lines=[line_data(line) for line in sorted(lines, key=lambda li: li.position)],
        number_format=number_format,
        milestone_id=uuid.UUID(invoice.milestone_id) if invoice.milestone_id else None,
    )


def record_values(record: InvoiceRecord) -> dict[str, Any]:
    """The invoice columns a platform record sets, by name (all but RECORD_NOT_TO_ROW)."""
    values: dict[str, Any] = {
        name: getattr(record, name)
        for name in InvoiceRecord.model_fields
        if name not in RECORD_NOT_TO_ROW and name in _INVOICE_COLUMNS
    }
    # The logo is a path on the device that confirmed; one from the platform is never opened here.
    values["frozen"] = {k: v for k, v in record.frozen.items() if k != LOCAL_ONLY_FROZEN}
    values["contract_id"] = str(record.contract_id)
    values["credited_invoice_id"] = str(record.credited_invoice_id) if record.credited_invoice_id else None
    return values


def record_state(record: InvoiceRecord) -> InvoiceState:
    return InvoiceState(record.state)
