"""Issue 11's bodies: a platform contract's offer, terms, signature and milestones; feedback during
the assignment; mutual reviews after it. The rules behind them are in coapp.domain.contract_states,
.milestones, .feedback and .reviews; the contract itself stays coapp.sync.wire.sync.ContractRecord
(with its new fields optional, so older clients keep parsing the feed).

Milestones, feedback and reviews are their own entities in the change feed (`contract_milestone`,
`contract_feedback`, `contract_review`), sent only to clients that ask `with_contracts`. A review
of the freelancer by the client enters the freelancer's feed only once the reveal rule allows.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field, StrictInt

from coapp.domain.contract_states import SIGNED_NAME_MAX_LENGTH
from coapp.domain.feedback import COMMENT_MAX_LENGTH
from coapp.domain.milestones import AMOUNT_MINOR_MAX, TITLE_MAX_LENGTH, MilestoneState
from coapp.domain.reviews import TEXT_MAX_LENGTH
from coapp.sync.wire.assignments import IsoDate
from coapp.sync.wire.common import ErrorBody, _Body
from coapp.sync.wire.sync import ContractRecord

# The contract offer the platform makes when an application reaches `offer` has an id derived from
# the application's, so the app (and the agent) find it without asking.
OFFER_NAMESPACE = uuid.UUID("3b9d2c71-0f5e-5a8c-b4d6-2e7f1a9c8b30")
SCOPE_MAX_LENGTH = 10_000
CONTRACT_TEXT_MAX_LENGTH = 2000
PAYMENT_TERMS_DAYS_MAX = 120
RATE_MINOR_MAX = 2**53


def offer_contract_id(application_id: UUID) -> UUID:
    """The id of the contract offered for `application_id` (uuid5 of OFFER_NAMESPACE and its text)."""
    return uuid.uuid5(OFFER_NAMESPACE, str(application_id).lower())


# --- records (the feed and the answers) --------------------------------------------------------------


class MilestoneRecord(BaseModel):
    """A fixed-fee contract's milestone; the amount is in the contract's currency, minor units."""

    entity: Literal["contract_milestone"] = "contract_milestone"
    id: UUID
    contract_id: UUID
    title: str
    amount_minor: int
    due_date: date
    state: MilestoneState = Field(description="planned, ready (to invoice), invoiced, paid")
    state_changed_at: datetime
    version: int
    deleted_at: datetime | None = None
    invoice_id: UUID | None = Field(default=None, description="the confirmed invoice that bills it")


class FeedbackRecord(BaseModel):
    """Feedback the client or the agent gave during the assignment. `overall_x100` is the plain mean
    of the four scores in hundredths (coapp.domain.feedback states how)."""

    entity: Literal["contract_feedback"] = "contract_feedback"
    id: UUID
    contract_id: UUID
    author_role: Literal["client", "agent"]
    author_name: str
    quality: int
    communication: int
    delivery: int
    expertise: int
    overall_x100: int
    comment: str
    given_at: datetime
    version: int
    deleted_at: datetime | None = None


class ReviewRecord(BaseModel):
    """A review after the contract: the freelancer's of the client or the client's of the freelancer.
    Immutable; the other party's reaches a reader only once both are in or 14 days after the end."""

    entity: Literal["contract_review"] = "contract_review"
    id: UUID
    contract_id: UUID
    author: Literal["freelancer", "client"]
    score: int
    text: str
    submitted_at: datetime
    version: int
    deleted_at: datetime | None = None


class ContractDetail(BaseModel):
    """A contract with its milestones: the answer of every contract command."""

    contract: ContractRecord
    milestones: list[MilestoneRecord]


class ContractsList(BaseModel):
    """`GET /v1/contracts`: the platform contracts the caller is party to (as freelancer, as the
    client's account, or as the agent of their assignment), oldest start first."""

    contracts: list[ContractDetail]


class FeedbackList(BaseModel):
    """`GET /v1/contracts/{id}/feedback`: the history, oldest first, and the contract's overall."""

    feedback: list[FeedbackRecord]
    overall_x100: int | None = Field(description="mean of the overall scores in hundredths; null: none yet")
    method: str = Field(description="how the overall scores are computed, in a sentence")


class ReviewsView(BaseModel):
    """`GET /v1/contracts/{id}/reviews` (the freelancer or the client): one's own review, and the
    other party's only once revealed (before that `theirs` is null, whether written or not)."""

    contract_id: UUID
    mine: ReviewRecord | None
    theirs: ReviewRecord | None
    reveal_on: date | None = Field(description="the other's review shows on this day at the latest")


class ContractConflictBody(ErrorBody):
    """A 409 or 412 from a contract command: the reason, and the contract as it is now (on a stale
    signature: the current terms to show instead)."""

    current: ContractDetail | None = None


# --- requests ----------------------------------------------------------------------------------------


class SignContractRequest(_Body):
    """`POST /v1/contracts/{id}/sign` (the freelancer): the typed full name and the version of the
    terms read. Another version than the current one is 412 with the current terms."""

    name: str = Field(max_length=SIGNED_NAME_MAX_LENGTH * 2, description="2–200 characters, one line")
    terms_version: StrictInt = Field(ge=1, le=2**31 - 1)


class ContractTermsRequest(_Body):
    """`POST /v1/contracts/{id}/terms` (the contract's agent, while offered): the terms to change;
    a field left out keeps its value. Every change makes a new terms version."""

    title: str | None = Field(default=None, min_length=1, max_length=200)
    scope: str | None = Field(default=None, max_length=SCOPE_MAX_LENGTH)
    client_name: str | None = Field(default=None, min_length=1, max_length=200)
    client_account_id: UUID | None = Field(default=None, description="the client's account (reviews)")
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None
    fee_model: Literal["hourly", "daily", "fixed"] | None = None
    rate_minor: StrictInt | None = Field(default=None, ge=0, le=RATE_MINOR_MAX)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    minutes_per_day: StrictInt | None = Field(default=None, ge=1, le=1440)
    rounding_rule: str | None = Field(default=None, max_length=32)
    payment_terms_days: StrictInt | None = Field(default=None, ge=0, le=PAYMENT_TERMS_DAYS_MAX)
    commission_bp: StrictInt | None = Field(default=None, ge=0, le=10_000)


class MilestoneRequest(_Body):
    """`POST /v1/contracts/{id}/milestones` (the agent, a fixed-fee offer): a new terms version."""

    title: str = Field(min_length=1, max_length=TITLE_MAX_LENGTH)
    amount_minor: StrictInt = Field(ge=1, le=AMOUNT_MINOR_MAX)
    due_date: IsoDate


class MilestoneStateRequest(_Body):
    """`POST /v1/contracts/{id}/milestones/{milestone_id}/state` (the agent): one step forward."""

    state: MilestoneState


class ExtendContractRequest(_Body):
    """`POST /v1/contracts/{id}/extend` (the agent): a later end date."""

    end_date: IsoDate
    text: str = Field(default="", max_length=CONTRACT_TEXT_MAX_LENGTH)


class ContractTextRequest(_Body):
    """`POST /v1/contracts/{id}/end` and `/terminate` (the agent): the words that go with it (a
    termination needs its reason)."""

    text: str = Field(default="", max_length=CONTRACT_TEXT_MAX_LENGTH)


class FeedbackRequest(_Body):
    """`POST /v1/contracts/{id}/feedback` (the contract's client or agent, while it is active)."""

    quality: StrictInt = Field(ge=1, le=5)
    communication: StrictInt = Field(ge=1, le=5)
    delivery: StrictInt = Field(ge=1, le=5)
    expertise: StrictInt = Field(ge=1, le=5)
    comment: str = Field(default="", max_length=COMMENT_MAX_LENGTH)


class ReviewRequest(_Body):
    """`POST /v1/contracts/{id}/review` (the freelancer or the client, once it has ended): once."""

    score: StrictInt = Field(ge=1, le=5)
    text: str = Field(min_length=1, max_length=TEXT_MAX_LENGTH)
