"""Finding invoices: the list with filters, one invoice as a document, totals per currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from coapp.domain.contracts import RoundingRule
from coapp.domain.invoice_lines import TimeItem
from coapp.domain.invoices import InvoiceDocument, InvoiceKind, InvoiceState, signed_total
from coapp.domain.money import from_minor
from coapp.models import Contract, Invoice, TimeEntry
from coapp.services.invoice_drafts import uninvoiced_items
from coapp.services.invoice_loading import document, load
from coapp.store.engine import Store


@dataclass(frozen=True)
class InvoiceSummary:
    id: str
    kind: InvoiceKind
    state: InvoiceState
    number: str | None
    contract_id: str
    contract_title: str
    issue_date: date
    due_date: date
    period_start: date
    period_end: date
    currency: str
    net: Decimal
    vat: Decimal
    total: Decimal
    pdf_path: str

    @property
    def signed_total(self) -> Decimal:
        """Credit notes count against the invoices they correct (stored positive, as UBL has them)."""
        return signed_total(self.kind, self.total)


class InvoiceQueries:
    def __init__(self, store: Store) -> None:
        self._store = store

    def document(self, invoice_id: str) -> InvoiceDocument:
        with self._store.read() as s:
            return document(s, load(s, invoice_id))

    def time_behind(self, invoice_id: str) -> list[TimeItem]:
        """The reported days behind an invoice: the entries it locked once confirmed; on a draft,
        the uninvoiced days of its period (what confirming would lock)."""
        with self._store.read() as s:
            loaded = load(s, invoice_id)
            row = loaded.row
            if row.state == InvoiceState.DRAFT.value:
                return uninvoiced_items(s, row.contract_id, row.period_start, row.period_end)
            locked = s.execute(
                select(TimeEntry.work_date, TimeEntry.minutes, TimeEntry.note)
                .where(TimeEntry.invoice_id == row.id, TimeEntry.deleted_at.is_(None))
                .order_by(TimeEntry.work_date)
            ).all()
            if locked:
                return [TimeItem(day, minutes, note) for day, minutes, note in locked]
            # Credited (the time was unlocked) or a credit note: the lines keep what was billed.
            return [
                TimeItem(li.first_day, li.raw_minutes, li.notes)
                for li in sorted(loaded.lines, key=lambda r: r.position)
                if li.first_day is not None and li.raw_minutes is not None and li.first_day == li.last_day
            ]

    def rounding_of(self, invoice_id: str) -> RoundingRule:
        with self._store.read() as s:
            return RoundingRule.parse(load(s, invoice_id).contract.rounding_rule)

    def list(
        self,
        state: InvoiceState | None = None,
        contract_id: str | None = None,
        first: date | None = None,
        last: date | None = None,
    ) -> list[InvoiceSummary]:
        query = (
            select(Invoice, Contract.title)
            .join(Contract, Contract.id == Invoice.contract_id)
            .where(Invoice.deleted_at.is_(None))
        )
        if state is not None:
            query = query.where(Invoice.state == state.value)
        if contract_id is not None:
            query = query.where(Invoice.contract_id == contract_id)
        if first is not None:
            query = query.where(Invoice.period_end >= first)
        if last is not None:
            query = query.where(Invoice.period_start <= last)
        # Numbers are digits in text: the longer one is the larger ("10" after "9").
        query = query.order_by(
            Invoice.issue_date.desc(), func.length(Invoice.number).desc(), Invoice.number.desc()
        )
        with self._store.read() as s:
            return [_summary(row, title) for row, title in s.execute(query)]


def _summary(row: Invoice, title: str) -> InvoiceSummary:
    c = row.currency
    return InvoiceSummary(
        id=row.id,
        kind=InvoiceKind(row.kind),
        state=InvoiceState(row.state),
        number=row.number,
        contract_id=row.contract_id,
        contract_title=title,
        issue_date=row.issue_date,
        due_date=row.due_date,
        period_start=row.period_start,
        period_end=row.period_end,
        currency=c,
        net=from_minor(row.net_minor, c),
        vat=from_minor(row.vat_minor, c),
        total=from_minor(row.total_minor, c),
        pdf_path=row.pdf_path,
    )


def totals_by_currency(summaries: list[InvoiceSummary]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for summary in summaries:
        totals[summary.currency] = totals.get(summary.currency, Decimal(0)) + summary.signed_total
    return totals
