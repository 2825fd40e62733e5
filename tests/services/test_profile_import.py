"""Importing a LinkedIn export into My Profile: the plan (added, changed, kept, skipped, notes), the
user's values never overwritten, idempotence, and one all-or-nothing transaction."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coapp.app.context import AppContext
from coapp.domain.errors import ValidationError
from coapp.domain.linkedin_export import LinkedInExport, read_linkedin_export
from coapp.domain.profile_sections import Experience
from coapp.domain.skills import Skill
from coapp.domain.year_month import YearMonth
from coapp.services.profile_import import Added, ImportPlan, ProfileImport, plan_import
from tests.services.linkedin_fixtures import export_files, write_export
from tests.services.profile_helpers import profile_snapshot

YM = YearMonth.parse


@pytest.fixture
def export(tmp_path: Path) -> LinkedInExport:
    return read_linkedin_export(write_export(tmp_path / "in"))


@pytest.fixture
def importer(ctx: AppContext) -> ProfileImport:
    return ProfileImport(ctx.store)


def texts(plan: ImportPlan, what: str, section: str) -> list[str]:
    return [x.text for x in getattr(plan, what) if x.section == section]


def test_into_an_empty_profile_everything_is_added(
    ctx: AppContext, importer: ProfileImport, export: LinkedInExport
) -> None:
    plan = importer.preview(export)
    assert texts(plan, "added", "links") == ["https://www.asaoberg.se", "https://konsult.example"]
    assert texts(plan, "added", "experience") == [
        "Systemutvecklare at Konsult AB (2020-01 – now)",
        "Architect at Acme (2017-03 – 2019-12)",
        "Dev at Tiny Corp (2015-01 – 2016-12)",
        "Tester at Broken AB (2014-01 – 2014-01)",
    ]
    assert texts(plan, "added", "skills") == ["Python", "JavaScript", "PostgreSQL"]
    assert texts(plan, "added", "languages") == ["Svenska (native)", "English (C2)"]
    assert len(texts(plan, "added", "education")) == 2
    assert len(texts(plan, "added", "certificates")) == 1
    assert texts(plan, "added", "awards") == ["Consultant of the year"]
    assert {(c.field, c.export) for c in plan.changed} == {
        ("name", "Åsa Öberg"),
        ("title", "Senior .NET-konsult"),
        ("city", "Stockholm"),
        ("letter", "Jag bygger system. Som håller."),
    }
    assert plan.kept == ()
    assert plan.warnings == export.warnings

    profile = importer.apply(plan)
    assert profile.details.name == "Åsa Öberg"
    assert profile.details.city == "Stockholm"
    assert profile.letter == "Jag bygger system.\nSom håller."
    assert [j.organisation for j in profile.experience] == ["Konsult AB", "Acme", "Tiny Corp", "Broken AB"]
    assert profile.experience[0].current
    assert profile.certificates[0].issued == YM("2021-06")
    assert profile.certificates[0].url == "https://aws.example/v/1"
    assert profile == ctx.profile.get()


def test_recoverable_problems_are_skipped_with_their_reason(
    importer: ProfileImport, export: LinkedInExport
) -> None:
    plan = importer.preview(export)
    reasons = {(s.section, s.text): s.reason for s in plan.skipped}
    assert "before it starts" in reasons[("experience", "Dev at Backwards AB")]
    assert "contains a space" in reasons[("links", "not a web address")]
    assert "no level" in reasons[("languages", "Suomi")]
    assert not any("Backwards" in a.text for a in plan.added)


def test_year_only_dates_are_january_for_starts_and_december_for_ends(
    importer: ProfileImport, export: LinkedInExport
) -> None:
    plan = importer.preview(export)
    assert "Dev at Tiny Corp: LinkedIn gives only the year 2015 for the start; saved as 2015-01" in plan.notes
    assert "Dev at Tiny Corp: LinkedIn gives only the year 2016 for the end; saved as 2016-12" in plan.notes
    assert any(n.startswith("Consultant of the year: LinkedIn gives only the year 2019") for n in plan.notes)
    job = next(a.item for a in plan.added if "Tiny Corp" in a.text)
    assert (job.start, job.end, job.current) == (YM("2015-01"), YM("2016-12"), False)


def test_an_unreadable_end_is_not_imported_as_current_and_a_note_asks_to_check(
    importer: ProfileImport, export: LinkedInExport
) -> None:
    plan = importer.preview(export)
    job = next(a.item for a in plan.added if "Broken AB" in a.text)
    assert not job.current
    assert job.end == job.start == YM("2014-01")
    assert any("Broken AB" in n and "could not be read" in n and "check it" in n for n in plan.notes)


def test_importing_twice_adds_nothing_the_second_time(
    ctx: AppContext, importer: ProfileImport, export: LinkedInExport
) -> None:
    importer.apply(importer.preview(export))
    before = profile_snapshot(ctx.paths.database)
    again = importer.preview(export)
    assert again.added == ()
    assert again.changed == ()
    assert again.kept == ()
    assert not again.has_writes
    assert {s.section for s in again.skipped} >= {"details", "links", "experience", "skills", "awards"}
    importer.apply(again)
    assert profile_snapshot(ctx.paths.database) == before


def test_values_the_user_wrote_are_kept_and_reported_with_both_values(
    ctx: AppContext, importer: ProfileImport, export: LinkedInExport
) -> None:
    ctx.profile.set_field("name", "Åsa Berg")
    ctx.profile.set_field("title", "Architect")
    ctx.profile.set_letter("My own letter.")
    ctx.profile.add_language("English", "C1")
    plan = importer.preview(export)
    kept = {(k.section, k.field): (k.profile, k.export) for k in plan.kept}
    assert kept[("details", "name")] == ("Åsa Berg", "Åsa Öberg")
    assert kept[("details", "title")] == ("Architect", "Senior .NET-konsult")
    assert kept[("details", "letter")] == ("My own letter.", "Jag bygger system. Som håller.")
    assert kept[("languages", "level")] == ("C1", "C2")
    assert {c.field for c in plan.changed} == {"city"}  # the only empty field is filled

    profile = importer.apply(plan)
    assert (profile.details.name, profile.details.title, profile.details.city) == (
        "Åsa Berg",
        "Architect",
        "Stockholm",
    )
    assert profile.letter == "My own letter."
    assert [(lang.language, lang.level) for lang in profile.languages] == [
        ("English", "C1"),
        ("Svenska", "native"),
    ]


def test_a_matched_job_gets_its_empty_description_and_keeps_its_id(
    ctx: AppContext, importer: ProfileImport, export: LinkedInExport
) -> None:
    mine = ctx.profile.add_item(Experience("ACME", "architect", YM("2017-03"), None, True))
    # LinkedIn gives Tiny Corp's start as 2015 only: any month of 2015 is the same job.
    ctx.profile.add_item(Experience("Tiny Corp", "Dev", YM("2015-06"), YM("2016-03")))
    plan = importer.preview(export)
    assert [(c.item, c.field, c.export) for c in plan.changed if c.section == "experience"] == [
        ("Architect at Acme", "description", "Led the team.")
    ]
    periods = {k.item: (k.profile, k.export) for k in plan.kept if k.field == "period"}
    assert periods["Architect at Acme"] == ("2017-03 – now", "2017-03 – 2019-12")
    assert periods["Dev at Tiny Corp"] == ("2015-06 – 2016-03", "2015-01 – 2016-12")
    assert not any("Acme" in a.text or "Tiny Corp" in a.text for a in plan.added)

    profile = importer.apply(plan)
    acme = next(j for j in profile.experience if j.organisation == "ACME")
    assert acme.id == mine.id
    assert acme.description == "Led the team."
    assert acme.current  # the user's period stays
    assert len(profile.experience) == 4


def test_a_synonym_in_the_export_is_skipped_as_already_there(
    ctx: AppContext, importer: ProfileImport, export: LinkedInExport
) -> None:
    ctx.profile.add_skill("JavaScript")
    plan = importer.preview(export)
    assert texts(plan, "added", "skills") == ["Python", "PostgreSQL"]
    assert [(s.text, s.reason) for s in plan.skipped if s.section == "skills"] == [
        ("JS", "already in your profile as JavaScript")
    ]


def test_a_language_under_another_name_is_the_one_already_there(
    ctx: AppContext, importer: ProfileImport, export: LinkedInExport
) -> None:
    ctx.profile.add_language("Swedish", "native")  # the export says "Svenska"
    plan = importer.preview(export)
    assert "Svenska" not in " ".join(texts(plan, "added", "languages"))
    assert ("languages", "Svenska") in {(s.section, s.text) for s in plan.skipped}


def test_duplicates_inside_the_export_are_added_once(ctx: AppContext, tmp_path: Path) -> None:
    files = export_files(
        Skills="Name\nJS\nJavaScript\n",
        Positions="Company Name,Title,Started On,Finished On\nAcme,Dev,Jan 2020,\nacme, dev ,Jan 2020,\n",
    )
    plan = ProfileImport(ctx.store).preview(read_linkedin_export(write_export(tmp_path, files)))
    assert texts(plan, "added", "skills") == ["JavaScript"]
    assert [a.text for a in plan.added if a.section == "experience"] == ["Dev at Acme (2020-01 – now)"]
    assert ("experience", "dev at acme", "listed twice in the export") in {
        (s.section, s.text, s.reason) for s in plan.skipped
    }


def test_a_profile_changed_since_the_preview_is_refused_and_nothing_is_written(
    ctx: AppContext, importer: ProfileImport, export: LinkedInExport
) -> None:
    plan = importer.preview(export)
    ctx.profile.set_field("name", "Typed meanwhile")
    before = profile_snapshot(ctx.paths.database)
    with pytest.raises(ValidationError, match="changed since this import was previewed"):
        importer.apply(plan)
    assert profile_snapshot(ctx.paths.database) == before
    assert ctx.profile.get().details.name == "Typed meanwhile"


def test_an_item_refused_while_writing_rolls_back_everything_and_is_named(
    ctx: AppContext, importer: ProfileImport, export: LinkedInExport
) -> None:
    plan = importer.preview(export)
    # A plan whose last addition the store refuses (the same skill twice): the earlier items are not kept.
    broken = replace(plan, added=(*plan.added, Added("skills", "Python again", Skill("python"))))
    before = profile_snapshot(ctx.paths.database)
    with pytest.raises(ValidationError, match="skills “Python again” could not be imported") as caught:
        importer.apply(broken)
    assert "nothing was imported" in str(caught.value)
    assert profile_snapshot(ctx.paths.database) == before


def test_a_missing_profile_csv_leaves_the_details_alone(ctx: AppContext, tmp_path: Path) -> None:
    path = write_export(tmp_path, export_files(Profile=None))
    plan = ProfileImport(ctx.store).preview(read_linkedin_export(path))
    assert plan.details is None
    assert plan.letter is None
    assert not any(a.section == "links" for a in plan.added)


_SECTIONS = ("positions", "education", "skills", "languages", "certifications", "honors")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_subset_of_an_export_imported_twice_is_idempotent(
    export: LinkedInExport, data: st.DataObject
) -> None:
    chosen = {
        name: tuple(data.draw(st.lists(st.sampled_from(getattr(export, name)), unique=True)))
        if getattr(export, name)
        else ()
        for name in _SECTIONS
    }
    subset = replace(export, **chosen)
    with tempfile.TemporaryDirectory() as folder:
        context = AppContext.open(Path(folder))
        try:
            importer = ProfileImport(context.store)
            first = importer.apply(importer.preview(subset))
            again = importer.preview(subset)
            assert again.added == ()
            assert again.changed == ()
            assert not again.has_writes
            assert importer.apply(again) == first
            # The pure merge agrees with what the store holds.
            assert plan_import(subset, first).added == ()
        finally:
            context.close()
