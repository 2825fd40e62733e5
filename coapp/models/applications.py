"""Applications with consent (issue 10): the platform's pipeline as held offline, the consent ledger,
the agent and the messages between freelancer and agent.

- ``applications``, ``application_events``, ``interviews``: the platform's rows (pulled). An
  application made on this device is written here first (state ``draft``, no server version) with a
  queued submit command (``application_commands``); the platform's answer replaces it.
- ``consents``: what the freelancer agreed to share, with whom and when. A consent never changes once
  given, on this device either: triggers (CONSENT_TRIGGERS) refuse any change of its content and any
  DELETE, whatever path writes (a service bug, a sync apply, a hand-edited file). The one given here
  is kept beside the platform's copy of it (the platform gives its own id), so the ledger shows the
  freelancer's record even before, or without, the platform's.
- ``application_commands``: submit and withdraw, each with its idempotency key fixed before it is
  sent (as invoices' SyncCommand), refusals kept with their reason until the user decides. A table
  of its own so the invoice round never sees these.
- ``messages``: the freelancer's (pushed, text only) and the agent's (pulled).
- ``agent_card``: one row, the freelancer's agent as GET /v1/agent gave it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DDL, JSON, Boolean, Date, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, SyncMixin, UtcDateTime, new_id, utcnow


class ApplicationRow(SyncMixin, Base):
    __tablename__ = "applications"
    __sync_entity__ = "application"

    # No foreign key: the platform's copy may arrive before (or outlive) its assignment here.
    assignment_id: Mapped[str] = mapped_column(String(36), index=True)
    state: Mapped[str] = mapped_column(String(12), default="draft")
    rate_minor: Mapped[int] = mapped_column(Integer)
    rate_per: Mapped[str] = mapped_column(String(4), default="hour")
    currency: Mapped[str] = mapped_column(String(3))
    resume_variant: Mapped[str] = mapped_column(String(100))
    available_from: Mapped[date] = mapped_column(Date)
    hours_per_week: Mapped[int] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text, default="")
    consent_id: Mapped[str | None] = mapped_column(String(36), default=None)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    state_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class ApplicationEventRow(SyncMixin, Base):
    __tablename__ = "application_events"
    __sync_entity__ = "application_event"

    application_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(12))
    actor: Mapped[str] = mapped_column(String(12))
    text: Mapped[str] = mapped_column(Text, default="")


class InterviewRow(SyncMixin, Base):
    __tablename__ = "interviews"
    __sync_entity__ = "interview"

    application_id: Mapped[str] = mapped_column(String(36), index=True)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime())
    place: Mapped[str] = mapped_column(String(200), default="")
    video_url: Mapped[str] = mapped_column(String(500), default="")
    agent_attends: Mapped[bool] = mapped_column(Boolean, default=False)


# The columns that are the consent itself; CONSENT_TRIGGERS refuses any change to them.
CONSENT_CONTENT = (
    "application_id",
    "assignment_id",
    "resume_variant",
    "resume_digest",
    "resume_version",
    "rate_minor",
    "rate_per",
    "currency",
    "available_from",
    "hours_per_week",
    "message",
    "shared_with_client",
    "shared_via_agent",
    "agent_id",
    "shared_sections",
    "shared_jobs",
    "consented_at",
)


class ConsentRow(SyncMixin, Base):
    __tablename__ = "consents"
    __sync_entity__ = "consent"

    application_id: Mapped[str] = mapped_column(String(36), index=True)
    assignment_id: Mapped[str] = mapped_column(String(36))
    resume_variant: Mapped[str] = mapped_column(String(100))
    resume_digest: Mapped[str] = mapped_column(String(64))
    resume_version: Mapped[int] = mapped_column(Integer, default=0)
    rate_minor: Mapped[int] = mapped_column(Integer)
    rate_per: Mapped[str] = mapped_column(String(4))
    currency: Mapped[str] = mapped_column(String(3))
    available_from: Mapped[date] = mapped_column(Date)
    hours_per_week: Mapped[int] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text, default="")
    shared_with_client: Mapped[str] = mapped_column(String(200), default="")
    shared_via_agent: Mapped[str] = mapped_column(String(200), default="")
    agent_id: Mapped[str] = mapped_column(String(36), default="")
    # What of the resume is shared (JSON lists; given here only: the platform's copy names the
    # variant and its digest).
    shared_sections: Mapped[str] = mapped_column(Text, default="[]")
    shared_jobs: Mapped[str] = mapped_column(Text, default="[]")
    consented_at: Mapped[datetime] = mapped_column(UtcDateTime())
    recorded_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    # True for the record made on this device when the freelancer consented.
    given_here: Mapped[bool] = mapped_column(Boolean, default=False)


class ApplicationCommand(Base):
    """A submit or withdraw waiting for the platform (coapp.sync.application_commands)."""

    __tablename__ = "application_commands"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16))  # "submit" | "withdraw"
    application_id: Mapped[str] = mapped_column(String(36), index=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), default=new_id)
    if_match: Mapped[int | None] = mapped_column(Integer, default=None)
    body: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    refused_code: Mapped[str | None] = mapped_column(String(64), default=None)
    refused_message: Mapped[str | None] = mapped_column(Text, default=None)
    refused_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class MessageRow(SyncMixin, Base):
    __tablename__ = "messages"
    __sync_entity__ = "message"

    sender: Mapped[str] = mapped_column(String(12), default="freelancer")
    agent_id: Mapped[str] = mapped_column(String(36), default="")
    text: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class AgentCard(Base):
    """The freelancer's agent (one row, id 1), as the platform last told."""

    __tablename__ = "agent_card"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    agent_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


_CHANGED = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in CONSENT_CONTENT)
# In creation order; migration r0011 writes the same text out (a test compares the two schemas).
CONSENT_TRIGGERS: dict[str, str] = {
    "consents_frozen_update": f"""
        CREATE TRIGGER consents_frozen_update BEFORE UPDATE ON consents WHEN {_CHANGED}
        BEGIN SELECT RAISE(ABORT, 'a consent never changes once given'); END""",
    "consents_no_delete": """
        CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
        BEGIN SELECT RAISE(ABORT, 'a consent is never deleted'); END""",
}
for _sql in CONSENT_TRIGGERS.values():
    event.listen(ConsentRow.__table__, "after_create", DDL(_sql).execute_if(dialect="sqlite"))
