"""Below the lines: the totals per VAT rate, the commission breakdown (the same wording on every
invoice) next to the payment details, and the invoice's own notes. Each block is kept whole.

The breakdown shows how the freelancer's payout follows from the invoice: agreement value, the
platform's commission, the VAT on the commission (or that it is reverse charged), and the payout,
which is the total due less the commission and its VAT. On work billed to the client the payment box
names the platform as payee on the seller's behalf: the client pays the platform's client-funds
account (the document's payment details) with this invoice's reference.
"""

from __future__ import annotations

from decimal import Decimal

from coapp.documents.invoice_pdf_canvas import (
    ACCENT,
    BODY,
    GAP,
    INK,
    LEFT,
    LINE,
    MUTED,
    RIGHT,
    SMALL,
    SMALL_LINE,
    WIDTH,
    Canvas,
)
from coapp.documents.invoice_pdf_texts import Texts, reference_label
from coapp.documents.money_format import format_date, format_money, format_percent
from coapp.domain.invoices import BilledTo, InvoiceDocument, InvoiceKind

Row = tuple[str, str, bool]  # label, value, bold


class Summary:
    def __init__(self, canvas: Canvas, doc: InvoiceDocument, texts: Texts) -> None:
        self.c, self.doc, self.t, self.lang = canvas, doc, texts, doc.language

    def _money(self, amount: Decimal) -> str:
        return format_money(amount, self.doc.currency, self.lang)

    def totals_and_notes(self, y: float) -> float:
        """The totals on the right; the invoice's own notes, if any, to their left."""
        c, d, t = self.c, self.doc, self.t
        rows = [(t.net, "", self._money(d.totals.net))]
        for group in d.totals.vat:
            label = t.vat_on.format(rate=format_percent(group.rate, self.lang), base=self._money(group.base))
            rows.append((label, t.vat_categories.get(group.category, ""), self._money(group.amount)))
        label_w, value_w = 62.0, 34.0
        x = RIGHT - label_w - value_w
        notes_w = x - LEFT - 8
        c.font(SMALL + 0.5)
        notes = c.wrap(d.notes, notes_w)
        notes_h = SMALL_LINE + 0.8 + len(notes) * SMALL_LINE if notes else 0
        height = sum(LINE + 0.8 + (SMALL_LINE if note else 0) for _, note, _ in rows) + 7.5
        # Notes longer than the room on this page continue on the next (and the boxes follow them).
        top = y = c.ensure_room(y, max(height, min(notes_h, 60)))
        page = c.page
        for label, note, value in rows:
            c.font(BODY)
            c.put(x, y, label_w - GAP, label)
            c.put(x + label_w, y, value_w, value, align="R")
            y += LINE
            if note:
                c.font(SMALL, color=MUTED)
                c.put(x, y, label_w - GAP, note, h=SMALL_LINE)
                y += SMALL_LINE
            y += 0.8
        c.rule(y + 0.6, x1=x, color=INK, width=0.35)
        y += 2
        c.font(BODY + 2, bold=True)
        c.put(x, y, label_w, t.total_credit if d.kind is InvoiceKind.CREDIT_NOTE else t.total, h=5.5)
        c.put(x + label_w, y, value_w, self._money(d.totals.total), align="R", h=5.5)
        y += 5.5
        if not notes:
            return y
        c.font(SMALL, bold=True, color=MUTED)
        c.put(LEFT, top, notes_w, t.notes.upper(), h=SMALL_LINE)
        c.font(SMALL + 0.5)
        end = c.flow(LEFT, top + SMALL_LINE + 0.8, notes_w, notes, SMALL_LINE)
        return end if c.page != page else max(y, end)

    def breakdown_and_payment(self, y: float) -> float:
        d, t = self.doc, self.t
        credit = d.kind is InvoiceKind.CREDIT_NOTE
        box_w = (WIDTH - 6) / 2
        heading = t.breakdown_credited if credit else t.breakdown
        left = Box(self.c, heading, self._breakdown_rows(), box_w, label_w=box_w - 36, value_align="R")
        if credit:
            note = t.credit_nothing_to_pay.format(number=d.credited_number or "")
            right = Box(self.c, t.payment, [], box_w, label_w=0, value_align="L", text=note)
        else:
            rows = self._payment_rows()
            # As narrow a label column as the labels allow, so that an IBAN stays on one line.
            self.c.font(SMALL + 0.5, bold=True)
            label_w = min(34.0, max(self.c.width_of(label) for label, _, _ in rows) + GAP + 0.5)
            right = Box(self.c, t.payment, rows, box_w, label_w=label_w, value_align="L")
        height = max(left.height, right.height)
        y = self.c.ensure_room(y, height)
        left.draw(LEFT, y, height)
        right.draw(RIGHT - box_w, y, height)
        return y + height

    def _breakdown_rows(self) -> list[Row]:
        commission, t = self.doc.commission, self.t
        if commission.reverse_charge:
            vat_label = t.commission_vat_reverse
        else:
            vat_label = t.commission_vat.format(rate=format_percent(commission.vat_rate, self.lang))
        rate = format_percent(commission.rate, self.lang)
        return [
            (t.agreement_value, self._money(commission.agreement_value), False),
            (t.commission.format(rate=rate), self._money(commission.amount), False),
            (vat_label, self._money(commission.vat), False),
            (t.payout, self._money(commission.payout), True),
            (t.payout_how_credit if self.doc.kind is InvoiceKind.CREDIT_NOTE else t.payout_how, "", False),
        ]

    def _payment_rows(self) -> list[Row]:
        d, t = self.doc, self.t
        p = d.payment
        payee = ""
        if d.billed_to is BilledTo.CLIENT and d.payee is not None:
            payee = t.payee_on_behalf.format(platform=d.payee.name)
        rows = [
            (t.payee, payee, False),
            ("Bankgiro", p.bankgiro, False),
            ("Plusgiro", p.plusgiro, False),
            ("IBAN", p.iban, False),  # broken, if it must be, between its groups of four
            ("BIC", p.bic, False),
            (reference_label(p.reference_kind, t), p.reference, True),
            (t.due_date, format_date(d.due_date, self.lang, long=True), False),
            (t.amount_due, self._money(d.totals.total), True),
        ]
        return [row for row in rows if row[1]]


class Box:
    """A framed box with a heading and label/value rows (or a sentence), measured before drawn.
    A row without a value is a muted remark that may use the box's whole width."""

    INSET = 3.5

    def __init__(
        self,
        canvas: Canvas,
        heading: str,
        rows: list[Row],
        width: float,
        *,
        label_w: float,
        value_align: str,
        text: str = "",
    ) -> None:
        self.c, self.heading, self.width = canvas, heading, width
        self.label_w, self.value_align = label_w, value_align
        self.inner = width - 2 * self.INSET
        self.rows: list[tuple[list[str], list[str], bool]] = []
        for label, value, bold in rows:
            canvas.font(SMALL + 0.5, bold=bold)
            if value:
                labels = canvas.wrap(label, label_w - GAP)
                values = canvas.wrap(value, self.inner - label_w)
            else:
                canvas.font(SMALL)
                labels, values = canvas.wrap(label, self.inner), []
            self.rows.append((labels, values, bold))
        canvas.font(SMALL + 0.5)
        self.text = canvas.wrap(text, self.inner)
        body = sum(self._row_height(labels, values) for labels, values, _ in self.rows)
        self.height = self.INSET + LINE + 1.5 + body + len(self.text) * SMALL_LINE + self.INSET - 1

    @staticmethod
    def _row_height(labels: list[str], values: list[str]) -> float:
        if not values:
            return len(labels) * SMALL_LINE + 1.0
        return max(1, len(labels), len(values)) * SMALL_LINE + 1.3

    def draw(self, x: float, y: float, height: float) -> None:
        c, inset = self.c, self.INSET
        c.frame(x, y, self.width, height)
        c.font(BODY, bold=True, color=ACCENT)
        c.put(x + inset, y + inset, self.inner, self.heading)
        y += inset + LINE + 1.5
        value_x, value_w = x + inset + self.label_w, self.inner - self.label_w
        for labels, values, bold in self.rows:
            if not values:  # a remark under the row above, closer to it
                c.font(SMALL, color=MUTED)
                c.flow(x + inset, y - 1.0, self.inner, labels, SMALL_LINE)
                y += self._row_height(labels, values)
                continue
            # Label then value, line by line: the reading order of copied text.
            for i in range(max(len(labels), len(values))):
                if i < len(labels):
                    c.font(SMALL + 0.5, bold=bold, color=INK if bold else MUTED)
                    c.put(x + inset, y + i * SMALL_LINE, self.label_w - GAP, labels[i], h=SMALL_LINE)
                if i < len(values):
                    c.font(SMALL + 0.5, bold=bold)
                    line_y = y + i * SMALL_LINE
                    c.put(value_x, line_y, value_w, values[i], align=self.value_align, h=SMALL_LINE)
            y += self._row_height(labels, values)
        c.font(SMALL + 0.5)
        c.flow(x + inset, y, self.inner, self.text, SMALL_LINE)
