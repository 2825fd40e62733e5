"""Issue 10's records beside the assignments: favourites (pushed by the freelancer, a set keyed by
assignment), applications with their consent, timeline and interviews (commands), the agent and
the messages between them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, Field, StrictBool, StrictInt

from coapp.domain.applications import ApplicationState
from coapp.sync.wire.assignments import ASSIGNMENT_HOURS_PER_WEEK_MAX, IsoDate, IsoDateTime
from coapp.sync.wire.common import _Body

# A favourite's row id is derived from its assignment, so two devices that star the same
# assignment offline write the same row (a set: no duplicates, remove = tombstone, add revives).
FAVOURITE_NAMESPACE = uuid.UUID("0f4c6f3e-2b7a-5d1c-9a64-6c1b7f1e0a10")


def favourite_row_id(assignment_id: UUID) -> UUID:
    """The row id of the favourite of `assignment_id` (uuid5 of FAVOURITE_NAMESPACE and its text)."""
    return uuid.uuid5(FAVOURITE_NAMESPACE, str(assignment_id).lower())


class FavouriteRecord(BaseModel):
    """One of the freelancer's favourite assignments; a tombstone (`deleted_at`) once removed.
    Push ops carry `fields` {"assignment_id"} with row_id == favourite_row_id(assignment_id)."""

    entity: Literal["favourite"] = "favourite"
    id: UUID
    assignment_id: UUID
    version: int
    deleted_at: datetime | None = None


# --- Applications with consent (issue 10; the pipeline's rules: coapp.domain.applications) ---------------

APPLICATION_TEXT_MAX_LENGTH = 2000
RESUME_VARIANT_MAX_LENGTH = 100
INTERVIEW_PLACE_MAX_LENGTH = 200
INTERVIEW_URL_MAX_LENGTH = 500
RATE_MINOR_MAX = 2**53
RatePer = Literal["hour", "day"]
Text = Annotated[str, Field(max_length=APPLICATION_TEXT_MAX_LENGTH)]


class ConsentData(_Body):
    """What the freelancer agreed to share, sent with `submit`: the server keeps it unchanged, with to
    whom it went and when. `agreed` must be true: the consent is explicit, never implied."""

    agreed: StrictBool = Field(description="must be true: the freelancer consents to sharing this")
    resume_variant: str = Field(
        min_length=1, max_length=RESUME_VARIANT_MAX_LENGTH, description="the name of the resume variant"
    )
    resume_digest: str = Field(
        pattern=r"^[0-9a-f]{64}$", description="SHA-256 (hex) of the resume data sent, as the app made it"
    )
    resume_version: StrictInt = Field(default=0, ge=0, le=2**63 - 1, description="the variant's version")
    rate_minor: StrictInt = Field(ge=1, le=RATE_MINOR_MAX, description="minor units of currency")
    rate_per: RatePer
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217")
    available_from: IsoDate
    hours_per_week: StrictInt = Field(ge=1, le=ASSIGNMENT_HOURS_PER_WEEK_MAX)
    message: Text = ""
    consented_at: IsoDateTime = Field(description="when the freelancer consented (the app's clock)")


class SubmitApplicationRequest(_Body):
    """`POST /v1/applications/{id}/submit` (the freelancer; the id is the app's). If-Match: the
    assignment's version the freelancer decided on. Without `consent` nothing is stored (422)."""

    assignment_id: UUID
    consent: ConsentData | None = Field(default=None, description="required: no consent, no application")


class ApplicationTextRequest(_Body):
    """withdraw (the freelancer), propose, offer, contract, decline (the agent): the event's text."""

    text: Text = ""


class BookInterviewRequest(_Body):
    """`POST /v1/applications/{id}/interview` (the agent): a place, a video link, or both."""

    text: Text = ""
    starts_at: IsoDateTime
    ends_at: IsoDateTime
    place: str = Field(default="", max_length=INTERVIEW_PLACE_MAX_LENGTH)
    video_url: str = Field(default="", max_length=INTERVIEW_URL_MAX_LENGTH, description="https only")
    agent_attends: StrictBool


class ApplicationRecord(BaseModel):
    """An application as the platform holds it; after submit only the platform moves `state`."""

    entity: Literal["application"] = "application"
    id: UUID
    assignment_id: UUID
    state: ApplicationState
    rate_minor: int
    rate_per: RatePer
    currency: str
    resume_variant: str
    available_from: date
    hours_per_week: int
    message: str
    consent_id: UUID
    submitted_at: datetime
    state_changed_at: datetime
    version: int
    deleted_at: datetime | None = None


class ApplicationEventRecord(BaseModel):
    """One step of an application's timeline: who moved it to which state, when, and their words."""

    entity: Literal["application_event"] = "application_event"
    id: UUID
    application_id: UUID
    at: datetime
    state: ApplicationState
    actor: Literal["freelancer", "agent"]
    text: str
    version: int
    deleted_at: datetime | None = None


class InterviewRecord(BaseModel):
    entity: Literal["interview"] = "interview"
    id: UUID
    application_id: UUID
    starts_at: datetime
    ends_at: datetime
    place: str
    video_url: str
    agent_attends: bool
    version: int
    deleted_at: datetime | None = None


class ConsentRecord(BaseModel):
    """The consent ledger's entry: exactly what was shared, with whom and when. Never changes."""

    entity: Literal["consent"] = "consent"
    id: UUID
    application_id: UUID
    assignment_id: UUID
    resume_variant: str
    resume_digest: str
    resume_version: int
    rate_minor: int
    rate_per: RatePer
    currency: str
    available_from: date
    hours_per_week: int
    message: str
    shared_with_client: str = Field(description="the client's name, as the assignment gives it")
    shared_via_agent: str = Field(description="the agent's name, who proposes it to the client")
    agent_id: UUID
    consented_at: datetime
    recorded_at: datetime = Field(description="when the platform received it")
    version: int
    deleted_at: datetime | None = None


class ConsentsList(BaseModel):
    """`GET /v1/consents`: every consent the freelancer gave, oldest first (the export)."""

    consents: list[ConsentRecord]


class ApplicationDetail(BaseModel):
    """`GET /v1/applications/{id}` and every command's answer: the application and its timeline."""

    application: ApplicationRecord
    events: list[ApplicationEventRecord]
    interviews: list[InterviewRecord]


# --- The agent and messages ------------------------------------------------------------------------------

MESSAGE_MAX_LENGTH = 2000  # a page of 500 such messages fits the push cap, as notes do


class AgentRecord(BaseModel):
    """`GET /v1/agent`: the freelancer's Consultant Agent. The photo is `GET /v1/agent/photo`; its
    SHA-256 is here (None: no photo), so the app downloads it only when it changed."""

    id: UUID
    name: str
    email: str
    phone: str
    photo_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")


class MessageRecord(BaseModel):
    """A message between the freelancer and their agent. The freelancer's are pushed (entity
    `message`, fields {"text"}, the app's id) and never change once sent; the agent's arrive by the
    feed."""

    entity: Literal["message"] = "message"
    id: UUID
    sender: Literal["freelancer", "agent"]
    agent_id: UUID
    text: str
    sent_at: datetime
    version: int
    deleted_at: datetime | None = None


class AgentMessageRequest(_Body):
    """`POST /v1/agent/messages` (the agent): a message to one of their freelancers."""

    freelancer_id: UUID
    text: str = Field(min_length=1, max_length=MESSAGE_MAX_LENGTH)
