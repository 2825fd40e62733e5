"""Readable lines: each day's date in its own column and what was done that day as the line's text,
what the work is written once above the lines (and again, continued, on every later page), quantities
as billed, numbers and dates as the invoice's language writes them, long texts wrapped inside their
column, long invoices broken between rows with the column titles repeated."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coapp.documents.invoice_pdf import render_invoice_pdf
from coapp.documents.invoice_pdf_table import AMOUNT, DATE, DESCRIPTION, QUANTITY
from coapp.domain.invoices import InvoiceLine, Unit
from tests.documents.pdf_samples import make_document, page_texts

MM = 72 / 25.4
HEADING = "Konsulttjänster: Backend för betalningar"


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page_texts(pdf)).split())


def day_line(day: date, minutes: int, note: str = "", rate: str = "950") -> InvoiceLine:
    return InvoiceLine(
        description=note or day.isoformat(),  # the domain's text for a day without a note
        quantity=(Decimal(minutes) / 60).quantize(Decimal("0.0001")),
        unit=Unit.HOUR,
        unit_price=Decimal(rate),
        vat_rate=Decimal(25),
        first_day=day,
        last_day=day,
        raw_minutes=minutes,
        billed_minutes=minutes,
    )


def fragments(pdf: bytes) -> list[tuple[int, float, float, str]]:
    """(page, x mm, y mm from the top, text) of every piece of text drawn."""
    from pypdf import PdfReader

    found: list[tuple[int, float, float, str]] = []
    for number, page in enumerate(PdfReader(BytesIO(pdf)).pages, start=1):
        drawn: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object, into: list = drawn) -> None:
            if text.strip():
                into.append((tm[4], tm[5], text.replace("\u00a0", " ")))

        page.extract_text(visitor_text=visit)
        height = float(page.mediabox.height)
        found.extend((number, x / MM, (height - y) / MM, text) for x, y, text in drawn)
    return found


@pytest.mark.parametrize(
    ("language", "rows"),
    [
        ("sv", ["2026-11-23 Sprintplanering 7,5 h 950,00 25 % 7 125,00",
                "2026-11-24 Kodgranskning med Łukasz 7,25 h 950,00 25 % 6 887,50",
                "2026-11-25 8 h 950,00 25 % 7 600,00"]),
        ("en", ["23 Nov 2026 Sprintplanering 7.5 h 950.00 25% 7,125.00",
                "24 Nov 2026 Kodgranskning med Łukasz 7.25 h 950.00 25% 6,887.50",
                "25 Nov 2026 8 h 950.00 25% 7,600.00"]),
    ],
)  # fmt: skip
def test_a_day_per_line_under_one_heading(language: str, rows: list[str]) -> None:
    lines = (
        day_line(date(2026, 11, 23), 450, "Sprintplanering"),
        day_line(date(2026, 11, 24), 435, "Kodgranskning med Łukasz"),
        day_line(date(2026, 11, 25), 480),  # no note: the date is not repeated as its text
    )
    text = text_of(render_invoice_pdf(make_document(lines=lines, language=language)))
    assert text.count(HEADING) == 1
    assert f"{HEADING} {' '.join(rows)}" in text
    assert "2026-11-25 2026-11-25" not in text


def test_a_note_that_is_the_lines_text_is_not_repeated_under_it() -> None:
    note = "Kodgranskning med Elin"
    line = dataclasses.replace(day_line(date(2026, 11, 2), 450, note), notes=note)
    week = dataclasses.replace(
        day_line(date(2026, 11, 2), 450, "v. 45: Planering; Test"), last_day=date(2026, 11, 6)
    )
    week = dataclasses.replace(week, notes="Planering; Test")
    text = text_of(render_invoice_pdf(make_document(lines=(line, week))))
    assert text.count("Kodgranskning med Elin") == 1
    assert text.count("Planering; Test") == 1


def test_quantities_as_billed_and_by_the_minute() -> None:
    lines = (day_line(date(2026, 11, 2), 450), day_line(date(2026, 11, 3), 451))
    text = text_of(render_invoice_pdf(make_document(lines=lines)))
    assert "7,5 h" in text
    assert "7,50 h" not in text
    assert "7,5167 h" in text  # billed by the minute: the quantity the amount was computed from
    assert "7 140,87" in text  # 7.5167 × 950


def test_a_document_without_a_heading_writes_a_repeated_description_once() -> None:
    """Invoices archived before line headings repeat "Konsulttjänster: …" on every line with the
    day's note as notes: the description becomes the heading, the notes the lines' text."""
    legacy = tuple(
        dataclasses.replace(day_line(day, 450), description=HEADING, notes=f"Anteckning {i}")
        for i, day in enumerate([date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)])
    )
    other = InvoiceLine("Resa Malmö–Stockholm", Decimal(1), Unit.PIECE, Decimal("1200"), Decimal(25))
    doc = make_document(lines=(*legacy, other), line_heading="")
    text = text_of(render_invoice_pdf(doc))
    assert text.count(HEADING) == 1
    assert f"{HEADING} 2026-11-02 Anteckning 0 7,5 h" in text
    assert "Resa Malmö–Stockholm 1 st 1 200,00 25 % 1 200,00" in text


def test_a_long_text_wraps_inside_its_column() -> None:
    note = " ".join(["Migrering av kundregistret till den nya betaltjänsten"] * 6)
    lines = (day_line(date(2026, 11, 2), 450, note), day_line(date(2026, 11, 3), 450, "Kort"))
    pdf = render_invoice_pdf(make_document(lines=lines))
    # Read in order: the first line of text, the row's numbers, then the rest of the text.
    assert note in text_of(pdf).replace(" 7,5 h 950,00 25 % 7 125,00", "", 1)
    from fpdf import FPDF

    from coapp.documents.invoice_pdf_canvas import FONT, ROW
    from coapp.documents.pdf_fonts import FONTS

    measure = FPDF()
    FONTS.add_fonts(measure)
    measure.set_font(FONT, "", ROW)
    in_column = [f for f in fragments(pdf) if abs(f[1] - DESCRIPTION.x) < 0.5 and "Migrering" in f[3]]
    assert len(in_column) >= 3  # wrapped onto several lines
    for _, _, _, text in in_column:
        assert measure.get_string_width(text.strip()) <= DESCRIPTION.width  # never into the quantity


@settings(max_examples=15, deadline=None)
@given(
    notes=st.lists(st.text(alphabet=st.characters(codec="latin-1", categories=["L", "N", "P", "Zs"],
                                                  include_characters="\n\t"), max_size=300),
                   min_size=1, max_size=6),
    language=st.sampled_from(["sv", "en"]),
)  # fmt: skip
def test_free_text_never_runs_into_the_numbers(notes: list[str], language: str) -> None:
    lines = tuple(day_line(date(2026, 11, 2) + timedelta(days=i), 450, n) for i, n in enumerate(notes))
    pdf = render_invoice_pdf(make_document(lines=lines, language=language))
    from fpdf import FPDF

    from coapp.documents.invoice_pdf_canvas import FONT, ROW
    from coapp.documents.pdf_fonts import FONTS

    measure = FPDF()
    FONTS.add_fonts(measure)
    measure.set_font(FONT, "", ROW)
    for _, x, _, text in fragments(pdf):
        if abs(x - DESCRIPTION.x) < 0.5:
            assert x + measure.get_string_width(text.rstrip()) <= QUANTITY.x + 0.5, text


def test_a_long_invoice_breaks_between_rows_with_titles_and_heading_repeated() -> None:
    start = date(2026, 1, 1)
    lines = tuple(day_line(start + timedelta(days=i), 450 + i % 4 * 15, f"Dag {i + 1}") for i in range(120))
    pdf = render_invoice_pdf(make_document(lines=lines, period_start=start, period_end=date(2026, 4, 30)))
    pages = [" ".join(page.split()) for page in page_texts(pdf)]
    assert len(pages) >= 4
    titles = "Datum Beskrivning Antal À-pris Moms Belopp (SEK)"
    assert f"{titles} {HEADING} 2026-01-01 Dag 1 " in pages[0]
    for page in pages[1:]:
        if "Dag " in page:
            assert f"{titles} {HEADING} (forts.) " in page
    # Every row whole on one page: its date, text and amount together, in order.
    texts = fragments(pdf)
    for i, line in enumerate(lines):
        on = {p for p, x, _, t in texts if abs(x - DATE.x) < 0.5 and t.strip() == line.first_day.isoformat()}
        assert len(on) == 1, line.first_day
        row = [t for p, x, y, t in texts if p in on and t.strip() == f"Dag {i + 1}"]
        assert row, line.first_day
    amounts = [t for _, x, _, t in texts if x > AMOUNT.x - 1]
    assert amounts
