"""A contract as an A4 PDF (issue 11), drawn with fpdf2 in the invoice's type and geometry.

Top: the title, the assignment and the facts (state, terms version, printed on); then the parties
side by side (stacked when one of them is too long for a page), the scope, the terms, the figures so
far (the commission as rate and money with its VAT, the payout, a fixed fee's budget), the
milestones, the state and the signature. Every page has a footer with "page n of N".

Every text from the platform or from a person (names, title, scope, reasons) is only ever text:
control and format characters are replaced before it reaches the page (fpdf2 draws no markup unless
asked, and we never ask), and every such text is wrapped to its column, so nothing is clipped.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from coapp.documents import pdf_fonts  # one font cache for every document
from coapp.documents.contract_pdf_milestones import MilestonesTable
from coapp.documents.contract_pdf_parties import draw_parties, party_lines
from coapp.documents.contract_pdf_shapes import Business, ContractSheet
from coapp.documents.contract_pdf_texts import ContractTexts, contract_texts, printable
from coapp.documents.invoice_pdf_canvas import (
    ACCENT,
    BODY,
    BOTTOM_MARGIN,
    LEFT,
    LINE,
    MUTED,
    PAGE_H,
    RIGHT,
    SHADE,
    SMALL,
    SMALL_LINE,
    TINY,
    TINY_LINE,
    TOP,
    WIDTH,
    Canvas,
)
from coapp.documents.money_format import (
    NBSP,
    format_date,
    format_minutes,
    format_money,
    format_quantity,
)
from coapp.documents.money_format import format_percent as percent
from coapp.domain.contract_states import ContractState
from coapp.domain.contracts import FeeModel, RoundingMode
from coapp.domain.invoices import Party

SIDE_W = 80.0  # the facts beside the title
SIDE_X = RIGHT - SIDE_W
LABEL_W = 58.0  # the labels of the terms and the figures
COLUMN_GAP = 7.0


def _stamp(at: datetime, texts: ContractTexts, language: str) -> str:
    """A signature's moment in UTC: the platform's clock, the same on every device."""
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return texts.moment.format(date=format_date(at.date(), language), time=f"{at:%H:%M}")


class ContractLayout:
    def __init__(
        self, pdf: Any, view: ContractSheet, freelancer: Business | None, platform: Party | None,
        language: str, today: date,
    ) -> None:  # fmt: skip
        self.c = Canvas(pdf)
        self.v, self.lang, self.t = view, language, contract_texts(language)
        self.freelancer, self.platform, self.today = freelancer, platform, today
        self.title = printable(view.info.title)
        self.table = MilestonesTable(self.c, self.t, language, view.info.currency)
        pdf.on_header, pdf.on_footer = self._page_header, self._page_footer

    def draw(self) -> None:
        self.c.pdf.add_page()
        y = self._top()
        y = draw_parties(self.c, y + 6, party_lines(self.t, self.v, self.freelancer, self.platform))
        y = self._scope(y + 5)
        y = self._rows(y + 5, self.t.terms, self._terms())
        y = self._rows(y + 5, self.t.figures, self._figures())
        if self.v.milestones:
            y = self._heading(y + 5, self.t.milestones)
            y = self.table.draw(y, self.v.milestones)
        y = self._rows(y + 4, self.t.status, self._status())
        self._signature(y + 4)

    # --- every page ---

    def _page_header(self) -> None:
        c = self.c
        if c.page == 1:
            c.page_top = TOP
            return
        c.font(SMALL, color=MUTED)
        head = c.wrap(f"{self.t.title} · {self.title}", WIDTH)[0]
        c.put(LEFT, 10, WIDTH, head, h=SMALL_LINE)
        c.rule(14.5)
        c.page_top = 19.0
        if self.table.active:  # the milestones' column titles on every page they run over
            c.page_top = self.table.titles(c.page_top, continued=True)

    def _page_footer(self) -> None:
        c, t = self.c, self.t
        y = PAGE_H - 17
        c.rule(y)
        c.font(TINY, color=MUTED)
        left = f"{t.title} · {self.title} · {t.printed.format(date=format_date(self.today, self.lang))}"
        for i, line in enumerate(c.wrap(left, WIDTH - 40)[:2]):
            c.put(LEFT, y + 1.8 + i * TINY_LINE, WIDTH - 40, line, h=TINY_LINE)
        # fpdf2 fills in the page count at the end: measure with this page's number standing in.
        page = c.page
        width = c.width_of(t.page.format(page=page, pages=page))
        c.put(RIGHT - width, y + 1.8, width, t.page.format(page=page, pages="{nb}"), h=TINY_LINE)

    # --- the blocks ---

    def _top(self) -> float:
        c, t, v = self.c, self.t, self.v
        c.font(20, bold=True, color=ACCENT)
        c.put(LEFT, TOP, SIDE_X - LEFT, t.title, h=9)
        c.font(BODY + 3, bold=True)
        left = c.flow(LEFT, TOP + 11, SIDE_X - LEFT - 6, c.wrap(self.title, SIDE_X - LEFT - 6), 6)
        facts = [
            (t.status, t.states.get(v.state, v.state.value)),
            ("", t.terms_version.format(version=v.terms_version)),
            ("Id", v.info.id),
            ("", t.printed.format(date=format_date(self.today, self.lang))),
        ]
        y = TOP + 1.5
        for label, value in facts:
            c.font(SMALL, color=MUTED)
            c.put(SIDE_X, y + 0.3, 14, label)
            c.font(SMALL + 0.5, bold=label == t.status)
            y = c.flow(SIDE_X + 14, y, SIDE_W - 14, c.wrap(value, SIDE_W - 14), SMALL_LINE + 0.4) + 0.4
        return max(left, y)

    def _heading(self, y: float, text: str, below: float = 2 * LINE) -> float:
        c = self.c
        y = c.ensure_room(y, LINE + 3 + below)  # a heading never stands alone at a page's foot
        c.font(BODY + 1.5, bold=True, color=ACCENT)
        c.put(LEFT, y, WIDTH, text, h=LINE + 1)
        c.rule(y + LINE + 1.5)
        return y + LINE + 3

    def _scope(self, y: float) -> float:
        c, t = self.c, self.t
        scope = printable(self.v.scope, lines=True)
        y = self._heading(y, t.assignment if not scope else f"{t.assignment}: {t.scope.lower()}")
        c.font(BODY)
        return c.flow(LEFT, y, WIDTH, c.wrap(scope or "—", WIDTH), LINE)

    def _rows(self, y: float, heading: str, rows: list[tuple[str, str, bool]]) -> float:
        """A heading, then each label with its value beside it (wrapped, continued on a new page)."""
        c = self.c
        y = self._heading(y, heading)
        for label, value, bold in rows:
            c.font(BODY, bold=bold)
            values = c.wrap(value, WIDTH - LABEL_W) or ["—"]
            c.font(SMALL + 0.5, color=MUTED)
            labels = c.wrap(label, LABEL_W - 3)
            y = c.ensure_room(y, max(len(labels), 1) * LINE)
            c.flow(LEFT, y + 0.3, LABEL_W - 3, labels, LINE)
            c.font(BODY, bold=bold)
            y = max(c.flow(LEFT + LABEL_W, y, WIDTH - LABEL_W, values, LINE), y + len(labels) * LINE) + 0.8
        return y

    def _money(self, amount: Decimal) -> str:
        return format_money(amount, self.v.info.currency, self.lang)

    def _terms(self) -> list[tuple[str, str, bool]]:
        t, v, info, lang = self.t, self.v, self.v.info, self.lang
        end = format_date(info.end_date, lang) if info.end_date else t.until_further_notice
        rows = [(t.period, f"{format_date(info.start_date, lang)}{NBSP}– {end}", False)]
        if v.original_end_date is not None and v.original_end_date != info.end_date:
            rows.append((t.original_end, format_date(v.original_end_date, lang), False))
        if v.ended_on is not None:
            rows.append((t.ended_on, format_date(v.ended_on, lang), False))
        rows.append((t.fee_model, t.fee_models.get(info.fee_model, str(info.fee_model)), False))
        rate = t.per_unit.get(info.fee_model, "{amount}").format(amount=self._money(info.rate))
        rows.append((t.rate, rate, True))
        if info.fee_model is not FeeModel.FIXED:  # a fixed fee bills no time
            per_day = format_quantity(Decimal(info.minutes_per_day) / 60, lang)
            rows.append((t.hours_per_day, t.hours.format(hours=per_day), False))
            rows.append((t.rounding, self._rounding(), False))
        rows.append((t.payment_terms, t.days.format(days=v.payment_terms_days), False))
        rows.append((t.commission_rate, percent(info.commission_percent, lang), False))
        return rows

    def _rounding(self) -> str:
        rule, t = self.v.info.rounding, self.t
        if rule.mode is RoundingMode.NONE or rule.step == 1:
            return t.rounding_none
        return t.rounding_rule[rule.mode].format(step=rule.step, scope=t.rounding_scope[rule.scope])

    def _figures(self) -> list[tuple[str, str, bool]]:
        t, f, lang = self.t, self.v.figures, self.lang
        hours = [(t.reported, f.reported_minutes), (t.invoiced, f.invoiced_minutes)]
        rows = [(label, t.hours.format(hours=format_minutes(m)), False) for label, m in hours]
        rows.append((t.agreement_value, self._money(f.agreement_value), False))
        rows.append((t.vat, self._money(f.vat), False))
        commission = t.commission.format(rate=percent(f.commission_rate, lang))
        rows.append((commission, self._money(f.commission), False))
        if f.commission_reverse_charge:
            rows.append((t.commission_vat_reverse, self._money(f.commission_vat), False))
        else:
            label = t.commission_vat.format(rate=percent(f.commission_vat_rate, lang))
            rows.append((label, self._money(f.commission_vat), False))
        rows.append((t.payout, self._money(f.payout), True))
        for label, value in ((t.budget, f.budget), (t.milestones_total, f.milestones_total),
                             (t.budget_left, f.budget_left)):  # fmt: skip
            if value is not None:
                rows.append((label, self._money(value), label == t.budget_left))
        return rows

    def _status(self) -> list[tuple[str, str, bool]]:
        v, t = self.v, self.t
        rows = [(t.status, t.states.get(v.state, v.state.value), True)]
        if v.state_reason.strip():
            rows.append((t.reason, printable(v.state_reason, lines=True), False))
        return rows

    # --- signature ---

    def _signature(self, y: float) -> float:
        c, t, v = self.c, self.t, self.v
        version = v.signed_terms_version or v.terms_version
        if v.signed_at is not None and (name := printable(v.signed_name)):
            text = t.signed.format(name=name, at=_stamp(v.signed_at, t, self.lang), version=version)
        elif v.signed_at is not None:
            text = t.signed_elsewhere.format(at=_stamp(v.signed_at, t, self.lang), version=version)
        elif v.offered_at is not None or v.state is ContractState.OFFERED:
            text = t.offer_unsigned
        else:
            text = t.own_contract
        c.font(BODY + 1, bold=True)
        lines = c.wrap(text, WIDTH - 8)
        height = len(lines) * (LINE + 0.6) + 5
        boxed = height <= PAGE_H - BOTTOM_MARGIN - c.page_top - LINE - 3  # else it flows on, unboxed
        y = self._heading(y, t.signature, below=height if boxed else 2 * LINE)
        if boxed:
            c.fill(LEFT, y, WIDTH, height, SHADE)
            c.fill(LEFT, y, 1.2, height, ACCENT)
        c.font(BODY + 1, bold=True)
        return c.flow(LEFT + 4.5, y + 2.5, WIDTH - 8, lines, LINE + 0.6) + 2.5


def contract_pdf(
    view: ContractSheet,
    freelancer: Business | None,
    language: str = "sv",
    today: date | None = None,
    *,
    platform: Party | None = None,
) -> bytes:
    """The contract as PDF bytes, in Swedish or English (any other language: English). *view* is a
    coapp.services.contract_view.ContractView and *freelancer* a BusinessInfo (see
    contract_pdf_shapes); *platform* the party a platform contract names (coapp.services.platform).
    *today* is the date printed on it; the same inputs always give the same bytes."""
    today = today or date.today()
    pdf = pdf_fonts.pdf_class()(orientation="P", unit="mm", format="A4")
    pdf_fonts.FONTS.add_fonts(pdf)
    pdf.set_margins(LEFT, TOP, LEFT)
    pdf.set_auto_page_break(True, margin=BOTTOM_MARGIN)
    pdf.alias_nb_pages("{nb}")
    texts: ContractTexts = contract_texts(language)
    pdf.set_title(f"{texts.title} {printable(view.info.title)[:200]}".strip())
    if freelancer is not None and printable(freelancer.name):
        pdf.set_author(printable(freelancer.name)[:200])
    pdf.set_creator("coapp")
    pdf.set_lang("sv-SE" if language == "sv" else "en")
    pdf.set_creation_date(datetime.combine(today, time(0), tzinfo=UTC))  # not the clock: same bytes
    ContractLayout(pdf, view, freelancer, platform, language, today).draw()
    return bytes(pdf.output())
