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

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValidationError("language must be one of {choices}", choices=", ".join(LANGUAGES))
        if self.holiday_country not in COUNTRIES:
            raise ValidationError("holiday country must be one of {choices}", choices=", ".join(COUNTRIES))
        if self.theme not in THEMES:
            raise ValidationError("theme must be one of {choices}", choices=", ".join(THEMES))
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
