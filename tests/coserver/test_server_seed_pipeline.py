"""seed-demo's pipeline: the agent with a card, both demo freelancers hers, applications in several
states (each with a consent and a timeline the pipeline's rules allow), an interview and messages;
seeding again adds nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import select

from coapp.domain.applications import Actor, ApplicationState, check_move
from coserver.application_models import (
    AgentCardRow,
    ApplicationEventRow,
    ApplicationRow,
    ConsentRow,
    FreelancerAgentRow,
    InterviewRow,
    MessageRow,
)
from coserver.db import make_engine, make_session_factory
from coserver.seed import seed_demo


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            tables = (ApplicationRow, ConsentRow, ApplicationEventRow, InterviewRow, MessageRow)
            return {t.__tablename__: len(session.execute(select(t)).all()) for t in tables}
    finally:
        engine.dispose()


def test_seed_demo_makes_a_pipeline_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    accounts = seed_demo(url)
    first = _counts(url)
    seed_demo(url)
    assert _counts(url) == first
    freelancers = {a["id"] for a in accounts if a["role"] == "freelancer"}
    agent = next(a for a in accounts if a["role"] == "agent")
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            links = {
                str(r.freelancer_id): str(r.agent_id)
                for r in session.execute(select(FreelancerAgentRow)).scalars()
            }
            assert links == dict.fromkeys(freelancers, agent["id"])
            card = session.execute(select(AgentCardRow)).scalar_one()
            assert (card.name, card.email, card.phone) == (agent["name"], agent["email"], "+46 70 123 45 67")
            applications = list(session.execute(select(ApplicationRow)).scalars())
            states = Counter(a.state for a in applications)
            assert {"submitted", "interview", "offer", "contracted", "declined"} <= set(states)
            assert {str(a.account_id) for a in applications} == freelancers
            consents = {c.application_id: c for c in session.execute(select(ConsentRow)).scalars()}
            for application in applications:
                consent = consents[application.id]
                assert (consent.rate_minor, consent.resume_variant) == (
                    application.rate_minor,
                    application.resume_variant,
                )
                events = session.execute(
                    select(ApplicationEventRow)
                    .where(ApplicationEventRow.application_id == application.id)
                    .order_by(ApplicationEventRow.version)
                ).scalars()
                state = ApplicationState.DRAFT
                for event in events:
                    actor = Actor(event.actor)
                    check_move(state, ApplicationState(event.state), actor)  # raises if not allowed
                    state = ApplicationState(event.state)
                assert state.value == application.state
            interviews = list(session.execute(select(InterviewRow)).scalars())
            assert interviews
            assert any(i.video_url.startswith("https://") for i in interviews)
            senders = Counter(m.sender for m in session.execute(select(MessageRow)).scalars())
            assert senders["agent"] >= 2
            assert senders["freelancer"] >= 1
    finally:
        engine.dispose()
