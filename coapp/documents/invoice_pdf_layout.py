"""The invoice's pages: the seller and the invoice facts on top, the buyer next to the statements
(who sends the invoice and is paid on the seller's behalf, reverse charge), then the lines and the
summary; on every page the draft watermark, a running header from page 2, and a footer with the
seller's identifiers and page n of N.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coapp.documents.invoice_pdf_canvas import (
    ACCENT,
    BODY,
    LEFT,
    LINE,
    MUTED,
    PAGE_H,
    PAGE_W,
    RIGHT,
    SHADE,
    SMALL,
    SMALL_LINE,
    TINY,
    TINY_LINE,
    TOP,
    WATERMARK,
    WIDTH,
    Canvas,
)
from coapp.documents.invoice_pdf_summary import Summary
from coapp.documents.invoice_pdf_table import LinesTable
from coapp.documents.invoice_pdf_texts import Texts, party_identifiers, texts_for
from coapp.documents.money_format import NBSP, country_name, format_date, format_period
from coapp.domain.invoices import BilledTo, InvoiceDocument, InvoiceKind, InvoiceState, Party

SIDE_W = 74.0  # the right-hand column: invoice facts, legal statements
SIDE_X = RIGHT - SIDE_W
PARTY_W = SIDE_X - LEFT - 8
LOGO_W, LOGO_H = 55.0, 20.0  # the largest a logo is drawn; it keeps its proportions


def texts_of(doc: InvoiceDocument) -> Texts:
    return texts_for(doc.language)


def title_of(doc: InvoiceDocument) -> str:
    texts = texts_of(doc)
    return texts.credit_note if doc.kind is InvoiceKind.CREDIT_NOTE else texts.invoice


def number_text(doc: InvoiceDocument) -> str:
    """The number, or what stands in its place: "Utkast", "Bekräftad – nummer vid synk"."""
    if doc.number:
        return doc.number
    texts = texts_of(doc)
    return texts.draft if doc.state is InvoiceState.DRAFT else texts.number_on_sync


class InvoiceLayout:
    def __init__(self, pdf: Any, doc: InvoiceDocument, logo: Path | None) -> None:
        self.c = Canvas(pdf)
        self.doc, self.logo, self.t, self.lang = doc, logo, texts_of(doc), doc.language
        self.table = LinesTable(self.c, doc, self.t)
        self.summary = Summary(self.c, doc, self.t)
        pdf.on_header = self._page_header
        pdf.on_footer = self._page_footer

    def draw(self) -> None:
        self.c.pdf.add_page()
        y = self._top()
        y = self._buyer_and_statements(y + 7)
        y = self.table.draw(y + 8)
        y = self.summary.totals_and_notes(y + 3)
        self.summary.breakdown_and_payment(y + 7)

    # --- every page ---

    def _page_header(self) -> None:
        c = self.c
        if self.doc.state is InvoiceState.DRAFT:
            self._watermark()
        if c.page == 1:
            c.page_top = TOP
            return
        c.font(SMALL, color=MUTED)
        c.put(LEFT, 10, WIDTH - 60, f"{title_of(self.doc)} · {number_text(self.doc)}", h=SMALL_LINE)
        c.put(RIGHT - 60, 10, 60, self.doc.seller.name, align="R", h=SMALL_LINE)
        c.rule(14.5)
        y = 18.0
        if self.table.active:
            y = self.table.page_header(y)
        c.page_top = y

    def _watermark(self) -> None:
        c = self.c
        c.font(96, bold=True, color=WATERMARK)
        width = c.width_of(self.t.watermark)
        with c.pdf.rotation(angle=35, x=PAGE_W / 2, y=PAGE_H / 2):
            c.pdf.text(PAGE_W / 2 - width / 2, PAGE_H / 2 + 12, self.t.watermark)

    def _page_footer(self) -> None:
        c, seller = self.c, self.doc.seller
        y = PAGE_H - 17
        c.rule(y)
        address = ", ".join(p for p in (seller.address.replace("\n", ", "), _postal(seller)) if p)
        parts = [seller.name, address, *party_identifiers(seller, self.t, seller=True), seller.email]
        # Break the footer between identifiers, never inside one ("Org.nr" | "556036-0793"), and
        # after a separator, so that no line starts with one.
        text = f"{NBSP}· ".join(p.replace(" ", NBSP) for p in parts if p)
        c.font(TINY, color=MUTED)
        for i, line in enumerate(c.wrap(text, WIDTH - 34)[:3]):
            c.put(LEFT, y + 1.8 + i * TINY_LINE, WIDTH - 34, line, h=TINY_LINE)
        # fpdf2 fills in the page count at the end; measure with this page's number standing in for
        # it so that the text ends at the right margin.
        page = c.page
        width = c.width_of(self.t.page.format(page=page, pages=page))
        c.put(RIGHT - width, y + 1.8, width, self.t.page.format(page=page, pages="{nb}"), h=TINY_LINE)

    # --- top of the first page ---

    def _top(self) -> float:
        y = TOP
        if self.logo is not None:
            y = self._draw_logo(self.logo, y) + 5
        left = self._party(LEFT, y, self.t.seller, self.doc.seller, seller=True)
        return max(left, self._facts())

    def _draw_logo(self, logo: Path, y: float) -> float:
        from fpdf.image_parsing import preload_image

        pdf = self.c.pdf
        _, _, info = preload_image(pdf.image_cache, logo)
        scale = min(LOGO_W / info.width, LOGO_H / info.height)
        pdf.image(logo, x=LEFT, y=y, w=info.width * scale, h=info.height * scale)
        return y + info.height * scale

    def _party(self, x: float, y: float, label: str, party: Party, *, seller: bool) -> float:
        c = self.c
        c.font(SMALL, bold=True, color=MUTED)
        c.put(x, y, PARTY_W, label.upper(), h=SMALL_LINE)
        y += SMALL_LINE + 0.8
        c.font(BODY + 2, bold=True)
        y = c.flow(x, y, PARTY_W, c.wrap(party.name, PARTY_W), 5)
        c.font(BODY)
        address = [*party.address.splitlines(), _postal(party)]
        if self.doc.seller.country != self.doc.buyer.country:
            address.append(country_name(party.country, self.lang))
        for line in address:
            y = c.flow(x, y, PARTY_W, c.wrap(line, PARTY_W), LINE)
        c.font(SMALL + 0.5)
        y += 1
        for extra in [*party_identifiers(party, self.t, seller=seller), party.email]:
            y = c.flow(x, y, PARTY_W, c.wrap(extra, PARTY_W), SMALL_LINE + 0.3)
        return y

    def _facts(self) -> float:
        c, d, t = self.c, self.doc, self.t
        credit = d.kind is InvoiceKind.CREDIT_NOTE
        c.font(20, bold=True, color=ACCENT)
        c.put(SIDE_X, TOP, SIDE_W, title_of(d), h=9)
        y = TOP + 11.5
        if credit and d.credited_number:
            c.font(BODY, bold=True)
            c.put(SIDE_X, y, SIDE_W, t.credits_invoice.format(number=d.credited_number))
            y += LINE + 1.5
        rows = [
            (t.credit_note_number if credit else t.invoice_number, number_text(d), True),
            (t.issue_date, format_date(d.issue_date, self.lang, long=True), False),
            (t.due_date, "" if credit else format_date(d.due_date, self.lang, long=True), False),
            (t.period, format_period(d.period_start, d.period_end, self.lang), False),
            (t.contract, d.contract_title, False),
            (t.buyer_reference, d.buyer_reference, False),
        ]
        label_w = 28.0
        for label, value, bold in rows:
            if not value:
                continue
            c.font(SMALL + 0.5, color=MUTED)
            c.put(SIDE_X, y + 0.3, label_w, label)
            c.font(BODY, bold=bold)
            y = c.flow(SIDE_X + label_w, y, SIDE_W - label_w, c.wrap(value, SIDE_W - label_w), LINE) + 0.6
        return y

    def _buyer_and_statements(self, y: float) -> float:
        left = self._party(LEFT, y, self.t.buyer, self.doc.buyer, seller=False)
        return max(left, self._statements(y))

    def _statements(self, y: float) -> float:
        """Who sends the invoice and is paid (work billed to the client) and reverse charge, each a
        heading and a sentence in a shaded box. The seller issues the invoice: never self-billing."""
        c, d, t = self.c, self.doc, self.t
        items: list[tuple[str, str]] = []
        if d.billed_to is BilledTo.CLIENT and d.payee is not None:
            platform = d.payee.name
            label = t.org_number.get(d.payee.country, t.org_number["SE"]).replace(" ", NBSP)
            org = f" ({label}{NBSP}{d.payee.org_number})" if d.payee.org_number else ""
            # A credit note asks for no payment, so it only says who sends it.
            if d.kind is InvoiceKind.CREDIT_NOTE:
                heading, note = t.sent_by_credit, t.sent_by_note_credit
            else:
                heading, note = t.sent_by, t.sent_by_note
            items.append((heading, note.format(platform=platform, org=org)))
        if d.reverse_charge:
            items.append((t.reverse_charge, t.reverse_charge_note))
        if not items:
            return y
        inner = SIDE_W - 7
        measured = []
        for heading, note in items:
            c.font(BODY, bold=True)
            headings = c.wrap(heading, inner)
            c.font(SMALL + 0.5)
            measured.append((headings, c.wrap(note, inner)))
        height = 3.5 + sum(len(h) * LINE + len(lines) * SMALL_LINE + 1.5 for h, lines in measured)
        c.fill(SIDE_X, y, SIDE_W, height, SHADE)
        c.fill(SIDE_X, y, 1.2, height, ACCENT)
        yy = y + 3
        for headings, lines in measured:
            c.font(BODY, bold=True, color=ACCENT)
            yy = c.flow(SIDE_X + 4.5, yy, inner, headings, LINE)
            c.font(SMALL + 0.5)
            yy = c.flow(SIDE_X + 4.5, yy, inner, lines, SMALL_LINE) + 1.5
        return y + height


def _postal(party: Party) -> str:
    return f"{party.postcode} {party.city}".strip()
