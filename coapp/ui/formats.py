"""Locale-aware text for hours, days and weeks, following the app's settings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from coapp.base.settings import Settings
from coapp.domain.durations import format_minutes, format_minutes_always
from coapp.domain.weeks import IsoWeek


def qlocale(settings: Settings) -> QLocale:
    if settings.language == "sv":
        return QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class Formats:
    """Formatting bound to one Settings value; rebuilt when the settings change."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.locale = qlocale(settings)

    def hours(self, minutes: int) -> str:
        return format_minutes(minutes, self.settings.hours_format, self.settings.decimal_separator)

    def hours_always(self, minutes: int) -> str:
        return format_minutes_always(minutes, self.settings.hours_format, self.settings.decimal_separator)

    def day_header(self, day: date) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), "ddd d/M")

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
