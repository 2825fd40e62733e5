"""Reminders over real store data with a fake clock: missing days (weekends and public holidays
excepted), the week's and month's close, drafts; the chosen time, quiet hours, once a day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.app.context import AppContext
from coapp.base.settings import Settings
from coapp.domain.contracts import FeeModel
from coapp.services.reminders import Reminder, ReminderKind, ReminderService, in_quiet_hours
from tests.conftest import make_contract

STHLM = ZoneInfo("Europe/Stockholm")


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, tzinfo=UTC)

    def set(self, *args: int) -> None:
        self.now = datetime(*args, tzinfo=STHLM).astimezone(UTC)  # type: ignore[misc]

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def service(ctx: AppContext, clock: FakeClock) -> Callable[[], ReminderService]:
    """A reminder service on the test's store; called again, it is the service after a restart."""

    def make() -> ReminderService:
        return ReminderService(
            ctx.contracts, ctx.timesheet, ctx.invoices, ctx.paths.data_dir / "reminders.json", clock
        )

    return make


SETTINGS = Settings(language="en")  # reminders on, at 16:30, no quiet hours


def kinds(reminders: list[Reminder]) -> list[ReminderKind]:
    return [r.kind for r in reminders]


def test_missing_days_skip_weekends_holidays_and_days_outside_the_period(
    ctx: AppContext, service: Callable[[], ReminderService]
) -> None:
    # Week 14 of 2026 holds Good Friday (3 April), week 15 Easter Monday (6 April).
    c = make_contract(ctx, "Backend", start_date=date(2026, 3, 31), end_date=date(2026, 12, 31))
    ctx.timesheet.set_time(c.id, date(2026, 4, 1), 480)
    ctx.timesheet.set_time(c.id, date(2026, 4, 7), 60)
    reminders = service().current(date(2026, 4, 8), "SE")
    missing = [r for r in reminders if r.kind is ReminderKind.MISSING_DAYS]
    assert len(missing) == 1
    assert missing[0].days == (date(2026, 3, 31), date(2026, 4, 2), date(2026, 4, 8))
    assert missing[0].contracts == ("Backend",)
    # In Norway Maundy Thursday (2 April) is a holiday too.
    norway = next(r for r in service().current(date(2026, 4, 8), "NO") if r.kind is ReminderKind.MISSING_DAYS)
    assert norway.days == (date(2026, 3, 31), date(2026, 4, 8))


def test_time_on_any_contract_counts_for_the_day(
    ctx: AppContext, service: Callable[[], ReminderService]
) -> None:
    a = make_contract(ctx, "Alpha")
    make_contract(ctx, "Beta")
    for day in range(23, 26):
        ctx.timesheet.set_time(a.id, date(2026, 11, day), 240)
    missing = next(
        r for r in service().current(date(2026, 11, 25), "SE") if r.kind is ReminderKind.MISSING_DAYS
    )
    assert missing.days == tuple(date(2026, 11, d) for d in (16, 17, 18, 19, 20))
    assert missing.contracts == ("Alpha", "Beta")
    for day in (16, 17, 18, 19, 20):
        ctx.timesheet.set_time(a.id, date(2026, 11, day), 60)
    assert ReminderKind.MISSING_DAYS not in kinds(service().current(date(2026, 11, 25), "SE"))


def test_a_fixed_fee_contract_asks_for_no_time(
    ctx: AppContext, service: Callable[[], ReminderService]
) -> None:
    make_contract(ctx, "Site", fee_model=FeeModel.FIXED, rate=Decimal("50000"))
    assert service().current(date(2026, 11, 27), "SE") == []


def test_the_week_and_month_close_on_their_last_working_day(
    ctx: AppContext, service: Callable[[], ReminderService]
) -> None:
    c = make_contract(ctx, "Backend")
    for day in range(1, 32):  # every day of December reported: only the closes remain
        ctx.timesheet.set_time(c.id, date(2026, 12, day), 60)
    for day in range(16, 31):
        ctx.timesheet.set_time(c.id, date(2026, 11, day), 60)
    s = service()
    assert kinds(s.current(date(2026, 11, 27), "SE")) == [ReminderKind.WEEK_CLOSES]  # a Friday
    assert kinds(s.current(date(2026, 11, 26), "SE")) == []
    # Monday 30 November: the month closes (its week does not).
    month = s.current(date(2026, 11, 30), "SE")
    assert kinds(month) == [ReminderKind.MONTH_CLOSES]
    assert month[0].key == "month:2026-11"
    # Christmas Day is a Friday in 2026: week 52 closes on Thursday the 24th.
    assert kinds(s.current(date(2026, 12, 24), "SE")) == [ReminderKind.WEEK_CLOSES]
    assert kinds(s.current(date(2026, 12, 25), "SE")) == []
    # Thursday 31 December closes the month and (New Year's Day is a holiday) week 53.
    assert kinds(s.current(date(2026, 12, 31), "SE")) == [ReminderKind.WEEK_CLOSES, ReminderKind.MONTH_CLOSES]


def test_drafts_waiting_for_confirmation(ctx: AppContext, service: Callable[[], ReminderService]) -> None:
    c = make_contract(ctx, "Backend")
    for day in range(16, 28):
        ctx.timesheet.set_time(c.id, date(2026, 11, day), 60)
    assert ReminderKind.DRAFTS not in kinds(service().current(date(2026, 11, 25), "SE"))
    ctx.drafts.create(c.id, date(2026, 11, 16), date(2026, 11, 22), today=date(2026, 11, 23))
    drafts = [r for r in service().current(date(2026, 11, 25), "SE") if r.kind is ReminderKind.DRAFTS]
    assert [r.count for r in drafts] == [1]


def test_shown_from_the_chosen_time_once_a_day(
    ctx: AppContext, service: Callable[[], ReminderService], clock: FakeClock
) -> None:
    make_contract(ctx, "Backend")  # nothing reported: every working day is missing
    s = service()
    clock.set(2026, 11, 25, 16, 29, 59)
    assert s.to_show(SETTINGS) == []
    clock.set(2026, 11, 25, 16, 30)
    shown = s.to_show(SETTINGS)
    assert kinds(shown) == [ReminderKind.MISSING_DAYS]
    clock.set(2026, 11, 25, 18, 0)
    assert s.to_show(SETTINGS) == []  # the same thing, the same day
    assert service().to_show(SETTINGS) == []  # not after a restart either
    clock.set(2026, 11, 26, 16, 45)
    assert kinds(service().to_show(SETTINGS)) == [ReminderKind.MISSING_DAYS]  # a new day
    assert s.to_show(SETTINGS.with_changes(reminder_time="08:00")) == []
    assert s.to_show(SETTINGS.with_changes(reminders=False)) == []


def test_a_new_thing_is_told_the_same_day(
    ctx: AppContext, service: Callable[[], ReminderService], clock: FakeClock
) -> None:
    c = make_contract(ctx, "Backend")
    for day in range(16, 27):
        ctx.timesheet.set_time(c.id, date(2026, 11, day), 60)
    clock.set(2026, 11, 26, 17, 0)
    assert service().to_show(SETTINGS) == []
    ctx.drafts.create(c.id, date(2026, 11, 16), date(2026, 11, 22), today=date(2026, 11, 23))
    assert kinds(service().to_show(SETTINGS)) == [ReminderKind.DRAFTS]


def test_quiet_hours_hold_reminders_back(
    ctx: AppContext, service: Callable[[], ReminderService], clock: FakeClock
) -> None:
    make_contract(ctx, "Backend")
    quiet = SETTINGS.with_changes(reminder_time="05:00", quiet_start="22:00", quiet_end="07:00")
    clock.set(2026, 11, 25, 6, 59)
    assert service().to_show(quiet) == []
    clock.set(2026, 11, 25, 7, 0)
    assert kinds(service().to_show(quiet)) == [ReminderKind.MISSING_DAYS]
    daytime = SETTINGS.with_changes(quiet_start="16:00", quiet_end="18:00")
    clock.set(2026, 11, 26, 17, 0)
    assert service().to_show(daytime) == []
    clock.set(2026, 11, 26, 18, 0)
    assert kinds(service().to_show(daytime)) == [ReminderKind.MISSING_DAYS]


def test_the_chosen_time_is_local_to_the_zone(
    ctx: AppContext, service: Callable[[], ReminderService], clock: FakeClock
) -> None:
    make_contract(ctx, "Backend")
    clock.now = datetime(2026, 11, 25, 16, 0, tzinfo=UTC)  # 17:00 in Stockholm, 11:00 in New York
    assert service().to_show(SETTINGS.with_changes(zone="America/New_York")) == []
    assert service().to_show(SETTINGS) != []


@pytest.mark.parametrize("content", ["{", "[]", '{"date": "2026-11-25", "keys": 7}', '"x"'])
def test_a_broken_record_tells_again(
    ctx: AppContext, service: Callable[[], ReminderService], clock: FakeClock, content: str
) -> None:
    make_contract(ctx, "Backend")
    (ctx.paths.data_dir / "reminders.json").write_text(content, encoding="utf-8")
    clock.set(2026, 11, 25, 17, 0)
    assert kinds(service().to_show(SETTINGS)) == [ReminderKind.MISSING_DAYS]
    assert service().to_show(SETTINGS) == []  # and the record works again


_times = st.times().map(lambda t: t.replace(microsecond=0))


@given(moment=_times, start=_times, end=_times)
def test_quiet_hours_and_their_complement(moment: time, start: time, end: time) -> None:
    if start == end:
        assert not in_quiet_hours(moment, start, end)
    else:
        # Every moment is in exactly one of [start, end) and [end, start).
        assert in_quiet_hours(moment, start, end) != in_quiet_hours(moment, end, start)


def test_the_record_lives_in_the_data_folder(
    ctx: AppContext, service: Callable[[], ReminderService], clock: FakeClock, data_dir: Path
) -> None:
    make_contract(ctx, "Backend")
    clock.set(2026, 11, 25, 17, 0)
    service().to_show(SETTINGS)
    assert (data_dir / "reminders.json").is_file()
