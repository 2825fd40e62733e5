"""What every CLI verb shares: the one-line usage errors, argument types, hours and JSON output."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coapp.domain.durations import format_minutes_always, parse_duration
from coapp.domain.errors import CoappError, ValidationError
from coapp.domain.weeks import IsoWeek

if TYPE_CHECKING:  # the store and services load only when a verb runs, so --help stays quick
    from coapp.app.context import AppContext
    from coapp.base.settings import Settings

PROG = "coapp"

# Strict YYYY-MM-DD: date.fromisoformat also takes "20261123" and "2026-W48-1", which a typo can hit.
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

T = TypeVar("T")


def one_line(text: str) -> str:
    return " ".join(str(text).split())


class CliParser(argparse.ArgumentParser):
    """Usage errors as one line on stderr (argparse prints the whole usage block by default)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: error: {one_line(message)} (see {self.prog} --help)\n")


def argument_type(convert: Callable[[str], T], name: str) -> Callable[[str], T]:
    """An argparse type whose refusal keeps our message (argparse would swallow a ValueError's)."""

    def parse(text: str) -> T:
        try:
            return convert(text)
        except CoappError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = name
    return parse


def parse_iso_date(text: str) -> date:
    raw = text.strip()
    if _ISO_DATE.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise ValidationError(f"“{raw}” is not a date in the calendar") from None
    raise ValidationError(f"“{one_line(text)}” is not a date; write it like 2026-11-23")


iso_date_arg = argument_type(parse_iso_date, "date")
duration_arg = argument_type(parse_duration, "duration")
week_arg = argument_type(IsoWeek.parse, "week")


def zone_of(settings: Settings) -> ZoneInfo:
    try:
        return ZoneInfo(settings.zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"the time zone in the settings, “{settings.zone}”, is not known") from None


def local_today(ctx: AppContext) -> date:
    """Today where the user works, which decides the week and the timer's date."""
    return datetime.now(zone_of(ctx.settings)).date()


def hours(settings: Settings, minutes: int) -> str:
    return format_minutes_always(minutes, settings.hours_format, settings.decimal_separator)


def print_json(document: Any) -> None:
    # ASCII escapes keep the document intact on consoles whose encoding is not UTF-8.
    json.dump(document, sys.stdout, indent=2)
    sys.stdout.write("\n")
