"""Locale-aware text for hours, days and weeks, following the app's settings.

One unambiguous date format per language, everywhere in the UI: Swedish writes ISO dates
(2026-12-04), English writes the month's name (4 Dec 2026); never 04/12/2026, which a Briton and
an American read as different days.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from coapp.base.settings import Settings
from coapp.domain.durations import format_minutes, format_minutes_always
from coapp.domain.weeks import IsoWeek

DATE_FORMATS = {"sv": "yyyy-MM-dd", "en": "d MMM yyyy"}  # QDate formats, also for date fields


def locale_of(language: str) -> QLocale:
    if language == "sv":
        return QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def qlocale(settings: Settings) -> QLocale:
    return locale_of(settings.language)


def date_text(day: date, language: str) -> str:
    """*day* in the language's one date format (for widgets that have no Formats at hand)."""
    return locale_of(language).toString(QDate(day.year, day.month, day.day), DATE_FORMATS[language])


class Formats:
    """Formatting bound to one Settings value; rebuilt when the settings change."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.locale = qlocale(settings)

    def hours(self, minutes: int) -> str:
        return format_minutes(minutes, self.settings.hours_format, self.settings.decimal_separator)

    def hours_always(self, minutes: int) -> str:
        return format_minutes_always(minutes, self.settings.hours_format, self.settings.decimal_separator)

    @property
    def date_format(self) -> str:
        """The QDate display format of date fields (QDateEdit)."""
        return DATE_FORMATS[self.settings.language]

    def date(self, day: date) -> str:
        return date_text(day, self.settings.language)

    def day_header(self, day: date) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), "ddd d MMM")

    def long_date(self, day: date) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)

    def week_title(self, week: IsoWeek) -> str:
        prefix = "v." if self.settings.language == "sv" else "Week"
        return f"{prefix} {week.week}"

    def week_range(self, week: IsoWeek) -> str:
        first, last = week.monday, week.sunday
        q_first = QDate(first.year, first.month, first.day)
        q_last = QDate(last.year, last.month, last.day)
        if first.month == last.month:
            start = self.locale.toString(q_first, "d")
        elif first.year == last.year:
            start = self.locale.toString(q_first, "d MMM")
        else:
            start = self.locale.toString(q_first, "d MMM yyyy")
        return f"{start} – {self.locale.toString(q_last, 'd MMM yyyy')}"
