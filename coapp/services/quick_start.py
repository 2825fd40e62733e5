"""The first week on screen without loading the ORM.

Start-up paints this week's grid from a read-only sqlite3 connection, then opens the store
properly (integrity check, migrations, SQLAlchemy) right after the first paint. Whenever anything
is unusual (no database yet, an older or newer schema, a read error) it returns None and the
caller takes the normal path, which explains problems properly.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coapp.domain.weeks import IsoWeek
from coapp.services.sheets import WeekSheet, build_week_sheet, contract_from_values
from coapp.store.schema_version import HEAD_REVISION
from coapp.store.sqlite_uri import read_only_uri
from coapp.store.week_query import fetch_week


def peek_week(db_path: Path, week: IsoWeek) -> WeekSheet | None:
    if not db_path.is_file():
        return None
    try:
        conn = sqlite3.connect(read_only_uri(db_path), uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or row[0] != HEAD_REVISION:
            return None
        contracts, entries, hidden = fetch_week(conn, week.monday, week.sunday, str(week))
        return build_week_sheet(week, [contract_from_values(*r) for r in contracts], entries, hidden)
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()
