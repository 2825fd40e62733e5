"""`coapp contracts ...`, `coapp feedback list`, `coapp reviews ...`: the JSON shapes, ids by their
start, and bad input (exit 2, one line, nothing changed), including any --name and --text
(Hypothesis). Signing and writing reviews against the platform are in tests/sync."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coapp.app.context import AppContext
from coapp.services.sheets import CellChange
from tests.services.contract_terms_helpers import put_contract, put_feedback, put_milestone, put_review
from tests.test_cli import Run, assert_one_line_error, cli, quiet_cli

TABLES = (
    "contracts",
    "contract_milestones",
    "contract_feedback",
    "contract_reviews",
    "outbox",
    "invoices",
    "invoice_lines",
)
ACTIVE = "a1a1a1a1-0000-4000-8000-000000000001"
FIXED = "f2f2f2f2-0000-4000-8000-000000000002"
ENDED = "e3e3e3e3-0000-4000-8000-000000000003"
OFFER = "0f0f0f0f-0000-4000-8000-000000000004"
MILESTONE = "5d5d5d5d-0000-4000-8000-000000000005"
LIST_KEYS = {
    "id",
    "title",
    "client_name",
    "state",
    "fee_model",
    "rate",
    "currency",
    "start",
    "end",
    "commission_rate",
    "reported_minutes",
    "invoiced_minutes",
    "milestones",
}


def snapshot(folder: Path) -> object:
    with contextlib.closing(sqlite3.connect(folder / "coapp.sqlite3")) as conn:
        return [sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES]


def fill(folder: Path) -> None:
    ctx = AppContext.open(folder)
    try:
        put_contract(ctx, ACTIVE, title="Ledger rewrite")
        ctx.timesheet.apply([CellChange(ACTIVE, date(2026, 3, 2), 450, "")])
        put_feedback(ctx, ACTIVE, (5, 4, 4, 5), comment="Steady work.")
        put_contract(ctx, FIXED, title="Fixed portal", fee_model="fixed", rate_minor=10_000_000)
        put_milestone(ctx, FIXED, "Design", 4_000_000, "ready", id=MILESTONE)
        put_contract(ctx, ENDED, title="Ended migration", state="ended", ended_on=date(2026, 5, 31))
        put_review(ctx, ENDED, "freelancer", 4, "Clear goals.")
        put_contract(ctx, OFFER, title="Offered audit", state="offered", signed_at=None, signed_name=None)
    finally:
        ctx.close()


@pytest.fixture
def folder(data_dir: Path) -> Path:
    fill(data_dir)
    return data_dir


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> Run:
    return cli(capsys, "--data-dir", str(folder), *argv)


def as_json(result: Run) -> Any:
    assert result.code == 0, result
    return json.loads(result.out)


def test_contracts_list_json_has_the_issue_s_keys(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    listed = {c["id"]: c for c in as_json(run(capsys, folder, "contracts", "list", "--json"))}
    assert set(listed) == {ACTIVE, FIXED, ENDED, OFFER}
    for c in listed.values():
        assert set(c) >= LIST_KEYS
    active = listed[ACTIVE]
    assert (active["state"], active["fee_model"], active["rate"], active["currency"]) == (
        "active",
        "hourly",
        "1000.00",
        "SEK",
    )
    assert (active["reported_minutes"], active["invoiced_minutes"], active["commission_rate"]) == (
        450,
        0,
        "10.00",
    )
    assert (active["start"], active["end"]) == ("2026-01-01", "2026-12-31")
    assert active["agreement_value"] == "7500.00"
    [milestone] = listed[FIXED]["milestones"]
    assert (milestone["title"], milestone["amount"], milestone["state"]) == ("Design", "40000.00", "ready")
    assert listed[FIXED]["budget_left"] == "100000.00"  # nothing invoiced yet
    assert listed[OFFER]["state"] == "offered"
    assert (listed[OFFER]["in_force"], active["in_force"]) == (False, True)
    text = run(capsys, folder, "contracts", "list")
    assert text.code == 0
    assert "Offered audit" in text.out


def test_contracts_show_by_the_id_s_start(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    shown = as_json(run(capsys, folder, "contracts", "show", ACTIVE[:8], "--json"))
    assert shown["id"] == ACTIVE
    assert shown["overall_feedback"] == "4.50"
    assert shown["scope"] == "Rewrite the ledger."
    text = run(capsys, folder, "contracts", "show", OFFER[:6])
    assert text.code == 0
    assert "coapp contracts sign" in text.out


def test_feedback_list_states_how_the_overall_is_computed(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    history = as_json(run(capsys, folder, "feedback", "list", ACTIVE[:8], "--json"))
    assert history["overall"] == "4.50"
    [item] = history["feedback"]
    assert (item["quality"], item["overall"], item["comment"]) == (5, "4.5", "Steady work.")
    assert "plain mean" in history["method"]
    text = run(capsys, folder, "feedback", "list", "Ledger")
    assert "plain mean" in text.out
    assert as_json(run(capsys, folder, "feedback", "list", FIXED[:8], "--json"))["overall"] is None


def test_reviews_list_shows_mine_and_theirs_only_once_here(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    [reviews] = as_json(run(capsys, folder, "reviews", "list", "--json"))
    assert reviews["contract_id"] == ENDED
    assert reviews["mine"]["text"] == "Clear goals."
    assert reviews["theirs"] is None
    assert reviews["reveal_on"] == "2026-06-14"
    ctx = AppContext.open(folder)
    try:
        put_review(ctx, ENDED, "client", 5, "A pleasure.")
    finally:
        ctx.close()
    [reviews] = as_json(run(capsys, folder, "reviews", "list", "--json"))
    assert reviews["theirs"]["score"] == 5


@pytest.mark.parametrize(
    "argv",
    [
        ("contracts", "show", "nosuch"),
        ("contracts", "show", ""),
        ("feedback", "list", "zzzz"),
        ("contracts", "sign", OFFER[:8], "--name", ""),
        ("contracts", "sign", OFFER[:8], "--name", "A"),
        ("contracts", "sign", OFFER[:8], "--name", "Anna\nLindqvist"),
        ("contracts", "sign", "nosuch", "--name", "Anna Lindqvist"),
        ("contracts", "sign", OFFER[:8], "--name", "Anna Lindqvist"),  # not signed in: nothing asked
        ("reviews", "write", ENDED[:8], "--score", "6", "--text", "Fine."),
        ("reviews", "write", ENDED[:8], "--score", "0", "--text", "Fine."),
        ("reviews", "write", ENDED[:8], "--score", "4.5", "--text", "Fine."),
        ("reviews", "write", ENDED[:8], "--score", "x", "--text", "Fine."),
        ("reviews", "write", ENDED[:8], "--score", "4", "--text", "   "),
        ("reviews", "write", ENDED[:8], "--score", "4", "--text", "x" * 2001),
        ("reviews", "write", ENDED[:8], "--score", "4", "--text", "Fine."),  # not signed in
        ("contracts", "list", "--bogus"),
        ("invoice", "draft", FIXED[:8], "--period", "2026-06"),  # a fixed fee: name the milestone
        ("invoice", "draft", FIXED[:8], "--uninvoiced"),
        ("invoice", "draft", FIXED[:8], "--milestone", "zzzz"),
        ("invoice", "draft", FIXED[:8], "--milestone", ""),
        ("invoice", "draft", FIXED[:8], "--milestone", MILESTONE[:8], "--per-week"),
        ("invoice", "draft", FIXED[:8], "--milestone", MILESTONE[:8], "--period", "2026-06"),
        ("invoice", "draft", ACTIVE[:8], "--milestone", MILESTONE[:8]),  # hourly: no milestones
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, argv: tuple[str, ...]
) -> None:
    before = snapshot(folder)
    assert_one_line_error(run(capsys, folder, *argv))
    assert snapshot(folder) == before


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("contracts-fuzz")
    fill(folder)
    return folder


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=220), text=st.text(max_size=2100), score=st.text(max_size=4))
def test_any_name_text_or_score_is_refused_in_one_line(
    fuzz_folder: Path, name: str, text: str, score: str
) -> None:
    before = snapshot(fuzz_folder)
    for argv in (
        ("contracts", "sign", OFFER[:8], f"--name={name}"),
        ("reviews", "write", ENDED[:8], f"--score={score}", f"--text={text}"),
    ):
        result = quiet_cli("--data-dir", str(fuzz_folder), *argv)
        # Bad input, or (never signed in here) the platform cannot be asked: one line either way.
        assert_one_line_error(result)
    assert snapshot(fuzz_folder) == before


def test_invoice_draft_from_a_milestone(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    doc = as_json(run(capsys, folder, "invoice", "draft", "Fixed", "--milestone", MILESTONE[:6], "--json"))
    assert (doc["billed_to"], doc["buyer"], doc["state"]) == (
        "platform",
        "Nordic Consultant Network AB",
        "draft",
    )
    [line] = doc["lines"]
    assert (line["description"], line["quantity"], line["amount"]) == ("Design", "1", "40000.00")
    again = run(capsys, folder, "invoice", "draft", FIXED[:8], "--milestone", MILESTONE[:8])
    assert_one_line_error(again)
    assert "already" in again.err
