"""`coapp-server seed-demo`: demo accounts on a platform database (demo mode, development).

This slice seeds the accounts only (two freelancers, a client, an agent); assignments and contracts
come with the sync slice. Passwords are random per run and printed once, so a demo database never
ships with a known password.
"""

from __future__ import annotations

import secrets
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import select

from coapp.sync.wire import Role
from coserver.accounts import create_account, email_key
from coserver.db import make_engine, make_session_factory, migrate, next_version, transaction
from coserver.models import AccountRow
from coserver.settings import utc_now

DEMO_ACCOUNTS = [
    (Role.FREELANCER, "anna.freelancer@demo.coapp.se", "Anna Lindqvist"),
    (Role.FREELANCER, "erik.freelancer@demo.coapp.se", "Erik Nilsson"),
    (Role.CLIENT, "kund@demo.coapp.se", "Kund AB"),
    (Role.AGENT, "agent@demo.coapp.se", "Sara Agent"),
]


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
