"""Helpers for the invoice command tests: drafts built with the client's own code path (domain line
building, the client's row conversion to minor units, domain totals), and the commands over HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import requests

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.invoice_lines import LineMode, Terms, TimeItem, build_time_lines
from coapp.domain.invoices import InvoiceLine, Unit, VatCategory, compute_commission, compute_totals
from coapp.domain.money import basis_points_to_percent, from_minor, to_minor
from coapp.services.invoice_records import row_from_line
from coapp.sync.invoice_mapping import line_data
from coapp.sync.wire import IF_MATCH_HEADER, if_match
from tests.coserver.sync_helpers import Freelancer

PERIOD = (date(2026, 3, 1), date(2026, 3, 31))
FROZEN = {"seller": {"name": "Anna Konsult AB", "org_number": "556677-8899"}, "buyer": {"name": "Kund AB"}}


def line_json(line: InvoiceLine, position: int, currency: str) -> dict[str, Any]:
    """A domain line as the client stores and sends it (coapp.services.invoice_records, then
    coapp.sync.invoice_mapping: the app's own mapping, not a copy of it)."""
    return line_data(row_from_line(line, "draft", position, currency)).model_dump(mode="json")


def body_for_lines(
    contract_id: uuid.UUID,
    lines: Sequence[InvoiceLine],
    *,
    entry_ids: Sequence[uuid.UUID] = (),
    commission_bp: int = 1500,
    currency: str = "SEK",
    period: tuple[date, date] = PERIOD,
    **extra: Any,
) -> dict[str, Any]:
    totals = compute_totals(lines)
    commission = compute_commission(totals, basis_points_to_percent(commission_bp), seller_country="SE")
    body: dict[str, Any] = {
        "contract_id": str(contract_id),
        "kind": "invoice",
        "issue_date": "2026-03-31",
        "due_date": "2026-04-30",
        "period_start": period[0].isoformat(),
        "period_end": period[1].isoformat(),
        "currency": currency,
        "language": "sv",
        "line_mode": "day",
        "billed_to": "client",
        "reverse_charge": False,
        "buyer_reference": "",
        "notes": "",
        "commission_bp": commission_bp,
        "entry_ids": [str(e) for e in entry_ids],
        "lines": [line_json(line, n, currency) for n, line in enumerate(lines, 1)],
        "net_minor": to_minor(totals.net, currency),
        "vat_minor": to_minor(totals.vat_total, currency),
        "total_minor": to_minor(totals.total, currency),
        "commission_minor": to_minor(commission.amount, currency),
        "frozen": FROZEN,
    }
    body.update(extra)
    return body


def time_draft(
    contract_id: uuid.UUID,
    entries: Sequence[tuple[uuid.UUID, date, int]],
    *,
    rate_minor: int = 95000,
    rounding: str = "none",
    mode: LineMode = LineMode.PER_DAY,
    **extra: Any,
) -> dict[str, Any]:
    """The draft the client builds for hourly time: the domain's lines, the client's conversions."""
    terms = Terms(
        "Consulting", FeeModel.HOURLY, from_minor(rate_minor, "SEK"), 480, RoundingRule.parse(rounding)
    )
    items = [TimeItem(day, minutes) for _id, day, minutes in entries]
    lines = build_time_lines(items, terms, mode, Decimal(25), VatCategory.STANDARD)
    return body_for_lines(
        contract_id, lines, entry_ids=[e[0] for e in entries], line_mode=mode.value, **extra
    )


def milestone(contract_id: uuid.UUID, amount_minor: int = 1_000_000, **extra: Any) -> dict[str, Any]:
    """A fixed-fee invoice: one line, no time entries."""
    line = InvoiceLine("Milestone", Decimal(1), Unit.PIECE, from_minor(amount_minor, "SEK"), Decimal(25))
    return body_for_lines(contract_id, [line], **extra)


def command(
    who: Freelancer,
    path: str,
    body: Any,
    *,
    version: int | str | None,
    key: str | None = "new",
) -> requests.Response:
    key = str(uuid.uuid4()) if key == "new" else key
    headers = who.headers(key)
    if version is not None:
        headers[IF_MATCH_HEADER] = if_match(version) if isinstance(version, int) else version
    return who.server.http.post(who.server.url + path, json=body, headers=headers, timeout=30)


def confirm(
    who: Freelancer, invoice_id: uuid.UUID, body: Any, version: int | str | None, **kw: Any
) -> requests.Response:
    return command(who, f"/v1/invoices/{invoice_id}/confirm", body, version=version, **kw)


def credit(
    who: Freelancer,
    invoice_id: uuid.UUID,
    version: int | str | None,
    note_id: uuid.UUID | None = None,
    **kw: Any,
) -> requests.Response:
    body = {"credit_note_id": str(note_id or uuid.uuid4()), "issue_date": "2026-04-02"}
    return command(who, f"/v1/invoices/{invoice_id}/credit", body, version=version, **kw)


def newest(who: Freelancer) -> int:
    version: int = who.get("/v1/sync/meta").json()["max_version"]
    return version
