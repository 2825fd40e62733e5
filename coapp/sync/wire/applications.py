"""Issue 10's records beside the assignments: favourites (pushed by the freelancer, a set keyed by
assignment). Applications, consents, interviews, messages and the agent follow in this module."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel

# A favourite's row id is derived from its assignment, so two devices that star the same
# assignment offline write the same row (a set: no duplicates, remove = tombstone, add revives).
FAVOURITE_NAMESPACE = uuid.UUID("0f4c6f3e-2b7a-5d1c-9a64-6c1b7f1e0a10")


def favourite_row_id(assignment_id: UUID) -> UUID:
    """The row id of the favourite of `assignment_id` (uuid5 of FAVOURITE_NAMESPACE and its text)."""
    return uuid.uuid5(FAVOURITE_NAMESPACE, str(assignment_id).lower())


class FavouriteRecord(BaseModel):
    """One of the freelancer's favourite assignments; a tombstone (`deleted_at`) once removed.
    Push ops carry `fields` {"assignment_id"} with row_id == favourite_row_id(assignment_id)."""

    entity: Literal["favourite"] = "favourite"
    id: UUID
    assignment_id: UUID
    version: int
    deleted_at: datetime | None = None
