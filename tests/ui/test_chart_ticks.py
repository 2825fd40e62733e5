"""The y axis's ticks: nice steps (1, 2 or 5 × 10^n), ascending, covering the data, at most the
number asked for, the smallest nice step that fits, and labels without float noise, grouped the
language's way."""

from __future__ import annotations

import math
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.ui.charts.ticks import decimals_of, nice_ticks, tick_label

values = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
mosts = st.integers(min_value=3, max_value=12)


def _step(ticks: tuple[Decimal, ...]) -> Decimal:
    return ticks[1] - ticks[0]


@given(values, values, mosts)
def test_ticks_are_ascending_evenly_spaced_and_cover_the_range(a: float, b: float, most: int) -> None:
    low, high = min(a, b), max(a, b)
    ticks = nice_ticks(low, high, most)
    assert 2 <= len(ticks) <= most
    assert all(x < y for x, y in pairwise(ticks))
    assert ticks[0] <= Decimal(repr(low))
    assert ticks[-1] >= Decimal(repr(high))
    step = _step(ticks)
    assert all(y - x == step for x, y in pairwise(ticks))
    mantissa = step.scaleb(-step.adjusted()).normalize()
    assert mantissa in (1, 2, 5)


@given(values, values, mosts)
def test_the_step_is_the_smallest_nice_one_that_fits(a: float, b: float, most: int) -> None:
    low, high = min(a, b), max(a, b)
    if low == high:
        return  # one value: the range is made up around it
    step = _step(nice_ticks(low, high, most))
    mantissa, exponent = int(step.scaleb(-step.adjusted())), step.adjusted()
    smaller = {
        1: Decimal(5).scaleb(exponent - 1),
        2: Decimal(1).scaleb(exponent),
        5: Decimal(2).scaleb(exponent),
    }
    finer = smaller[mantissa]
    count = math.ceil(Decimal(repr(high)) / finer) - math.floor(Decimal(repr(low)) / finer) + 1
    assert count > most


@given(values, values, mosts, st.sampled_from([("\u00a0", ","), (",", ".")]))
def test_labels_read_back_as_the_tick_exactly(a: float, b: float, most: int, style: tuple[str, str]) -> None:
    group, point = style
    ticks = nice_ticks(min(a, b), max(a, b), most)
    decimals = decimals_of(ticks)
    for tick in ticks:
        label = tick_label(tick, decimals, group, point)
        assert "e" not in label.lower()
        assert not label.startswith("-0") or tick < 0
        assert Decimal(label.replace(group, "").replace(point, ".")) == tick
        if point in label:  # never more decimals than the step has: no 0.30000000000000004
            assert len(label.split(point)[1]) == decimals


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 3_870_000, ("0", "1 000 000", "2 000 000", "3 000 000", "4 000 000")),
        (0, 0.3, ("0,0", "0,1", "0,2", "0,3")),
        (0, 148.7, ("0", "50", "100", "150")),
        (0, 0, ("0,0", "0,2", "0,4", "0,6", "0,8", "1,0")),
        (-2.5, 7.1, ("-5", "0", "5", "10")),
    ],
)
def test_swedish_labels(low: float, high: float, expected: tuple[str, ...]) -> None:
    ticks = nice_ticks(low, high, 6)
    labels = tuple(tick_label(t, decimals_of(ticks), "\u00a0", ",") for t in ticks)
    assert labels == tuple(e.replace(" ", "\u00a0") for e in expected)


def test_english_groups_with_commas() -> None:
    assert tick_label(Decimal(3_870_000), 0, ",", ".") == "3,870,000"
    assert tick_label(Decimal("-0.0"), 1, ",", ".") == "0.0"


@pytest.mark.parametrize(
    ("low", "high", "most"),
    [(math.nan, 1, 6), (0, math.inf, 6), (-math.inf, 0, 6), (0, 1, 2), (0, 1, -1)],
)
def test_bad_ranges_are_refused(low: float, high: float, most: int) -> None:
    with pytest.raises(ValueError, match=r"range|ticks"):
        nice_ticks(low, high, most)
