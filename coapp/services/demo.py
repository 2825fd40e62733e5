"""Demo data: a freelancer's last two years, for trying coapp out and for the insights' charts.

Seven contracts that succeed each other (hourly, daily and fixed fees; SEK and NOK), three of them
current; 104 weeks of reported time up to yesterday, with holidays and vacations free; and the
invoices: every past month confirmed, numbered without a gap, the last month in drafts.

The plan is pure (``coapp.services.demo_plan.plan_demo``) so its realism can be checked without a
database; ``seed_demo`` writes it through the same services the grid and the invoice screen use
(``coapp.services.demo_invoices``), so demo data obeys every timesheet and invoice rule.

Seeding is refused, not merged, when the folder already holds contracts: demo entries mixed into
someone's real timesheet could end up on a real invoice. The data is deterministic for a given
``today`` (a seeded random generator), apart from the generated contract ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from coapp.domain.identifiers import validate_org_number, vat_number_from_org_number
from coapp.models import SyncState
from coapp.services.business import BusinessInfo, BusinessService, field_problems, missing_for_invoicing
from coapp.services.contracts import ContractService
from coapp.services.demo_invoices import invoice_demo
from coapp.services.demo_plan import HISTORY_WEEKS, DemoContract, DemoEntry, DemoPlan, plan_demo
from coapp.services.errors import AlreadySeededError
from coapp.services.invoice_confirm import InvoiceConfirmation
from coapp.services.invoice_drafts import InvoiceDrafts
from coapp.services.sheets import CellChange, ContractInfo
from coapp.services.timesheet import TimesheetService
from coapp.store.engine import Store

__all__ = [
    "DEMO_BUSINESS",
    "HISTORY_WEEKS",
    "DemoContract",
    "DemoEntry",
    "DemoPlan",
    "DemoServices",
    "DemoSummary",
    "plan_demo",
    "seed_demo",
]


class DemoServices(Protocol):
    """What seeding needs of an AppContext (so tests and the CLI can pass theirs)."""

    @property
    def contracts(self) -> ContractService: ...

    @property
    def timesheet(self) -> TimesheetService: ...

    @property
    def business(self) -> BusinessService: ...

    @property
    def drafts(self) -> InvoiceDrafts: ...

    @property
    def confirmation(self) -> InvoiceConfirmation: ...

    @property
    def store(self) -> Store: ...


# A Swedish sole trader (enskild näringsidkare) with F-skatt and a bankgiro, so a demo draft can be
# confirmed at once. A sole trader has no organisation number of her own: it is her personnummer
# (here 850614-9825: born 14 June 1985, birth number 982, even as a woman's is, in the 98x series
# of Skatteverket's published test numbers such as 18900101-9802; Luhn check digit 5), and her VAT
# number is SE + those ten digits + 01. No registered office: only a limited company must show its
# säte on an invoice.
DEMO_PERSONNUMMER = "850614-9825"


def demo_business(name: str, personnummer: str, email: str) -> BusinessInfo:
    """Complete, valid business details of a Swedish sole trader, checked with the same identifier
    rules (python-stdnum) as the form."""
    info = BusinessInfo(
        name=name,
        company_form="sole_trader",
        address="Sveavägen 44",
        postcode="113 59",
        city="Stockholm",
        country="SE",
        org_number=validate_org_number(personnummer, "SE"),
        vat_number=vat_number_from_org_number(personnummer, "SE"),
        f_skatt=True,
        bankgiro="5050-1055",
        payment_terms_days=30,
        invoice_language="sv",
        email=email,
    )
    problems = field_problems(info) or missing_for_invoicing(info)
    if problems:  # pragma: no cover - a programming error in the demo data
        raise AssertionError(f"the demo business details are not valid: {problems}")
    return info


DEMO_BUSINESS = demo_business("Sara Lindqvist Konsult", DEMO_PERSONNUMMER, "sara@lindqvistkonsult.example")


@dataclass(frozen=True)
class DemoSummary:
    contracts: tuple[ContractInfo, ...]  # the current three (hourly, daily, fixed) first
    entries: int
    total_minutes: int
    first_day: date
    last_day: date
    invoices: int = 0  # confirmed, one per past month and contract (or milestone)
    drafts: int = 0  # the last month's, waiting for confirmation


def seed_demo(services: DemoServices, today: date, holiday_country: str = "SE") -> DemoSummary:
    """Create the demo contracts, time and invoices; refuse if the folder already holds contracts."""
    existing = services.contracts.all()
    if len(existing) == 1:
        raise AlreadySeededError(
            "this data folder already holds 1 contract; demo data only goes into "
            "an empty folder (pick one with --data-dir)"
        )
    if existing:
        raise AlreadySeededError(
            "this data folder already holds {count} contracts; demo data only goes into "
            "an empty folder (pick one with --data-dir)",
            count=len(existing),
        )
    plan = plan_demo(today, holiday_country)
    created = [
        services.contracts.create(
            client_name=c.client_name,
            title=c.title,
            fee_model=c.fee_model,
            rate=c.rate,
            currency=c.currency,
            commission_percent=c.commission_percent,
            start_date=c.start_date,
            end_date=c.end_date,
            minutes_per_day=c.minutes_per_day,
            rounding=c.rounding,
        )
        for c in plan.contracts
    ]
    for contract, planned in zip(created, plan.contracts, strict=True):
        client = planned.client
        services.contracts.set_client_details(
            contract.id,
            address=client.address,
            postcode=client.postcode,
            city=client.city,
            country=client.country,
            org_number=client.org_number,
            vat_number=client.vat_number,
        )
    own_business = services.business.get() != BusinessInfo()
    if not own_business:
        services.business.save(DEMO_BUSINESS)
    changes: Sequence[CellChange] = [
        CellChange(created[e.contract].id, e.work_date, e.minutes, e.note) for e in plan.entries
    ]
    services.timesheet.apply(changes)
    # Confirmed invoices take numbers of the issuer's series for good: only the demo's own business
    # issues them, never someone's real one, nor an account's (the platform would send them).
    with services.store.read() as s:
        confirm = not own_business and s.get(SyncState, 1) is None
    invoices = invoice_demo(services, plan, [c.id for c in created], holiday_country, confirm=confirm)
    return DemoSummary(
        contracts=tuple(created),
        entries=len(changes),
        total_minutes=sum(e.minutes for e in plan.entries),
        first_day=plan.first_day,
        last_day=plan.last_day,
        invoices=invoices.confirmed,
        drafts=invoices.drafts,
    )
