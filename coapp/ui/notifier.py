"""Desktop notifications (issue 10): a tray message for a new strong match, an application moved by
the platform, an interview booked, a message from the agent. Never more than one per event: the
events come from NoticeService.take_new, which records them as told in the same write.

One message per sync round: a single event says itself; several say how many and name the first
few (a burst of separate messages would hide each other on most desktops). Clicking it opens the
screen of what it tells. Where the system has no tray (or while tests run offscreen) the message is
only kept in ``history``: the events still count as told, so none comes twice when a tray appears.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QSystemTrayIcon

from coapp.ui.application_states import state_text

if TYPE_CHECKING:  # the services (SQLAlchemy) load with the store, after the first paint
    from coapp.services.notices import Event
    from coapp.ui.formats import Formats

NAMED = 3  # events named in a message about several
SHOWN_MS = 8000
TEXT_MAX = 160  # characters of a message's text in the notification


def wording(event: Event, formats: Formats) -> tuple[str, str]:
    """The title and text of a notification about one event, in the UI's language."""
    from coapp.services.notices import NoticeKind

    if event.kind is NoticeKind.MESSAGE:
        text = " ".join(event.detail.split())
        text = text if len(text) <= TEXT_MAX else text[: TEXT_MAX - 1] + "…"
        title = (
            QCoreApplication.translate("Notifier", "Message from {agent}").format(agent=event.subject)
            if event.subject
            else QCoreApplication.translate("Notifier", "Message from your agent")
        )
        return title, text
    if event.kind is NoticeKind.MOVE:
        return event.subject, QCoreApplication.translate(
            "Notifier", "Your application is now: {state}"
        ).format(state=state_text(event.detail))
    if event.kind is NoticeKind.INTERVIEW:
        start = event.at.astimezone()
        when = f"{formats.date(start.date())} {start:%H:%M}"
        return QCoreApplication.translate("Notifier", "Interview booked: {title}").format(
            title=event.subject
        ), f"{when}, {event.detail}".rstrip(", ")
    return QCoreApplication.translate("Notifier", "New strong match: {title}").format(
        title=event.subject
    ), QCoreApplication.translate("Notifier", "Match {score} of 100").format(score=event.detail)


class Notifier(QObject):
    def __init__(
        self, formats: Callable[[], Formats], open_event: Callable[[Event | None], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._formats = formats
        self._open_event = open_event
        self._tray: QSystemTrayIcon | None = None
        self._last: list[Event] = []
        self.history: list[tuple[str, str]] = []  # every message shown (or that would have been)

    def use_tray(self, tray: QSystemTrayIcon) -> None:
        """Show the messages on the app's own tray icon (coapp.ui.desktop.tray) rather than one of
        the notifier's: one icon for the whole app."""
        self._tray = tray

    def tell(self, events: list[Event]) -> None:
        if not events:
            return
        formats = self._formats()
        if len(events) == 1:
            title, text = wording(events[0], formats)
        else:
            title = QCoreApplication.translate("Notifier", "{n} updates from the platform").format(
                n=len(events)
            )
            lines = [" — ".join(part for part in wording(e, formats) if part) for e in events[:NAMED]]
            if len(events) > NAMED:
                lines.append(
                    QCoreApplication.translate("Notifier", "and {n} more").format(n=len(events) - NAMED)
                )
            text = "\n".join(lines)
        self._last = events
        self.history.append((title, text))
        tray = self._tray_icon()
        if tray is not None:
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, SHOWN_MS)

    def _tray_icon(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable() or not QSystemTrayIcon.supportsMessages():
            return None
        if self._tray is None:
            from coapp.ui.toolkit import icon

            self._tray = QSystemTrayIcon(icon("fa6s.briefcase", "accent"), self)
            self._tray.setToolTip("coapp")
            self._tray.messageClicked.connect(self.clicked)
            self._tray.activated.connect(lambda _reason: self._open_event(None))
            self._tray.show()
        return self._tray

    def clicked(self) -> None:
        """The last message was clicked: its event's screen (several: the dashboard)."""
        self._open_event(self._last[0] if len(self._last) == 1 else None)
