"""The queries behind one week of the grid, in plain SQL over a DB-API connection.

Shared by the ORM-backed TimesheetService and by the start-up preview, which runs them through
the standard library's sqlite3 before SQLAlchemy is imported; one query text serves both.
"""

from __future__ import annotations

from datetime import date
from typing import Any

CONTRACT_COLUMNS = (
    "id, client_name, title, fee_model, rate_minor, currency, commission_bp, "
    "start_date, end_date, minutes_per_day, rounding_rule"
)
# Contracts in force only (coapp.models.contracts.IN_FORCE, written out: this module runs before
# SQLAlchemy is imported): an offer is signed on the contracts screen before time goes on it.
IN_FORCE_SQL = "(offered_at IS NULL OR signed_at IS NOT NULL)"
_CONTRACTS = (
    f"SELECT {CONTRACT_COLUMNS} FROM contracts WHERE deleted_at IS NULL AND {IN_FORCE_SQL} "
    "AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) ORDER BY start_date, title"
)
_ENTRIES = (
    "SELECT contract_id, work_date, minutes, note, invoice_id FROM time_entries "
    "WHERE work_date BETWEEN ? AND ? AND deleted_at IS NULL"
)
_HIDDEN = "SELECT contract_id FROM hidden_week_rows WHERE week = ?"


def fetch_week(
    dbapi_conn: Any, first: date, last: date, week_key: str
) -> tuple[list[Any], list[Any], set[str]]:
    """(contract rows, entry rows, hidden contract ids) for the days first..last."""
    cur = dbapi_conn.cursor()
    try:
        contracts = cur.execute(_CONTRACTS, (last.isoformat(), first.isoformat())).fetchall()
        entries = cur.execute(_ENTRIES, (first.isoformat(), last.isoformat())).fetchall()
        hidden = {row[0] for row in cur.execute(_HIDDEN, (week_key,)).fetchall()}
    finally:
        cur.close()
    return contracts, entries, hidden
