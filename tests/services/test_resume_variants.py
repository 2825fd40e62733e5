"""Resume variants: saved, listed, read back and removed; bad input refused with nothing written."""

from __future__ import annotations

import contextlib
import sqlite3

import pytest

from coapp.app.context import AppContext
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.profile_sections import Experience
from coapp.domain.resume_variants import RESUME_SECTIONS, ResumeVariant
from coapp.domain.year_month import YearMonth
from coapp.services.profile_rows import Section
from coapp.services.resume_variants import ResumeVariantService, resolve_job_ids
from tests.services.helpers import outbox


def rows(ctx: AppContext) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(ctx.paths.database)) as conn:
        return sorted(conn.execute("SELECT * FROM resume_variants").fetchall(), key=repr)


def variant_records(ctx: AppContext) -> int:
    return sum(r.entity == "resume_variant" for r in outbox(ctx))


@pytest.fixture
def jobs(ctx: AppContext) -> list[str]:
    ids = []
    for i, org in enumerate(("Acme", "Globex", "Initech")):
        job = ctx.profile.add_item(
            Experience(org, "Developer", YearMonth(2020 + i, 1), YearMonth(2020 + i, 12), id="")
        )
        ids.append(job.id)
    return ids


def test_save_list_get_remove(ctx: AppContext, jobs: list[str]) -> None:
    service = ResumeVariantService(ctx.store)
    before = len(outbox(ctx))
    saved = service.save(
        ResumeVariant("Bank  assignments", ("skills", "experience"), (jobs[2], jobs[0][:8]), "en", "modern")
    )
    assert saved.name == "Bank assignments"
    assert saved.sections == ("experience", "skills")  # the resume's order
    assert saved.experience_ids == (jobs[2], jobs[0])  # a unique start of an id names the job
    assert len(outbox(ctx)) == before + 1  # sync-ready: a change queues a record
    service.save(ResumeVariant("all of it"))
    assert [v.name for v in service.all()] == ["all of it", "Bank assignments"]
    everything = service.get("ALL OF IT")
    assert everything.sections == RESUME_SECTIONS
    assert everything.experience_ids is None
    assert (everything.language, everything.look) == ("sv", "classic")

    shown = service.apply(service.get("bank assignments"), ctx.profile.get())
    assert [e.organisation for e in shown.experience] == ["Acme", "Initech"]  # the profile's order
    assert shown.letter == ""
    assert shown.education == ()

    service.remove("bank assignments")
    assert [v.name for v in service.all()] == ["all of it"]
    with pytest.raises(NotFoundError, match="no resume variant named"):
        service.get("Bank assignments")
    # Saved again under the same name: the same row comes back.
    again = service.save(ResumeVariant("Bank assignments", ("experience",)))
    assert again.id == saved.id


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: ResumeVariant(""), "name is required"),
        (lambda: ResumeVariant("   "), "name is required"),
        (lambda: ResumeVariant("x" * 81), "80"),
        (lambda: ResumeVariant("a\nb"), "one line"),
        (lambda: ResumeVariant("v", ("experience", "hobbies")), "“hobbies” is not a resume section"),
        (lambda: ResumeVariant("v", ()), "at least one section"),
        (lambda: ResumeVariant("v", language="de"), "not a resume language"),
        (lambda: ResumeVariant("v", look="fancy"), "not a resume look"),
    ],
)
def test_bad_variants_are_refused(make: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        make()  # type: ignore[operator]


def test_refusals_in_the_service_write_nothing(ctx: AppContext, jobs: list[str]) -> None:
    service = ResumeVariantService(ctx.store)
    service.save(ResumeVariant("Cloud"))
    before, queued = rows(ctx), variant_records(ctx)
    with pytest.raises(ValidationError, match="“Cloud” already exists"):
        service.save(ResumeVariant("CLOUD", ("skills",)))
    with pytest.raises(ValidationError, match="no job in your experience has the id “nope”"):
        service.save(ResumeVariant("Other", ("experience",), (jobs[0], "nope")))
    ctx.profile.remove_item(Section.EXPERIENCE, jobs[1])
    with pytest.raises(ValidationError, match="no job in your experience"):
        service.save(ResumeVariant("Removed job", ("experience",), (jobs[1],)))
    with pytest.raises(NotFoundError):
        service.remove("nothing")
    assert rows(ctx) == before
    assert variant_records(ctx) == queued


def test_job_ids_by_their_start() -> None:
    live = ["ab12-x", "ab34-y", "cd56-z"]
    assert resolve_job_ids(("cd", "ab3", "ab12-x", "cd56-z"), live) == ("cd56-z", "ab34-y", "ab12-x")
    with pytest.raises(ValidationError, match="“ab” starts the ids of 2 jobs"):
        resolve_job_ids(("ab",), live)
