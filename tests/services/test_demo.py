"""Demo data: realistic, deterministic, within every timesheet rule, and never mixed into real data."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coapp.app.context import AppContext
from coapp.domain.contracts import FeeModel, RoundingMode
from coapp.domain.durations import MINUTES_PER_DAY
from coapp.domain.public_holidays import COUNTRIES, holiday_name
from coapp.domain.weeks import IsoWeek
from coapp.services.demo import HISTORY_WEEKS, plan_demo, seed_demo
from coapp.services.errors import AlreadySeededError
from coapp.services.sheets import MAX_NOTE

TODAY = date(2026, 11, 26)


@settings(max_examples=40, deadline=None)
@given(today=st.dates(date(2000, 1, 1), date(2090, 12, 31)), country=st.sampled_from(COUNTRIES))
def test_the_plan_is_plausible_for_any_day(today: date, country: str) -> None:
    plan = plan_demo(today, country)

    this_monday = today - timedelta(days=today.weekday())
    assert plan.first_day == this_monday - timedelta(weeks=HISTORY_WEEKS)
    assert plan.last_day == today - timedelta(days=1)
    assert [c.fee_model for c in plan.contracts] == [FeeModel.HOURLY, FeeModel.DAILY, FeeModel.FIXED]
    assert [c.currency for c in plan.contracts] == ["SEK", "NOK", "SEK"]
    for c in plan.contracts:
        assert c.start_date < plan.first_day
        assert c.end_date >= today + timedelta(days=90)
        assert Decimal(10) <= c.commission_percent <= Decimal(15)
        assert c.rate > 0

    per_day: dict[date, int] = defaultdict(int)
    for e in plan.entries:
        assert plan.first_day <= e.work_date <= plan.last_day
        assert e.work_date.weekday() < 5
        assert holiday_name(e.work_date, country) is None
        assert e.minutes > 0
        assert e.minutes % 30 == 0
        assert 0 < len(e.note.strip()) <= MAX_NOTE
        assert "{" not in e.note  # every placeholder filled
        per_day[e.work_date] += e.minutes
    assert all(4 * 60 <= total <= 10 * 60 <= MINUTES_PER_DAY for total in per_day.values())
    assert len({(e.contract, e.work_date) for e in plan.entries}) == len(plan.entries)


def test_the_plan_is_deterministic_for_a_day() -> None:
    assert plan_demo(TODAY) == plan_demo(TODAY)
    assert plan_demo(TODAY).entries != plan_demo(TODAY + timedelta(days=7)).entries


def test_the_plan_has_twelve_weeks_of_varied_work() -> None:
    plan = plan_demo(TODAY)
    weeks = Counter(IsoWeek.of(e.work_date) for e in plan.entries)
    current = IsoWeek.of(TODAY)
    assert set(weeks) == {current.shifted(-n) for n in range(HISTORY_WEEKS + 1)}

    hours_per_week = defaultdict(int)
    for e in plan.entries:
        hours_per_week[IsoWeek.of(e.work_date)] += e.minutes
    full_weeks = [m for w, m in hours_per_week.items() if w != current]
    assert all(24 * 60 <= m <= 45 * 60 for m in full_weeks), full_weeks

    used = Counter(e.contract for e in plan.entries)
    assert used[0] > used[1] > used[2] > 0  # the hourly assignment is the main one
    assert len({e.note for e in plan.entries}) >= 30
    assert {e.minutes for e in plan.entries} >= {240, 450, 480}


def test_public_holidays_and_eves_are_free() -> None:
    plan = plan_demo(date(2026, 6, 30))
    worked = {e.work_date for e in plan.entries}
    # Easter Monday, May Day, Ascension Day, Midsummer Eve (2026)
    for day in (date(2026, 4, 6), date(2026, 5, 1), date(2026, 5, 14), date(2026, 6, 19)):
        assert day not in worked
    weekdays = [
        plan.first_day + timedelta(days=n)
        for n in range((plan.last_day - plan.first_day).days + 1)
        if (plan.first_day + timedelta(days=n)).weekday() < 5
    ]
    ordinary = [d for d in weekdays if holiday_name(d) is None and d != date(2026, 6, 19)]
    assert len(worked) >= 0.85 * len(ordinary)

    norway = plan_demo(date(2027, 6, 1), "NO")
    assert date(2027, 5, 17) not in {e.work_date for e in norway.entries}  # Constitution Day, a Monday


def test_seeding_writes_the_plan_through_the_services(ctx: AppContext) -> None:
    summary = seed_demo(ctx, today=TODAY)
    plan = plan_demo(TODAY)

    contracts = ctx.contracts.all()
    assert {c.id for c in contracts} == {c.id for c in summary.contracts}
    by_title = {c.title: c for c in contracts}
    for planned in plan.contracts:
        stored = by_title[planned.title]
        assert (stored.client_name, stored.fee_model, stored.rate, stored.currency) == (
            planned.client_name,
            planned.fee_model,
            planned.rate,
            planned.currency,
        )
        assert (stored.start_date, stored.end_date, stored.rounding) == (
            planned.start_date,
            planned.end_date,
            planned.rounding,
        )
    assert by_title["Backendutveckling mätdataplattform"].rounding.mode is RoundingMode.UP

    entries = ctx.timesheet.entries_between(plan.first_day - timedelta(days=365), TODAY + timedelta(days=365))
    index = {c.id: n for n, c in enumerate(summary.contracts)}
    assert sorted((index[cid], day, minutes, note) for cid, day, minutes, note in entries) == sorted(
        (e.contract, e.work_date, e.minutes, e.note) for e in plan.entries
    )
    assert summary.entries == len(entries)
    assert summary.total_minutes == sum(m for _, _, m, _ in entries)
    assert (summary.first_day, summary.last_day) == (plan.first_day, plan.last_day)

    # The grid opens on this week: all three contracts show, with this week's time so far.
    sheet = ctx.timesheet.week(IsoWeek.of(TODAY))
    assert len(sheet.rows) == 3
    assert sheet.total > 0


def test_seeding_twice_is_refused_and_changes_nothing(ctx: AppContext) -> None:
    seed_demo(ctx, today=TODAY)
    before = (ctx.contracts.all(), ctx.timesheet.entries_between(date(2000, 1, 1), date(2100, 1, 1)))

    with pytest.raises(AlreadySeededError, match="already holds 3 contract"):
        seed_demo(ctx, today=TODAY + timedelta(days=1))

    assert (ctx.contracts.all(), ctx.timesheet.entries_between(date(2000, 1, 1), date(2100, 1, 1))) == before


def test_seeding_refuses_a_folder_with_real_contracts(ctx: AppContext) -> None:
    ctx.contracts.create(
        client_name="Riktig Kund AB",
        title="Riktigt uppdrag",
        fee_model=FeeModel.HOURLY,
        rate=Decimal("1000"),
        currency="SEK",
        commission_percent=Decimal("10"),
        start_date=date(2026, 1, 1),
        end_date=None,
    )
    with pytest.raises(AlreadySeededError):
        seed_demo(ctx, today=TODAY)
    assert [c.title for c in ctx.contracts.all()] == ["Riktigt uppdrag"]
    assert ctx.timesheet.entries_between(date(2000, 1, 1), date(2100, 1, 1)) == []


def test_the_demo_business_is_a_real_swedish_sole_trader(ctx: AppContext) -> None:
    from stdnum.se import personnummer

    from coapp.domain.identifiers import vat_number_from_org_number
    from coapp.services.business import field_problems, missing_for_invoicing
    from coapp.services.demo import DEMO_BUSINESS

    info = DEMO_BUSINESS
    assert (info.company_form, info.country, info.f_skatt) == ("sole_trader", "SE", True)
    # Her organisation number is her personnummer (month 01-12 in digits 3-4, never an AB's 55...).
    assert personnummer.is_valid(info.org_number)
    assert not info.org_number.startswith("5")
    assert info.vat_number == vat_number_from_org_number(info.org_number, "SE") == f"SE{info.org_number}01"
    assert info.bankgiro
    assert info.registered_office == ""  # only a limited company shows its säte
    assert field_problems(info) == {}
    assert missing_for_invoicing(info) == []

    seed_demo(ctx, today=TODAY)
    saved = ctx.business.get()
    assert (saved.name, saved.org_number, saved.vat_number) == (info.name, info.org_number, info.vat_number)
    contract = next(c for c in ctx.contracts.all() if c.title.startswith("Backend"))
    draft = ctx.drafts.create(contract.id, TODAY - timedelta(days=28), TODAY - timedelta(days=1), today=TODAY)
    assert ctx.confirmation.preflight(draft.id) == []
    assert ctx.confirmation.confirm(draft.id, today=TODAY).number
