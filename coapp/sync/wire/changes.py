"""The change feed and the replica summary: pages of changes of every entity, and their digest."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    Field,
    model_validator,
)

from coapp.sync.wire.applications import (
    ApplicationEventRecord,
    ApplicationRecord,
    ConsentRecord,
    FavouriteRecord,
    InterviewRecord,
    MessageRecord,
)
from coapp.sync.wire.assignments import AssignmentRecord
from coapp.sync.wire.contract_terms import FeedbackRecord, MilestoneRecord, ReviewRecord
from coapp.sync.wire.invoices import InvoiceRecord
from coapp.sync.wire.profile import (
    BusinessDetailsRecord,
    ProfileAwardRecord,
    ProfileCertificateRecord,
    ProfileEducationRecord,
    ProfileExperienceRecord,
    ProfileLanguageRecord,
    ProfileLinkRecord,
    ProfilePortfolioItemRecord,
    ProfileRecord,
    ProfileReferenceRecord,
    ProfileSkillRecord,
    ResumeVariantRecord,
)
from coapp.sync.wire.sync import ContractRecord, Entity, RunningTimerRecord, TimeEntryRecord


class ContractChange(BaseModel):
    entity: Literal["contract"] = "contract"
    version: int
    row: ContractRecord


class TimeEntryChange(BaseModel):
    entity: Literal["time_entry"] = "time_entry"
    version: int
    row: TimeEntryRecord


class RunningTimerChange(BaseModel):
    entity: Literal["running_timer"] = "running_timer"
    version: int
    row: RunningTimerRecord


class InvoiceChange(BaseModel):
    entity: Literal["invoice"] = "invoice"
    version: int
    row: InvoiceRecord


class ProfileChange(BaseModel):
    entity: Literal["profile"] = "profile"
    version: int
    row: ProfileRecord


class ProfileLanguageChange(BaseModel):
    entity: Literal["profile_language"] = "profile_language"
    version: int
    row: ProfileLanguageRecord


class ProfileLinkChange(BaseModel):
    entity: Literal["profile_link"] = "profile_link"
    version: int
    row: ProfileLinkRecord


class ProfileSkillChange(BaseModel):
    entity: Literal["profile_skill"] = "profile_skill"
    version: int
    row: ProfileSkillRecord


class ProfileExperienceChange(BaseModel):
    entity: Literal["profile_experience"] = "profile_experience"
    version: int
    row: ProfileExperienceRecord


class ProfileEducationChange(BaseModel):
    entity: Literal["profile_education"] = "profile_education"
    version: int
    row: ProfileEducationRecord


class ProfileCertificateChange(BaseModel):
    entity: Literal["profile_certificate"] = "profile_certificate"
    version: int
    row: ProfileCertificateRecord


class ProfileAwardChange(BaseModel):
    entity: Literal["profile_award"] = "profile_award"
    version: int
    row: ProfileAwardRecord


class ProfileReferenceChange(BaseModel):
    entity: Literal["profile_reference"] = "profile_reference"
    version: int
    row: ProfileReferenceRecord


class ProfilePortfolioItemChange(BaseModel):
    entity: Literal["profile_portfolio_item"] = "profile_portfolio_item"
    version: int
    row: ProfilePortfolioItemRecord


class ResumeVariantChange(BaseModel):
    entity: Literal["resume_variant"] = "resume_variant"
    version: int
    row: ResumeVariantRecord


class BusinessDetailsChange(BaseModel):
    entity: Literal["business_details"] = "business_details"
    version: int
    row: BusinessDetailsRecord


class AssignmentChange(BaseModel):
    entity: Literal["assignment"] = "assignment"
    version: int
    row: AssignmentRecord


class FavouriteChange(BaseModel):
    entity: Literal["favourite"] = "favourite"
    version: int
    row: FavouriteRecord


class ApplicationChange(BaseModel):
    entity: Literal["application"] = "application"
    version: int
    row: ApplicationRecord


class ApplicationEventChange(BaseModel):
    entity: Literal["application_event"] = "application_event"
    version: int
    row: ApplicationEventRecord


class InterviewChange(BaseModel):
    entity: Literal["interview"] = "interview"
    version: int
    row: InterviewRecord


class ConsentChange(BaseModel):
    entity: Literal["consent"] = "consent"
    version: int
    row: ConsentRecord


class MessageChange(BaseModel):
    entity: Literal["message"] = "message"
    version: int
    row: MessageRecord


class ContractMilestoneChange(BaseModel):
    entity: Literal["contract_milestone"] = "contract_milestone"
    version: int
    row: MilestoneRecord


class ContractFeedbackChange(BaseModel):
    entity: Literal["contract_feedback"] = "contract_feedback"
    version: int
    row: FeedbackRecord


class ContractReviewChange(BaseModel):
    entity: Literal["contract_review"] = "contract_review"
    version: int
    row: ReviewRecord


Change = Annotated[
    ContractChange
    | TimeEntryChange
    | RunningTimerChange
    | InvoiceChange
    | ProfileChange
    | ProfileLanguageChange
    | ProfileLinkChange
    | ProfileSkillChange
    | ProfileExperienceChange
    | ProfileEducationChange
    | ProfileCertificateChange
    | ProfileAwardChange
    | ProfileReferenceChange
    | ProfilePortfolioItemChange
    | ResumeVariantChange
    | BusinessDetailsChange
    | AssignmentChange
    | FavouriteChange
    | ApplicationChange
    | ApplicationEventChange
    | InterviewChange
    | ConsentChange
    | MessageChange
    | ContractMilestoneChange
    | ContractFeedbackChange
    | ContractReviewChange,
    Field(discriminator="entity"),
]
# The profile's entities: entity name -> its change class (the server builds its feed with these).
PROFILE_CHANGES: dict[str, type[BaseModel]] = {
    str(change.model_fields["entity"].default): change
    for change in (
        ProfileChange,
        ProfileLanguageChange,
        ProfileLinkChange,
        ProfileSkillChange,
        ProfileExperienceChange,
        ProfileEducationChange,
        ProfileCertificateChange,
        ProfileAwardChange,
        ProfileReferenceChange,
        ProfilePortfolioItemChange,
        ResumeVariantChange,
        BusinessDetailsChange,
    )
}
# What this client knows; a newer server's other entities are left out when a page or summary is read.
_KNOWN_ENTITIES = frozenset(e.value for e in Entity)


def _known_only(changes: Any) -> Any:
    if not isinstance(changes, list):
        return changes
    return [c for c in changes if not isinstance(c, dict) or c.get("entity") in _KNOWN_ENTITIES]


class ChangesPage(BaseModel):
    """One page of the change feed, ordered by version. Store `cursor` in the same local transaction
    that applies the page; ask again while `has_more`."""

    changes: list[Change]
    cursor: str
    has_more: bool

    @model_validator(mode="before")
    @classmethod
    def _leave_out_unknown(cls, data: Any) -> Any:
        # Entities added after this client was built are not an error: the client keeps what it knows.
        if isinstance(data, dict) and "changes" in data:
            return {**data, "changes": _known_only(data["changes"])}
        return data


def id_version_digest(rows: Iterable[tuple[UUID | str, int]]) -> str:
    """The hash both sides compute over their live rows of one entity: SHA-256 of "id:version" lines
    sorted by id (lower-case UUID text). Equal counts and digests mean the replicas agree."""
    lines = sorted(f"{str(row_id).lower()}:{version}\n" for row_id, version in rows)
    return hashlib.sha256("".join(lines).encode()).hexdigest()


class EntitySummary(BaseModel):
    count: int = Field(description="live rows (tombstones excluded)")
    digest: str = Field(description="id_version_digest over those rows")


class SyncSummary(BaseModel):
    """`GET /v1/sync/summary`: per entity, what the account's live rows are as of `as_of`. A client
    whose cursor is at `as_of` compares; on a mismatch it resyncs that entity, never asking the user."""

    as_of: int = Field(description="the newest version when the summary was taken")
    entities: dict[Entity, EntitySummary]

    @model_validator(mode="before")
    @classmethod
    def _leave_out_unknown(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("entities"), dict):
            known = {k: v for k, v in data["entities"].items() if k in _KNOWN_ENTITIES}
            return {**data, "entities": known}
        return data
