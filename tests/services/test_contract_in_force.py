"""An offer from the platform waits for the signature: no row in the grid, no place in the contract
lists, the timer or the assignments' availability, and typed time on it is refused with the reason;
once signed it is a contract like any other."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from coapp.app.context import AppContext
from coapp.domain.errors import ValidationError
from coapp.domain.weeks import IsoWeek
from coapp.domain.year_month import YearMonth
from coapp.models import Contract
from coapp.services.sheets import CellChange
from tests.conftest import make_contract

MONDAY = date(2026, 11, 30)


def _offer(ctx: AppContext, signed: bool) -> str:
    contract = make_contract(ctx, "Offered", start_date=date(2026, 11, 1), end_date=None)
    with ctx.store.write() as s:
        s.info["applying_remote"] = True
        row = s.get_one(Contract, contract.id)
        row.origin, row.state, row.offered_at = "platform", "offered", datetime(2026, 11, 1, tzinfo=UTC)
        if signed:
            row.state, row.signed_at = "active", datetime(2026, 11, 2, tzinfo=UTC)
    return contract.id


def test_an_offer_takes_no_time_until_it_is_signed(ctx: AppContext) -> None:
    offer = _offer(ctx, signed=False)
    kept = make_contract(ctx, "Own work", start_date=date(2026, 11, 1), end_date=None)
    assert [r.contract.id for r in ctx.timesheet.week(IsoWeek.of(MONDAY)).rows] == [kept.id]
    assert [c.id for c in ctx.contracts.all()] == [kept.id]
    with pytest.raises(ValidationError, match="offer you have not signed"):
        ctx.timesheet.apply([CellChange(offer, MONDAY, 60)])
    found = ctx.insights.read(YearMonth(2026, 11), YearMonth(2026, 11), today=date(2026, 12, 6))
    assert found.expected[-1] == 5 * kept.minutes_per_day  # the offer expects nothing yet


def test_signed_it_is_a_contract_like_any_other(ctx: AppContext) -> None:
    offer = _offer(ctx, signed=True)
    assert [r.contract.id for r in ctx.timesheet.week(IsoWeek.of(MONDAY)).rows] == [offer]
    ctx.timesheet.apply([CellChange(offer, MONDAY, 60)])
    assert ctx.timesheet.cell(offer, MONDAY).minutes == 60
