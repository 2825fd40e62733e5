"""“Copy last week”: plan the changes that carry last week's rows, hours and notes forward.

The plan is returned rather than applied so the grid can apply it as one undo step.
Holidays, cells that already hold time, locked cells, days outside a contract's period and
cells that would push a day past 24 hours are skipped; the plan says how many were skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from coapp.domain.durations import MINUTES_PER_DAY
from coapp.domain.public_holidays import holiday_name
from coapp.domain.weeks import IsoWeek
from coapp.services.sheets import CellChange, CopyMode
from coapp.services.timesheet import TimesheetService

__all__ = ["CopyMode", "CopyPlan", "plan_copy_last_week"]


@dataclass(frozen=True)
class CopyPlan:
    week: IsoWeek
    hidden_rows: frozenset[str]
    changes: tuple[CellChange, ...]
    skipped: int

    @property
    def empty(self) -> bool:
        return not self.changes


def plan_copy_last_week(
    timesheet: TimesheetService, week: IsoWeek, mode: CopyMode, country: str = "SE"
) -> CopyPlan:
    source = timesheet.week(week.shifted(-1))
    target = timesheet.week(week)
    source_rows = {r.contract.id for r in source.rows}
    target_cells = {r.contract.id: r.cells for r in target.rows}
    # This week shows last week's rows: a contract last week hid is hidden here too, unless it
    # holds time this week. A contract that had not started last week stays visible.
    hidden_last_week = {c.id for c in source.hidden}
    all_target = set(target_cells) | {c.id for c in target.hidden}
    hidden = frozenset(
        cid
        for cid in all_target
        if cid in hidden_last_week and cid not in source_rows and not _has_time(target_cells.get(cid))
    )
    if mode is CopyMode.ROWS:
        return CopyPlan(week, hidden, (), 0)

    day_totals = dict(zip(target.days, target.day_totals, strict=True))
    changes: list[CellChange] = []
    skipped = 0
    for row in source.rows:
        contract = row.contract
        for i, cell in enumerate(row.cells):
            if not cell.minutes:
                continue
            day = source.days[i] + timedelta(weeks=1)
            existing = target_cells.get(contract.id)
            if (
                not contract.active_on(day)
                or holiday_name(day, country) is not None
                or (existing is not None and (existing[i].minutes or existing[i].locked))
                or day_totals[day] + cell.minutes > MINUTES_PER_DAY
            ):
                skipped += 1
                continue
            note = cell.note if mode is CopyMode.HOURS_AND_NOTES else ""
            changes.append(CellChange(contract.id, day, cell.minutes, note))
            day_totals[day] += cell.minutes
    return CopyPlan(week, hidden, tuple(changes), skipped)


def _has_time(cells: tuple | None) -> bool:  # type: ignore[type-arg]
    return bool(cells) and any(c.minutes for c in cells)  # type: ignore[union-attr]
