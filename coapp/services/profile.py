"""My Profile: read it whole, set a field, and add, edit, move and remove the items of each section.

Every write builds the validated domain value first (the domain types refuse bad input when made),
then opens one short write session; so a refused change leaves the store exactly as it was.
List sections keep an explicit, gap-free ``position``; removed items are tombstoned for sync.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.language_codes import same_language_key
from coapp.domain.profile import LanguageSkill, PersonalDetails, Profile, check_letter
from coapp.domain.profile_completeness import Completeness, completeness
from coapp.domain.profile_fields import check_field_name, with_detail
from coapp.domain.profile_links import Link
from coapp.domain.skills import Skill, canonical_skill, check_new_skill
from coapp.models import Profile as ProfileRow
from coapp.models.profile import PROFILE_ID
from coapp.services.profile_rows import (
    SPECS,
    Section,
    SectionSpec,
    details_from_row,
    now,
    section_of,
    write_details,
    write_letter,
)
from coapp.store.engine import Store


def _live_rows(s: Session, spec: SectionSpec) -> list[Any]:
    model: Any = spec.model
    return list(s.scalars(select(model).where(model.deleted_at.is_(None)).order_by(model.position, model.id)))


def read_profile(s: Session) -> Profile:
    """The whole profile as one session sees it (the service's get, and imports inside their write)."""
    row = s.get(ProfileRow, PROFILE_ID)
    live = row if row is not None and row.deleted_at is None else None
    sections = {
        section.value: tuple(spec.read(r) for r in _live_rows(s, spec)) for section, spec in SPECS.items()
    }
    return Profile(details=details_from_row(live), letter=live.letter if live else "", **sections)


def add_item_in(s: Session, item: Any) -> Any:
    """Append a validated item to its section inside an open write session; returns it as stored."""
    section = section_of(item)
    spec = SPECS[section]
    live = _live_rows(s, spec)
    if spec.key is not None:
        ProfileService._refuse_duplicate(section, spec, [spec.read(r) for r in live], item)
    row_id = spec.row_id(section, item)
    model: Any = spec.model
    row = s.get(model, row_id) if row_id else None
    if row is None:
        row = model(id=row_id) if row_id else model()
        s.add(row)
    else:  # a set member removed earlier comes back as the same row (sync sees one member)
        row.deleted_at = None
    spec.write(row, item)
    row.position = max((r.position for r in live), default=-1) + 1
    s.flush()
    return spec.read(row)


def edit_item_in(s: Session, item: Any) -> Any:
    """Replace an item's values inside an open write session; found by its id (set members: key)."""
    section = section_of(item)
    spec = SPECS[section]
    row = ProfileService._live_row(s, section, spec.row_id(section, item), spec.describe(item))
    spec.write(row, item)
    s.flush()
    return spec.read(row)


def set_details_in(s: Session, details: PersonalDetails) -> None:
    write_details(profile_row(s), details)


def set_letter_in(s: Session, letter: str) -> None:
    write_letter(profile_row(s), check_letter(letter))


def profile_row(s: Session) -> ProfileRow:
    row = s.get(ProfileRow, PROFILE_ID)
    if row is None:
        row = ProfileRow(id=PROFILE_ID)
        s.add(row)
    elif row.deleted_at is not None:
        row.deleted_at = None
    return row


class ProfileService:
    def __init__(self, store: Store, files_released: Callable[[], object] | None = None) -> None:
        self._store = store
        # Called after a removed portfolio item let go of its file (ProfileFiles.collect_garbage).
        self._files_released = files_released

    # --- reading ----------------------------------------------------------------------------------

    def get(self) -> Profile:
        with self._store.read() as s:
            return read_profile(s)

    def completeness(self) -> Completeness:
        return completeness(self.get())

    def items(self, section: Section) -> tuple[Any, ...]:
        return tuple(getattr(self.get(), section.value))

    # --- the personal details and the letter -----------------------------------------------------

    def set_field(self, field: str, text: str) -> Profile:
        """One field from typed text ("" clears it): see coapp.domain.profile_fields.SETTABLE_FIELDS."""
        name = check_field_name(field)
        if name == "letter":
            self.set_letter(text)
        else:
            self.set_details(with_detail(self.get().details, name, text))
        return self.get()

    def set_details(self, details: PersonalDetails) -> None:
        with self._store.write() as s:
            write_details(profile_row(s), details)

    def set_letter(self, text: str) -> None:
        letter = check_letter(text)
        with self._store.write() as s:
            write_letter(profile_row(s), letter)

    # --- any list section -----------------------------------------------------------------------

    def add_item(self, item: Any) -> Any:
        """Append a validated item to its section; returns it as stored (with its id)."""
        with self._store.write() as s:
            return add_item_in(s, item)

    def edit_item(self, item: Any) -> Any:
        """Replace an item's values; it is found by its id (set members: by their name or address)."""
        with self._store.write() as s:
            return edit_item_in(s, item)

    def move_item(self, section: Section, item_id: str, to_index: int) -> None:
        """Put an item at a place in its section's order (0 first); the others keep their order."""
        spec = SPECS[section]
        with self._store.write() as s:
            live = _live_rows(s, spec)
            moving = next((r for r in live if r.id == item_id), None)
            if moving is None:
                raise NotFoundError("no such item in {section}", section=section.value)
            if not 0 <= to_index < len(live) and len(live) == 1:
                raise ValidationError("{section} has 1 item; its only place is 1", section=section.value)
            if not 0 <= to_index < len(live):
                raise ValidationError(
                    "{section} has {count} items; choose a place from 1 to {count}",
                    section=section.value,
                    count=len(live),
                )
            live.remove(moving)
            live.insert(to_index, moving)
            for position, row in enumerate(live):
                if row.position != position:  # only moved rows change (and queue a sync record)
                    row.position = position

    def remove_item(self, section: Section, item_id: str) -> None:
        spec = SPECS[section]
        with self._store.write() as s:
            row = self._live_row(s, section, item_id, None)
            row.deleted_at = now()
            s.flush()
            for position, other in enumerate(_live_rows(s, spec)):
                if other.position != position:
                    other.position = position
        if section is Section.PORTFOLIO and self._files_released is not None:
            self._files_released()

    # --- the set sections by name: skills, languages, links --------------------------------------

    def add_skill(self, name: str, level: int | None = None, years: int | None = None) -> Skill:
        skill = Skill(name, level, years)
        # Checked here too (add_item checks again inside its transaction) to name what was typed:
        # "“JS” is JavaScript, which is already in your skills".
        check_new_skill(self.get().skills, name)
        result: Skill = self.add_item(skill)
        return result

    def remove_skill(self, name: str) -> None:
        skill = Skill(canonical_skill(name))
        if not self._remove_member(Section.SKILLS, skill):
            raise NotFoundError("{skill} is not in your skills", skill=skill.name)

    def add_language(self, language: str, level: str) -> LanguageSkill:
        result: LanguageSkill = self.add_item(LanguageSkill(language, level))
        return result

    def remove_language(self, language: str) -> None:
        member = LanguageSkill(language, "native")  # the level is no part of the key
        if not self._remove_member(Section.LANGUAGES, member):
            raise NotFoundError("{language} is not among your languages", language=member.language)

    def add_link(self, url: str) -> Link:
        result: Link = self.add_item(Link(url))
        return result

    def remove_link(self, url: str) -> None:
        link = Link(url)
        if not self._remove_member(Section.LINKS, link):
            raise NotFoundError("{url} is not among your links", url=link.url)

    # --- helpers ---------------------------------------------------------------------------------

    def _remove_member(self, section: Section, member: Any) -> bool:
        """Remove *member* of a set section; False when it is not there (the caller says so)."""
        row_id = SPECS[section].row_id(section, member)
        with self._store.read() as s:
            row: Any = s.get(SPECS[section].model, row_id)
            if row is None or row.deleted_at is not None:
                return False
        self.remove_item(section, str(row_id))
        return True

    @staticmethod
    def _live_row(s: Session, section: Section, row_id: str | None, what: str | None) -> Any:
        """The live row; *what* names the item in the refusal (None: "that item")."""
        model: Any = SPECS[section].model
        row = s.get(model, row_id) if row_id else None
        if row is None or row.deleted_at is not None:
            if what is None:
                raise NotFoundError("that item is not in your {section}", section=section.value)
            raise NotFoundError("{item} is not in your {section}", item=what, section=section.value)
        return row

    @staticmethod
    def _refuse_duplicate(section: Section, spec: SectionSpec, present: list[Any], item: Any) -> None:
        if section is Section.SKILLS:
            check_new_skill(present, item.name)  # names the present skill under its canonical name
            return
        # Languages by language, not spelling ("Svenska" is the "Swedish" already there).
        key_of = (lambda i: same_language_key(i.language)) if section is Section.LANGUAGES else spec.key
        assert key_of is not None
        key = key_of(item)
        for other in present:
            if key_of(other) == key:
                _refuse_twice(section, spec.describe(other))


def _refuse_twice(section: Section, item: str) -> None:
    """One template per section, so a translation names the section in its own words."""
    if section is Section.LANGUAGES:
        raise ValidationError("{item} is already in your languages", item=item)
    if section is Section.LINKS:
        raise ValidationError("{item} is already in your links", item=item)
    if section is Section.EXPERIENCE:
        raise ValidationError("{item} is already in your experience", item=item)
    if section is Section.EDUCATION:
        raise ValidationError("{item} is already in your education", item=item)
    if section is Section.CERTIFICATES:
        raise ValidationError("{item} is already in your certificates", item=item)
    if section is Section.AWARDS:
        raise ValidationError("{item} is already in your awards", item=item)
    if section is Section.REFERENCES:
        raise ValidationError("{item} is already in your references", item=item)
    raise ValidationError("{item} is already in your portfolio", item=item)
