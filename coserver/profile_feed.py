"""The profile's entities in the change feed and the summary (coserver.feed merges them in).

They travel only to clients that ask for them (`with_profile`): a client built before they existed
parses the feed with a closed list of entities and would refuse the whole page.
"""

from __future__ import annotations

import uuid
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.sync.wire import PROFILE_CHANGES, PROFILE_RECORDS, Change, Entity, EntitySummary, id_version_digest
from coserver.models import ProfileRow
from coserver.profile_sync import profile_record


def profile_change(row: ProfileRow) -> Change:
    change: Any = PROFILE_CHANGES[row.entity](version=row.version, row=profile_record(row))
    return cast(Change, change)


def profile_changes(
    session: Session, account_id: uuid.UUID, after: int, newest: int, limit: int
) -> list[Change]:
    """The account's profile rows written after *after* (up to *newest*), at most limit + 1."""
    rows = session.execute(
        select(ProfileRow)
        .where(ProfileRow.account_id == account_id, ProfileRow.version > after, ProfileRow.version <= newest)
        .order_by(ProfileRow.version)
        .limit(limit + 1)
    ).scalars()
    return [profile_change(row) for row in rows]


def profile_summaries(session: Session, account_id: uuid.UUID) -> dict[Entity, EntitySummary]:
    """Per profile entity, the count and digest of the account's live rows (every entity named)."""
    found: dict[str, list[tuple[uuid.UUID, int]]] = {name: [] for name in PROFILE_RECORDS}
    rows = session.execute(
        select(ProfileRow.entity, ProfileRow.id, ProfileRow.version).where(
            ProfileRow.account_id == account_id, ProfileRow.deleted_at.is_(None)
        )
    ).all()
    for entity, row_id, version in rows:
        found.setdefault(entity, []).append((row_id, version))
    return {
        Entity(name): EntitySummary(count=len(pairs), digest=id_version_digest(pairs))
        for name, pairs in found.items()
        if name in PROFILE_RECORDS
    }
