"""The profile service: read whole, set fields, every section's add/edit/move/remove, refusals that
change nothing, and sync-ready rows (outbox records, tombstones, positions, derived ids)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coapp.app.context import AppContext
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.profile import MAX_LETTER_LENGTH, LanguageSkill
from coapp.domain.profile_links import Link
from coapp.domain.profile_sections import Award, Certificate, Education, Experience, PortfolioItem, Reference
from coapp.domain.skills import Skill
from coapp.domain.year_month import YearMonth
from coapp.models import Profile as ProfileRow
from coapp.models import ProfileSkill
from coapp.models.profile import PROFILE_ID
from coapp.services.profile_rows import Section, section_of
from tests.services.helpers import outbox
from tests.services.profile_helpers import profile_snapshot

YM = YearMonth.parse


def db(ctx: AppContext) -> Path:
    return ctx.paths.database


def test_a_new_folder_has_an_empty_profile(ctx: AppContext) -> None:
    profile = ctx.profile.get()
    assert profile.details.name == ""
    assert profile.skills == ()
    assert ctx.profile.completeness().score == 0


def test_fields_are_set_from_text_and_read_back(ctx: AppContext) -> None:
    for field, text in [
        ("name", "Ada Lovelace"),
        ("title", "Backend developer"),
        ("email", "ada@example.com"),
        ("phone", "+46 70 123 45 67"),
        ("city", "Göteborg"),
        ("country", "se"),
        ("hourly_rate", "950.50"),
        ("daily_rate", "7600"),
        ("currency", "EUR"),
        ("available_from", "2027-01-04"),
        ("availability_percent", "80"),
        ("letter", "# Hi\n\nI build **reliable** systems."),
    ]:
        ctx.profile.set_field(field, text)
    d = ctx.profile.get().details
    assert (d.name, d.city, d.country, d.currency) == ("Ada Lovelace", "Göteborg", "SE", "EUR")
    assert d.hourly_rate == Decimal("950.50")
    assert d.daily_rate == Decimal("7600")
    assert (d.available_from, d.availability_percent) == (date(2027, 1, 4), 80)
    assert ctx.profile.get().letter == "# Hi\n\nI build **reliable** systems."
    with ctx.store.read() as s:
        row = s.get(ProfileRow, PROFILE_ID)
        assert row is not None
        assert (row.hourly_rate_minor, row.daily_rate_minor) == (95050, 760000), "money as minor units"
    assert {r.entity for r in outbox(ctx)} == {"profile"}
    ctx.profile.set_field("phone", "")
    assert ctx.profile.get().details.phone == ""


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("email", "ada@"),
        ("phone", "ring me"),
        ("country", "Sverige"),
        ("hourly_rate", "-5"),
        ("hourly_rate", "1e3x"),
        ("daily_rate", "10.001"),
        ("currency", "USD"),
        ("available_from", "2027-02-30"),
        ("availability_percent", "0"),
        ("availability_percent", "150"),
        ("salary", "100"),
        ("name", "Ada\nLovelace"),
    ],
)
def test_a_bad_field_changes_nothing(ctx: AppContext, field: str, text: str) -> None:
    ctx.profile.set_field("name", "Ada")
    before = profile_snapshot(db(ctx))
    with pytest.raises(ValidationError):
        ctx.profile.set_field(field, text)
    assert profile_snapshot(db(ctx)) == before


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(extra=st.text(min_size=1, max_size=50))
def test_a_200000_character_letter_is_refused_and_nothing_changes(ctx: AppContext, extra: str) -> None:
    ctx.profile.set_letter("The letter as it was.")
    before = profile_snapshot(db(ctx))
    with pytest.raises(ValidationError, match="at most 20,000 fit"):
        ctx.profile.set_field("letter", "x" * 200_000 + extra)
    assert profile_snapshot(db(ctx)) == before
    assert ctx.profile.get().letter == "The letter as it was."


def test_the_longest_letter_fits(ctx: AppContext) -> None:
    ctx.profile.set_letter("é" * MAX_LETTER_LENGTH)
    assert len(ctx.profile.get().letter) == MAX_LETTER_LENGTH


def test_skills_are_canonical_and_duplicates_under_synonyms_refused(ctx: AppContext) -> None:
    assert ctx.profile.add_skill("js", 4, 6) == Skill("JavaScript", 4, 6)
    ctx.profile.add_skill("Postgres")
    before = profile_snapshot(db(ctx))
    for typed, existing in [("JS", "JavaScript"), ("Javascript", "JavaScript"), ("psql", "PostgreSQL")]:
        with pytest.raises(ValidationError, match=existing + ", which is already in your skills|already"):
            ctx.profile.add_skill(typed)
    with pytest.raises(ValidationError, match="“psql” is PostgreSQL"):
        ctx.profile.add_skill("psql")
    with pytest.raises(ValidationError, match="1 \\(beginner\\) to 5"):
        ctx.profile.add_skill("Go", level=7)
    assert profile_snapshot(db(ctx)) == before
    assert [s.name for s in ctx.profile.get().skills] == ["JavaScript", "PostgreSQL"]


def test_a_removed_skill_is_tombstoned_and_comes_back_as_the_same_row(ctx: AppContext) -> None:
    ctx.profile.add_skill("Python", 5)
    ctx.profile.add_skill("Go")
    ctx.profile.remove_skill("python")
    assert [s.name for s in ctx.profile.get().skills] == ["Go"]
    with ctx.store.read() as s:
        rows = list(s.query(ProfileSkill))
        assert len(rows) == 2
        gone = next(r for r in rows if r.name == "Python")
        assert gone.deleted_at is not None
        go = next(r for r in rows if r.name == "Go")
        assert go.position == 0, "positions stay gap-free"
    ctx.profile.add_skill("py", 3)
    with ctx.store.read() as s:
        assert s.query(ProfileSkill).count() == 2, "the tombstone was revived, not duplicated"
    assert ctx.profile.get().skills == (Skill("Go"), Skill("Python", 3))
    with pytest.raises(NotFoundError, match="Rust is not in your skills"):
        ctx.profile.remove_skill("rust")
    assert any(r.op == "delete" and r.entity == "profile_skill" for r in outbox(ctx))


def test_two_devices_adding_the_same_skill_get_the_same_row_id(tmp_path: Path) -> None:
    ids = []
    for name in ("a", "b"):
        other = AppContext.open(tmp_path / name)
        try:
            other.profile.add_skill("k8s" if name == "a" else "Kubernetes")
            with other.store.read() as s:
                ids.append(s.query(ProfileSkill).one().id)
        finally:
            other.close()
    assert ids[0] == ids[1]


def test_languages_and_links(ctx: AppContext) -> None:
    ctx.profile.add_language("swedish", "native")
    ctx.profile.add_language("English", "c1")
    with pytest.raises(ValidationError, match="Swedish is already in your languages"):
        ctx.profile.add_language("Swedish", "B2")
    with pytest.raises(ValidationError, match="Swedish is already in your languages"):
        ctx.profile.add_language("Svenska", "B2")  # one language, whatever it is called
    with pytest.raises(ValidationError, match="not a language level"):
        ctx.profile.add_language("German", "good")
    ctx.profile.edit_item(LanguageSkill("English", "C2"))
    assert ctx.profile.get().languages == (LanguageSkill("Swedish", "native"), LanguageSkill("English", "C2"))
    ctx.profile.remove_language("SWEDISH")
    with pytest.raises(NotFoundError):
        ctx.profile.remove_language("Finnish")

    ctx.profile.add_link("github.com/ada")
    with pytest.raises(ValidationError, match="already in your links"):
        ctx.profile.add_link("https://GitHub.com/ada/")
    with pytest.raises(ValidationError, match="space"):
        ctx.profile.add_link("github.com/ada lovelace")
    ctx.profile.add_link("bücher.example/ada")
    assert [link.url for link in ctx.profile.get().links] == [
        "https://github.com/ada",
        "https://xn--bcher-kva.example/ada",
    ]
    ctx.profile.remove_link("http://github.com/ada")
    assert ctx.profile.get().links == (Link("bücher.example/ada"),)


@pytest.mark.parametrize(
    ("first", "second", "edited"),
    [
        (
            Experience("Acme", "Developer", YM("2020-01"), YM("2021-12"), skills=("js",)),
            Experience("Initech", "Lead", YM("2022-01"), current=True, description="Led *five*"),
            Experience("Acme", "Senior developer", YM("2020-01"), YM("2022-01"), skills=("k8s", "golang")),
        ),
        (
            Education("KTH", YM("2010-08"), "MSc", "Computer science", YM("2015-06")),
            Education("Chalmers", YM("2016-01")),
            Education("KTH", YM("2010-08"), "MSc", "Engineering physics", YM("2015-06")),
        ),
        (
            Certificate("CKA", "CNCF", YM("2024-01"), YM("2027-01")),
            Certificate("AWS SA Pro", url="aws.amazon.com/certification"),
            Certificate("CKAD", "CNCF", YM("2024-01")),
        ),
        (Award("Dev of the year", "Acme"), Award("Hackathon winner"), Award("Dev of the decade", "Acme")),
        (Reference("Bo", "Manager at Acme", "bo@acme.se"), Reference("Li"), Reference("Bo", "CTO at Acme")),
        (PortfolioItem("Timesheet app", "ada.dev/ts"), PortfolioItem("Blog"), PortfolioItem("Timesheets")),
    ],
)
def test_each_section_adds_edits_moves_and_removes(
    ctx: AppContext, first: object, second: object, edited: object
) -> None:
    a = ctx.profile.add_item(first)
    b = ctx.profile.add_item(second)
    section = section_of(a)
    assert a.id
    assert b.id != a.id
    assert ctx.profile.items(section) == (first, second)

    changed = ctx.profile.edit_item(replace(edited, id=a.id))  # type: ignore[type-var]
    assert changed == edited
    assert ctx.profile.items(section) == (edited, second)

    ctx.profile.move_item(section, b.id, 0)
    assert ctx.profile.items(section) == (second, edited)
    before = profile_snapshot(db(ctx))
    with pytest.raises(ValidationError, match="choose a place from 1 to 2"):
        ctx.profile.move_item(section, b.id, 2)
    with pytest.raises(NotFoundError):
        ctx.profile.move_item(section, "no-such-id", 0)
    with pytest.raises(NotFoundError):
        ctx.profile.edit_item(replace(edited, id="no-such-id"))  # type: ignore[type-var]
    assert profile_snapshot(db(ctx)) == before

    ctx.profile.remove_item(section, b.id)
    assert ctx.profile.items(section) == (edited,)
    with pytest.raises(ValidationError, match="has 1 item; its only place is 1"):
        ctx.profile.move_item(section, a.id, 1)
    with pytest.raises(NotFoundError):
        ctx.profile.remove_item(section, b.id)


def test_an_edit_that_breaks_a_rule_changes_nothing(ctx: AppContext) -> None:
    job = ctx.profile.add_item(Experience("Acme", "Dev", YM("2020-01"), current=True))
    before = profile_snapshot(db(ctx))
    with pytest.raises(ValidationError, match="current, so it has no end"):
        ctx.profile.edit_item(replace(job, end=YM("2021-01")))
    with pytest.raises(ValidationError, match=r"ends \(2019-12\) before it starts"):
        ctx.profile.edit_item(replace(job, current=False, end=YM("2019-12")))
    assert profile_snapshot(db(ctx)) == before


def test_a_move_queues_records_only_for_rows_that_moved(ctx: AppContext) -> None:
    ids = [ctx.profile.add_item(Reference(name)).id for name in ("A", "B", "C", "D")]
    seen = len(outbox(ctx))
    ctx.profile.move_item(Section.REFERENCES, ids[1], 0)  # B A C D: only A and B move
    moved = outbox(ctx)[seen:]
    assert sorted(r.row_id for r in moved) == sorted(ids[:2])
    assert all(set(r.fields) == {"position"} for r in moved)
    assert [r.name for r in ctx.profile.items(Section.REFERENCES)] == ["B", "A", "C", "D"]


def test_completeness_moves_as_sections_fill(ctx: AppContext) -> None:
    scores = [ctx.profile.completeness().score]
    ctx.profile.set_field("name", "Ada")
    scores.append(ctx.profile.completeness().score)
    ctx.profile.set_field("title", "Backend developer")
    scores.append(ctx.profile.completeness().score)
    ctx.profile.add_item(Experience("Acme", "Dev", YM("2020-01"), current=True))
    scores.append(ctx.profile.completeness().score)
    assert "Add the skills you used at Acme" in ctx.profile.completeness().tips
    for name in ("Python", "Go", "SQL", "Docker", "Linux"):
        ctx.profile.add_skill(name, 3)
    scores.append(ctx.profile.completeness().score)
    assert scores == sorted(scores)
    assert len(set(scores)) == len(scores), scores


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=70), level=st.one_of(st.none(), st.integers(-2, 8)))
def test_any_typed_skill_is_added_canonically_or_refused_changing_nothing(
    ctx: AppContext, name: str, level: int | None
) -> None:
    before = profile_snapshot(db(ctx))
    count = len(ctx.profile.get().skills)
    try:
        added = ctx.profile.add_skill(name, level)
    except ValidationError:
        assert profile_snapshot(db(ctx)) == before
        return
    skills = ctx.profile.get().skills
    assert len(skills) == count + 1
    assert skills[-1] == added
    assert Skill(added.name, added.level) == added
