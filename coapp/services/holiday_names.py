"""Holiday names per day, remembered in a small JSON file in the data folder.

The holidays library takes a noticeable part of a second to import; with the year's names cached,
the first paint shades holidays without it. The cache is only an optimisation: a missing or
unreadable file is rebuilt from the library.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from coapp.base.atomic_file import write_atomic

CACHE_VERSION = 1


class HolidayNames:
    def __init__(self, cache_path: Path | None) -> None:
        self._path = cache_path
        self._years: dict[str, dict[str, str]] = self._load()

    def _load(self) -> dict[str, dict[str, str]]:
        if self._path is None or not self._path.is_file():
            return {}
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(raw, dict) or raw.get("version") != CACHE_VERSION:
            return {}
        years = raw.get("years")
        return years if isinstance(years, dict) else {}

    def for_days(
        self, days: Sequence[date], country: str, language: str, *, compute: bool = True
    ) -> dict[int, str] | None:
        """{index in days: name}; None when a year is not cached and *compute* is False."""
        result: dict[int, str] = {}
        for i, day in enumerate(days):
            names = self._year(day.year, country, language, compute)
            if names is None:
                return None
            if (name := names.get(day.isoformat())) is not None:
                result[i] = name
        return result

    def _year(self, year: int, country: str, language: str, compute: bool) -> dict[str, str] | None:
        key = f"{country}/{language}/{year}"
        if key in self._years:
            return self._years[key]
        if not compute:
            return None
        from coapp.domain.public_holidays import holidays_of_year

        names = {d.isoformat(): name for d, name in holidays_of_year(year, country, language).items()}
        self._years[key] = names
        self._save()
        return names

    def _save(self) -> None:
        if self._path is None:
            return
        try:
            data = {"version": CACHE_VERSION, "years": self._years}
            write_atomic(self._path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written only costs time at the next start
