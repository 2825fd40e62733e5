"""The resume's list sections: experience, education, certificates, awards, references, portfolio.

Each item carries the id of its stored row ("" until stored) so that edits, moves and removals name
the item, and sync can later merge items by id; the id takes no part in equality.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from coapp.domain.errors import ValidationError
from coapp.domain.profile_links import normalise_url
from coapp.domain.profile_text import clean_block, clean_line
from coapp.domain.skills import canonical_skill_list
from coapp.domain.year_month import YearMonth, check_period

MAX_DESCRIPTION_LENGTH = 5_000
MAX_SKILLS_PER_ITEM = 50


def _month(value: YearMonth | str | None, label: str) -> YearMonth | None:
    if value is None or isinstance(value, YearMonth):
        return value
    if not str(value).strip():
        return None
    try:
        return YearMonth.parse(value)
    except ValidationError as exc:
        raise ValidationError("{label}: {reason}", label=label, reason=str(exc)) from None


def _required_month(value: YearMonth | str | None, label: str) -> YearMonth:
    month = _month(value, label)
    if month is None:
        raise ValidationError("{label} is required; write it like 2024-03", label=label)
    return month


@dataclass(frozen=True)
class Experience:
    organisation: str
    role: str
    start: YearMonth
    end: YearMonth | None = None
    current: bool = False
    description: str = ""  # Markdown
    skills: tuple[str, ...] = ()  # canonical names of the skills used
    id: str = dataclasses.field(default="", compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "organisation", clean_line(self.organisation, "the organisation", required=True))
        put(self, "role", clean_line(self.role, "the role", required=True))
        put(self, "start", _required_month(self.start, "the start month"))
        put(self, "end", _month(self.end, "the end month"))
        if not self.current and self.end is None:
            raise ValidationError(
                "the job at {organisation} needs an end month, or mark it current",
                organisation=self.organisation,
            )
        check_period(self.start, self.end, self.current, f"the job at {self.organisation}")
        text = clean_block(self.description, "the description", max_length=MAX_DESCRIPTION_LENGTH)
        put(self, "description", text)
        skills = canonical_skill_list(self.skills)
        if len(skills) > MAX_SKILLS_PER_ITEM:
            raise ValidationError(
                "list at most {max_skills_per_item} skills for one job",
                max_skills_per_item=MAX_SKILLS_PER_ITEM,
            )
        put(self, "skills", skills)


@dataclass(frozen=True)
class Education:
    school: str
    start: YearMonth
    degree: str = ""
    field: str = ""  # of study
    end: YearMonth | None = None  # None: still studying
    id: str = dataclasses.field(default="", compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "school", clean_line(self.school, "the school", required=True))
        put(self, "degree", clean_line(self.degree, "the degree"))
        put(self, "field", clean_line(self.field, "the field of study"))
        put(self, "start", _required_month(self.start, "the start month"))
        put(self, "end", _month(self.end, "the end month"))
        check_period(self.start, self.end, False, f"the studies at {self.school}")


@dataclass(frozen=True)
class Certificate:
    name: str
    issuer: str = ""
    issued: YearMonth | None = None
    expires: YearMonth | None = None
    url: str = ""  # where it can be verified
    id: str = dataclasses.field(default="", compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "name", clean_line(self.name, "the certificate's name", required=True))
        put(self, "issuer", clean_line(self.issuer, "the issuer"))
        put(self, "issued", _month(self.issued, "the month issued"))
        put(self, "expires", _month(self.expires, "the month it expires"))
        if self.issued is not None and self.expires is not None and self.expires < self.issued:
            raise ValidationError(
                "the certificate {name} expires ({expires}) before it was issued ({issued})",
                name=self.name,
                expires=self.expires,
                issued=self.issued,
            )
        put(self, "url", normalise_url(self.url) if self.url.strip() else "")


@dataclass(frozen=True)
class Award:
    title: str
    issuer: str = ""
    awarded: YearMonth | None = None
    description: str = ""
    id: str = dataclasses.field(default="", compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "title", clean_line(self.title, "the award's title", required=True))
        put(self, "issuer", clean_line(self.issuer, "the issuer"))
        put(self, "awarded", _month(self.awarded, "the month awarded"))
        text = clean_block(self.description, "the description", max_length=MAX_DESCRIPTION_LENGTH)
        put(self, "description", text)


@dataclass(frozen=True)
class Reference:
    name: str
    relation: str = ""  # "Manager at Acme"
    contact: str = ""  # e-mail or phone, as the reference agreed to share
    id: str = dataclasses.field(default="", compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "name", clean_line(self.name, "the reference's name", required=True))
        put(self, "relation", clean_line(self.relation, "the relation"))
        put(self, "contact", clean_line(self.contact, "the contact"))


@dataclass(frozen=True)
class AttachedFile:
    """A portfolio item's file as stored: its checksum names the file; the rest is what is shown."""

    sha256: str
    name: str
    size: int
    content_type: str


@dataclass(frozen=True)
class PortfolioItem:
    """A piece of work to show: a link, a file (attached by coapp.services.profile_files), or both."""

    title: str
    url: str = ""
    description: str = ""
    id: str = dataclasses.field(default="", compare=False)
    # Read from the store; editing an item never changes it (attach and detach do).
    file: AttachedFile | None = None

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "title", clean_line(self.title, "the title", required=True))
        put(self, "url", normalise_url(self.url) if self.url.strip() else "")
        text = clean_block(self.description, "the description", max_length=MAX_DESCRIPTION_LENGTH)
        put(self, "description", text)
