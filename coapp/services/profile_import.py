"""Importing a LinkedIn data export into My Profile: a preview (the plan) first, then one transaction.

preview(export) compares the export with the profile and returns an ImportPlan that says, per section,
what would be added, which empty fields would be filled ("changed"), which of the user's own values
differ from LinkedIn's and stay as they are ("kept", with both values), and what is skipped (already
there, listed twice, or refused by the profile's rules, with the reason). apply(plan) writes the plan
in ONE store transaction: all of it or nothing.

Rules of the merge (documented choices):
- Nothing the user wrote is overwritten: only empty fields are filled.
- Matching: experience by organisation, role and start month; education by school and start month
  (case and spacing ignored; a start LinkedIn gives as a year only matches any month of that year);
  skills by canonical name (synonyms match: "JS" is JavaScript); languages by name; certificates by
  name and issuer (LinkedIn's "authority"); awards by title; links by the profile's link key.
- A year without a month: a start (or month issued/awarded) is saved as January, an end (or expiry)
  as December, so a job that starts and ends in the same year keeps a valid period; each such date
  is named in the plan's notes.
- A position without an end is current, unless the reader warned that its end date was unreadable:
  then it is saved ending in its start month (a placeholder the period rule accepts) and a note asks
  the user to correct it.
- Profile.csv: first + last name -> name, headline -> title, summary -> the letter, the first part of
  the location ("Stockholm" of "Stockholm, Stockholm County, Sweden") -> city, websites -> links.
- An item the profile's rules refuse (an end before its start, a bad web address, a language without
  a level, no start date) is skipped with the rule's message; a malformed file is the reader's error.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from coapp.domain.errors import CoappError, ValidationError
from coapp.domain.language_codes import same_language_key
from coapp.domain.linkedin_export import ExportDate, LinkedInExport, LinkedInPosition
from coapp.domain.profile import LanguageSkill, PersonalDetails, Profile, check_letter
from coapp.domain.profile_fields import with_detail
from coapp.domain.profile_links import Link, link_key
from coapp.domain.profile_sections import Award, Certificate, Education, Experience
from coapp.domain.skills import Skill
from coapp.domain.year_month import YearMonth
from coapp.services.profile import (
    add_item_in,
    edit_item_in,
    read_profile,
    set_details_in,
    set_letter_in,
)
from coapp.services.profile_rows import SPECS, section_of
from coapp.store.engine import Store

# The plan's sections, in the order the preview shows them.
SECTIONS = (
    "details",
    "links",
    "experience",
    "education",
    "skills",
    "languages",
    "certificates",
    "awards",
)
ALREADY_THERE = "already in your profile"
LISTED_TWICE = "listed twice in the export"


@dataclass(frozen=True)
class Added:
    """An item the import adds; item is the validated domain value (Experience, Skill, Link, …)."""

    section: str
    text: str
    item: Any


@dataclass(frozen=True)
class FieldChange:
    """A field of an item (or of the personal details): filled from the export ("changed", profile
    is then "") or kept as the user wrote it although LinkedIn says otherwise ("kept")."""

    section: str
    item: str  # which item: "Architect at Acme", or "your profile" for the personal details
    field: str
    export: str
    profile: str = ""


@dataclass(frozen=True)
class Skipped:
    section: str
    text: str
    reason: str


@dataclass(frozen=True)
class ImportPlan:
    export: LinkedInExport
    base: Profile  # the profile the plan was made against; apply refuses if it has changed since
    added: tuple[Added, ...] = ()
    changed: tuple[FieldChange, ...] = ()
    kept: tuple[FieldChange, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()
    # What apply writes besides the additions: None where nothing changes.
    details: PersonalDetails | None = None
    letter: str | None = None
    edits: tuple[Any, ...] = field(default=())  # matched items with empty fields filled (ids kept)

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.export.warnings

    @property
    def has_writes(self) -> bool:
        return bool(self.added or self.edits or self.details is not None or self.letter is not None)


# --- the pure merge ---------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _empty(value: object) -> bool:
    return value is None or value == "" or value == ()


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return _norm(a) == _norm(b)
    return a == b


def _shown(value: object, limit: int = 80) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _starts_match(mine: YearMonth, theirs: ExportDate) -> bool:
    """A year-only date from LinkedIn matches any month of that year."""
    if theirs.month is None:
        return mine.year == theirs.year
    return (mine.year, mine.month) == (theirs.year, theirs.month)


def _period(start: YearMonth, end: YearMonth | None, current: bool) -> str:
    return f"{start} – {'now' if current or end is None else end}"


class _Planner:
    def __init__(self, export: LinkedInExport, profile: Profile) -> None:
        self.export = export
        self.profile = profile
        self.added: list[Added] = []
        self.changed: list[FieldChange] = []
        self.kept: list[FieldChange] = []
        self.skipped: list[Skipped] = []
        self.notes: list[str] = []
        self.edits: list[Any] = []
        self.details: PersonalDetails | None = None
        self.letter: str | None = None

    def plan(self) -> ImportPlan:
        self._personal()
        self._links()
        self._experience()
        self._education()
        self._skills()
        self._languages()
        self._certificates()
        self._awards()
        return ImportPlan(
            export=self.export,
            base=self.profile,
            added=tuple(self.added),
            changed=tuple(self.changed),
            kept=tuple(self.kept),
            skipped=tuple(self.skipped),
            notes=tuple(self.notes),
            details=self.details,
            letter=self.letter,
            edits=tuple(self.edits),
        )

    # --- helpers ---

    def _skip(self, section: str, text: str, reason: str) -> None:
        self.skipped.append(Skipped(section, _shown(text), reason))

    def _add(self, section: str, text: str, item: Any, notes: list[str] | None = None) -> None:
        self.added.append(Added(section, text, item))
        self.notes.extend(notes or ())

    @staticmethod
    def _month(
        value: ExportDate | None, who: str, what: str, notes: list[str], *, end: bool
    ) -> YearMonth | None:
        if value is None:
            return None
        if value.month is not None:
            return YearMonth(value.year, value.month)
        month = YearMonth(value.year, 12 if end else 1)
        notes.append(f"{who}: LinkedIn gives only the year {value.year} for the {what}; saved as {month}")
        return month

    def _merge(
        self,
        section: str,
        who: str,
        current: Any,
        incoming: Any,
        fill: tuple[str, ...],
        compare: tuple[tuple[str, Callable[[Any], str]], ...] = (),
    ) -> None:
        """A matched item: fill its empty fields from the export, report the user's differing values as
        kept; with nothing to fill it is skipped as already there."""
        updates: dict[str, Any] = {}
        for name in fill:
            mine, theirs = getattr(current, name), getattr(incoming, name)
            if _empty(theirs):
                continue
            if _empty(mine):
                updates[name] = theirs
                self.changed.append(FieldChange(section, who, name, _shown(theirs)))
            elif not _same(mine, theirs):
                self.kept.append(FieldChange(section, who, name, _shown(theirs), _shown(mine)))
        for name, text in compare:
            mine_text, theirs_text = text(current), text(incoming)
            if not _same(mine_text, theirs_text):
                self.kept.append(FieldChange(section, who, name, theirs_text, mine_text))
        if updates:
            self.edits.append(replace(current, **updates))  # replace keeps the id: an edit, not an add
        else:
            self._skip(section, who, ALREADY_THERE)

    # --- Profile.csv ---

    def _personal(self) -> None:
        lp = self.export.profile
        if lp is None:
            return
        details = self.profile.details
        values = (
            ("name", f"{lp.first_name} {lp.last_name}"),
            ("title", lp.headline),
            ("city", lp.location.split(",")[0]),
        )
        for name, value in values:
            if not value.strip():
                continue
            try:
                candidate = with_detail(details, name, value)
            except ValidationError as exc:
                self._skip("details", f"{name}: {value}", str(exc))
                continue
            mine, theirs = getattr(details, name), getattr(candidate, name)
            if not mine:
                details = candidate
                self.changed.append(FieldChange("details", "your profile", name, _shown(theirs)))
            elif _same(mine, theirs):
                self._skip("details", f"{name}: {mine}", ALREADY_THERE)
            else:
                self.kept.append(FieldChange("details", "your profile", name, _shown(theirs), _shown(mine)))
        if details != self.profile.details:
            self.details = details
        if lp.summary.strip():
            try:
                letter = check_letter(lp.summary)
            except ValidationError as exc:
                self._skip("details", f"letter: {lp.summary}", str(exc))
                return
            if not self.profile.letter:
                self.letter = letter
                self.changed.append(FieldChange("details", "your profile", "letter", _shown(letter)))
            elif _same(self.profile.letter, letter):
                self._skip("details", "letter", ALREADY_THERE)
            else:
                self.kept.append(
                    FieldChange(
                        "details", "your profile", "letter", _shown(letter), _shown(self.profile.letter)
                    )
                )

    def _links(self) -> None:
        if self.export.profile is None:
            return
        present = {link_key(link.url) for link in self.profile.links}
        for address in self.export.profile.websites:
            try:
                link = Link(address)
            except ValidationError as exc:
                self._skip("links", address, str(exc))
                continue
            key = link_key(link.url)
            if key in present:
                self._skip("links", link.url, ALREADY_THERE)
                continue
            present.add(key)
            self._add("links", link.url, link)

    # --- the dated sections ---

    def _unreadable_end(self, position: LinkedInPosition) -> bool:
        prefix = f"Positions.csv line {position.line}: “Finished On” is not a date"
        return position.line > 0 and any(w.startswith(prefix) for w in self.export.warnings)

    def _experience(self) -> None:
        section = "experience"
        present: list[tuple[Experience, bool]] = [(job, False) for job in self.profile.experience]
        for position in self.export.positions:
            who = f"{position.role} at {position.organisation}" if position.role else position.organisation
            notes: list[str] = []
            if position.start is None:
                self._skip(
                    section, who, "LinkedIn gives no start date; add this job by hand with its start month"
                )
                continue
            start = self._month(position.start, who, "start", notes, end=False)
            assert start is not None
            current = False
            if position.end is not None:
                end = self._month(position.end, who, "end", notes, end=True)
            elif self._unreadable_end(position):
                end = start
                notes.append(
                    f"{who}: the end date on line {position.line} of Positions.csv could not be read; "
                    f"saved as ending {start} (its start): check it and correct the end month"
                )
            else:
                end, current = None, True
            try:
                job = Experience(
                    position.organisation, position.role, start, end, current, position.description
                )
            except ValidationError as exc:
                self._skip(section, who, str(exc))
                continue
            match = next(
                (
                    (other, new)
                    for other, new in present
                    if _norm(other.organisation) == _norm(job.organisation)
                    and _norm(other.role) == _norm(job.role)
                    and _starts_match(other.start, position.start)
                ),
                None,
            )
            if match is None:
                present.append((job, True))
                self._add(section, f"{who} ({_period(job.start, job.end, job.current)})", job, notes)
            elif match[1]:
                self._skip(section, who, LISTED_TWICE)
            else:
                period = (("period", lambda j: _period(j.start, j.end, j.current)),)
                self._merge(section, who, match[0], job, ("description",), period)

    def _education(self) -> None:
        section = "education"
        present: list[tuple[Education, bool]] = [(e, False) for e in self.profile.education]
        for school in self.export.education:
            who = school.school
            notes: list[str] = []
            if school.start is None:
                self._skip(section, who, "LinkedIn gives no start date; add it by hand with its start month")
                continue
            start = self._month(school.start, who, "start", notes, end=False)
            assert start is not None
            end = self._month(school.end, who, "end", notes, end=True)
            try:
                item = Education(school.school, start, school.degree, school.notes, end)
            except ValidationError as exc:
                try:  # LinkedIn's notes are often a paragraph, not a field of study: leave them out
                    item = Education(school.school, start, school.degree, "", end)
                except ValidationError:
                    self._skip(section, who, str(exc))
                    continue
                notes.append(f"{who}: the notes were not taken as the field of study ({exc})")
            match = next(
                (
                    (other, new)
                    for other, new in present
                    if _norm(other.school) == _norm(item.school) and _starts_match(other.start, school.start)
                ),
                None,
            )
            if match is None:
                present.append((item, True))
                self._add(section, f"{who} ({_period(item.start, item.end, False)})", item, notes)
            elif match[1]:
                self._skip(section, who, LISTED_TWICE)
            else:
                period = (("period", lambda e: _period(e.start, e.end, False)),)
                self._merge(section, who, match[0], item, ("degree", "field"), period)

    def _certificates(self) -> None:
        section = "certificates"
        present: list[tuple[Certificate, bool]] = [(c, False) for c in self.profile.certificates]
        for cert in self.export.certifications:
            who = f"{cert.name} ({cert.authority})" if cert.authority else cert.name
            notes: list[str] = []
            issued = self._month(cert.start, who, "month issued", notes, end=False)
            expires = self._month(cert.end, who, "month it expires", notes, end=True)
            try:
                item = Certificate(cert.name, cert.authority, issued, expires, cert.url)
            except ValidationError as exc:
                self._skip(section, who, str(exc))
                continue
            match = next(
                (
                    (other, new)
                    for other, new in present
                    if _norm(other.name) == _norm(item.name) and _norm(other.issuer) == _norm(item.issuer)
                ),
                None,
            )
            if match is None:
                present.append((item, True))
                self._add(section, who, item, notes)
            elif match[1]:
                self._skip(section, who, LISTED_TWICE)
            else:
                self._merge(section, who, match[0], item, ("issued", "expires", "url"))

    def _awards(self) -> None:
        section = "awards"
        present: list[tuple[Award, bool]] = [(a, False) for a in self.profile.awards]
        for honor in self.export.honors:
            who = honor.title
            notes: list[str] = []
            awarded = self._month(honor.issued, who, "month awarded", notes, end=False)
            try:
                item = Award(honor.title, "", awarded, honor.description)
            except ValidationError as exc:
                self._skip(section, who, str(exc))
                continue
            match = next(((o, new) for o, new in present if _norm(o.title) == _norm(item.title)), None)
            if match is None:
                present.append((item, True))
                self._add(section, who, item, notes)
            elif match[1]:
                self._skip(section, who, LISTED_TWICE)
            else:
                self._merge(section, who, match[0], item, ("awarded", "description"))

    # --- the set sections ---

    def _skills(self) -> None:
        present = {skill.key: (skill.name, False) for skill in self.profile.skills}
        for name in self.export.skills:
            try:
                skill = Skill(name)
            except ValidationError as exc:
                self._skip("skills", name, str(exc))
                continue
            there = present.get(skill.key)
            if there is None:
                present[skill.key] = (skill.name, True)
                self._add("skills", skill.name, skill)
            elif there[1]:
                self._skip("skills", name, f"{LISTED_TWICE} (as {there[0]})")
            elif _norm(name) != _norm(there[0]):
                self._skip("skills", name, f"{ALREADY_THERE} as {there[0]}")
            else:
                self._skip("skills", name, ALREADY_THERE)

    def _languages(self) -> None:
        # By language, not spelling: LinkedIn's "Swedish" is the "Svenska" already on the profile.
        present = {same_language_key(lang.language): (lang, False) for lang in self.profile.languages}
        for language in self.export.languages:
            name = language.name
            there = present.get(same_language_key(name))
            if there is not None:
                mine, new = there
                if new:
                    self._skip("languages", name, LISTED_TWICE)
                    continue
                if language.level is not None and language.level != mine.level:
                    self.kept.append(
                        FieldChange("languages", mine.language, "level", language.level, mine.level)
                    )
                self._skip("languages", name, ALREADY_THERE)
                continue
            if language.level is None:
                self._skip("languages", name, "LinkedIn gives no level; add it by hand with its level")
                continue
            try:
                item = LanguageSkill(name, language.level)
            except ValidationError as exc:
                self._skip("languages", name, str(exc))
                continue
            present[same_language_key(item.language)] = (item, True)
            self._add("languages", f"{item.language} ({item.level})", item)


def plan_import(export: LinkedInExport, profile: Profile) -> ImportPlan:
    """What importing export into profile would do (pure: nothing is read or written)."""
    return _Planner(export, profile).plan()


# --- the service ------------------------------------------------------------------------------------


@contextlib.contextmanager
def _naming(section: str, text: str) -> Iterator[None]:
    try:
        yield
    except CoappError as exc:
        raise ValidationError(
            "{section} “{text}” could not be imported: {reason}; nothing was imported",
            section=section,
            text=text,
            reason=exc,
        ) from exc


class ProfileImport:
    """Previews and applies a LinkedIn export on My Profile (see the module's rules)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def preview(self, export: LinkedInExport) -> ImportPlan:
        with self._store.read() as s:
            return plan_import(export, read_profile(s))

    def apply(self, plan: ImportPlan) -> Profile:
        """Write the plan in one transaction; any refusal rolls all of it back and names the item."""
        with self._store.write() as s:
            if read_profile(s) != plan.base:
                raise ValidationError(
                    "your profile changed since this import was previewed; "
                    "preview it again (nothing was imported)"
                )
            if plan.details is not None:
                with _naming("details", "your personal details"):
                    set_details_in(s, plan.details)
            if plan.letter is not None:
                with _naming("details", "the letter"):
                    set_letter_in(s, plan.letter)
            for item in plan.edits:
                section = section_of(item)
                with _naming(section.value, SPECS[section].describe(item)):
                    edit_item_in(s, item)
            for added in plan.added:
                with _naming(added.section, added.text):
                    add_item_in(s, added.item)
            s.flush()
            return read_profile(s)
