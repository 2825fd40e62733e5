"""A SQLite without FTS5 (every Python coapp ships with has it; a self-built one may not): the store
opens without the index and the search falls back to LIKE, with synonyms and safe against any text."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from coapp.app.context import AppContext
from coapp.models import assignments as assignment_models
from coapp.services.assignments import AssignmentFilters
from tests.services.assignments_helpers import put_assignment
from tests.services.test_assignments import FTS_SYNTAX


@pytest.fixture
def no_fts(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> AppContext:
    monkeypatch.setattr(assignment_models, "fts5_available", lambda _bind: False)
    ctx = AppContext.open(data_dir)
    put_assignment(ctx, 1, "Platform engineer", must_have=["Kubernetes", "Terraform"])
    put_assignment(ctx, 2, "Frontend developer", must_have=["JavaScript"], client_name="Volvo Cars")
    return ctx


def titles(ctx: AppContext, query: str) -> list[str]:
    return sorted(item.title for item in ctx.assignments.search(AssignmentFilters(query=query)).items)


def test_the_search_falls_back_to_like(no_fts: AppContext, data_dir: Path) -> None:
    ctx = no_fts
    try:
        with contextlib.closing(sqlite3.connect(data_dir / "coapp.sqlite3")) as conn:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "assignments_fts" not in names
        assert "assignments_search_key" in names  # the list still reads the key
        assert titles(ctx, "k8s") == ["Platform engineer"]
        assert titles(ctx, "JS") == ["Frontend developer"]
        assert titles(ctx, "plat") == ["Platform engineer"]
        assert titles(ctx, "volvo front") == ["Frontend developer"]
        assert titles(ctx, "terraform javascript") == []
        for typed in (*FTS_SYNTAX, "100%", "a_b", "\\"):
            ctx.assignments.search(AssignmentFilters(query=typed))
        assert titles(ctx, "%") == ["Frontend developer", "Platform engineer"]  # no word: everything
    finally:
        ctx.close()
