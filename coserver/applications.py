"""Applications with consent (issue 10; SYNC.md "who wins": applications follow the platform's
state machine, coapp.domain.applications, which decides every move here).

- `submit` creates the application and its consent in one transaction, or nothing: without an
  explicit consent (`agreed` true) it is 422 and no row is written. The consent records what was
  shared (resume variant and digest, rate, availability, message), with whom (the client, via the
  assignment's agent) and when; nothing updates it afterwards.
- Every other move is a command on the application's version (If-Match): the freelancer withdraws;
  the agent who posted the assignment proposes, books interviews, offers, contracts and declines.
  A move check_move refuses is 409 with its reason.
- An application is visible to its freelancer and to the agent of its assignment; to anyone else it
  does not exist (404), so ids reveal nothing.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.applications import Actor, ApplicationState, TransitionRefused, check_move
from coapp.sync.wire import (
    Account,
    ApplicationDetail,
    ApplicationEventRecord,
    ApplicationRecord,
    BookInterviewRequest,
    ConsentData,
    ConsentRecord,
    ConsentsList,
    InterviewRecord,
    Role,
    SubmitApplicationRequest,
)
from coserver import contract_offers
from coserver.agents import agent_name, ensure_agent
from coserver.application_models import ApplicationEventRow, ApplicationRow, ConsentRow, InterviewRow
from coserver.assignments import is_open
from coserver.context import ServerContext
from coserver.db import lock_accounts, next_version
from coserver.errors import ApiError
from coserver.models import AssignmentRow
from coserver.refusals import encodable

S = ApplicationState
# Line breaks and tabs belong in a message; no other control character belongs anywhere.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_IN_PROSE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CLOCK_SKEW = timedelta(minutes=5)
CONSENT_MAX_AGE = timedelta(days=90)  # an application queued offline for longer is refused
INTERVIEW_MAX_LENGTH = timedelta(hours=12)
# "Available from" a past day means now; a day years away is a typo, not a plan.
AVAILABLE_FROM_BACK = timedelta(days=366)
AVAILABLE_FROM_AHEAD = timedelta(days=731)


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid_field", f"{field}: {message}", field=field)


def _not_found() -> ApiError:
    return ApiError(404, "not_found", "No such application.")


def _stale(what: str) -> ApiError:
    return ApiError(
        412,
        "stale",
        f"{what} changed after the version this was decided on; pull the changes and decide again.",
        field="If-Match",
    )


def _line(value: str, field: str, *, required: bool = False) -> str:
    text = value.strip()
    if _CONTROL.search(text) or not encodable(text):
        raise _invalid(field, "holds characters that cannot be stored (line breaks, control characters).")
    if required and not text:
        raise _invalid(field, "write at least 1 character.")
    return text


def _prose(value: str, field: str) -> str:
    text = value.strip()
    if _CONTROL_IN_PROSE.search(text) or not encodable(text):
        raise _invalid(field, "holds characters that cannot be stored.")
    return text


# --- records ----------------------------------------------------------------------------------------


def application_record(row: ApplicationRow) -> ApplicationRecord:
    return ApplicationRecord(
        id=row.id,
        assignment_id=row.assignment_id,
        state=ApplicationState(row.state),
        rate_minor=row.rate_minor,
        rate_per=row.rate_per,  # type: ignore[arg-type]  # checked by the table
        currency=row.currency,
        resume_variant=row.resume_variant,
        available_from=row.available_from,
        hours_per_week=row.hours_per_week,
        message=row.message,
        consent_id=row.consent_id,
        submitted_at=row.submitted_at,
        state_changed_at=row.state_changed_at,
        version=row.version,
    )


def event_record(row: ApplicationEventRow) -> ApplicationEventRecord:
    return ApplicationEventRecord(
        id=row.id,
        application_id=row.application_id,
        at=row.at,
        state=ApplicationState(row.state),
        actor=row.actor,  # type: ignore[arg-type]  # checked by the table
        text=row.text,
        version=row.version,
    )


def interview_record(row: InterviewRow) -> InterviewRecord:
    return InterviewRecord(
        id=row.id,
        application_id=row.application_id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        place=row.place,
        video_url=row.video_url,
        agent_attends=row.agent_attends,
        version=row.version,
    )


def consent_record(row: ConsentRow) -> ConsentRecord:
    return ConsentRecord(
        id=row.id,
        application_id=row.application_id,
        assignment_id=row.assignment_id,
        resume_variant=row.resume_variant,
        resume_digest=row.resume_digest,
        resume_version=row.resume_version,
        rate_minor=row.rate_minor,
        rate_per=row.rate_per,  # type: ignore[arg-type]  # checked by the table
        currency=row.currency,
        available_from=row.available_from,
        hours_per_week=row.hours_per_week,
        message=row.message,
        shared_with_client=row.shared_with_client,
        shared_via_agent=row.shared_via_agent,
        agent_id=row.agent_id,
        consented_at=row.consented_at,
        recorded_at=row.recorded_at,
        version=row.version,
    )


def detail(session: Session, row: ApplicationRow) -> ApplicationDetail:
    events = session.execute(
        select(ApplicationEventRow)
        .where(ApplicationEventRow.application_id == row.id)
        .order_by(ApplicationEventRow.version)
    ).scalars()
    interviews = session.execute(
        select(InterviewRow).where(InterviewRow.application_id == row.id).order_by(InterviewRow.version)
    ).scalars()
    return ApplicationDetail(
        application=application_record(row),
        events=[event_record(e) for e in events],
        interviews=[interview_record(i) for i in interviews],
    )


# --- reading ----------------------------------------------------------------------------------------


def _visible(session: Session, caller: Account, application_id: uuid.UUID, actor: Actor) -> ApplicationRow:
    """The application if `caller` may see it as `actor`: its freelancer, or its assignment's agent."""
    row = session.get(ApplicationRow, application_id)
    if row is None:
        raise _not_found()
    if actor is Actor.FREELANCER and row.account_id == caller.id:
        return row
    if actor is Actor.AGENT and session.get_one(AssignmentRow, row.assignment_id).agent_id == caller.id:
        return row
    raise _not_found()


def get_application(ctx: ServerContext, caller: Account, application_id: uuid.UUID) -> ApplicationDetail:
    actor = Actor.FREELANCER if caller.role is Role.FREELANCER else Actor.AGENT
    with ctx.sessions() as session:
        return detail(session, _visible(session, caller, application_id, actor))


def list_consents(ctx: ServerContext, account_id: uuid.UUID) -> ConsentsList:
    with ctx.sessions() as session:
        rows = session.execute(
            select(ConsentRow).where(ConsentRow.account_id == account_id).order_by(ConsentRow.version)
        ).scalars()
        return ConsentsList(consents=[consent_record(row) for row in rows])


# --- submit -------------------------------------------------------------------------------------------


def _checked_consent(consent: ConsentData | None, assignment: AssignmentRow, now: datetime) -> ConsentData:
    if consent is None or not consent.agreed:
        raise ApiError(
            422,
            "consent_required",
            "An application is sent only with the freelancer's consent (consent.agreed true); "
            "nothing was stored.",
            field="consent" if consent is None else "consent.agreed",
        )
    if consent.currency != assignment.currency:
        raise _invalid("consent.currency", f"the assignment pays in {assignment.currency}.")
    if consent.consented_at > now + CLOCK_SKEW:
        raise _invalid("consent.consented_at", "is in the future; check the computer's clock.")
    if consent.consented_at < now - CONSENT_MAX_AGE:
        raise _invalid("consent.consented_at", "is more than 90 days old; consent again.")
    if not now.date() - AVAILABLE_FROM_BACK <= consent.available_from <= now.date() + AVAILABLE_FROM_AHEAD:
        raise _invalid("consent.available_from", "must be within a year back and two years ahead.")
    return consent.model_copy(
        update={
            "resume_variant": _line(consent.resume_variant, "consent.resume_variant", required=True),
            "message": _prose(consent.message, "consent.message"),
        }
    )


def submit(
    ctx: ServerContext,
    session: Session,
    caller: Account,
    application_id: uuid.UUID,
    decided_on: int,
    body: SubmitApplicationRequest,
) -> ApplicationDetail:
    """draft → submitted with the consent, decided on the assignment's version."""
    now = ctx.now()
    existing = session.get(ApplicationRow, application_id)
    if existing is not None:
        if existing.account_id == caller.id:
            raise ApiError(409, "already_submitted", "This application was submitted already.")
        # Another account's: refused as any of its ids is, saying nothing of it.
        raise ApiError(403, "forbidden", "This id belongs to another account; use a new one.")
    assignment = session.get(AssignmentRow, body.assignment_id)
    if assignment is None or assignment.deleted_at is not None:
        raise ApiError(404, "not_found", "No such assignment.", field="assignment_id")
    consent = _checked_consent(body.consent, assignment, now)
    if assignment.version != decided_on:
        raise _stale("The assignment")
    if not is_open(assignment, now):
        raise ApiError(409, "assignment_closed", "The assignment no longer takes applications.")
    check_move(S.DRAFT, S.SUBMITTED, Actor.FREELANCER)  # the one move that starts an application
    open_states = [s.value for s in ApplicationState if not s.final and s is not S.DRAFT]
    already = session.execute(
        select(ApplicationRow.id).where(
            ApplicationRow.account_id == caller.id,
            ApplicationRow.assignment_id == assignment.id,
            ApplicationRow.state.in_(open_states),
        )
    ).first()
    if already is not None:
        raise ApiError(409, "already_applied", "You have an open application for this assignment.")
    ensure_agent(session, caller.id, assignment.agent_id)
    terms = {
        "rate_minor": consent.rate_minor,
        "rate_per": consent.rate_per,
        "currency": consent.currency,
        "resume_variant": consent.resume_variant,
        "available_from": consent.available_from,
        "hours_per_week": consent.hours_per_week,
        "message": consent.message,
    }
    consent_id = uuid.uuid4()
    row = ApplicationRow(
        id=application_id,
        account_id=caller.id,
        assignment_id=assignment.id,
        state=S.SUBMITTED.value,
        consent_id=consent_id,
        submitted_at=now,
        state_changed_at=now,
        version=next_version(session),
        **terms,
    )
    session.add(row)
    session.flush()
    session.add(
        ConsentRow(
            id=consent_id,
            account_id=caller.id,
            application_id=application_id,
            assignment_id=assignment.id,
            resume_digest=consent.resume_digest,
            resume_version=consent.resume_version,
            shared_with_client=assignment.client_name,
            shared_via_agent=agent_name(session, assignment.agent_id),
            agent_id=assignment.agent_id,
            consented_at=consent.consented_at,
            recorded_at=now,
            version=next_version(session),
            **terms,
        )
    )
    _event(session, row, S.SUBMITTED, Actor.FREELANCER, "", now)
    return detail(session, row)


# --- the other moves ----------------------------------------------------------------------------------


def _event(
    session: Session, row: ApplicationRow, state: ApplicationState, actor: Actor, text: str, now: datetime
) -> None:
    session.add(
        ApplicationEventRow(
            id=uuid.uuid4(),
            account_id=row.account_id,
            application_id=row.id,
            at=now,
            state=state.value,
            actor=actor.value,
            text=text,
            version=next_version(session),
        )
    )
    session.flush()


def _checked_interview(body: BookInterviewRequest, now: datetime) -> dict[str, object]:
    starts_at, ends_at = body.starts_at, body.ends_at
    if ends_at <= starts_at:
        raise _invalid("ends_at", "must be after starts_at.")
    if ends_at - starts_at > INTERVIEW_MAX_LENGTH:
        raise _invalid("ends_at", "an interview lasts at most 12 hours.")
    if starts_at < now - timedelta(days=1) or starts_at > now + timedelta(days=366):
        raise _invalid("starts_at", "must be within a year from now.")
    place = _line(body.place, "place")
    video_url = _line(body.video_url, "video_url")
    if video_url:
        parts = urlsplit(video_url)
        if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
            raise _invalid("video_url", "must be an https:// link without a user name or password.")
    if not place and not video_url:
        raise _invalid("place", "give a place, a video link, or both.")
    return {
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": place,
        "video_url": video_url,
        "agent_attends": body.agent_attends,
    }


def move(
    ctx: ServerContext,
    session: Session,
    caller: Account,
    application_id: uuid.UUID,
    decided_on: int,
    target: ApplicationState,
    actor: Actor,
    text: str,
    interview: BookInterviewRequest | None = None,
) -> ApplicationDetail:
    """Move the application to `target` as `actor` (withdraw, propose, interview, offer, contract,
    decline), with an event carrying `text`, and the interview when one is booked."""
    now = ctx.now()
    row = _visible(session, caller, application_id, actor)  # a stranger takes no lock
    # Two moves of one application (the freelancer withdrawing as the agent declines) take turns,
    # the second judged on what the first left: on PostgreSQL an UPDATE would otherwise wait for
    # the first and then overwrite it. The freelancer's lock is the one push, the invoices and the
    # contract commands take (the application and its contract are the freelancer's rows).
    lock_accounts(session, row.account_id)
    session.refresh(row, with_for_update=True)
    text = _prose(text, "text")
    booked = _checked_interview(interview, now) if interview is not None else None
    if row.version != decided_on:
        raise _stale("The application")
    try:
        check_move(ApplicationState(row.state), target, actor)
    except TransitionRefused as refused:
        raise ApiError(409, "transition_refused", f"{str(refused)[:1].upper()}{str(refused)[1:]}.") from None
    row.state = target.value
    row.state_changed_at = now
    row.version = next_version(session)
    if booked is not None:
        session.add(
            InterviewRow(
                id=uuid.uuid4(),
                account_id=row.account_id,
                application_id=row.id,
                version=next_version(session),
                **booked,
            )
        )
    _event(session, row, target, actor, text, now)
    # Issue 11: an offer makes the freelancer a contract offer; a decline or withdrawal ends it.
    contract_offers.on_application_move(session, row, target, now)
    return detail(session, row)
