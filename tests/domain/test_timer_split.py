"""A stopped timer becomes real elapsed minutes on local work dates, split at local midnight."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.timer import local_minutes_in_day, split_at_midnight

STHLM = "Europe/Stockholm"


def local(zone: str, *args: int, fold: int = 0) -> datetime:
    """A local wall-clock time in *zone* as an aware UTC instant."""
    return datetime(*args, tzinfo=ZoneInfo(zone), fold=fold).astimezone(UTC)  # type: ignore[misc]


def test_within_one_day() -> None:
    start = local(STHLM, 2026, 11, 23, 9, 0)
    assert split_at_midnight(start, start + timedelta(hours=2, minutes=15), STHLM) == {
        date(2026, 11, 23): 135
    }


def test_split_at_local_midnight_not_utc_midnight() -> None:
    start = local(STHLM, 2026, 11, 23, 22, 0)
    stop = local(STHLM, 2026, 11, 24, 1, 30)
    assert split_at_midnight(start, stop, STHLM) == {date(2026, 11, 23): 120, date(2026, 11, 24): 90}


def test_several_days() -> None:
    start = local(STHLM, 2026, 11, 23, 12, 0)
    stop = local(STHLM, 2026, 11, 25, 12, 0)
    assert split_at_midnight(start, stop, STHLM) == {
        date(2026, 11, 23): 720,
        date(2026, 11, 24): 1440,
        date(2026, 11, 25): 720,
    }


def test_stop_exactly_at_midnight_adds_nothing_to_the_next_day() -> None:
    start = local(STHLM, 2026, 11, 23, 23, 0)
    stop = local(STHLM, 2026, 11, 24, 0, 0)
    assert split_at_midnight(start, stop, STHLM) == {date(2026, 11, 23): 60}


def test_zero_and_sub_minute_timers_record_nothing() -> None:
    start = local(STHLM, 2026, 11, 23, 9, 0)
    assert split_at_midnight(start, start, STHLM) == {}
    assert split_at_midnight(start, start + timedelta(seconds=59), STHLM) == {}


def test_seconds_are_floored_against_the_total() -> None:
    # 23:59:30 → 00:00:45 is 75 s: one whole minute, not one per day.
    start = local(STHLM, 2026, 11, 23, 23, 59) + timedelta(seconds=30)
    stop = start + timedelta(seconds=75)
    parts = split_at_midnight(start, stop, STHLM)
    assert sum(parts.values()) == 1


def test_spring_forward_day_has_23_hours() -> None:
    # 2026-03-29 in Stockholm: 02:00 CET → 03:00 CEST.
    assert local_minutes_in_day(date(2026, 3, 29), STHLM) == 23 * 60
    start = local(STHLM, 2026, 3, 29, 0, 0)
    stop = local(STHLM, 2026, 3, 30, 0, 0)
    assert split_at_midnight(start, stop, STHLM) == {date(2026, 3, 29): 23 * 60}


def test_spring_forward_records_the_real_elapsed_time() -> None:
    # 01:30 → 03:30 on the clock is one real hour.
    start = local(STHLM, 2026, 3, 29, 1, 30)
    stop = local(STHLM, 2026, 3, 29, 3, 30)
    assert split_at_midnight(start, stop, STHLM) == {date(2026, 3, 29): 60}


def test_spring_forward_across_midnight() -> None:
    start = local(STHLM, 2026, 3, 28, 23, 0)
    stop = local(STHLM, 2026, 3, 29, 4, 0)
    assert split_at_midnight(start, stop, STHLM) == {date(2026, 3, 28): 60, date(2026, 3, 29): 180}


def test_fall_back_day_has_25_hours() -> None:
    # 2026-10-25 in Stockholm: 03:00 CEST → 02:00 CET.
    assert local_minutes_in_day(date(2026, 10, 25), STHLM) == 25 * 60
    start = local(STHLM, 2026, 10, 25, 0, 0)
    stop = local(STHLM, 2026, 10, 26, 0, 0)
    assert split_at_midnight(start, stop, STHLM) == {date(2026, 10, 25): 25 * 60}


def test_fall_back_records_the_real_elapsed_time() -> None:
    # 01:30 CEST → 03:30 CET is three real hours, all on the 25th.
    start = local(STHLM, 2026, 10, 25, 1, 30)
    stop = local(STHLM, 2026, 10, 25, 3, 30)
    assert split_at_midnight(start, stop, STHLM) == {date(2026, 10, 25): 180}
    # Inside the repeated hour: 02:30 CEST → 02:30 CET is one hour.
    first = local(STHLM, 2026, 10, 25, 2, 30, fold=0)
    second = local(STHLM, 2026, 10, 25, 2, 30, fold=1)
    assert split_at_midnight(first, second, STHLM) == {date(2026, 10, 25): 60}


def test_fall_back_across_midnight() -> None:
    start = local(STHLM, 2026, 10, 24, 22, 0)
    stop = local(STHLM, 2026, 10, 25, 4, 0)
    assert split_at_midnight(start, stop, STHLM) == {date(2026, 10, 24): 120, date(2026, 10, 25): 300}


def test_ordinary_day_length() -> None:
    assert local_minutes_in_day(date(2026, 11, 23), STHLM) == 1440


def test_the_zone_decides_the_date() -> None:
    start = datetime(2026, 11, 23, 22, 30, tzinfo=UTC)
    stop = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert split_at_midnight(start, stop, "UTC") == {date(2026, 11, 23): 60}
    # Stockholm is UTC+1 in November: 23:30 → 00:30 local.
    assert split_at_midnight(start, stop, STHLM) == {date(2026, 11, 23): 30, date(2026, 11, 24): 30}
    # Auckland is UTC+13: all of it is on the 24th.
    assert split_at_midnight(start, stop, "Pacific/Auckland") == {date(2026, 11, 24): 60}


def test_instants_in_other_offsets_are_the_same_instants() -> None:
    start = local(STHLM, 2026, 11, 23, 22, 0)
    stop = local(STHLM, 2026, 11, 24, 1, 0)
    tz = ZoneInfo("America/New_York")
    assert split_at_midnight(start.astimezone(tz), stop.astimezone(tz), STHLM) == split_at_midnight(
        start, stop, STHLM
    )


def test_fall_back_across_midnight_where_clocks_go_back_to_yesterday() -> None:
    # Newfoundland until 2011 fell back at 00:01 to 23:01 of the previous day. A timer started in
    # the repeated hour must not count the time between the first midnight and its start twice.
    zone = "America/St_Johns"
    start = local(zone, 2005, 10, 29, 23, 30, fold=1)
    stop = local(zone, 2005, 10, 30, 0, 30)
    assert stop - start == timedelta(hours=1)
    assert split_at_midnight(start, stop, zone) == {date(2005, 10, 29): 30, date(2005, 10, 30): 30}


def test_a_timer_that_stopped_before_it_started_is_refused() -> None:
    start = local(STHLM, 2026, 11, 23, 9, 0)
    with pytest.raises(ValidationError, match="clock"):
        split_at_midnight(start, start - timedelta(minutes=1), STHLM)


def test_naive_instants_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        split_at_midnight(datetime(2026, 1, 1, 9), datetime(2026, 1, 1, 10), STHLM)


ZONES = [
    STHLM,
    "UTC",
    "Europe/Oslo",
    "Europe/Helsinki",
    "America/St_Johns",  # fell back across midnight until 2011
    "America/Goose_Bay",
    "America/Santiago",  # changes at midnight
    "America/Havana",
    "Australia/Lord_Howe",  # 30-minute DST
    "Asia/Kathmandu",  # +05:45
    "Pacific/Apia",  # skipped 30 December 2011 entirely
    "Pacific/Chatham",
]


@settings(max_examples=400, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    start=st.datetimes(datetime(1995, 1, 1), datetime(2035, 1, 1), timezones=st.just(UTC)),
    length=st.timedeltas(timedelta(0), timedelta(days=4)),
)
@example(zone="America/St_Johns", start=datetime(2005, 10, 30, 3, 0, tzinfo=UTC), length=timedelta(hours=1))
@example(zone=STHLM, start=datetime(2026, 3, 28, 22, 59, 59, tzinfo=UTC), length=timedelta(hours=5))
@example(zone=STHLM, start=datetime(2026, 10, 24, 21, 0, 1, tzinfo=UTC), length=timedelta(hours=6))
@example(zone="Pacific/Apia", start=datetime(2011, 12, 29, 9, 0, tzinfo=UTC), length=timedelta(hours=3))
def test_parts_sum_to_the_elapsed_whole_minutes(zone: str, start: datetime, length: timedelta) -> None:
    stop = start + length
    parts = split_at_midnight(start, stop, zone)
    assert sum(parts.values()) == int(length.total_seconds() // 60)
    assert all(minutes > 0 for minutes in parts.values())
    tz = ZoneInfo(zone)
    first_day, last_day = start.astimezone(tz).date(), stop.astimezone(tz).date()
    assert all(first_day <= day <= last_day for day in parts)
    # No local date gets more minutes than it is long.
    assert all(minutes <= local_minutes_in_day(day, zone) for day, minutes in parts.items())


@settings(max_examples=200, deadline=None)
@given(
    start=st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1), timezones=st.just(UTC)),
    cut=st.timedeltas(timedelta(0), timedelta(days=2)),
    rest=st.timedeltas(timedelta(0), timedelta(days=2)),
)
def test_minute_aligned_timers_split_additively(start: datetime, cut: timedelta, rest: timedelta) -> None:
    # Stopping and restarting at a whole minute records the same per-day minutes as one timer.
    start = start.replace(second=0, microsecond=0)
    cut = timedelta(minutes=int(cut.total_seconds() // 60))
    rest = timedelta(minutes=int(rest.total_seconds() // 60))
    whole = split_at_midnight(start, start + cut + rest, STHLM)
    first = split_at_midnight(start, start + cut, STHLM)
    second = split_at_midnight(start + cut, start + cut + rest, STHLM)
    merged = dict(first)
    for day, minutes in second.items():
        merged[day] = merged.get(day, 0) + minutes
    assert merged == whole
