"""An interview as an iCalendar file (RFC 5545) for "add to calendar".

The UID is the interview's id (stable, so importing it again updates the one event instead of adding
a second), times are UTC, and nothing from the platform names a file: the caller chooses the path.
"""

from __future__ import annotations

from datetime import UTC, datetime

from coapp import __version__
from coapp.services.applications_views import Application

UID_DOMAIN = "interview.coapp"


def interview_ics(application: Application) -> bytes:
    from icalendar import Calendar, Event  # 140 ms and some 10 MiB: loaded when an event is saved

    interview = application.interview
    if interview is None:
        raise ValueError("no interview")
    calendar = Calendar()
    calendar.add("prodid", f"-//coapp//{__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{interview.id}@{UID_DOMAIN}")
    event.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
    event.add("dtstart", interview.starts_at.astimezone(UTC))
    event.add("dtend", interview.ends_at.astimezone(UTC))
    title = application.assignment_title or "assignment"
    client = f" ({application.client_name})" if application.client_name else ""
    event.add("summary", f"Interview: {title}{client}")
    where = [p for p in (interview.place, interview.video_url) if p]
    if where:
        event.add("location", " · ".join(where))
    if interview.video_url:
        event.add("url", interview.video_url)
    lines = [
        "Your agent attends this interview." if interview.agent_attends else "Your agent does not attend.",
    ]
    if interview.place:
        lines.append(f"Place: {interview.place}")
    if interview.video_url:
        lines.append(f"Video link: {interview.video_url}")
    event.add("description", "\n".join(lines))
    calendar.add_component(event)
    return bytes(calendar.to_ical())
