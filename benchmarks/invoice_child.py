"""Measured process for the invoicing budget (run by benchmarks/invoicing.py in a fresh process): the
PDF warm-up the invoices screen runs when first shown, then the session's first confirmation.

Prints one line: key=value pairs with the timings in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coapp.app.context import AppContext
from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.invoices import InvoiceLine, Unit
from coapp.services.business import BusinessInfo
from coapp.services.sheets import CellChange

BUSINESS = BusinessInfo(
    name="Benchmark Konsult",
    address="Storgatan 1",
    postcode="111 22",
    city="Stockholm",
    country="SE",
    org_number="5560360793",
    vat_number="SE556036079301",
    f_skatt=True,
    bankgiro="5050-1055",
)


def _contract(ctx: AppContext, fee_model: FeeModel, title: str):  # type: ignore[no-untyped-def]
    contract = ctx.contracts.create(
        client_name="Mätbolaget AB",
        title=title,
        fee_model=fee_model,
        rate=Decimal("1085"),
        currency="SEK",
        commission_percent=Decimal("12.5"),
        start_date=date(2020, 1, 1),
        end_date=None,
        rounding=RoundingRule.parse("up:15:entry"),
    )
    ctx.contracts.set_client_details(
        contract.id, address="Kraftverksgatan 8", postcode="721 36", city="Västerås", country="SE",
        org_number="5567012348", vat_number="SE556701234801",
    )  # fmt: skip
    return contract


def _month_of_time(ctx: AppContext, contract_id: str, year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    ctx.timesheet.apply(
        [
            CellChange(contract_id, d, 450 + (i * 7) % 60, f"Work on item {i}")
            for i, d in enumerate(days)
            if d.weekday() < 5
        ]
    )
    return first, last


def _confirm_ms(ctx: AppContext, draft_id: str) -> float:
    start = time.perf_counter()
    ctx.confirmation.confirm(draft_id, today=date(2026, 11, 30))
    return (time.perf_counter() - start) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="coapp-bench-invoice-") as folder:
        ctx = AppContext.open(Path(folder))
        ctx.business.save(BUSINESS)
        hourly = _contract(ctx, FeeModel.HOURLY, "Backend")
        months = [(2025, m) for m in range(1, 13)]
        drafts = []
        lines_per_month = []
        for year, month in months:
            first, last = _month_of_time(ctx, hourly.id, year, month)
            draft = ctx.drafts.create(hourly.id, first, last, today=date(2026, 11, 30))
            drafts.append(draft.id)
            lines_per_month.append(len(draft.lines))
        assert "fpdf" not in sys.modules
        # As the app does it: the invoices screen warms the PDF machinery up on a worker when it is
        # first shown (fpdf2's import, fonts, babel), and the first confirmation comes after that.
        started = time.perf_counter()
        from coapp.documents.invoice_pdf import warm_up

        warm_up()
        warm_up_ms = (time.perf_counter() - started) * 1000
        first_ms = _confirm_ms(ctx, drafts[0])  # the session's first: what the warm-up cannot pay
        warm = [_confirm_ms(ctx, d) for d in drafts[1:]]

        fixed = _contract(ctx, FeeModel.FIXED, "Milestones")
        big = ctx.drafts.create(fixed.id, date(2026, 1, 1), date(2026, 12, 31), today=date(2026, 11, 30))
        lines = [
            InvoiceLine(
                f"Milestone {i}: delivery",
                Decimal(1),
                Unit.PIECE,
                Decimal("1234.50"),
                Decimal(25),
                notes="Accepted",
            )
            for i in range(1000)
        ]
        ctx.drafts.set_lines(big.id, lines)
        big_ms = _confirm_ms(ctx, big.id)
        ctx.close()
    print(
        f"warm_up_ms={warm_up_ms:.1f} first_ms={first_ms:.1f} "
        f"warm_median_ms={statistics.median(warm):.1f} warm_max_ms={max(warm):.1f} "
        f"warm_n={len(warm)} lines_per_month={statistics.median(lines_per_month):.0f} big_ms={big_ms:.1f}"
    )


if __name__ == "__main__":
    main()
