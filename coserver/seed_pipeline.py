"""seed-demo's pipeline (issue 10): the demo agent's card, each demo freelancer's link to her, their
applications in several states (each with its consent, its timeline and, where it reached one, an
interview) and a few messages. Every history is checked against the pipeline's rules
(coapp.domain.applications) as it is written, and every row has a fixed id, so seeding again adds
nothing twice."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from coapp.domain.applications import Actor, ApplicationState, check_move
from coserver.agent_photos import initials_portrait, store_photo
from coserver.agents import ensure_agent, set_card
from coserver.application_models import (
    AgentPhotoRow,
    ApplicationEventRow,
    ApplicationRow,
    ConsentRow,
    InterviewRow,
    MessageRow,
)
from coserver.db import next_version
from coserver.models import AssignmentRow

S = ApplicationState
_NAMESPACE = uuid.UUID("7c1e2f0a-4b3d-5e6f-8a9b-0c1d2e3f4a5b")
AGENT_PHONE = "+46 70 123 45 67"


@dataclass(frozen=True)
class DemoApplication:
    """One application: whose (e-mail), to which assignment (its id), the rate, and the moves after
    submit, each with the agent's words."""

    email: str
    assignment_slug: str
    rate_minor: int
    rate_per: str
    resume_variant: str
    message: str
    moves: tuple[tuple[ApplicationState, str], ...] = ()
    days_ago: int = 10


ANNA = "anna.freelancer@demo.coapp.se"
ERIK = "erik.freelancer@demo.coapp.se"
DEMO_APPLICATIONS = (
    DemoApplication(
        ANNA,
        "betalplattform",
        95000,
        "hour",
        "Backend",
        "Jag har byggt betaltjänster i Python i sex år.",
        (
            (S.PROPOSED, "Skickad till Kund AB."),
            (S.INTERVIEW, "Intervju med teamledaren."),
            (S.OFFER, "Kund AB vill anlita dig."),
            (S.CONTRACTED, "Avtalet är klart."),
        ),
        days_ago=120,
    ),
    DemoApplication(
        ANNA,
        "dataingenior-logistik",
        98000,
        "hour",
        "Data",
        "Spark och Databricks i tre uppdrag; gärna hybrid.",
        ((S.PROPOSED, "Presenterad för kunden i dag."), (S.INTERVIEW, "Videointervju på torsdag.")),
        days_ago=6,
    ),
    DemoApplication(
        ANNA,
        "kotlin-backend-remote",
        92000,
        "hour",
        "Backend",
        "Kotlin och Kafka i två år, helt på distans passar mig.",
        days_ago=2,
    ),
    DemoApplication(
        ANNA,
        "azure-molnflytt",
        7600000,
        "day",
        "Cloud",
        "Terraform och Azure DevOps i flera migreringar.",
        ((S.PROPOSED, "Skickad."), (S.DECLINED, "Kunden valde en konsult med AKS-certifiering.")),
        days_ago=12,
    ),
    DemoApplication(
        ERIK,
        "erp-byte",
        850000,
        "day",
        "Projektledning",
        "Jag har lett tre S/4HANA-införanden.",
        ((S.PROPOSED, "Skickad."), (S.OFFER, "Erbjudande från Kund AB."), (S.CONTRACTED, "Klart.")),
        days_ago=130,
    ),
    DemoApplication(
        ERIK,
        "sap-fico-helsinki",
        120000,
        "hour",
        "SAP",
        "FI/CO and year-end close in S/4HANA, in English.",
        ((S.PROPOSED, "Sent to Lumiportti Oy."), (S.OFFER, "They would like you to start in June.")),
        days_ago=9,
    ),
)
DEMO_MESSAGES = (
    (ANNA, "agent", "Hej Anna! Jag är din konsultagent. Hör av dig om något uppdrag lockar."),
    (ANNA, "freelancer", "Tack Sara! Logistikuppdraget i Aarhus ser intressant ut."),
    (ANNA, "agent", "Intervjun är bokad på torsdag kl. 10 via video. Jag är med."),
    (ERIK, "agent", "Hi Erik, Lumiportti Oy has made an offer; shall we go through it?"),
)


def _id(kind: str, *parts: object) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, ":".join([kind, *map(str, parts)]))


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def seed_pipeline(
    session: Session,
    agent_id: uuid.UUID,
    agent_email: str,
    agent_name: str,
    freelancers: dict[str, uuid.UUID],
    assignment_ids: dict[str, uuid.UUID],
    today: date,
) -> None:
    """Write what is missing of the demo pipeline (nothing, the second time)."""
    set_card(session, agent_id, agent_name, agent_email, AGENT_PHONE)
    if session.get(AgentPhotoRow, agent_id) is None:
        store_photo(session, agent_id, initials_portrait(agent_name))
    for freelancer_id in freelancers.values():
        ensure_agent(session, freelancer_id, agent_id)
    for spec in DEMO_APPLICATIONS:
        _seed_application(session, spec, freelancers[spec.email], assignment_ids[spec.assignment_slug], today)
    for index, (email, sender, text) in enumerate(DEMO_MESSAGES):
        message_id = _id("message", email, index)
        if session.get(MessageRow, message_id) is None:
            session.add(
                MessageRow(
                    id=message_id,
                    account_id=freelancers[email],
                    agent_id=agent_id,
                    sender=sender,
                    text=text,
                    sent_at=_at(today - timedelta(days=len(DEMO_MESSAGES) - index), 9 + index),
                    version=next_version(session),
                )
            )
    session.flush()


def _seed_application(
    session: Session, spec: DemoApplication, freelancer_id: uuid.UUID, assignment_id: uuid.UUID, today: date
) -> None:
    application_id = _id("application", spec.email, spec.assignment_slug)
    if session.get(ApplicationRow, application_id) is not None:
        return  # seeded before
    assignment = session.get_one(AssignmentRow, assignment_id)
    submitted = _at(today - timedelta(days=spec.days_ago), 10)
    terms = {
        "rate_minor": spec.rate_minor,
        "rate_per": spec.rate_per,
        "currency": assignment.currency,
        "resume_variant": spec.resume_variant,
        "available_from": assignment.start_date,
        "hours_per_week": assignment.hours_per_week,
        "message": spec.message,
    }
    consent_id = _id("consent", application_id)
    check_move(S.DRAFT, S.SUBMITTED, Actor.FREELANCER)
    row = ApplicationRow(
        id=application_id,
        account_id=freelancer_id,
        assignment_id=assignment_id,
        state=S.SUBMITTED.value,
        consent_id=consent_id,
        submitted_at=submitted,
        state_changed_at=submitted,
        version=next_version(session),
        **terms,
    )
    session.add(row)
    session.flush()
    session.add(
        ConsentRow(
            id=consent_id,
            account_id=freelancer_id,
            application_id=application_id,
            assignment_id=assignment_id,
            resume_digest=hashlib.sha256(f"{spec.email} {spec.resume_variant}".encode()).hexdigest(),
            resume_version=1,
            shared_with_client=assignment.client_name,
            shared_via_agent="Sara Agent",
            agent_id=assignment.agent_id,
            consented_at=submitted - timedelta(minutes=2),
            recorded_at=submitted,
            version=next_version(session),
            **terms,
        )
    )
    _event(session, row, 0, S.SUBMITTED, Actor.FREELANCER, "", submitted)
    state = S.SUBMITTED
    for step, (target, text) in enumerate(spec.moves, start=1):
        check_move(state, target, Actor.AGENT)  # a demo history the pipeline could not make fails here
        at = submitted + timedelta(days=step)
        if target is S.INTERVIEW:
            starts = _at(today + timedelta(days=3), 10) if spec.days_ago < 30 else at + timedelta(days=2)
            session.add(
                InterviewRow(
                    id=_id("interview", application_id, step),
                    account_id=freelancer_id,
                    application_id=application_id,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=1),
                    place="" if spec.days_ago < 30 else f"{assignment.client_name}, {assignment.location}",
                    video_url="https://meet.demo.coapp.se/intervju" if spec.days_ago < 30 else "",
                    agent_attends=True,
                    version=next_version(session),
                )
            )
        _event(session, row, step, target, Actor.AGENT, text, at)
        state = target
        row.state, row.state_changed_at, row.version = target.value, at, next_version(session)
    session.flush()


def _event(
    session: Session,
    row: ApplicationRow,
    step: int,
    state: ApplicationState,
    actor: Actor,
    text: str,
    at: datetime,
) -> None:
    session.add(
        ApplicationEventRow(
            id=_id("event", row.id, step),
            account_id=row.account_id,
            application_id=row.id,
            at=at,
            state=state.value,
            actor=actor.value,
            text=text,
            version=next_version(session),
        )
    )
    session.flush()
