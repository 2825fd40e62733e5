"""seed-demo's contracts (issue 11): contracts offered, active and ended, with the client's account,
signatures, feedback, paid milestones and both reviews; seeding again adds nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import select

from coapp.domain.feedback import FeedbackScores
from coserver.contract_models import ContractTermsRow, FeedbackRow, MilestoneRow, ReviewRow
from coserver.db import make_engine, make_session_factory
from coserver.models import ContractRow
from coserver.seed import seed_demo


def _rows(url: str) -> dict[str, list[tuple[str, int]]]:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            tables = (ContractRow, FeedbackRow, MilestoneRow, ReviewRow)
            return {
                t.__tablename__: sorted((str(r.id), r.version) for r in session.execute(select(t)).scalars())
                for t in tables
            }
    finally:
        engine.dispose()


def test_seed_demo_makes_contracts_in_several_states_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    accounts = seed_demo(url)
    first = _rows(url)
    seed_demo(url)
    assert _rows(url) == first  # nothing added or changed the second time
    client = next(a for a in accounts if a["role"] == "client")
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            contracts = list(session.execute(select(ContractRow)).scalars())
            assert Counter(c.state for c in contracts) == {"active": 2, "ended": 1, "offered": 1}
            for contract in contracts:
                assert contract.origin == "platform"
                if contract.state != "offered":
                    assert str(contract.client_account_id) == client["id"]
                    assert contract.signed_at is not None
                    assert contract.signed_name
                    terms = session.get(ContractTermsRow, (contract.id, contract.signed_terms_version))
                    assert terms is not None
            [offer] = [c for c in contracts if c.state == "offered"]
            assert (offer.client_name, offer.currency, offer.signed_at) == ("Lumiportti Oy", "EUR", None)
            [ended] = [c for c in contracts if c.state == "ended"]
            assert ended.fee_model == "fixed"
            milestones = list(session.execute(select(MilestoneRow)).scalars())
            assert {m.contract_id for m in milestones} == {ended.id}
            assert {m.state for m in milestones} == {"paid"}
            reviews = list(session.execute(select(ReviewRow)).scalars())
            assert sorted(r.author for r in reviews) == ["client", "freelancer"]
            assert all(r.revealed_at is not None and r.contract_id == ended.id for r in reviews)
            feedback = list(session.execute(select(FeedbackRow)).scalars())
            assert {f.author_role for f in feedback} == {"client", "agent"}
            assert len({f.contract_id for f in feedback}) == 2
            for item in feedback:
                FeedbackScores(item.quality, item.communication, item.delivery, item.expertise)
    finally:
        engine.dispose()
