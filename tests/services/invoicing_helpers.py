"""Shared set-up for invoicing tests: business details, a client with an address, entries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import update

from coapp.app.context import AppContext
from coapp.domain.contracts import RoundingRule
from coapp.domain.invoices import InvoiceDocument
from coapp.models import Contract
from coapp.services.business import BusinessInfo
from coapp.services.contracts import ContractInfo
from tests.conftest import make_contract

SOLE_TRADER = BusinessInfo(
    name="Åsa Økland-Ähtäri",
    company_form="sole_trader",
    address="Storgatan 1",
    postcode="111 22",
    city="Stockholm",
    country="SE",
    org_number="5560360793",
    vat_number="SE556036079301",
    f_skatt=True,
    bankgiro="5050-1055",
    payment_terms_days=30,
    invoice_language="sv",
)


def with_client(ctx: AppContext, contract: ContractInfo, country: str = "SE", vat: str = "") -> None:
    with ctx.store.write() as s:
        s.execute(
            update(Contract)
            .where(Contract.id == contract.id)
            .values(
                client_address="Industrivägen 4",
                client_postcode="417 55",
                client_city="Göteborg",
                client_country=country,
                client_org_number="5565475489",
                client_vat_number=vat,
            )
        )


def hourly_contract(ctx: AppContext, rule: str = "up:15:entry", **overrides: object) -> ContractInfo:
    contract = make_contract(ctx, rounding=RoundingRule.parse(rule), **overrides)
    with_client(ctx, contract)
    return contract


class RecordingPdfWriter:
    """Stands in for the PDF renderer in service tests; PDF tests use the real one."""

    def __init__(self) -> None:
        self.written: list[tuple[InvoiceDocument, Path]] = []

    def __call__(self, doc: InvoiceDocument, path: Path, logo: Path | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-stand-in")
        self.written.append((doc, path))


WEEK48 = [date(2026, 11, 23 + i) for i in range(7)]
