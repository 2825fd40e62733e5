"""Applications (issue 10, applicationsTab): every application with its state, the chosen one's
timeline, interview (with Add to calendar: an .ics file) and consent, Withdraw while the pipeline
allows it; and the agent's card with the message thread, which works offline (a message waits for
the next sync and says so)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.applications import Actor, ApplicationState, moves_for
from coapp.domain.errors import CoappError
from coapp.services.applications import FULL_PROFILE
from coapp.ui.application_states import state_text
from coapp.ui.error_text import error_text, translated
from coapp.ui.invoices.formats import InvoiceFormats
from coapp.ui.portrait import Portrait
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card, ErrorBanner, ScreenHeader, ask_save_path, make_button

if TYPE_CHECKING:
    from coapp.services.applications import ApplicationService
    from coapp.services.applications_views import Application
    from coapp.ui.app_state import AppState
    from coapp.ui.formats import Formats


class ApplicationsScreen(QWidget):
    changed = Signal()  # a withdrawal or a message waits: the window asks for a sync

    def __init__(self, state: AppState, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicationsTab")
        self.setAccessibleName(self.tr("Applications"))
        self.state, self.formats = state, formats
        self.applications: list[Application] = []
        self.header = ScreenHeader("applications", self.tr("Applications"), self)
        self.export_button = make_button(
            self, "exportConsentsButton", self.tr("Export consents…"),
            self.tr("Every consent you gave, as a JSON file"), self.export_consents,
        )  # fmt: skip
        self.header.add(self.export_button)
        self.banner = ErrorBanner("applicationsBanner", self.tr("Application messages"), self)

        self.list = QListWidget(self)
        self.list.setObjectName("applicationList")
        self.list.setAccessibleName(self.tr("Your applications"))
        self.list.setSpacing(Space.XS)  # two lines per application: room between them
        self.list.currentRowChanged.connect(lambda _row: self._show_chosen())
        self.empty = QLabel(self.tr("No applications yet. Choose an assignment and Apply… (Ctrl+3)."), self)
        self.empty.setWordWrap(True)
        set_role(self.empty, "empty")

        self.detail = Card("applicationDetail", self)
        self.title = QLabel(self.detail)
        self.title.setWordWrap(True)
        set_role(self.title, "title")
        self.status = QLabel(self.detail)
        set_role(self.status, "subtitle")
        self.timeline = QLabel(self.detail)
        self.timeline.setObjectName("applicationTimeline")
        self.timeline.setWordWrap(True)
        self.interview = QLabel(self.detail)
        self.interview.setObjectName("applicationInterview")
        self.interview.setWordWrap(True)
        self.interview.setOpenExternalLinks(True)
        self.consent = QLabel(self.detail)
        self.consent.setObjectName("applicationConsent")
        self.consent.setWordWrap(True)
        set_role(self.consent, "hint")
        self.ics_button = make_button(
            self.detail, "interviewIcsButton", self.tr("Add to calendar…"),
            self.tr("Save the interview as a calendar file (.ics)"), self.save_ics,
        )  # fmt: skip
        self.withdraw_button = make_button(
            self.detail, "withdrawButton", self.tr("Withdraw…"),
            self.tr("Take the application back; the client is told"), self.withdraw,
        )  # fmt: skip
        buttons = QHBoxLayout()
        buttons.addWidget(self.ics_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        for widget in (self.title, self.status, self.timeline, self.interview, self.consent):
            self.detail.body.addWidget(widget)
        self.detail.body.addLayout(buttons)
        self.detail.body.addStretch(1)

        self.agent = Card("agentCard", self)
        self.agent_text = QLabel(self.agent)
        self.agent_text.setObjectName("agentText")
        self.agent_text.setWordWrap(True)
        self.messages = QListWidget(self.agent)
        self.messages.setObjectName("messageList")
        self.messages.setAccessibleName(self.tr("Messages with your agent"))
        self.messages.setAccessibleDescription(self.tr("Oldest first; a message waiting for a sync says so"))
        self.messages.setWordWrap(True)
        self.messages.setSpacing(Space.XS)
        self.message = QLineEdit(self.agent)
        self.message.setObjectName("messageInput")
        self.message.setPlaceholderText(self.tr("Write to your agent and press Enter"))
        self.message.setAccessibleName(self.tr("Message to your agent"))
        self.message.returnPressed.connect(self.send_message)
        heading = QLabel(self.tr("Your agent"), self.agent)
        set_role(heading, "subtitle")
        self.agent_photo = Portrait("agentPhoto", Space.XL * 2, self.agent)
        who = QHBoxLayout()
        who.setSpacing(Space.M)
        who.addWidget(self.agent_photo, 0, Qt.AlignmentFlag.AlignTop)
        who.addWidget(self.agent_text, 1)
        self.agent.body.addWidget(heading)
        self.agent.body.addLayout(who)
        for widget in (self.messages, self.message):
            self.agent.body.addWidget(widget)
        self._layout()
        self.header.set_status(self.tr("Loading applications…"))
        state.when_ready(self.reload)

    def _layout(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(Space.XL, Space.L, Space.S, Space.L)
        column.addWidget(self.banner)
        column.addWidget(self.list, 1)
        column.addWidget(self.empty)
        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(Space.S, Space.L, Space.XL, Space.L)
        side.setSpacing(Space.L)
        side.addWidget(self.detail, 3)
        side.addWidget(self.agent, 2)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.list)

    @property
    def service(self) -> ApplicationService:
        return self.state.ctx.applications

    # --- reading -----------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the applications, the agent and the messages again (after a sync, an edit)."""
        if not self.state.ready:
            return
        chosen = self.chosen()
        self.applications = self.service.list()
        self.list.blockSignals(True)
        self.list.clear()
        for application in self.applications:
            text = (
                f"{application.assignment_title}\n{application.client_name} · {state_text(application.state)}"
            )
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, application.id)
        self.list.blockSignals(False)
        ids = [a.id for a in self.applications]
        self.list.setCurrentRow(ids.index(chosen.id) if chosen is not None and chosen.id in ids else 0)
        self.list.setVisible(bool(self.applications))
        self.empty.setVisible(not self.applications)
        self._show_chosen()
        self._show_agent()
        waiting = sum(1 for a in self.applications if a.waiting)
        counted = (
            self.tr("1 application · {waiting} waiting for a sync")
            if len(ids) == 1
            else self.tr("{n} applications · {waiting} waiting for a sync")
        )
        self.header.set_status(counted.format(n=len(ids), waiting=waiting))

    def select(self, application_id: str) -> None:
        """Show *application_id* (the dashboard or a notification leads here)."""
        self.reload()
        ids = [a.id for a in self.applications]
        if application_id in ids:
            self.list.setCurrentRow(ids.index(application_id))
        self.list.setFocus()

    def focus_messages(self) -> None:
        """The thread with the agent, ready to write in."""
        self.reload()
        self.message.setFocus()

    def chosen(self) -> Application | None:
        row = self.list.currentRow()
        return self.applications[row] if 0 <= row < len(self.applications) else None

    def _show_chosen(self) -> None:
        application = self.chosen()
        self.detail.setVisible(application is not None)
        if application is None:
            return
        f = self.formats
        self.title.setText(f"{application.assignment_title} · {application.client_name}")
        refused = f" — {application.refused_message}" if application.refused_message else ""
        self.status.setText(state_text(application.state) + refused)
        lines = [
            f"{f.date(event.at.astimezone().date())}  {state_text(event.state)}"
            + (f": {event.text}" if event.text else "")
            for event in application.events
        ]
        self.timeline.setText("\n".join(lines) or self.tr("Nothing has happened yet."))
        interview = application.interview
        if interview is None:
            self.interview.setText(self.tr("No interview booked."))
        else:
            start, end = interview.starts_at.astimezone(), interview.ends_at.astimezone()
            where = interview.place or interview.video_url
            attends = (
                self.tr("your agent attends") if interview.agent_attends else self.tr("without your agent")
            )
            self.interview.setText(
                self.tr("Interview {day} {start}–{end}, {where} ({attends})").format(
                    day=f.date(start.date()),
                    start=f"{start:%H:%M}",
                    end=f"{end:%H:%M}",
                    where=where,
                    attends=attends,
                )
            )
        self.ics_button.setVisible(interview is not None)
        self.consent.setText(
            self.tr("You consented to sharing “{variant}” and your rate {rate} {currency} per {per}.").format(
                variant=self.tr("full profile")
                if application.resume_variant == FULL_PROFILE
                else application.resume_variant,
                rate=InvoiceFormats(self.formats).amount(application.rate),  # grouped per language
                currency=application.currency,
                per=self.tr("hour") if application.rate_per == "hour" else self.tr("day"),
            )
        )
        can_withdraw = ApplicationState.WITHDRAWN in moves_for(
            ApplicationState(application.state), Actor.FREELANCER
        )
        self.withdraw_button.setVisible(can_withdraw and application.waiting != "withdraw")

    def _show_agent(self) -> None:
        agent = self.service.agent()
        self.agent_photo.setVisible(agent is not None)
        if agent is None:
            self.agent_text.setText(
                self.tr("Your agent is named when you first apply or when the platform assigns one.")
            )
        else:
            self.agent_text.setText(f"{agent.name}\n{agent.email} · {agent.phone}")
            self.agent_photo.show_person(agent.name, agent.photo)
        self.messages.clear()
        for message in self.service.messages():
            who = agent.name if message.sender == "agent" and agent is not None else self.tr("You")
            waiting = "" if message.sent else self.tr(" (waiting for a sync)")
            when = self.formats.date(message.sent_at.astimezone().date())
            QListWidgetItem(f"{who}, {when}{waiting}\n{message.text}", self.messages)
        self.messages.scrollToBottom()

    # --- acting ------------------------------------------------------------------------------------------

    def _act(self, work: object, done_text: str) -> None:
        try:
            work()  # type: ignore[operator]
        except CoappError as error:
            self.banner.show_error(error_text(error))
            return
        self.banner.show_message(done_text)
        self.reload()
        self.changed.emit()

    def withdraw(self) -> None:
        application = self.chosen()
        if application is None:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Withdraw the application"), self.tr("A word to the client (optional):")
        )
        if not ok:
            return
        self._act(
            lambda: self.service.withdraw(application.id, text),
            self.tr("Withdrawal stored; the next sync tells the platform."),
        )

    def send_message(self) -> None:
        text = self.message.text()
        if not text.strip():
            return
        self._act(lambda: self.service.send_message(text), self.tr("Message stored; the next sync sends it."))
        if not self.banner.is_error():
            self.message.clear()

    def save_ics(self) -> None:
        application = self.chosen()
        if application is None or application.interview is None:
            return
        chosen = ask_save_path(self, self.tr("Add to calendar"), "interview.ics", self.tr("Calendar (*.ics)"))
        if chosen is not None:
            self.write_ics(chosen)

    def write_ics(self, path: Path) -> None:
        from coapp.base.atomic_file import write_atomic

        application = self.chosen()
        if application is None:
            return
        try:
            write_atomic(path, self.service.interview_ics(application.id))
        except (CoappError, OSError) as error:
            self.banner.show_error(
                self.tr("Could not save the calendar file: {reason}").format(reason=translated(error))
            )
            return
        self.banner.show_message(
            self.tr("Saved {path}; open it to add the interview to your calendar.").format(path=path)
        )

    def export_consents(self) -> None:
        chosen = ask_save_path(self, self.tr("Export consents"), "consents.json", self.tr("JSON (*.json)"))
        if chosen is None:
            return
        try:
            written = self.service.export_consents(chosen)
        except (CoappError, OSError) as error:
            self.banner.show_error(self.tr("Could not export: {reason}").format(reason=translated(error)))
            return
        self.banner.show_message(self.tr("Exported your consents to {path}.").format(path=written))

    def clear_messages(self) -> None:
        self.banner.clear()
