"""Issue 11's feed entities applied to the store: a platform contract's state and signed terms, its
milestones, feedback and reviews arrive, newer copies replace older ones, none of it is ever pushed
back, and a device whose cursor predates the contract group reads the feed again once."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select

from coapp.app.context import AppContext
from coapp.models import (
    Contract,
    ContractFeedback,
    ContractMilestone,
    ContractReview,
    OutboxRecord,
    SyncState,
)
from coapp.sync.entities import ENTITIES, LOCAL_ONLY, all_fields
from coapp.sync.pull import apply_page
from coapp.sync.wire import (
    ChangesPage,
    ContractChange,
    ContractFeedbackChange,
    ContractMilestoneChange,
    ContractRecord,
    ContractReviewChange,
    FeedbackRecord,
    MilestoneRecord,
    ReviewRecord,
)
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import freelancer
from tests.sync.devices import Device

CONTRACT = uuid.UUID("7d0c7b1e-1111-4000-8000-000000000011")
AT = datetime(2026, 4, 20, 9, 0, tzinfo=UTC)


def contract(version: int, **changes: object) -> ContractChange:
    terms: dict[str, object] = {
        "id": CONTRACT,
        "title": "Ledger rewrite",
        "client_name": "Kund AB",
        "fee_model": "fixed",
        "rate_minor": 12_000_000,
        "currency": "SEK",
        "commission_bp": 1000,
        "start_date": date(2026, 5, 1),
        "end_date": date(2026, 9, 30),
        "minutes_per_day": 480,
        "rounding_rule": "none",
        "version": version,
        "state": "offered",
        "terms_version": 2,
        "scope": "Rewrite the ledger.\n../../etc/passwd",
        "payment_terms_days": 20,
        "application_id": uuid.uuid4(),
        "offered_at": AT,
        **changes,
    }
    return ContractChange(version=version, row=ContractRecord.model_validate(terms))


def page(*changes: BaseModel, cursor: str = "e.apc.10") -> ChangesPage:
    body = {"changes": [c.model_dump() for c in changes], "cursor": cursor, "has_more": False}
    return ChangesPage.model_validate(body)


def apply(ctx: AppContext, feed: ChangesPage) -> None:
    with ctx.store.write() as s:
        state = SyncState(id=1, server_url="http://x", account_id=str(uuid.uuid4()), account_email="a@x")
        state = s.merge(state)
        apply_page(s, state, feed)


def test_contract_terms_milestones_feedback_and_reviews_are_stored(ctx: AppContext) -> None:
    milestone = MilestoneRecord(
        id=uuid.uuid4(),
        contract_id=CONTRACT,
        title="Design",
        amount_minor=4_000_000,
        due_date=date(2026, 6, 1),
        state="planned",
        state_changed_at=AT,
        version=3,
    )
    feedback = FeedbackRecord(
        id=uuid.uuid4(),
        contract_id=CONTRACT,
        author_role="agent",
        author_name="Sara Agent",
        quality=5,
        communication=4,
        delivery=4,
        expertise=5,
        overall_x100=450,
        comment="Steady work.",
        given_at=AT,
        version=4,
    )
    review = ReviewRecord(
        id=uuid.uuid4(),
        contract_id=CONTRACT,
        author="client",
        score=5,
        text="Great to work with.",
        submitted_at=AT,
        version=5,
    )
    apply(
        ctx,
        page(
            ContractMilestoneChange(version=3, row=milestone),
            contract(2),
            ContractFeedbackChange(version=4, row=feedback),
            ContractReviewChange(version=5, row=review),
        ),
    )
    signed = datetime(2026, 4, 21, 8, 0, tzinfo=UTC)
    apply(
        ctx,
        page(
            contract(6, state="signed", signed_at=signed, signed_name="Anna L", signed_terms_version=2),
            contract(2),  # an older copy again (at least once): ignored
        ),
    )
    with ctx.store.read() as s:
        row = s.get_one(Contract, str(CONTRACT))
        assert (row.state, row.terms_version, row.payment_terms_days) == ("signed", 2, 20)
        assert (row.signed_name, row.signed_terms_version, row.signed_at) == ("Anna L", 2, signed)
        assert row.scope.endswith("../../etc/passwd")  # kept as text, never a path
        assert row.server_version == 6
        [m] = s.scalars(select(ContractMilestone)).all()
        assert (m.contract_id, m.title, m.amount_minor, m.state) == (
            str(CONTRACT),
            "Design",
            4_000_000,
            "planned",
        )
        [f] = s.scalars(select(ContractFeedback)).all()
        assert (f.author_role, f.overall_x100, f.comment) == ("agent", 450, "Steady work.")
        [r] = s.scalars(select(ContractReview)).all()
        assert (r.author, r.score) == ("client", 5)
        assert s.scalars(select(OutboxRecord)).all() == []  # nothing of it goes back


def test_platform_terms_are_never_pushed_from_a_contract_of_ones_own(ctx: AppContext) -> None:
    from tests.conftest import make_contract

    made = make_contract(ctx)
    with ctx.store.read() as s:
        row = s.get_one(Contract, made.id)
        fields = all_fields(row, ENTITIES["contract"])
        [record] = s.scalars(select(OutboxRecord)).all()
    assert row.state == "active"
    for name in ("state", "terms_version", "scope", "signed_at", "payment_terms_days", "state_reason"):
        assert name not in fields
        assert name not in ENTITIES["contract"].pushable(dict(record.fields))
    assert {"contract_milestone", "contract_feedback", "contract_review"} <= LOCAL_ONLY


def test_a_cursor_from_before_contracts_reads_the_feed_again(server: LiveServer, tmp_path: Path) -> None:
    anna = freelancer(server)
    a = Device.open(tmp_path / "a")
    a.sign_in(server.url, anna.email)
    try:
        a.sync()
        with a.ctx.store.write() as s:
            state = s.get_one(SyncState, 1)
            assert state.cursor is not None
            epoch, marks, at = state.cursor.split(".")
            assert "c" in marks
            state.cursor = f"{epoch}.{marks.replace('c', '')}.{at}"  # as an older coapp left it
        report = a.sync()
        assert report.resynced == "full"
        assert a.sync().resynced == ""
    finally:
        a.close()
