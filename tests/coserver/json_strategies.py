"""Hypothesis strategies for JSON that is too deep or too wide (coserver.jsonshape's limits), shared
by the fuzz tests of every route that takes a body and of push batches."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st


@st.composite
def deep_json(draw: st.DrawFn) -> Any:
    """Objects and arrays nested up to 300 deep (the measured 500s came from about 255), often at
    the edges of the limit (32) and of what broke."""
    depth = draw(st.sampled_from([1, 16, 31, 32, 33, 64, 254, 255, 256, 300]) | st.integers(1, 300))
    pattern = draw(st.sampled_from(["list", "dict", "mixed", "alternating"]))
    value: Any = draw(st.none() | st.integers() | st.text(max_size=5))
    for level in range(depth):
        kind = pattern if pattern != "alternating" else ("list", "dict")[level % 2]
        if kind == "list":
            value = [value]
        elif kind == "dict":
            value = {"k": value}
        else:
            value = {"a": [1, "x", value], "b": {}}
    return value


@st.composite
def wide_json(draw: st.DrawFn) -> Any:
    """Many members at one level, on both sides of the limits (20,000 containers, 200,000 values)."""
    count = draw(st.sampled_from([0, 1, 1_000, 19_999, 20_001, 200_001]))
    kind = draw(st.sampled_from(["empty objects", "empty arrays", "numbers", "strings", "keys"]))
    if kind == "empty objects":
        return [{} for _ in range(min(count, 30_000))]
    if kind == "empty arrays":
        return [[] for _ in range(min(count, 30_000))]
    if kind == "numbers":
        return [0] * count
    if kind == "strings":
        return [""] * count
    return {str(n): 0 for n in range(min(count, 60_000))}
