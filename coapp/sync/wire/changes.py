"""The change feed and the replica summary: pages of changes of every entity, and their digest."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Annotated, Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    Field,
)

from coapp.sync.wire.invoices import InvoiceRecord
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


Change = Annotated[
    ContractChange | TimeEntryChange | RunningTimerChange | InvoiceChange, Field(discriminator="entity")
]


class ChangesPage(BaseModel):
    """One page of the change feed, ordered by version. Store `cursor` in the same local transaction
    that applies the page; ask again while `has_more`."""

    changes: list[Change]
    cursor: str
    has_more: bool


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
