"""The dashboard's one read (issue 10): the whole journey at a glance, in plain values.

Favourites and new strong matches, applications and their state, this week's hours against the
contracts' expected hours, drafts waiting for confirmation, upcoming interviews, the agent and the
unread messages. Read on a worker (the first ranking of the assignments may take a second); every
part comes from the service that owns it, so the dashboard never says something another screen
contradicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from coapp.domain.applications import ApplicationState
from coapp.domain.expected_time import WorkingDay, expected_minutes, expected_total
from coapp.domain.invoices import InvoiceState
from coapp.domain.matching import STRONG_MATCH
from coapp.domain.public_holidays import holidays_of_year
from coapp.domain.weeks import IsoWeek
from coapp.services.applications import Agent, ApplicationService, Message
from coapp.services.applications_views import Application, Interview
from coapp.services.assignments import AssignmentService
from coapp.services.assignments_rows import AssignmentItem
from coapp.services.invoice_queries import InvoiceQueries, InvoiceSummary
from coapp.services.notices import NoticeService
from coapp.services.timesheet import TimesheetService

SHOWN = 5  # items per list on the dashboard; the screen behind it has the rest
NEW_FOR = timedelta(days=7)  # a match published this recently is "new"
# Applications still in play (a closed one drops off the dashboard, not off the applications screen).
_OPEN_STATES = frozenset(
    s.value
    for s in (
        ApplicationState.SUBMITTED,
        ApplicationState.PROPOSED,
        ApplicationState.INTERVIEW,
        ApplicationState.OFFER,
    )
) | {"draft"}


@dataclass(frozen=True)
class ContractWeek:
    contract_id: str
    title: str
    client_name: str
    reported: int  # minutes
    expected: int


@dataclass(frozen=True)
class WeekHours:
    week: IsoWeek
    contracts: tuple[ContractWeek, ...]
    # One person's week (coapp.domain.expected_time.expected_total): not the sum of the contracts'
    # when they overlap.
    expected: int

    @property
    def reported(self) -> int:
        return sum(c.reported for c in self.contracts)


@dataclass(frozen=True)
class UpcomingInterview:
    application: Application
    interview: Interview


@dataclass(frozen=True)
class Dashboard:
    favourites: tuple[AssignmentItem, ...]
    strong_matches: tuple[AssignmentItem, ...]  # not favourites, not applied to, open; best first
    new_matches: frozenset[str]  # of those, the ids published within NEW_FOR
    applications: tuple[Application, ...]  # still in play, the latest move first
    moved: frozenset[str]  # applications the platform moved since the freelancer looked
    open_applications: int
    week: WeekHours
    drafts: tuple[InvoiceSummary, ...]  # waiting for the one-click confirmation
    interviews: tuple[UpcomingInterview, ...]  # soonest first
    agent: Agent | None
    unread: int
    last_message: Message | None


@dataclass(frozen=True)
class DashboardReader:
    assignments: AssignmentService
    applications: ApplicationService
    timesheet: TimesheetService
    invoices: InvoiceQueries
    notices: NoticeService

    def read(self, today: date, now: datetime, holiday_country: str) -> Dashboard:
        ranked = self.assignments.search()
        applications = self.applications.list()
        applied = {a.assignment_id for a in applications}
        favourites = [i for i in ranked.items if i.id in ranked.favourites]
        strong = [
            i
            for i in ranked.items
            if i.score >= STRONG_MATCH
            and not i.closed
            and i.id not in ranked.favourites
            and i.id not in applied
        ][:SHOWN]
        in_play = [a for a in applications if a.state in _OPEN_STATES]
        in_play.sort(key=_last_move, reverse=True)
        interviews = [
            UpcomingInterview(a, a.interview)
            for a in applications
            if a.interview is not None and a.interview.ends_at > now and a.state in _OPEN_STATES
        ]
        interviews.sort(key=lambda u: u.interview.starts_at)
        messages = self.applications.messages()
        return Dashboard(
            favourites=tuple(favourites[:SHOWN]),
            strong_matches=tuple(strong),
            new_matches=frozenset(i.id for i in strong if now - i.published_at <= NEW_FOR),
            applications=tuple(in_play[:SHOWN]),
            moved=self.notices.moved_applications(),
            open_applications=len(in_play),
            week=self.week_hours(today, holiday_country),
            drafts=tuple(self.invoices.list(state=InvoiceState.DRAFT)),
            interviews=tuple(interviews[:SHOWN]),
            agent=self.applications.agent(),
            unread=self.notices.unread_messages(),
            last_message=next((m for m in reversed(messages) if m.sender == "agent"), None),
        )

    def week_hours(self, today: date, holiday_country: str) -> WeekHours:
        week = IsoWeek.of(today)
        sheet = self.timesheet.week(week)
        days = [week.monday + timedelta(days=i) for i in range(7)]
        years = {d.year for d in days}
        holidays = {day for year in years for day in holidays_of_year(year, holiday_country)}
        return WeekHours(
            week,
            tuple(
                ContractWeek(
                    row.contract.id,
                    row.contract.title,
                    row.contract.client_name,
                    row.total,
                    expected_minutes(
                        days,
                        row.contract.start_date,
                        row.contract.end_date,
                        row.contract.minutes_per_day,
                        holidays,
                    ),
                )
                for row in sheet.rows
            ),
            expected_total(
                days,
                [
                    WorkingDay(r.contract.start_date, r.contract.end_date, r.contract.minutes_per_day)
                    for r in sheet.rows
                ],
                holidays,
            ),
        )


def _last_move(application: Application) -> datetime:
    return application.events[-1].at if application.events else datetime.min.replace(tzinfo=UTC)
