"""Server migration s0011: contracts made before issue 11 are in force ('active', terms version 1,
no signature, no client account) and keep their data; the new tables exist and the state is checked
by the database too."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from coserver.db import _MIGRATIONS, make_engine, migrate

ACCOUNT, CONTRACT = uuid.uuid4(), uuid.uuid4()


def _at_s0010(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "s0010")
    engine.dispose()


def test_s0011_keeps_older_contracts_in_force(tmp_path: Path) -> None:
    path = tmp_path / "server.sqlite3"
    _at_s0010(path)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(
            "INSERT INTO accounts (id, email, email_key, password_hash, role, display_name, created_at,"
            " confirmed_at, version) VALUES (?, 'a@example.com', 'a@example.com', 'x', 'freelancer', 'A',"
            " '2026-01-01 00:00:00', NULL, 1)",
            (ACCOUNT.hex,),
        )
        conn.execute(
            "INSERT INTO contracts (id, freelancer_id, title, client_name, fee_model, rate_minor, currency,"
            " commission_bp, start_date, end_date, minutes_per_day, rounding_rule, client_org_number,"
            " client_vat_number, client_address, client_postcode, client_city, client_country, version,"
            " deleted_at, origin) VALUES (?, ?, 'Old', 'Kund AB', 'hourly', 95000, 'SEK', 1500, '2026-01-01',"
            " '2026-06-30', 480, 'none', '', '', '', '', '', 'SE', 2, NULL, 'platform')",
            (CONTRACT.hex, ACCOUNT.hex),
        )
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {"contract_terms", "contract_milestones", "contract_feedback", "contract_reviews"} <= tables
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        row = conn.execute(
            "SELECT title, rate_minor, version, state, terms_version, scope, payment_terms_days,"
            " client_account_id, signed_at, signed_name, state_reason, ended_on FROM contracts"
        ).fetchone()
        assert row == ("Old", 95000, 2, "active", 1, "", 30, None, None, None, "", None)
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE contracts SET state = 'paused'")
