"""Completeness: the weights sum to 100, the score moves as sections fill, tips name the place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from coapp.domain.profile import LanguageSkill, PersonalDetails, Profile
from coapp.domain.profile_completeness import completeness, total_points
from coapp.domain.profile_links import Link
from coapp.domain.profile_sections import Education, Experience, Reference
from coapp.domain.skills import Skill
from coapp.domain.year_month import YearMonth


def full_profile() -> Profile:
    return Profile(
        details=PersonalDetails(
            name="Ada Lovelace",
            title="Senior backend developer",
            email="ada@example.com",
            phone="+46 70 123 45 67",
            city="Stockholm",
            country="SE",
            available_from=date(2027, 1, 1),
            availability_percent=80,
            hourly_rate=Decimal("950"),
        ),
        letter=" ".join(["word"] * 200),
        languages=(LanguageSkill("Swedish", "native"),),
        links=(Link("linkedin.com/in/ada"),),
        experience=(
            Experience(
                "Acme", "Developer", YearMonth(2022, 1), current=True, description="Built it", skills=("py",)
            ),
        ),
        education=(Education("KTH", YearMonth(2010, 8), end=YearMonth(2015, 6)),),
        skills=tuple(Skill(n, 4) for n in ("Python", "Go", "SQL", "Docker", "Linux")),
        references=(Reference("Bo", "Manager at Acme"),),
    )


def test_the_weights_sum_to_100() -> None:
    assert total_points(Profile()) == 100
    assert total_points(full_profile()) == 100


def test_an_empty_profile_scores_zero_with_tips_for_everything() -> None:
    result = completeness(Profile())
    assert result.score == 0
    assert "Add a professional title, e.g. “Senior backend developer”" in result.tips
    assert any(t.startswith("Write a personal letter") for t in result.tips)
    # Most valuable first: the letter (15 points) before the phone (2).
    assert result.tips.index("Write a personal letter; 150–300 words read best") < result.tips.index(
        "Add a phone number"
    )


def test_a_full_profile_scores_100_without_tips() -> None:
    result = completeness(full_profile())
    assert (result.score, result.tips) == (100, ())


def test_the_score_moves_up_as_sections_fill() -> None:
    steps = [
        Profile(),
        Profile(details=PersonalDetails(name="Ada")),
        Profile(details=PersonalDetails(name="Ada", title="Developer")),
        Profile(details=PersonalDetails(name="Ada", title="Developer"), skills=(Skill("Python"),)),
        Profile(
            details=PersonalDetails(name="Ada", title="Developer"),
            skills=(Skill("Python", 3),),
            letter="Hello there",
        ),
        full_profile(),
    ]
    scores = [completeness(p).score for p in steps]
    assert scores == sorted(scores)
    assert len(set(scores)) == len(scores), scores


def test_tips_name_the_place_to_fix() -> None:
    job = Experience("Acme", "Developer", YearMonth(2022, 1), current=True)
    profile = replace(full_profile(), experience=(job,), letter="Forty words " * 20)
    tips = completeness(profile).tips
    assert "Add the skills you used at Acme" in tips
    assert "Describe what you did as Developer at Acme" in tips
    assert "Your letter has 40 words; 150–300 read best" in tips
    long_letter = replace(full_profile(), letter="word " * 400)
    assert completeness(long_letter).tips == ("Your letter has 400 words; 150–300 read best",)
    assert completeness(long_letter).score == 100
    one_word = replace(full_profile(), letter="Hello")
    assert "Your letter has 1 word; 150–300 read best" in completeness(one_word).tips
    two_words = replace(full_profile(), letter="Hello there")
    assert "Your letter has 2 words; 150–300 read best" in completeness(two_words).tips
    few = replace(full_profile(), skills=(Skill("Python"), Skill("Go", 2)))
    tips = completeness(few).tips
    assert "You list 2 skills; add at least 5" in tips
    assert "Give a level (1–5) for Python" in tips


def test_the_letter_counts_words_not_markdown_marks() -> None:
    from coapp.domain.profile_text import word_count

    letter = "## Om mig\n\nJag bygger **robusta** tjänster.\n\n- Arkitektur\n- Drift och *kvalitet*\n1. Ett\n"
    assert (
        word_count(letter) == 11
    )  # Om mig · Jag bygger robusta tjänster · Arkitektur · Drift och kvalitet · Ett
    assert word_count("Uptime 99.9 % - every year") == 5  # a dash inside a line is no word
