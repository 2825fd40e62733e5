"""Invoice commands (SYNC.md "commands", INVOICING.md): the server decides.

Confirming checks what the client decided on (the contract and time entries at version ≤ If-Match),
recomputes every figure with the domain code, takes the next number of the account's one unbroken
series, stores the invoice and locks its entries, all in one transaction: a refused confirmation
consumes no number. Crediting issues a credit note from the same series and unlocks the entries.

Numbers are printed in the series format the client sends with the command (the freelancer's
business details, checked with coapp.domain.invoice_numbers: it must hold {seq}); the counter
(`number_value`) is what is unique and unbroken, and the printed text is unique per account too.

The row <-> wire mapping lives in one place here (`invoice_record`, `_new_row`): fields are copied by
name, and the few the server decides itself are named in SERVER_DECIDES.

Both run inside coserver.idempotency.run, so a retry with the same key replays the same answer (and
the same number); a retry with a new key finds the invoice there and gets 409 with its record.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.errors import ValidationError
from coapp.domain.invoice_numbers import check_number_format, format_number
from coapp.domain.invoices import InvoiceKind, InvoiceState
from coapp.sync.wire import (
    FROZEN_MAX_BYTES,
    ConfirmInvoiceRequest,
    CreditInvoiceRequest,
    InvoiceConflictBody,
    InvoiceLineRecord,
    InvoiceRecord,
)
from coserver import milestone_invoices
from coserver.context import ServerContext
from coserver.db import lock_accounts, next_version
from coserver.errors import ApiError
from coserver.invoice_totals import Figures, compare, recompute
from coserver.models import ContractRow, InvoiceRow, InvoiceSeriesRow, TimeEntryRow

Answer = tuple[int, BaseModel]


# What the server decides for every invoice; every other record field is the invoice's terms, copied
# by name from the confirm request (or, for a credit note, from the invoice it credits).
SERVER_DECIDES = frozenset(
    {
        "id", "kind", "state", "number", "net_minor", "vat_minor", "total_minor", "commission_minor",
        "lines", "entry_ids", "credited_invoice_id", "version", "confirmed_at",
    }
)  # fmt: skip
TERMS = tuple(name for name in InvoiceRecord.model_fields if name not in SERVER_DECIDES)


def invoice_record(row: InvoiceRow) -> InvoiceRecord:
    return InvoiceRecord.model_validate({name: getattr(row, name) for name in InvoiceRecord.model_fields})


def _new_row(terms: dict[str, Any], **decided: Any) -> InvoiceRow:
    """An invoice row from its terms (TERMS, by name) and what the server decided."""
    missing = set(TERMS) - set(terms)
    if missing:
        raise ValueError(f"terms missing: {sorted(missing)}")
    return InvoiceRow(**{name: terms[name] for name in TERMS}, **decided)


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


def _writer_lock(session: Session, account_id: uuid.UUID) -> None:
    """Taken before anything is read: the command then reads and writes the account's rows as if
    alone. Every row it writes is the freelancer's (the invoices, the number series, the entries, a
    milestone of their contract) and every rule it reads is too (the contract, the entries), and each
    other writer of those (push, a contract's commands, the other invoice command) takes the same
    account lock. Other freelancers' confirmations do not wait (coserver.db.lock_accounts)."""
    lock_accounts(session, account_id)


# --- the number series -------------------------------------------------------------------------------


def _series(session: Session, account_id: uuid.UUID) -> InvoiceSeriesRow:
    series = session.get(InvoiceSeriesRow, account_id)
    if series is None:
        series = InvoiceSeriesRow(account_id=account_id, next_value=1)
        session.add(series)
        session.flush()
    return series


def _number_format(number_format: str) -> str:
    try:
        return check_number_format(number_format)
    except ValidationError as exc:
        raise ApiError(422, "invalid_field", str(exc), field="number_format") from None


def _printed(number_format: str, value: int, issued: date) -> str:
    return format_number(number_format, year=issued.year, seq=value)


def _take_number(
    session: Session, account_id: uuid.UUID, number_format: str, issued: date
) -> tuple[int, str]:
    """The series' next value and its printed number; refused (nothing taken) if a change of
    format would print a number this account already has."""
    series = _series(session, account_id)
    value = series.next_value
    number = _printed(number_format, value, issued)
    clash = session.execute(
        select(InvoiceRow.id).where(InvoiceRow.account_id == account_id, InvoiceRow.number == number)
    ).first()
    if clash is not None:
        message = f"The number format would repeat {number}; put {{year}} or a prefix in it."
        raise ApiError(422, "invalid_field", message, field="number_format")
    series.next_value = value + 1
    return value, number


# --- confirm -----------------------------------------------------------------------------------------


def confirm(
    ctx: ServerContext,
    session: Session,
    account_id: uuid.UUID,
    invoice_id: uuid.UUID,
    decided_on: int,
    body: ConfirmInvoiceRequest,
) -> Answer:
    _writer_lock(session, account_id)
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
    milestone = (
        milestone_invoices.billable(session, contract.id, body.milestone_id) if body.milestone_id else None
    )
    number_format = _number_format(body.number_format)
    figures = recompute(body.lines, body.currency, body.commission_bp, _seller_country(body.frozen))
    compare(Figures(body.net_minor, body.vat_minor, body.total_minor, body.commission_minor), figures)
    series = _series(session, account_id)
    if body.number is not None:
        # Numbered locally before the first sign-in: only the series' next value keeps it unbroken.
        expected = _printed(number_format, series.next_value, body.issue_date)
        if body.number != expected:
            return _conflict("number_taken", f"The next number is {expected}.", number=expected)
    value, number = _take_number(session, account_id, number_format, body.issue_date)
    now = ctx.now()
    row = _new_row(
        {name: getattr(body, name) for name in TERMS},
        id=invoice_id,
        account_id=account_id,
        kind=InvoiceKind.INVOICE.value,
        state=InvoiceState.CONFIRMED.value,
        number_value=value,
        number=number,
        net_minor=figures.net_minor,
        vat_minor=figures.vat_minor,
        total_minor=figures.total_minor,
        commission_minor=figures.commission_minor,
        lines=[line.model_dump(mode="json") for line in sorted(body.lines, key=lambda x: x.position)],
        entry_ids=[str(e.id) for e in entries],
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
    if milestone is not None:
        milestone_invoices.mark_invoiced(session, milestone, invoice_id, now)
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
    _writer_lock(session, account_id)
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
    # UBL's convention: the note's lines are the invoice's own, positive; its kind says credit.
    lines = [InvoiceLineRecord.model_validate(line) for line in original.lines]
    figures = recompute(lines, original.currency, original.commission_bp, _seller_country(original.frozen))
    value, number = _take_number(session, account_id, _number_format(body.number_format), body.issue_date)
    now = ctx.now()
    # The original is stamped first: the change feed (ordered by version) then brings it before the
    # credit note that refers to it, so a device that never had it can take the note.
    original.state = InvoiceState.CREDITED.value
    original.state_changed_at = now
    original.version = next_version(session)
    terms = {name: getattr(original, name) for name in TERMS}
    note = _new_row(
        {**terms, "issue_date": body.issue_date, "due_date": body.issue_date, "notes": ""},
        id=body.credit_note_id,
        account_id=account_id,
        kind=InvoiceKind.CREDIT_NOTE.value,
        state=InvoiceState.CONFIRMED.value,
        number_value=value,
        number=number,
        net_minor=figures.net_minor,
        vat_minor=figures.vat_minor,
        total_minor=figures.total_minor,
        commission_minor=figures.commission_minor,
        lines=[line.model_dump(mode="json") for line in lines],
        entry_ids=[],
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
    milestone_invoices.release(session, original.id, ctx.now())
    session.flush()
    return 200, invoice_record(note)


def _seller_country(frozen: dict[str, Any]) -> str:
    """The seller's country as the client froze it (it decides the VAT on the commission)."""
    seller = frozen.get("seller") if isinstance(frozen, dict) else None
    country = seller.get("country") if isinstance(seller, dict) else None
    return country if isinstance(country, str) and len(country) == 2 else "SE"
