"""Undo steps for the grid. Each step is applied once through the service before it is pushed,
so a refused edit never reaches the undo stack; later redo/undo re-apply the same values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from coapp.domain.weeks import IsoWeek
from coapp.services.sheets import CellChange


@dataclass(frozen=True)
class WeekEdit:
    """Cell contents and (optionally) the week's hidden rows, as one reversible change."""

    week: IsoWeek
    cells: tuple[CellChange, ...] = ()
    hidden_rows: frozenset[str] | None = None


Applier = Callable[[WeekEdit], None]


class WeekEditCommand(QUndoCommand):
    def __init__(self, text: str, after: WeekEdit, before: WeekEdit, apply: Applier) -> None:
        super().__init__(text)
        self._after, self._before, self._apply = after, before, apply
        self._applied_once = True  # pushed after a successful first apply

    def redo(self) -> None:
        if self._applied_once:
            self._applied_once = False
            return
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)
