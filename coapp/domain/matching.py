"""How well an assignment fits a freelancer: a score 0–100 and the reasons, in words.

Computed on the freelancer's machine from the local profile (nothing leaves it before consent).
Explainable rules over the skills vocabulary, each part worth points:

| part          | points | full marks when                                                        |
|---------------|-------:|------------------------------------------------------------------------|
| must-haves    |     50 | every must-have skill is on the profile, at level 4–5 or with years     |
| nice-to-haves |     15 | likewise for the nice-to-have skills                                   |
| seniority     |     10 | the years of work reach what the seniority asks                         |
| rate          |     10 | the hourly rate is at or below the range's top                         |
| availability  |     10 | free from the start, for the extent, beside the contracts running then  |
| language      |      5 | the working language at C1, C2 or native                              |
| place         |      5 | remote, or in the freelancer's city                                    |

Then each missing must-have takes a share off the whole (half of it when all are missing): a strong
match elsewhere does not hide that the client's requirements are not met. Every part only grows as the
profile gains a skill, a level or years, so adding a missing skill never lowers a score (tested).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from coapp.domain.assignments import Assignment, Seniority, Workplace
from coapp.domain.language_codes import language_code, language_name
from coapp.domain.profile import Profile
from coapp.domain.skills import skill_key
from coapp.domain.year_month import YearMonth

HOURS_PER_DAY = 8  # a daily rate compared with an hourly range
_LEVEL_STRENGTH = {1: 0.4, 2: 0.6, 3: 0.8, 4: 0.95, 5: 1.0}
_UNRATED_STRENGTH = 0.75  # on the profile without a level
_LANGUAGE_STRENGTH = {"native": 1.0, "C2": 1.0, "C1": 1.0, "B2": 0.7, "B1": 0.4, "A2": 0.2, "A1": 0.1}
_SENIORITY_YEARS = {s: s.years for s in Seniority}
MISSING_PENALTY = 0.5  # the share of the score all must-haves missing take off
# From these scores a match is strong (worth a notification, the dashboard) or fair (chip colours).
STRONG_MATCH, FAIR_MATCH = 75, 50


@dataclass(frozen=True)
class SkillFacts:
    level: int | None
    months: int  # the larger of the years stated and the months of the jobs that used it

    @property
    def years(self) -> float:
        return self.months / 12


@dataclass(frozen=True)
class Busy:
    """A contract running: from, to (None: open-ended), and how much of full time it takes."""

    start: date
    end: date | None
    percent: int


@dataclass(frozen=True)
class Candidate:
    """What matching reads of a profile, worked out once for ranking many assignments."""

    skills: dict[str, SkillFacts] = field(default_factory=dict)  # by skill_key
    months_working: int = 0  # months covered by any job (time in whole units, years derived)
    languages: dict[str, str] = field(default_factory=dict)  # ISO 639 code -> CEFR level or native
    city: str = ""
    country: str = ""
    hourly_rate: Decimal | None = None
    currency: str = "SEK"
    available_from: date | None = None
    availability_percent: int | None = None
    busy: tuple[Busy, ...] = ()
    # How strongly each skill counts (0 < s ≤ 1), by key: worked out once for ranking many.
    strengths: dict[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "strengths", {key: _strength(f) for key, f in self.skills.items()})

    @property
    def years_working(self) -> float:
        return self.months_working / 12


@dataclass(frozen=True)
class Reason:
    """One reason in words. `code` and `args` let a UI say it in its own language; `text` is English."""

    code: str
    text: str
    args: tuple[str, ...] = ()
    good: bool = True


@dataclass(frozen=True)
class Match:
    score: int  # 0–100
    reasons: tuple[Reason, ...]


def _months(start: YearMonth, end: YearMonth) -> int:
    return max(0, (end.year - start.year) * 12 + end.month - start.month + 1)


def _merged_months(periods: list[tuple[YearMonth, YearMonth]]) -> int:
    """Months covered by any of the periods (two jobs at once count once)."""
    covered: set[tuple[int, int]] = set()
    for start, end in periods:
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            covered.add((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return len(covered)


def candidate_from(profile: Profile, today: date, busy: Iterable[Busy] = ()) -> Candidate:
    now = YearMonth(today.year, today.month)
    job_months: dict[str, int] = {}
    periods = []
    for job in profile.experience:
        end = now if job.current or job.end is None else min(job.end, now)
        periods.append((job.start, end))
        for name in job.skills:
            key = skill_key(name)
            job_months[key] = job_months.get(key, 0) + _months(job.start, end)
    skills = {}
    for skill in profile.skills:
        key = skill_key(skill.name)
        skills[key] = SkillFacts(skill.level, max(12 * (skill.years or 0), job_months.get(key, 0)))
    for key, months in job_months.items():  # used in a job but not listed: known, level unstated
        skills.setdefault(key, SkillFacts(None, months))
    languages: dict[str, str] = {}
    for language in profile.languages:
        code = language_code(language.language)
        if code is not None:
            languages[code] = language.level
    d = profile.details
    hourly = d.hourly_rate
    if hourly is None and d.daily_rate is not None:
        hourly = d.daily_rate / HOURS_PER_DAY
    return Candidate(
        skills=skills,
        months_working=_merged_months(periods),
        languages=languages,
        city=d.city.casefold().strip(),
        country=d.country,
        hourly_rate=hourly,
        currency=d.currency,
        available_from=d.available_from,
        availability_percent=d.availability_percent,
        busy=tuple(busy),
    )


# --- the parts ---------------------------------------------------------------------------------------


def _strength(facts: SkillFacts | None) -> float:
    if facts is None:
        return 0.0
    base = _UNRATED_STRENGTH if facts.level is None else _LEVEL_STRENGTH.get(facts.level, _UNRATED_STRENGTH)
    return min(1.0, base + 0.15 * min(facts.years / 5, 1.0))


Reasons = list[Reason] | None  # None: the score only (ranking), no words


def _skills_part(c: Candidate, a: Assignment, reasons: Reasons) -> tuple[float, float]:
    """Points of the must-have and nice-to-have parts, and the share of must-haves missing."""
    # No must-haves: the skills it names at all count as such.
    must, must_keys = (a.must_have, a.must_keys) if a.must_have else (a.nice_to_have, a.nice_keys)
    nice, nice_keys = (a.nice_to_have, a.nice_keys) if a.must_have else ((), ())
    strengths = c.strengths
    total, lacking = 0.0, 0  # one plain loop: ranking runs this ten thousand times
    for key in must_keys:
        strength = strengths.get(key)
        if strength is None:
            lacking += 1
        else:
            total += strength
    must_share = total / len(must_keys) if must_keys else 0.3
    total = 0.0
    for key in nice_keys:
        total += strengths.get(key, 0.0)
    nice_share = total / len(nice_keys) if nice_keys else must_share
    if not a.must_keys:
        lacking = 0
    if reasons is not None:
        have = [name for name, key in zip(must, must_keys, strict=True) if key in strengths]
        lack = [name for name, key in zip(must, must_keys, strict=True) if key not in strengths]
        nice_lack = [name for name, key in zip(nice, nice_keys, strict=True) if key not in strengths]
        if have:
            reasons.append(Reason("has", f"Has: {', '.join(have)}", (", ".join(have),)))
        if lack:
            reasons.append(Reason("missing", f"Missing: {', '.join(lack)}", (", ".join(lack),), good=False))
        if nice_lack:
            text = f"Also wanted: {', '.join(nice_lack)}"
            reasons.append(Reason("also_wanted", text, (", ".join(nice_lack),), good=False))
    missing = lacking / len(must_keys) if a.must_keys else 0.0
    return 50 * must_share + 15 * nice_share, missing


def _seniority_part(c: Candidate, a: Assignment, reasons: Reasons) -> float:
    if a.seniority is None:
        return 10.0
    wanted = _SENIORITY_YEARS[a.seniority]
    years = c.months_working // 12
    if wanted == 0 or c.months_working >= 12 * wanted:
        if reasons is not None:
            reasons.append(
                Reason(
                    "seniority_ok",
                    f"{a.seniority.value.capitalize()}: {_years(years)} of work",
                    (a.seniority.value, str(years)),
                )
            )
        return 10.0
    text = f"Asks for {a.seniority.value} ({wanted}+ years); you have {years}"
    if reasons is not None:
        reasons.append(
            Reason("seniority_short", text, (a.seniority.value, str(wanted), str(years)), good=False)
        )
    return 10.0 * c.months_working / (12 * wanted)


def _weeks(n: int) -> str:
    return f"{n} week" if n == 1 else f"{n} weeks"


def _years(n: int) -> str:
    return f"{n} year" if n == 1 else f"{n} years"


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal(1)):,}"


def _rate_part(c: Candidate, a: Assignment, reasons: Reasons) -> tuple[float, float]:
    """Points, and the factor on the whole: a rate above the client's ceiling is a reason to say no,
    not a detail (a quarter above takes half the score)."""
    rate = c.hourly_rate
    low, high = a.rate_min, a.rate_max
    if rate is None or (low is None and high is None) or c.currency != a.currency:
        return 6.0, 1.0  # nothing to compare (a rate in another currency is not converted)
    if high is not None and rate > high:
        kind = "above"
        # How far above, in basis points: an integer share of the ceiling (the amounts stay Decimal).
        over = int((rate - high) * 10_000 / high) / 10_000 if high else 1.0
        points, factor = max(0.0, 10.0 * (1 - 4 * over)), max(0.5, 1 - 2 * over)
    else:
        kind = "below" if low is not None and rate < low else "within"
        points, factor = 10.0, 1.0
    if reasons is not None:
        span = f"{_amount(low) if low is not None else ''}–{_amount(high) if high is not None else ''}"
        text = f"Rate {_amount(rate)} {a.currency} is {kind} {span}"
        # The values plain (whole units), for a UI to format in its own language.
        plain = tuple("" if v is None else str(v.quantize(Decimal(1))) for v in (rate, low, high))
        reasons.append(
            Reason(f"rate_{kind}", text, (plain[0], a.currency, plain[1], plain[2]), good=kind != "above")
        )
    return points, factor


def _availability_part(c: Candidate, a: Assignment, reasons: Reasons) -> float:
    share = 1.0
    start = a.start
    if start is not None and c.available_from is not None and c.available_from > start:
        weeks = (c.available_from - start).days // 7
        share *= max(0.0, 1 - weeks / 8)
        text = f"Available from {c.available_from.isoformat()}, {_weeks(weeks)} after the start"
        if reasons is not None:
            reasons.append(Reason("late", text, (c.available_from.isoformat(), str(weeks)), good=False))
    free = c.availability_percent if c.availability_percent is not None else 100
    if start is not None:
        taken = sum(b.percent for b in c.busy if b.start <= start and (b.end is None or b.end >= start))
        if taken:
            free = min(free, max(0, 100 - taken))
    if free < a.extent_percent:
        share *= free / a.extent_percent
        text = f"You have {free} % free; it asks for {a.extent_percent} %"
        if reasons is not None:
            reasons.append(Reason("extent", text, (str(free), str(a.extent_percent)), good=False))
    return 10.0 * share


def _language_part(c: Candidate, a: Assignment, reasons: Reasons) -> float:
    if not a.language:
        return 5.0
    name = language_name(a.language)
    level = c.languages.get(a.language)
    if level is None:
        if reasons is not None:
            reasons.append(
                Reason("language_missing", f"Works in {name}, not on your profile", (a.language,), good=False)
            )
        return 0.0
    strength = _LANGUAGE_STRENGTH.get(level, 0.5)
    text = f"Works in {name}: you have {level}"
    if reasons is not None:
        reasons.append(Reason("language", text, (a.language, level), good=strength >= 1.0))
    return 5.0 * strength


def _place_part(c: Candidate, a: Assignment, reasons: Reasons) -> tuple[float, float]:
    """Points, and the factor on the whole: working on site in another city means moving or a long
    commute, which most freelancers decline."""
    if a.workplace is Workplace.REMOTE:
        if reasons is not None:
            reasons.append(Reason("remote", "Remote"))
        return 5.0, 1.0
    if a.city and a.city.casefold().strip() == c.city:
        if reasons is not None:
            reasons.append(Reason("near", f"In {a.city}, where you are", (a.city,)))
        return 5.0, 1.0
    same_country = bool(a.country) and a.country == c.country
    hybrid = a.workplace is Workplace.HYBRID
    where = a.city or a.country or "?"
    if reasons is not None:
        reasons.append(
            Reason(
                "away_hybrid" if hybrid else "away_onsite",
                f"{'Partly on site' if hybrid else 'On site'} in {where}",
                (where,),
                good=False,
            )
        )
    if hybrid:
        return (3.0, 0.95) if same_country else (1.0, 0.8)
    return (2.0, 0.8) if same_country else (0.0, 0.6)


def match(c: Candidate, a: Assignment, explain: bool = True) -> Match:
    """The score and, unless `explain` is off (ranking thousands), the reasons in words."""
    reasons: Reasons = [] if explain else None
    skills, missing = _skills_part(c, a, reasons)
    seniority = _seniority_part(c, a, reasons)
    rate, rate_factor = _rate_part(c, a, reasons)
    availability = _availability_part(c, a, reasons)
    language = _language_part(c, a, reasons)
    place, place_factor = _place_part(c, a, reasons)
    points = skills + seniority + rate + availability + language + place
    points *= (1 - MISSING_PENALTY * missing) * rate_factor * place_factor
    return Match(max(0, min(100, round(points))), tuple(reasons or ()))


def rank(c: Candidate, assignments: Iterable[Assignment]) -> list[tuple[Assignment, Match]]:
    """Best match first (scores only; `match` explains the ones shown); equal scores keep the
    assignments' order."""
    scored = [(a, match(c, a, explain=False)) for a in assignments]
    scored.sort(key=lambda pair: -pair[1].score)
    return scored


def overlap_score(profile_skills: Iterable[str], a: Assignment) -> float:
    """The plain baseline matching is measured against: the share of the assignment's skills that
    the profile lists (same canonical names), nothing else."""
    keys = {skill_key(s) for s in profile_skills}
    wanted = a.skills
    return sum(skill_key(s) in keys for s in wanted) / len(wanted) if wanted else 0.0
