"""Which local tables sync as which wire entity, and what of them travels.

Invoices are not pushed as rows: confirming and crediting are commands the server decides
(coapp.sync.invoice_commands). Their outbox records (drafts and lines) stay local and are dropped at push.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Date

from coapp.domain.errors import ValidationError
from coapp.domain.skills import canonical_skill, skill_key
from coapp.models import (
    ApplicationEventRow,
    ApplicationRow,
    AssignmentRow,
    BusinessDetails,
    ConsentRow,
    Contract,
    ContractFeedback,
    ContractMilestone,
    ContractReview,
    Favourite,
    InterviewRow,
    MessageRow,
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
    ResumeVariant,
    RunningTimer,
    SyncMixin,
    TimeEntry,
)
from coapp.models.contracts import PLATFORM_TERMS

# Columns the client never pushes: the server sets invoice_id by confirming (a push of it is
# refused), the op kind carries deletion, and a contract's origin is the server's to decide.
_NOT_PUSHED = {"invoice_id", "deleted_at", "origin"}
# Bookkeeping of this replica, never a record's field.
_META_COLUMNS = {"id", "server_version", "dirty", "updated_at"}


@dataclass(frozen=True)
class SyncedEntity:
    name: str
    model: type[SyncMixin]
    # Columns holding a JSON list as text (a job's skills): a list on the wire.
    json_lists: frozenset[str] = field(default=frozenset())
    # Columns that never leave this device, and that a server record never sets (a logo's path).
    device_only: frozenset[str] = field(default=frozenset())
    # The platform's rows (assignments): pulled, never pushed, and never sent again after the
    # platform was restored from a backup (it restores them itself).
    pull_only: bool = False
    # JSON lists of skill names as someone else typed them (an agent's "k8s"): kept under their usual
    # names (Kubernetes), which matching, the search index and the list compare and show.
    skill_lists: frozenset[str] = field(default=frozenset())
    # When set, the only fields a push carries (a message: its text; the platform fills in the rest
    # and refuses any other field as invalid_field).
    pushed_fields: frozenset[str] | None = None
    # Columns only the platform writes (a contract's state and signature, issue 11): taken from the
    # feed, never pushed, whoever's the row is.
    pulled_fields: frozenset[str] = field(default=frozenset())

    @cached_property
    def _column_keys(self) -> tuple[str, ...]:
        # Asked once per row of every page: worked out once per entity.
        table = self.model.__table__  # type: ignore[attr-defined]
        skip = _META_COLUMNS | self.device_only
        return tuple(c.key for c in table.columns if c.key not in skip)

    def columns(self) -> set[str]:
        return set(self._column_keys)

    @cached_property
    def _insert_defaults(self) -> dict[str, Any]:
        """Non-null columns with a constant default: a new row's outbox record is written before
        the INSERT applies these, so it holds None where the stored row has the default."""
        table = self.model.__table__  # type: ignore[attr-defined]
        return {
            c.key: c.default.arg
            for c in table.columns
            if not c.nullable and c.default is not None and c.default.is_scalar
        }

    def pushable(self, fields: dict[str, Any]) -> dict[str, Any]:
        skip = _NOT_PUSHED | self.device_only | self.pulled_fields
        out = {k: v for k, v in fields.items() if k not in skip}
        if self.pushed_fields is not None:
            return {k: v for k, v in out.items() if k in self.pushed_fields}
        for key, value in self._insert_defaults.items():
            if key not in skip and out.get(key, value) is None:
                out[key] = value
        for key in self.json_lists & out.keys():
            if isinstance(out[key], str):
                out[key] = json.loads(out[key])
        return out

    def local_values(self, record: dict[str, Any]) -> dict[str, Any]:
        """A server record (pydantic dump, python mode) as this table's column values."""
        return {key: self._local(key, record[key]) for key in self._column_keys if key in record}

    def record_values(self, record: BaseModel) -> dict[str, Any]:
        """``local_values(dict(record))`` without copying the record first (a first sync makes
        tens of thousands of these): the fields both the wire model and the table have."""
        return {key: self._local(key, getattr(record, key)) for key in self._shared_keys(type(record))}

    @cached_property
    def _date_columns(self) -> frozenset[str]:
        table = self.model.__table__  # type: ignore[attr-defined]
        return frozenset(c.key for c in table.columns if isinstance(c.type, Date))

    def _local(self, key: str, value: Any) -> Any:
        if key in self.json_lists and isinstance(value, list):
            if key in self.skill_lists:
                value = usual_skill_names(value)
            # As the services write them (coapp.services.profile_rows, resume_variants).
            return json.dumps(value, ensure_ascii=False)
        if key in self._date_columns and isinstance(value, str):
            # A server row kept as JSON (a refused change's platform copy) holds dates as text.
            return date.fromisoformat(value)
        return _local(value)

    def _shared_keys(self, model: type[BaseModel]) -> tuple[str, ...]:
        keys = self._shared.get(model)
        if keys is None:
            keys = self._shared[model] = tuple(k for k in self._column_keys if k in model.model_fields)
        return keys

    @cached_property
    def _shared(self) -> dict[type[BaseModel], tuple[str, ...]]:
        return {}


def usual_skill_names(names: list[Any]) -> list[str]:
    """Each skill once, under its usual name; a name the vocabulary cannot take is kept as sent."""
    out: dict[str, str] = {}
    for name in names:
        text = str(name)
        with contextlib.suppress(ValidationError):
            text = canonical_skill(text)
        out.setdefault(skill_key(text) or text, text)
    return list(out.values())


def _local(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


# Order matters for a full resend after an epoch change: contracts before what refers to them, the
# jobs before the resume variants that name them.
ENTITIES: dict[str, SyncedEntity] = {
    e.name: e
    for e in (
        SyncedEntity("contract", Contract, pulled_fields=PLATFORM_TERMS),
        SyncedEntity("time_entry", TimeEntry),
        SyncedEntity("running_timer", RunningTimer),
        SyncedEntity("profile", Profile),
        SyncedEntity("profile_language", ProfileLanguage),
        SyncedEntity("profile_link", ProfileLink),
        SyncedEntity("profile_skill", ProfileSkill),
        SyncedEntity("profile_experience", ProfileExperience, json_lists=frozenset({"skills"})),
        SyncedEntity("profile_education", ProfileEducation),
        SyncedEntity("profile_certificate", ProfileCertificate),
        SyncedEntity("profile_award", ProfileAward),
        SyncedEntity("profile_reference", ProfileReference),
        SyncedEntity("profile_portfolio_item", ProfilePortfolioItem),
        SyncedEntity("resume_variant", ResumeVariant, json_lists=frozenset({"sections", "experience_ids"})),
        # The logo is a file on this device: its path means nothing elsewhere and is never taken
        # from the platform.
        SyncedEntity("business_details", BusinessDetails, device_only=frozenset({"logo_path"})),
        # Issue 10. The search index's key is this device's own numbering.
        SyncedEntity(
            "assignment",
            AssignmentRow,
            json_lists=frozenset({"skills", "must_have", "nice_to_have"}),
            skill_lists=frozenset({"skills", "must_have", "nice_to_have"}),
            device_only=frozenset({"search_key"}),
            pull_only=True,
        ),
        SyncedEntity("favourite", Favourite),
        # Applications and their consent move by command (coapp.sync.application_commands); the
        # platform's copies arrive by the feed. The consent's list of shared sections and jobs is
        # this device's record of what the freelancer agreed to (the platform keeps the digest).
        SyncedEntity("application", ApplicationRow, pull_only=True),
        SyncedEntity("application_event", ApplicationEventRow, pull_only=True),
        SyncedEntity("interview", InterviewRow, pull_only=True),
        SyncedEntity(
            "consent",
            ConsentRow,
            pull_only=True,
            device_only=frozenset({"shared_sections", "shared_jobs", "given_here"}),
        ),
        SyncedEntity("message", MessageRow, pushed_fields=frozenset({"text"})),
        # Issue 11: a contract's milestones (the agent's terms), the feedback on the freelancer's
        # work and the reviews (written by an online call, coapp.sync.contract_calls): the platform's.
        SyncedEntity("contract_milestone", ContractMilestone, pull_only=True),
        SyncedEntity("contract_feedback", ContractFeedback, pull_only=True),
        SyncedEntity("contract_review", ContractReview, pull_only=True),
    )
}
# The entities whose outbox records are pushed as rows.
PUSHED = [name for name, entity in ENTITIES.items() if not entity.pull_only]

# Outbox entities that never travel as rows: invoices go by command (see the module docstring), and
# a pull-only entity's record could only come from a bug (the platform would refuse it).
LOCAL_ONLY = {"invoice", "invoice_line", *(name for name, e in ENTITIES.items() if e.pull_only)}


def wire_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def all_fields(row: SyncMixin, entity: SyncedEntity) -> dict[str, Any]:
    """Every pushable column of a row, as the outbox would have written it for a new row."""
    return entity.pushable({key: wire_value(getattr(row, key)) for key in entity.columns()})
