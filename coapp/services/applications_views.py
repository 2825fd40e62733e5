"""What the applications screen, the dashboard and the command line read: applications with their
timeline and interview, the consent ledger, messages and the agent, as plain values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.money import from_minor
from coapp.models import (
    ApplicationCommand,
    ApplicationEventRow,
    ApplicationRow,
    AssignmentRow,
    ConsentRow,
    InterviewRow,
)


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    state: str
    actor: str
    text: str


@dataclass(frozen=True)
class Interview:
    id: str
    starts_at: datetime
    ends_at: datetime
    place: str
    video_url: str
    agent_attends: bool


@dataclass(frozen=True)
class Application:
    id: str
    assignment_id: str
    assignment_title: str
    client_name: str
    state: str  # the platform's (ApplicationState); "draft" until the platform took it
    rate: Decimal
    rate_per: str
    currency: str
    resume_variant: str
    available_from: date
    hours_per_week: int
    message: str
    events: tuple[TimelineEvent, ...]
    interview: Interview | None  # the next (or last) one
    # "" when nothing waits; "submit" or "withdraw" while that command waits for a sync.
    waiting: str
    refused_code: str  # "" unless the platform refused the waiting command (see refused changes)
    refused_message: str


@dataclass(frozen=True)
class Consent:
    """One entry of the consent ledger: what was shared, which resume, which rate, to whom, when."""

    id: str
    application_id: str
    assignment_id: str
    resume_variant: str
    resume_digest: str
    resume_version: int
    shared_sections: tuple[str, ...]
    shared_jobs: tuple[str, ...]
    rate: Decimal
    rate_per: str
    currency: str
    available_from: date
    hours_per_week: int
    message: str
    shared_with_client: str
    shared_via_agent: str
    consented_at: datetime
    recorded_by_platform: bool  # the platform's copy is here (it received the consent)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "application_id": self.application_id,
            "assignment_id": self.assignment_id,
            "resume": {
                "variant": self.resume_variant,
                "sha256": self.resume_digest,
                "version": self.resume_version,
                "sections": list(self.shared_sections),
                "jobs": list(self.shared_jobs),
            },
            "rate": str(self.rate),
            "rate_per": self.rate_per,
            "currency": self.currency,
            "available_from": self.available_from.isoformat(),
            "hours_per_week": self.hours_per_week,
            "message": self.message,
            "shared_with_client": self.shared_with_client,
            "shared_via_agent": self.shared_via_agent,
            "consented_at": self.consented_at.isoformat(),
            "recorded_by_platform": self.recorded_by_platform,
        }


def read_application(s: Session, row: ApplicationRow) -> Application:
    assignment = s.get(AssignmentRow, row.assignment_id)
    events = s.scalars(
        select(ApplicationEventRow)
        .where(ApplicationEventRow.application_id == row.id, ApplicationEventRow.deleted_at.is_(None))
        # Two steps in one second keep the platform's order (its versions only grow).
        .order_by(ApplicationEventRow.at, ApplicationEventRow.server_version, ApplicationEventRow.id)
    ).all()
    interviews = s.scalars(
        select(InterviewRow)
        .where(InterviewRow.application_id == row.id, InterviewRow.deleted_at.is_(None))
        .order_by(InterviewRow.starts_at)
    ).all()
    command = s.scalars(
        select(ApplicationCommand)
        .where(ApplicationCommand.application_id == row.id)
        .order_by(ApplicationCommand.created_at.desc())
    ).first()
    return Application(
        id=row.id,
        assignment_id=row.assignment_id,
        assignment_title=assignment.title if assignment is not None else "",
        client_name=assignment.client_name if assignment is not None else "",
        state=row.state,
        rate=from_minor(row.rate_minor, row.currency),
        rate_per=row.rate_per,
        currency=row.currency,
        resume_variant=row.resume_variant,
        available_from=row.available_from,
        hours_per_week=row.hours_per_week,
        message=row.message,
        events=tuple(TimelineEvent(e.at, e.state, e.actor, e.text) for e in events),
        interview=_next_interview(list(interviews)),
        waiting=command.kind if command is not None else "",
        refused_code=(command.refused_code or "") if command is not None else "",
        refused_message=(command.refused_message or "") if command is not None else "",
    )


def _next_interview(rows: list[InterviewRow]) -> Interview | None:
    if not rows:
        return None
    now = datetime.now(rows[0].starts_at.tzinfo)
    upcoming = [r for r in rows if r.ends_at >= now]
    r = upcoming[0] if upcoming else rows[-1]
    return Interview(r.id, r.starts_at, r.ends_at, r.place, r.video_url, r.agent_attends)


def read_consents(s: Session) -> list[Consent]:
    """The ledger, oldest first: per application the record given here, joined by what only it
    holds (the sections and jobs shared) and marked as received once the platform's copy is here;
    a consent known only from the platform (given on another device) as the platform has it."""
    rows = s.scalars(select(ConsentRow).order_by(ConsentRow.consented_at, ConsentRow.id)).all()
    platform = {r.application_id: r for r in rows if not r.given_here and r.deleted_at is None}
    out = []
    for r in rows:
        if r.given_here:
            out.append(_consent(r, recorded=r.application_id in platform))
        elif not any(o.given_here and o.application_id == r.application_id for o in rows):
            out.append(_consent(r, recorded=True))
    return out


def _consent(r: ConsentRow, *, recorded: bool) -> Consent:
    return Consent(
        id=r.id,
        application_id=r.application_id,
        assignment_id=r.assignment_id,
        resume_variant=r.resume_variant,
        resume_digest=r.resume_digest,
        resume_version=r.resume_version,
        shared_sections=tuple(json.loads(r.shared_sections or "[]")),
        shared_jobs=tuple(json.loads(r.shared_jobs or "[]")),
        rate=from_minor(r.rate_minor, r.currency),
        rate_per=r.rate_per,
        currency=r.currency,
        available_from=r.available_from,
        hours_per_week=r.hours_per_week,
        message=r.message,
        shared_with_client=r.shared_with_client,
        shared_via_agent=r.shared_via_agent,
        consented_at=r.consented_at,
        recorded_by_platform=recorded,
    )
