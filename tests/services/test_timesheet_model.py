"""The timesheet against a model: random batches, locks and undos, checked after every step.

The model is a dict of cells and the rules written out plainly. Every batch is either applied in
full (and returns what the cells held) or refused with a ValidationError and changes nothing; one
outbox record is written per cell whose content changed, none for the rest.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import func, select

from coapp.app.context import AppContext
from coapp.domain.durations import MINUTES_PER_DAY
from coapp.domain.errors import LockedError, ValidationError
from coapp.domain.weeks import IsoWeek
from coapp.models import OutboxRecord, TimeEntry
from coapp.models.time_entries import entry_id
from coapp.services.timesheet import CellChange
from tests.conftest import make_contract

FIRST = date(2026, 11, 23)  # a Monday
DAYS = [FIRST + timedelta(days=i) for i in range(10)]
WEEKS = sorted({IsoWeek.of(d) for d in DAYS})
SHORT_PERIOD = (DAYS[2], DAYS[6])

Key = tuple[str, date]


class TimesheetMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="coapp-model-"))
        self.ctx = AppContext.open(self.folder)
        self.long = make_contract(self.ctx, "Long").id
        self.short = make_contract(self.ctx, "Short", start_date=SHORT_PERIOD[0], end_date=SHORT_PERIOD[1]).id
        self.cells: dict[Key, tuple[int, str]] = {}
        self.locked: set[Key] = set()
        self.undo: list[CellChange] | None = None

    def teardown(self) -> None:
        self.ctx.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- the rules, written out ------------------------------------------------------------

    def active(self, contract_id: str, day: date) -> bool:
        return contract_id == self.long or SHORT_PERIOD[0] <= day <= SHORT_PERIOD[1]

    def expected_error(self, batch: list[CellChange]) -> type[ValidationError] | None:
        last: dict[Key, CellChange] = {}
        for ch in batch:
            last[(ch.contract_id, ch.work_date)] = ch
        for key, ch in last.items():
            if not 0 <= ch.minutes <= MINUTES_PER_DAY:
                return ValidationError
            if ch.minutes == 0 and ch.note.strip():
                return ValidationError
            if key in self.locked and self.cells.get(key) != (ch.minutes, ch.note):
                return LockedError
            if ch.minutes and not self.active(*key):
                return ValidationError
        totals: dict[date, int] = defaultdict(int)
        for (cid, day), (minutes, _) in self.cells.items():
            if (cid, day) not in last:
                totals[day] += minutes
        for (_, day), ch in last.items():
            totals[day] += ch.minutes
        if any(total > MINUTES_PER_DAY for total in totals.values()):
            return ValidationError
        return None

    def outbox_count(self) -> int:
        with self.ctx.store.read() as s:
            return (
                s.scalar(
                    select(func.count()).select_from(OutboxRecord).where(OutboxRecord.entity == "time_entry")
                )
                or 0
            )

    # --- steps -------------------------------------------------------------------------------

    changes = st.builds(
        lambda contract, day, minutes, note: (contract, day, minutes, note if minutes > 0 else ""),
        st.sampled_from(["long", "short"]),
        st.sampled_from(DAYS),
        st.sampled_from([0, 0, 1, 30, 450, 480, 700, 1000, MINUTES_PER_DAY, -1, MINUTES_PER_DAY + 1]),
        st.sampled_from(["", "", "design", " "]),
    )

    @rule(raw=st.lists(changes, min_size=1, max_size=4), note_without_time=st.booleans())
    def apply(self, raw: list[tuple[str, date, int, str]], note_without_time: bool) -> None:
        batch = [CellChange(self.long if c == "long" else self.short, d, m, n) for c, d, m, n in raw]
        if note_without_time:
            first = batch[0]
            batch[0] = CellChange(first.contract_id, first.work_date, 0, "orphan note")
        self.run(batch)

    @precondition(lambda self: self.undo is not None)
    @rule()
    def undo_last(self) -> None:
        assert self.undo is not None
        self.run(self.undo)

    @precondition(lambda self: bool(set(self.cells) - self.locked))
    @rule(data=st.data())
    def lock(self, data: st.DataObject) -> None:
        # Ordered by the contract's role, not its random id: the same draws must pick the same cell
        # when Hypothesis replays an example (else it reports the strategy as flaky).
        order = {self.long: 0, self.short: 1}
        free = sorted(set(self.cells) - self.locked, key=lambda k: (order[k[0]], k[1]))
        key = data.draw(st.sampled_from(free))
        with self.ctx.store.write() as s:
            row = s.get(TimeEntry, entry_id(*key))
            assert row is not None
            row.invoice_id = "invoice"
        self.locked.add(key)

    def run(self, batch: list[CellChange]) -> None:
        error = self.expected_error(batch)
        before_outbox = self.outbox_count()
        if error is not None:
            try:
                self.ctx.timesheet.apply(batch)
            except error:
                pass
            else:
                raise AssertionError(f"{batch} should have been refused with {error.__name__}")
            assert self.outbox_count() == before_outbox
            return

        last: dict[Key, CellChange] = {}
        for ch in batch:
            last[(ch.contract_id, ch.work_date)] = ch
        expected_previous = [CellChange(cid, day, *self.cells.get((cid, day), (0, ""))) for cid, day in last]
        changed = 0
        for key, ch in last.items():
            new = (ch.minutes, ch.note) if ch.minutes else None
            if self.cells.get(key) != new:
                changed += 1
            if new is None:
                self.cells.pop(key, None)
            else:
                self.cells[key] = new

        previous = self.ctx.timesheet.apply(batch)

        assert previous == expected_previous
        assert self.outbox_count() == before_outbox + changed
        self.undo = previous

    # --- what must always hold -----------------------------------------------------------------

    @invariant()
    def the_weeks_show_the_model(self) -> None:
        seen: dict[Key, tuple[int, str, bool]] = {}
        for week in WEEKS:
            sheet = self.ctx.timesheet.week(week)
            for row in sheet.rows:
                for day, cell in zip(sheet.days, row.cells, strict=True):
                    if cell.minutes:
                        seen[(row.contract.id, day)] = (cell.minutes, cell.note, cell.locked)
            assert all(total <= MINUTES_PER_DAY for total in sheet.day_totals)
        expected = {key: (m, n, key in self.locked) for key, (m, n) in self.cells.items()}
        assert seen == expected


TimesheetMachine.TestCase.settings = settings(max_examples=30, stateful_step_count=25, deadline=None)
test_timesheet_follows_the_model = TimesheetMachine.TestCase
