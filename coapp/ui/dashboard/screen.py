"""Dashboard (issue 10, dashboardTab), the first screen: the whole journey at a glance.

This week's hours against the contracts' expected hours, drafts waiting for the one-click
confirmation, applications in play and upcoming interviews, favourite assignments and new strong
matches, the agent with the unread messages. Every line leads to its screen (``opened``).

Built at start-up with nothing in it (cheap), filled from one read on a worker once the store is
open (the first ranking of ten thousand assignments takes about a second), again after every sync
and whenever it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.ui.application_states import state_text
from coapp.ui.background import Reread
from coapp.ui.dashboard.cards import ListCard
from coapp.ui.error_text import translated
from coapp.ui.invoices.formats import InvoiceFormats
from coapp.ui.portrait import Portrait
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import ScreenHeader, header_over_cards, make_button

if TYPE_CHECKING:
    from coapp.services.dashboard import Dashboard, WeekHours
    from coapp.ui.app_state import AppState
    from coapp.ui.formats import Formats

PREVIEW = 90  # characters of the last message shown


class DashboardScreen(QWidget):
    opened = Signal(str, str)  # kind ("assignment", "application", "invoice", "timesheet", "messages"), id
    read = Signal(object)  # a Dashboard was read (the window sets the sidebar's badges from it)

    def __init__(self, state: AppState, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTab")
        self.setAccessibleName(self.tr("Dashboard"))
        self.state, self.formats = state, formats
        self.board: Dashboard | None = None
        self._reread: Reread | None = None  # made once the store is open
        self.header = ScreenHeader("dashboard", self.tr("Dashboard"), self)
        self.header.set_status(self.tr("Reading your week, applications and assignments…"))
        self.report_button = make_button(
            self, "reportTimeButton", self.tr("Report time"), self.tr("Open the timesheet (Ctrl+5)"),
            lambda: self.opened.emit("timesheet", ""), primary=True,
        )  # fmt: skip
        self.header.add(self.report_button)
        self._build_cards()
        self._layout()

    def _build_cards(self) -> None:
        self.week = ListCard(
            "weekCard",
            self.tr("This week"),
            self.tr("Timesheet"),
            self.tr("Open the timesheet (Ctrl+5)"),
            self,
        )
        self.week_total = QLabel(self.week)
        self.week_total.setObjectName("weekTotal")
        set_role(self.week_total, "title")
        self.week_bar = QProgressBar(self.week)
        self.week_bar.setObjectName("weekProgress")
        self.week_bar.setTextVisible(False)
        self.week_bar.setMaximumHeight(Space.S)
        self.week.body.insertWidget(1, self.week_total)
        self.week.body.insertWidget(2, self.week_bar)
        self.drafts = ListCard(
            "draftsCard",
            self.tr("Invoices to confirm"),
            self.tr("Invoices"),
            self.tr("Open the invoices (Ctrl+6)"),
            self,
        )
        self.applications = ListCard(
            "applicationsCard",
            self.tr("Applications"),
            self.tr("Applications"),
            self.tr("Open the applications (Ctrl+4)"),
            self,
        )
        to_applications = self.tr("Open the applications (Ctrl+4)")
        self.interviews = ListCard(
            "interviewsCard", self.tr("Upcoming interviews"), self.tr("Applications"), to_applications, self
        )
        self.matches = ListCard(
            "matchesCard",
            self.tr("Assignments for you"),
            self.tr("Assignments"),
            self.tr("Open the assignments (Ctrl+3)"),
            self,
        )
        self.agent = ListCard(
            "agentCard",
            self.tr("Your agent"),
            self.tr("Messages"),
            self.tr("Open the messages (Ctrl+4)"),
            self,
        )
        # The agent's portrait beside the card's lines (name and contact, the last message).
        self.agent_photo = Portrait("dashboardAgentPhoto", Space.XL * 2, self.agent)
        self.agent_photo.hide()
        self.agent.body.removeWidget(self.agent.lines)
        beside = QHBoxLayout()
        beside.setSpacing(Space.M)
        beside.addWidget(self.agent_photo, 0, Qt.AlignmentFlag.AlignTop)
        beside.addWidget(self.agent.lines, 1)
        self.agent.body.insertLayout(1, beside)
        self.week.button.clicked.connect(lambda: self.opened.emit("timesheet", ""))
        self.drafts.button.clicked.connect(lambda: self.opened.emit("invoice", ""))
        self.applications.button.clicked.connect(lambda: self.opened.emit("application", ""))
        self.interviews.button.clicked.connect(lambda: self.opened.emit("application", ""))
        self.matches.button.clicked.connect(lambda: self.opened.emit("assignment", ""))
        self.agent.button.clicked.connect(lambda: self.opened.emit("messages", ""))
        for card in self.cards():
            card.lines.opened.connect(self.opened)

    def cards(self) -> list[ListCard]:
        """In reading order (the Tab order follows it)."""
        return [self.week, self.drafts, self.applications, self.interviews, self.matches, self.agent]

    def _layout(self) -> None:
        inside = QWidget(self)
        inside.setObjectName("dashboardCards")
        grid = QGridLayout(inside)
        grid.setContentsMargins(Space.XL, Space.L, Space.XL, Space.XL)
        grid.setHorizontalSpacing(Space.L)
        grid.setVerticalSpacing(Space.L)
        for place, card in enumerate(self.cards()):
            grid.addWidget(card, place // 2, place % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        header_over_cards(self, self.header, inside)
        self.setFocusProxy(self.report_button)

    # --- reading -------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.reload()  # what other screens changed shows the moment it comes back

    def reload(self) -> None:
        """Read everything again on a worker (coalesced: a reload asked meanwhile reads once more)."""
        if not self.state.ready:
            return
        if self._reread is None:
            self._reread = Reread(self, self.state.tasks, self._prepare, self.show_board, self._failed)
        self._reread.request()

    def _prepare(self) -> Callable[[], Dashboard]:
        reader, country = self.state.ctx.dashboard, self.state.settings.holiday_country
        return lambda: reader.read(date.today(), datetime.now(UTC), country)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, CoappError):
            raise error
        self.header.set_status(
            self.tr("Could not read the dashboard: {reason}").format(reason=translated(error))
        )

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        if self.board is not None:
            self.show_board(self.board)

    # --- filling -------------------------------------------------------------------------------

    def show_board(self, board: Dashboard) -> None:
        self.board = board
        for card in self.cards():
            card.clear()
        self._show_week(board.week)
        self._show_drafts(board)
        self._show_applications(board)
        self._show_interviews(board)
        self._show_matches(board)
        self._show_agent(board)
        now = datetime.now().astimezone()
        self.header.set_status(
            self.tr("Updated {time} · {week}").format(
                time=f"{now:%H:%M}", week=self.formats.week_title(board.week.week)
            )
        )
        self.read.emit(board)

    def _show_week(self, week: WeekHours) -> None:
        f = self.formats
        self.week.figure.setText(f"{f.week_title(week.week)} · {f.week_range(week.week)}")
        self.week_total.setText(
            self.tr("{reported} of {expected} hours").format(
                reported=f.hours_always(week.reported), expected=f.hours_always(week.expected)
            )
        )
        self.week_bar.setRange(0, max(week.expected, 1))
        self.week_bar.setValue(min(week.reported, max(week.expected, 1)))
        self.week_bar.setAccessibleName(self.week_total.text())
        for c in week.contracts:
            self.week.lines.add(
                self.tr("{title} · {client} — {reported} of {expected}").format(
                    title=c.title, client=c.client_name,
                    reported=f.hours_always(c.reported), expected=f.hours_always(c.expected),
                ),
                "timesheet", c.contract_id,
            )  # fmt: skip
        self.week_total.setVisible(bool(week.contracts))
        self.week_bar.setVisible(bool(week.contracts))
        self.week.show_lines(
            self.tr("No contract runs this week. Add one on the timesheet: Time → Add contract.")
        )

    def _show_drafts(self, board: Dashboard) -> None:
        money = InvoiceFormats(self.formats)
        for d in board.drafts:
            period = f"{self.formats.date(d.period_start)} – {self.formats.date(d.period_end)}"
            self.drafts.lines.add(
                f"{d.contract_title} · {period} — {money.money(d.total, d.currency)}", "invoice", d.id
            )
        if board.drafts:
            n = len(board.drafts)
            self.drafts.figure.setText(self.tr("1 waiting") if n == 1 else self.tr("{n} waiting").format(n=n))
        self.drafts.show_lines(self.tr("Nothing to confirm. Make a draft from the timesheet with Ctrl+I."))

    def _show_applications(self, board: Dashboard) -> None:
        for a in board.applications:
            moved = self.tr(" · updated") if a.id in board.moved else ""
            self.applications.lines.add(
                f"{a.assignment_title} · {a.client_name} — {state_text(a.state)}{moved}", "application", a.id
            )
        if board.open_applications:
            self.applications.figure.setText(self.tr("{n} in play").format(n=board.open_applications))
        self.applications.show_lines(
            self.tr("No applications in play. Choose an assignment (Ctrl+3) and apply with your rate.")
        )

    def _show_interviews(self, board: Dashboard) -> None:
        for u in board.interviews:
            start, end = u.interview.starts_at.astimezone(), u.interview.ends_at.astimezone()
            where = u.interview.place or u.interview.video_url
            agent = self.tr(" · your agent attends") if u.interview.agent_attends else ""
            self.interviews.lines.add(
                f"{self.formats.date(start.date())} {start:%H:%M}–{end:%H:%M} · {where}\n"
                f"{u.application.assignment_title} · {u.application.client_name}{agent}",
                "application",
                u.application.id,
            )
        self.interviews.show_lines(self.tr("No interviews booked. When your agent books one, it shows here."))

    def _show_matches(self, board: Dashboard) -> None:
        for item in board.favourites:
            self.matches.lines.add(
                self.tr("★ {title} · {client} — match {score}").format(
                    title=item.title, client=item.client_name, score=item.score
                ),
                "assignment",
                item.id,
            )
        for item in board.strong_matches:
            new = self.tr(" · new") if item.id in board.new_matches else ""
            self.matches.lines.add(
                self.tr("{title} · {client} — match {score}").format(
                    title=item.title, client=item.client_name, score=item.score
                )
                + new,
                "assignment",
                item.id,
            )
        self.matches.show_lines(
            self.tr(
                "No favourites or strong matches yet. A fuller profile (Ctrl+2) finds better ones; sync (F5) for new assignments."  # noqa: E501
            )
        )

    def _show_agent(self, board: Dashboard) -> None:
        agent = board.agent
        self.agent_photo.setVisible(agent is not None)
        if agent is not None:
            self.agent_photo.show_person(agent.name, agent.photo)
            contact = " · ".join(part for part in (agent.email, agent.phone) if part)
            self.agent.lines.add(f"{agent.name} — {contact}" if contact else agent.name, "messages", "")
        last = board.last_message
        if last is not None:
            text = " ".join(last.text.split())
            text = text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"
            when = self.formats.date(last.sent_at.astimezone().date())
            self.agent.lines.add(f"{when}: {text}", "messages", "", last.text)
        if board.unread:
            self.agent.figure.setText(
                self.tr("1 unread message")
                if board.unread == 1
                else self.tr("{n} unread messages").format(n=board.unread)
            )
        self.agent.show_lines(
            self.tr("Your agent is named when you first apply or when the platform assigns one.")
        )
