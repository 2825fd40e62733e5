"""`coapp invoice ...`: draft, confirm, credit, list and export invoices from a shell."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coapp.cli.common import CliParser, argument_type, local_today, print_json
from coapp.cli.counted import counted
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.invoice_lines import LineMode
from coapp.domain.invoices import InvoiceDocument, InvoiceKind, InvoiceState
from coapp.domain.periods import parse_period

if TYPE_CHECKING:
    from coapp.app.context import AppContext

period_arg = argument_type(parse_period, "period")


def add_verbs(verbs: argparse._SubParsersAction[CliParser]) -> None:
    invoice = verbs.add_parser("invoice", help="draft, confirm, credit and export invoices")
    actions = invoice.add_subparsers(dest="invoice_action", metavar="ACTION", required=True)

    p = actions.add_parser(
        "draft", help="draft an invoice for a contract from reported time, or a fixed fee's milestone"
    )
    p.add_argument("contract", metavar="CONTRACT", help="the contract's id or the start of its title")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--period", type=period_arg, help="2026-11, 2026-W48 or 2026-11-01..2026-11-15")
    group.add_argument("--uninvoiced", action="store_true", help="all time not yet invoiced")
    group.add_argument(
        "--milestone", metavar="ID", help="a fixed fee: the milestone to invoice the platform for (ready)"
    )
    p.add_argument("--per-week", action="store_true", help="one line per week instead of per day")
    p.add_argument(
        "--force", action="store_true", help="draft even if another draft already bills some of these days"
    )
    p.add_argument("--json", action="store_true", help="print the draft as JSON")
    p.set_defaults(handler=draft)

    for name, handler, text in (
        ("confirm", confirm, "confirm a draft: number it, lock its time, archive its PDF"),
        ("credit", credit, "correct a confirmed invoice with a credit note"),
        ("show", show, "show one invoice"),
    ):
        p = actions.add_parser(name, help=text)
        p.add_argument("invoice", metavar="ID", help="the invoice's id (or its start), or its number")
        p.add_argument("--json", action="store_true", help="print the invoice as JSON")
        p.set_defaults(handler=handler)

    p = actions.add_parser("list", help="list invoices")
    p.add_argument("--state", choices=[s.value for s in InvoiceState], help="only this state")
    p.add_argument("--json", action="store_true", help="print a JSON list of invoices")
    p.set_defaults(handler=list_invoices)

    p = actions.add_parser("csv", help="write the invoice list as CSV (for a spreadsheet)")
    p.add_argument("-o", "--output", metavar="FILE", required=True, type=Path, help="where to write it")
    p.set_defaults(handler=export_list_csv)

    for name, handler, text in (
        ("time", export_time_csv, "write the time behind an invoice as CSV"),
        ("pdf", export_pdf, "write the invoice as PDF"),
        ("ubl", export_ubl, "write the invoice as a Peppol BIS Billing 3.0 e-invoice (UBL XML)"),
    ):
        p = actions.add_parser(name, help=text)
        p.add_argument("invoice", metavar="ID", help="the invoice's id (or its start), or its number")
        p.add_argument("-o", "--output", metavar="FILE", required=True, type=Path, help="where to write it")
        p.set_defaults(handler=handler)


def invoice_json(doc: InvoiceDocument) -> dict[str, Any]:
    """Amounts as decimal strings: JSON numbers would turn them into floats. A credit note's amounts
    are positive like the invoice's (UBL); its kind says credit, and signed_total counts it against."""
    c = doc.commission
    return {
        "id": doc.id,
        "number": doc.number,
        "kind": doc.kind.value,
        "state": doc.state.value,
        "currency": doc.currency,
        "issue_date": doc.issue_date.isoformat(),
        "due_date": doc.due_date.isoformat(),
        "period": [doc.period_start.isoformat(), doc.period_end.isoformat()],
        "contract": doc.contract_title,
        "billed_to": doc.billed_to.value,
        "seller": doc.seller.name,
        "buyer": doc.buyer.name,
        "payee": doc.payee.name if doc.payee else None,
        "reverse_charge": doc.reverse_charge,
        "line_heading": doc.line_heading,
        "lines": [
            {
                "description": li.description,
                "day": li.day.isoformat() if li.day else None,
                "quantity": str(li.quantity),
                "unit": li.unit.value,
                "unit_price": str(li.unit_price),
                "amount": str(li.amount),
                "vat_rate": str(li.vat_rate),
                "first_day": li.first_day.isoformat() if li.first_day else None,
                "last_day": li.last_day.isoformat() if li.last_day else None,
                "raw_minutes": li.raw_minutes,
                "billed_minutes": li.billed_minutes,
                "notes": li.notes,
            }
            for li in doc.lines
        ],
        "net": str(doc.totals.net),
        "vat": [{"rate": str(g.rate), "base": str(g.base), "amount": str(g.amount)} for g in doc.totals.vat],
        "total": str(doc.totals.total),
        "signed_total": str(doc.signed_total),
        "agreement_value": str(c.agreement_value),
        "commission_rate": str(c.rate),
        "commission_amount": str(c.amount),
        "commission_vat_rate": str(c.vat_rate),
        "commission_vat": str(c.vat),
        "commission_reverse_charge": c.reverse_charge,
        "net_to_freelancer": str(c.net_to_freelancer),
        "payout": str(c.payout),
        "payment_reference": doc.payment.reference or None,
        "credited_number": doc.credited_number,
    }


def resolve_invoice(ctx: AppContext, ref: str) -> str:
    needle = ref.strip()
    if not needle:
        raise NotFoundError("name an invoice by its id or number")
    summaries = ctx.invoices.list()
    exact = [s for s in summaries if s.id == needle or s.number == needle]
    if len(exact) == 1:
        return exact[0].id
    matches = [s for s in summaries if s.id.startswith(needle.lower())]
    if len(matches) == 1:
        return matches[0].id
    if not matches:
        raise NotFoundError(f"no invoice matches “{needle}”")
    raise NotFoundError(f"“{needle}” matches {len(matches)} invoices; give more of the id")


def _print(doc: InvoiceDocument, as_json: bool) -> None:
    if as_json:
        print_json(invoice_json(doc))
        return
    label = doc.number or ("draft" if doc.state is InvoiceState.DRAFT else "number on sync")
    what = "Credit note" if doc.kind is InvoiceKind.CREDIT_NOTE else "Invoice"
    print(f"{what} {label} ({doc.state.value}) {doc.id}")
    if doc.kind is InvoiceKind.CREDIT_NOTE and doc.credited_number:
        print(f"  credits invoice {doc.credited_number}")
    print(f"  {doc.contract_title}: {doc.period_start.isoformat()} – {doc.period_end.isoformat()}")
    if doc.line_heading:
        print(f"  {doc.line_heading}")
    for li in doc.lines:
        when = f"{li.day.isoformat()}  " if li.day and li.description != li.day.isoformat() else ""
        print(f"  {when}{li.description}: {li.quantity} {li.unit.value} × {li.unit_price} = {li.amount}")
    print(f"  net {doc.totals.net}  VAT {doc.totals.vat_total}  total {doc.totals.total} {doc.currency}")
    c = doc.commission
    vat = "reverse charge" if c.reverse_charge else f"VAT {c.vat_rate} % = {c.vat}"
    print(f"  commission {c.rate} % = {c.amount} ({vat}); payout {c.payout} {doc.currency}")
    if doc.payee is not None:
        print(f"  paid to {doc.payee.name} on your behalf")


def draft(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.domain.contracts import FeeModel
    from coapp.services.invoice_drafts import FIXED_NEEDS_MILESTONE

    contract = ctx.contracts.resolve(args.contract)
    today = local_today(ctx)
    if args.milestone is not None:
        if args.per_week or args.force:
            raise ValidationError("--per-week and --force are for time; a milestone is one line")
        _print(ctx.drafts.from_milestone(contract.id, args.milestone, today=today), args.json)
        return 0
    if contract.fee_model is FeeModel.FIXED:
        raise ValidationError(FIXED_NEEDS_MILESTONE)
    first, last = ctx.drafts.uninvoiced_period(contract.id, today) if args.uninvoiced else args.period
    mode = LineMode.PER_WEEK if args.per_week else LineMode.PER_DAY
    overlaps = ctx.drafts.overlapping(contract.id, first, last)
    if overlaps and not args.force:
        what = "; ".join(str(o.describe()) for o in overlaps)
        raise ValidationError(
            f"{what}. Confirming both would bill that time twice; add --force to draft anyway"
        )
    if overlaps:
        print("warning: " + "; ".join(str(o.describe()) for o in overlaps), file=sys.stderr)
    _print(ctx.drafts.create(contract.id, first, last, mode, today=today, force=args.force), args.json)
    return 0


def confirm(ctx: AppContext, args: argparse.Namespace) -> int:
    doc = ctx.confirmation.confirm(resolve_invoice(ctx, args.invoice), today=local_today(ctx))
    _print(doc, args.json)
    return 0


def credit(ctx: AppContext, args: argparse.Namespace) -> int:
    _print(ctx.confirmation.credit(resolve_invoice(ctx, args.invoice), today=local_today(ctx)), args.json)
    return 0


def show(ctx: AppContext, args: argparse.Namespace) -> int:
    _print(ctx.invoices.document(resolve_invoice(ctx, args.invoice)), args.json)
    return 0


def list_invoices(ctx: AppContext, args: argparse.Namespace) -> int:
    state = InvoiceState(args.state) if args.state else None
    summaries = ctx.invoices.list(state=state)
    if args.json:
        print_json([invoice_json(ctx.invoices.document(s.id)) for s in summaries])
        return 0
    if not summaries:
        print("No invoices yet. Draft one with: coapp invoice draft CONTRACT --period 2026-11")
    for s in summaries:
        number = s.number or "—"
        what = "credit" if s.kind is InvoiceKind.CREDIT_NOTE else "invoice"
        amount = f"{s.signed_total:>12} {s.currency}"
        print(
            f"{number:>10}  {what:<7} {s.state.value:<9} {s.issue_date}  {amount}  {s.contract_title}  {s.id}"
        )
    return 0


def export_pdf(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.documents.invoice_pdf import write_invoice_pdf

    doc = ctx.invoices.document(resolve_invoice(ctx, args.invoice))
    write_invoice_pdf(doc, _output(args.output))
    print(f"Wrote {args.output}")
    return 0


def export_ubl(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.documents.ubl import write_ubl

    doc = ctx.invoices.document(resolve_invoice(ctx, args.invoice))
    if doc.number is None:
        raise ValidationError("an e-invoice needs a number: confirm the invoice first")
    write_ubl(doc, _output(args.output))
    print(f"Wrote {args.output}")
    return 0


def export_list_csv(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.base.atomic_file import write_atomic
    from coapp.documents.csv_export import invoices_csv

    rows = ctx.invoices.list()
    write_atomic(_output(args.output), invoices_csv(rows, ctx.settings.language).encode("utf-8-sig"))
    print(f"Wrote {args.output} ({counted(len(rows), 'invoice', 'invoices')})")
    return 0


def export_time_csv(ctx: AppContext, args: argparse.Namespace) -> int:
    from coapp.base.atomic_file import write_atomic
    from coapp.documents.csv_export import time_csv

    invoice_id = resolve_invoice(ctx, args.invoice)
    items = ctx.invoices.time_behind(invoice_id)
    text = time_csv(items, ctx.invoices.rounding_of(invoice_id), ctx.settings.language)
    # A byte-order mark, so Excel opens the file as UTF-8 (names like Åsa Økland).
    write_atomic(_output(args.output), text.encode("utf-8-sig"))
    print(f"Wrote {args.output} ({counted(len(items), 'day', 'days')})")
    return 0


def _output(path: Path) -> Path:
    if path.is_dir():
        raise ValidationError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise ValidationError(f"the folder {path.parent} does not exist")
    return path
