"""Invoice lines from reported time: the contract's rounding rule, hours or days, per day or week.

Raw minutes stay what was reported; billed minutes are the raw ones after the contract's rule.
Hourly work bills hours (up to four decimals, so 7 minutes is 0.1167 h); daily work bills whole
and half days of the contract's length, at most one day per calendar day (a daily rate covers the
day, however long it was).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.errors import ValidationError
from coapp.domain.invoices import InvoiceLine, Unit, VatCategory, round_quantity
from coapp.domain.weeks import IsoWeek

HALF = Decimal("0.5")


class LineMode(StrEnum):
    PER_DAY = "day"
    PER_WEEK = "week"


@dataclass(frozen=True)
class TimeItem:
    day: date
    minutes: int
    note: str = ""


@dataclass(frozen=True)
class Terms:
    title: str
    fee_model: FeeModel
    rate: Decimal
    minutes_per_day: int
    rounding: RoundingRule


_TEXTS = {
    "sv": {"service": "Konsulttjänster", "week": "v."},
    "en": {"service": "Consulting services", "week": "week"},
}


def line_heading(title: str, language: str = "sv") -> str:
    """What every time line of an invoice bills, written once above them: "Konsulttjänster: <title>"."""
    texts = _TEXTS.get(language, _TEXTS["en"])
    return f"{texts['service']}: {title}"


def billed_days(minutes: int, minutes_per_day: int) -> Decimal:
    """Whole and half days, rounded half up, at most one per calendar day."""
    halves = (Decimal(minutes) * 2 / Decimal(minutes_per_day)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return min(halves * HALF, Decimal(1))


def hours(minutes: int) -> Decimal:
    return round_quantity(Decimal(minutes) / 60)


def build_time_lines(
    items: Sequence[TimeItem],
    terms: Terms,
    mode: LineMode,
    vat_rate: Decimal,
    vat_category: VatCategory,
    language: str = "sv",
) -> list[InvoiceLine]:
    if terms.fee_model is FeeModel.FIXED:
        raise ValidationError("a fixed-fee contract is invoiced by milestones, not by reported time")
    texts = _TEXTS.get(language, _TEXTS["en"])
    days = sorted((i for i in items if i.minutes > 0), key=lambda i: i.day)
    groups: list[list[TimeItem]]
    if mode is LineMode.PER_DAY:
        groups = [[i] for i in days]
    else:
        by_week: dict[IsoWeek, list[TimeItem]] = {}
        for item in days:
            by_week.setdefault(IsoWeek.of(item.day), []).append(item)
        groups = list(by_week.values())
    lines = []
    for group in groups:
        raw = sum(i.minutes for i in group)
        billed = sum(terms.rounding.apply(i.minutes) for i in group)
        if terms.fee_model is FeeModel.DAILY:
            quantity = sum(
                (billed_days(terms.rounding.apply(i.minutes), terms.minutes_per_day) for i in group),
                Decimal(0),
            )
            unit = Unit.DAY
        else:
            quantity, unit = hours(billed), Unit.HOUR
        first, last = group[0].day, group[-1].day
        # The service and contract are the document's line_heading, written once; a line says what
        # was done: the day's note (or its date when there is none), a week line names its week.
        notes = "; ".join(i.note.strip() for i in group if i.note.strip())
        if mode is LineMode.PER_DAY:
            text = notes or first.isoformat()
        else:
            week = f"{texts['week']} {IsoWeek.of(first).week}"
            text = f"{week}: {notes}" if notes else week
        lines.append(
            InvoiceLine(
                description=text,
                quantity=quantity,
                unit=unit,
                unit_price=terms.rate,
                vat_rate=vat_rate,
                vat_category=vat_category,
                first_day=first,
                last_day=last,
                raw_minutes=raw,
                billed_minutes=billed,
                notes=notes,
            )
        )
    return [line for line in lines if line.quantity > 0]
