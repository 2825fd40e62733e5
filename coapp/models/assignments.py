"""Assignments the platform publishes (pulled, read-only here), the freelancer's favourites (pushed),
and the full-text index that makes the assignments searchable offline.

- ``assignments``: every field of the wire's AssignmentRecord. The platform owns these rows: no
  CHECK constraints beyond the wire's own types, since a stricter local rule than the server's would
  make a whole page of the change feed fail to apply. Skills are JSON lists (as the profile's jobs
  keep theirs), rates integer minor units per hour.
- ``favourites``: a set keyed by assignment; the row id is derived from the assignment's
  (coapp.sync.wire.favourite_row_id), so two devices starring one assignment offline write one row.
  Unstarring tombstones it, starring again revives it.
- ``assignments_fts``: an FTS5 index over title, description, client and skill names, with the
  assignments as its external content (through a view that spells the JSON skill list out as words),
  kept in step by triggers, so every path that writes an assignment (the feed, tests, a repair)
  updates it in the same transaction. Its rowid is ``search_key``, an integer given once by a
  trigger: SQLite may renumber the implicit rowid of a table keyed by text when it is vacuumed.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import DDL, Boolean, Date, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from coapp.models.base import Base, SyncMixin, UtcDateTime

SEARCH_TABLE = "assignments_fts"
SEARCH_SOURCE = "assignments_search_source"
# FTS5 makes these beside its table; the schema comparison leaves them to SQLite.
SEARCH_TABLES = frozenset(
    {SEARCH_TABLE, *(f"{SEARCH_TABLE}_{part}" for part in ("data", "idx", "docsize", "config", "content"))}
)
# '#' and '+' belong to words, so "C#" and "C++" are found as themselves, not as "c".
# remove_diacritics: "Goteborg" finds Göteborg. Prefix indexes: the first letters typed are fast.
SEARCH_TOKENIZER = "unicode61 remove_diacritics 2 tokenchars '#+'"

# The wire's FAVOURITE_NAMESPACE (coapp.sync.wire.favourite_row_id; models may not import the wire,
# a test checks the two agree): two devices starring one assignment write one row.
_FAVOURITE_NAMESPACE = uuid.UUID("0f4c6f3e-2b7a-5d1c-9a64-6c1b7f1e0a10")


def favourite_id(assignment_id: str) -> str:
    return str(uuid.uuid5(_FAVOURITE_NAMESPACE, assignment_id.lower()))


_SKILL_WORDS = "(SELECT group_concat(value, ' ') FROM json_each({row}.skills))"
_COLUMNS = "title, description, client_name, skills"


def _values(row: str) -> str:
    return f"{row}.search_key, {row}.title, {row}.description, {row}.client_name, " + _SKILL_WORDS.format(
        row=row
    )


# In creation order; the names are what r0010 creates (a test compares a new and a migrated file).
SEARCH_DDL: dict[str, str] = {
    SEARCH_SOURCE: f"""
        CREATE VIEW {SEARCH_SOURCE} AS SELECT search_key, title, description, client_name,
        {_SKILL_WORDS.format(row="assignments")} AS skills FROM assignments WHERE deleted_at IS NULL""",
    SEARCH_TABLE: f"""
        CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5({_COLUMNS}, content='{SEARCH_SOURCE}',
        content_rowid='search_key', tokenize="{SEARCH_TOKENIZER}", prefix='1 2 3')""",
    "assignments_search_key": """
        CREATE TRIGGER assignments_search_key AFTER INSERT ON assignments WHEN NEW.search_key IS NULL
        BEGIN UPDATE assignments SET search_key = (SELECT IFNULL(MAX(search_key), 0) + 1 FROM assignments)
        WHERE id = NEW.id; END""",
    "assignments_search_insert": f"""
        CREATE TRIGGER assignments_search_insert AFTER INSERT ON assignments
        WHEN NEW.search_key IS NOT NULL AND NEW.deleted_at IS NULL
        BEGIN INSERT INTO {SEARCH_TABLE}(rowid, {_COLUMNS}) VALUES ({_values("NEW")}); END""",
    "assignments_search_update": f"""
        CREATE TRIGGER assignments_search_update
        AFTER UPDATE OF title, description, client_name, skills, deleted_at, search_key ON assignments
        BEGIN
        INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, {_COLUMNS}) SELECT 'delete', {_values("OLD")}
        WHERE OLD.search_key IS NOT NULL AND OLD.deleted_at IS NULL;
        INSERT INTO {SEARCH_TABLE}(rowid, {_COLUMNS}) SELECT {_values("NEW")}
        WHERE NEW.search_key IS NOT NULL AND NEW.deleted_at IS NULL;
        END""",
    "assignments_search_delete": f"""
        CREATE TRIGGER assignments_search_delete AFTER DELETE ON assignments
        WHEN OLD.search_key IS NOT NULL AND OLD.deleted_at IS NULL
        BEGIN INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, {_COLUMNS})
        VALUES ('delete', {_values("OLD")}); END""",
}

REINDEX_SQL = (
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('delete-all')",
    f"INSERT INTO {SEARCH_TABLE}(rowid, {_COLUMNS}) SELECT {_values('assignments')} FROM assignments"
    " WHERE search_key IS NOT NULL AND deleted_at IS NULL",
)


class AssignmentRow(SyncMixin, Base):
    __tablename__ = "assignments"
    __sync_entity__ = "assignment"
    # The search asks at every keystroke whether the assignments changed (the newest updated_at):
    # without the index that read every row.
    __table_args__ = (Index("ix_assignments_updated_at", "updated_at"),)

    title: Mapped[str] = mapped_column(String(200))
    client_name: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(100), default="")  # the city
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    # Skill names as JSON lists; `skills` is must_have + nice_to_have (older servers send it alone).
    skills: Mapped[str] = mapped_column(Text, default="[]")
    must_have: Mapped[str] = mapped_column(Text, default="[]")
    nice_to_have: Mapped[str] = mapped_column(Text, default="[]")
    seniority: Mapped[str | None] = mapped_column(String(10), default=None)
    workplace: Mapped[str] = mapped_column(String(10), default="onsite")
    country: Mapped[str] = mapped_column(String(2), default="")
    language: Mapped[str] = mapped_column(String(8), default="")
    # Per hour, minor units of `currency`.
    rate_min_minor: Mapped[int] = mapped_column(Integer, default=0)
    rate_max_minor: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="SEK")
    hours_per_week: Mapped[int] = mapped_column(Integer, default=40)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime())
    closes_at: Mapped[datetime] = mapped_column(UtcDateTime())
    agent_id: Mapped[str] = mapped_column(String(36), default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    # The full-text index's rowid, given by a trigger (see the module docstring); never synced.
    search_key: Mapped[int | None] = mapped_column(Integer, default=None, unique=True)


class Favourite(SyncMixin, Base):
    __tablename__ = "favourites"
    __sync_entity__ = "favourite"

    # No foreign key: a favourite may arrive before its assignment, or outlive it on the platform.
    assignment_id: Mapped[str] = mapped_column(String(36), unique=True)


# New databases get the index with the table; existing ones through migration r0010.
def fts5_available(bind: Any) -> bool:
    """Whether this SQLite has FTS5. Python's builds on every platform coapp ships for do (and the
    bundle freezes the one CI tests with); without it the search falls back to LIKE (slower, no
    diacritics folding) instead of the store refusing to open."""
    return bool(bind.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar())


def _with_fts5(
    ddl: Any,
    target: Any,
    bind: Any,
    tables: Any = None,
    state: Any = None,
    *,
    dialect: Any = None,
    compiler: Any = None,
    checkfirst: bool = False,
) -> bool:
    return bind is not None and fts5_available(bind)


for _name, _sql in SEARCH_DDL.items():
    # The key is given with or without the index: the list reads it.
    _when = None if _name == "assignments_search_key" else _with_fts5
    event.listen(
        AssignmentRow.__table__, "after_create", DDL(_sql).execute_if(dialect="sqlite", callable_=_when)
    )
