"""The time-rounding rule of a contract: parsing, printing and applying."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.contracts import ROUNDING_STEPS, RoundingMode, RoundingRule, RoundingScope
from coapp.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("none", RoundingRule()),
        (" NONE ", RoundingRule()),
        ("up:15:entry", RoundingRule(RoundingMode.UP, 15, RoundingScope.ENTRY)),
        ("nearest:30:day", RoundingRule(RoundingMode.NEAREST, 30, RoundingScope.DAY)),
        ("Up:6:Day", RoundingRule(RoundingMode.UP, 6, RoundingScope.DAY)),
    ],
)
def test_parse(text: str, rule: RoundingRule) -> None:
    assert RoundingRule.parse(text) == rule


@pytest.mark.parametrize(
    "text", ["", "up", "up:15", "up:7:entry", "down:15:entry", "up:15:week", "up:-15:entry", "none:15:entry"]
)
def test_bad_rules_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        RoundingRule.parse(text)


def test_a_step_outside_the_list_is_refused() -> None:
    with pytest.raises(ValidationError, match="rounding step"):
        RoundingRule(RoundingMode.UP, 10)


@pytest.mark.parametrize(
    ("rule", "minutes", "billed"),
    [
        ("none", 7, 7),
        ("up:15:entry", 0, 0),
        ("up:15:entry", 1, 15),
        ("up:15:entry", 15, 15),
        ("up:15:entry", 16, 30),
        ("nearest:15:entry", 7, 0),
        ("nearest:15:entry", 8, 15),
        ("nearest:30:entry", 14, 0),
        ("nearest:30:entry", 15, 30),  # a half step rounds up
        ("nearest:30:entry", 44, 30),
        ("nearest:30:entry", 45, 60),
        ("up:6:day", 451, 456),
        ("up:1:entry", 451, 451),
    ],
)
def test_apply(rule: str, minutes: int, billed: int) -> None:
    assert RoundingRule.parse(rule).apply(minutes) == billed


@given(
    mode=st.sampled_from(RoundingMode),
    step=st.sampled_from(ROUNDING_STEPS),
    scope=st.sampled_from(RoundingScope),
    minutes=st.integers(0, 100_000),
)
def test_properties(mode: RoundingMode, step: int, scope: RoundingScope, minutes: int) -> None:
    rule = RoundingRule(mode, step, scope)
    billed = rule.apply(minutes)
    if mode is RoundingMode.NONE:
        assert billed == minutes
        assert str(rule) == "none"
        return
    assert RoundingRule.parse(str(rule)) == rule
    assert billed % step == 0
    assert abs(billed - minutes) < step
    if mode is RoundingMode.UP:
        assert billed >= minutes
    else:
        assert abs(billed - minutes) * 2 <= step
    assert rule.apply(billed) == billed
