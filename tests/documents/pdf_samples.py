"""Invoice documents for the PDF tests, with the domain's own arithmetic (compute_totals,
compute_commission): a Swedish sole trader with F-skatt billing a Swedish client (the platform sends
it and is paid on her behalf), a Swedish limited company selling to a Danish company (reverse
charge), a Norwegian AS, a fixed fee billed to the platform, and long invoices."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

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

PLATFORM = Party(
    name="Consultancy Platform AB",
    address="Kungsgatan 12",
    postcode="111 43",
    city="Stockholm",
    country="SE",
    org_number="559000-0007",
    vat_number="SE559000000701",
    limited_company=True,
)

SOLE_TRADER = Party(
    name="Åsa Økland-Ähtäri",
    address="Södra Förstadsgatan 12",
    postcode="211 43",
    city="Malmö",
    country="SE",
    org_number="811218-9876",
    vat_number="SE811218987601",
    f_skatt=True,
    email="asa@example.se",
)
SWEDISH_AB = Party(
    name="Nordkonsult Łukasz AB",
    address="Kungsgatan 1\nc/o Regus",
    postcode="111 43",
    city="Stockholm",
    country="SE",
    org_number="556036-0793",
    vat_number="SE556036079301",
    registered_office="Stockholm",
    limited_company=True,
    f_skatt=True,
)
NORWEGIAN_AS = Party(
    name="Fjordkode AS",
    address="Storgata 5",
    postcode="0155",
    city="Oslo",
    country="NO",
    org_number="923 609 016",
    vat_number="NO923609016MVA",
    limited_company=True,
)
SWEDISH_CLIENT = Party(
    name="Acme Sverige AB",
    address="Drottninggatan 20",
    postcode="411 14",
    city="Göteborg",
    country="SE",
    org_number="556703-7485",
    vat_number="SE556703748501",
    limited_company=True,
)
DANISH_CLIENT = Party(
    name="Øresund Data ApS",
    address="Vesterbrogade 3",
    postcode="1620",
    city="København V",
    country="DK",
    org_number="13585628",
    vat_number="DK13585628",
    limited_company=True,
)
NORWEGIAN_CLIENT = Party(
    name="Bergen Skytjenester AS",
    address="Bryggen 7",
    postcode="5003",
    city="Bergen",
    country="NO",
    org_number="974 760 673",
    vat_number="NO974760673MVA",
    limited_company=True,
)

# The platform's client-funds account, where the client pays a CLIENT invoice.
BANKGIRO = Payment(bankgiro="5050-1055", reference_kind="OCR", reference="20261100426")
# The freelancer's own account, on a fixed-fee invoice to the platform.
SELLER_BANKGIRO = Payment(bankgiro="5555-5551", reference_kind="OCR", reference="20261100426")
IBAN = Payment(
    iban="SE45 5000 0000 0583 9825 7466", bic="ESSESESS", reference_kind="OCR", reference="20261100426"
)
KID = Payment(iban="NO93 8601 1117 947", bic="DNBANOKK", reference_kind="KID", reference="0004200267")


def hour_lines(
    count: int, *, rate: str = "950", vat: str = "25", category: VatCategory = VatCategory.STANDARD
) -> tuple[InvoiceLine, ...]:
    """One line per day from 2 Nov 2026, 7:30 reported; every third day rounded up to 7:45. The text
    is the day's note (the service and contract are the document's line heading)."""
    start = date(2026, 11, 2)
    lines = []
    for i in range(count):
        day = start + timedelta(days=i)
        raw = 450
        billed = 465 if i % 3 == 0 else 450
        lines.append(
            InvoiceLine(
                description=f"Kodgranskning och driftsättning, dag {i + 1}",
                quantity=(Decimal(billed) / 60).quantize(Decimal("0.0001")),
                unit=Unit.HOUR,
                unit_price=Decimal(rate),
                vat_rate=Decimal(vat),
                vat_category=category,
                first_day=day,
                last_day=day,
                raw_minutes=raw,
                billed_minutes=billed,
            )
        )
    return tuple(lines)


def month_lines(
    language: str = "sv",
    *,
    per_week: bool = True,
    vat: str = "25",
    category: VatCategory = VatCategory.STANDARD,
) -> tuple[InvoiceLine, ...]:
    """November 2026 reported on weekdays (odd minutes here and there, notes on some days), made into
    lines per week (or per day: 21 lines) by the domain's own builder, rounding up to 15 minutes."""
    from coapp.domain.contracts import FeeModel, RoundingMode, RoundingRule
    from coapp.domain.invoice_lines import LineMode, Terms, TimeItem, build_time_lines

    notes = ["Sprintplanering", "Kodgranskning med Łukasz", "", "Driftsättning av betaltjänsten", ""]
    items = [
        TimeItem(day, 450 + (day.day % 4) * 7, notes[day.weekday()])
        for day in (date(2026, 11, 1) + timedelta(days=i) for i in range(30))
        if day.weekday() < 5
    ]
    terms = Terms(
        "Backend för betalningar", FeeModel.HOURLY, Decimal("950"), 480, RoundingRule(RoundingMode.UP, 15)
    )
    mode = LineMode.PER_WEEK if per_week else LineMode.PER_DAY
    return tuple(build_time_lines(items, terms, mode, Decimal(vat), category, language))


def showcase(language: str = "sv") -> InvoiceDocument:
    """The README's invoice (docs/invoice-sv.png, docs/invoice-en.png): eight days with their notes,
    reported time rounded up to 15 minutes, to a Swedish client through the platform."""
    notes = {
        16: "Sprintplanering och genomgång av betalflödet",
        17: "Kodgranskning med Łukasz",
        18: "",
        19: "Driftsättning av betaltjänsten i testmiljön",
        20: "Felsökning av avstämningen mot banken",
        23: "Workshop om återbetalningar med kundens ekonomiavdelning, uppföljning och dokumentation",
        24: "Driftsättning i produktion",
        25: "Överlämning och dokumentation",
    }
    reported = [452, 437, 480, 465, 391, 503, 495, 240]
    lines = []
    for (day, note), minutes in zip(notes.items(), reported, strict=True):
        when = date(2026, 11, day)
        billed = -(-minutes // 15) * 15
        lines.append(
            InvoiceLine(
                description=note or when.isoformat(),
                quantity=(Decimal(billed) / 60).quantize(Decimal("0.0001")),
                unit=Unit.HOUR,
                unit_price=Decimal("950"),
                vat_rate=Decimal("25"),
                first_day=when,
                last_day=when,
                raw_minutes=minutes,
                billed_minutes=billed,
            )
        )
    service = "Konsulttjänster" if language == "sv" else "Consulting services"
    return make_document(
        lines=tuple(lines),
        language=language,
        period_start=date(2026, 11, 16),
        period_end=date(2026, 11, 25),
        notes="Tack för uppdraget!" if language == "sv" else "Thank you for the assignment!",
        line_heading=f"{service}: Backend för betalningar",
    )


def make_document(
    *,
    seller: Party = SOLE_TRADER,
    buyer: Party = SWEDISH_CLIENT,
    lines: tuple[InvoiceLine, ...] | None = None,
    language: str = "sv",
    currency: str = "SEK",
    billed_to: BilledTo = BilledTo.CLIENT,
    reverse_charge: bool = False,
    payment: Payment | None = None,
    commission_rate: str = "12.5",
    **overrides: object,
) -> InvoiceDocument:
    if lines is None:
        category = VatCategory.REVERSE_CHARGE if reverse_charge else VatCategory.STANDARD
        lines = hour_lines(5, vat="0" if reverse_charge else "25", category=category)
    totals = compute_totals(lines)
    client = billed_to is BilledTo.CLIENT
    fields: dict[str, object] = {
        "id": "inv-1",
        "kind": InvoiceKind.INVOICE,
        "state": InvoiceState.CONFIRMED,
        "number": "2026-0042",
        "issue_date": date(2026, 11, 30),
        "due_date": date(2026, 12, 30),
        "period_start": date(2026, 11, 1),
        "period_end": date(2026, 11, 30),
        "currency": currency,
        "language": language,
        "seller": seller,
        "buyer": buyer,
        "billed_to": billed_to,
        "reverse_charge": reverse_charge,
        "contract_title": "Backend för betalningar",
        "lines": lines,
        "totals": totals,
        "commission": compute_commission(totals, Decimal(commission_rate), seller_country=seller.country),
        "payment": payment or (BANKGIRO if client else SELLER_BANKGIRO),
        "buyer_reference": "Karin Berg",
        "payee": PLATFORM if client else None,
        "line_heading": "Konsulttjänster: Backend för betalningar",
    }
    fields.update(overrides)
    return InvoiceDocument(**fields)  # type: ignore[arg-type]


def fixed_fee(language: str = "sv") -> InvoiceDocument:
    """A milestone of a fixed-fee contract, billed to the platform and paid to the seller's account."""
    line = InvoiceLine("Milstolpe 2: betalflödet i produktion", Decimal(1), Unit.PIECE, Decimal("48000"),
                       Decimal("25"))  # fmt: skip
    return make_document(
        lines=(line,), buyer=PLATFORM, billed_to=BilledTo.PLATFORM, language=language, line_heading=""
    )


def credit_note_for(original: InvoiceDocument, number: str = "2026-0043") -> InvoiceDocument:
    """The domain's convention (UBL's): the same positive lines and totals; the kind says credit."""
    return dataclasses.replace(
        original, id="cn-1", kind=InvoiceKind.CREDIT_NOTE, number=number, credited_number=original.number
    )


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, with no-break spaces as plain spaces so tests can look for "1 234,50 kr"."""
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    return [page.extract_text().replace("\u00a0", " ") for page in reader.pages]
