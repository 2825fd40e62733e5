"""An assignment as a freelancer decides on it: what it needs (must-have and nice-to-have skills,
seniority, language), what it offers (rate range, extent, place) and when.

Skills are canonical names (coapp.domain.skills), so matching compares like with like whatever the
client typed ("k8s", "Postgres"). Rates are per hour in the assignment's currency, as Decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from coapp.domain.errors import ValidationError
from coapp.domain.skills import canonical_skill, skill_key


class Seniority(StrEnum):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"
    EXPERT = "expert"

    @property
    def years(self) -> int:
        """The years of working experience the level usually means."""
        return {"junior": 0, "mid": 3, "senior": 6, "expert": 10}[self.value]


class Workplace(StrEnum):
    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"


def _skills(names: tuple[str, ...], what: str) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        canonical = canonical_skill(name)
        seen.setdefault(skill_key(canonical), canonical)
    if len(seen) > 30:
        raise ValidationError("an assignment lists at most 30 {what}", what=what)
    return tuple(seen.values())


@dataclass(frozen=True)
class Assignment:
    id: str
    title: str
    client_name: str = ""
    description: str = ""
    must_have: tuple[str, ...] = ()
    nice_to_have: tuple[str, ...] = ()
    seniority: Seniority | None = None
    extent_percent: int = 100  # of full time
    workplace: Workplace = Workplace.ONSITE
    city: str = ""
    country: str = ""  # ISO 3166-1 alpha-2
    language: str = ""  # ISO 639-1 of the working language, "" when any
    rate_min: Decimal | None = None  # per hour
    rate_max: Decimal | None = None
    currency: str = "SEK"
    start: date | None = None
    end: date | None = None
    # The skills' keys (coapp.domain.skills.skill_key), worked out once: matching ranks thousands.
    must_keys: tuple[str, ...] = field(init=False, repr=False, compare=False)
    nice_keys: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        must = _skills(self.must_have, "must-have skills")
        nice = tuple(s for s in _skills(self.nice_to_have, "nice-to-have skills") if s not in must)
        put(self, "must_have", must)
        put(self, "nice_to_have", nice)
        put(self, "must_keys", tuple(skill_key(s) for s in must))
        put(self, "nice_keys", tuple(skill_key(s) for s in nice))
        if not 1 <= self.extent_percent <= 100:
            raise ValidationError(
                "the extent {extent_percent} % is not between 1 and 100", extent_percent=self.extent_percent
            )
        for rate in (self.rate_min, self.rate_max):
            if rate is not None and rate < 0:
                raise ValidationError("a rate cannot be negative")
        if self.rate_min is not None and self.rate_max is not None and self.rate_min > self.rate_max:
            raise ValidationError("the lowest rate is above the highest")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValidationError("the assignment ends before it starts")

    @property
    def skills(self) -> tuple[str, ...]:
        return (*self.must_have, *self.nice_to_have)
