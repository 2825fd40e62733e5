"""Invoice commands (SYNC.md): the platform confirms, numbers and credits; the client asks.

A confirmation made here while signed in has no number ("number on sync"). The round queues a
command for it once the time it bills is on the server: the body (the draft as decided), an
idempotency key and the If-Match version (the newest server version of the contract and the entries
it was decided on) are fixed when queued, so a retry after a crash sends exactly the same request.
The answer's number and figures are stored (coapp.sync.invoice_mapping is the one mapping between
rows and the wire); a refusal returns the unnumbered invoice to draft (the domain's RETURNS) with the
reason kept, so nothing is lost and the user can refresh the draft and confirm again.

Invoices numbered locally before the first sign-in are adopted by the same command with their number
(the platform takes it only as the next one of the series, which keeps the series unbroken).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError as PydanticError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coapp.domain.errors import ValidationError
from coapp.domain.invoices import InvoiceKind, InvoiceState, Payment
from coapp.domain.payment_refs import reference_for
from coapp.models import Contract, Invoice, InvoiceLineRow, OutboxRecord, SyncCommand, TimeEntry
from coapp.models.business import number_format_of
from coapp.store.engine import Store
from coapp.sync.api import PlatformApi
from coapp.sync.errors import ApiError, BadServerAnswer
from coapp.sync.invoice_mapping import (
    LOCAL_ONLY_FROZEN,
    confirm_request,
    line_row,
    record_state,
    record_values,
)
from coapp.sync.wire import (
    CreditInvoiceRequest,
    InvoiceRecord,
)

log = logging.getLogger(__name__)

CONFIRM = "confirm_invoice"
CREDIT = "credit_invoice"


def run_commands(store: Store, api: PlatformApi) -> int:
    """Queue what waits for the platform, then send the queue in order; the number sent."""
    with store.write() as s:
        _queue(s)
    with store.read() as s:
        queued = [
            (c.id, c.kind, c.target_id, c.idempotency_key, c.if_match, dict(c.body))
            for c in s.scalars(
                select(SyncCommand).where(SyncCommand.refused_code.is_(None)).order_by(SyncCommand.created_at)
            )
        ]
    sent = 0
    for command_id, kind, target, key, if_match, body in queued:
        path = f"/invoices/{body['original_id'] if kind == CREDIT else target}/{kind.split('_')[0]}"
        payload = {k: v for k, v in body.items() if k != "original_id"}
        try:
            response = api.command(path, payload, key, if_match)
            record = InvoiceRecord.model_validate_json(response.content)
        except ApiError as exc:
            if exc.status == 409 and isinstance(exc.body.get("invoice"), dict):
                known = _record_or_none(exc.body["invoice"])
                if known is not None and str(known.id) == target:
                    _settle(store, command_id, known)  # confirmed already (a lost answer)
                    sent += 1
                    continue
            if exc.status >= 500 or exc.status in (401, 426, 429):
                raise
            _refuse(store, command_id, exc.code, exc.message)
            continue
        except PydanticError:
            raise BadServerAnswer("the platform's answer to an invoice command was not understood") from None
        _settle(store, command_id, record)
        sent += 1
    return sent


def _record_or_none(data: dict[str, Any]) -> InvoiceRecord | None:
    try:
        return InvoiceRecord.model_validate(data)
    except PydanticError:
        return None


# --- queueing ------------------------------------------------------------------------------------


def _queue(s: Session) -> None:
    waiting = set(s.scalars(select(SyncCommand.target_id)))
    pending = s.scalars(
        select(Invoice)
        .where(Invoice.state != InvoiceState.DRAFT, Invoice.server_version.is_(None))
        .order_by(Invoice.confirmed_at, Invoice.number)
    ).all()
    for invoice in pending:
        if invoice.id in waiting:
            continue
        if invoice.kind is InvoiceKind.CREDIT_NOTE:
            _queue_credit(s, invoice)
        else:
            _queue_confirm(s, invoice)


def _queue_confirm(s: Session, invoice: Invoice) -> None:
    entries = list(s.scalars(select(TimeEntry).where(TimeEntry.invoice_id == invoice.id)))
    ids = [e.id for e in entries]
    if ids:
        unsent = s.scalar(
            select(func.count())
            .select_from(OutboxRecord)
            .where(OutboxRecord.entity == "time_entry", OutboxRecord.row_id.in_(ids))
        )
        if unsent or any(e.server_version is None for e in entries):
            return  # the time is not on the platform yet: the next round tries again
    contract = s.get(Contract, invoice.contract_id)
    if contract is None or contract.server_version is None:
        return
    versions = [contract.server_version] + [e.server_version or 0 for e in entries]
    lines = s.scalars(
        select(InvoiceLineRow)
        .where(InvoiceLineRow.invoice_id == invoice.id, InvoiceLineRow.deleted_at.is_(None))
        .order_by(InvoiceLineRow.position)
    ).all()
    body = confirm_request(invoice, lines, ids, number_format_of(s))
    s.add(
        SyncCommand(
            kind=CONFIRM,
            target_id=invoice.id,
            if_match=max(versions),
            body=body.model_dump(mode="json"),
        )
    )


def _queue_credit(s: Session, note: Invoice) -> None:
    original = s.get(Invoice, note.credited_invoice_id) if note.credited_invoice_id else None
    if original is None or original.server_version is None:
        return  # the original is not on the platform yet
    body = CreditInvoiceRequest(
        credit_note_id=uuid.UUID(note.id), issue_date=note.issue_date, number_format=number_format_of(s)
    )
    s.add(
        SyncCommand(
            kind=CREDIT,
            target_id=note.id,
            if_match=original.server_version,
            body={**body.model_dump(mode="json"), "original_id": original.id},
        )
    )


# --- answers ---------------------------------------------------------------------------------------


def _settle(store: Store, command_id: str, record: InvoiceRecord) -> None:
    with store.write() as s:
        command = s.get(SyncCommand, command_id)
        if command is not None:
            s.delete(command)
        apply_invoice(s, record)


def apply_invoice(s: Session, record: InvoiceRecord) -> None:
    """The platform's copy of an invoice (a command's answer, or the change feed): fill in the
    number and figures of a local one, or add one confirmed on another device."""
    s.info["applying_remote"] = True
    try:
        row = s.get(Invoice, str(record.id))
        if row is None:
            row = _insert(s, record)
        elif row.number is None:
            # The platform's copy is final: every field it holds, the number and what comes with it
            # (but the logo stays this device's own path).
            logo = (row.frozen or {}).get(LOCAL_ONLY_FROZEN)
            values = record_values(record)
            for name, value in values.items():
                setattr(row, name, value)
            row.number = record.number
            frozen = {**values["frozen"], LOCAL_ONLY_FROZEN: logo} if logo else values["frozen"]
            row.frozen = _with_reference(frozen, record.number)
            row.confirmed_at = record.confirmed_at
        elif row.number != record.number:
            log.error("invoice %s: number %s here, %s on the platform", row.id, row.number, record.number)
        _follow(row, record_state(record), record.confirmed_at)
        row.server_version = record.version
        row.dirty = False
        s.flush()
    finally:
        s.info["applying_remote"] = False


def _follow(row: Invoice, state: InvoiceState, when: datetime) -> None:
    """Take the platform's state through the domain's lifecycle. The platform only moves forward
    (or returns an unnumbered confirmation, RETURNS); a record that would move a local invoice
    backwards is an error to look into, not a reason to break the bookkeeping rule."""
    if row.state is state:
        return
    try:
        row.move(state, when, returned=True)
    except ValidationError:
        log.error("invoice %s: the platform says %s, the invoice here is %s", row.id, state, row.state)


def _with_reference(frozen: dict[str, Any], number: str) -> dict[str, Any]:
    """The payment reference (OCR/KID) is made from the number, so it too comes with the number."""
    payment = frozen.get("payment")
    seller = frozen.get("seller") or {}
    if not isinstance(payment, dict):
        return frozen
    try:
        kind, reference = reference_for(str(seller.get("country") or "SE"), number)
    except ValueError:
        return frozen
    filled = Payment(**{**payment, "reference_kind": kind, "reference": reference})
    return {**frozen, "payment": asdict(filled)}


def _insert(s: Session, record: InvoiceRecord) -> Invoice:
    # Lines can only be added to a draft (coapp.models.invoice_guards): insert as one, then confirm.
    row = Invoice(id=str(record.id), state=InvoiceState.DRAFT, pdf_path="", **record_values(record))
    s.add(row)
    s.flush()
    for line in record.lines:
        s.add(line_row(line, row.id))
    s.flush()
    row.number = record.number
    row.move(InvoiceState.CONFIRMED, record.confirmed_at)
    row.confirmed_at = record.confirmed_at
    return row


def _refuse(store: Store, command_id: str, code: str, message: str) -> None:
    """The platform said no: keep why, and give the invoice back as a draft (it was never issued)."""
    with store.write() as s:
        command = s.get(SyncCommand, command_id)
        if command is None:
            return
        command.refused_code, command.refused_message = code, message
        invoice = s.get(Invoice, command.target_id)
        if invoice is None:
            return
        if invoice.kind is InvoiceKind.INVOICE:
            release(s, invoice)
        else:
            withdraw_credit(s, invoice, already_credited=code == "already_credited")


def withdraw_credit(s: Session, note: Invoice, *, already_credited: bool) -> None:
    """A credit note the platform did not take was never issued: it goes, and the invoice it meant to
    cancel stands as the platform has it (credited by another device's note, or still confirmed: its
    time is locked again by the platform's copy at the next answer or page)."""
    if note.number is not None:
        return
    original = s.get(Invoice, note.credited_invoice_id) if note.credited_invoice_id else None
    now = datetime.now(UTC)
    if original is not None and original.state is InvoiceState.CREDITED and not already_credited:
        original.move(InvoiceState.CONFIRMED, now, returned=True)
    if note.state is not InvoiceState.DRAFT:  # a refusal seen twice changes nothing more
        note.move(InvoiceState.DRAFT, now, returned=True)
    s.flush()
    note.deleted_at = now
    for line in s.scalars(select(InvoiceLineRow).where(InvoiceLineRow.invoice_id == note.id)):
        line.deleted_at = now


def refuse_pending(s: Session, invoice: Invoice, code: str, message: str) -> None:
    """Refuse a confirmation before it was sent (its time changed on the platform meanwhile)."""
    command = s.scalar(select(SyncCommand).where(SyncCommand.target_id == invoice.id))
    if command is None:
        command = SyncCommand(kind=CONFIRM, target_id=invoice.id, body={})
        s.add(command)
    command.refused_code, command.refused_message = code, message
    release(s, invoice)


def keep_pending_lock(s: Session, row: TimeEntry, values: dict[str, Any]) -> None:
    """A time entry from the feed that this device locked for a confirmation the platform has not
    accepted yet: keep the lock while the time is the same; if it changed on another device first,
    the confirmation is refused here (the invoice goes back to draft) and the new time applies."""
    local = row.invoice_id
    if local is None or values.get("invoice_id", local) == local:
        return
    invoice = s.get(Invoice, local)
    if invoice is None or invoice.server_version is not None:
        return  # the platform's word on a confirmed invoice stands
    if values.get("invoice_id") is not None:
        # Another invoice (confirmed on another device) took this time first: ours cannot be.
        refuse_pending(
            s,
            invoice,
            "already_invoiced",
            "This time is already on an invoice confirmed on another device.",
        )
        return
    if all(values.get(k, getattr(row, k)) == getattr(row, k) for k in ("minutes", "note", "deleted_at")):
        values["invoice_id"] = local
        return
    refuse_pending(
        s,
        invoice,
        "stale",
        "The time on this invoice changed on another device before the platform confirmed it.",
    )


def release(s: Session, invoice: Invoice) -> None:
    """A confirmation the platform did not accept goes back to draft and frees its time."""
    if invoice.number is not None:
        return  # numbered (before sign-in): stays as it is; the refusal says what to do
    now = datetime.now(UTC)
    s.execute(update(TimeEntry).where(TimeEntry.invoice_id == invoice.id).values(invoice_id=None))
    if invoice.kind is InvoiceKind.CREDIT_NOTE:
        original = s.get(Invoice, invoice.credited_invoice_id) if invoice.credited_invoice_id else None
        if original is not None and original.state is InvoiceState.CREDITED:
            original.move(InvoiceState.CONFIRMED, now, returned=True)
    # Returned, not reopened: it never had a number, so it was never issued (RETURNS in the domain).
    if invoice.state is not InvoiceState.DRAFT:  # a refusal seen twice changes nothing more
        invoice.move(InvoiceState.DRAFT, now, returned=True)
    invoice.confirmed_at = None
