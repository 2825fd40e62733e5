"""What a plot shows: bars, lines and horizontal rules, with their colours named, not given.

A colour is a series index (the theme's chart series, in order) or a token of coapp.ui.theme.Colors
("muted", "text"); the plot resolves it when it paints, so a change of scheme repaints in the new
colours without the chart drawing again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor

from coapp.ui.theme import Colors

ColorRef = int | str


def resolve(ref: ColorRef, colors: Colors) -> QColor:
    if isinstance(ref, int):
        return QColor(colors.series[ref % len(colors.series)])
    return QColor(getattr(colors, ref))


@dataclass(frozen=True)
class Bars:
    """One value per index: stacked on, or grouped beside, the plot's other bars."""

    values: Sequence[float]
    color: ColorRef | Sequence[ColorRef]  # one for all, or one per index

    def color_at(self, index: int) -> ColorRef:
        if isinstance(self.color, (int, str)):
            return self.color
        return self.color[index]


@dataclass(frozen=True)
class Line:
    """Values joined by a line (broken where a value is None), with or without point markers."""

    values: Sequence[float | None]
    color: ColorRef
    width: float = 2.0
    dashed: bool = False
    points: float = 0.0  # the markers' diameter in px; 0: none
    joined: bool = True  # False: the points alone
    shift: float = 0.0  # along x, as a share of one index's slot (dots of one index kept apart)


@dataclass(frozen=True)
class Rule:
    """A horizontal reference line across the plot (100 %, say)."""

    value: float
    color: ColorRef = "muted"
