"""Platform contracts and their milestones, feedback and reviews put in a store the way the feed
applies them (coapp.sync.pull.apply_row, `applying_remote`), for the services' and CLI's tests."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, date, datetime
from typing import Any

from coapp.app.context import AppContext
from coapp.sync.entities import ENTITIES
from coapp.sync.pull import apply_row
from coapp.sync.wire import ContractRecord, FeedbackRecord, MilestoneRecord, ReviewRecord

AT = datetime(2026, 4, 20, 9, 0, tzinfo=UTC)
_versions = itertools.count(100)


def _put(ctx: AppContext, entity: str, record: Any) -> None:
    with ctx.store.write() as s:
        s.info["applying_remote"] = True
        try:
            apply_row(s, ENTITIES[entity], record.model_dump(), record.version)
            s.flush()
        finally:
            s.info["applying_remote"] = False


def put_contract(ctx: AppContext, contract_id: str | None = None, **terms: Any) -> str:
    """A platform contract (hourly, SEK 1,000/h, 10 % commission, active) unless *terms* say otherwise."""
    values: dict[str, Any] = {
        "id": contract_id or str(uuid.uuid4()),
        "title": "Ledger rewrite",
        "client_name": "Kund AB",
        "fee_model": "hourly",
        "rate_minor": 100_000,
        "currency": "SEK",
        "commission_bp": 1000,
        "start_date": date(2026, 1, 1),
        "end_date": date(2026, 12, 31),
        "minutes_per_day": 480,
        "rounding_rule": "none",
        "version": next(_versions),
        "state": "active",
        "terms_version": 1,
        "scope": "Rewrite the ledger.",
        "payment_terms_days": 20,
        "offered_at": AT,
        "signed_at": AT,
        "signed_name": "Anna Lindqvist",
        "signed_terms_version": 1,
        **terms,
    }
    _put(ctx, "contract", ContractRecord.model_validate(values))
    return str(values["id"])


def put_milestone(
    ctx: AppContext, contract_id: str, title: str, amount_minor: int, state: str, **more: Any
) -> str:
    record = MilestoneRecord.model_validate(
        {
            "id": str(uuid.uuid4()),
            "contract_id": contract_id,
            "title": title,
            "amount_minor": amount_minor,
            "due_date": date(2026, 6, 1),
            "state": state,
            "state_changed_at": AT,
            "version": next(_versions),
            **more,
        }
    )
    _put(ctx, "contract_milestone", record)
    return str(record.id)


def put_feedback(ctx: AppContext, contract_id: str, scores: tuple[int, int, int, int], **more: Any) -> str:
    q, c, d, e = scores
    record = FeedbackRecord.model_validate(
        {
            "id": str(uuid.uuid4()),
            "contract_id": contract_id,
            "author_role": "agent",
            "author_name": "Sara Agent",
            "quality": q,
            "communication": c,
            "delivery": d,
            "expertise": e,
            "overall_x100": (q + c + d + e) * 25,
            "comment": "",
            "given_at": AT,
            "version": next(_versions),
            **more,
        }
    )
    _put(ctx, "contract_feedback", record)
    return str(record.id)


def put_review(ctx: AppContext, contract_id: str, author: str, score: int, text: str) -> str:
    record = ReviewRecord.model_validate(
        {
            "id": str(uuid.uuid4()),
            "contract_id": contract_id,
            "author": author,
            "score": score,
            "text": text,
            "submitted_at": AT,
            "version": next(_versions),
        }
    )
    _put(ctx, "contract_review", record)
    return str(record.id)
