"""Typed, versioned app settings in a JSON file (no Qt; QSettings holds only window state)."""

from __future__ import annotations

import json
import locale
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from coapp.base.atomic_file import write_atomic
from coapp.domain.durations import HoursFormat
from coapp.domain.errors import ValidationError
from coapp.domain.public_holidays import COUNTRIES

SETTINGS_VERSION = 1
LANGUAGES = ("sv", "en")
THEMES = ("system", "light", "dark")  # light or dark; "system" follows the system's scheme
IDLE_MINUTES_MAX = 480  # a working day: longer than that, nobody asks about idle time any more


def _clock_time(value: object) -> bool:
    """ "HH:MM" on a 24-hour clock (the reminder's time, quiet hours' ends)."""
    if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
        return False
    hours, minutes = value[:2], value[3:]
    if not (hours.isascii() and hours.isdigit() and minutes.isascii() and minutes.isdigit()):
        return False
    return int(hours) < 24 and int(minutes) < 60


def _system_language() -> str:
    lang = (locale.getlocale()[0] or os.environ.get("LANG") or "").lower()
    return "sv" if lang.startswith("sv") else "en"


@dataclass(frozen=True)
class Settings:
    language: str = "sv"  # also decides the decimal separator: "7,5" in sv, "7.5" in en
    hours_format: HoursFormat = HoursFormat.DECIMAL
    holiday_country: str = "SE"
    zone: str = "Europe/Stockholm"  # IANA zone for timers
    theme: str = "system"
    close_to_tray: bool = False  # closing the window leaves the app in the system tray
    reminders: bool = True  # missing days, the week's and month's close, drafts to confirm
    reminder_time: str = "16:30"  # local "HH:MM": reminders are shown from then on
    quiet_start: str = ""  # quiet hours ("" = none), may wrap past midnight: 22:00-07:00
    quiet_end: str = ""
    idle_minutes: int = 10  # away longer than this while a timer runs: ask (0 = never ask)

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValidationError("language must be one of {choices}", choices=", ".join(LANGUAGES))
        if self.holiday_country not in COUNTRIES:
            raise ValidationError("holiday country must be one of {choices}", choices=", ".join(COUNTRIES))
        if self.theme not in THEMES:
            raise ValidationError("theme must be one of {choices}", choices=", ".join(THEMES))
        for flag in (self.close_to_tray, self.reminders):
            if not isinstance(flag, bool):
                raise ValidationError("a yes/no preference must be true or false")
        if not _clock_time(self.reminder_time):
            raise ValidationError("the reminder time must be HH:MM")
        for end in (self.quiet_start, self.quiet_end):
            if end != "" and not _clock_time(end):
                raise ValidationError("quiet hours must be HH:MM or empty")
        idle = self.idle_minutes
        if isinstance(idle, bool) or not isinstance(idle, int) or not 0 <= idle <= IDLE_MINUTES_MAX:
            raise ValidationError("idle minutes must be a whole number from 0 to {max}", max=IDLE_MINUTES_MAX)
        if not isinstance(self.hours_format, HoursFormat):
            object.__setattr__(self, "hours_format", HoursFormat(self.hours_format))

    @property
    def decimal_separator(self) -> str:
        return "," if self.language == "sv" else "."

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    @classmethod
    def default(cls) -> Settings:
        return cls(language=_system_language())


def load_settings(path: Path) -> Settings:
    """Read settings; unknown keys are ignored and bad values fall back to defaults, so an edited
    or older file never stops the app from starting."""
    if not path.exists():
        return Settings.default()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings.default()
    if not isinstance(raw, dict):
        return Settings.default()
    known = {f.name for f in fields(Settings)}
    result = Settings.default()
    for key, value in raw.items():
        if key in known:
            try:
                result = result.with_changes(**{key: value})
            except (ValidationError, ValueError, TypeError):
                continue
    return result


def save_settings(path: Path, settings: Settings) -> None:
    data = {"version": SETTINGS_VERSION, **asdict(settings)}
    data["hours_format"] = settings.hours_format.value
    write_atomic(path, json.dumps(data, indent=2).encode("utf-8"))
