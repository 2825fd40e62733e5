"""Assignments: what agents post for clients and every signed-in account browses (PRODUCT.md).

The listing is newest first and paged by keyset on (published_at, id): a cursor is a position, not
an offset, so assignments published or closed while someone pages never shift what the next page
holds (no row twice, none skipped). "Open" means open for applications: not closed by the agent and
before its `closes_at`. The text filter wants every word somewhere in title, client or skills.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, not_, or_, select
from sqlalchemy.orm import Session

from coapp.sync.wire import (
    ASSIGNMENT_TITLE_MIN_LENGTH,
    Account,
    AssignmentRecord,
    AssignmentsPage,
    AssignmentStatus,
    NewAssignmentRequest,
    Role,
)
from coserver.assignment_terms import place_terms, skill_terms
from coserver.context import ServerContext
from coserver.db import next_version
from coserver.errors import ApiError
from coserver.models import AssignmentRow
from coserver.refusals import encodable

POSTER_ROLES = frozenset({Role.AGENT, Role.ADMIN})
QUERY_WORDS_MAX = 10
CLOSES_WITHIN = timedelta(days=366)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_CURSOR = re.compile(r"^(\d{1,18})\.([0-9a-f]{32})$")
# Line breaks and tabs belong in a description; no other control character belongs anywhere.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_IN_PROSE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def search_text(title: str, client_name: str, skills: list[str]) -> str:
    """What the text filter searches, casefolded here (not by the database) so that SQLite and
    PostgreSQL match the same rows."""
    return "\n".join([title, client_name, *skills]).casefold()


def is_open(row: AssignmentRow, now: datetime) -> bool:
    return row.status == AssignmentStatus.OPEN and row.closes_at > now


def assignment_record(row: AssignmentRow, now: datetime) -> AssignmentRecord:
    return AssignmentRecord(
        id=row.id,
        title=row.title,
        client_name=row.client_name,
        description=row.description,
        location=row.location,
        remote=row.remote,
        skills=list(row.skills),
        rate_min_minor=row.rate_min_minor,
        rate_max_minor=row.rate_max_minor,
        currency=row.currency,
        hours_per_week=row.hours_per_week,
        start_date=row.start_date,
        end_date=row.end_date,
        published_at=row.published_at,
        closes_at=row.closes_at,
        agent_id=row.agent_id,
        status=AssignmentStatus.OPEN if is_open(row, now) else AssignmentStatus.CLOSED,
        version=row.version,
        deleted_at=row.deleted_at,
        must_have=list(row.must_have),
        nice_to_have=list(row.nice_to_have),
        seniority=row.seniority,  # type: ignore[arg-type]  # checked when posted
        workplace=row.workplace,  # type: ignore[arg-type]
        country=row.country,
        language=row.language,
    )


# --- reading -------------------------------------------------------------------------------------------


def _encode_cursor(row: AssignmentRow) -> str:
    micros = (row.published_at - _EPOCH) // timedelta(microseconds=1)
    return f"{micros}.{row.id.hex}"


def _decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    match = _CURSOR.match(cursor)
    try:
        if match is None:
            raise ValueError(cursor)
        published_at = _EPOCH + timedelta(microseconds=int(match.group(1)))
    except (ValueError, OverflowError):
        raise ApiError(
            400, "invalid_cursor", "This is not a cursor this server handed out.", field="cursor"
        ) from None
    return published_at, uuid.UUID(match.group(2))


def _query_words(q: str | None) -> list[str]:
    if not q:
        return []
    if _CONTROL.search(q) or not encodable(q):
        raise ApiError(422, "invalid_field", "q: search words cannot hold control characters.", field="q")
    words = q.casefold().split()
    if len(words) > QUERY_WORDS_MAX:
        raise ApiError(422, "invalid_field", f"q: search with at most {QUERY_WORDS_MAX} words.", field="q")
    return words


def _contains(word: str) -> Any:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return AssignmentRow.search_text.like(f"%{escaped}%", escape="\\")


def list_assignments(
    ctx: ServerContext, status: AssignmentStatus, q: str | None, cursor: str | None, limit: int
) -> AssignmentsPage:
    now = ctx.now()
    words = _query_words(q)
    query = select(AssignmentRow).where(AssignmentRow.deleted_at.is_(None))
    open_now = and_(AssignmentRow.status == AssignmentStatus.OPEN.value, AssignmentRow.closes_at > now)
    query = query.where(open_now if status is AssignmentStatus.OPEN else not_(open_now))
    for word in words:
        query = query.where(_contains(word))
    if cursor:
        published_at, last_id = _decode_cursor(cursor)
        query = query.where(
            or_(
                AssignmentRow.published_at < published_at,
                and_(AssignmentRow.published_at == published_at, AssignmentRow.id < last_id),
            )
        )
    query = query.order_by(AssignmentRow.published_at.desc(), AssignmentRow.id.desc()).limit(limit + 1)
    with ctx.sessions() as session:
        rows = list(session.execute(query).scalars())
    has_more = len(rows) > limit
    page = rows[:limit]
    return AssignmentsPage(
        assignments=[assignment_record(row, now) for row in page],
        cursor=_encode_cursor(page[-1]) if has_more else None,
        has_more=has_more,
    )


def get_assignment(ctx: ServerContext, assignment_id: uuid.UUID) -> AssignmentRecord:
    with ctx.sessions() as session:
        row = session.get(AssignmentRow, assignment_id)
    if row is None or row.deleted_at is not None:
        raise ApiError(404, "not_found", "No such assignment.")
    return assignment_record(row, ctx.now())


# --- posting -------------------------------------------------------------------------------------------


def require_poster(account: Account) -> None:
    if account.role not in POSTER_ROLES:
        raise ApiError(403, "forbidden", "Only agents post assignments.")


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid_field", f"{field}: {message}", field=field)


def _line(value: str, field: str, min_length: int = 1) -> str:
    text = value.strip()
    if _CONTROL.search(text) or not encodable(text):
        raise _invalid(field, "holds characters that cannot be stored (line breaks, control characters).")
    if len(text) < min_length:
        raise _invalid(field, f"write at least {min_length} character{'s' if min_length > 1 else ''}.")
    return text


def checked_terms(body: NewAssignmentRequest, now: datetime) -> dict[str, Any]:
    """The request's terms, trimmed, once the rules the schema cannot say hold: texts that are more
    than spaces, skills without repeats, min ≤ max, dates in order, applications closing ahead."""
    description = body.description.strip()
    if _CONTROL_IN_PROSE.search(description) or not encodable(description):
        raise _invalid("description", "holds characters that cannot be stored.")
    skills = skill_terms(body)
    place = place_terms(body)
    if body.rate_min_minor > body.rate_max_minor:
        raise _invalid("rate_max_minor", "must not be below rate_min_minor.")
    if body.end_date is not None and body.end_date < body.start_date:
        raise _invalid("end_date", "must not be before start_date.")
    if body.closes_at <= now:
        raise _invalid("closes_at", "must be in the future.")
    if body.closes_at > now + CLOSES_WITHIN:
        raise _invalid("closes_at", "applications close within a year of publishing.")
    closes_at = body.closes_at.astimezone(UTC)  # in range now: the conversion cannot overflow
    if body.end_date is not None and closes_at.date() > body.end_date:
        raise _invalid("closes_at", "applications must close before the assignment ends.")
    return {
        "title": _line(body.title, "title", ASSIGNMENT_TITLE_MIN_LENGTH),
        "client_name": _line(body.client_name, "client_name"),
        "description": description,
        "location": _line(body.location, "location"),
        **skills,
        **place,
        "rate_min_minor": body.rate_min_minor,
        "rate_max_minor": body.rate_max_minor,
        "currency": body.currency,
        "hours_per_week": body.hours_per_week,
        "start_date": body.start_date,
        "end_date": body.end_date,
        "closes_at": closes_at,
    }


def create_assignment(
    session: Session,
    agent_id: uuid.UUID,
    *,
    published_at: datetime,
    title: str,
    client_name: str,
    location: str,
    rate_min_minor: int,
    rate_max_minor: int,
    currency: str,
    hours_per_week: int,
    start_date: date,
    closes_at: datetime,
    end_date: date | None = None,
    description: str = "",
    remote: bool = False,
    skills: list[str] | None = None,
    status: AssignmentStatus = AssignmentStatus.OPEN,
    assignment_id: uuid.UUID | None = None,
    must_have: list[str] | None = None,
    nice_to_have: list[str] | None = None,
    seniority: str | None = None,
    workplace: str | None = None,
    country: str = "",
    language: str = "",
) -> AssignmentRow:
    """Insert an assignment as given (the platform's own writes: seed-demo, tests, `publish`).
    Without must_have and nice_to_have every skill is a must-have; without a workplace, `remote`
    says it."""
    if must_have is None and nice_to_have is None:
        must_have = list(skills or [])
    must_have, nice_to_have = list(must_have or []), list(nice_to_have or [])
    skills = must_have + nice_to_have
    workplace = workplace or ("remote" if remote else "onsite")
    remote = workplace == "remote"
    row = AssignmentRow(
        id=assignment_id or uuid.uuid4(),
        title=title,
        client_name=client_name,
        description=description,
        location=location,
        remote=remote,
        skills=skills,
        rate_min_minor=rate_min_minor,
        rate_max_minor=rate_max_minor,
        currency=currency,
        hours_per_week=hours_per_week,
        start_date=start_date,
        end_date=end_date,
        published_at=published_at,
        closes_at=closes_at,
        agent_id=agent_id,
        status=status.value,
        search_text=search_text(title, client_name, skills),
        version=next_version(session),
        must_have=must_have,
        nice_to_have=nice_to_have,
        seniority=seniority,
        workplace=workplace,
        country=country,
        language=language,
    )
    session.add(row)
    session.flush()
    return row


def publish(
    ctx: ServerContext, session: Session, agent: Account, body: NewAssignmentRequest
) -> AssignmentRecord:
    """`POST /v1/assignments`: the caller's new assignment, open from now."""
    require_poster(agent)
    now = ctx.now()
    row = create_assignment(session, agent.id, published_at=now, **checked_terms(body, now))
    return assignment_record(row, now)


def close_assignment(session: Session, assignment_id: uuid.UUID) -> AssignmentRow:
    """The agent stops taking applications (filled or cancelled); it stays readable."""
    row = session.get_one(AssignmentRow, assignment_id)
    row.status = AssignmentStatus.CLOSED.value
    row.version = next_version(session)
    session.flush()
    return row


def withdraw_assignment(session: Session, assignment_id: uuid.UUID, now: datetime) -> AssignmentRow:
    """Take an assignment off the platform (posted by mistake): a tombstone nobody can read."""
    row = session.get_one(AssignmentRow, assignment_id)
    row.deleted_at = now
    row.version = next_version(session)
    session.flush()
    return row
