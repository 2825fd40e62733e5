"""`coapp assignments ...`: the JSON list sorted by match, one in detail, favourites by an id's start,
and bad input (exit 2, one line, nothing changed), including any --query text."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coapp.app.context import AppContext
from tests.services.assignments_helpers import assignment_id, put_assignment
from tests.test_cli import Run, assert_one_line_error, cli, quiet_cli

OWN = "abcdef12-0000-4000-8000-000000000009"


def seed(folder: Path) -> None:
    ctx = AppContext.open(folder)
    try:
        put_assignment(ctx, 1, "Platform engineer", must_have=["Kubernetes", "Terraform"], workplace="remote")
        put_assignment(ctx, 2, "Frontend developer", must_have=["JavaScript"], nice_to_have=["CSS"])
        put_assignment(ctx, 9, "Payments backend", must_have=["C#"], id=OWN, rate_min_minor=95_050)
        ctx.profile.add_skill("JavaScript", level=5)
        ctx.profile.add_skill("CSS", level=4)
    finally:
        ctx.close()


@pytest.fixture
def folder(data_dir: Path) -> Path:
    seed(data_dir)
    return data_dir


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> Run:
    return cli(capsys, "--data-dir", str(folder), "assignments", *argv)


def listed(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> list[dict[str, object]]:
    result = run(capsys, folder, "list", "--json", *argv)
    assert result.code == 0, result
    document: list[dict[str, object]] = json.loads(result.out)
    return document


def test_list_as_json_sorted_by_match(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    doc = listed(capsys, folder)
    assert doc[0]["title"] == "Frontend developer"
    scores = [a["match"]["score"] for a in doc]  # type: ignore[index]
    assert scores == sorted(scores, reverse=True)
    front = doc[0]
    assert set(front) >= {
        "id", "title", "client_name", "skills", "must_have", "nice_to_have", "rate_min", "rate_max",
        "currency", "remote", "favourite", "match",
    }  # fmt: skip
    assert front["id"] == assignment_id(2)
    assert front["must_have"] == ["JavaScript"]
    assert front["nice_to_have"] == ["CSS"]
    assert front["skills"] == ["JavaScript", "CSS"]
    assert (front["rate_min"], front["rate_max"], front["currency"]) == ("900.00", "1100.00", "SEK")
    assert front["remote"] is False
    assert front["favourite"] is False
    payments = next(a for a in doc if a["id"] == OWN)
    assert payments["rate_min"] == "950.50"  # amounts as text, never a float
    platform = next(a for a in doc if a["id"] == assignment_id(1))
    assert platform["remote"] is True
    assert "Missing: Kubernetes, Terraform" in platform["match"]["reasons"]  # type: ignore[index]


def test_search_and_favourites(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    assert [a["title"] for a in listed(capsys, folder, "--query", "k8s")] == ["Platform engineer"]
    assert [a["title"] for a in listed(capsys, folder, "--query", "JS")] == ["Frontend developer"]
    assert listed(capsys, folder, "--favourites") == []
    assert len(listed(capsys, folder, "--query=--")) == 3  # no word in it: everything (argparse's "--")
    done = run(capsys, folder, "favourite", "abcdef")
    assert done.code == 0, done
    assert "Payments backend: now a favourite" in done.out
    assert "already" in run(capsys, folder, "favourite", OWN).out
    [star] = listed(capsys, folder, "--favourites")
    assert star["id"] == OWN
    assert star["favourite"] is True
    assert run(capsys, folder, "unfavourite", "ABCDEF12").code == 0
    assert listed(capsys, folder, "--favourites") == []


def test_show_text_and_json(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    text = run(capsys, folder, "show", assignment_id(1))
    assert text.code == 0, text
    assert "Platform engineer" in text.out
    assert "- Missing: Kubernetes, Terraform" in text.out
    shown = run(capsys, folder, "show", "abcdef12", "--json")
    doc = json.loads(shown.out)
    assert doc["id"] == OWN
    assert doc["must_have"] == ["C#"]
    assert isinstance(doc["match"]["score"], int)
    lines = run(capsys, folder, "list")
    assert lines.code == 0
    first = lines.out.splitlines()[0]
    assert assignment_id(2)[:8] in first
    assert "Frontend developer" in first


@pytest.mark.parametrize(
    "argv",
    [
        ("show", "ffff0000"),
        ("show", "0000"),  # the start of several ids
        ("show", "ab"),  # too short to mean one
        ("favourite", "nope!"),
        ("favourite", ""),
        ("unfavourite", "12345678-0000-4000-8000-000000000000"),
        ("list", "--query", "x" * 201),
        ("list", "--query=" + "-" * 201),
        ("list", "--bogus"),
        ("favourite",),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, argv: tuple[str, ...]
) -> None:
    before = snapshot_all(folder)
    assert_one_line_error(run(capsys, folder, *argv))
    assert snapshot_all(folder) == before


def snapshot_all(folder: Path) -> object:
    with contextlib.closing(sqlite3.connect(folder / "coapp.sqlite3")) as conn:
        return [
            sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("assignments", "favourites", "outbox")
        ]


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("assignments") / "data"
    seed(folder)
    return folder


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.one_of(st.text(max_size=80), st.text(alphabet='"*()-^:+#NEARORANDNOT k8s', max_size=30)))
def test_any_query_lists_or_is_refused_in_one_line(fuzz_folder: Path, query: str) -> None:
    before = snapshot_all(fuzz_folder)
    result = quiet_cli("--data-dir", str(fuzz_folder), "assignments", "list", "--json", f"--query={query}")
    assert "Traceback" not in result.err
    if result.code == 0:
        found = {a["id"] for a in json.loads(result.out)}
        assert found <= {assignment_id(1), assignment_id(2), OWN}
    else:
        assert_one_line_error(result)
    assert snapshot_all(fuzz_folder) == before
