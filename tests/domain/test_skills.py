"""The skills vocabulary: canonical names, synonyms, completion and duplicates under any spelling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.skill_vocabulary import VOCABULARY
from coapp.domain.skills import (
    Skill,
    canonical_skill,
    check_new_skill,
    complete_skill,
    known_skill,
    skill_key,
    vocabulary_size,
)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("JS", "JavaScript"),
        ("Javascript", "JavaScript"),
        ("javascript", "JavaScript"),
        ("Java Script", "JavaScript"),
        ("k8s", "Kubernetes"),
        ("Postgres", "PostgreSQL"),
        ("psql", "PostgreSQL"),
        ("C#", "C#"),
        ("csharp", "C#"),
        ("Node", "Node.js"),
        ("nodejs", "Node.js"),
        ("node js", "Node.js"),
        ("TS", "TypeScript"),
        ("golang", "Go"),
        ("c++", "C++"),
        ("AWS", "Amazon Web Services"),
    ],
)
def test_typed_skills_become_canonical(typed: str, canonical: str) -> None:
    assert canonical_skill(typed) == canonical


def test_unknown_skills_keep_the_users_spelling() -> None:
    assert canonical_skill("  Quantum   knitting ") == "Quantum knitting"
    assert known_skill("Quantum knitting") is None


def test_the_vocabulary_is_large_and_no_spelling_names_two_skills() -> None:
    assert 150 <= vocabulary_size() <= 300
    owner: dict[str, str] = {}
    for canonical, synonyms in VOCABULARY:
        for spelling in (canonical, *synonyms):
            assert owner.setdefault(skill_key(spelling), canonical) == canonical, spelling
    for canonical, _ in VOCABULARY:
        assert canonical_skill(canonical) == canonical


def test_completion_offers_names_then_synonyms() -> None:
    assert complete_skill("java")[:2] == ["Java", "JavaScript"]
    assert complete_skill("k8") == ["Kubernetes"]
    assert "PostgreSQL" in complete_skill("postg")
    assert complete_skill("") == []
    assert len(complete_skill("c", limit=3)) == 3
    assert complete_skill("zzzz") == []


@given(st.text(max_size=12))
def test_completion_only_offers_skills_that_canonicalise_to_themselves(prefix: str) -> None:
    for name in complete_skill(prefix):
        assert canonical_skill(name) == name


def test_duplicates_under_synonyms_are_refused_naming_the_existing_skill() -> None:
    have = [Skill("JavaScript", 4), Skill("PostgreSQL")]
    with pytest.raises(ValidationError, match="“JS” is JavaScript, which is already in your skills"):
        check_new_skill(have, "JS")
    with pytest.raises(ValidationError, match="“psql” is PostgreSQL"):
        check_new_skill(have, "psql")
    with pytest.raises(ValidationError, match="JavaScript is already in your skills"):
        check_new_skill(have, "javascript")
    assert check_new_skill(have, "ts") == "TypeScript"


def test_skill_levels_and_years() -> None:
    assert Skill("py", 5, 10) == Skill("Python", 5, 10)
    for level, years in [(0, None), (6, None), (None, -1), (None, 71), (True, None)]:
        with pytest.raises(ValidationError):
            Skill("Python", level, years)
    for name in ["", "   ", "a\nb", "x" * 61, "..."]:
        with pytest.raises(ValidationError):
            Skill(name)


@given(st.text(max_size=80))
def test_any_typed_name_is_a_stable_canonical_name_or_refused(typed: str) -> None:
    try:
        name = canonical_skill(typed)
    except ValidationError as exc:
        name, problem = "", str(exc)
    if not name:
        assert problem
        return
    assert name == " ".join(name.split())
    assert canonical_skill(name) == name, "canonicalising twice changes nothing"
    assert skill_key(name) == skill_key(canonical_skill(typed.upper())) or known_skill(typed) is None
