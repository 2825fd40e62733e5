"""Server migration s0006: billed_to from self_billing, credit notes turned positive (UBL), the printed
number unique per account."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from coserver.db import _MIGRATIONS, make_engine, migrate

ACCOUNT, CONTRACT = uuid.uuid4(), uuid.uuid4()
LINE = {
    "position": 1,
    "description": "work",
    "quantity_e4": 10_000,
    "unit": "HUR",
    "unit_price_minor": 95_000,
}
LINE |= {"vat_rate_bp": 2500, "vat_category": "S", "amount_minor": 95_000}


def _at_s0005(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "s0005")
    engine.dispose()


def _insert(
    conn: sqlite3.Connection, invoice_id: uuid.UUID, kind: str, value: int, self_billing: int, sign: int
) -> None:
    line = {**LINE, "quantity_e4": sign * LINE["quantity_e4"], "amount_minor": sign * LINE["amount_minor"]}
    tail = (json.dumps([line]), value)
    figures = (sign * 95_000, sign * 23_750, sign * 118_750, sign * 11_875)
    conn.execute(
        "INSERT INTO invoices (id, account_id, contract_id, kind, state, number_value, number, issue_date,"
        " due_date, period_start, period_end, currency, language, line_mode, self_billing, reverse_charge,"
        " buyer_reference, notes, net_minor, vat_minor, total_minor, commission_bp, commission_minor, lines,"
        " entry_ids, frozen, credited_invoice_id, version, confirmed_at, state_changed_at) VALUES"
        " (?, ?, ?, ?, 'confirmed', ?, ?, '2026-03-31', '2026-04-30', '2026-03-01', '2026-03-31', 'SEK',"
        " 'sv', 'day', ?, 0, '', '', ?, ?, ?, 1250, ?, ?, '[]', '{}', NULL, ?, '2026-03-31 09:00:00',"
        " '2026-03-31 09:00:00')",
        (invoice_id.hex, ACCOUNT.hex, CONTRACT.hex, kind, value, str(value), self_billing, *figures, *tail),
    )


def test_s0006_names_the_buyer_and_turns_credit_notes_positive(tmp_path: Path) -> None:
    path = tmp_path / "server.sqlite3"
    _at_s0005(path)
    fixed, hourly, note = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        _insert(conn, fixed, "invoice", 1, 0, 1)
        _insert(conn, hourly, "invoice", 2, 1, 1)
        _insert(conn, note, "credit_note", 3, 1, -1)
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        rows = {
            uuid.UUID(hex=r[0]): r[1:]
            for r in conn.execute("SELECT id, billed_to, total_minor, commission_minor, lines FROM invoices")
        }
        columns = [c[1] for c in conn.execute("PRAGMA table_info('invoices')")]
        assert "self_billing" not in columns
        assert rows[fixed][0] == "platform"
        assert rows[hourly][0] == "client"
        billed_to, total, commission, lines = rows[note]
        assert (billed_to, total, commission) == ("client", 118_750, 11_875)
        assert json.loads(lines)[0]["amount_minor"] == 95_000
        assert json.loads(lines)[0]["quantity_e4"] == 10_000
        # The printed number is unique per account now.
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE invoices SET number = '1' WHERE id = ?", (hourly.hex,))
