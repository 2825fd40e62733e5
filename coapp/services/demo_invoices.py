"""The demo's invoices, made the way the freelancer makes them in the app.

Every month before the one being worked is invoiced on its first working day after it: a draft per
hourly or daily contract for the month's time, and for a fixed fee a draft to the platform with one
line per milestone delivered that month (the invoice screen's "add a line" for an own contract),
each confirmed by the one-click confirmation. So the numbers run unbroken, the time is locked and
every PDF is in the archive. The month of the last reported day stays in drafts, waiting for the
click.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol

from coapp.domain.contracts import FeeModel
from coapp.domain.invoices import InvoiceDocument, InvoiceLine, InvoiceState, Unit, VatCategory
from coapp.domain.vat import standard_rate, vat_treatment
from coapp.services.demo_plan import DemoMilestone, DemoPlan, day_off, first_of_month
from coapp.services.invoice_confirm import InvoiceConfirmation
from coapp.services.invoice_drafts import InvoiceDrafts


class InvoiceServices(Protocol):
    @property
    def drafts(self) -> InvoiceDrafts: ...

    @property
    def confirmation(self) -> InvoiceConfirmation: ...


@dataclass(frozen=True)
class DemoInvoices:
    confirmed: int
    drafts: int


def issue_day(month: date, today: date, country: str) -> date:
    """The first working day after *month* (a first of month), never after *today*."""
    day = first_of_month(month, 1)
    while day_off(day, country):
        day += timedelta(days=1)
    return min(day, today)


def _milestone_line(doc: InvoiceDocument, milestone: DemoMilestone, issued: date) -> InvoiceLine:
    """The line the invoice screen adds for a milestone: the seller's VAT, or none across a border."""
    seller = doc.seller.country or "SE"
    treatment = vat_treatment(seller, doc.buyer.country or "SE", bool(doc.buyer.vat_number))
    if treatment == "reverse_charge":
        rate, category = Decimal(0), VatCategory.REVERSE_CHARGE
    elif treatment == "export":
        rate, category = Decimal(0), VatCategory.EXPORT
    else:
        rate, category = standard_rate(seller, issued), VatCategory.STANDARD
    return InvoiceLine(milestone.title, Decimal(1), Unit.PIECE, milestone.amount, rate, category)


def invoice_demo(
    services: InvoiceServices, plan: DemoPlan, contract_ids: list[str], country: str, *, confirm: bool
) -> DemoInvoices:
    """Draft (and for past months confirm) the invoices of *plan*, whose contracts were created with
    *contract_ids* and whose time is already in the grid. Without *confirm* only the last month's
    drafts are made (drafts take no number and can be discarded)."""
    today = plan.last_day + timedelta(days=1)
    worked: dict[date, set[int]] = defaultdict(set)
    for e in plan.entries:
        if plan.contracts[e.contract].fee_model is not FeeModel.FIXED:
            worked[first_of_month(e.work_date)].add(e.contract)
    delivered: dict[date, list[DemoMilestone]] = defaultdict(list)
    for m in plan.milestones:
        delivered[first_of_month(m.due)].append(m)

    current = first_of_month(plan.last_day)
    confirmed = drafted = 0
    month = first_of_month(plan.first_day)
    while month <= current:
        past = month < current
        if past and not confirm:
            month = first_of_month(month, 1)
            continue
        issued = issue_day(month, today, country) if past else today
        made: list[str] = []
        for index in sorted(worked[month]):
            last = first_of_month(month, 1) - timedelta(days=1)
            made.append(services.drafts.create(contract_ids[index], month, last, today=issued).id)
        for milestone in sorted(delivered[month], key=lambda m: (m.due, m.contract)):
            cid = contract_ids[milestone.contract]
            doc = services.drafts.create(cid, milestone.due, milestone.due, today=issued)
            services.drafts.set_lines(doc.id, [_milestone_line(doc, milestone, issued)])
            made.append(doc.id)
        for invoice_id in made:
            if past:
                document = services.confirmation.confirm(invoice_id, today=issued)
                confirmed += 1
                # As a real history reads: paid once due, sent while waiting for the payment.
                paid = document.due_date < today
                services.confirmation.mark(invoice_id, InvoiceState.PAID if paid else InvoiceState.SENT)
            else:
                drafted += 1
        month = first_of_month(month, 1)
    return DemoInvoices(confirmed, drafted)
