"""Resume variants: a named choice of what a resume shows (sections, jobs), in which language and look.

A variant that exists is a valid one: the name, sections, language and look are checked when it is
made; whether its experience ids exist is the service's to check against the stored profile.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from coapp.domain.errors import ValidationError
from coapp.domain.profile import Profile
from coapp.domain.profile_text import clean_line

# In the order a resume shows them. "photo" is the profile photo beside the name (when there is one).
RESUME_SECTIONS = (
    "photo",
    "letter",
    "experience",
    "education",
    "skills",
    "languages",
    "certificates",
    "awards",
    "references",
    "portfolio",
)
RESUME_LANGUAGES = ("sv", "en")
RESUME_LOOKS = ("classic", "modern")
MAX_VARIANT_NAME = 80


def check_sections(names: Iterable[str]) -> tuple[str, ...]:
    """Known section names, in the resume's order, each once; an unknown one is refused by name."""
    chosen: set[str] = set()
    for raw in names:
        name = raw.strip().lower()
        if not name:
            continue
        if name not in RESUME_SECTIONS:
            raise ValidationError(
                "“{raw}” is not a resume section; choose from {sections}",
                raw=raw.strip()[:30],
                sections=", ".join(RESUME_SECTIONS),
            )
        chosen.add(name)
    return tuple(s for s in RESUME_SECTIONS if s in chosen)


def check_language(language: str) -> str:
    if language not in RESUME_LANGUAGES:
        raise ValidationError(
            "“{language}” is not a resume language; choose sv or en", language=language[:20]
        )
    return language


def check_look(look: str) -> str:
    if look not in RESUME_LOOKS:
        raise ValidationError("“{look}” is not a resume look; choose classic or modern", look=look[:20])
    return look


@dataclass(frozen=True)
class ResumeVariant:
    """What one resume shows. No experience ids: every job; sections: the ones listed, in resume order."""

    name: str
    sections: tuple[str, ...] = RESUME_SECTIONS
    experience_ids: tuple[str, ...] | None = None
    language: str = "sv"
    look: str = "classic"
    id: str = dataclasses.field(default="", compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        name = clean_line(self.name, "the variant's name", max_length=MAX_VARIANT_NAME, required=True)
        put(self, "name", name)
        sections = check_sections(self.sections)
        if not sections:
            raise ValidationError("choose at least one section for the variant")
        put(self, "sections", sections)
        if self.experience_ids is not None:
            ids: list[str] = []
            for raw in self.experience_ids:
                if raw.strip() and raw.strip() not in ids:
                    ids.append(raw.strip())
            put(self, "experience_ids", tuple(ids))
        put(self, "language", check_language(self.language))
        put(self, "look", check_look(self.look))

    @property
    def key(self) -> str:
        return self.name.casefold()


def shows_photo(sections: Iterable[str]) -> bool:
    """Whether a choice of sections puts the profile photo on the resume (the photo is no part of
    the Profile value: the renderer is given its file)."""
    return "photo" in sections


def select(profile: Profile, sections: Iterable[str], experience_ids: Iterable[str] | None) -> Profile:
    """The profile with only the chosen sections and jobs (jobs in the profile's order); the personal
    details and links always stay."""
    shown = set(sections)
    ids = None if experience_ids is None else set(experience_ids)
    jobs = tuple(e for e in profile.experience if ids is None or e.id in ids)
    others: dict[str, Any] = {
        s: getattr(profile, s) if s in shown else ()
        for s in RESUME_SECTIONS
        if s not in ("photo", "letter", "experience")
    }
    return dataclasses.replace(
        profile,
        letter=profile.letter if "letter" in shown else "",
        experience=jobs if "experience" in shown else (),
        **others,
    )
