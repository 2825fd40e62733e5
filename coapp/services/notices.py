"""Events worth telling the freelancer, each told once, and what they have already seen (issue 10).

An event is something the platform did that the freelancer did not: a message from the agent, an
application moved by the agent, an interview booked (or moved: a new start is a new event), and an
assignment that became a strong match. ``take_new`` returns the events no notification has named
yet and records them as named in the same write, so two sync rounds in a row never name one twice,
and a restart does not either (coapp.models.notices).

The first time it runs on a data folder it records everything already there without returning it:
upgrading, or the first sign-in pulling a year of history, is not a burst of old news.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.applications import Actor
from coapp.domain.matching import STRONG_MATCH
from coapp.models import (
    AgentCard,
    ApplicationEventRow,
    ApplicationRow,
    AssignmentRow,
    InterviewRow,
    MessageRow,
    Notice,
)
from coapp.services.assignments import AssignmentService
from coapp.store.engine import Store

_BASELINE = "baseline"  # present once the data folder's existing events were recorded silently


class NoticeKind(StrEnum):
    MESSAGE = "message"
    MOVE = "move"  # an application moved by the platform
    INTERVIEW = "interview"
    MATCH = "match"


@dataclass(frozen=True)
class Event:
    """One event, in plain values the front end words in its language."""

    key: str
    kind: NoticeKind
    subject: str  # the assignment's title, or the agent's name for a message
    detail: str  # the new state, the message's text, the score as text
    target_id: str  # the application or assignment it leads to ("" for a message)
    at: datetime  # when it happened (an interview: when it starts)


class NoticeService:
    def __init__(self, store: Store, assignments: AssignmentService) -> None:
        self._store = store
        self._assignments = assignments

    # --- notifications ------------------------------------------------------------------------

    def take_new(self, now: datetime) -> list[Event]:
        """The events no notification has named yet, oldest first, now recorded as named."""
        matches = self._strong_matches()  # ranking reads outside the write: it may take a second
        with self._store.write() as s:
            events = [*_platform_events(s, now), *matches]
            keys = [e.key for e in events]
            # Already named, or already read on the screen that shows it: nothing to tell.
            known = _known(s, keys, notified=True) | _known(s, keys, notified=False)
            fresh = [e for e in events if e.key not in known]
            first_time = s.get(Notice, _BASELINE) is None
            if first_time:
                s.add(Notice(key=_BASELINE, notified_at=now))
            for event in fresh:
                _mark(s, event.key, now, notified=True)
            return [] if first_time else sorted(fresh, key=lambda e: e.at)

    def _strong_matches(self) -> list[Event]:
        result = self._assignments.search()
        with self._store.read() as s:
            applied = set(
                s.scalars(select(ApplicationRow.assignment_id).where(ApplicationRow.deleted_at.is_(None)))
            )
        return [
            Event(
                f"match:{item.id}", NoticeKind.MATCH, item.title, str(item.score), item.id, item.published_at
            )
            for item in result.items
            if item.score >= STRONG_MATCH and not item.closed and item.id not in applied
        ]

    # --- what has been seen -------------------------------------------------------------------

    def unread_messages(self) -> int:
        with self._store.read() as s:
            ids = _agent_message_ids(s)
            return len(ids) - len(_known(s, (f"message:{i}" for i in ids), notified=False))

    def moved_applications(self) -> frozenset[str]:
        """Applications the platform moved since the freelancer last looked at them."""
        with self._store.read() as s:
            moves = _moves(s)
            seen = _known(s, (f"move:{event_id}" for event_id, _ in moves), notified=False)
            return frozenset(app for event_id, app in moves if f"move:{event_id}" not in seen)

    def mark_seen(self, now: datetime) -> None:
        """The applications screen was looked at: its moves and the agent's messages are read."""
        with self._store.write() as s:
            keys = [f"message:{i}" for i in _agent_message_ids(s)]
            keys += [f"move:{event_id}" for event_id, _ in _moves(s)]
            seen = _known(s, keys, notified=False)
            for key in keys:
                if key not in seen:
                    _mark(s, key, now, notified=False)


def _platform_events(s: Session, now: datetime) -> list[Event]:
    card = s.get(AgentCard, 1)
    agent = card.name if card is not None else ""
    titles: dict[str, str] = {i: t for i, t in s.execute(select(AssignmentRow.id, AssignmentRow.title))}
    application_titles = {
        app_id: titles.get(assignment_id, "")
        for app_id, assignment_id in s.execute(select(ApplicationRow.id, ApplicationRow.assignment_id))
    }
    events = [
        Event(f"message:{m.id}", NoticeKind.MESSAGE, agent, m.text, "", m.sent_at)
        for m in s.scalars(_agent_messages())
    ]
    events += [
        Event(
            f"move:{e.id}",
            NoticeKind.MOVE,
            application_titles.get(e.application_id, ""),
            e.state,
            e.application_id,
            e.at,
        )
        for e in s.scalars(_moves_query())
    ]
    events += [
        Event(
            f"interview:{i.id}:{i.starts_at.isoformat()}",
            NoticeKind.INTERVIEW,
            application_titles.get(i.application_id, ""),
            i.place or i.video_url,
            i.application_id,
            i.starts_at,
        )
        for i in s.scalars(
            select(InterviewRow).where(InterviewRow.deleted_at.is_(None), InterviewRow.ends_at > now)
        )
    ]
    return events


def _agent_messages():  # type: ignore[no-untyped-def]
    return select(MessageRow).where(
        MessageRow.deleted_at.is_(None), MessageRow.sender == "agent", MessageRow.server_version.is_not(None)
    )


def _agent_message_ids(s: Session) -> list[str]:
    return [m.id for m in s.scalars(_agent_messages())]


def _moves_query():  # type: ignore[no-untyped-def]
    return select(ApplicationEventRow).where(
        ApplicationEventRow.deleted_at.is_(None), ApplicationEventRow.actor != Actor.FREELANCER.value
    )


def _moves(s: Session) -> list[tuple[str, str]]:
    return [(e.id, e.application_id) for e in s.scalars(_moves_query())]


def _known(s: Session, keys: Iterable[str], *, notified: bool) -> set[str]:
    """Of *keys*, those already named in a notification (or already read)."""
    column = Notice.notified_at if notified else Notice.read_at
    wanted = list(keys)
    found: set[str] = set()
    for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
        chunk = wanted[start : start + 500]
        found.update(s.scalars(select(Notice.key).where(Notice.key.in_(chunk), column.is_not(None))))
    return found


def _mark(s: Session, key: str, now: datetime, *, notified: bool) -> None:
    row = s.get(Notice, key)
    if row is None:
        row = Notice(key=key)
        s.add(row)
    if notified:
        row.notified_at = row.notified_at or now
    else:
        row.read_at = row.read_at or now
