"""ISO weeks: parsing, shifting across year ends, 53-week years and refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.weeks import IsoWeek


@pytest.mark.parametrize("text", ["2026-W48", "2026W48", "2026-w48", " 2026-W48 "])
def test_parse(text: str) -> None:
    assert IsoWeek.parse(text) == IsoWeek(2026, 48)


def test_parse_single_digit_week() -> None:
    assert IsoWeek.parse("2026-W1") == IsoWeek(2026, 1)
    assert str(IsoWeek.parse("2026-W1")) == "2026-W01"


def test_days_run_monday_to_sunday() -> None:
    week = IsoWeek(2026, 48)
    assert week.monday == date(2026, 11, 23)
    assert week.sunday == date(2026, 11, 29)
    assert week.days() == [date(2026, 11, 23) + timedelta(days=i) for i in range(7)]
    assert [d.isoweekday() for d in week.days()] == [1, 2, 3, 4, 5, 6, 7]
    assert str(week) == "2026-W48"


def test_of_uses_the_iso_year_not_the_calendar_year() -> None:
    # 1 January 2027 is a Friday: it belongs to week 53 of 2026.
    assert IsoWeek.of(date(2027, 1, 1)) == IsoWeek(2026, 53)
    # 29 December 2025 is a Monday: week 1 of 2026.
    assert IsoWeek.of(date(2025, 12, 29)) == IsoWeek(2026, 1)


@pytest.mark.parametrize(("year", "weeks"), [(2020, 53), (2021, 52), (2025, 52), (2026, 53), (2032, 53)])
def test_53_week_years(year: int, weeks: int) -> None:
    assert IsoWeek(year, weeks).week == weeks
    if weeks == 52:
        with pytest.raises(ValidationError, match="no week 53"):
            IsoWeek(year, 53)


def test_shift_across_year_ends() -> None:
    assert IsoWeek(2026, 52).shifted(1) == IsoWeek(2026, 53)
    assert IsoWeek(2026, 53).shifted(1) == IsoWeek(2027, 1)
    assert IsoWeek(2027, 1).shifted(-1) == IsoWeek(2026, 53)
    assert IsoWeek(2025, 52).shifted(1) == IsoWeek(2026, 1)
    assert IsoWeek(2026, 1).shifted(-1) == IsoWeek(2025, 52)
    assert IsoWeek(2026, 10).shifted(0) == IsoWeek(2026, 10)
    assert IsoWeek(2026, 10).shifted(-52) == IsoWeek(2025, 10)


@pytest.mark.parametrize(
    "text", ["2026-W00", "2026-W54", "2025-W53", "2026-48", "W48", "2026-W", "", "48", "26-W48", "2026-W480"]
)
def test_bad_weeks_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        IsoWeek.parse(text)


def test_bad_week_numbers_are_refused() -> None:
    for week in (0, -1, 54):
        with pytest.raises(ValidationError):
            IsoWeek(2026, week)


def test_weeks_order_like_time() -> None:
    assert IsoWeek(2026, 53) < IsoWeek(2027, 1) < IsoWeek(2027, 2)


@given(day=st.dates(date(1900, 1, 8), date(2999, 12, 24)), shift=st.integers(-300, 300))
def test_properties(day: date, shift: int) -> None:
    week = IsoWeek.of(day)
    assert week.monday <= day <= week.sunday
    assert IsoWeek.parse(str(week)) == week
    moved = week.shifted(shift)
    assert (moved.monday - week.monday).days == 7 * shift
    assert moved.shifted(-shift) == week
