"""Notices (each event told once, across restarts; unread messages and moved applications) and the
dashboard's read (strong matches, applications in play, the week against its expected hours)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

from coapp.app.context import AppContext
from coapp.domain.expected_time import WorkingDay, expected_minutes, expected_total
from coapp.models import AgentCard, ApplicationRow, InterviewRow
from coapp.services.notices import NoticeKind
from coapp.services.timesheet import CellChange
from tests.conftest import make_contract
from tests.services.assignments_helpers import assignment_id, put_assignment
from tests.services.notice_helpers import NOW, agent_message, applied, move, remote


def test_the_first_look_is_silent_then_each_event_is_told_once(ctx: AppContext) -> None:
    put_assignment(ctx, 1, "Backend developer")
    remote(ctx, AgentCard(agent_id="ag", name="Anna Agent"), agent_message("Welcome!"))
    assert ctx.notices.take_new(NOW) == []  # what was there before is not news
    app = applied(ctx)
    remote(ctx, agent_message("Hej! Kunden vill träffas."), move(app, "proposed"))
    starts = NOW + timedelta(days=2)
    interview = InterviewRow(
        id=str(uuid.uuid4()), application_id=app, starts_at=starts, ends_at=starts + timedelta(hours=1),
        place="Kungsgatan 1", server_version=3,
    )  # fmt: skip
    remote(ctx, interview, move(app, "submitted", actor="freelancer"))
    told = ctx.notices.take_new(NOW)
    assert [e.kind for e in told] == [NoticeKind.MESSAGE, NoticeKind.MOVE, NoticeKind.INTERVIEW]
    assert told[0].subject == "Anna Agent"
    assert told[0].detail == "Hej! Kunden vill träffas."
    assert told[1].subject == "Backend developer"
    assert told[1].detail == "proposed"
    assert told[2].target_id == app
    assert told[2].detail == "Kungsgatan 1"
    assert ctx.notices.take_new(NOW) == []  # never a second time
    # The interview moved: a new start is a new event.
    with ctx.store.write() as s:
        s.info["applying_remote"] = True
        row = s.get_one(InterviewRow, interview.id)
        row.starts_at, row.ends_at = starts + timedelta(days=1), starts + timedelta(days=1, hours=1)
    [again] = ctx.notices.take_new(NOW)
    assert again.kind is NoticeKind.INTERVIEW


def test_told_once_across_a_restart(data_dir: Path) -> None:
    first = AppContext.open(data_dir)
    try:
        first.notices.take_new(NOW)
        remote(first, AgentCard(agent_id="ag", name="Anna"), agent_message("One"))
        assert len(first.notices.take_new(NOW)) == 1
    finally:
        first.close()
    second = AppContext.open(data_dir)
    try:
        assert second.notices.take_new(NOW) == []
    finally:
        second.close()


def test_a_strong_match_is_told_unless_applied_or_closed(ctx: AppContext) -> None:
    ctx.notices.take_new(NOW)
    ctx.profile.add_skill("Python", level=5)
    ctx.profile.add_skill("PostgreSQL", level=5)
    put_assignment(ctx, 1, "Python backend", must_have=["Python", "PostgreSQL"], workplace="remote")
    put_assignment(
        ctx, 2, "Closed Python", must_have=["Python", "PostgreSQL"], workplace="remote", status="closed"
    )
    put_assignment(ctx, 3, "Frontend", must_have=["React", "TypeScript", "CSS"], workplace="remote")
    ctx.assignments.invalidate()
    told = ctx.notices.take_new(NOW)
    assert [(e.kind, e.subject) for e in told] == [(NoticeKind.MATCH, "Python backend")]
    assert int(told[0].detail) >= 75
    put_assignment(ctx, 4, "Another Python", must_have=["Python", "PostgreSQL"], workplace="remote")
    applied(ctx, 4)  # applied before the round: not news
    ctx.assignments.invalidate()
    assert ctx.notices.take_new(NOW) == []


def test_messages_and_moves_are_unread_until_seen(ctx: AppContext) -> None:
    put_assignment(ctx, 1, "Backend developer")
    app = applied(ctx)
    remote(
        ctx,
        agent_message("a"),
        agent_message("b"),
        move(app, "proposed"),
        move(app, "submitted", "freelancer"),
    )
    ctx.applications.send_message("mine")  # the freelancer's own are never unread
    assert ctx.notices.unread_messages() == 2
    assert ctx.notices.moved_applications() == {app}
    ctx.notices.mark_seen(NOW)
    assert ctx.notices.unread_messages() == 0
    assert ctx.notices.moved_applications() == frozenset()
    ctx.notices.take_new(NOW)
    remote(ctx, agent_message("c"))
    assert ctx.notices.unread_messages() == 1
    ctx.notices.mark_seen(NOW)
    assert ctx.notices.take_new(NOW) == []  # read on the screen before a notification: not told


def test_one_person_works_one_day_however_many_contracts_share_it() -> None:
    week = [date(2026, 12, 21) + timedelta(days=i) for i in range(7)]  # Mon 21 – Sun 27 Dec 2026
    holidays = {date(2026, 12, 24), date(2026, 12, 25)}
    full = WorkingDay(date(2026, 1, 1), None, 480)
    half = WorkingDay(date(2026, 12, 22), None, 240)
    long_day = WorkingDay(date(2026, 12, 23), date(2026, 12, 23), 540)
    # Mon, Tue, Wed (Thu and Fri are holidays): 480 each, but 540 on the Wednesday a longer day runs.
    assert expected_total(week, [full, half, long_day], holidays) == 480 + 480 + 540
    assert expected_total(week, [half], holidays) == 240 + 240  # Tue, Wed
    assert expected_total(week, [], holidays) == 0


def test_expected_minutes_skip_weekends_holidays_and_days_outside_the_contract() -> None:
    week = [date(2026, 12, 21) + timedelta(days=i) for i in range(7)]  # Christmas week
    holidays = {date(2026, 12, 24), date(2026, 12, 25)}
    assert expected_minutes(week, date(2026, 1, 1), None, 480, holidays) == 3 * 480
    assert expected_minutes(week, date(2026, 12, 23), None, 480, set()) == 3 * 480
    assert expected_minutes(week, date(2026, 1, 1), date(2026, 12, 22), 240, set()) == 2 * 240
    assert expected_minutes(week, date(2027, 1, 1), None, 480, set()) == 0


def test_the_dashboard_reads_the_whole_journey(ctx: AppContext) -> None:
    today = date(2026, 12, 7)  # a Monday, no holiday that week in Sweden
    contract = make_contract(ctx, "Backend", start_date=date(2026, 1, 1))
    ctx.timesheet.apply(
        [CellChange(contract.id, today, 450), CellChange(contract.id, today + timedelta(1), 480)]
    )
    ctx.profile.add_skill("Python", level=5)
    ctx.profile.add_skill("PostgreSQL", level=5)
    put_assignment(
        ctx,
        1,
        "Python backend",
        must_have=["Python", "PostgreSQL"],
        workplace="remote",
        published_at=NOW - timedelta(1),
    )
    put_assignment(
        ctx,
        2,
        "Python old",
        must_have=["Python", "PostgreSQL"],
        workplace="remote",
        published_at=NOW - timedelta(30),
    )
    put_assignment(ctx, 3, "Liked frontend", must_have=["React"], workplace="remote")
    put_assignment(ctx, 4, "Applied Python", must_have=["Python", "PostgreSQL"], workplace="remote")
    ctx.assignments.favourite(assignment_id(3))
    app = applied(ctx, 4)
    remote(ctx, move(app, "proposed"), AgentCard(agent_id="ag", name="Anna"), agent_message("Ring mig"))
    board = ctx.dashboard.read(today, NOW, "SE")
    assert [i.title for i in board.favourites] == ["Liked frontend"]
    assert [i.title for i in board.strong_matches] == ["Python backend", "Python old"]
    assert board.new_matches == {assignment_id(1)}
    assert [a.id for a in board.applications] == [app]
    assert board.moved == {app}
    assert (board.week.reported, board.week.expected) == (930, 5 * contract.minutes_per_day)
    assert board.agent is not None
    assert board.agent.name == "Anna"
    assert board.unread == 1
    assert board.last_message is not None
    assert board.last_message.text == "Ring mig"
    assert board.drafts == ()
    assert board.interviews == ()
    # A withdrawn application leaves the dashboard (not the applications screen).
    ctx.applications.withdraw(app)
    with ctx.store.write() as s:
        s.info["applying_remote"] = True
        s.get_one(ApplicationRow, app).state = "withdrawn"
    assert ctx.dashboard.read(today, NOW, "SE").applications == ()
