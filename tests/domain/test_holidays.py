"""Public holidays of the Nordic countries, with names, in English and Swedish."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coapp.domain.errors import ValidationError
from coapp.domain.public_holidays import COUNTRIES, holiday_name


@pytest.mark.parametrize(
    ("country", "day", "name"),
    [
        ("SE", date(2026, 12, 25), "Christmas Day"),
        ("SE", date(2026, 6, 6), "National Day"),
        ("SE", date(2026, 1, 6), "Epiphany"),
        ("NO", date(2026, 5, 17), "Constitution Day"),
        ("NO", date(2026, 12, 25), "Christmas Day"),
        ("FI", date(2026, 12, 6), "Independence Day"),
        ("DK", date(2026, 12, 25), "Christmas Day"),
        ("DK", date(2026, 4, 2), "Maundy Thursday"),
    ],
)
def test_named_holidays(country: str, day: date, name: str) -> None:
    assert holiday_name(day, country) == name


def test_easter_moves_with_the_year() -> None:
    # Easter Sunday is 5 April 2026 and 28 March 2027; Good Friday two days before.
    assert holiday_name(date(2026, 4, 3), "SE") == "Good Friday"
    assert holiday_name(date(2027, 3, 26), "SE") == "Good Friday"
    assert holiday_name(date(2026, 3, 27), "SE") is None


def test_swedish_names() -> None:
    assert holiday_name(date(2026, 12, 25), "SE", "sv") == "Juldagen"
    assert holiday_name(date(2026, 6, 6), "SE", "sv") == "Nationaldagen"
    assert holiday_name(date(2026, 12, 6), "FI", "sv") == "Självständighetsdagen"


@pytest.mark.parametrize("country", COUNTRIES)
def test_ordinary_days_have_no_name(country: str) -> None:
    assert holiday_name(date(2026, 11, 24), country) is None  # a Tuesday


def test_countries_differ() -> None:
    assert holiday_name(date(2026, 5, 17), "SE") is None
    assert holiday_name(date(2026, 12, 6), "SE") is None
    assert holiday_name(date(2026, 6, 6), "NO") is None
    assert holiday_name(date(2026, 4, 2), "SE") is None  # Maundy Thursday is not Swedish


@pytest.mark.parametrize("language", ["en", "sv"])
def test_ordinary_swedish_sundays_are_not_holidays(language: str) -> None:
    # The library lists every Swedish Sunday; the grid shades weekends on its own.
    sundays = [date(2026, 1, 4) + timedelta(weeks=i) for i in range(52)]
    named = {d: holiday_name(d, "SE", language) for d in sundays}
    assert named[date(2026, 11, 29)] is None
    assert all(name not in ("Sunday", "Söndag") for name in named.values())
    # Easter and Pentecost Sundays are real holidays and keep their names.
    assert named[date(2026, 4, 5)] is not None
    assert named[date(2026, 5, 24)] is not None


def test_every_year_has_christmas() -> None:
    for country in COUNTRIES:
        for year in (2000, 2026, 2040):
            assert holiday_name(date(year, 12, 25), country) is not None


@pytest.mark.parametrize("country", ["US", "se", "", "XX"])
def test_unknown_countries_are_refused(country: str) -> None:
    with pytest.raises(ValidationError):
        holiday_name(date(2026, 12, 25), country)
