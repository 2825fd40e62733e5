"""Plain values the screens and the CLI receive: contracts, cells and weeks.

Free of SQLAlchemy on purpose: the start-up path builds the first week from these with the
standard library's sqlite3 (see coapp.services.quick_start) and paints before the ORM is loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.money import basis_points_to_percent, from_minor
from coapp.domain.weeks import IsoWeek

MAX_NOTE = 2000


@dataclass(frozen=True)
class ContractInfo:
    id: str
    client_name: str
    title: str
    fee_model: FeeModel
    rate: Decimal
    currency: str
    commission_percent: Decimal
    start_date: date
    end_date: date | None
    minutes_per_day: int
    rounding: RoundingRule

    def active_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)

    def overlaps(self, first: date, last: date) -> bool:
        return self.start_date <= last and (self.end_date is None or self.end_date >= first)

    @property
    def display_name(self) -> str:
        return f"{self.title} ({self.client_name})"


def contract_from_values(
    id: str,
    client_name: str,
    title: str,
    fee_model: str,
    rate_minor: int,
    currency: str,
    commission_bp: int,
    start_date: date | str,
    end_date: date | str | None,
    minutes_per_day: int,
    rounding_rule: str,
) -> ContractInfo:
    """A ContractInfo from stored column values (ORM attributes or raw sqlite3 rows)."""
    return ContractInfo(
        id=id,
        client_name=client_name,
        title=title,
        fee_model=FeeModel(fee_model),
        rate=from_minor(rate_minor, currency),
        currency=currency,
        commission_percent=basis_points_to_percent(commission_bp),
        start_date=_as_date(start_date),
        end_date=None if end_date is None else _as_date(end_date),
        minutes_per_day=minutes_per_day,
        rounding=RoundingRule.parse(rounding_rule),
    )


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


@dataclass(frozen=True)
class Cell:
    minutes: int = 0
    note: str = ""
    locked: bool = False


EMPTY = Cell()


@dataclass(frozen=True)
class CellChange:
    """The full new content of one cell; minutes 0 clears the entry (its note too)."""

    contract_id: str
    work_date: date
    minutes: int
    note: str = ""


@dataclass(frozen=True)
class WeekRow:
    contract: ContractInfo
    cells: tuple[Cell, ...]

    @property
    def total(self) -> int:
        return sum(c.minutes for c in self.cells)


@dataclass(frozen=True)
class WeekSheet:
    week: IsoWeek
    rows: tuple[WeekRow, ...]
    hidden: tuple[ContractInfo, ...] = ()
    days: tuple[date, ...] = field(default=())

    @property
    def day_totals(self) -> tuple[int, ...]:
        return tuple(sum(r.cells[i].minutes for r in self.rows) for i in range(7))

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rows)


class CopyMode(StrEnum):
    ROWS = "rows"  # which contracts the week shows
    HOURS = "hours"  # rows and hours
    HOURS_AND_NOTES = "notes"  # rows, hours and notes


def build_week_sheet(
    week: IsoWeek,
    contracts: Sequence[ContractInfo],
    entries: Iterable[tuple[str, date | str, int, str, str | None]],
    hidden_ids: set[str],
) -> WeekSheet:
    """Assemble a week from its active contracts, live entries and hidden rows."""
    days = week.days()
    first = days[0]
    cells: dict[str, list[Cell]] = {c.id: [EMPTY] * 7 for c in contracts}
    for contract_id, work_date, minutes, note, invoice_id in entries:
        if contract_id in cells:
            cells[contract_id][(_as_date(work_date) - first).days] = Cell(
                minutes, note, invoice_id is not None
            )
    rows, hidden = [], []
    for c in contracts:
        has_time = any(cell.minutes for cell in cells[c.id])
        if c.id in hidden_ids and not has_time:
            hidden.append(c)
        else:
            rows.append(WeekRow(c, tuple(cells[c.id])))
    return WeekSheet(week, tuple(rows), tuple(hidden), tuple(days))
