"""How complete the profile is (0–100) and what to do next, each tip naming the place to fix.

Weights (they sum to 100) follow what buyers read first on a consultant's resume:

| part                              | points | full marks when                                      |
|-----------------------------------|-------:|------------------------------------------------------|
| name                              |      5 | given                                                |
| professional title                |      6 | given                                                |
| e-mail                            |      4 | given                                                |
| phone                             |      2 | given                                                |
| city and country                  |      3 | both given                                           |
| languages                         |      5 | at least one                                         |
| availability                      |      5 | a start date and an extent                           |
| rate                              |      5 | an hourly or a daily rate                            |
| personal letter                   |     15 | 150 words or more (fewer: in proportion)             |
| experience                        |     10 | at least one job                                     |
| experience described              |      5 | every job has a description (in proportion)          |
| experience skills                 |      5 | every job names the skills used (in proportion)      |
| education                         |      5 | at least one                                         |
| skills                            |     10 | five or more (fewer: in proportion)                  |
| skill levels                      |      5 | every skill has a level (in proportion)              |
| links                             |      5 | at least one (LinkedIn, GitHub or portfolio)         |
| certificates, awards, references  |      5 | any of them                                          |

Tips come most valuable first. A letter longer than 300 words keeps its points but gets a tip.
"""

from __future__ import annotations

from dataclasses import dataclass

from coapp.domain.profile import Profile
from coapp.domain.profile_text import word_count

LETTER_WORDS_BEST = (150, 300)
SKILLS_WANTED = 5


@dataclass(frozen=True)
class Completeness:
    score: int  # 0–100
    tips: tuple[str, ...]


@dataclass(frozen=True)
class _Part:
    points: int
    share: float  # 0.0–1.0 of the points earned
    tips: tuple[str, ...] = ()


def _given(points: int, value: object, tip: str) -> _Part:
    return _Part(points, 1.0 if value else 0.0, () if value else (tip,))


def _share(done: int, of: int) -> float:
    return 1.0 if of == 0 else done / of


def _letter(profile: Profile) -> _Part:
    words = word_count(profile.letter)
    low, high = LETTER_WORDS_BEST
    if words == 0:
        return _Part(15, 0.0, (f"Write a personal letter; {low}–{high} words read best",))
    if words == 1:  # one word is a letter started: said in the singular, like one skill
        return _Part(15, words / low, (f"Your letter has 1 word; {low}–{high} read best",))
    if words < low:
        return _Part(15, words / low, (f"Your letter has {words} words; {low}–{high} read best",))
    if words > high:
        return _Part(15, 1.0, (f"Your letter has {words} words; {low}–{high} read best",))
    return _Part(15, 1.0)


def _experience(profile: Profile) -> list[_Part]:
    jobs = profile.experience
    if not jobs:
        return [
            _Part(10, 0.0, ("Add your work experience, the jobs and assignments you are proud of",)),
            _Part(5, 0.0),
            _Part(5, 0.0),
        ]
    undescribed = [j for j in jobs if not j.description]
    without_skills = [j for j in jobs if not j.skills]
    return [
        _Part(10, 1.0),
        _Part(
            5,
            _share(len(jobs) - len(undescribed), len(jobs)),
            tuple(f"Describe what you did as {j.role} at {j.organisation}" for j in undescribed),
        ),
        _Part(
            5,
            _share(len(jobs) - len(without_skills), len(jobs)),
            tuple(f"Add the skills you used at {j.organisation}" for j in without_skills),
        ),
    ]


def _skills(profile: Profile) -> list[_Part]:
    skills = profile.skills
    count = len(skills)
    tips: tuple[str, ...] = ()
    if count == 0:
        tips = (f"Add your skills; at least {SKILLS_WANTED} help matching",)
    elif count < SKILLS_WANTED:
        tips = (f"You list {count} skill{'s' if count != 1 else ''}; add at least {SKILLS_WANTED}",)
    no_level = [s.name for s in skills if s.level is None]
    level_tips = (f"Give a level (1–5) for {', '.join(no_level[:3])}{' …' if len(no_level) > 3 else ''}",)
    return [
        _Part(10, min(count, SKILLS_WANTED) / SKILLS_WANTED, tips),
        _Part(5, _share(count - len(no_level), count) if count else 0.0, level_tips if no_level else ()),
    ]


def _links(profile: Profile) -> _Part:
    if profile.links:
        return _Part(5, 1.0)
    return _Part(5, 0.0, ("Add a link to your LinkedIn profile, GitHub or portfolio",))


def _parts(profile: Profile) -> list[_Part]:
    d = profile.details
    return [
        _given(5, d.name, "Add your name"),
        _given(6, d.title, "Add a professional title, e.g. “Senior backend developer”"),
        _given(4, d.email, "Add your e-mail address"),
        _given(2, d.phone, "Add a phone number"),
        _given(3, d.city and d.country, "Add the city and country you work from"),
        _given(5, profile.languages, "Add the languages you speak, with a level (A1–C2 or native)"),
        _given(
            5,
            d.available_from and d.availability_percent,
            "Say from when and how much you are available (availability)",
        ),
        _given(5, d.hourly_rate is not None or d.daily_rate is not None, "Add your hourly or daily rate"),
        _letter(profile),
        *_experience(profile),
        _given(5, profile.education, "Add your education"),
        *_skills(profile),
        _links(profile),
        _given(
            5,
            profile.certificates or profile.awards or profile.references,
            "Add a certificate, an award or a reference",
        ),
    ]


def total_points(profile: Profile) -> int:
    """The weights' sum; 100 by design (a test keeps it so)."""
    return sum(p.points for p in _parts(profile))


def completeness(profile: Profile) -> Completeness:
    parts = _parts(profile)
    earned = sum(p.points * p.share for p in parts)
    # Most points to gain first; a part's own tips keep their order.
    ordered = sorted(parts, key=lambda p: -(p.points * (1.0 - p.share)))
    tips = tuple(tip for p in ordered for tip in p.tips)
    return Completeness(round(earned), tips)
