"""Demo data: realistic, deterministic, within every timesheet rule, and never mixed into real data.

The plan alone (no database) here; the seeded history and its invoices in test_demo_history.py.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from coapp.domain.contracts import FeeModel
from coapp.domain.durations import MINUTES_PER_DAY
from coapp.domain.public_holidays import COUNTRIES, holiday_name
from coapp.domain.weeks import IsoWeek
from coapp.services.demo import HISTORY_WEEKS, plan_demo
from coapp.services.demo_plan import ROLES, DemoPlan, on_vacation
from coapp.services.sheets import MAX_NOTE

TODAY = date(2026, 11, 26)


def check_plan(plan: DemoPlan, today: date, country: str) -> None:
    this_monday = today - timedelta(days=today.weekday())
    assert plan.first_day == this_monday - timedelta(weeks=HISTORY_WEEKS)
    assert plan.last_day == today - timedelta(days=1)
    current, older = plan.contracts[:3], plan.contracts[3:]
    assert [c.fee_model for c in current] == [FeeModel.HOURLY, FeeModel.DAILY, FeeModel.FIXED]
    assert [c.currency for c in current] == ["SEK", "NOK", "SEK"]
    assert {c.fee_model for c in older} == {FeeModel.HOURLY, FeeModel.DAILY, FeeModel.FIXED}
    for c in plan.contracts:
        assert c.start_date <= c.end_date
        assert Decimal(10) <= c.commission_percent <= Decimal(15)
        assert c.rate > 0
        assert c.currency == ("NOK" if c.client.country == "NO" else "SEK")
    for c in current:
        assert c.start_date < today
        assert c.end_date >= today + timedelta(days=90)
    for c in older:  # ended, and begun within or just before the two years
        assert plan.first_day - timedelta(days=190) <= c.start_date
        assert c.end_date < today - timedelta(days=150)
    # The history opens with the first assignments: no contract expects time the history does not show.
    assert plan.contracts[3].start_date <= plan.first_day < plan.contracts[3].start_date + timedelta(days=31)
    assert min(c.start_date for c in plan.contracts) == plan.contracts[3].start_date
    for role in set(ROLES):  # contracts of one role succeed each other, they never overlap
        periods = sorted((c.start_date, c.end_date) for n, c in enumerate(plan.contracts) if ROLES[n] == role)
        assert all(end < start for (_, end), (start, _) in itertools.pairwise(periods))

    per_day: dict[date, int] = defaultdict(int)
    for e in plan.entries:
        contract = plan.contracts[e.contract]
        assert contract.start_date <= e.work_date <= contract.end_date
        assert plan.first_day <= e.work_date <= plan.last_day
        assert e.work_date.weekday() < 5
        assert holiday_name(e.work_date, country) is None
        assert not on_vacation(e.work_date)
        assert (e.work_date.month, e.work_date.day) not in ((12, 24), (12, 31), (1, 1))
        assert e.minutes > 0
        assert e.minutes % 30 == 0
        assert 0 < len(e.note.strip()) <= MAX_NOTE
        assert "{" not in e.note  # every placeholder filled
        per_day[e.work_date] += e.minutes
    assert all(4 * 60 <= total <= 10 * 60 <= MINUTES_PER_DAY for total in per_day.values())
    assert len({(e.contract, e.work_date) for e in plan.entries}) == len(plan.entries)

    for m in plan.milestones:
        assert plan.contracts[m.contract].fee_model is FeeModel.FIXED
        assert m.due <= plan.last_day
        assert m.amount > 0
    for n, c in enumerate(plan.contracts):
        if c.fee_model is FeeModel.FIXED and c.end_date <= plan.last_day:  # delivered: all billed
            assert sum(m.amount for m in plan.milestones if m.contract == n) == c.rate


@settings(max_examples=25, deadline=None)
@given(today=st.dates(date(2000, 1, 1), date(2090, 12, 31)), country=st.sampled_from(COUNTRIES))
def test_the_plan_is_plausible_for_any_day(today: date, country: str) -> None:
    check_plan(plan_demo(today, country), today, country)


def test_the_plan_is_deterministic_for_a_day() -> None:
    assert plan_demo(TODAY) == plan_demo(TODAY)
    assert plan_demo(TODAY).entries != plan_demo(TODAY + timedelta(days=7)).entries
    check_plan(plan_demo(TODAY), TODAY, "SE")


def test_two_years_of_varied_work() -> None:
    plan = plan_demo(TODAY)
    current = IsoWeek.of(TODAY)
    weeks = {current.shifted(-n) for n in range(HISTORY_WEEKS + 1)}
    minutes_per_week: dict[IsoWeek, int] = defaultdict(int)
    for e in plan.entries:
        minutes_per_week[IsoWeek.of(e.work_date)] += e.minutes
    assert set(minutes_per_week) <= weeks
    assert min(minutes_per_week) == current.shifted(-HISTORY_WEEKS)  # the span is the whole two years
    assert max(minutes_per_week) == current
    months = {(e.work_date.year, e.work_date.month) for e in plan.entries}
    assert len(months) >= 24

    # Free weeks are the vacations (and Christmas); every other whole week is a working week.
    def free(week: IsoWeek) -> int:
        days = week.days()[:5]
        return sum(on_vacation(d) or holiday_name(d) is not None for d in days)

    idle = sorted(w for w in weeks - {current} if minutes_per_week.get(w, 0) == 0)
    assert idle
    assert all(free(w) >= 3 for w in idle), idle
    ordinary = [m for w, m in minutes_per_week.items() if w != current and free(w) == 0]
    assert len(ordinary) >= 80
    assert all(m <= 45 * 60 for m in ordinary), ordinary
    assert sum(m >= 24 * 60 for m in ordinary) >= 0.95 * len(ordinary)  # now and then a week of flu
    worked_weeks = len(minutes_per_week) - 1
    assert 88 <= worked_weeks <= 98  # about 100 weeks less four of summer and one of Christmas, twice

    used = Counter(e.contract for e in plan.entries)
    assert set(used) == set(range(len(plan.contracts)))  # every contract has its time
    hourly = used[0] + used[3]
    assert hourly > used[1] + used[4] > used[2] + used[5] + used[6] > 0  # hourly work is the main one
    assert len({e.note for e in plan.entries}) >= 80
    assert {e.minutes for e in plan.entries} >= {240, 450, 480}


def test_holidays_eves_and_vacations_are_free() -> None:
    plan = plan_demo(date(2026, 8, 31))
    worked = {e.work_date for e in plan.entries}
    # Easter Monday, May Day, Ascension Day, Midsummer Eve (2026)
    for day in (date(2026, 4, 6), date(2026, 5, 1), date(2026, 5, 14), date(2026, 6, 19)):
        assert day not in worked
    # Summer: four weeks from the first Monday of July; back at work the Monday after.
    for year, first in ((2025, date(2025, 7, 7)), (2026, date(2026, 7, 6))):
        summer = {first + timedelta(days=n) for n in range(28)}
        assert not worked & summer
        assert {first - timedelta(days=4), first + timedelta(days=28)} & worked, year
    assert not any((d.month, d.day) >= (12, 24) or (d.month, d.day) == (1, 1) for d in worked)
    assert date(2025, 12, 23) in worked or date(2025, 12, 22) in worked

    weekdays = [
        plan.first_day + timedelta(days=n)
        for n in range((plan.last_day - plan.first_day).days + 1)
        if (plan.first_day + timedelta(days=n)).weekday() < 5
    ]
    ordinary = [d for d in weekdays if holiday_name(d) is None and not on_vacation(d)]
    ordinary = [d for d in ordinary if not (d.month == 6 and 19 <= d.day <= 25 and d.weekday() == 4)]
    assert 0.9 * len(ordinary) <= len(worked) <= 0.99 * len(ordinary)  # a few sick days

    norway = plan_demo(date(2027, 6, 1), "NO")
    assert date(2027, 5, 17) not in {e.work_date for e in norway.entries}  # Constitution Day, a Monday
