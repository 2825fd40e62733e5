"""What the platform (not the freelancer) does to synced data: contracts are created and changed
here, and confirmed invoices lock their time entries. Used by seed-demo, tests and later commands."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coserver.db import next_version
from coserver.models import ContractRow, TimeEntryRow


def create_contract(
    session: Session,
    freelancer_id: uuid.UUID,
    *,
    start_date: date,
    end_date: date | None = None,
    title: str = "Consulting",
    client_name: str = "Kund AB",
    fee_model: str = "hourly",
    rate_minor: int = 95000,
    currency: str = "SEK",
    commission_bp: int = 1500,
    contract_id: uuid.UUID | None = None,
    **terms: Any,
) -> ContractRow:
    row = ContractRow(
        id=contract_id or uuid.uuid4(),
        freelancer_id=freelancer_id,
        title=title,
        client_name=client_name,
        fee_model=fee_model,
        rate_minor=rate_minor,
        currency=currency,
        commission_bp=commission_bp,
        start_date=start_date,
        end_date=end_date,
        minutes_per_day=terms.pop("minutes_per_day", 480),
        rounding_rule=terms.pop("rounding_rule", "none"),
        client_org_number=terms.pop("client_org_number", ""),
        client_vat_number=terms.pop("client_vat_number", ""),
        client_address=terms.pop("client_address", ""),
        client_postcode=terms.pop("client_postcode", ""),
        client_city=terms.pop("client_city", ""),
        client_country=terms.pop("client_country", "SE"),
        version=next_version(session),
    )
    if terms:
        raise TypeError(f"unknown contract terms: {sorted(terms)}")
    session.add(row)
    session.flush()
    return row


def change_contract(session: Session, contract_id: uuid.UUID, **terms: Any) -> ContractRow:
    row = session.get_one(ContractRow, contract_id)
    for name, value in terms.items():
        if not hasattr(ContractRow, name) or name in ("id", "freelancer_id", "version"):
            raise TypeError(f"not a contract term: {name}")
        setattr(row, name, value)
    row.version = next_version(session)
    session.flush()
    return row


def lock_entries(session: Session, entry_ids: Iterable[uuid.UUID], invoice_id: uuid.UUID) -> None:
    """Put entries on a confirmed invoice: from now on every change to them is refused."""
    rows = session.execute(select(TimeEntryRow).where(TimeEntryRow.id.in_(list(entry_ids)))).scalars()
    for row in rows:
        row.invoice_id = invoice_id
        row.version = next_version(session)
    session.flush()
