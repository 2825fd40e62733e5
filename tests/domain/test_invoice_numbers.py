"""Invoice numbers: the business's series format, and the alphabet every number is held to."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.invoice_numbers import (
    DEFAULT_NUMBER_FORMAT,
    check_number,
    check_number_format,
    format_number,
    is_number,
)


def test_default_format_gives_year_and_four_digits() -> None:
    assert format_number(DEFAULT_NUMBER_FORMAT, year=2026, seq=1) == "2026-0001"
    assert format_number(DEFAULT_NUMBER_FORMAT, year=2027, seq=12345) == "2027-12345"
    assert format_number("F{seq:05d}", year=2026, seq=42) == "F00042"
    assert format_number("{seq}", year=2026, seq=7) == "7"


BAD_FORMATS = ["", "{year}", "{seq}-{seq}", "{year}/{seq}", "../{seq}", "{seq:>4}", "{name}{seq}"]


@pytest.mark.parametrize(
    "template",
    [*BAD_FORMATS, "{seq!r}", "{", "a b{seq}"],
)
def test_formats_that_could_repeat_or_escape_are_refused(template: str) -> None:
    with pytest.raises(ValidationError):
        check_number_format(template)


@pytest.mark.parametrize(
    "number", ["../../x", "1/2", "a\\b", "", "-1", "x" * 33, "2026-0001\n", "CON.", " 1"]
)
def test_numbers_from_elsewhere_are_checked(number: str) -> None:
    assert not is_number(number)
    with pytest.raises(ValidationError):
        check_number(number)


@given(st.integers(min_value=1, max_value=10**9 - 1), st.integers(min_value=1900, max_value=9999))
def test_distinct_counters_give_distinct_valid_numbers(seq: int, year: int) -> None:
    number = format_number(DEFAULT_NUMBER_FORMAT, year=year, seq=seq)
    assert is_number(number)
    assert number != format_number(DEFAULT_NUMBER_FORMAT, year=year, seq=seq + 1)
