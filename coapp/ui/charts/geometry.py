"""Where everything of a plot goes, in pixels, for one size and font: the plot area left after the
axis labels, the y ticks, every bar's rectangle (gathered by colour, so the painter fills each
colour's bars in one call), the lines' points and the x labels that fit without overlapping.

Computed once per size and data, not per paint: moving the pointer only repaints the band."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from coapp.ui.charts.series import Bars, ColorRef, Line, Rule
from coapp.ui.charts.ticks import decimals_of, nice_ticks, tick_label
from coapp.ui.theme import Space

LABEL_GAP = Space.M  # px at least between two x labels
BAR_SHARE = 0.62  # of an index's slot a stacked bar fills (grouped bars: GROUP_SHARE together)
GROUP_SHARE = 0.8


@dataclass(frozen=True)
class PlotData:
    count: int = 0  # positions along x
    bars: Sequence[Bars] = ()
    stacked: bool = True  # False: side by side within each index
    lines: Sequence[Line] = ()
    rules: Sequence[Rule] = ()
    labels: Sequence[tuple[int, str]] = ()  # x label candidates, by index; the ones that fit are shown
    fixed: tuple[float, float, tuple[Decimal, ...]] | None = None  # y from, to, ticks: a set scale


@dataclass
class Layout:
    area: QRectF
    slot: float  # px per index
    y_labels: list[tuple[float, str]] = field(default_factory=list)  # (y px, text)
    bars: dict[ColorRef, list[QRectF]] = field(default_factory=dict)
    lines: list[tuple[Line, list[list[QPointF]]]] = field(default_factory=list)
    rules: list[tuple[Rule, float]] = field(default_factory=list)
    x_labels: list[tuple[QRectF, str]] = field(default_factory=list)
    zero: float | None = None  # the y px of 0, when 0 is on the scale

    def slot_rect(self, index: int) -> QRectF:
        left = self.area.left() + index * self.slot
        return QRectF(left, self.area.top(), self.slot, self.area.height())


def value_range(data: PlotData) -> tuple[float, float]:
    """The lowest and highest value drawn, 0 included (bars grow from 0)."""
    low = high = 0.0
    if data.stacked and data.bars:
        for i in range(data.count):
            column = [b.values[i] for b in data.bars]
            high = max(high, sum(v for v in column if v > 0))
            low = min(low, sum(v for v in column if v < 0))
    else:
        for b in data.bars:
            high, low = max(high, *b.values, 0.0), min(low, *b.values, 0.0)
    for line in data.lines:
        values = [v for v in line.values if v is not None]
        if values:
            high, low = max(high, *values), min(low, *values)
    for rule in data.rules:
        high, low = max(high, rule.value), min(low, rule.value)
    return low, high


def lay_out(data: PlotData, width: int, height: int, fm: QFontMetricsF, group: str, point: str) -> Layout:
    line_h = fm.height()
    top, bottom = line_h / 2 + 2, line_h + Space.S
    most = max(3, min(7, int((height - top - bottom) / (line_h * 2.4)) + 1))
    if data.fixed is not None:
        y0, y1, ticks = data.fixed
    else:
        ticks = nice_ticks(*value_range(data), most=most)
        y0, y1 = float(ticks[0]), float(ticks[-1])
    decimals = decimals_of(ticks) if data.fixed is None else 0
    texts = [tick_label(t, decimals, group, point) for t in ticks]
    left = max(fm.horizontalAdvance(t) for t in texts) + Space.S
    area = QRectF(left, top, max(1.0, width - left - Space.S), max(1.0, height - top - bottom))
    layout = Layout(area, area.width() / max(1, data.count))
    span = (y1 - y0) or 1.0

    def y_of(value: float) -> float:
        return area.bottom() - (value - y0) / span * area.height()

    layout.y_labels = [(y_of(float(t)), text) for t, text in zip(ticks, texts, strict=True)]
    layout.zero = y_of(0.0) if y0 <= 0 <= y1 else None
    _bars(data, layout, y_of)
    for line in data.lines:
        runs: list[list[QPointF]] = [[]]
        for i, v in enumerate(line.values):
            if v is None:
                runs.append([])
            else:
                x = area.left() + (i + 0.5 + line.shift) * layout.slot
                runs[-1].append(QPointF(x, y_of(v)))
        layout.lines.append((line, [r for r in runs if r]))
    layout.rules = [(rule, y_of(rule.value)) for rule in data.rules]
    layout.x_labels = _x_labels(data.labels, layout, fm, width)
    return layout


def _bars(data: PlotData, layout: Layout, y_of) -> None:  # type: ignore[no-untyped-def]
    area, slot = layout.area, layout.slot
    kinds = 1 if data.stacked else max(1, len(data.bars))
    share = BAR_SHARE if data.stacked and kinds == 1 else GROUP_SHARE
    # Narrow slots (years of weeks) fill the slot: the bars read as an area, not as noise.
    pad = max(1.0, slot * (1 - share) / 2) if slot >= 4 else 0.0
    inner = (slot - 2 * pad) / kinds
    gap = 1.0 if inner >= 4 else 0.0
    ups = [0.0] * data.count
    downs = [0.0] * data.count
    for k, bar in enumerate(data.bars):
        for i, value in enumerate(bar.values[: data.count]):
            if not value:
                continue
            if data.stacked:
                base = ups[i] if value > 0 else downs[i]
                (ups if value > 0 else downs)[i] = base + value
                x0, x1 = area.left() + i * slot + pad, area.left() + (i + 1) * slot - pad
            else:
                base = 0.0
                x0 = area.left() + i * slot + pad + k * inner
                x1 = x0 + inner - gap
            xa, xb = round(x0), max(round(x1), round(x0) + 1)
            ya, yb = round(y_of(base + value)), round(y_of(base))
            rect = QRectF(xa, min(ya, yb), xb - xa, max(1, abs(yb - ya)))
            layout.bars.setdefault(bar.color_at(i), []).append(rect)


def _x_labels(
    candidates: Sequence[tuple[int, str]], layout: Layout, fm: QFontMetricsF, width: int
) -> list[tuple[QRectF, str]]:
    """Every k-th candidate, k the smallest that keeps LABEL_GAP between neighbours; each label
    centred under its index, moved inward rather than clipped at the ends."""
    top = layout.area.bottom() + Space.XS
    placed = []
    for index, text in candidates:
        w = fm.horizontalAdvance(text)
        centre = layout.area.left() + (index + 0.5) * layout.slot
        left = min(max(0.0, centre - w / 2), width - w)
        placed.append((QRectF(left, top, w, fm.height()), text))
    for k in range(1, len(placed) + 1):
        kept = placed[::k]
        if all(b[0].left() - a[0].right() >= LABEL_GAP for a, b in pairwise(kept)):
            return kept
    return []
