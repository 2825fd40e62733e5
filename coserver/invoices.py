"""Invoice commands (SYNC.md "commands", INVOICING.md): the server decides.

Confirming checks what the client decided on (the contract and time entries at version ≤ If-Match),
recomputes every figure with the domain code, takes the next number of the account's one unbroken
series, stores the invoice and locks its entries, all in one transaction: a refused confirmation
consumes no number. Crediting issues a credit note from the same series and unlocks the entries.

Both run inside coserver.idempotency.run, so a retry with the same key replays the same answer (and
the same number); a retry with a new key finds the invoice there and gets 409 with its record.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.invoices import InvoiceKind, InvoiceState
from coapp.sync.wire import (
    FROZEN_MAX_BYTES,
    ConfirmInvoiceRequest,
    CreditInvoiceRequest,
    InvoiceConflictBody,
    InvoiceLineRecord,
    InvoiceRecord,
)
from coserver.context import ServerContext
from coserver.db import next_version
from coserver.errors import ApiError
from coserver.invoice_totals import Figures, compare, recompute
from coserver.models import ContractRow, InvoiceRow, InvoiceSeriesRow, ServerSequence, TimeEntryRow

Answer = tuple[int, BaseModel]


def invoice_record(row: InvoiceRow) -> InvoiceRecord:
    return InvoiceRecord(
        id=row.id,
        kind=row.kind,  # type: ignore[arg-type]  # the column's CHECK holds it to the Literal
        state=row.state,  # type: ignore[arg-type]
        number=row.number,
        contract_id=row.contract_id,
        issue_date=row.issue_date,
        due_date=row.due_date,
        period_start=row.period_start,
        period_end=row.period_end,
        currency=row.currency,
        language=row.language,
        line_mode=row.line_mode,
        self_billing=row.self_billing,
        reverse_charge=row.reverse_charge,
        buyer_reference=row.buyer_reference,
        notes=row.notes,
        net_minor=row.net_minor,
        vat_minor=row.vat_minor,
        total_minor=row.total_minor,
        commission_bp=row.commission_bp,
        commission_minor=row.commission_minor,
        lines=[InvoiceLineRecord.model_validate(line) for line in row.lines],
        entry_ids=[uuid.UUID(entry_id) for entry_id in row.entry_ids],
        credited_invoice_id=row.credited_invoice_id,
        frozen=row.frozen,
        version=row.version,
        confirmed_at=row.confirmed_at,
    )


def get_invoice(ctx: ServerContext, account_id: uuid.UUID, invoice_id: uuid.UUID) -> InvoiceRecord:
    with ctx.sessions() as session:
        return invoice_record(_own_invoice(session, account_id, invoice_id))


def _not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"No such {what} on this account.")


def _own_invoice(session: Session, account_id: uuid.UUID, invoice_id: uuid.UUID) -> InvoiceRow:
    row = session.get(InvoiceRow, invoice_id)
    if row is None or row.account_id != account_id:
        raise _not_found("invoice")
    return row


def _stale(what: str) -> ApiError:
    return ApiError(
        412,
        "stale",
        f"{what} changed after the version this was decided on; pull the changes and decide again.",
        field="If-Match",
    )


def _conflict(code: str, message: str, row: InvoiceRow | None = None, number: str | None = None) -> Answer:
    record = invoice_record(row) if row is not None else None
    return 409, InvoiceConflictBody(error=code, message=message, invoice=record, number=number)


def _writer_lock(session: Session) -> None:
    # Every writer takes the sequence row first (as push does): on PostgreSQL the whole command then
    # reads and writes as if alone; SQLite's BEGIN IMMEDIATE already serializes writers.
    session.execute(select(ServerSequence.value).where(ServerSequence.id == 1).with_for_update())


# --- the number series -------------------------------------------------------------------------------


def _series(session: Session, account_id: uuid.UUID) -> InvoiceSeriesRow:
    series = session.get(InvoiceSeriesRow, account_id)
    if series is None:
        series = InvoiceSeriesRow(account_id=account_id, next_value=1)
        session.add(series)
        session.flush()
    return series


def _take_number(session: Session, account_id: uuid.UUID) -> int:
    series = _series(session, account_id)
    value = series.next_value
    series.next_value = value + 1
    return value


# --- confirm -----------------------------------------------------------------------------------------


def confirm(
    ctx: ServerContext,
    session: Session,
    account_id: uuid.UUID,
    invoice_id: uuid.UUID,
    decided_on: int,
    body: ConfirmInvoiceRequest,
) -> Answer:
    _writer_lock(session)
    existing = session.get(InvoiceRow, invoice_id)
    if existing is not None:
        if existing.account_id != account_id:
            raise _not_found("invoice")
        return _conflict("already_confirmed", "This invoice is already confirmed.", existing)
    contract = session.get(ContractRow, body.contract_id)
    if contract is None or contract.freelancer_id != account_id:
        raise _not_found("contract")
    entries = _entries(session, account_id, body.entry_ids)
    if contract.version > decided_on:
        raise _stale("The contract")
    changed = [e for e in entries if e.version > decided_on]
    if changed:
        raise _stale(f"{len(changed)} of the time entries")
    _check_terms(contract, body)
    _check_entries(contract, entries, body)
    _check_frozen(body)
    figures = recompute(body.lines, body.currency, body.commission_bp)
    compare(Figures(body.net_minor, body.vat_minor, body.total_minor, body.commission_minor), figures)
    series = _series(session, account_id)
    if body.number is not None and body.number != str(series.next_value):
        # Numbered locally before the first sign-in: only the series' next value keeps it unbroken.
        expected = str(series.next_value)
        return _conflict("number_taken", f"The next number is {expected}.", number=expected)
    number = _take_number(session, account_id)
    now = ctx.now()
    row = InvoiceRow(
        id=invoice_id,
        account_id=account_id,
        contract_id=contract.id,
        kind=InvoiceKind.INVOICE.value,
        state=InvoiceState.CONFIRMED.value,
        number_value=number,
        number=str(number),
        issue_date=body.issue_date,
        due_date=body.due_date,
        period_start=body.period_start,
        period_end=body.period_end,
        currency=body.currency,
        language=body.language,
        line_mode=body.line_mode,
        self_billing=body.self_billing,
        reverse_charge=body.reverse_charge,
        buyer_reference=body.buyer_reference,
        notes=body.notes,
        net_minor=figures.net_minor,
        vat_minor=figures.vat_minor,
        total_minor=figures.total_minor,
        commission_bp=body.commission_bp,
        commission_minor=figures.commission_minor,
        lines=[line.model_dump(mode="json") for line in sorted(body.lines, key=lambda x: x.position)],
        entry_ids=[str(e.id) for e in entries],
        frozen=body.frozen,
        credited_invoice_id=None,
        version=next_version(session),
        confirmed_at=now,
        state_changed_at=now,
    )
    session.add(row)
    session.flush()
    for entry in entries:
        # One version per row, so the change feed can page between any two of them.
        entry.invoice_id = invoice_id
        entry.version = next_version(session)
    session.flush()
    return 200, invoice_record(row)


def _entries(session: Session, account_id: uuid.UUID, entry_ids: Sequence[uuid.UUID]) -> list[TimeEntryRow]:
    if len(set(entry_ids)) != len(entry_ids):
        raise ApiError(422, "invalid_field", "entry_ids names an entry twice.", field="entry_ids")
    rows = session.execute(select(TimeEntryRow).where(TimeEntryRow.id.in_(list(entry_ids)))).scalars().all()
    found = {row.id: row for row in rows if row.account_id == account_id}
    if len(found) != len(entry_ids):
        raise _not_found("time entry")
    return [found[entry_id] for entry_id in entry_ids]


def _check_terms(contract: ContractRow, body: ConfirmInvoiceRequest) -> None:
    if contract.deleted_at is not None:
        raise ApiError(422, "contract_deleted", "This contract was deleted.", field="contract_id")
    if body.period_end < body.period_start:
        raise ApiError(422, "invalid_period", "period_end is before period_start.", field="period_end")
    if body.due_date < body.issue_date:
        raise ApiError(422, "invalid_field", "due_date is before issue_date.", field="due_date")
    if body.currency != contract.currency:
        message = f"The contract is in {contract.currency}, not {body.currency}."
        raise ApiError(422, "currency_mismatch", message, field="currency")
    if body.commission_bp != contract.commission_bp:
        message = f"The contract's commission is {contract.commission_bp} bp, not {body.commission_bp}."
        raise ApiError(422, "totals_mismatch", message, field="commission_bp")


def _check_entries(
    contract: ContractRow, entries: Sequence[TimeEntryRow], body: ConfirmInvoiceRequest
) -> None:
    for entry in entries:
        day = entry.work_date.isoformat()
        if entry.deleted_at is not None:
            raise ApiError(422, "entry_deleted", f"The entry on {day} was deleted.", field="entry_ids")
        if entry.invoice_id is not None:
            raise ApiError(
                409, "locked", f"The entry on {day} is on another confirmed invoice.", field="entry_ids"
            )
        if entry.contract_id != contract.id:
            raise ApiError(
                422, "entry_not_on_contract", f"The entry on {day} is on another contract.", field="entry_ids"
            )
        if not body.period_start <= entry.work_date <= body.period_end:
            raise ApiError(
                422, "entry_outside_period", f"The entry on {day} is outside the period.", field="entry_ids"
            )
    reported = sum(entry.minutes for entry in entries)
    billed = sum(line.raw_minutes or 0 for line in body.lines)
    if reported != billed:
        raise ApiError(
            422,
            "totals_mismatch",
            f"The entries hold {reported} minutes; the lines' raw_minutes add up to {billed}.",
            field="lines.raw_minutes",
        )
    positions = [line.position for line in body.lines]
    if len(set(positions)) != len(positions):
        raise ApiError(422, "invalid_field", "Two lines have the same position.", field="lines")
    for index, line in enumerate(body.lines):
        if line.first_day and line.last_day and line.last_day < line.first_day:
            raise ApiError(
                422, "invalid_field", "last_day is before first_day.", field=f"lines.{index}.last_day"
            )


def _check_frozen(body: ConfirmInvoiceRequest) -> None:
    size = len(json.dumps(body.frozen, separators=(",", ":"), ensure_ascii=False).encode())
    if size > FROZEN_MAX_BYTES:
        message = f"frozen holds {size} bytes; at most {FROZEN_MAX_BYTES} are kept."
        raise ApiError(422, "too_large", message, field="frozen")


# --- credit ------------------------------------------------------------------------------------------


def credit(
    ctx: ServerContext,
    session: Session,
    account_id: uuid.UUID,
    invoice_id: uuid.UUID,
    decided_on: int,
    body: CreditInvoiceRequest,
) -> Answer:
    _writer_lock(session)
    original = _own_invoice(session, account_id, invoice_id)
    taken = session.get(InvoiceRow, body.credit_note_id)
    if taken is not None:
        if taken.account_id != account_id:
            raise _not_found("credit note")
        if taken.credited_invoice_id == original.id:
            return _conflict("already_credited", "This invoice is already credited.", taken)
        return _conflict("id_taken", "credit_note_id is another invoice's id.", taken)
    if original.version > decided_on:
        raise _stale("The invoice")
    if original.kind != InvoiceKind.INVOICE.value:
        return _conflict("not_creditable", "A credit note cannot be credited.", original)
    if original.state == InvoiceState.CREDITED.value:
        note = session.execute(
            select(InvoiceRow).where(InvoiceRow.credited_invoice_id == original.id)
        ).scalar()
        return _conflict("already_credited", "This invoice is already credited.", note or original)
    lines = [_negated(InvoiceLineRecord.model_validate(line)) for line in original.lines]
    figures = recompute(lines, original.currency, original.commission_bp)
    number = _take_number(session, account_id)
    now = ctx.now()
    # The original is stamped first: the change feed (ordered by version) then brings it before the
    # credit note that refers to it, so a device that never had it can take the note.
    original.state = InvoiceState.CREDITED.value
    original.state_changed_at = now
    original.version = next_version(session)
    note = InvoiceRow(
        id=body.credit_note_id,
        account_id=account_id,
        contract_id=original.contract_id,
        kind=InvoiceKind.CREDIT_NOTE.value,
        state=InvoiceState.CONFIRMED.value,
        number_value=number,
        number=str(number),
        issue_date=body.issue_date,
        due_date=body.issue_date,
        period_start=original.period_start,
        period_end=original.period_end,
        currency=original.currency,
        language=original.language,
        line_mode=original.line_mode,
        self_billing=original.self_billing,
        reverse_charge=original.reverse_charge,
        buyer_reference=original.buyer_reference,
        notes="",
        net_minor=figures.net_minor,
        vat_minor=figures.vat_minor,
        total_minor=figures.total_minor,
        commission_bp=original.commission_bp,
        commission_minor=figures.commission_minor,
        lines=[line.model_dump(mode="json") for line in lines],
        entry_ids=[],
        frozen=original.frozen,
        credited_invoice_id=original.id,
        version=next_version(session),
        confirmed_at=now,
        state_changed_at=now,
    )
    session.add(note)
    session.flush()
    entries = session.execute(select(TimeEntryRow).where(TimeEntryRow.invoice_id == original.id)).scalars()
    for entry in entries:
        entry.invoice_id = None
        entry.version = next_version(session)
    session.flush()
    return 200, invoice_record(note)


def _negated(line: InvoiceLineRecord) -> InvoiceLineRecord:
    # Half-up rounding is symmetric around zero, so −quantity × price is exactly −amount.
    return line.model_copy(update={"quantity_e4": -line.quantity_e4, "amount_minor": -line.amount_minor})
