"""Skills on the profile: one canonical name per skill, completion while typing, and the set rules.

"JS", "javascript" and "Java Script" are one skill, JavaScript: matching and completion use the same
key (skill_key), so what the user picks in completion is what matching finds later.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from coapp.domain.errors import ValidationError
from coapp.domain.profile_text import clean_line
from coapp.domain.skill_vocabulary import VOCABULARY

MAX_SKILL_LENGTH = 60
MAX_YEARS = 70
SKILL_LEVELS = (1, 2, 3, 4, 5)
# Ignored when comparing spellings: "Node.js", "node js" and "NodeJS" are one key.
_IGNORED = str.maketrans("", "", " \t.-_")


def skill_key(text: str) -> str:
    return " ".join(text.split()).casefold().translate(_IGNORED)


@dataclass(frozen=True)
class _Index:
    canonical_by_key: dict[str, str]
    # (key, canonical, is the canonical's own spelling), sorted by key, for prefix completion.
    spellings: tuple[tuple[str, str, bool], ...]


@cache
def _index() -> _Index:
    by_key: dict[str, str] = {}
    spellings: list[tuple[str, str, bool]] = []
    for canonical, synonyms in VOCABULARY:
        for spelling in (canonical, *synonyms):
            key = skill_key(spelling)
            # A spelling of two skills would make canonicalising depend on table order.
            if by_key.setdefault(key, canonical) != canonical:
                raise AssertionError(f"“{spelling}” names both {by_key[key]} and {canonical}")
            spellings.append((key, canonical, spelling == canonical))
    return _Index(by_key, tuple(sorted(set(spellings))))


def vocabulary_size() -> int:
    return len(VOCABULARY)


def known_skill(text: str) -> str | None:
    """The canonical name of a skill in the vocabulary, or None for one it does not know."""
    return _index().canonical_by_key.get(skill_key(text))


def canonical_skill(text: str) -> str:
    """The skill's canonical name; a skill the vocabulary does not know keeps the user's spelling
    (whitespace tidied). Empty, multi-line or over-long names are refused."""
    name = clean_line(text, "a skill's name", max_length=MAX_SKILL_LENGTH, required=True)
    if not skill_key(name):
        raise ValidationError("“{name}” is not a skill's name", name=name)
    return known_skill(name) or name


def complete_skill(prefix: str, limit: int = 10) -> list[str]:
    """Canonical names whose name or a synonym starts with what was typed: names that start with it
    first, then those found through a synonym ("k8" → Kubernetes), each group alphabetical."""
    key = skill_key(prefix)
    if not key or limit <= 0:
        return []
    by_name: list[str] = []
    by_synonym: list[str] = []
    spellings = _index().spellings
    # Binary search to the first spelling at or after the key; the matches follow it.
    lo, hi = 0, len(spellings)
    while lo < hi:
        mid = (lo + hi) // 2
        if spellings[mid][0] < key:
            lo = mid + 1
        else:
            hi = mid
    for spelling_key, canonical, is_own in spellings[lo:]:
        if not spelling_key.startswith(key):
            break
        (by_name if is_own else by_synonym).append(canonical)
    names = sorted(set(by_name), key=str.casefold)
    synonyms = sorted(set(by_synonym) - set(names), key=str.casefold)
    return (names + synonyms)[:limit]


def canonical_skill_list(names: Iterable[str]) -> tuple[str, ...]:
    """Skills used in a job: canonicalised, duplicates (under any spelling) dropped, order kept."""
    seen: set[str] = set()
    result: list[str] = []
    for name in names:
        if not name.strip():
            continue
        canonical = canonical_skill(name)
        if skill_key(canonical) not in seen:
            seen.add(skill_key(canonical))
            result.append(canonical)
    return tuple(result)


@dataclass(frozen=True)
class Skill:
    """A skill with how well (1 beginner … 5 expert) and how long (whole years); both optional."""

    name: str
    level: int | None = None
    years: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", canonical_skill(self.name))
        if self.level is not None and (isinstance(self.level, bool) or self.level not in SKILL_LEVELS):
            raise ValidationError(
                "the level of {name} is 1 (beginner) to 5 (expert), not {level}",
                name=self.name,
                level=self.level,
            )
        years = self.years
        if years is not None and (
            isinstance(years, bool) or not isinstance(years, int) or not 0 <= years <= MAX_YEARS
        ):
            raise ValidationError(
                "the years with {name} are a whole number from 0 to {max_years}",
                name=self.name,
                max_years=MAX_YEARS,
            )

    @property
    def key(self) -> str:
        return skill_key(self.name)


def check_new_skill(existing: Iterable[Skill], typed: str) -> str:
    """The canonical name of a skill to add, refused when it (under any spelling) is already there."""
    name = canonical_skill(typed)
    for skill in existing:
        if skill.key == skill_key(name):
            if skill_key(typed) == skill.key:
                raise ValidationError("{name} is already in your skills", name=skill.name)
            raise ValidationError(
                "“{typed}” is {name}, which is already in your skills", typed=typed.strip(), name=skill.name
            )
    return name
