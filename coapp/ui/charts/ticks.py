"""Nice axis ticks: steps of 1, 2 or 5 × 10^n, computed in Decimal so a label never reads
0.30000000000000004, and the labels written with the language's digit grouping and decimal point.

Pure functions (no Qt): property-tested in tests/ui/test_chart_ticks.py."""

from __future__ import annotations

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

MANTISSAS = (1, 2, 5)


def nice_ticks(low: float, high: float, most: int = 6) -> tuple[Decimal, ...]:
    """Ascending ticks, evenly spaced by a nice step, the first ≤ *low* and the last ≥ *high*, at
    most *most* of them (at least 3 are allowed for: a range across zero needs a tick each side)."""
    if most < 3:
        raise ValueError("at least 3 ticks are needed to cover any range")
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("the range must be finite")
    lo, hi = Decimal(repr(float(min(low, high)))), Decimal(repr(float(max(low, high))))
    if lo == hi:  # one value: from zero to it (0–1 for zero itself)
        lo, hi = min(lo, Decimal(0)), max(hi, Decimal(0))
        if lo == hi:
            hi = Decimal(1)
    exponent = ((hi - lo) / (most - 1)).adjusted() - 1
    while True:
        for mantissa in MANTISSAS:
            step = Decimal(mantissa).scaleb(exponent)
            first = (lo / step).to_integral_value(rounding=ROUND_FLOOR)
            last = (hi / step).to_integral_value(rounding=ROUND_CEILING)
            if last - first + 1 <= most:
                return tuple((first + k) * step + 0 for k in range(int(last - first) + 1))
        exponent += 1


def decimals_of(ticks: tuple[Decimal, ...]) -> int:
    """The decimals the ticks need to be told apart: none for whole steps, one for 0.5, ..."""
    if len(ticks) < 2:
        return 0
    step = (ticks[1] - ticks[0]).normalize()
    return max(0, -int(step.as_tuple().exponent))


def tick_label(value: Decimal, decimals: int, group: str, point: str) -> str:
    """*value* with *decimals* decimals, thousands grouped by *group*, the decimal mark *point*:
    3 870 000 in Swedish (a no-break space), 3,870,000 in English."""
    text = f"{value + 0:,.{decimals}f}"  # + 0: never "-0"
    return text.replace(",", "\0").replace(".", point).replace("\0", group)
