"""Assignments (PRODUCT.md "Assignments"): browse, search, and what agents post."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    Field,
    StrictBool,
    StrictInt,
)

from coapp.sync.wire.common import _Body

# --- Assignments (PRODUCT.md "Assignments": browse, search, favourite, apply) ------------------------

ASSIGNMENTS_LIMIT_DEFAULT = 20
ASSIGNMENTS_LIMIT_MAX = 100
ASSIGNMENT_QUERY_MAX_LENGTH = 200
ASSIGNMENT_TITLE_MIN_LENGTH = 3
ASSIGNMENT_TITLE_MAX_LENGTH = 200
ASSIGNMENT_DESCRIPTION_MAX_LENGTH = 10_000
ASSIGNMENT_SKILLS_MAX = 30
ASSIGNMENT_SKILL_MAX_LENGTH = 60
ASSIGNMENT_RATE_MINOR_MAX = 2**53  # exact in every JSON reader; far above any real hourly rate
ASSIGNMENT_HOURS_PER_WEEK_MAX = 80

Seniority = Literal["junior", "mid", "senior", "expert"]
Workplace = Literal["onsite", "hybrid", "remote"]
SkillName = Annotated[str, Field(min_length=1, max_length=ASSIGNMENT_SKILL_MAX_LENGTH)]


class AssignmentStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


def _iso_text(value: Any) -> Any:
    """A date or time must arrive as ISO text: pydantic alone would read 0 as 1970-01-01."""
    if not isinstance(value, str):
        raise ValueError("must be ISO 8601 text")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_text)]
IsoDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_text)]


class NewAssignmentRequest(_Body):
    """`POST /v1/assignments` (agents and admins): an assignment to publish now, open until
    `closes_at`. Rates are per hour in minor units of `currency`; the server also checks that the
    texts hold something, min ≤ max and the dates are in order, answering 422 with the field."""

    title: str = Field(min_length=ASSIGNMENT_TITLE_MIN_LENGTH, max_length=ASSIGNMENT_TITLE_MAX_LENGTH)
    client_name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=ASSIGNMENT_DESCRIPTION_MAX_LENGTH)
    location: str = Field(min_length=1, max_length=100, description='a city, or "Remote"')
    remote: StrictBool = Field(
        default=False,
        description='the work can be done remotely; sent with workplace: workplace == "remote"',
    )
    skills: list[SkillName] = Field(
        default_factory=list,
        max_length=ASSIGNMENT_SKILLS_MAX,
        description="older posters: all of them must-haves; if sent with must_have or nice_to_have, "
        "the same names as must_have + nice_to_have",
    )
    must_have: list[SkillName] = Field(default_factory=list, max_length=ASSIGNMENT_SKILLS_MAX)
    nice_to_have: list[SkillName] = Field(default_factory=list, max_length=ASSIGNMENT_SKILLS_MAX)
    seniority: Seniority | None = Field(default=None, description="null: any")
    workplace: Workplace | None = Field(default=None, description='null: "remote" if remote, else "onsite"')
    country: str = Field(
        default="", pattern=r"^([A-Z]{2})?$", description='ISO 3166 alpha-2 of the place of work; "" unknown'
    )
    language: str = Field(
        default="", pattern=r"^([a-z]{2})?$", description='ISO 639-1 of the working language; "" any'
    )
    rate_min_minor: StrictInt = Field(ge=0, le=ASSIGNMENT_RATE_MINOR_MAX, description="per hour")
    rate_max_minor: StrictInt = Field(ge=0, le=ASSIGNMENT_RATE_MINOR_MAX, description="per hour")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217, e.g. SEK, NOK, DKK, EUR")
    hours_per_week: StrictInt = Field(ge=1, le=ASSIGNMENT_HOURS_PER_WEEK_MAX)
    start_date: IsoDate
    end_date: IsoDate | None = Field(default=None, description="null: until further notice")
    closes_at: IsoDateTime = Field(description="apply by: an aware instant after now")


class AssignmentRecord(BaseModel):
    """An assignment as the platform publishes it; every signed-in account may read it."""

    id: UUID
    title: str
    client_name: str
    description: str
    location: str = Field(description="the city")
    remote: bool = Field(description='workplace == "remote"')
    skills: list[str] = Field(description="must_have + nice_to_have (for readers without them)")
    rate_min_minor: int = Field(description="per hour, minor units of currency")
    rate_max_minor: int = Field(description="per hour, minor units of currency")
    currency: str
    hours_per_week: int
    start_date: date
    end_date: date | None = None
    published_at: datetime
    closes_at: datetime = Field(description="apply by")
    agent_id: UUID = Field(description="the agent account that posted it")
    status: AssignmentStatus = Field(
        description="closed once the agent closed it or its closes_at has passed"
    )
    version: int
    deleted_at: datetime | None = None
    # Added with issue 10: optional and last, so older clients (which map record fields to their
    # columns by name) ignore them.
    must_have: list[str] = Field(default_factory=list)
    nice_to_have: list[str] = Field(default_factory=list)
    seniority: Seniority | None = Field(default=None, description="null: any")
    workplace: Workplace = "onsite"
    country: str = Field(default="", description='ISO 3166 alpha-2; "" unknown')
    language: str = Field(default="", description='ISO 639-1 of the working language; "" any')


class AssignmentsPage(BaseModel):
    """One page of `GET /v1/assignments`, newest first. Ask again with `cursor` while `has_more`."""

    assignments: list[AssignmentRecord]
    cursor: str | None = Field(description="for the next page; null on the last one")
    has_more: bool
