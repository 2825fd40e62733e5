"""Each freelancer's one Consultant Agent: who it is, their card (name, e-mail, phone, the photo's
checksum: coserver.agent_photos), and the link
from a freelancer to theirs. The platform sets the link (seed-demo); a freelancer without an agent
gets the agent of the first assignment they apply to."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from coapp.sync.wire import AgentRecord
from coserver.application_models import AgentCardRow, AgentPhotoRow, FreelancerAgentRow
from coserver.context import ServerContext
from coserver.errors import ApiError
from coserver.models import AccountRow


def ensure_agent(session: Session, freelancer_id: uuid.UUID, agent_id: uuid.UUID) -> uuid.UUID:
    """The freelancer's agent; `agent_id` becomes it when they have none yet."""
    link = session.get(FreelancerAgentRow, freelancer_id)
    if link is None:
        link = FreelancerAgentRow(freelancer_id=freelancer_id, agent_id=agent_id)
        session.add(link)
        session.flush()
    return link.agent_id


def agent_of(session: Session, freelancer_id: uuid.UUID) -> uuid.UUID | None:
    link = session.get(FreelancerAgentRow, freelancer_id)
    return link.agent_id if link is not None else None


def agent_record(session: Session, agent_id: uuid.UUID) -> AgentRecord:
    photo = session.get(AgentPhotoRow, agent_id)
    sha256 = photo.sha256 if photo is not None else None
    card = session.get(AgentCardRow, agent_id)
    if card is not None:
        return AgentRecord(
            id=agent_id, name=card.name, email=card.email, phone=card.phone, photo_sha256=sha256
        )
    account = session.get_one(AccountRow, agent_id)
    name = account.display_name or account.email
    return AgentRecord(id=agent_id, name=name, email=account.email, phone="", photo_sha256=sha256)


def agent_name(session: Session, agent_id: uuid.UUID) -> str:
    return agent_record(session, agent_id).name


def set_card(session: Session, agent_id: uuid.UUID, name: str, email: str, phone: str) -> None:
    """The platform's write of an agent's card (seed-demo)."""
    card = session.get(AgentCardRow, agent_id)
    if card is None:
        session.add(AgentCardRow(agent_id=agent_id, name=name, email=email, phone=phone))
    else:
        card.name, card.email, card.phone = name, email, phone
    session.flush()


def my_agent(ctx: ServerContext, freelancer_id: uuid.UUID) -> AgentRecord:
    """`GET /v1/agent`: the caller's agent, 404 no_agent before one is assigned."""
    with ctx.sessions() as session:
        agent_id = agent_of(session, freelancer_id)
        if agent_id is None:
            raise ApiError(
                404, "no_agent", "No agent is assigned to you yet; one is with your first application."
            )
        return agent_record(session, agent_id)
