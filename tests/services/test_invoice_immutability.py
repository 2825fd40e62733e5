"""A confirmed invoice never changes and is never deleted, whatever the path; numbers stay unique
and without gaps over 1,000 confirmations and credit notes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from coapp.app.context import AppContext
from coapp.domain.errors import LockedError, ValidationError
from coapp.domain.invoices import InvoiceState
from coapp.models import Invoice, InvoiceLineRow, TimeEntry
from coapp.services.invoice_confirm import InvoiceConfirmation
from coapp.services.invoice_series import LocalSeries
from coapp.services.sheets import CellChange

from .invoicing_helpers import SOLE_TRADER, WEEK48, RecordingPdfWriter, hourly_contract


@pytest.fixture
def confirmed(ctx: AppContext) -> tuple[AppContext, str, str]:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx)
    ctx.timesheet.apply(
        [CellChange(contract.id, WEEK48[0], 450, "work"), CellChange(contract.id, WEEK48[1], 60)]
    )
    confirm = InvoiceConfirmation(ctx.store, LocalSeries(), ctx.paths.invoice_archive, RecordingPdfWriter())
    doc = confirm.confirm(ctx.drafts.create(contract.id, WEEK48[0], WEEK48[6]).id)
    return ctx, doc.id, contract.id


def _refused_by_the_database(ctx: AppContext, statement) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(IntegrityError, match=r"never|cannot"), ctx.store.write() as s:
        s.execute(statement)


def test_services_refuse(confirmed: tuple[AppContext, str, str]) -> None:
    ctx, invoice_id, contract_id = confirmed
    for attempt in (
        lambda: ctx.drafts.refresh(invoice_id),
        lambda: ctx.drafts.discard(invoice_id),
        lambda: ctx.drafts.set_lines(invoice_id, []),
        lambda: ctx.confirmation.confirm(invoice_id),
        lambda: ctx.confirmation.mark(invoice_id, InvoiceState.DRAFT),
    ):
        with pytest.raises(ValidationError):
            attempt()
    with pytest.raises(LockedError):
        ctx.timesheet.set_time(contract_id, WEEK48[0], 0)
    with pytest.raises(LockedError):
        ctx.timesheet.apply([CellChange(contract_id, WEEK48[1], 60, "a new note")])


def test_the_database_refuses_every_other_path(confirmed: tuple[AppContext, str, str]) -> None:
    ctx, invoice_id, contract_id = confirmed
    _refused_by_the_database(ctx, update(Invoice).where(Invoice.id == invoice_id).values(total_minor=1))
    _refused_by_the_database(ctx, update(Invoice).where(Invoice.id == invoice_id).values(number="99"))
    _refused_by_the_database(ctx, update(Invoice).where(Invoice.id == invoice_id).values(state="draft"))
    _refused_by_the_database(ctx, delete(Invoice).where(Invoice.id == invoice_id))
    _refused_by_the_database(
        ctx, update(InvoiceLineRow).where(InvoiceLineRow.invoice_id == invoice_id).values(amount_minor=0)
    )
    _refused_by_the_database(ctx, delete(InvoiceLineRow).where(InvoiceLineRow.invoice_id == invoice_id))
    _refused_by_the_database(
        ctx, update(TimeEntry).where(TimeEntry.contract_id == contract_id).values(minutes=1)
    )
    # What may still change: the state going forward.
    assert ctx.confirmation.mark(invoice_id, InvoiceState.SENT).state is InvoiceState.SENT
    doc = ctx.invoices.document(invoice_id)
    assert doc.number == f"{date.today().year}-0001"
    assert [li.raw_minutes for li in doc.lines] == [450, 60]


@pytest.mark.slow
def test_a_thousand_numbers_without_gaps(ctx: AppContext) -> None:
    ctx.business.save(SOLE_TRADER)
    contract = hourly_contract(ctx, start_date=date(2020, 1, 1))
    confirm = InvoiceConfirmation(ctx.store, LocalSeries(), ctx.paths.invoice_archive, RecordingPdfWriter())
    days = [date(2021, 1, 1) + timedelta(days=i) for i in range(1000)]
    ctx.timesheet.apply([CellChange(contract.id, d, 60 + i % 300) for i, d in enumerate(days)])
    numbers: list[str] = []
    i = 0
    while len(numbers) < 1000:
        day = days[i]
        doc = confirm.confirm(ctx.drafts.create(contract.id, day, day).id)
        numbers.append(str(doc.number))
        if i % 7 == 3 and len(numbers) < 1000:  # now and then a correction
            numbers.append(str(confirm.credit(doc.id).number))
        if i % 50 == 10:  # a refused confirmation and a discarded draft never take a number
            draft = ctx.drafts.create(contract.id, days[i + 1], days[i + 1])
            ctx.drafts.discard(draft.id)
        i += 1
    assert numbers == [f"{date.today().year}-{n:04d}" for n in range(1, 1001)]
    with ctx.store.read() as s:
        stored = sorted(int(n.split("-")[1]) for n in s.scalars(select(Invoice.number)) if n is not None)
    assert stored == list(range(1, len(stored) + 1))
