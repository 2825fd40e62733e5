"""seed-demo's contracts (issue 11): the demo contracts' terms and signatures, the client's account on
them, feedback over the months, an ended fixed-fee contract with paid milestones and both reviews
(revealed), and the contract offer the pipeline made for the application that reached `offer`.

So the demo shows every state a freelancer meets: offered (Erik's offer from Lumiportti Oy), active
(both demo contracts, with feedback), ended (Erik's earlier fixed-fee contract, reviewed both ways;
on Erik, so the demo app's freelancer, Anna, keeps the one contract its screens are built around).
Every row has a fixed id and is written once; each move is checked against the contract's rules
(coapp.domain.contract_states) as it is written, so a demo history the rules could not make fails.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.applications import ApplicationState
from coapp.domain.contract_states import ContractActor, ContractState, check_move
from coapp.domain.milestones import MilestoneState
from coserver.application_models import ApplicationRow
from coserver.contract_life import record_terms
from coserver.contract_models import FeedbackRow, MilestoneRow, ReviewRow
from coserver.contract_offers import on_application_move
from coserver.db import next_version
from coserver.models import AccountRow, ContractRow

C = ContractState
_NAMESPACE = uuid.UUID("9e4b7a10-2c3d-5f60-8a1b-4c5d6e7f8091")
PAYMENT_TERMS_DAYS = 30


@dataclass(frozen=True)
class DemoFeedback:
    author_role: str  # client or agent
    months_ago: int
    scores: tuple[int, int, int, int]  # quality, communication, delivery, expertise
    comment: str


ANNA_FEEDBACK = (
    DemoFeedback("agent", 2, (4, 4, 4, 4), "Bra start; teamet är nöjt med takten."),
    DemoFeedback("client", 2, (4, 5, 4, 4), "Tydlig kommunikation och snabb inlärning av domänen."),
    DemoFeedback("client", 1, (5, 5, 4, 5), "Avräkningstjänsten gick i produktion före plan."),
    DemoFeedback("agent", 0, (5, 4, 5, 5), "Kunden vill gärna förlänga."),
)
ERIK_FEEDBACK = (DemoFeedback("client", 1, (4, 4, 3, 5), "Stark styrning; några leveranser blev sena."),)
_SCOPES = {
    "anna.freelancer@demo.coapp.se": "Utveckling av tjänster för avräkning och återbetalningar i Python.",
    "erik.freelancer@demo.coapp.se": "Projektledning av införandet av SAP S/4HANA för ekonomi och inköp.",
}
ENDED_TITLE = "Förstudie, nytt ekonomisystem"
ENDED_REVIEWS = (
    ("freelancer", 5, "Tydliga krav, snabba beslut och fakturor betalda i tid."),
    ("client", 4, "Grundlig förstudie med en plan som styrelsen kunde besluta om."),
)


def _id(kind: str, *parts: object) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, ":".join([kind, *map(str, parts)]))


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def seed_contracts(
    session: Session,
    agent_id: uuid.UUID,
    client_id: uuid.UUID,
    freelancers: dict[str, uuid.UUID],
    today: date,
) -> None:
    """Write what is missing of the demo contracts' issue-11 data (nothing, the second time)."""
    now = _at(today)
    for email, freelancer_id in freelancers.items():
        for contract in session.execute(
            select(ContractRow).where(
                ContractRow.freelancer_id == freelancer_id, ContractRow.origin == "platform"
            )
        ).scalars():
            if contract.client_name == "Kund AB" and contract.client_account_id is None:
                _sign_demo_contract(session, contract, client_id, email, now)
    anna = freelancers.get("anna.freelancer@demo.coapp.se")
    erik = freelancers.get("erik.freelancer@demo.coapp.se")
    for freelancer_id, items in ((anna, ANNA_FEEDBACK), (erik, ERIK_FEEDBACK)):
        if freelancer_id is not None:
            _seed_feedback(session, freelancer_id, agent_id, client_id, items, today)
    if erik is not None:
        _seed_ended(session, erik, agent_id, client_id, today)
    # The application that reached `offer` in the demo pipeline has its contract offer.
    for application in session.execute(
        select(ApplicationRow).where(ApplicationRow.state == ApplicationState.OFFER.value)
    ).scalars():
        on_application_move(session, application, ApplicationState.OFFER, now)
    session.flush()


def _sign_demo_contract(
    session: Session, contract: ContractRow, client_id: uuid.UUID, email: str, now: datetime
) -> None:
    """A demo contract from before issue 11: its terms, the client's account and the signature a week
    before it started (it is active already), as a change that clients sync."""
    account = session.get_one(AccountRow, contract.freelancer_id)
    contract.client_account_id = client_id
    contract.scope = _SCOPES.get(email, contract.title)
    contract.payment_terms_days = PAYMENT_TERMS_DAYS
    signed = _at(contract.start_date - timedelta(days=7), 10)
    contract.offered_at = signed - timedelta(days=3)
    contract.signed_at = signed
    contract.signed_name = account.display_name or account.email
    contract.signed_terms_version = contract.terms_version
    contract.original_end_date = contract.end_date
    contract.state_changed_at = _at(contract.start_date, 0)
    contract.version = next_version(session)
    session.flush()
    record_terms(session, contract, signed, None)


def _demo_contract(session: Session, freelancer_id: uuid.UUID) -> ContractRow | None:
    return session.execute(
        select(ContractRow)
        .where(
            ContractRow.freelancer_id == freelancer_id,
            ContractRow.origin == "platform",
            ContractRow.state == C.ACTIVE.value,
            ContractRow.client_name == "Kund AB",
        )
        .order_by(ContractRow.start_date)
        .limit(1)
    ).scalar_one_or_none()


def _seed_feedback(
    session: Session,
    freelancer_id: uuid.UUID,
    agent_id: uuid.UUID,
    client_id: uuid.UUID,
    items: tuple[DemoFeedback, ...],
    today: date,
) -> None:
    contract = _demo_contract(session, freelancer_id)
    if contract is None:
        return
    for index, item in enumerate(items):
        feedback_id = _id("feedback", contract.id, index)
        if session.get(FeedbackRow, feedback_id) is not None:
            continue
        given = _at(max(contract.start_date, today - timedelta(days=30 * item.months_ago + 3)), 15)
        client = session.get_one(AccountRow, client_id)
        quality, communication, delivery, expertise = item.scores
        session.add(
            FeedbackRow(
                id=feedback_id,
                account_id=freelancer_id,
                contract_id=contract.id,
                author_id=agent_id if item.author_role == "agent" else client_id,
                author_role=item.author_role,
                author_name="Sara Agent"
                if item.author_role == "agent"
                else (client.display_name or "Kund AB"),
                quality=quality,
                communication=communication,
                delivery=delivery,
                expertise=expertise,
                comment=item.comment,
                given_at=given,
                version=next_version(session),
            )
        )
    session.flush()


def _seed_ended(
    session: Session, freelancer_id: uuid.UUID, agent_id: uuid.UUID, client_id: uuid.UUID, today: date
) -> None:
    """An earlier fixed-fee contract: signed, active, ended two months ago, its two milestones paid,
    and both reviews, revealed (both are in)."""
    contract_id = _id("ended-contract", freelancer_id)
    if session.get(ContractRow, contract_id) is not None:
        return
    end = today - timedelta(days=60)
    start = end - timedelta(days=75)
    account = session.get_one(AccountRow, freelancer_id)
    signed = _at(start - timedelta(days=5), 11)
    row = ContractRow(
        id=contract_id,
        freelancer_id=freelancer_id,
        title=ENDED_TITLE,
        client_name="Kund AB",
        client_account_id=client_id,
        scope="Förstudie inför bytet av ekonomisystem: nuläge, krav, leverantörer och en plan.",
        fee_model="fixed",
        rate_minor=0,
        currency="SEK",
        commission_bp=1500,
        start_date=start,
        end_date=end,
        payment_terms_days=PAYMENT_TERMS_DAYS,
        client_org_number="556677-8899",
        client_address="Storgatan 1",
        client_postcode="111 22",
        client_city="Stockholm",
        origin="platform",
        state=C.OFFERED.value,
        terms_version=1,
        offered_at=signed - timedelta(days=2),
        state_changed_at=signed - timedelta(days=2),
        version=next_version(session),
    )
    session.add(row)
    session.flush()
    for index, (title, amount, due) in enumerate(
        (("Nuläge och krav", 6000000, start + timedelta(days=30)), ("Plan och beslutsunderlag", 9000000, end))
    ):
        session.add(
            MilestoneRow(
                id=_id("milestone", contract_id, index),
                account_id=freelancer_id,
                contract_id=contract_id,
                title=title,
                amount_minor=amount,
                due_date=due,
                state=MilestoneState.PAID.value,
                state_changed_at=_at(due + timedelta(days=35)),
                version=next_version(session),
            )
        )
    session.flush()
    record_terms(session, row, row.offered_at or signed, agent_id)
    for target, at, actor in (
        (C.SIGNED, signed, ContractActor.FREELANCER),
        (C.ACTIVE, _at(start, 0), ContractActor.PLATFORM),
        (C.ENDED, _at(end + timedelta(days=1), 0), ContractActor.PLATFORM),
    ):
        check_move(C(row.state), target, actor)
        row.state, row.state_changed_at = target.value, at
    row.signed_at, row.signed_name, row.signed_terms_version = signed, account.display_name, 1
    row.original_end_date, row.ended_on = end, end
    row.version = next_version(session)
    for author, score, text in ENDED_REVIEWS:
        submitted = _at(end + timedelta(days=3 if author == "client" else 5), 14)
        session.add(
            ReviewRow(
                id=_id("review", contract_id, author),
                account_id=freelancer_id,
                contract_id=contract_id,
                author=author,
                author_id=freelancer_id if author == "freelancer" else client_id,
                score=score,
                text=text,
                submitted_at=submitted,
                revealed_at=_at(end + timedelta(days=5), 14),
                version=next_version(session),
            )
        )
    session.flush()
