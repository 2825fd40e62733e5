"""Contracts: creation rules, money kept exact, and finding one by id or title prefix."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from coapp.app.context import AppContext
from coapp.domain.contracts import FeeModel, RoundingMode, RoundingRule, RoundingScope
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.models import Contract
from tests.conftest import make_contract

from .helpers import outbox


def test_create_keeps_the_terms_exactly(ctx: AppContext) -> None:
    rule = RoundingRule(RoundingMode.UP, 15, RoundingScope.DAY)
    info = make_contract(
        ctx,
        "Daily",
        fee_model=FeeModel.DAILY,
        rate=Decimal("8500.55"),
        currency="NOK",
        commission_percent=Decimal("12.5"),
        minutes_per_day=450,
        rounding=rule,
    )
    stored = ctx.contracts.get(info.id)
    assert stored == info
    assert stored.rate == Decimal("8500.55")
    assert stored.commission_percent == Decimal("12.5")
    assert stored.rounding == rule
    assert stored.fee_model is FeeModel.DAILY
    with ctx.store.read() as s:
        row = s.get(Contract, info.id)
        assert row is not None
        assert (row.rate_minor, row.commission_bp, row.rounding_rule) == (850055, 1250, "up:15:day")
    (record,) = [r for r in outbox(ctx) if r.row_id == info.id]
    assert (record.entity, record.op) == ("contract", "upsert")
    assert record.fields["rate_minor"] == 850055


@pytest.mark.parametrize(
    ("overrides", "match"),
    [
        ({"title": "  "}, "title"),
        ({"client_name": ""}, "client"),
        ({"rate": Decimal("-1")}, "negative"),
        ({"commission_percent": Decimal("100.01")}, "commission"),
        ({"commission_percent": Decimal("-1")}, "commission"),
        ({"currency": "USD"}, "currency"),
        ({"start_date": date(2026, 5, 1), "end_date": date(2026, 4, 30)}, "ends before"),
        ({"minutes_per_day": 0}, "hours per day"),
        ({"minutes_per_day": 1441}, "hours per day"),
    ],
)
def test_bad_terms_are_refused(ctx: AppContext, overrides: dict[str, object], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        make_contract(ctx, **overrides)  # type: ignore[arg-type]
    assert ctx.contracts.all() == []


def test_all_is_ordered_and_skips_withdrawn_contracts(ctx: AppContext) -> None:
    b = make_contract(ctx, "Beta", start_date=date(2026, 2, 1))
    a = make_contract(ctx, "Alpha", start_date=date(2026, 2, 1))
    early = make_contract(ctx, "Zulu", start_date=date(2025, 1, 1))
    gone = make_contract(ctx, "Gone")
    with ctx.store.write() as s:
        row = s.scalars(select(Contract).where(Contract.id == gone.id)).one()
        row.deleted_at = row.updated_at
    assert [c.id for c in ctx.contracts.all()] == [early.id, a.id, b.id]
    with pytest.raises(NotFoundError):
        ctx.contracts.get(gone.id)
    with pytest.raises(NotFoundError):
        ctx.contracts.resolve("Gone")


def test_resolve_by_id_prefix_or_title(ctx: AppContext) -> None:
    backend = make_contract(ctx, "Backend API")
    make_contract(ctx, "Backoffice")
    frontend = make_contract(ctx, "Frontend")
    assert ctx.contracts.resolve(backend.id) == backend
    assert ctx.contracts.resolve(f"  {backend.id}  ") == backend
    assert ctx.contracts.resolve("front") == frontend
    assert ctx.contracts.resolve("BACKEND") == backend
    assert ctx.contracts.resolve(frontend.id[:8]) == frontend  # no title starts with hex digits only
    with pytest.raises(NotFoundError, match="several"):
        ctx.contracts.resolve("back")
    with pytest.raises(NotFoundError, match="no contract"):
        ctx.contracts.resolve("mobile")
    with pytest.raises(NotFoundError):
        ctx.contracts.resolve("   ")


def test_a_contract_is_active_within_its_period(ctx: AppContext) -> None:
    c = make_contract(ctx, start_date=date(2026, 3, 1), end_date=date(2026, 3, 31))
    assert not c.active_on(date(2026, 2, 28))
    assert c.active_on(date(2026, 3, 1))
    assert c.active_on(date(2026, 3, 31))
    assert not c.active_on(date(2026, 4, 1))
    assert c.overlaps(date(2026, 3, 30), date(2026, 4, 5))
    assert not c.overlaps(date(2026, 4, 1), date(2026, 4, 7))
    open_ended = make_contract(ctx, "Open", end_date=None)
    assert open_ended.active_on(date(2099, 1, 1))
    assert open_ended.display_name == "Open (Acme AB)"
