"""Public holidays of the Nordic countries, from the holidays library."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from coapp.domain.errors import ValidationError

COUNTRIES = ("SE", "NO", "DK", "FI")
_LANGUAGES = {"sv": {"SE": "sv", "FI": "sv_FI"}, "en": {}}


@lru_cache(maxsize=64)
def _calendar(country: str, year: int, language: str) -> dict[date, str]:
    if country not in COUNTRIES:
        raise ValidationError(
            "holidays are known for {countries}, not “{country}”",
            countries=", ".join(COUNTRIES),
            country=country,
        )
    import holidays  # imported on first use: it is heavy, and the first paint can do without it

    lang = _LANGUAGES.get(language, {}).get(country, "en_US")
    try:
        cal = holidays.country_holidays(country, years=year, language=lang)
    except (NotImplementedError, KeyError):  # language not shipped for this country
        cal = holidays.country_holidays(country, years=year, language="en_US")
    # Swedish calendars list every Sunday as a holiday; the grid shades weekends anyway.
    return {d: name for d, name in cal.items() if name not in ("Sunday", "Söndag")}


def holidays_of_year(year: int, country: str = "SE", language: str = "en") -> dict[date, str]:
    return dict(_calendar(country, year, language))


def holiday_name(day: date, country: str = "SE", language: str = "en") -> str | None:
    """The holiday's name on *day*, or None on an ordinary day."""
    return _calendar(country, day.year, language).get(day)
