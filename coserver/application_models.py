"""The server's tables for issue 10's pipeline: applications, their consents (the ledger), timeline
events and interviews, each freelancer's agent, and the messages between them.

Every row carries `account_id`, the freelancer it belongs to, so the feed and every read filter by
it; an agent reaches an application only through the assignment it posted.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from coserver.models import Base, UtcDateTime

_STATES = "'draft', 'submitted', 'proposed', 'interview', 'offer', 'contracted', 'declined', 'withdrawn'"


class ApplicationRow(Base):
    """An application the freelancer submitted (drafts stay on the device). Its terms are the
    consent's; only `state` and `version` change afterwards."""

    __tablename__ = "applications"
    __table_args__ = (
        CheckConstraint(f"state IN ({_STATES})", name="ck_applications_state"),
        CheckConstraint("rate_per IN ('hour', 'day')", name="ck_applications_rate_per"),
        Index("ix_applications_account_version", "account_id", "version"),
        Index("ix_applications_assignment", "assignment_id"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    assignment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assignments.id"))
    state: Mapped[str] = mapped_column(String(16))
    rate_minor: Mapped[int] = mapped_column(BigInteger)
    rate_per: Mapped[str] = mapped_column(String(4))
    currency: Mapped[str] = mapped_column(String(3))
    resume_variant: Mapped[str] = mapped_column(String(100))
    available_from: Mapped[date] = mapped_column(Date)
    hours_per_week: Mapped[int] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text)
    consent_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    state_changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(BigInteger)


class ConsentRow(Base):
    """What the freelancer consented to share with submit, to whom and when: written once, never
    changed (no update path exists), one per application."""

    __tablename__ = "consents"
    __table_args__ = (Index("ix_consents_account_version", "account_id", "version"),)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), unique=True)
    assignment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assignments.id"))
    resume_variant: Mapped[str] = mapped_column(String(100))
    resume_digest: Mapped[str] = mapped_column(String(64))
    resume_version: Mapped[int] = mapped_column(BigInteger)
    rate_minor: Mapped[int] = mapped_column(BigInteger)
    rate_per: Mapped[str] = mapped_column(String(4))
    currency: Mapped[str] = mapped_column(String(3))
    available_from: Mapped[date] = mapped_column(Date)
    hours_per_week: Mapped[int] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text)
    shared_with_client: Mapped[str] = mapped_column(String(200))
    shared_via_agent: Mapped[str] = mapped_column(String(200))
    agent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"))
    consented_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(BigInteger)


class ApplicationEventRow(Base):
    """One step of an application's timeline (who moved it where, with their words)."""

    __tablename__ = "application_events"
    __table_args__ = (
        CheckConstraint("actor IN ('freelancer', 'agent')", name="ck_application_events_actor"),
        Index("ix_application_events_account_version", "account_id", "version"),
        Index("ix_application_events_application", "application_id"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    state: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(BigInteger)


class InterviewRow(Base):
    __tablename__ = "interviews"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ck_interviews_period"),
        Index("ix_interviews_account_version", "account_id", "version"),
        Index("ix_interviews_application", "application_id"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    place: Mapped[str] = mapped_column(String(200))
    video_url: Mapped[str] = mapped_column(String(500))
    agent_attends: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(BigInteger)


class AgentCardRow(Base):
    """What a freelancer sees of an agent account (name, e-mail, phone)."""

    __tablename__ = "agent_cards"
    agent_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    phone: Mapped[str] = mapped_column(String(40))


class AgentPhotoRow(Base):
    """An agent's card photo: a square JPEG the platform made itself from what the agent uploaded
    (coapp.domain.photos), so what a freelancer downloads is never the uploaded file."""

    __tablename__ = "agent_photos"
    agent_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    jpeg: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class FreelancerAgentRow(Base):
    """Each freelancer's one agent: set by the platform (seed-demo), or at the first application,
    to the agent of that assignment."""

    __tablename__ = "freelancer_agents"
    freelancer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    agent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True)


class MessageRow(Base):
    """A message in the thread of a freelancer (`account_id`) and their agent. The freelancer's come
    with the app's id (push), the agent's with the server's; the text never changes once sent."""

    __tablename__ = "messages"
    __table_args__ = (
        CheckConstraint("sender IN ('freelancer', 'agent')", name="ck_messages_sender"),
        Index("ix_messages_account_version", "account_id", "version"),
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    agent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"))
    sender: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(BigInteger)
