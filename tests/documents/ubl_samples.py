"""Invoice documents for the UBL tests: real-looking Nordic parties with identifiers that pass their
check digits, built with the domain's own arithmetic (compute_totals, compute_commission)."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from coapp.domain.invoices import (
    BilledTo,
    InvoiceDocument,
    InvoiceKind,
    InvoiceLine,
    InvoiceState,
    Party,
    Payment,
    Unit,
    VatCategory,
    compute_commission,
    compute_totals,
)

NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cn": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
}


def luhn_digit(digits: str) -> str:
    """The Luhn (mod 10) check digit for ``digits`` (Swedish org numbers, OCR, personnummer)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def mod11_digit(digits: str) -> str:
    """The Norwegian organisation number check digit (weights 3 2 7 6 5 4 3 2)."""
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return "0" if remainder == 0 else str(11 - remainder)


SOLE_TRADER_ORG = "811218987" + luhn_digit("811218987")  # a personnummer, YYMMDDNNNC
AB_SELLER_ORG = "556036079" + luhn_digit("556036079")
AB_BUYER_ORG = "556703748" + luhn_digit("556703748")
NO_ORG = "92360901" + mod11_digit("92360901")
OCR = "2026110042" + luhn_digit("2026110042")

PLATFORM_ORG = "559000000" + luhn_digit("559000000")
PLATFORM = Party(
    name="Consultancy Platform AB",
    address="Kungsgatan 12",
    postcode="111 43",
    city="Stockholm",
    country="SE",
    org_number=PLATFORM_ORG,
    vat_number=f"SE{PLATFORM_ORG}01",
    limited_company=True,
)
# The platform's client-funds account: a CLIENT invoice is paid there, with the invoice's OCR.
CLIENT_FUNDS = Payment(bankgiro="5050-1055", reference_kind="OCR", reference=OCR)

SOLE_TRADER = Party(
    name="Åsa Økland-Ähtäri",
    address="Södra Förstadsgatan 12",
    postcode="211 43",
    city="Malmö",
    country="SE",
    org_number=f"{SOLE_TRADER_ORG[:6]}-{SOLE_TRADER_ORG[6:]}",
    vat_number=f"SE{SOLE_TRADER_ORG}01",
    f_skatt=True,
    email="asa@example.se",
)
SWEDISH_AB = Party(
    name="Nordkonsult Łukasz AB",
    address="Kungsgatan 1\nc/o Regus\nPlan 4",
    postcode="111 43",
    city="Stockholm",
    country="SE",
    org_number=f"{AB_SELLER_ORG[:6]}-{AB_SELLER_ORG[6:]}",
    vat_number=f"SE{AB_SELLER_ORG}01",
    registered_office="Stockholm",
    limited_company=True,
    f_skatt=True,
)
SWEDISH_CLIENT = Party(
    name="Kund & Co AB",
    address="Storgatan 5",
    postcode="411 38",
    city="Göteborg",
    country="SE",
    org_number=AB_BUYER_ORG,
    vat_number=f"SE{AB_BUYER_ORG}01",
    limited_company=True,
    email="ap@kund.example",
)
DANISH_CLIENT = Party(
    name="Dansk Kunde ApS",
    address="Vesterbrogade 10",
    postcode="1620",
    city="København V",
    country="DK",
    vat_number="DK13585628",
    limited_company=True,
)
NORWEGIAN_AS = Party(
    name="Fjordkonsult AS",
    address="Karl Johans gate 1",
    postcode="0154",
    city="Oslo",
    country="NO",
    org_number=NO_ORG,
    vat_number=f"NO{NO_ORG}MVA",
    limited_company=True,
)
FINNISH_CLIENT = Party(
    name="Suomi Asiakas Oy",
    address="Mannerheimintie 1",
    postcode="00100",
    city="Helsinki",
    country="FI",
    org_number="0112038-9",
    vat_number="FI01120389",
)
GERMAN_CLIENT = Party(
    name="Kunde GmbH", address="Unter den Linden 1", postcode="10117", city="Berlin", country="DE",
    vat_number="DE123456789",
)  # fmt: skip

START = date(2026, 11, 1)


def hour_lines(
    count: int,
    rate: Decimal = Decimal("950.00"),
    vat: Decimal = Decimal(25),
    category: VatCategory = VatCategory.STANDARD,
    quantities: Sequence[Decimal] = (Decimal("7.5"), Decimal("0.1167"), Decimal("8"), Decimal("3.3333")),
) -> tuple[InvoiceLine, ...]:
    """``count`` daily lines from START on (wrapping inside November), fractional hours included;
    each line's text is the day's note (the document's line heading says what the work is)."""
    lines = []
    for index in range(count):
        day = START + timedelta(days=index % 30)
        lines.append(
            InvoiceLine(
                description=f"Migrering, dag {index + 1}",
                quantity=quantities[index % len(quantities)],
                unit=Unit.HOUR,
                unit_price=rate,
                vat_rate=vat,
                vat_category=category,
                first_day=day,
                last_day=day,
                raw_minutes=450,
                billed_minutes=450,
                notes="Migrering av kundregister; möte med Ö-teamet" if index % 2 == 0 else "",
            )
        )
    return tuple(lines)


def make_doc(
    lines: Sequence[InvoiceLine],
    *,
    seller: Party = SOLE_TRADER,
    buyer: Party = SWEDISH_CLIENT,
    kind: InvoiceKind = InvoiceKind.INVOICE,
    number: str | None = "2026-0042",
    currency: str = "SEK",
    language: str = "sv",
    billed_to: BilledTo = BilledTo.CLIENT,
    reverse_charge: bool = False,
    payment: Payment | None = None,
    credited_number: str | None = None,
    commission_rate: Decimal = Decimal(10),
    **extra: object,
) -> InvoiceDocument:
    totals = compute_totals(lines)
    doc = InvoiceDocument(
        id="inv-0001",
        kind=kind,
        state=InvoiceState.CONFIRMED,
        number=number,
        issue_date=date(2026, 12, 1),
        due_date=date(2026, 12, 31),
        period_start=START,
        period_end=date(2026, 11, 30),
        currency=currency,
        language=language,
        seller=seller,
        buyer=buyer,
        billed_to=billed_to,
        reverse_charge=reverse_charge,
        contract_title="Datamigrering 2026",
        lines=tuple(lines),
        totals=totals,
        commission=compute_commission(totals, commission_rate, seller_country=seller.country),
        payment=payment if payment is not None else CLIENT_FUNDS,
        credited_number=credited_number,
        buyer_reference="Eva Ek",
        payee=PLATFORM if billed_to is BilledTo.CLIENT else None,
        line_heading="Konsulttjänster: Datamigrering 2026",
    )
    return dataclasses.replace(doc, **extra) if extra else doc  # type: ignore[arg-type]


def sole_trader_to_client() -> InvoiceDocument:
    """Swedish sole trader with F-skatt billing a Swedish client; the platform sends it and is paid
    on her behalf on its bankgiro, with the invoice's OCR."""
    return make_doc(hour_lines(12))


def fixed_fee_to_platform() -> InvoiceDocument:
    """A fixed fee billed to the platform (the buyer), paid to the seller's own bankgiro."""
    line = InvoiceLine("Milstolpe 2", Decimal(1), Unit.PIECE, Decimal("48000.00"), Decimal(25))
    payment = Payment(bankgiro="5555-5551", reference_kind="OCR", reference=OCR)
    return make_doc((line,), buyer=PLATFORM, billed_to=BilledTo.PLATFORM, payment=payment, line_heading="")


def reverse_charge_to_denmark() -> InvoiceDocument:
    """Swedish limited company to a VAT-registered Danish buyer: reverse charge, IBAN + BIC, EUR."""
    return make_doc(
        hour_lines(5, rate=Decimal("95.50"), vat=Decimal(0), category=VatCategory.REVERSE_CHARGE),
        seller=SWEDISH_AB,
        buyer=DANISH_CLIENT,
        currency="EUR",
        language="en",
        reverse_charge=True,
        payment=Payment(iban="SE45 5000 0000 0583 9825 7466", bic="ESSESESS", reference_kind="RF",
                        reference="RF18539007547034"),
    )  # fmt: skip


def multiple_rates() -> InvoiceDocument:
    lines = hour_lines(4) + hour_lines(3, rate=Decimal("120.00"), vat=Decimal(12))
    lines += hour_lines(2, rate=Decimal("49.90"), vat=Decimal(6))
    return make_doc(lines, seller=SWEDISH_AB, payment=Payment(plusgiro="4 12 34-5", reference=OCR))


def credit_note(negative: bool = False) -> InvoiceDocument:
    """A credit note correcting 2026-0042, positive as the domain keeps it; ``negative`` stores its
    amounts with a minus sign, as an older version did."""
    lines = hour_lines(3)
    if negative:
        lines = tuple(dataclasses.replace(line, quantity=-line.quantity) for line in lines)
    return make_doc(lines, kind=InvoiceKind.CREDIT_NOTE, number="2026-0043", credited_number="2026-0042")


def root_of(xml: bytes) -> ET.Element:
    return ET.fromstring(xml)


def find_text(root: ET.Element, path: str) -> str:
    element = root.find(path, NS)
    assert element is not None, f"{path} missing"
    return element.text or ""
