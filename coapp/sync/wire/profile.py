"""The freelancer's profile, resume sections, resume variants and business details as synced rows.

Each record names its entity (so a push answer's row is never taken for another entity's) and
carries every field of its table except what stays on the device (a logo's path). The field types
are the rules: the server validates a push op's fields against them (strictly, as JSON) and a client
parses the feed with them, so a value the server accepted always fits the client's columns (lengths,
CEFR levels, months, ranges). Rules across fields (an end not before its start) are the server's.

Nothing here is a path: a photo or a portfolio file is named by its SHA-256, and a file's name is
text to show, without separators or control characters.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from coapp.domain.profile import MAX_LETTER_LENGTH
from coapp.domain.profile_links import MAX_URL_LENGTH
from coapp.domain.profile_sections import MAX_DESCRIPTION_LENGTH, MAX_SKILLS_PER_ITEM
from coapp.domain.resume_variants import MAX_VARIANT_NAME, RESUME_SECTIONS
from coapp.domain.skills import MAX_YEARS

# The devices derive these ids (coapp.models.profile.singleton_id); equal on every device and in
# every account, which is why the server keys these rows by account too.
_PROFILE_NAMESPACE = uuid.UUID("6f1d3c52-9b7e-4f0a-8c2d-5e4b3a291807")
PROFILE_ROW_ID = uuid.uuid5(_PROFILE_NAMESPACE, "profile")
BUSINESS_ROW_ID = uuid.uuid5(_PROFILE_NAMESPACE, "business_details")

RATE_MINOR_MAX = 10**10  # coapp.domain.profile.MAX_RATE in the minor units of a 3-decimal currency
POSITION_MAX = 100_000
SKILL_NAME_MAX_LENGTH = 60
VARIANT_EXPERIENCES_MAX = 200  # 500 such variants in one push stay within its JSON shape limits
TEXT_VERSIONS_KEPT = 20  # previous values kept per long-text field (the server drops older ones)
# The long texts whose previous values the server keeps: entity -> field.
LONG_TEXTS: dict[str, str] = {
    "profile": "letter",
    "profile_experience": "description",
    "profile_award": "description",
    "profile_portfolio_item": "description",
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _storable(text: str) -> str:
    # A NUL ends a string in PostgreSQL, a lone surrogate cannot be encoded: neither can be stored.
    if "\x00" in text:
        raise ValueError("holds a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("holds characters that cannot be stored") from None
    return text


def _url(text: str) -> str:
    if not text:
        return text
    if _CONTROL.search(text) or " " in text:
        raise ValueError("a web address has no spaces or control characters")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("a web address starts with http:// or https:// and names a host")
    return text


def _display_name(text: str) -> str:
    if _CONTROL.search(text) or "/" in text or "\\" in text or text in (".", ".."):
        raise ValueError("a file name to show has no path separators or control characters")
    return text


_Storable = AfterValidator(_storable)
Line16 = Annotated[str, StringConstraints(max_length=16), _Storable]
Line30 = Annotated[str, StringConstraints(max_length=30), _Storable]
Line32 = Annotated[str, StringConstraints(max_length=32), _Storable]
Line40 = Annotated[str, StringConstraints(max_length=40), _Storable]
Line100 = Annotated[str, StringConstraints(max_length=100), _Storable]
Line200 = Annotated[str, StringConstraints(max_length=200), _Storable]
Line254 = Annotated[str, StringConstraints(max_length=254), _Storable]
Required60 = Annotated[str, StringConstraints(min_length=1, max_length=60), _Storable]
Required200 = Annotated[str, StringConstraints(min_length=1, max_length=200), _Storable]
VariantName = Annotated[str, StringConstraints(min_length=1, max_length=MAX_VARIANT_NAME), _Storable]
NumberFormat = Annotated[str, StringConstraints(min_length=1, max_length=40), _Storable]
ExperienceId = Annotated[str, StringConstraints(min_length=1, max_length=36), _Storable]
SkillName = Annotated[str, StringConstraints(min_length=1, max_length=SKILL_NAME_MAX_LENGTH), _Storable]
Letter = Annotated[str, StringConstraints(max_length=MAX_LETTER_LENGTH), _Storable]
Description = Annotated[str, StringConstraints(max_length=MAX_DESCRIPTION_LENGTH), _Storable]
Url = Annotated[str, StringConstraints(max_length=MAX_URL_LENGTH), AfterValidator(_url)]
RequiredUrl = Annotated[str, StringConstraints(min_length=1, max_length=MAX_URL_LENGTH), AfterValidator(_url)]
Month = Annotated[str, StringConstraints(pattern=r"^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Country = Annotated[str, StringConstraints(pattern=r"^([A-Z]{2})?$")]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
RateMinor = Annotated[int, Field(ge=0, le=RATE_MINOR_MAX)]
Position = Annotated[int, Field(ge=0, le=POSITION_MAX)]
FileName = Annotated[str, StringConstraints(max_length=200), _Storable, AfterValidator(_display_name)]
ContentType = Annotated[
    str, StringConstraints(max_length=100, pattern=r"^([A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+)?$")
]

# Spelled out for the type checker; tests hold them equal to coapp.domain's tuples.
LanguageLevel = Literal["A1", "A2", "B1", "B2", "C1", "C2", "native"]
ResumeSection = Literal[
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
]
ResumeLanguage = Literal["sv", "en"]
ResumeLook = Literal["classic", "modern"]


class _Row(BaseModel):
    id: uuid.UUID
    version: int
    deleted_at: datetime | None = None


class _Item(_Row):
    position: Position = Field(description="the item's place in the user's order, 0 first")


class ProfileRecord(_Row):
    """The account's one profile (id PROFILE_ROW_ID)."""

    entity: Literal["profile"] = "profile"
    name: Line200
    title: Line200
    email: Line254
    phone: Line30
    city: Line100
    country: Country
    available_from: date | None
    availability_percent: Annotated[int, Field(ge=1, le=100)] | None
    hourly_rate_minor: RateMinor | None
    daily_rate_minor: RateMinor | None
    currency: Currency
    letter: Letter = Field(description="Markdown; earlier values at /v1/profile/text-versions/{id}")
    photo_sha256: Sha256 | None = Field(description="the photo file's SHA-256, never a file name")


class ProfileLanguageRecord(_Item):
    entity: Literal["profile_language"] = "profile_language"
    language: Required60
    level: LanguageLevel


class ProfileLinkRecord(_Item):
    entity: Literal["profile_link"] = "profile_link"
    url: RequiredUrl


class ProfileSkillRecord(_Item):
    entity: Literal["profile_skill"] = "profile_skill"
    name: SkillName
    level: Annotated[int, Field(ge=1, le=5)] | None
    years: Annotated[int, Field(ge=0, le=MAX_YEARS)] | None


class ProfileExperienceRecord(_Item):
    entity: Literal["profile_experience"] = "profile_experience"
    organisation: Required200
    role: Required200
    start_month: Month
    end_month: Month | None = Field(description="not before start_month; none while is_current")
    is_current: bool
    description: Description
    skills: list[SkillName] = Field(max_length=MAX_SKILLS_PER_ITEM)


class ProfileEducationRecord(_Item):
    entity: Literal["profile_education"] = "profile_education"
    school: Required200
    degree: Line200
    field_of_study: Line200
    start_month: Month
    end_month: Month | None


class ProfileCertificateRecord(_Item):
    entity: Literal["profile_certificate"] = "profile_certificate"
    name: Required200
    issuer: Line200
    issued: Month | None
    expires: Month | None
    url: Url


class ProfileAwardRecord(_Item):
    entity: Literal["profile_award"] = "profile_award"
    title: Required200
    issuer: Line200
    awarded: Month | None
    description: Description


class ProfileReferenceRecord(_Item):
    entity: Literal["profile_reference"] = "profile_reference"
    name: Required200
    relation: Line200
    contact: Line200


class ProfilePortfolioItemRecord(_Item):
    entity: Literal["profile_portfolio_item"] = "profile_portfolio_item"
    title: Required200
    url: Url
    description: Description
    file_sha256: Sha256 | None
    file_name: FileName = Field(description="shown to people only; never used as a path")
    file_size: Annotated[int, Field(ge=0, le=2**53)] | None
    content_type: ContentType


class ResumeVariantRecord(_Row):
    entity: Literal["resume_variant"] = "resume_variant"
    name: VariantName
    sections: list[ResumeSection] = Field(max_length=len(RESUME_SECTIONS))
    experience_ids: list[ExperienceId] | None = Field(
        max_length=VARIANT_EXPERIENCES_MAX, description="the jobs shown; null: every job"
    )
    language: ResumeLanguage
    look: ResumeLook


class BusinessDetailsRecord(_Row):
    """The account's invoicing identity (id BUSINESS_ROW_ID). The logo stays on the device."""

    entity: Literal["business_details"] = "business_details"
    name: Line200
    company_form: Literal["sole_trader", "limited"]
    address: Line200
    postcode: Line16
    city: Line100
    country: Country
    org_number: Line32
    vat_number: Line32
    f_skatt: bool
    registered_office: Line100
    bankgiro: Line16
    plusgiro: Line16
    iban: Line40
    bic: Line16
    payment_terms_days: Annotated[int, Field(ge=0, le=120)]
    invoice_language: Literal["sv", "en"]
    email: Line200
    invoice_number_format: NumberFormat = Field(
        description="the invoice number series' format, e.g. {year}-{seq:04d}"
    )


ProfileEntityRecord = (
    ProfileRecord
    | ProfileLanguageRecord
    | ProfileLinkRecord
    | ProfileSkillRecord
    | ProfileExperienceRecord
    | ProfileEducationRecord
    | ProfileCertificateRecord
    | ProfileAwardRecord
    | ProfileReferenceRecord
    | ProfilePortfolioItemRecord
    | ResumeVariantRecord
    | BusinessDetailsRecord
)

# entity name -> record class, in the order a full resend sends them.
PROFILE_RECORDS: dict[str, type[_Row]] = {
    record.model_fields["entity"].default: record
    for record in (
        ProfileRecord,
        ProfileLanguageRecord,
        ProfileLinkRecord,
        ProfileSkillRecord,
        ProfileExperienceRecord,
        ProfileEducationRecord,
        ProfileCertificateRecord,
        ProfileAwardRecord,
        ProfileReferenceRecord,
        ProfilePortfolioItemRecord,
        ResumeVariantRecord,
        BusinessDetailsRecord,
    )
}
# Sets: a member's id comes from its normalised key, and adding it again revives its tombstone.
SET_ENTITIES = frozenset({"profile_language", "profile_link", "profile_skill"})
# One row per account with a fixed id.
SINGLETON_IDS: dict[str, uuid.UUID] = {"profile": PROFILE_ROW_ID, "business_details": BUSINESS_ROW_ID}
_BOOKKEEPING = {"id", "version", "deleted_at", "entity"}


def record_fields(entity: str) -> tuple[str, ...]:
    """The fields a push op of this entity may carry."""
    return tuple(k for k in PROFILE_RECORDS[entity].model_fields if k not in _BOOKKEEPING)


class TextVersion(BaseModel):
    """A long text as it was before a push replaced it."""

    version: int = Field(description="the version that had written this text")
    replaced_at: datetime
    text: str
