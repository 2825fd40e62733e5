"""Readers of the profile's tables that the profile tests share."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

PROFILE_TABLES = (
    "profiles",
    "profile_languages",
    "profile_links",
    "profile_skills",
    "profile_experience",
    "profile_education",
    "profile_certificates",
    "profile_awards",
    "profile_references",
    "profile_portfolio",
    "outbox",
)


def profile_snapshot(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the profile's tables and the outbox, as SQLite holds them."""
    with contextlib.closing(sqlite3.connect(database)) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in PROFILE_TABLES}
