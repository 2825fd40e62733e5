"""Applying to assignments with consent, withdrawing, and reading the pipeline (issue 10).

Nothing reaches the platform without the freelancer's explicit consent: ``apply`` refuses before
touching the store when consent is not given. With it, one transaction writes the application (a
draft until the platform answers), the consent record (unchangeable: coapp.models.applications'
triggers) and the queued submit command with its idempotency key and the assignment's version; the
sync round sends it (coapp.sync.application_commands). Offline, it simply waits.

The resume a consent names is identified by the SHA-256 of the variant's data as canonical JSON
(sorted keys, no whitespace): the same profile and variant always give the same digest, which a PDF
does not (its creation time, fonts and layout enter the bytes). Its version is the newest platform
version of the profile or the variant (0 before the first sync).
"""

from __future__ import annotations

import builtins
import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coapp.base.atomic_file import write_atomic
from coapp.domain.applications import Actor, ApplicationState, TransitionRefused, check_move
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.money import exponent, from_minor, to_minor
from coapp.domain.profile import Profile
from coapp.domain.resume_variants import RESUME_SECTIONS, ResumeVariant
from coapp.models import (
    AgentCard,
    ApplicationCommand,
    ApplicationRow,
    AssignmentRow,
    ConsentRow,
    MessageRow,
)
from coapp.models import Profile as ProfileRow
from coapp.models import ResumeVariant as VariantRow
from coapp.services.applications_ics import interview_ics
from coapp.services.applications_views import (
    Application,
    Consent,
    read_application,
    read_consents,
)
from coapp.services.profile import read_profile
from coapp.services.resume_variants import ResumeVariantService
from coapp.store.engine import Store

TEXT_MAX = 2000  # the platform's limit for a message and an application's text
HOURS_PER_WEEK_MAX = 168
FULL_PROFILE = "full profile"  # the resume variant named when none is chosen: every section
HOURS_PER_DAY = 8  # a day rate is compared with the assignment's hourly range as 8 hours
RATE_MAX = Decimal(10) ** 9


@dataclass(frozen=True)
class ApplyResult:
    application: Application
    warnings: tuple[str, ...]  # e.g. a rate outside the client's range: said, not refused


@dataclass(frozen=True)
class Message:
    id: str
    sender: str  # "freelancer" | "agent"
    text: str
    sent_at: datetime
    sent: bool  # on the platform (a freelancer's message may wait for a sync)


AGENT_PHOTO_FOLDER = "agent"  # in the data folder: the agent's photo, named by its SHA-256


@dataclass(frozen=True)
class Agent:
    id: str
    name: str
    email: str
    phone: str
    photo: Path | None = None  # the card's photo as the last sync fetched it (a JPEG)


def clean_text(text: str, what: str) -> str:
    """Free text as the platform takes it: at most TEXT_MAX characters, no control characters
    other than line breaks and tabs."""
    message = what == "the message"  # else "the text" (a withdrawal's)
    if not isinstance(text, str):
        if message:
            raise ValidationError("the message must be text")
        raise ValidationError("the text must be text")
    text = text.replace("\r\n", "\n").strip()
    if any((ord(c) < 32 and c not in "\n\t") or 0xD800 <= ord(c) <= 0xDFFF or c == "\x7f" for c in text):
        if message:
            raise ValidationError("the message holds a control character")
        raise ValidationError("the text holds a control character")
    if len(text) > TEXT_MAX:
        if message:
            raise ValidationError(
                "the message is {length} characters; at most {most}", length=len(text), most=TEXT_MAX
            )
        raise ValidationError(
            "the text is {length} characters; at most {most}", length=len(text), most=TEXT_MAX
        )
    return text


def check_rate(rate: Decimal, currency: str) -> int:
    if not isinstance(rate, Decimal):
        raise ValidationError("the rate must be a decimal amount")
    try:
        if not rate.is_finite() or rate <= 0 or rate > RATE_MAX:
            raise ValidationError("the rate must be above 0 and at most {most}", most=RATE_MAX)
        if rate != rate.quantize(Decimal(1).scaleb(-exponent(currency))):
            raise ValidationError("the rate has more decimals than {currency} has", currency=currency)
    except InvalidOperation:
        raise ValidationError("the rate is not an amount") from None
    return to_minor(rate, currency)


class ApplicationService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- commands ------------------------------------------------------------------------------

    def apply(
        self,
        assignment_ref: str,
        rate: Decimal,
        per: str = "hour",
        resume_variant: str | None = None,
        available_from: date | None = None,
        hours_per_week: int | None = None,
        message: str = "",
        *,
        consent: bool = False,
    ) -> ApplyResult:
        """Queue an application with its consent; nothing is stored or sent without consent."""
        if consent is not True:
            raise ValidationError("without your consent nothing is shared: nothing was stored or sent")
        if per not in ("hour", "day"):
            raise ValidationError("the rate is per hour or per day")
        text = clean_text(message, "the message")
        variant = (
            ResumeVariantService(self._store).get(resume_variant) if resume_variant is not None else None
        )
        now = datetime.now(UTC)
        with self._store.write() as s:
            assignment = s.get_one(AssignmentRow, _resolve(s, AssignmentRow, assignment_ref, "assignment"))
            if assignment.deleted_at is not None or assignment.status != "open":
                raise ValidationError("the assignment is closed; applications are no longer taken")
            if assignment.server_version is None:
                raise ValidationError("sync first: this assignment's version is not known yet")
            rate_minor = check_rate(rate, assignment.currency)
            start = available_from or max(assignment.start_date, now.date())
            hours = assignment.hours_per_week if hours_per_week is None else hours_per_week
            if not isinstance(hours, int) or not 1 <= hours <= HOURS_PER_WEEK_MAX:
                raise ValidationError(
                    "hours per week must be a whole number from 1 to {most}", most=HOURS_PER_WEEK_MAX
                )
            _refuse_second(s, assignment.id)
            profile = read_profile(s)
            name, sections, jobs, shown = _shared(profile, variant)
            card = s.get(AgentCard, 1)
            agent_name = card.name if card is not None and card.agent_id == assignment.agent_id else ""
            consent_row = ConsentRow(
                application_id="",
                assignment_id=assignment.id,
                resume_variant=name,
                resume_digest=resume_digest(shown, sections),
                resume_version=_resume_version(s, variant),
                rate_minor=rate_minor,
                rate_per=per,
                currency=assignment.currency,
                available_from=start,
                hours_per_week=hours,
                message=text,
                shared_with_client=assignment.client_name,
                shared_via_agent=agent_name or "your agent",
                agent_id=assignment.agent_id,
                shared_sections=json.dumps(list(sections), ensure_ascii=False),
                shared_jobs=json.dumps(jobs, ensure_ascii=False),
                consented_at=now,
                given_here=True,
            )
            row = ApplicationRow(
                assignment_id=assignment.id,
                state=ApplicationState.DRAFT.value,
                rate_minor=rate_minor,
                rate_per=per,
                currency=assignment.currency,
                resume_variant=name,
                available_from=start,
                hours_per_week=hours,
                message=text,
            )
            # Local records of the platform's entities: never pushed as rows (the command carries them).
            s.info["applying_remote"] = True
            try:
                s.add(row)
                s.flush()
                consent_row.application_id = row.id
                s.add(consent_row)
                s.add(
                    ApplicationCommand(
                        kind="submit",
                        application_id=row.id,
                        if_match=assignment.server_version,
                        body=_submit_body(assignment.id, consent_row),
                    )
                )
                s.flush()
            finally:
                s.info["applying_remote"] = False
            warnings = _rate_warnings(assignment, rate, per)
            return ApplyResult(read_application(s, row), warnings)

    def withdraw(self, ref: str, text: str = "") -> Application:
        """Queue a withdrawal; the platform moves the application when the round sends it."""
        words = clean_text(text, "the text")
        with self._store.write() as s:
            row = s.get_one(ApplicationRow, _resolve(s, ApplicationRow, ref, "application"))
            try:
                check_move(ApplicationState(row.state), ApplicationState.WITHDRAWN, Actor.FREELANCER)
            except TransitionRefused as exc:
                raise ValidationError(  # error text: the domain's refusal, its template and values kept
                    exc.template, **exc.values
                ) from None
            waiting = {
                c.kind: c
                for c in s.scalars(
                    select(ApplicationCommand).where(ApplicationCommand.application_id == row.id)
                )
            }
            if "withdraw" in waiting:
                raise ValidationError("a withdrawal of this application already waits for a sync")
            if "submit" in waiting and waiting["submit"].refused_code is not None:
                # A withdrawal would wait forever behind it: the platform never took the application.
                raise ValidationError(
                    "the platform refused this application; discard it under refused changes"
                )
            s.add(ApplicationCommand(kind="withdraw", application_id=row.id, body={"text": words}))
            s.flush()
            return read_application(s, row)

    # --- reads ---------------------------------------------------------------------------------

    def list(self) -> list[Application]:
        with self._store.read() as s:
            rows = s.scalars(
                select(ApplicationRow)
                .where(ApplicationRow.deleted_at.is_(None))
                .order_by(ApplicationRow.submitted_at.desc().nulls_first(), ApplicationRow.id)
            ).all()
            return [read_application(s, r) for r in rows]

    def get(self, ref: str) -> Application:
        with self._store.read() as s:
            return read_application(
                s, s.get_one(ApplicationRow, _resolve(s, ApplicationRow, ref, "application"))
            )

    def consents(self) -> builtins.list[Consent]:
        with self._store.read() as s:
            return read_consents(s)

    def export_consents(self, path: Path) -> Path:
        """The ledger as JSON, written whole or not at all."""
        document = {"consents": [c.as_json() for c in self.consents()]}
        write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False).encode())
        return path

    def interview_ics(self, ref: str) -> bytes:
        application = self.get(ref)
        if application.interview is None:
            raise NotFoundError("no interview is booked for this application")
        return interview_ics(application)

    # --- the agent -----------------------------------------------------------------------------

    def send_message(self, text: str) -> Message:
        words = clean_text(text, "the message")
        if not words:
            raise ValidationError("write something first")
        with self._store.write() as s:
            card = s.get(AgentCard, 1)
            row = MessageRow(
                sender="freelancer",
                agent_id=card.agent_id if card else "",
                text=words,
                sent_at=datetime.now(UTC),
            )
            s.add(row)  # pushed by the outbox (text only; the platform fills in the rest)
            s.flush()
            return _message(row)

    def messages(self) -> builtins.list[Message]:
        with self._store.read() as s:
            rows = s.scalars(
                select(MessageRow)
                .where(MessageRow.deleted_at.is_(None))
                # The platform's order where the clock ties; one still waiting to be sent goes last.
                .order_by(MessageRow.sent_at, MessageRow.server_version.nulls_last(), MessageRow.id)
            ).all()
            return [_message(r) for r in rows]

    def agent(self) -> Agent | None:
        with self._store.read() as s:
            card = s.get(AgentCard, 1)
            if card is None:
                return None
            values = (card.agent_id, card.name, card.email, card.phone)
        folder = self._store.path.parent / AGENT_PHOTO_FOLDER
        photos = sorted(folder.glob("*.jpg")) if folder.is_dir() else []
        return Agent(*values, photo=photos[0] if photos else None)


def _message(row: MessageRow) -> Message:
    return Message(row.id, row.sender, row.text, row.sent_at, row.server_version is not None)


def _resolve(s: Session, model: type[ApplicationRow] | type[AssignmentRow], ref: str, what: str) -> str:
    """An id or an unambiguous start of one (at least four characters)."""
    key = ref.strip().lower()
    assignment = what == "assignment"  # else "application"
    if len(key) < 4 or any(c not in "0123456789abcdef-" for c in key):
        if assignment:
            raise NotFoundError(
                "no assignment with id “{ref}” (give at least its first four characters)",
                ref=ref.strip()[:40],
            )
        raise NotFoundError(
            "no application with id “{ref}” (give at least its first four characters)", ref=ref.strip()[:40]
        )
    found = s.scalars(
        select(model.id).where(model.id.startswith(key, autoescape=True), model.deleted_at.is_(None)).limit(2)
    ).all()
    if not found:
        if assignment:
            raise NotFoundError("no assignment with id “{ref}”", ref=key)
        raise NotFoundError("no application with id “{ref}”", ref=key)
    if len(found) > 1:
        if assignment:
            raise ValidationError("“{ref}” starts more than one assignment's id; give more of it", ref=key)
        raise ValidationError("“{ref}” starts more than one application's id; give more of it", ref=key)
    return found[0]


def _refuse_second(s: Session, assignment_id: str) -> None:
    """One application per assignment while it is alive (the platform refuses a second anyway)."""
    alive = s.scalar(
        select(func.count())
        .select_from(ApplicationRow)
        .where(
            ApplicationRow.assignment_id == assignment_id,
            ApplicationRow.deleted_at.is_(None),
            ApplicationRow.state.not_in(["withdrawn", "declined"]),
        )
    )
    if alive:
        raise ValidationError("you have already applied to this assignment")


def _shared(
    profile: Profile, variant: ResumeVariant | None
) -> tuple[str, tuple[str, ...], list[str], Profile]:
    """The variant's name, its sections, the jobs it shows (role at organisation), and the profile
    as it shows it."""
    sections: tuple[str, ...]
    if variant is None:
        shown, name, sections = profile, FULL_PROFILE, RESUME_SECTIONS
    else:
        shown, name, sections = ResumeVariantService.apply(variant, profile), variant.name, variant.sections
    jobs = [f"{job.role}, {job.organisation}" for job in shown.experience]
    return name, tuple(sections), jobs, shown


def resume_digest(profile: Profile, sections: tuple[str, ...]) -> str:
    """SHA-256 of the resume's data as shared: the sections it shows and the profile as it shows
    them (two variants of an empty profile still differ by what they would show)."""
    document = {"sections": list(sections), "profile": dataclasses.asdict(profile)}
    data = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def _resume_version(s: Session, variant: ResumeVariant | None) -> int:
    versions = [s.scalar(select(func.max(ProfileRow.server_version))) or 0]
    if variant is not None and variant.id:
        row = s.get(VariantRow, variant.id)
        versions.append(row.server_version or 0 if row is not None else 0)
    return max(versions)


def _submit_body(assignment_id: str, c: ConsentRow) -> dict[str, Any]:
    """The request as the wire's SubmitApplicationRequest takes it (checked again before sending)."""
    return {
        "assignment_id": assignment_id,
        "consent": {
            "agreed": True,
            "resume_variant": c.resume_variant,
            "resume_digest": c.resume_digest,
            "resume_version": c.resume_version,
            "rate_minor": c.rate_minor,
            "rate_per": c.rate_per,
            "currency": c.currency,
            "available_from": c.available_from.isoformat(),
            "hours_per_week": c.hours_per_week,
            "message": c.message,
            "consented_at": c.consented_at.isoformat(),
        },
    }


def _rate_warnings(assignment: AssignmentRow, rate: Decimal, per: str) -> tuple[str, ...]:
    low, high = assignment.rate_min_minor, assignment.rate_max_minor
    if not high:
        return ()  # no range given
    hourly = rate / HOURS_PER_DAY if per == "day" else rate
    low_d, high_d = from_minor(low, assignment.currency), from_minor(high, assignment.currency)
    if low_d <= hourly <= high_d:
        return ()
    side = "below" if hourly < low_d else "above"
    per_text = f" ({rate} per day is {hourly.quantize(Decimal('0.01'))} per hour over {HOURS_PER_DAY} hours)"
    return (
        f"Your rate is {side} the client's range {low_d}–{high_d} {assignment.currency} per hour"
        + (per_text if per == "day" else "")
        + "; it is sent as you stated it.",
    )
