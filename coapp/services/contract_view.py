"""A contract as the freelancer reads it (issue 11): its terms and state, its milestones, the feedback
on their work with the overall score and how it is computed, the reviews, and its figures so far.

Read-only: the platform's contracts change by the feed and by the online calls in
coapp.sync.contract_calls (signing, writing a review). The figures reuse the invoice arithmetic
(coapp.domain.week_value, coapp.domain.invoices.compute_commission), so what is shown here is what the
invoices will say, to the öre: money is Decimal, time integer minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coapp.domain.contract_states import ContractState
from coapp.domain.contracts import FeeModel
from coapp.domain.errors import NotFoundError
from coapp.domain.feedback import FeedbackScores, average_overall
from coapp.domain.money import from_minor
from coapp.domain.reviews import ReviewAuthor, reveal_on, reviews_open
from coapp.models import Contract, ContractFeedback, ContractMilestone, ContractReview, TimeEntry
from coapp.services.contract_figures import ContractFigures, figures_of
from coapp.services.contracts import to_info
from coapp.services.sheets import ContractInfo
from coapp.store.engine import Store

# How the overall scores are computed, in a sentence (coapp.domain.feedback; the platform's feedback
# history answers the same words).
FEEDBACK_METHOD = (
    "Each feedback's overall score is the plain mean of its four scores (quality, communication, "
    "delivery, expertise; equal weights). The contract's overall score is the plain mean of those, "
    "every feedback weighing the same, rounded half up to two decimals."
)


@dataclass(frozen=True)
class MilestoneView:
    id: str
    title: str
    amount: Decimal  # the contract's currency
    due_date: date
    state: str  # planned, ready (to invoice), invoiced, paid
    state_changed_at: datetime


@dataclass(frozen=True)
class FeedbackView:
    id: str
    author_role: str  # client, agent
    author_name: str
    quality: int
    communication: int
    delivery: int
    expertise: int
    overall: Decimal  # the plain mean of the four, exact in quarters
    comment: str
    given_at: datetime


@dataclass(frozen=True)
class FeedbackHistory:
    contract_id: str
    items: tuple[FeedbackView, ...]  # oldest first
    overall: Decimal | None  # None without feedback, never a default
    method: str = FEEDBACK_METHOD


@dataclass(frozen=True)
class ReviewView:
    id: str
    author: str  # freelancer (of the client), client (of the freelancer)
    score: int
    text: str
    submitted_at: datetime


@dataclass(frozen=True)
class ContractReviews:
    contract_id: str
    contract_title: str
    mine: ReviewView | None
    # The client's review of the freelancer: only once the platform's reveal rule let it into the feed.
    theirs: ReviewView | None
    can_write: bool  # open (ended, or terminated after signing) and not written yet
    reveal_on: date | None  # the other's review shows by this day at the latest


@dataclass(frozen=True)
class ContractView:
    info: ContractInfo  # the terms the grid and invoices use (rate, currency, dates, commission)
    origin: str  # platform, freelancer, local
    state: ContractState
    terms_version: int
    scope: str
    payment_terms_days: int
    offered_at: datetime | None
    signed_at: datetime | None
    signed_name: str | None
    signed_terms_version: int | None
    original_end_date: date | None  # the end as signed, when extended since
    ended_on: date | None
    state_reason: str
    milestones: tuple[MilestoneView, ...]
    figures: ContractFigures
    feedback: FeedbackHistory
    reviews: ContractReviews

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def in_force(self) -> bool:
        """Signed at some point, or one's own: time may be reported on it (in its period). An offer,
        or one withdrawn before it was signed, is not: the platform refuses its time
        (contract_not_signed), as coserver.contract_feed.unsigned_offer says."""
        return not (self.offered_at is not None and self.signed_at is None)

    @property
    def can_sign(self) -> bool:
        """An offer from the platform waits for the freelancer's signature (an online call)."""
        return self.origin == "platform" and self.state is ContractState.OFFERED


def _state(row: Contract) -> ContractState:
    try:
        return ContractState(row.state)
    except ValueError:  # a state a newer platform added: show it as in force, never crash
        return ContractState.ACTIVE


def milestones_of(s: Session, contract_id: str, currency: str) -> tuple[MilestoneView, ...]:
    rows = s.scalars(
        select(ContractMilestone)
        .where(ContractMilestone.contract_id == contract_id, ContractMilestone.deleted_at.is_(None))
        .order_by(ContractMilestone.due_date, ContractMilestone.title, ContractMilestone.id)
    )
    return tuple(
        MilestoneView(
            m.id, m.title, from_minor(m.amount_minor, currency), m.due_date, m.state, m.state_changed_at
        )
        for m in rows
    )


def feedback_of(s: Session, contract_id: str) -> FeedbackHistory:
    rows = s.scalars(
        select(ContractFeedback)
        .where(ContractFeedback.contract_id == contract_id, ContractFeedback.deleted_at.is_(None))
        .order_by(ContractFeedback.given_at, ContractFeedback.server_version, ContractFeedback.id)
    ).all()
    items: list[FeedbackView] = []
    scores: list[FeedbackScores] = []
    for f in rows:
        try:
            given = FeedbackScores(f.quality, f.communication, f.delivery, f.expertise)
        except ValueError:
            continue  # scores outside 1–5 cannot come from the platform; never shown as if valid
        scores.append(given)
        items.append(
            FeedbackView(
                f.id,
                f.author_role,
                f.author_name,
                f.quality,
                f.communication,
                f.delivery,
                f.expertise,
                given.overall,
                f.comment,
                f.given_at,
            )
        )
    return FeedbackHistory(contract_id, tuple(items), average_overall(scores))


def _review(row: ContractReview | None) -> ReviewView | None:
    if row is None:
        return None
    return ReviewView(row.id, row.author, row.score, row.text, row.submitted_at)


def reviews_of(s: Session, row: Contract) -> ContractReviews:
    found = {
        r.author: r
        for r in s.scalars(
            select(ContractReview).where(
                ContractReview.contract_id == row.id, ContractReview.deleted_at.is_(None)
            )
        )
    }
    mine = found.get(ReviewAuthor.FREELANCER.value)
    state = _state(row)
    can_write = row.origin == "platform" and mine is None and reviews_open(state, row.signed_at is not None)
    return ContractReviews(
        contract_id=row.id,
        contract_title=row.title,
        mine=_review(mine),
        theirs=_review(found.get(ReviewAuthor.CLIENT.value)),
        can_write=can_write,
        reveal_on=reveal_on(row.ended_on) if row.ended_on is not None else None,
    )


def minutes_of(s: Session, contract_id: str) -> tuple[int, int]:
    """(reported, invoiced) minutes: all live time on the contract, and the part on confirmed invoices."""
    reported, invoiced = s.execute(
        select(
            func.coalesce(func.sum(TimeEntry.minutes), 0),
            func.coalesce(func.sum(TimeEntry.minutes).filter(TimeEntry.invoice_id.is_not(None)), 0),
        ).where(TimeEntry.contract_id == contract_id, TimeEntry.deleted_at.is_(None))
    ).one()
    return int(reported), int(invoiced)


def view_of(s: Session, row: Contract) -> ContractView:
    info = to_info(row)
    milestones = milestones_of(s, row.id, row.currency)
    return ContractView(
        info=info,
        origin=row.origin,
        state=_state(row),
        terms_version=row.terms_version,
        scope=row.scope,
        payment_terms_days=row.payment_terms_days,
        offered_at=row.offered_at,
        signed_at=row.signed_at,
        signed_name=row.signed_name,
        signed_terms_version=row.signed_terms_version,
        original_end_date=row.original_end_date,
        ended_on=row.ended_on,
        state_reason=row.state_reason,
        milestones=milestones,
        figures=figures_of(s, row, info, milestones_minor(s, row.id), minutes_of(s, row.id)),
        feedback=feedback_of(s, row.id),
        reviews=reviews_of(s, row),
    )


def milestones_minor(s: Session, contract_id: str) -> dict[str, int]:
    """Per milestone state, the sum of the amounts in minor units (the budget's arithmetic is exact)."""
    rows = s.execute(
        select(ContractMilestone.state, func.sum(ContractMilestone.amount_minor))
        .where(ContractMilestone.contract_id == contract_id, ContractMilestone.deleted_at.is_(None))
        .group_by(ContractMilestone.state)
    ).all()
    return {state: int(total) for state, total in rows}


class ContractViews:
    """The contracts' screen and `coapp contracts|feedback|reviews` read through here."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> list[ContractView]:
        """Every live contract, the platform's and one's own, by start date."""
        with self._store.read() as s:
            rows = s.scalars(
                select(Contract)
                .where(Contract.deleted_at.is_(None))
                .order_by(Contract.start_date, Contract.title, Contract.id)
            ).all()
            return [view_of(s, row) for row in rows]

    def get(self, contract_id: str) -> ContractView:
        with self._store.read() as s:
            return view_of(s, _row(s, contract_id))

    def feedback(self, contract_id: str) -> FeedbackHistory:
        with self._store.read() as s:
            return feedback_of(s, _row(s, contract_id).id)

    def reviews(self) -> list[ContractReviews]:
        """The reviews of every platform contract that has one, or may have one written now."""
        with self._store.read() as s:
            rows = s.scalars(
                select(Contract)
                .where(Contract.deleted_at.is_(None), Contract.origin == "platform")
                .order_by(Contract.start_date, Contract.title, Contract.id)
            ).all()
            found = [reviews_of(s, row) for row in rows]
        return [r for r in found if r.mine or r.theirs or r.can_write]

    def reviews_for(self, contract_id: str) -> ContractReviews:
        with self._store.read() as s:
            return reviews_of(s, _row(s, contract_id))


def _row(s: Session, contract_id: str) -> Contract:
    row = s.get(Contract, contract_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("no contract with id {id}", id=contract_id)
    return row


def is_fixed(info: ContractInfo) -> bool:
    return info.fee_model is FeeModel.FIXED
