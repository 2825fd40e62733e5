"""Drafts: built from the grid for a contract and a period, edited, refreshed, discarded; a fixed
fee's invoice to the platform drafted from one of its milestones (issue 11).

A draft never takes a number. Time that is already on a confirmed invoice is never drafted again,
nor is a milestone that a live invoice already bills.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.errors import Joined, NotFoundError, Sentence, ValidationError
from coapp.domain.invoice_lines import LineMode, Terms, TimeItem, build_time_lines
from coapp.domain.invoices import BilledTo, InvoiceDocument, InvoiceLine, InvoiceState, Unit, VatCategory
from coapp.domain.money import from_minor
from coapp.domain.vat import standard_rate, vat_treatment
from coapp.models import Contract, ContractMilestone, Invoice, InvoiceLineRow, TimeEntry
from coapp.services.errors import DuplicateDraft
from coapp.services.invoice_loading import Loaded, business_row, client_party, document, load
from coapp.services.invoice_records import row_from_line, store_totals
from coapp.services.platform import PLATFORM
from coapp.store.engine import Store


def uninvoiced_items(s: Session, contract_id: str, first: date, last: date) -> list[TimeItem]:
    rows = s.execute(
        select(TimeEntry.work_date, TimeEntry.minutes, TimeEntry.note)
        .where(
            TimeEntry.contract_id == contract_id,
            TimeEntry.work_date.between(first, last),
            TimeEntry.deleted_at.is_(None),
            TimeEntry.invoice_id.is_(None),
            TimeEntry.minutes > 0,
        )
        .order_by(TimeEntry.work_date)
    ).all()
    return [TimeItem(day, minutes, note) for day, minutes, note in rows]


def vat_for(
    seller_country: str, contract: Contract, billed_to: BilledTo
) -> tuple[bool, Decimal, VatCategory]:
    """(reverse charge?, rate, category) for this seller and buyer."""
    buyer = client_party(contract) if billed_to is BilledTo.CLIENT else PLATFORM
    treatment = vat_treatment(seller_country, buyer.country, bool(buyer.vat_number))
    if treatment == "reverse_charge":
        return True, Decimal(0), VatCategory.REVERSE_CHARGE
    if treatment == "export":
        return False, Decimal(0), VatCategory.EXPORT
    return False, standard_rate(seller_country), VatCategory.STANDARD


def time_lines(s: Session, row: Invoice, contract: Contract) -> list[InvoiceLine]:
    details = business_row(s)
    seller_country = details.country if details is not None else "SE"
    _, rate, category = vat_for(seller_country, contract, row.billed_to)
    terms = Terms(
        title=contract.title,
        fee_model=FeeModel(contract.fee_model),
        rate=from_minor(contract.rate_minor, contract.currency),
        minutes_per_day=contract.minutes_per_day,
        rounding=RoundingRule.parse(contract.rounding_rule),
    )
    items = uninvoiced_items(s, contract.id, row.period_start, row.period_end)
    return build_time_lines(items, terms, LineMode(row.line_mode), rate, category, row.language)


def replace_lines(s: Session, row: Invoice, lines: Sequence[InvoiceLine]) -> None:
    now = datetime.now(UTC)
    for old in s.scalars(select(InvoiceLineRow).where(InvoiceLineRow.invoice_id == row.id)):
        if old.deleted_at is None:
            old.deleted_at = now
    for position, line in enumerate(lines, start=1):
        s.add(row_from_line(line, row.id, position, row.currency))
    s.flush()


@dataclass(frozen=True)
class DraftOverlap:
    """Another draft on the same contract that already bills some of the same days."""

    invoice_id: str
    period_start: date
    period_end: date
    days: tuple[date, ...]  # the days both would bill

    def describe(self) -> Sentence:
        days = Joined(self.days[:5] + (("…",) if len(self.days) > 5 else ()), ", ")
        return Sentence(
            "the draft for {start} – {end} already bills {count} of these days ({days})",
            start=self.period_start,
            end=self.period_end,
            count=len(self.days),
            days=days,
        )


def _time_drafts(s: Session, contract_id: str, first: date, last: date) -> list[Invoice]:
    return list(
        s.scalars(
            select(Invoice).where(
                Invoice.contract_id == contract_id,
                Invoice.state == InvoiceState.DRAFT.value,
                Invoice.deleted_at.is_(None),
                Invoice.billed_to == BilledTo.CLIENT.value,
                Invoice.period_start <= last,
                Invoice.period_end >= first,
            )
        )
    )


def overlapping_in(s: Session, contract_id: str, first: date, last: date) -> list[DraftOverlap]:
    days = {item.day for item in uninvoiced_items(s, contract_id, first, last)}
    found = []
    for draft in _time_drafts(s, contract_id, first, last):
        both = sorted(d for d in days if draft.period_start <= d <= draft.period_end)
        if both:
            found.append(DraftOverlap(draft.id, draft.period_start, draft.period_end, tuple(both)))
    return found


FIXED_NEEDS_MILESTONE = (
    "a fixed fee is invoiced to the platform one milestone at a time: draft it from a milestone that "
    "is ready (coapp invoice draft CONTRACT --milestone ID)"
)


def _milestone(s: Session, contract: Contract, ref: str) -> ContractMilestone:
    needle = ref.strip().lower()
    if not needle:
        raise NotFoundError("name the milestone by its id or the id's first characters")
    rows = s.scalars(
        select(ContractMilestone).where(
            ContractMilestone.contract_id == contract.id, ContractMilestone.deleted_at.is_(None)
        )
    ).all()
    exact = [m for m in rows if m.id == needle]
    found = exact or [m for m in rows if m.id.startswith(needle)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFoundError(
            "{contract} has no milestone “{ref}”", contract=contract.title, ref=" ".join(ref.split())[:40]
        )
    raise NotFoundError(
        "“{ref}” matches {count} milestones; give more of the id",
        ref=" ".join(ref.split())[:40],
        count=len(found),
    )


def _check_invoiceable(s: Session, milestone: ContractMilestone) -> None:
    """Ready (the client accepted the delivery), and on no live invoice yet."""
    if milestone.state == "planned":
        raise ValidationError(
            "the milestone “{milestone}” is planned: it is invoiced once the client has accepted "
            "the delivery and the platform marks it ready",
            milestone=milestone.title,
        )
    if milestone.state != "ready":
        raise ValidationError(
            "the milestone “{milestone}” is {state} already", milestone=milestone.title, state=milestone.state
        )
    billing = s.scalars(
        select(Invoice).where(
            Invoice.milestone_id == milestone.id,
            Invoice.deleted_at.is_(None),
            Invoice.state != InvoiceState.CREDITED.value,
        )
    ).first()
    if billing is not None:
        if billing.number:
            raise ValidationError(
                "the milestone “{milestone}” is billed by invoice {number} already",
                milestone=milestone.title,
                number=billing.number,
            )
        raise ValidationError(
            "the milestone “{milestone}” is billed by the {state} invoice {id} already",
            milestone=milestone.title,
            state=billing.state.value,
            id=billing.id[:8],
        )


class InvoiceDrafts:
    def __init__(self, store: Store) -> None:
        self._store = store

    def overlapping(self, contract_id: str, first: date, last: date) -> list[DraftOverlap]:
        """Drafts on *contract_id* that already bill reported days between *first* and *last*: a
        second draft over them would bill the same time twice if both were confirmed. Ask before
        creating one (create refuses unless forced)."""
        with self._store.read() as s:
            return overlapping_in(s, contract_id, first, last)

    def create(
        self,
        contract_id: str,
        first: date,
        last: date,
        mode: LineMode = LineMode.PER_DAY,
        today: date | None = None,
        *,
        force: bool = False,
    ) -> InvoiceDocument:
        """A new draft; raises DuplicateDraft when another draft already bills some of these days,
        unless *force* (the person saw the warning and wants it anyway)."""
        if last < first:
            raise ValidationError("the period ends before it starts")
        today = today or date.today()
        with self._store.write() as s:
            contract = s.get(Contract, contract_id)
            if contract is None or contract.deleted_at is not None:
                raise NotFoundError("no contract with id {id}", id=contract_id)
            details = business_row(s)
            billed_to = BilledTo.PLATFORM if contract.fee_model == FeeModel.FIXED.value else BilledTo.CLIENT
            if (
                billed_to is BilledTo.CLIENT
                and not force
                and (overlaps := overlapping_in(s, contract_id, first, last))
            ):
                raise DuplicateDraft("{overlaps}: discard or confirm it, or draft anyway", overlaps)
            if billed_to is BilledTo.PLATFORM and contract.origin == "platform":
                raise ValidationError(
                    "a fixed fee is invoiced to the platform one milestone at a time: draft it from a "
                    "milestone that is ready (coapp invoice draft CONTRACT --milestone ID)"
                )  # the same words as FIXED_NEEDS_MILESTONE (the command line's)
            seller_country = details.country if details is not None else "SE"
            reverse_charge, _, _ = vat_for(seller_country, contract, billed_to)
            terms_days = details.payment_terms_days if details is not None else 30
            row = Invoice(
                contract_id=contract.id,
                issue_date=today,
                due_date=today + timedelta(days=terms_days),
                period_start=first,
                period_end=last,
                currency=contract.currency,
                language=details.invoice_language if details is not None else "sv",
                line_mode=mode.value,
                billed_to=billed_to,
                reverse_charge=reverse_charge,
                commission_bp=contract.commission_bp,
            )
            s.add(row)
            s.flush()
            if billed_to is BilledTo.CLIENT:
                lines = time_lines(s, row, contract)
                if not lines:
                    raise ValidationError(
                        "{contract} has no time left to invoice between {first} and {last}",
                        contract=contract.title,
                        first=first,
                        last=last,
                    )
                replace_lines(s, row, lines)
            return self._finish(s, load(s, row.id))

    def from_milestone(
        self, contract_id: str, milestone_ref: str, today: date | None = None
    ) -> InvoiceDocument:
        """A fixed fee's invoice to the platform (the buyer, INVOICING.md) for one milestone that is
        ready: one line, the milestone's title and amount; due after the contract's payment terms.
        *milestone_ref* is the milestone's id or an unambiguous start of it."""
        today = today or date.today()
        with self._store.write() as s:
            contract = s.get(Contract, contract_id)
            if contract is None or contract.deleted_at is not None:
                raise NotFoundError("no contract with id {id}", id=contract_id)
            if contract.fee_model != FeeModel.FIXED.value:
                raise ValidationError(
                    "{contract} is paid by the {fee_model} rate, not per milestone; "
                    "draft its time for a period instead",
                    contract=contract.title,
                    fee_model=contract.fee_model,
                )
            milestone = _milestone(s, contract, milestone_ref)
            _check_invoiceable(s, milestone)
            details = business_row(s)
            seller_country = details.country if details is not None else "SE"
            reverse_charge, rate, category = vat_for(seller_country, contract, BilledTo.PLATFORM)
            row = Invoice(
                contract_id=contract.id,
                issue_date=today,
                due_date=today + timedelta(days=contract.payment_terms_days),
                period_start=milestone.due_date,
                period_end=milestone.due_date,
                currency=contract.currency,
                language=details.invoice_language if details is not None else "sv",
                line_mode=LineMode.PER_DAY.value,
                billed_to=BilledTo.PLATFORM,
                reverse_charge=reverse_charge,
                commission_bp=contract.commission_bp,
                milestone_id=milestone.id,
            )
            s.add(row)
            s.flush()
            price = from_minor(milestone.amount_minor, contract.currency)
            replace_lines(
                s, row, [InvoiceLine(milestone.title, Decimal(1), Unit.PIECE, price, rate, category)]
            )
            return self._finish(s, load(s, row.id))

    def uninvoiced_period(self, contract_id: str, today: date | None = None) -> tuple[date, date]:
        """“All time not yet invoiced”: from the first uninvoiced day up to today."""
        today = today or date.today()
        with self._store.read() as s:
            first = s.scalar(
                select(TimeEntry.work_date)
                .where(
                    TimeEntry.contract_id == contract_id,
                    TimeEntry.deleted_at.is_(None),
                    TimeEntry.invoice_id.is_(None),
                    TimeEntry.minutes > 0,
                )
                .order_by(TimeEntry.work_date)
                .limit(1)
            )
        if first is None:
            raise ValidationError("there is no time left to invoice on this contract")
        return first, max(first, today)

    def refresh(self, invoice_id: str) -> InvoiceDocument:
        """Rebuild a time-based draft's lines from the grid (manual edits to lines are replaced)."""
        with self._store.write() as s:
            loaded = self._draft(s, invoice_id)
            if loaded.row.billed_to is not BilledTo.CLIENT:
                return self._finish(s, loaded)
            replace_lines(s, loaded.row, time_lines(s, loaded.row, loaded.contract))
            return self._finish(s, load(s, invoice_id))

    def set_lines(self, invoice_id: str, lines: Sequence[InvoiceLine]) -> InvoiceDocument:
        """Replace a draft's lines (milestones of a fixed fee, or edited descriptions)."""
        for line in lines:
            if not line.description.strip():
                raise ValidationError("every line needs a description")
            if line.quantity < 0 or line.unit_price < 0:
                raise ValidationError(
                    "“{line}”: quantity and price cannot be negative", line=line.description
                )
        with self._store.write() as s:
            loaded = self._draft(s, invoice_id)
            replace_lines(s, loaded.row, lines)
            return self._finish(s, load(s, invoice_id))

    def discard(self, invoice_id: str) -> None:
        with self._store.write() as s:
            loaded = self._draft(s, invoice_id)
            now = datetime.now(UTC)
            loaded.row.deleted_at = now
            for line in loaded.lines:
                line.deleted_at = now

    def _draft(self, s: Session, invoice_id: str) -> Loaded:
        loaded = load(s, invoice_id)
        if loaded.row.state != InvoiceState.DRAFT.value:
            raise ValidationError("only a draft can change; correct a confirmed invoice with a credit note")
        return loaded

    def _finish(self, s: Session, loaded: Loaded) -> InvoiceDocument:
        doc = document(s, loaded)
        store_totals(loaded.row, doc)
        return doc
