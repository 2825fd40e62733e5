"""Mutual reviews after a contract (issue 11; rules: coapp.domain.reviews).

The freelancer reviews the client and the client's account reviews the freelancer, each once, when
the contract has ended (or was terminated after it was signed); a second review is 409
`already_reviewed`, also from two requests at once (a unique index per contract and author).

The reveal rule is the server's: a review becomes readable by the other party when both are in or
14 days after the contract's last day (`ended_on`). That moment is stored (`revealed_at`, a write with
a new version), so every answer and the change feed agree on it: before it the other party's review
is in no answer (`theirs` is null whether it exists or not) and not in the freelancer's feed.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coapp.domain import reviews as rules
from coapp.domain.contract_states import ContractState
from coapp.domain.errors import ValidationError
from coapp.domain.reviews import ReviewAuthor, ReviewRefused
from coapp.sync.wire import Account, ReviewRecord, ReviewRequest, ReviewsView, Role
from coserver.context import ServerContext
from coserver.contract_life import locked, party_role, refusal, settle, visible
from coserver.contract_models import ReviewRow
from coserver.db import next_version, transaction
from coserver.errors import ApiError
from coserver.models import ContractRow

REVEAL_BATCH = 500


def review_record(row: ReviewRow) -> ReviewRecord:
    return ReviewRecord(
        id=row.id,
        contract_id=row.contract_id,
        author=row.author,  # type: ignore[arg-type]  # checked by the table
        score=row.score,
        text=row.text,
        submitted_at=row.submitted_at,
        version=row.version,
    )


def _reviews(session: Session, contract_id: uuid.UUID) -> dict[ReviewAuthor, ReviewRow]:
    rows = session.execute(select(ReviewRow).where(ReviewRow.contract_id == contract_id)).scalars()
    return {ReviewAuthor(row.author): row for row in rows}


def _reveal(session: Session, contract: ContractRow, now: datetime) -> None:
    """Mark the contract's reviews readable by the other party once the rule allows."""
    found = _reviews(session, contract.id)
    both = len(found) == 2
    if not rules.revealed(both, contract.ended_on, now.date()):
        return
    for row in found.values():
        if row.revealed_at is None:
            row.revealed_at = now
            row.version = next_version(session)
    session.flush()


def reveal_due(ctx: ServerContext) -> None:
    """Before the feed: reviews whose 14 days have passed become readable (a write, new versions)."""
    now = ctx.now()
    cutoff = now.date() - rules.REVEAL_AFTER
    due = (
        select(ContractRow.id)
        .join(ReviewRow, ReviewRow.contract_id == ContractRow.id)
        .where(ReviewRow.revealed_at.is_(None), ContractRow.ended_on <= cutoff)
        .limit(REVEAL_BATCH)
    )
    with ctx.sessions() as session:
        if session.execute(due).first() is None:
            return
    with transaction(ctx.sessions) as session:
        for contract in session.execute(select(ContractRow).where(ContractRow.id.in_(due))).scalars():
            _reveal(session, contract, now)


def _author(role: Role) -> ReviewAuthor:
    return ReviewAuthor.FREELANCER if role is Role.FREELANCER else ReviewAuthor.CLIENT


def _view(session: Session, contract: ContractRow, author: ReviewAuthor) -> ReviewsView:
    found = _reviews(session, contract.id)
    mine = found.get(author)
    theirs = found.get(author.other)
    return ReviewsView(
        contract_id=contract.id,
        mine=review_record(mine) if mine is not None else None,
        # The rule, stored: unrevealed, the other party's review is not in this answer at all.
        theirs=review_record(theirs) if theirs is not None and theirs.revealed_at is not None else None,
        reveal_on=rules.reveal_on(contract.ended_on) if contract.ended_on is not None else None,
    )


def write(
    ctx: ServerContext, session: Session, caller: Account, contract_id: uuid.UUID, body: ReviewRequest
) -> ReviewsView:
    """`POST /v1/contracts/{id}/review` by the freelancer or the client; answers what they may see."""
    contract = locked(session, caller, contract_id, Role.FREELANCER, Role.CLIENT)
    now = ctx.now()
    settle(session, contract, now)
    try:
        score = rules.check_score(body.score)
        text = rules.check_text(body.text)
    except ValidationError as exc:
        field = str(exc).split(":", 1)[0]
        raise ApiError(422, "invalid_field", str(exc), field=field) from None
    role = party_role(session, caller, contract)
    assert role is not None
    author = _author(role)
    try:
        rules.check_reviews_open(ContractState(contract.state), contract.signed_at is not None)
    except ReviewRefused as exc:
        raise refusal(exc, "reviews_closed") from None
    try:
        rules.check_not_submitted(author in _reviews(session, contract.id))
    except ReviewRefused as exc:
        raise refusal(exc, "already_reviewed") from None
    savepoint = session.begin_nested()
    try:
        session.add(
            ReviewRow(
                id=uuid.uuid4(),
                account_id=contract.freelancer_id,
                contract_id=contract.id,
                author=author.value,
                author_id=caller.id,
                score=score,
                text=text,
                submitted_at=now,
                version=next_version(session),
            )
        )
        session.flush()
        savepoint.commit()
    except IntegrityError:
        savepoint.rollback()
        raise refused_twice() from None
    _reveal(session, contract, now)
    return _view(session, contract, author)


def refused_twice() -> ApiError:
    return ApiError(409, "already_reviewed", "Your review of this contract is submitted already.")


def read(ctx: ServerContext, caller: Account, contract_id: uuid.UUID) -> ReviewsView:
    """`GET /v1/contracts/{id}/reviews`: one's own review, and the other's once revealed."""
    with transaction(ctx.sessions) as session:
        contract = visible(session, caller, contract_id, Role.FREELANCER, Role.CLIENT)
        now = ctx.now()
        settle(session, contract, now)
        _reveal(session, contract, now)
        role = party_role(session, caller, contract)
        assert role is not None
        return _view(session, contract, _author(role))
