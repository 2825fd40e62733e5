"""The desktop's preferences (tray, reminder time, quiet hours, idle minutes): bad values are
refused when set and ignored when read from an edited file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.base.settings import Settings, load_settings, save_settings
from coapp.domain.errors import ValidationError

CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def test_the_defaults() -> None:
    s = Settings()
    assert (s.close_to_tray, s.reminders, s.reminder_time, s.quiet_start, s.quiet_end, s.idle_minutes) == (
        False,
        True,
        "16:30",
        "",
        "",
        10,
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"reminder_time": "24:00"},
        {"reminder_time": "9:30"},
        {"reminder_time": ""},
        {"reminder_time": "09:60"},
        {"reminder_time": "ab:cd"},
        {"reminder_time": "٠٩:٣٠"},  # digits, but not ASCII ones
        {"reminder_time": 930},
        {"quiet_start": "7:00"},
        {"quiet_end": "07.00"},
        {"close_to_tray": "yes"},
        {"reminders": 1},
        {"idle_minutes": -1},
        {"idle_minutes": 481},
        {"idle_minutes": True},
        {"idle_minutes": "10"},
        {"idle_minutes": 1.5},
    ],
)
def test_bad_values_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Settings().with_changes(**changes)


@given(st.text(max_size=8))
def test_a_clock_time_is_exactly_hh_mm(text: str) -> None:
    try:
        Settings().with_changes(reminder_time=text)
    except ValidationError:
        assert not CLOCK.fullmatch(text)
    else:
        assert CLOCK.fullmatch(text)


def test_they_are_saved_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    chosen = Settings().with_changes(
        close_to_tray=True, reminder_time="08:15", quiet_start="22:00", quiet_end="07:00", idle_minutes=0
    )
    save_settings(path, chosen)
    assert load_settings(path) == chosen


def test_an_edited_file_with_bad_values_falls_back_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {"language": "en", "reminder_time": "25:99", "idle_minutes": "many", "quiet_start": "22:00"}
        ),
        encoding="utf-8",
    )
    loaded = load_settings(path)
    assert loaded.language == "en"
    assert loaded.reminder_time == "16:30"
    assert loaded.idle_minutes == 10
    assert loaded.quiet_start == "22:00"  # kept; quiet hours need both ends to be in force
