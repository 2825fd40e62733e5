"""The invoice PDF, read back with pypdf: every field the law asks for, in Swedish and English."""

from __future__ import annotations

import dataclasses
import logging
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from coapp.documents import invoice_pdf, pdf_fonts
from coapp.documents.invoice_pdf import render_invoice_pdf, write_invoice_pdf
from coapp.domain.invoices import InvoiceLine, InvoiceState, Party, Unit, VatCategory, compute_totals
from tests.documents.pdf_samples import (
    DANISH_CLIENT,
    IBAN,
    KID,
    NORWEGIAN_AS,
    NORWEGIAN_CLIENT,
    SWEDISH_AB,
    credit_note_for,
    hour_lines,
    make_document,
    page_texts,
)


def text_of(pdf: bytes) -> str:
    """All pages' text with whitespace collapsed, so phrases match across line breaks."""
    return " ".join(" ".join(page_texts(pdf)).split())


def sole_trader(language: str):
    return make_document(language=language)


def limited_company_reverse_charge(language: str):
    return make_document(
        seller=SWEDISH_AB,
        buyer=DANISH_CLIENT,
        reverse_charge=True,
        payment=IBAN,
        language=language,
        lines=hour_lines(5, vat="0", category=VatCategory.REVERSE_CHARGE),
    )


def norwegian_as(language: str):
    return make_document(
        seller=NORWEGIAN_AS, buyer=NORWEGIAN_CLIENT, currency="NOK", payment=KID, language=language
    )


# Five lines of 7.75, 7.5, 7.5, 7.75 and 7.5 h at 950: net 36 100.00; commission 12.5 % = 4 512.50,
# its VAT 25 % = 1 128.13 (a freelancer in Sweden); payout 45 125.00 − 4 512.50 − 1 128.13 = 39 484.37.
EXPECTED = {
    ("sole trader", "sv"): [
        "Faktura",
        "Fakturanummer 2026-0042",
        "Fakturadatum 2026-11-30",
        "Förfallodatum 2026-12-30",
        "Period 2026-11-01 – 2026-11-30",
        "Avtal Backend för betalningar",
        "Er referens Karin Berg",
        "SÄLJARE Åsa Økland-Ähtäri Södra Förstadsgatan 12 211 43 Malmö",
        "Org.nr 811218-9876",
        "Momsreg.nr SE811218987601",
        "Godkänd för F-skatt",
        "Avsändare och betalningsmottagare Fakturan skickas av Consultancy Platform AB (Org.nr 559000-0007) "
        "för säljarens räkning. Betala till Consultancy Platform AB, som betalar ut beloppet till säljaren "
        "med avdrag för sin provision.",
        "KÖPARE Acme Sverige AB Drottninggatan 20 411 14 Göteborg",
        "Momsreg.nr SE556703748501",
        "Datum Beskrivning Antal À-pris Moms Belopp (SEK) Konsulttjänster: Backend för betalningar "
        "2026-11-02 Kodgranskning och driftsättning, dag 1 7,75 h 950,00 25 % 7 362,50 7:30 → 7:45 "
        "2026-11-03 Kodgranskning och driftsättning, dag 2 7,5 h 950,00 25 % 7 125,00",
        "Summa exkl. moms 36 100,00 kr",
        "Moms 25 % på 36 100,00 kr 9 025,00 kr",
        "Att betala 45 125,00 kr",
        "Arvode och provision Avtalets värde (exkl. moms) 36 100,00 kr",
        "Plattformens provision 12,5 % 4 512,50 kr",
        "Moms på provisionen 25 % 1 128,13 kr",
        "Utbetalning till frilansaren 39 484,37 kr Att betala − provision − moms på provisionen",
        "Betalning Betalas till Consultancy Platform AB för säljarens räkning Bankgiro 5050-1055 "
        "OCR-nummer 20261100426 Förfallodatum 2026-12-30 Att betala 45 125,00 kr",
        "Sida 1 av 1",
    ],
    ("sole trader", "en"): [
        "Invoice",
        "Invoice no. 2026-0042",
        "Issue date 30 November 2026",
        "Due date 30 December 2026",
        "Period 1–30 November 2026",
        "Contract Backend för betalningar",
        "Your reference Karin Berg",
        "SELLER Åsa Økland-Ähtäri",
        "Org. no. 811218-9876",
        "VAT no. SE811218987601",
        "Approved for F-tax (Godkänd för F-skatt)",
        "Sender and payee Sent by Consultancy Platform AB (Org. no. 559000-0007) on behalf of "
        "the seller. Please pay Consultancy Platform AB, which pays the amount out to the seller less its "
        "commission.",
        "BUYER Acme Sverige AB",
        "Date Description Quantity Unit price VAT Amount (SEK) Konsulttjänster: Backend för betalningar "
        "2 Nov 2026 Kodgranskning och driftsättning, dag 1 7.75 h 950.00 25% 7,362.50 7:30 → 7:45 "
        "3 Nov 2026 Kodgranskning och driftsättning, dag 2 7.5 h 950.00 25% 7,125.00",
        "Net amount SEK 36,100.00",
        "VAT 25% on SEK 36,100.00 SEK 9,025.00",
        "Total due SEK 45,125.00",
        "Agreement value (excl. VAT) SEK 36,100.00",
        "Platform commission 12.5% SEK 4,512.50",
        "VAT on the commission 25% SEK 1,128.13",
        "Paid to the freelancer SEK 39,484.37 Total due − commission − VAT on the commission",
        "Payment Pay to Consultancy Platform AB on behalf of the seller Bankgiro 5050-1055 "
        "OCR reference 20261100426 Due date 30 December 2026 Amount due SEK 45,125.00",
        "Page 1 of 1",
    ],
    ("limited company", "sv"): [
        "Nordkonsult Łukasz AB Kungsgatan 1 c/o Regus 111 43 Stockholm Sverige",
        "Org.nr 556036-0793",
        "Momsreg.nr SE556036079301",
        "Säte: Stockholm",
        "Godkänd för F-skatt",
        "Øresund Data ApS Vesterbrogade 3 1620 København V Danmark",
        "Momsreg.nr DK13585628",
        "Omvänd betalningsskyldighet Köparen redovisar momsen.",
        "Moms 0 % på 36 100,00 kr 0,00 kr omvänd betalningsskyldighet",
        "Att betala 36 100,00 kr",
        "Utbetalning till frilansaren 30 459,37 kr",
        "IBAN SE45 5000 0000 0583 9825 7466",
        "BIC ESSESESS",
    ],
    ("limited company", "en"): [
        "Nordkonsult Łukasz AB Kungsgatan 1 c/o Regus 111 43 Stockholm Sweden",
        "Org. no. 556036-0793",
        "VAT no. SE556036079301",
        "Registered office: Stockholm",
        "Øresund Data ApS Vesterbrogade 3 1620 København V Denmark",
        "VAT no. DK13585628",
        "Reverse charge VAT to be accounted for by the buyer.",
        "VAT 0% on SEK 36,100.00 SEK 0.00 reverse charge",
        "Total due SEK 36,100.00",
        "IBAN SE45 5000 0000 0583 9825 7466",
    ],
    # A freelancer established in Norway: the platform's commission is reverse charged, no VAT on it.
    ("norwegian AS", "sv"): [
        "Fjordkode AS Storgata 5 0155 Oslo",
        "Org.nr 923 609 016 MVA",
        "Foretaksregisteret",
        "Bergen Skytjenester AS Bryggen 7 5003 Bergen Org.nr 974 760 673 MVA",
        "Moms 25 % på 36 100,00 NOK 9 025,00 NOK",
        "Att betala 45 125,00 NOK",
        # The label takes two lines; its value stands beside the first.
        "Moms på provisionen: omvänd 0,00 NOK betalningsskyldighet",
        "Utbetalning till frilansaren 40 612,50 NOK",
        "KID-nummer 0004200267",
        "IBAN NO93 8601 1117 947",
    ],
    ("norwegian AS", "en"): [
        "Org. no. 923 609 016 MVA",
        "Foretaksregisteret",
        "VAT 25% on NOK 36,100.00 NOK 9,025.00",
        "Total due NOK 45,125.00",
        "VAT on the commission: NOK 0.00 reverse charge",
        "Paid to the freelancer NOK 40,612.50",
        "KID number 0004200267",
    ],
}
ABSENT = {
    "sole trader": ["Omvänd betalningsskyldighet", "Reverse charge", "Säte", "Registered office", "5555"],
    "limited company": [],
    "norwegian AS": ["F-skatt", "F-tax", "Omvänd betalningsskyldighet Köparen", "Reverse charge VAT"],
}
MAKERS = {
    "sole trader": sole_trader,
    "limited company": limited_company_reverse_charge,
    "norwegian AS": norwegian_as,
}


@pytest.mark.parametrize(("case", "language"), list(EXPECTED))
def test_every_required_field_is_printed(case: str, language: str) -> None:
    text = text_of(render_invoice_pdf(MAKERS[case](language)))
    missing = [phrase for phrase in EXPECTED[case, language] if phrase not in text]
    assert not missing, f"{missing}\n\nin: {text}"
    present = [phrase for phrase in ABSENT[case] if phrase in text]
    assert not present, present


@pytest.mark.parametrize("language", ["sv", "en"])
def test_seller_identifiers_in_the_footer_of_every_page(language: str) -> None:
    doc = make_document(seller=SWEDISH_AB, lines=hour_lines(60), language=language)
    pages = page_texts(render_invoice_pdf(doc))
    assert len(pages) >= 3
    for page in pages:
        flat = " ".join(page.split())
        assert "556036-0793" in flat
        assert "SE556036079301" in flat
        assert "Stockholm" in flat
        assert ("Godkänd för F-skatt" if language == "sv" else "Approved for F-tax") in flat


def test_the_footer_breaks_after_a_separator_never_before_one() -> None:
    seller = Party(
        "Sara Lindqvist Konsult", "Sveavägen 44", "113 59", "Stockholm", org_number="559012-3450",
        vat_number="SE559012345001", f_skatt=True, email="sara@lindqvistkonsult.example",
    )  # fmt: skip
    page = page_texts(render_invoice_pdf(make_document(seller=seller)))[0]
    footer = page[page.index("Sara Lindqvist Konsult · Sveavägen") :].splitlines()
    assert len(footer) >= 2
    assert not [line for line in footer if line.lstrip().startswith("·")]


def test_unicode_names_print_without_missing_glyphs(caplog: pytest.LogCaptureFixture) -> None:
    lines = tuple(
        dataclasses.replace(line, notes="Möte med Łukasz och Åsa i Tromsø; Ähtäri–Økland")
        for line in hour_lines(2)
    )
    doc = make_document(lines=lines, contract_title="Łódź → Ærøskøbing", buyer_reference="Żaneta Øyen")
    with caplog.at_level(logging.WARNING):
        text = text_of(render_invoice_pdf(doc))
    for name in (
        "Åsa Økland-Ähtäri",
        "Łukasz",
        "Tromsø",
        "Łódź → Ærøskøbing",
        "Żaneta Øyen",
        "Ähtäri–Økland",
    ):
        assert name in text
    assert not [r for r in caplog.records if "missing" in r.getMessage()]


def test_300_lines_paginate_with_page_numbers_and_every_line_once() -> None:
    doc = make_document(lines=hour_lines(300))
    pages = page_texts(render_invoice_pdf(doc))
    count = len(pages)
    assert count > 5
    for number, page in enumerate(pages, start=1):
        assert f"Sida {number} av {count}" in page
    text = text_of(render_invoice_pdf(doc))
    positions = []
    for line in doc.lines:
        row = f"{line.description} "
        assert text.count(row) == 1, line.description
        positions.append(text.index(row))
    assert positions == sorted(positions)
    header = "Datum Beskrivning Antal À-pris Moms Belopp (SEK)"
    # The column titles, then the heading the rows belong to, on every page the table reaches.
    flat = [" ".join(page.split()) for page in pages]
    assert flat[0].count("Konsulttjänster: Backend för betalningar") == 1
    assert f"{header} Konsulttjänster: Backend för betalningar 2026-11-02 " in flat[0]
    for page in flat[1:]:
        if "Kodgranskning" in page:
            assert f"{header} Konsulttjänster: Backend för betalningar (forts.) " in page
    assert "Att betala 2 701 562,50 kr" in text  # 100 × 7.75 h + 200 × 7.5 h at 950, plus 25 %


def test_a_row_taller_than_a_page_continues_on_the_next() -> None:
    notes = " ".join(f"note{i}" for i in range(1500))
    lines = (dataclasses.replace(hour_lines(1)[0], notes=notes), *hour_lines(3)[1:])
    pages = page_texts(render_invoice_pdf(make_document(lines=lines)))
    text = " ".join(" ".join(pages).split())
    assert len(pages) >= 2
    assert all(f"note{i} " in text for i in range(1500))
    assert "Kodgranskning och driftsättning, dag 3" in text


def test_hours_billed_and_reported_side_by_side() -> None:
    text = text_of(render_invoice_pdf(make_document(lines=hour_lines(5))))
    # Lines 1 and 4 were rounded from 7:30 to 7:45; the others were billed as reported.
    assert text.count("7:30 → 7:45") == 2
    assert text.count("7,75 h") == 2
    assert text.count("7,5 h") == 3


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", ["Dagsarvode 1 dag 8 000,00", "Dagsarvode 0,5 dag 8 000,00", "Dagsarvode 2 dagar 8 000,00"]),
        ("en", ["Daily rate 1 day 8,000.00", "Daily rate 0.5 day 8,000.00", "Daily rate 2 days 8,000.00"]),
    ],
)
def test_days(language: str, expected: list[str]) -> None:
    description = "Dagsarvode" if language == "sv" else "Daily rate"
    base = InvoiceLine(description, Decimal("1"), Unit.DAY, Decimal("8000"), Decimal("25"))
    lines = tuple(dataclasses.replace(base, quantity=Decimal(q)) for q in ("1", "0.5", "2"))
    text = text_of(render_invoice_pdf(make_document(lines=lines, language=language)))
    assert [phrase for phrase in expected if phrase not in text] == []


def test_one_row_per_vat_rate() -> None:
    lines = (
        InvoiceLine("Konsulttjänster", Decimal("10"), Unit.HOUR, Decimal("1000"), Decimal("25")),
        InvoiceLine("Kurslitteratur", Decimal("2"), Unit.PIECE, Decimal("450"), Decimal("6")),
        InvoiceLine("Kost", Decimal("1"), Unit.PIECE, Decimal("99.99"), Decimal("12")),
    )
    text = text_of(render_invoice_pdf(make_document(lines=lines)))
    assert "Summa exkl. moms 10 999,99 kr" in text
    assert "Moms 25 % på 10 000,00 kr 2 500,00 kr" in text
    assert "Moms 12 % på 99,99 kr 12,00 kr" in text
    assert "Moms 6 % på 900,00 kr 54,00 kr" in text
    assert "Att betala 13 565,99 kr" in text
    assert "Kurslitteratur 2 st 450,00 6 % 900,00" in text


@pytest.mark.parametrize(
    ("language", "number", "watermark"),
    [("sv", "Fakturanummer Utkast", "UTKAST"), ("en", "Invoice no. Draft", "DRAFT")],
)
def test_draft_says_so_on_every_page(language: str, number: str, watermark: str) -> None:
    doc = make_document(state=InvoiceState.DRAFT, number=None, lines=hour_lines(40), language=language)
    pages = page_texts(render_invoice_pdf(doc))
    assert len(pages) >= 2
    assert number in " ".join(pages[0].split())
    assert all(watermark in page for page in pages)


def test_confirmed_without_a_number_says_number_on_sync() -> None:
    doc = make_document(state=InvoiceState.CONFIRMED, number=None)
    text = text_of(render_invoice_pdf(doc))
    assert "Fakturanummer Bekräftad – nummer vid synk" in text
    assert "UTKAST" not in text
    assert "Utkast" not in text
    doc_en = dataclasses.replace(doc, language="en")
    assert "Confirmed – number on sync" in text_of(render_invoice_pdf(doc_en))


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "sv",
            [
                "Kreditfaktura Krediterar faktura 2026-0042 Kreditfaktura nr 2026-0043",
                "Avsändare Kreditfakturan skickas av Consultancy Platform AB (Org.nr 559000-0007) för "
                "säljarens räkning.",
                "2026-11-02 Kodgranskning och driftsättning, dag 1 7,75 h 950,00 25 % 7 362,50",
                "Summa exkl. moms 36 100,00 kr",
                "Summa kredit 45 125,00 kr",
                "Arvode och provision som krediteras",
                "Utbetalning till frilansaren 39 484,37 kr Summa kredit − provision − moms på provisionen",
                "Inget att betala: beloppet krediteras faktura 2026-0042.",
            ],
        ),
        (
            "en",
            [
                "Credit note Credits invoice 2026-0042 Credit note no. 2026-0043",
                "Sent by Consultancy Platform AB (Org. no. 559000-0007) on behalf of the seller.",
                "Total credited SEK 45,125.00",
                "Fee and commission credited",
                "Nothing to pay: the amount is credited to invoice 2026-0042.",
            ],
        ),
    ],
)
def test_credit_note_has_positive_amounts_and_references_the_original(
    language: str, phrases: list[str]
) -> None:
    """The domain's (and UBL's) convention: the credit note's amounts are positive, its type says
    credit and names the invoice it credits; it asks for no payment."""
    doc = credit_note_for(make_document(language=language))
    assert doc.totals.total > 0
    text = text_of(render_invoice_pdf(doc))
    assert [p for p in phrases if p not in text] == []
    for absent in ("Förfallodatum", "Due date", "Betala till", "Please pay", "Betalas till", "Pay to"):
        assert absent not in text, absent
    assert not re.search(r"(^|\s)[-−]\s?(SEK\s)?\d", text)  # no negative amount anywhere


def test_a_credit_note_stored_negative_prints_positive() -> None:
    """An older version stored credit notes negative; the PDF prints them as the domain keeps them."""
    positive = credit_note_for(make_document())
    lines = tuple(dataclasses.replace(line, quantity=-line.quantity) for line in positive.lines)
    c = positive.commission
    negative = dataclasses.replace(
        positive,
        lines=lines,
        totals=compute_totals(lines),
        commission=dataclasses.replace(
            c, agreement_value=-c.agreement_value, amount=-c.amount, vat=-c.vat,
            net_to_freelancer=-c.net_to_freelancer, payout=-c.payout,
        ),
    )  # fmt: skip
    assert negative.totals.total < 0
    assert render_invoice_pdf(negative) == render_invoice_pdf(positive)


def test_metadata_and_same_bytes_every_time() -> None:
    doc = make_document()
    pdf = render_invoice_pdf(doc)
    assert render_invoice_pdf(doc) == pdf
    meta = PdfReader(BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title == "Faktura 2026-0042"
    assert meta.author == "Åsa Økland-Ähtäri"
    assert meta.creation_date == datetime(2026, 11, 30, tzinfo=UTC)
    later = dataclasses.replace(doc, issue_date=date(2026, 12, 1))
    assert PdfReader(BytesIO(render_invoice_pdf(later))).metadata.creation_date.date() == date(2026, 12, 1)


def test_font_cache_gives_the_same_bytes_as_add_font(monkeypatch: pytest.MonkeyPatch) -> None:
    # Another invoice first, with other glyphs: nothing of it may carry over into the next one.
    render_invoice_pdf(norwegian_as("en"))
    render_invoice_pdf(make_document(state=InvoiceState.DRAFT, number=None, contract_title="Łódź Ærø ÿ ß"))
    doc = make_document(lines=hour_lines(30))
    cached = render_invoice_pdf(doc)
    assert pdf_fonts.FONTS.enabled
    monkeypatch.setattr(pdf_fonts.FONTS, "enabled", False)
    assert render_invoice_pdf(doc) == cached


def test_later_invoices_do_not_parse_the_font_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from fpdf import FPDF

    render_invoice_pdf(make_document())
    calls: list[object] = []
    original = FPDF.add_font
    monkeypatch.setattr(FPDF, "add_font", lambda *a, **k: calls.append(a) or original(*a, **k))
    text = text_of(render_invoice_pdf(make_document(language="en")))
    assert calls == []
    assert "Åsa Økland-Ähtäri" in text


def test_warm_up_parses_the_fonts_ahead_of_the_first_invoice(monkeypatch: pytest.MonkeyPatch) -> None:
    from fpdf import FPDF

    monkeypatch.setattr(pdf_fonts, "FONTS", pdf_fonts.FontCache())
    invoice_pdf.warm_up()
    calls: list[object] = []
    original = FPDF.add_font
    monkeypatch.setattr(FPDF, "add_font", lambda *a, **k: calls.append(a) or original(*a, **k))
    assert "Åsa Økland-Ähtäri" in text_of(render_invoice_pdf(make_document()))
    assert calls == []


def _png(path: Path, width: int, height: int) -> Path:
    from PIL import Image

    Image.new("RGB", (width, height), (31, 58, 95)).save(path)
    return path


def _image_placements(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height in points of every image drawn on the first page."""
    content = PdfReader(BytesIO(pdf)).pages[0].get_contents()
    assert content is not None
    found = re.findall(rb"([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm /I\d+ Do", content.get_data())
    return [(float(w), float(h)) for w, h in found]


def test_logo_is_drawn_scaled_to_fit_and_a_missing_logo_is_skipped(tmp_path: Path) -> None:
    doc = make_document()
    mm = 72 / 25.4
    wide = render_invoice_pdf(doc, logo=_png(tmp_path / "wide.png", 2000, 100))
    assert _image_placements(wide) == [(pytest.approx(55 * mm, abs=0.01), pytest.approx(2.75 * mm, abs=0.01))]
    tall = render_invoice_pdf(doc, logo=_png(tmp_path / "tall.png", 100, 400))
    assert _image_placements(tall) == [(pytest.approx(5 * mm, abs=0.01), pytest.approx(20 * mm, abs=0.01))]
    without = render_invoice_pdf(doc, logo=tmp_path / "gone.png")
    assert _image_placements(without) == []
    assert "Åsa Økland-Ähtäri" in text_of(without)


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "archive" / "2026-0042.pdf"
    doc = make_document()
    write_invoice_pdf(doc, target)
    first = target.read_bytes()
    assert first.startswith(b"%PDF-")
    assert first.rstrip().endswith(b"%%EOF")

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(invoice_pdf, "render_invoice_pdf", broken)
    with pytest.raises(RuntimeError):
        write_invoice_pdf(dataclasses.replace(doc, number="2026-0099"), target)
    assert target.read_bytes() == first
    monkeypatch.undo()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("coapp.base.atomic_file.os.fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_invoice_pdf(dataclasses.replace(doc, number="2026-0099"), target)
    assert target.read_bytes() == first
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_totals_in_the_pdf_are_the_domain_totals() -> None:
    lines = hour_lines(7, rate="1033.33")
    doc = make_document(lines=lines)
    totals = compute_totals(lines)
    assert doc.totals == totals
    text = text_of(render_invoice_pdf(doc))
    net = f"{totals.net:,.2f}".replace(",", " ").replace(".", ",")
    assert f"Summa exkl. moms {net} kr" in text


def test_week_lines_and_the_invoice_notes() -> None:
    week = dataclasses.replace(
        hour_lines(1)[0],
        description="Vecka 45",
        last_day=date(2026, 11, 6),
        quantity=Decimal("37.75"),
        raw_minutes=2250,
        billed_minutes=2265,
        notes="Möte med Łukasz; planering av sprint 12",
    )
    doc = make_document(lines=(week,), notes="Tack för uppdraget!")
    text = text_of(render_invoice_pdf(doc))
    assert "2026-11-02 – Vecka 45 37,75 h 950,00 25 % 35 862,50 2026-11-06 37:30 → 37:45" in text
    assert "Möte med Łukasz; planering av sprint 12" in text
    assert "MEDDELANDE Tack för uppdraget!" in text
    english = text_of(render_invoice_pdf(dataclasses.replace(doc, language="en")))
    assert "NOTES Tack för uppdraget!" in english
    assert "2–6 Nov 2026 Vecka 45 37.75 h 950.00 25% 35,862.50 37:30 → 37:45" in english


def test_notes_longer_than_a_page_continue_and_the_boxes_follow() -> None:
    notes = " ".join(f"villkor{i}" for i in range(2500))
    pages = page_texts(render_invoice_pdf(make_document(notes=notes)))
    text = " ".join(" ".join(pages).split())
    assert len(pages) >= 3
    assert all(f"villkor{i} " in text or text.endswith(f"villkor{i}") for i in range(2500))
    assert text.index("villkor2499") < text.index("Avtalets värde (exkl. moms) 36 100,00 kr")
    assert "Att betala 45 125,00 kr" in " ".join(pages[0].split())
