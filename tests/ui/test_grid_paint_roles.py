"""What the delegate paints a cell with comes from that cell only.

Qt's item delegate asks for all of a cell's roles in one multiData call and reuses its buffer from
cell to cell; a role a cell lacks must be cleared, or the previous cell's note mark and shade are
painted on it too (seen: a note mark on every cell of the week, the totals row included).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QStyleOptionViewItem

from coapp.services.timesheet import CellChange
from tests.conftest import make_contract
from tests.ui.helpers import grid_of

WEEK48 = [date(2026, 11, 23) + timedelta(days=i) for i in range(7)]


def _painted(grid, row: int, column: int) -> QStyleOptionViewItem:  # type: ignore[no-untyped-def]
    option = QStyleOptionViewItem()
    grid.itemDelegate().initStyleOption(option, grid.model().index(row, column))
    return option


def test_only_cells_with_a_note_carry_its_mark(qtbot, ctx, open_window) -> None:  # type: ignore[no-untyped-def]
    contract = make_contract(ctx)
    ctx.timesheet.apply(
        [CellChange(contract.id, WEEK48[0], 240, "workshop"), CellChange(contract.id, WEEK48[1], 60)]
    )
    window = open_window()
    grid = grid_of(window)
    model = grid.model()
    assert not _painted(grid, 0, 0).icon.isNull()  # the note's mark
    assert _painted(grid, 0, 1).icon.isNull()  # time without a note, right after a noted cell
    assert _painted(grid, 0, 2).icon.isNull()
    total_row = model.rowCount() - 1
    assert _painted(grid, total_row, 0).icon.isNull()
