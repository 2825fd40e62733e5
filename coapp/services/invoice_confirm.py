"""One-click confirmation: the pre-flight check, then number, lock, freeze and archive the PDF in
one transaction; corrections by credit note; the later states (sent, paid)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coapp.documents.file_names import archive_name, inside
from coapp.domain.durations import MINUTES_PER_DAY
from coapp.domain.errors import Joined, Sentence, ValidationError
from coapp.domain.invoices import (
    BilledTo,
    InvoiceDocument,
    InvoiceKind,
    InvoiceState,
    Payment,
    VatCategory,
    check_transition,
)
from coapp.domain.payment_refs import reference_for
from coapp.domain.vat import is_valid_rate
from coapp.models import Invoice, InvoiceLineRow, TimeEntry
from coapp.services.business import business_problems
from coapp.services.errors import ConfirmRefused
from coapp.services.invoice_drafts import time_lines
from coapp.services.invoice_loading import Loaded, business_row, document, load
from coapp.services.invoice_records import party_to_json, store_totals
from coapp.services.invoice_series import SeriesAuthority
from coapp.store.engine import Store

PdfWriter = Callable[[InvoiceDocument, Path, Path | None], None]


def _default_pdf_writer(doc: InvoiceDocument, path: Path, logo: Path | None) -> None:
    from coapp.documents.invoice_pdf import write_invoice_pdf  # fpdf2 loads with the first invoice

    write_invoice_pdf(doc, path, logo)


class InvoiceConfirmation:
    def __init__(
        self, store: Store, series: SeriesAuthority, archive: Path, pdf_writer: PdfWriter | None = None
    ) -> None:
        self._store = store
        self._series = series
        self._archive = archive
        self._write_pdf = pdf_writer or _default_pdf_writer

    # --- pre-flight ----------------------------------------------------------------------

    def preflight(self, invoice_id: str) -> list[Sentence]:
        with self._store.read() as s:
            return preflight_in(s, load(s, invoice_id))

    # --- confirm -------------------------------------------------------------------------

    def confirm(self, invoice_id: str, today: date | None = None) -> InvoiceDocument:
        today = today or date.today()
        with self._store.write() as s:
            loaded = load(s, invoice_id)
            problems, checked = _check(s, loaded)
            if problems:
                raise ConfirmRefused("Cannot confirm yet:\n- {problems}", problems)
            row = loaded.row
            details = business_row(s)
            row.issue_date = today
            row.due_date = today + timedelta(days=details.payment_terms_days if details else 30)
            row.number = self._series.assign(s, today)
            self._freeze(s, loaded, checked)
            for entry in _entries_behind(s, row):
                entry.invoice_id = row.id
            return self._settle(s, loaded, InvoiceState.CONFIRMED)

    def credit(self, invoice_id: str, today: date | None = None) -> InvoiceDocument:
        """A credit note for the whole invoice: its own number, the original marked credited and its
        time unlocked for a new invoice. The original itself never changes otherwise."""
        today = today or date.today()
        with self._store.write() as s:
            original = load(s, invoice_id)
            if original.row.kind is not InvoiceKind.INVOICE:
                raise ValidationError("a credit note cannot itself be credited")
            if original.row.number is None:
                raise ValidationError(
                    "this invoice gets its number from the platform at the next sync; credit it after that"
                )
            check_transition(original.row.state, InvoiceState.CREDITED)
            source = original.row
            # UBL's convention: the note's lines are the invoice's own, positive; its kind credits.
            note = Invoice(
                **{key: getattr(source, key) for key in _credit_note_terms()},
                kind=InvoiceKind.CREDIT_NOTE,
                issue_date=today,
                due_date=today,
                credited_invoice_id=source.id,
                frozen=dict(source.frozen),
            )
            s.add(note)
            s.flush()
            for line in original.lines:
                s.add(_copy_line(line, note.id))
            note.number = self._series.assign(s, today)
            for entry in s.scalars(select(TimeEntry).where(TimeEntry.invoice_id == source.id)):
                entry.invoice_id = None
            source.move(InvoiceState.CREDITED, datetime.now(UTC))
            s.flush()
            return self._settle(s, load(s, note.id), InvoiceState.CONFIRMED)

    def mark(self, invoice_id: str, state: InvoiceState) -> InvoiceDocument:
        if state is InvoiceState.CREDITED:
            raise ValidationError("credit an invoice with a credit note, not by changing its state")
        with self._store.write() as s:
            loaded = load(s, invoice_id)
            loaded.row.move(state, datetime.now(UTC))
            return document(s, loaded)

    # --- helpers -------------------------------------------------------------------------

    def _freeze(self, s: Session, loaded: Loaded, draft_doc: InvoiceDocument) -> None:
        """Store the parties and payment as printed, so the invoice reads the same forever."""
        payment = draft_doc.payment
        number = loaded.row.number
        if number:
            kind, reference = reference_for(draft_doc.seller.country, number)
            payment = Payment(**{**asdict(payment), "reference_kind": kind, "reference": reference})
        loaded.row.frozen = {
            "seller": party_to_json(draft_doc.seller),
            "buyer": party_to_json(draft_doc.buyer),
            "payee": party_to_json(draft_doc.payee) if draft_doc.payee else None,
            "payment": asdict(payment),
            "contract_title": draft_doc.contract_title,
            "logo": details.logo_path if (details := business_row(s)) is not None else "",
        }

    def _settle(self, s: Session, loaded: Loaded, state: InvoiceState) -> InvoiceDocument:
        row = loaded.row
        now = datetime.now(UTC)
        row.move(state, now)
        row.confirmed_at = now
        doc = document(s, loaded)
        store_totals(row, doc)
        if doc.number:
            # Written inside the transaction: if the PDF cannot be written, nothing is confirmed.
            self._archive_pdf(row, doc)
        # Without a number (the platform assigns it at the next sync) there is no invoice to print
        # yet; write_missing_pdfs writes it once the number has come.
        return doc

    def _archive_pdf(self, row: Invoice, doc: InvoiceDocument) -> None:
        # The app makes the name; the number may come from the platform and is never a path.
        name = archive_name(doc.number or doc.id, doc.buyer.name, doc.kind, language=doc.language)
        self._archive.mkdir(parents=True, exist_ok=True)
        path = inside(self._archive, name)
        logo = str(row.frozen.get("logo") or "") if row.frozen else ""
        self._write_pdf(doc, path, Path(logo) if logo else None)
        row.pdf_path = str(path)

    def write_missing_pdfs(self) -> list[str]:
        """PDFs for invoices numbered since they were confirmed (by the platform, at a sync, or
        confirmed on another device); the ids written."""
        written: list[str] = []
        with self._store.read() as s:
            ids = list(
                s.scalars(
                    select(Invoice.id).where(
                        Invoice.state != InvoiceState.DRAFT.value,
                        Invoice.number.is_not(None),
                        Invoice.pdf_path == "",
                    )
                )
            )
        for invoice_id in ids:
            with self._store.write() as s:
                loaded = load(s, invoice_id)
                if loaded.row.pdf_path:
                    continue
                self._archive_pdf(loaded.row, document(s, loaded))
                written.append(invoice_id)
        return written


_OWN_COLUMNS = {"id", "invoice_id", "server_version", "dirty", "deleted_at", "updated_at"}
# What a credit note does not take from the invoice it credits: its identity, life and figures (the
# figures are recomputed from the copied lines when it is settled).
_NOTE_OWN = {
    "id", "kind", "state", "number", "issue_date", "due_date", "credited_invoice_id", "frozen", "notes",
    "net_minor", "vat_minor", "total_minor", "commission_minor", "pdf_path", "confirmed_at",
    "state_changed_at", "server_version", "dirty", "deleted_at", "updated_at",
}  # fmt: skip


def _credit_note_terms() -> list[str]:
    """The invoice's terms a credit note repeats (contract, period, currency, buyer, VAT, ...): every
    column but _NOTE_OWN, so a column added to invoices is carried over without being listed."""
    return [c.key for c in Invoice.__table__.columns if c.key not in _NOTE_OWN]


def _copy_line(line: InvoiceLineRow, invoice_id: str) -> InvoiceLineRow:
    columns = [c.key for c in InvoiceLineRow.__table__.columns if c.key not in _OWN_COLUMNS]
    values = {key: getattr(line, key) for key in columns}
    return InvoiceLineRow(**values, invoice_id=invoice_id)


def _entries_behind(s: Session, row: Invoice) -> list[TimeEntry]:
    if row.billed_to is not BilledTo.CLIENT:
        return []
    return list(
        s.scalars(
            select(TimeEntry).where(
                TimeEntry.contract_id == row.contract_id,
                TimeEntry.work_date.between(row.period_start, row.period_end),
                TimeEntry.deleted_at.is_(None),
                TimeEntry.invoice_id.is_(None),
                TimeEntry.minutes > 0,
            )
        )
    )


def preflight_in(s: Session, loaded: Loaded) -> list[Sentence]:
    """Every reason the invoice cannot be confirmed now, in words a person can act on."""
    return _check(s, loaded)[0]


def _check(s: Session, loaded: Loaded) -> tuple[list[Sentence], InvoiceDocument]:
    """The pre-flight problems and the draft as checked (confirmation freezes that same draft)."""
    row, contract = loaded.row, loaded.contract
    problems: list[Sentence] = []
    doc = document(s, loaded)
    if row.state is not InvoiceState.DRAFT:
        return [Sentence("the invoice is already {state}", state=row.state)], doc
    details = business_row(s)
    problems += business_problems(details)
    if row.billed_to is BilledTo.CLIENT:
        if not contract.client_name.strip() or not contract.client_address.strip():
            problems.append(
                Sentence(
                    "the client's name and address are missing on the contract {title}", title=contract.title
                )
            )
        if row.reverse_charge and not contract.client_vat_number:
            problems.append(Sentence("reverse charge needs the client's VAT number on the contract"))
        current = time_lines(s, row, contract)
        if [(li.first_day, li.raw_minutes, li.notes) for li in current] != [
            (li.first_day, li.raw_minutes, li.notes) for li in doc.lines
        ]:
            problems.append(_why_stale(s, row))
        for line in doc.lines:
            first, last = line.first_day, line.last_day
            ends_after = contract.end_date is not None and last is not None and last > contract.end_date
            if first is not None and (first < contract.start_date or ends_after):
                problems.append(Sentence("{line}: outside the contract's period", line=line.description))
        problems += _days_over_24_hours(s, row)
    if not doc.lines:
        problems.append(Sentence("the invoice has no lines"))
    elif doc.totals.total == 0:
        problems.append(Sentence("the invoice amounts to zero"))
    expected = VatCategory.REVERSE_CHARGE if row.reverse_charge else None
    for line in doc.lines:
        if expected is not None and (line.vat_category is not expected or line.vat_rate != 0):
            problems.append(
                Sentence("{line}: a reverse-charge invoice carries no VAT on any line", line=line.description)
            )
        elif expected is None and line.vat_category is VatCategory.REVERSE_CHARGE:
            problems.append(
                Sentence("{line}: reverse charge on one line of an ordinary invoice", line=line.description)
            )
    seller_country = doc.seller.country or "SE"
    for group in doc.totals.vat:
        if not is_valid_rate(seller_country, group.rate):
            problems.append(
                Sentence("{country} has no VAT rate of {rate} %", country=seller_country, rate=group.rate)
            )
    return problems, doc


def _why_stale(s: Session, row: Invoice) -> Sentence:
    """The real reason a draft no longer matches the grid: days invoiced meanwhile (named by the
    invoice that took them), or time changed."""
    taken = s.execute(
        select(Invoice.number, Invoice.state, func.min(TimeEntry.work_date), func.max(TimeEntry.work_date))
        .join(Invoice, Invoice.id == TimeEntry.invoice_id)
        .where(
            TimeEntry.contract_id == row.contract_id,
            TimeEntry.work_date.between(row.period_start, row.period_end),
            TimeEntry.deleted_at.is_(None),
            TimeEntry.invoice_id != row.id,
        )
        .group_by(Invoice.id)
        .order_by(func.min(TimeEntry.work_date))
    ).all()
    if taken:
        parts = [
            Sentence("{first} – {last} in {number}", first=first, last=last, number=number)
            if number
            else Sentence("{first} – {last} in an invoice waiting for its number", first=first, last=last)
            for number, _state, first, last in taken
        ]
        return Sentence(
            "these days were invoiced meanwhile: {parts}: refresh the draft", parts=Joined(parts, "; ")
        )
    return Sentence("the time reported in this period changed since this draft was made: refresh the draft")


def _days_over_24_hours(s: Session, row: Invoice) -> list[Sentence]:
    totals: dict[date, int] = defaultdict(int)
    for day, minutes in s.execute(
        select(TimeEntry.work_date, func.sum(TimeEntry.minutes))
        .where(TimeEntry.work_date.between(row.period_start, row.period_end), TimeEntry.deleted_at.is_(None))
        .group_by(TimeEntry.work_date)
    ):
        totals[day] = int(minutes)
    return [
        Sentence("{day} holds more than 24 hours across contracts", day=day)
        for day, total in sorted(totals.items())
        if total > MINUTES_PER_DAY
    ]
