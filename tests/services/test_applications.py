"""ApplicationService: applying only with consent, the consent record and the queued submit written
together, warnings not refusals, withdrawing, the ledger's export and the interview's .ics."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import icalendar
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from coapp.app.context import AppContext
from coapp.domain.errors import CoappError, ValidationError
from coapp.domain.resume_variants import ResumeVariant
from coapp.models import (
    ApplicationCommand,
    ApplicationRow,
    ConsentRow,
    InterviewRow,
    MessageRow,
    OutboxRecord,
)
from coapp.services.applications import FULL_PROFILE, ApplicationService
from coapp.services.resume_variants import ResumeVariantService
from coapp.sync.entities import ENTITIES
from coapp.sync.wire import SubmitApplicationRequest
from tests.services.assignments_helpers import assignment_id, put_assignment

TABLES = (ApplicationRow, ConsentRow, ApplicationCommand, OutboxRecord)


def counts(ctx: AppContext) -> tuple[int, ...]:
    with ctx.store.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES)


@pytest.fixture
def service(ctx: AppContext) -> ApplicationService:
    put_assignment(ctx, 1, "Backend developer", server_version=7)
    return ctx.applications


def test_without_consent_nothing_is_stored(ctx: AppContext, service: ApplicationService) -> None:
    before = counts(ctx)
    with pytest.raises(ValidationError, match="consent"):
        service.apply(assignment_id(1), Decimal(1000), consent=False)
    assert counts(ctx) == before == (0, 0, 0, 0)


def test_applying_queues_the_submit_with_its_consent(ctx: AppContext, service: ApplicationService) -> None:
    result = service.apply(
        assignment_id(1)[:8], Decimal("1000.50"), resume_variant=None, message="Hej!", consent=True
    )
    assert result.warnings == ()
    app = result.application
    assert (app.state, app.waiting, app.rate, app.currency) == ("draft", "submit", Decimal("1000.50"), "SEK")
    with ctx.store.read() as s:
        command = s.scalars(select(ApplicationCommand)).one()
        consent = s.scalars(select(ConsentRow)).one()
        assert s.scalar(select(func.count()).select_from(OutboxRecord)) == 0  # nothing pushed as rows
    assert command.if_match == 7  # the assignment's version the freelancer decided on
    assert len(command.idempotency_key) >= 32
    request = SubmitApplicationRequest.model_validate(command.body)  # what the platform takes
    assert request.consent is not None
    assert request.consent.rate_minor == 100_050
    assert consent.application_id == app.id
    assert consent.given_here
    assert consent.resume_variant == FULL_PROFILE
    assert len(consent.resume_digest) == 64
    assert consent.shared_with_client == "Acme AB"
    assert request.consent.resume_digest == consent.resume_digest
    [entry] = service.consents()
    assert entry.rate == Decimal("1000.50")
    assert not entry.recorded_by_platform


def test_a_rate_outside_the_range_is_a_warning(ctx: AppContext, service: ApplicationService) -> None:
    result = service.apply(assignment_id(1), Decimal(1500), consent=True)
    assert len(result.warnings) == 1
    assert "above" in result.warnings[0]
    put_assignment(ctx, 2, "Frontend")
    day = service.apply(assignment_id(2), Decimal(6000), per="day", consent=True)
    assert "below" in day.warnings[0]
    assert "per day" in day.warnings[0]


@pytest.mark.parametrize(
    "rate", [Decimal(0), Decimal(-5), Decimal("1.005"), Decimal("NaN"), Decimal("Infinity"), Decimal("1e12")]
)
def test_a_bad_rate_changes_nothing(ctx: AppContext, service: ApplicationService, rate: Decimal) -> None:
    with pytest.raises(ValidationError):
        service.apply(assignment_id(1), rate, consent=True)
    assert counts(ctx) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"per": "week"}, "per hour or per day"),
        ({"message": "x" * 2001}, "at most 2000"),
        ({"message": "a\x00b"}, "control"),
        ({"hours_per_week": 0}, "hours per week"),
        ({"resume_variant": "No such"}, "no resume variant"),
    ],
)
def test_bad_input_changes_nothing(
    ctx: AppContext, service: ApplicationService, kwargs: dict[str, object], error: str
) -> None:
    with pytest.raises(CoappError, match=error):
        service.apply(assignment_id(1), Decimal(1000), consent=True, **kwargs)  # type: ignore[arg-type]
    assert counts(ctx) == (0, 0, 0, 0)


def test_a_closed_assignment_and_a_second_application_are_refused(
    ctx: AppContext, service: ApplicationService
) -> None:
    put_assignment(ctx, 2, "Closed one", status="closed")
    with pytest.raises(ValidationError, match="closed"):
        service.apply(assignment_id(2), Decimal(1000), consent=True)
    service.apply(assignment_id(1), Decimal(1000), consent=True)
    with pytest.raises(ValidationError, match="already applied"):
        service.apply(assignment_id(1), Decimal(1000), consent=True)
    assert counts(ctx)[:3] == (1, 1, 1)


def test_the_variant_decides_what_is_shared_and_the_digest(
    ctx: AppContext, service: ApplicationService
) -> None:
    ResumeVariantService(ctx.store).save(ResumeVariant(name="Short", sections=("skills",)))
    put_assignment(ctx, 2, "Another")
    service.apply(assignment_id(1), Decimal(1000), resume_variant="short", consent=True)
    service.apply(assignment_id(2), Decimal(1000), consent=True)
    short, full = sorted(service.consents(), key=lambda c: c.resume_variant != "Short")
    assert short.resume_variant == "Short"
    assert short.shared_sections == ("skills",)
    assert full.resume_variant == FULL_PROFILE
    assert len(full.shared_sections) > 1
    assert short.resume_digest != full.resume_digest
    # The same data gives the same digest; a change to what is shared gives another.
    put_assignment(ctx, 3, "Third")
    put_assignment(ctx, 4, "Fourth")
    service.apply(assignment_id(3), Decimal(1000), resume_variant="Short", consent=True)
    ctx.profile.add_skill("Go")
    service.apply(assignment_id(4), Decimal(1000), resume_variant="Short", consent=True)
    digests = [c.resume_digest for c in service.consents() if c.resume_variant == "Short"]
    assert digests[0] == digests[1] != digests[2]


def test_a_consent_never_changes_nor_goes(ctx: AppContext, service: ApplicationService) -> None:
    service.apply(assignment_id(1), Decimal(1000), consent=True)
    with pytest.raises(IntegrityError, match="never changes"), ctx.store.write() as s:
        s.scalars(select(ConsentRow)).one().rate_minor = 1
    with pytest.raises(IntegrityError, match="never deleted"), ctx.store.write() as s:
        s.execute(text("DELETE FROM consents"))  # past the ORM: the database itself refuses
    assert service.consents()[0].rate == Decimal(1000)


def test_withdrawing_is_a_command_too(ctx: AppContext, service: ApplicationService) -> None:
    app = service.apply(assignment_id(1), Decimal(1000), consent=True).application
    after = service.withdraw(app.id[:6], "Found another")
    assert after.waiting == "withdraw"
    assert after.state == "draft"
    with pytest.raises(ValidationError, match="already waits"):
        service.withdraw(app.id, "")
    with ctx.store.read() as s:
        kinds = [
            c.kind for c in s.scalars(select(ApplicationCommand).order_by(ApplicationCommand.created_at))
        ]
    assert kinds == ["submit", "withdraw"]


def test_the_ledger_exports_as_json(ctx: AppContext, service: ApplicationService, tmp_path: Path) -> None:
    service.apply(assignment_id(1), Decimal(1000), message="Åtta år i Go", consent=True)
    folder = tmp_path / "out"
    folder.mkdir()
    path = service.export_consents(folder / "consents.json")
    [entry] = json.loads(path.read_text("utf-8"))["consents"]
    assert entry["rate"] == "1000.00"
    assert entry["message"] == "Åtta år i Go"
    assert entry["shared_with_client"] == "Acme AB"
    assert len(entry["resume"]["sha256"]) == 64
    assert sorted(p.name for p in folder.iterdir()) == ["consents.json"]  # no temporary left


def test_an_interview_as_ics(ctx: AppContext, service: ApplicationService) -> None:
    app = service.apply(assignment_id(1), Decimal(1000), consent=True).application
    with pytest.raises(CoappError, match="no interview"):
        service.interview_ics(app.id)
    interview_id = str(uuid.uuid4())
    starts = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)
    with ctx.store.write() as s:
        s.info["applying_remote"] = True
        s.add(
            InterviewRow(
                id=interview_id,
                application_id=app.id,
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                place="Kungsgatan 1, Stockholm",
                video_url="https://meet.example/abc",
                agent_attends=True,
                server_version=1,
            )
        )
    first, second = service.interview_ics(app.id), service.interview_ics(app.id[:6])
    [event] = icalendar.Calendar.from_ical(first).walk("VEVENT")
    [again] = icalendar.Calendar.from_ical(second).walk("VEVENT")
    assert str(event["UID"]) == str(again["UID"])
    assert interview_id in str(event["UID"])
    assert event.decoded("DTSTART") == starts
    assert event.decoded("DTSTART").utcoffset() == timedelta(0)
    assert "Kungsgatan" in str(event["LOCATION"])
    assert "meet.example" in str(event["LOCATION"])
    assert "agent attends" in str(event["DESCRIPTION"])
    assert service.get(app.id).interview is not None


def test_a_message_is_pushed_as_its_text(ctx: AppContext, service: ApplicationService) -> None:
    with pytest.raises(ValidationError):
        service.send_message("   ")
    sent = service.send_message("Kan vi ses på tisdag?")
    assert not sent.sent
    assert [m.text for m in service.messages()] == ["Kan vi ses på tisdag?"]
    with ctx.store.read() as s:
        [record] = s.scalars(select(OutboxRecord).where(OutboxRecord.entity == "message"))
        assert s.get_one(MessageRow, sent.id).sender == "freelancer"
    assert ENTITIES["message"].pushable(dict(record.fields)) == {"text": "Kan vi ses på tisdag?"}


def test_availability_defaults_to_the_assignments_start(service: ApplicationService) -> None:
    app = service.apply(assignment_id(1), Decimal(1000), consent=True).application
    assert app.available_from == max(date(2027, 1, 4), datetime.now(UTC).date())
    assert app.hours_per_week == 40


def test_a_refused_application_is_discarded_not_withdrawn(
    ctx: AppContext, service: ApplicationService
) -> None:
    app = service.apply(assignment_id(1), Decimal(1000), consent=True).application
    with ctx.store.write() as s:
        s.scalars(select(ApplicationCommand)).one().refused_code = "assignment_closed"
    with pytest.raises(ValidationError, match="discard"):
        service.withdraw(app.id, "")
    assert counts(ctx) == (1, 1, 1, 0)
