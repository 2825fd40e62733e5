"""Contract views for the contract PDF's tests, built as coapp.services.contract_view builds them
(the real dataclasses, so the PDF's Protocols are checked against what the services hand over):
an hourly platform contract, signed; a fixed fee with milestones; an unsigned offer."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from coapp.domain.contract_states import ContractState
from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.services.business import BusinessInfo
from coapp.services.contract_figures import ContractFigures
from coapp.services.contract_view import ContractReviews, ContractView, FeedbackHistory, MilestoneView
from coapp.services.sheets import ContractInfo

ID = "a1a1a1a1-0000-4000-8000-000000000001"
SIGNED_AT = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)

FREELANCER = BusinessInfo(
    name="Åsa Økland-Ähtäri",
    address="Södra Förstadsgatan 12",
    postcode="211 43",
    city="Malmö",
    org_number="8112189876",
    vat_number="SE811218987601",
    email="asa@example.se",
)


def info(**changes: Any) -> ContractInfo:
    base = ContractInfo(
        id=ID,
        client_name="Kund AB",
        title="Ledger rewrite",
        fee_model=FeeModel.HOURLY,
        rate=Decimal("1000.00"),
        currency="SEK",
        commission_percent=Decimal("10.00"),
        start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31),
        minutes_per_day=480,
        rounding=RoundingRule.parse("up:15:entry"),
    )
    return dataclasses.replace(base, **changes)


# 7:30 h at 1 000 kr: 7 500,00 + VAT 1 875,00 = 9 375,00; commission 10 % = 750,00, its VAT 187,50;
# payout 9 375,00 − 750,00 − 187,50 = 8 437,50.
HOURLY_FIGURES = ContractFigures(
    currency="SEK",
    reported_minutes=450,
    invoiced_minutes=0,
    agreement_value=Decimal("7500.00"),
    vat=Decimal("1875.00"),
    commission_rate=Decimal("10.00"),
    commission=Decimal("750.00"),
    commission_vat_rate=Decimal("25"),
    commission_vat=Decimal("187.50"),
    commission_reverse_charge=False,
    payout=Decimal("8437.50"),
)


def view(**changes: Any) -> ContractView:
    """The hourly contract, signed and active, unless *changes* say otherwise."""
    c = changes.pop("info", info())
    base = ContractView(
        info=c,
        origin="platform",
        state=ContractState.ACTIVE,
        terms_version=2,
        scope="Rewrite the ledger's posting engine.\nKeep the old reports working.",
        payment_terms_days=20,
        offered_at=datetime(2026, 2, 20, 8, 0, tzinfo=UTC),
        signed_at=SIGNED_AT,
        signed_name="Anna Lindqvist",
        signed_terms_version=2,
        original_end_date=None,
        ended_on=None,
        state_reason="",
        milestones=(),
        figures=HOURLY_FIGURES,
        feedback=FeedbackHistory(c.id, (), None),
        reviews=ContractReviews(c.id, c.title, None, None, False, None),
    )
    return dataclasses.replace(base, **changes)


def milestone(title: str, amount: str, due: date, state: str) -> MilestoneView:
    return MilestoneView(f"m-{title}", title, Decimal(amount), due, state, SIGNED_AT)


def fixed_view() -> ContractView:
    """A fixed fee of 100 000 kr: 40 000 invoiced, 60 000 planned; commission 10 % on the invoiced."""
    c = info(title="Fixed portal", fee_model=FeeModel.FIXED, rate=Decimal("100000.00"))
    figures = ContractFigures(
        currency="SEK",
        reported_minutes=0,
        invoiced_minutes=0,
        agreement_value=Decimal("40000.00"),
        vat=Decimal("10000.00"),
        commission_rate=Decimal("10.00"),
        commission=Decimal("4000.00"),
        commission_vat_rate=Decimal("25"),
        commission_vat=Decimal("1000.00"),
        commission_reverse_charge=False,
        payout=Decimal("45000.00"),
        budget=Decimal("100000.00"),
        milestones_total=Decimal("100000.00"),
        budget_left=Decimal("60000.00"),
    )
    milestones = (
        milestone("Design", "40000.00", date(2026, 3, 1), "invoiced"),
        milestone("Build", "50000.00", date(2026, 6, 1), "ready"),
        milestone("Launch", "10000.00", date(2026, 9, 1), "planned"),
    )
    return view(info=c, milestones=milestones, figures=figures)


def offer_view() -> ContractView:
    return view(
        info=info(title="Offered audit", fee_model=FeeModel.DAILY, rate=Decimal("8000.00")),
        state=ContractState.OFFERED,
        signed_at=None,
        signed_name=None,
        signed_terms_version=None,
    )
