"""Durations typed by people: what they mean, what is refused, and format/parse round trips."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coapp.domain.durations import (
    MINUTES_PER_DAY,
    HoursFormat,
    format_minutes,
    format_minutes_always,
    parse_duration,
)
from coapp.domain.errors import DurationError, ValidationError


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("7,5", 450),
        ("7.5", 450),
        ("7:30", 450),
        ("7h30m", 450),
        ("7h", 420),
        ("30m", 30),
        ("0,25", 15),
        ("", 0),
        ("0", 0),
        ("   ", 0),
        ("0:00", 0),
        ("7", 420),
        ("  7,5  ", 450),
        ("7 h 30 min", 450),
        ("7H30M", 450),
        ("1,75", 105),
        (",5", 30),
        ("90m", 90),
        ("0:05", 5),
        ("24", MINUTES_PER_DAY),
        ("24:00", MINUTES_PER_DAY),
        ("1440m", MINUTES_PER_DAY),
        ("7,5h", 450),
        ("7.5 hours", 450),
        ("2 tim", 120),
        ("45 min", 45),
        ("0,01", 1),  # 0.6 minutes round half up to one minute
    ],
)
def test_what_a_person_means(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "-1",
        "-0,5",
        "−7",  # a typographic minus sign
        "-7:30",
        "seven",
        "7,5,5",
        "7..5",
        "7.",
        "abc",
        "7:75",
        "7:60",
        "7:5",
        "24:01",
        "25",
        "24,5",
        "1441m",
        "24h1m",
        "9999",
        "h",
        "m",
        "7h 30",
        "1e3",
        "0x10",
        "+7",
        "7 30",
        "7,5 apples",
        "1" * 40,
        "NaN",
        "inf",
    ],
)
def test_refusals_are_duration_errors(text: str) -> None:
    with pytest.raises(DurationError):
        parse_duration(text)


def test_refusals_say_why() -> None:
    with pytest.raises(DurationError, match="negative"):
        parse_duration("-2")
    with pytest.raises(DurationError, match="24 hours"):
        parse_duration("25")
    with pytest.raises(DurationError, match="below 60"):
        parse_duration("7:75")
    with pytest.raises(DurationError, match="not a duration"):
        parse_duration("lunch")


def test_a_duration_error_is_a_validation_error() -> None:
    # The UI and CLI catch ValidationError for every bad-input case.
    with pytest.raises(ValidationError):
        parse_duration("garbage")


def test_non_text_is_refused_with_the_typed_error() -> None:
    with pytest.raises(DurationError):
        parse_duration(7.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("minutes", "fmt", "sep", "text"),
    [
        (450, HoursFormat.DECIMAL, ",", "7,5"),
        (450, HoursFormat.DECIMAL, ".", "7.5"),
        (450, HoursFormat.CLOCK, ".", "7:30"),
        (480, HoursFormat.DECIMAL, ",", "8"),
        (600, HoursFormat.DECIMAL, ".", "10"),
        (15, HoursFormat.DECIMAL, ",", "0,25"),
        (20, HoursFormat.DECIMAL, ".", "0.33"),
        (5, HoursFormat.CLOCK, ".", "0:05"),
        (1440, HoursFormat.CLOCK, ",", "24:00"),
        (1440, HoursFormat.DECIMAL, ",", "24"),
    ],
)
def test_formats(minutes: int, fmt: HoursFormat, sep: str, text: str) -> None:
    assert format_minutes(minutes, fmt, sep) == text
    assert format_minutes_always(minutes, fmt, sep) == text


def test_zero_is_quiet_in_cells_but_shown_in_totals() -> None:
    assert format_minutes(0) == ""
    assert format_minutes(0, HoursFormat.CLOCK) == ""
    assert format_minutes_always(0) == "0"
    assert format_minutes_always(0, HoursFormat.CLOCK) == "0:00"


@settings(max_examples=500)
@given(
    minutes=st.integers(0, MINUTES_PER_DAY),
    fmt=st.sampled_from(HoursFormat),
    sep=st.sampled_from([",", "."]),
)
@example(minutes=1, fmt=HoursFormat.DECIMAL, sep=",")
@example(minutes=MINUTES_PER_DAY, fmt=HoursFormat.CLOCK, sep=".")
def test_format_then_parse_gives_the_same_minutes(minutes: int, fmt: HoursFormat, sep: str) -> None:
    assert parse_duration(format_minutes(minutes, fmt, sep)) == minutes
    assert parse_duration(format_minutes_always(minutes, fmt, sep)) == minutes


def test_format_then_parse_every_minute_of_a_day() -> None:
    # Exhaustive, because a day has only 1441 values and a rounding slip hides in one of them.
    for minutes in range(MINUTES_PER_DAY + 1):
        for fmt in HoursFormat:
            for sep in (",", "."):
                assert parse_duration(format_minutes_always(minutes, fmt, sep)) == minutes, (minutes, fmt)


_DURATION_ALPHABET = st.sampled_from([*"0123456789,.:hmintu -−+ eE\t\n", "tim", "min", "hours"])


@settings(max_examples=1000)
@given(text=st.one_of(st.text(), st.lists(_DURATION_ALPHABET, max_size=10).map("".join)))
@example(text="\x00")
@example(text="٧,٥")  # Arabic-Indic digits
@example(text="9" * 32)
@example(text=":30")
def test_arbitrary_text_raises_nothing_but_duration_error(text: str) -> None:
    try:
        minutes = parse_duration(text)
    except DurationError:
        return
    assert isinstance(minutes, int)
    assert 0 <= minutes <= MINUTES_PER_DAY


@pytest.mark.parametrize("text", ["0,001", "0.004", "0,0083"])
def test_less_than_a_minute_is_refused_rather_than_clearing(text: str) -> None:
    with pytest.raises(DurationError, match="less than a minute"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["0", "0,0", "0:00", "0h", "0m", ""])
def test_zero_in_any_form_clears(text: str) -> None:
    assert parse_duration(text) == 0
