"""The contract PDF's parties: the freelancer (from the business details, when given), the client,
and the platform on a platform's contract, side by side under their labels.

Names come from people and the platform, so each is wrapped to its column; when one party is taller
than a page (a name of pages), the parties stand one under the other, full width, flowing on.
"""

from __future__ import annotations

from coapp.documents.contract_pdf_shapes import Business, ContractSheet
from coapp.documents.contract_pdf_texts import ContractTexts, printable
from coapp.documents.invoice_pdf_canvas import (
    BODY,
    BOTTOM_MARGIN,
    LEFT,
    LINE,
    MUTED,
    PAGE_H,
    SMALL,
    SMALL_LINE,
    WIDTH,
    Canvas,
)
from coapp.domain.errors import ValidationError
from coapp.domain.identifiers import format_org_number
from coapp.domain.invoices import Party

COLUMN_GAP = 7.0
PARTY_LINE = LINE + 0.4

# A party: its label and its lines, each (text, bold).
Lines = list[tuple[str, bool]]


def _identifier(text: str, country: str) -> str:
    try:
        return format_org_number(text, country)
    except ValidationError:
        return text  # as stored rather than hidden, as the invoice does


def party_lines(
    t: ContractTexts, view: ContractSheet, freelancer: Business | None, platform: Party | None
) -> list[tuple[str, Lines]]:
    """Each party's label and lines, empty lines left out: the freelancer, the client, the platform."""
    parties: list[tuple[str, Lines]] = []
    if freelancer is not None:
        f = freelancer
        org_label = t.org_number.get(f.country, t.org_number["SE"])
        org = f"{org_label} {_identifier(f.org_number, f.country)}" if f.org_number else ""
        vat = f"{t.vat_number} {f.vat_number}" if f.vat_number else ""
        rest = (*f.address.splitlines(), f"{f.postcode} {f.city}", org, vat, f.email)
        parties.append((t.freelancer, [(printable(f.name), True), *((printable(a), False) for a in rest)]))
    parties.append((t.client, [(printable(view.info.client_name), True)]))
    if view.origin == "platform" and platform is not None:
        p = platform
        org = f"{t.org_number.get(p.country, t.org_number['SE'])} {p.org_number}" if p.org_number else ""
        rest = (p.address, f"{p.postcode} {p.city}", org, p.email)
        parties.append((t.platform, [(printable(p.name), True), *((printable(a), False) for a in rest)]))
    return [(label, [(text, bold) for text, bold in lines if text]) for label, lines in parties]


def _wrapped(c: Canvas, lines: Lines, w: float) -> Lines:
    out: Lines = []
    for text, bold in lines:
        c.font(BODY + 1 if bold else BODY, bold=bold)
        out += [(line, bold) for line in c.wrap(text, w)]
    return out


def draw_parties(c: Canvas, y: float, parties: list[tuple[str, Lines]]) -> float:
    w = (WIDTH - COLUMN_GAP * (len(parties) - 1)) / len(parties)
    wrapped = [(label, _wrapped(c, lines, w)) for label, lines in parties]
    height = SMALL_LINE + 1 + max(len(lines) for _, lines in wrapped) * PARTY_LINE
    if height > PAGE_H - BOTTOM_MARGIN - c.page_top:
        for label, lines in parties:
            y = _party(c, LEFT, y, label, _wrapped(c, lines, WIDTH), WIDTH) + 3
        return y
    y = c.ensure_room(y, height)
    bottom = y
    for i, (label, lines) in enumerate(wrapped):
        bottom = max(bottom, _party(c, LEFT + i * (w + COLUMN_GAP), y, label, lines, w))
    return bottom


def _party(c: Canvas, x: float, y: float, label: str, lines: Lines, w: float) -> float:
    y = c.ensure_room(y, SMALL_LINE + LINE + 1)
    c.font(SMALL, bold=True, color=MUTED)
    c.put(x, y, w, label.upper(), h=SMALL_LINE)
    y += SMALL_LINE + 1
    for line, bold in lines:
        c.font(BODY + 1 if bold else BODY, bold=bold)
        y = c.flow(x, y, w, [line], PARTY_LINE)
    return y
