"""The profile's sections as stored rows: which table holds each, and how a row and a domain item
turn into each other. The service works on every section through this one table of specs."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from coapp.domain.money import from_minor, to_minor
from coapp.domain.profile import LanguageSkill, PersonalDetails
from coapp.domain.profile_links import Link, link_key
from coapp.domain.profile_sections import (
    AttachedFile,
    Award,
    Certificate,
    Education,
    Experience,
    PortfolioItem,
    Reference,
)
from coapp.domain.skills import Skill
from coapp.domain.year_month import YearMonth
from coapp.models import (
    Profile,
    ProfileAward,
    ProfileCertificate,
    ProfileEducation,
    ProfileExperience,
    ProfileLanguage,
    ProfileLink,
    ProfilePortfolioItem,
    ProfileReference,
    ProfileSkill,
)
from coapp.models.profile import ProfileItem, member_id


class Section(StrEnum):
    LANGUAGES = "languages"
    LINKS = "links"
    SKILLS = "skills"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    CERTIFICATES = "certificates"
    AWARDS = "awards"
    REFERENCES = "references"
    PORTFOLIO = "portfolio"


def _month(text: str | None) -> YearMonth | None:
    return YearMonth.parse(text) if text else None


def _text(month: YearMonth | None) -> str | None:
    return str(month) if month is not None else None


@dataclass(frozen=True)
class SectionSpec:
    model: type[ProfileItem]
    item_type: type
    label: str  # singular, for messages: "a job", "a skill"
    read: Callable[[Any], Any]
    write: Callable[[Any, Any], None]
    # Set sections (skills, languages, links): the member's key, from which its row id follows.
    key: Callable[[Any], str] | None = None
    describe: Callable[[Any], str] = str

    def row_id(self, section: Section, item: Any) -> str | None:
        if self.key is None:
            return getattr(item, "id", "") or None
        return member_id(section.value, self.key(item))


def _attached(row: ProfilePortfolioItem) -> AttachedFile | None:
    if not row.file_sha256:
        return None
    return AttachedFile(row.file_sha256, row.file_name, row.file_size or 0, row.content_type)


def _set_fields(row: Any, **values: Any) -> None:
    # Only real changes are assigned, so an edit that changes nothing queues no sync record.
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


SPECS: dict[Section, SectionSpec] = {
    Section.LANGUAGES: SectionSpec(
        ProfileLanguage,
        LanguageSkill,
        "a language",
        read=lambda r: LanguageSkill(r.language, r.level),
        write=lambda r, i: _set_fields(r, language=i.language, level=i.level),
        key=lambda i: i.key,
        describe=lambda i: i.language,
    ),
    Section.LINKS: SectionSpec(
        ProfileLink,
        Link,
        "a link",
        read=lambda r: Link(r.url),
        write=lambda r, i: _set_fields(r, url=i.url),
        key=lambda i: link_key(i.url),
        describe=lambda i: i.url,
    ),
    Section.SKILLS: SectionSpec(
        ProfileSkill,
        Skill,
        "a skill",
        read=lambda r: Skill(r.name, r.level, r.years),
        write=lambda r, i: _set_fields(r, name=i.name, level=i.level, years=i.years),
        key=lambda i: i.key,
        describe=lambda i: i.name,
    ),
    Section.EXPERIENCE: SectionSpec(
        ProfileExperience,
        Experience,
        "a job",
        read=lambda r: Experience(
            r.organisation,
            r.role,
            YearMonth.parse(r.start_month),
            _month(r.end_month),
            r.is_current,
            r.description,
            tuple(json.loads(r.skills)),
            id=r.id,
        ),
        write=lambda r, i: _set_fields(
            r,
            organisation=i.organisation,
            role=i.role,
            start_month=str(i.start),
            end_month=_text(i.end),
            is_current=i.current,
            description=i.description,
            skills=json.dumps(list(i.skills), ensure_ascii=False),
        ),
        describe=lambda i: f"{i.role} at {i.organisation}",
    ),
    Section.EDUCATION: SectionSpec(
        ProfileEducation,
        Education,
        "an education",
        read=lambda r: Education(
            r.school, YearMonth.parse(r.start_month), r.degree, r.field_of_study, _month(r.end_month), id=r.id
        ),
        write=lambda r, i: _set_fields(
            r,
            school=i.school,
            degree=i.degree,
            field_of_study=i.field,
            start_month=str(i.start),
            end_month=_text(i.end),
        ),
        describe=lambda i: i.school,
    ),
    Section.CERTIFICATES: SectionSpec(
        ProfileCertificate,
        Certificate,
        "a certificate",
        read=lambda r: Certificate(r.name, r.issuer, _month(r.issued), _month(r.expires), r.url, id=r.id),
        write=lambda r, i: _set_fields(
            r, name=i.name, issuer=i.issuer, issued=_text(i.issued), expires=_text(i.expires), url=i.url
        ),
        describe=lambda i: i.name,
    ),
    Section.AWARDS: SectionSpec(
        ProfileAward,
        Award,
        "an award",
        read=lambda r: Award(r.title, r.issuer, _month(r.awarded), r.description, id=r.id),
        write=lambda r, i: _set_fields(
            r, title=i.title, issuer=i.issuer, awarded=_text(i.awarded), description=i.description
        ),
        describe=lambda i: i.title,
    ),
    Section.REFERENCES: SectionSpec(
        ProfileReference,
        Reference,
        "a reference",
        read=lambda r: Reference(r.name, r.relation, r.contact, id=r.id),
        write=lambda r, i: _set_fields(r, name=i.name, relation=i.relation, contact=i.contact),
        describe=lambda i: i.name,
    ),
    Section.PORTFOLIO: SectionSpec(
        ProfilePortfolioItem,
        PortfolioItem,
        "a portfolio item",
        read=lambda r: PortfolioItem(r.title, r.url, r.description, id=r.id, file=_attached(r)),
        write=lambda r, i: _set_fields(r, title=i.title, url=i.url, description=i.description),
        describe=lambda i: i.title,
    ),
}


def section_of(item: object) -> Section:
    for section, spec in SPECS.items():
        if type(item) is spec.item_type:
            return section
    raise TypeError(f"{type(item).__name__} is not a profile section's item")


def details_from_row(row: Profile | None) -> PersonalDetails:
    if row is None:
        return PersonalDetails()

    def money(minor: int | None) -> Any:
        return None if minor is None else from_minor(minor, row.currency)

    return PersonalDetails(
        name=row.name,
        title=row.title,
        email=row.email,
        phone=row.phone,
        city=row.city,
        country=row.country,
        available_from=row.available_from,
        availability_percent=row.availability_percent,
        hourly_rate=money(row.hourly_rate_minor),
        daily_rate=money(row.daily_rate_minor),
        currency=row.currency,
    )


def write_details(row: Profile, d: PersonalDetails) -> None:
    def minor(amount: Any) -> int | None:
        return None if amount is None else to_minor(amount, d.currency)

    _set_fields(
        row,
        name=d.name,
        title=d.title,
        email=d.email,
        phone=d.phone,
        city=d.city,
        country=d.country,
        available_from=d.available_from,
        availability_percent=d.availability_percent,
        hourly_rate_minor=minor(d.hourly_rate),
        daily_rate_minor=minor(d.daily_rate),
        currency=d.currency,
    )


def write_letter(row: Profile, letter: str) -> None:
    _set_fields(row, letter=letter)


def now() -> datetime:
    return datetime.now(UTC)
