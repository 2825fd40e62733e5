"""The assignments as the screen and the CLI see them: plain frozen dataclasses made from the stored
rows, and the domain Assignment that matching reads.

The rows are the platform's, so reading them never refuses: a skill name the domain would not take
(too long, several lines), an extent or a rate range out of order is left out or tidied for
matching, and the rest of the assignment is still shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from coapp.domain.assignments import Assignment, Seniority, Workplace
from coapp.domain.errors import ValidationError
from coapp.domain.matching import Match
from coapp.domain.money import from_minor
from coapp.domain.skills import canonical_skill, skill_key

FULL_TIME_HOURS = 40  # a week's hours that count as 100 % extent
_MAX_SKILLS = 30


@dataclass(frozen=True)
class AssignmentItem:
    """One row of the list: what it shows, and the score it is sorted by."""

    id: str
    title: str
    client_name: str
    skills: tuple[str, ...]
    must_have: tuple[str, ...]
    nice_to_have: tuple[str, ...]
    rate_min: Decimal  # per hour
    rate_max: Decimal
    currency: str
    remote: bool
    workplace: str  # onsite | hybrid | remote
    city: str
    country: str
    extent_percent: int
    start: date
    end: date | None
    published_at: datetime
    closes_at: datetime
    status: str  # open | closed
    score: int  # the match, 0–100

    @property
    def closed(self) -> bool:
        return self.status != "open"


def with_score(item: AssignmentItem, score: int) -> AssignmentItem:
    """The row with another score: what ranking does to all of them at every profile change, about
    three times as fast as dataclasses.replace (which calls __init__ with every field)."""
    copy = object.__new__(AssignmentItem)
    copy.__dict__.update(item.__dict__)
    copy.__dict__["score"] = score
    return copy


@dataclass(frozen=True)
class AssignmentDetail:
    """The detail pane: the row, its longer texts, and the match with its reasons."""

    item: AssignmentItem
    description: str
    seniority: str | None
    language: str  # ISO 639-1, "" any
    hours_per_week: int
    favourite: bool
    match: Match


@dataclass(frozen=True)
class FavouriteChange:
    """What a star did: enough to undo it (set it back to ``was``)."""

    assignment_id: str
    was: bool
    now: bool

    @property
    def changed(self) -> bool:
        return self.was != self.now


def _names(text: str) -> tuple[str, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _matchable(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names the domain accepts, each skill once, at most as many as it takes."""
    seen: dict[str, str] = {}
    for name in names:
        try:
            canonical = canonical_skill(name)
        except ValidationError:
            continue
        seen.setdefault(skill_key(canonical), canonical)
    return tuple(seen.values())[:_MAX_SKILLS]


def _amount(minor: int, currency: str) -> Decimal:
    try:
        return from_minor(minor, currency)
    except ValidationError:  # a currency this coapp does not know: cents, as most have
        return Decimal(minor).scaleb(-2)


def extent_percent(hours_per_week: int) -> int:
    return max(1, min(100, round(100 * hours_per_week / FULL_TIME_HOURS)))


Lists = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def skill_lists(row: Any) -> Lists:
    """(skills, must-haves, nice-to-haves): an older platform sends `skills` alone, all must-haves."""
    skills, must, nice = _names(row.skills), _names(row.must_have), _names(row.nice_to_have)
    if not must and not nice:
        must = skills
    return skills or (*must, *nice), must, nice


def to_domain(row: Any, lists: Lists | None = None) -> Assignment:
    """The assignment as matching reads it (a stored row, or a row of its columns)."""
    _, must, nice = lists or skill_lists(row)
    low = _amount(row.rate_min_minor, row.currency)
    high = _amount(row.rate_max_minor, row.currency)
    try:
        seniority = Seniority(row.seniority) if row.seniority else None
    except ValueError:
        seniority = None
    try:
        workplace = Workplace(row.workplace)
    except ValueError:
        workplace = Workplace.REMOTE if row.remote else Workplace.ONSITE
    terms: dict[str, Any] = {
        "id": row.id,
        "title": row.title,
        "client_name": row.client_name,
        "seniority": seniority,
        "extent_percent": extent_percent(row.hours_per_week),
        "workplace": workplace,
        "city": row.location,
        "country": row.country,
        "language": row.language,
        "rate_min": min(low, high) if low >= 0 and high >= 0 else None,
        "rate_max": max(low, high) if low >= 0 and high >= 0 else None,
        "currency": row.currency,
        "start": row.start_date,
        "end": row.end_date if row.end_date is None or row.end_date >= row.start_date else None,
    }
    try:  # the skills were kept under their usual names on arrival: the domain takes them as they are
        return Assignment(must_have=must, nice_to_have=nice, **terms)
    except ValidationError:  # one it cannot take (too long, too many): left out, the rest matched
        must_ok = _matchable(must)
        nice_ok = tuple(name for name in _matchable(nice) if name not in must_ok)
        return Assignment(must_have=must_ok, nice_to_have=nice_ok, **terms)


def to_item(row: Any, score: int, lists: Lists | None = None) -> AssignmentItem:
    skills, must, nice = lists or skill_lists(row)
    return AssignmentItem(
        id=row.id,
        title=row.title,
        client_name=row.client_name,
        skills=skills,
        must_have=must,
        nice_to_have=nice,
        rate_min=_amount(row.rate_min_minor, row.currency),
        rate_max=_amount(row.rate_max_minor, row.currency),
        currency=row.currency,
        remote=row.workplace == "remote" or row.remote,
        workplace=row.workplace,
        city=row.location,
        country=row.country,
        extent_percent=extent_percent(row.hours_per_week),
        start=row.start_date,
        end=row.end_date,
        published_at=row.published_at,
        closes_at=row.closes_at,
        status=row.status,
        score=score,
    )
