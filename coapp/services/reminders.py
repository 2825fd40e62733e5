"""Reminders computed on this machine, never by the platform: working days without reported time,
the week's and the month's close, invoices waiting for confirmation.

They are shown from the time the person chose, outside quiet hours, and the same thing is told at
most once a day (what was told today is kept in a small file of the data folder, so a restart does
not repeat it). The clock is injected so tests can walk through a week.

A working day is Monday to Friday, a public holiday of the chosen country excepted, within a
contract's period (coapp.domain.expected_time: a contract's own working pattern is not modelled
yet). A day is missing when a contract runs then and no time at all is reported on it: a person
works one day however many contracts share it, so two part-time contracts do not nag each other.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from coapp.base.atomic_file import write_atomic
from coapp.base.settings import Settings
from coapp.domain.contracts import FeeModel
from coapp.domain.expected_time import WORKDAYS
from coapp.domain.invoices import InvoiceState
from coapp.domain.public_holidays import holidays_of_year
from coapp.domain.weeks import IsoWeek
from coapp.services.contracts import ContractService
from coapp.services.invoice_queries import InvoiceQueries
from coapp.services.sheets import ContractInfo
from coapp.services.timesheet import TimesheetService

LOOK_BACK_WEEKS = 1  # this week and the one before: older gaps are history, not a reminder


class ReminderKind(StrEnum):
    MISSING_DAYS = "missing_days"
    WEEK_CLOSES = "week_closes"
    MONTH_CLOSES = "month_closes"
    DRAFTS = "drafts"


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    key: str  # "the same thing": told at most once a day
    days: tuple[date, ...] = ()  # MISSING_DAYS: the days; WEEK/MONTH_CLOSES: the closing day
    contracts: tuple[str, ...] = ()  # titles of the contracts running on those days
    count: int = 0  # DRAFTS: how many


def parse_clock(text: str) -> time:
    """ "HH:MM" (the settings validated it) as a time of day."""
    return time(int(text[:2]), int(text[3:]))


def in_quiet_hours(moment: time, start: time, end: time) -> bool:
    """Whether *moment* lies in [start, end); quiet hours may wrap past midnight (22:00–07:00).
    Equal ends mean no quiet hours: a whole silent day is what turning reminders off is for."""
    if start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def due_now(now_local: datetime, settings: Settings) -> bool:
    """Reminders are on, the chosen time has come today, and it is not quiet hours."""
    if not settings.reminders:
        return False
    moment = now_local.time().replace(tzinfo=None)
    if moment < parse_clock(settings.reminder_time):
        return False
    if settings.quiet_start and settings.quiet_end:
        return not in_quiet_hours(moment, parse_clock(settings.quiet_start), parse_clock(settings.quiet_end))
    return True


def working_days(first: date, last: date, holidays: Iterable[date]) -> list[date]:
    closed = set(holidays)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return [d for d in days if d.weekday() in WORKDAYS and d not in closed]


def _holidays(first: date, last: date, country: str) -> set[date]:
    return {d for year in range(first.year, last.year + 1) for d in holidays_of_year(year, country)}


def _timed(contract: ContractInfo) -> bool:
    return contract.fee_model is not FeeModel.FIXED  # a fixed fee is invoiced by milestones


def missing_days(
    today: date,
    contracts: Iterable[ContractInfo],
    reported: Iterable[date],
    holidays: Iterable[date],
) -> list[tuple[date, tuple[str, ...]]]:
    """Working days from the Monday a week back up to *today* on which a contract runs and no time
    is reported, with the titles of the contracts running then."""
    first = IsoWeek.of(today).shifted(-LOOK_BACK_WEEKS).monday
    have = set(reported)
    running = [c for c in contracts if _timed(c)]
    result = []
    for day in working_days(first, today, holidays):
        titles = tuple(sorted(c.title for c in running if c.active_on(day)))
        if titles and day not in have:
            result.append((day, titles))
    return result


def closing_day(days: list[date]) -> date | None:
    """The last working day of a week or month: when its close is told."""
    return days[-1] if days else None


def compute(
    today: date,
    contracts: list[ContractInfo],
    reported: Iterable[date],
    drafts: int,
    country: str,
) -> list[Reminder]:
    """What to remind of on *today* (before the once-a-day filter)."""
    week = IsoWeek.of(today)
    month_first = today.replace(day=1)
    month_last = (month_first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    first = min(week.shifted(-LOOK_BACK_WEEKS).monday, month_first)
    holidays = _holidays(first, max(week.sunday, month_last), country)
    reminders: list[Reminder] = []
    gaps = missing_days(today, contracts, reported, holidays)
    if gaps:
        days = tuple(d for d, _ in gaps)
        titles = tuple(sorted({t for _, names in gaps for t in names}))
        key = "missing:" + ",".join(d.isoformat() for d in days)
        reminders.append(Reminder(ReminderKind.MISSING_DAYS, key, days, titles))
    timed = [c for c in contracts if _timed(c)]
    if closing_day(working_days(week.monday, week.sunday, holidays)) == today and any(
        c.overlaps(week.monday, week.sunday) for c in timed
    ):
        key = f"week:{week.year}-W{week.week:02d}"
        reminders.append(Reminder(ReminderKind.WEEK_CLOSES, key, (today,)))
    if closing_day(working_days(month_first, month_last, holidays)) == today and any(
        c.overlaps(month_first, month_last) for c in timed
    ):
        key = f"month:{today:%Y-%m}"
        reminders.append(Reminder(ReminderKind.MONTH_CLOSES, key, (today,)))
    if drafts:
        reminders.append(Reminder(ReminderKind.DRAFTS, f"drafts:{drafts}", count=drafts))
    return reminders


class ToldToday:
    """The keys told on one local date, in a small JSON file (a broken file tells again: a repeated
    reminder is better than a lost one)."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def read(self, today: date) -> set[str]:
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        if not isinstance(raw, dict) or raw.get("date") != today.isoformat():
            return set()
        keys = raw.get("keys")
        return {k for k in keys if isinstance(k, str)} if isinstance(keys, list) else set()

    def add(self, today: date, keys: Iterable[str]) -> None:
        told = sorted(self.read(today) | set(keys))
        write_atomic(self._path, json.dumps({"date": today.isoformat(), "keys": told}).encode("utf-8"))


class ReminderService:
    def __init__(
        self,
        contracts: ContractService,
        timesheet: TimesheetService,
        invoices: InvoiceQueries,
        told_file: Path,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._contracts = contracts
        self._timesheet = timesheet
        self._invoices = invoices
        self._told = ToldToday(told_file)
        self._clock = clock or (lambda: datetime.now(UTC))

    def now(self, zone: str) -> datetime:
        return self._clock().astimezone(ZoneInfo(zone))

    def current(self, today: date, country: str) -> list[Reminder]:
        """Everything there is to remind of on *today*, told or not."""
        first = IsoWeek.of(today).shifted(-LOOK_BACK_WEEKS).monday
        reported = {
            day for _cid, day, minutes, _note in self._timesheet.entries_between(first, today) if minutes
        }
        drafts = len(self._invoices.list(state=InvoiceState.DRAFT))
        return compute(today, self._contracts.all(), reported, drafts, country)

    def to_show(self, settings: Settings) -> list[Reminder]:
        """The reminders to show now (none before the chosen time or in quiet hours), each recorded
        as told so it is not shown again today."""
        now = self.now(settings.zone)
        if not due_now(now, settings):
            return []
        today = now.date()
        told = self._told.read(today)
        fresh = [r for r in self.current(today, settings.holiday_country) if r.key not in told]
        if fresh:
            self._told.add(today, (r.key for r in fresh))
        return fresh
