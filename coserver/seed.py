"""`coapp-server seed-demo`: demo accounts on a platform database (demo mode, development).

Two freelancers, a client and an agent; each freelancer gets a contract running from a few months ago
to a few months ahead (created once: seeding again keeps it). Assignments come with a later slice.
Passwords are random per run and printed once, so a demo database never
ships with a known password.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import select

from coapp.sync.wire import Role
from coserver.accounts import create_account, email_key
from coserver.db import make_engine, make_session_factory, migrate, next_version, transaction
from coserver.models import AccountRow, ContractRow
from coserver.platform import create_contract
from coserver.settings import utc_now

DEMO_ACCOUNTS = [
    (Role.FREELANCER, "anna.freelancer@demo.coapp.se", "Anna Lindqvist"),
    (Role.FREELANCER, "erik.freelancer@demo.coapp.se", "Erik Nilsson"),
    (Role.CLIENT, "kund@demo.coapp.se", "Kund AB"),
    (Role.AGENT, "agent@demo.coapp.se", "Sara Agent"),
]
DEMO_CONTRACTS = {
    "anna.freelancer@demo.coapp.se": ("Systemutveckling, betalplattform", "hourly", 95000),
    "erik.freelancer@demo.coapp.se": ("Projektledning, ERP-byte", "daily", 850000),
}


def _first_of_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _seed_contract(session: Any, row: AccountRow, today: date) -> None:
    terms = DEMO_CONTRACTS.get(row.email)
    if terms is None:
        return
    if session.execute(select(ContractRow.id).where(ContractRow.freelancer_id == row.id)).first():
        return
    title, fee_model, rate = terms
    create_contract(
        session,
        row.id,
        title=title,
        client_name="Kund AB",
        fee_model=fee_model,
        rate_minor=rate,
        start_date=_first_of_month(today, -3),
        end_date=_first_of_month(today, 4) - timedelta(days=1),
        client_org_number="556677-8899",
        client_address="Storgatan 1",
        client_postcode="111 22",
        client_city="Stockholm",
    )


def seed_demo(db_url: str, hasher: PasswordHasher | None = None) -> list[dict[str, Any]]:
    """Create (or reset the passwords of) the demo accounts, confirmed; return them with passwords."""
    hasher = hasher or PasswordHasher()
    engine = make_engine(db_url)
    try:
        migrate(engine)
        factory = make_session_factory(engine)
        seeded: list[dict[str, Any]] = []
        for role, email, name in DEMO_ACCOUNTS:
            password = secrets.token_urlsafe(12)
            password_hash = hasher.hash(password)
            with transaction(factory) as session:
                now = utc_now()
                row = session.execute(
                    select(AccountRow).where(AccountRow.email_key == email_key(email))
                ).scalar_one_or_none()
                if row is None:
                    row = create_account(session, now, email, password_hash, role, name)
                else:
                    row.password_hash = password_hash
                    row.version = next_version(session)
                row.confirmed_at = row.confirmed_at or now
                _seed_contract(session, row, now.date())
                seeded.append(
                    {
                        "id": str(row.id),
                        "role": role.value,
                        "email": email,
                        "password": password,
                        "name": name,
                    }
                )
        return seeded
    finally:
        engine.dispose()
