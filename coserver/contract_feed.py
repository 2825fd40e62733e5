"""Issue 11's entities in the change feed and the summary (coserver.feed merges them in): the
freelancer's contract milestones, the feedback on their work, and the reviews of their contracts.

They travel only to clients that ask `with_contracts`, like the profile's and issue 10's. So does a
contract offer that was never signed: a client built before contracts had a state would take an
offer for a contract in force and let time be reported on it.

The reveal rule holds here as in every answer: the client's review of the freelancer is in the
freelancer's feed (and counted in the summary) only once `revealed_at` is set, which is a write with a
new version (coserver.reviews.reveal_due runs before the feed is read); the freelancer's own review is
theirs from the start.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, and_, not_, or_, select
from sqlalchemy.orm import Session

from coapp.sync.wire import (
    Change,
    ContractFeedbackChange,
    ContractMilestoneChange,
    ContractReviewChange,
    Entity,
    EntitySummary,
    id_version_digest,
)
from coserver.context import ServerContext
from coserver.contract_life import milestone_record, settle_all
from coserver.contract_models import FeedbackRow, MilestoneRow, ReviewRow
from coserver.feedback import feedback_record
from coserver.models import ContractRow
from coserver.reviews import reveal_due, review_record


def unsigned_offer() -> ColumnElement[bool]:
    """A contract the platform offered that was never signed (offered, or withdrawn as an offer)."""
    return and_(ContractRow.offered_at.is_not(None), ContractRow.signed_at.is_(None))


def older_clients_see() -> ColumnElement[bool]:
    return not_(unsigned_offer())


def _readable_reviews() -> ColumnElement[bool]:
    return or_(ReviewRow.author == "freelancer", ReviewRow.revealed_at.is_not(None))


# Per entity: the table, an extra condition on what the freelancer may read, and the change.
_ENTITIES: tuple[
    tuple[Entity, Any, Callable[[], ColumnElement[bool]] | None, Callable[[Any], Change]], ...
] = (
    (
        Entity.CONTRACT_MILESTONE,
        MilestoneRow,
        None,
        lambda r: ContractMilestoneChange(version=r.version, row=milestone_record(r)),
    ),
    (
        Entity.CONTRACT_FEEDBACK,
        FeedbackRow,
        None,
        lambda r: ContractFeedbackChange(version=r.version, row=feedback_record(r)),
    ),
    (
        Entity.CONTRACT_REVIEW,
        ReviewRow,
        _readable_reviews,
        lambda r: ContractReviewChange(version=r.version, row=review_record(r)),
    ),
)


def prepare(ctx: ServerContext) -> None:
    """The calendar's writes before a read: contracts' due moves, then reviews due to show."""
    settle_all(ctx)
    reveal_due(ctx)


def contract_changes(
    session: Session, account_id: uuid.UUID, after: int, newest: int, limit: int
) -> list[Change]:
    """The account's milestones, feedback and readable reviews written after *after*, at most
    limit + 1 of each."""
    changes: list[Change] = []
    for _, table, readable, to_change in _ENTITIES:
        query = select(table).where(
            table.account_id == account_id, table.version > after, table.version <= newest
        )
        if readable is not None:
            query = query.where(readable())
        rows = session.execute(query.order_by(table.version).limit(limit + 1)).scalars()
        changes += [to_change(row) for row in rows]
    return changes


def contract_summaries(session: Session, account_id: uuid.UUID) -> dict[Entity, EntitySummary]:
    found: dict[Entity, EntitySummary] = {}
    for entity, table, readable, _ in _ENTITIES:
        query = select(table.id, table.version).where(table.account_id == account_id)
        if hasattr(table, "deleted_at"):
            query = query.where(table.deleted_at.is_(None))
        if readable is not None:
            query = query.where(readable())
        pairs = [(row_id, version) for row_id, version in session.execute(query).all()]
        found[entity] = EntitySummary(count=len(pairs), digest=id_version_digest(pairs))
    return found
