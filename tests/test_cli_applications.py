"""`coapp apply`, `coapp applications ...`, `coapp consents ...`: without --consent nothing is stored
or sent; the JSON shapes; the .ics and the export as files; bad input (exit 2, one line, nothing
changed), including any --rate and --message text (Hypothesis)."""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coapp.app.context import AppContext
from coapp.models import ApplicationEventRow, InterviewRow
from tests.services.assignments_helpers import assignment_id, put_assignment
from tests.test_cli import Run, assert_one_line_error, cli, quiet_cli

TABLES = ("applications", "consents", "application_commands", "outbox", "messages")


def snapshot(folder: Path) -> object:
    with contextlib.closing(sqlite3.connect(folder / "coapp.sqlite3")) as conn:
        return [sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES]


@pytest.fixture
def folder(data_dir: Path) -> Path:
    ctx = AppContext.open(data_dir)
    try:
        put_assignment(ctx, 1, "Backend developer")
        put_assignment(ctx, 2, "Frontend developer")
    finally:
        ctx.close()
    return data_dir


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> Run:
    return cli(capsys, "--data-dir", str(folder), *argv)


def applied(capsys: pytest.CaptureFixture[str], folder: Path, n: int = 1, *extra: str) -> str:
    result = run(capsys, folder, "apply", assignment_id(n), "--rate", "950", "--consent", *extra)
    assert result.code == 0, result
    [app] = [a for a in listed(capsys, folder) if a["assignment_id"] == assignment_id(n)]
    return str(app["id"])


def listed(capsys: pytest.CaptureFixture[str], folder: Path) -> list[dict[str, object]]:
    result = run(capsys, folder, "applications", "list", "--json")
    assert result.code == 0, result
    document: list[dict[str, object]] = json.loads(result.out)
    return document


def test_without_consent_nothing_is_stored(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    before = snapshot(folder)
    result = run(capsys, folder, "apply", assignment_id(1), "--rate", "950")
    assert_one_line_error(result)
    assert "--consent" in result.err
    assert snapshot(folder) == before


def test_apply_then_list_as_json(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    result = run(
        capsys, folder, "apply", assignment_id(1), "--rate", "1200,50", "--message", "Hej", "--consent"
    )
    assert result.code == 0, result
    assert "sent at the next sync" in result.out
    assert "above the client's range" in result.out  # a warning, not a refusal
    [app] = listed(capsys, folder)
    assert set(app) >= {"id", "assignment_id", "state", "rate", "resume_variant", "events", "interview"}
    assert (app["state"], app["rate"], app["interview"], app["events"]) == ("draft", "1200.50", None, [])
    assert app["waiting"] == "submit"


def test_show_withdraw_and_the_interview_as_ics(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    app_id = applied(capsys, folder)
    starts = datetime(2027, 1, 12, 8, 0, tzinfo=UTC)
    ctx = AppContext.open(folder)
    try:
        with ctx.store.write() as s:  # as the platform's answer would bring them
            s.info["applying_remote"] = True
            s.add(
                ApplicationEventRow(
                    application_id=app_id, at=starts, state="interview", actor="agent", text="Bokad"
                )
            )
            s.add(
                InterviewRow(
                    application_id=app_id,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=1),
                    place="Storgatan 1",
                    video_url="",
                    agent_attends=False,
                    server_version=1,
                )
            )
    finally:
        ctx.close()
    shown = run(capsys, folder, "applications", "show", app_id[:6], "--json")
    doc = json.loads(shown.out)
    assert doc["events"] == [{"at": starts.isoformat(), "state": "interview", "text": "Bokad"}]
    assert doc["interview"] == {
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=1)).isoformat(),
        "place": "Storgatan 1",
        "video_url": "",
        "agent_attends": False,
    }
    out = tmp_path / "interview.ics"
    assert run(capsys, folder, "applications", "ics", app_id[:6], "-o", str(out)).code == 0
    [event] = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART") == starts
    assert "does not attend" in str(event["DESCRIPTION"])
    assert run(capsys, folder, "applications", "withdraw", app_id[:6]).code == 0
    assert listed(capsys, folder)[0]["waiting"] == "withdraw"


def test_consents_list_and_export(capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path) -> None:
    applied(capsys, folder)
    result = run(capsys, folder, "consents", "list", "--json")
    [consent] = json.loads(result.out)
    assert consent["rate"] == "950.00"
    assert consent["shared_with_client"] == "Acme AB"
    out = tmp_path / "consents.json"
    assert run(capsys, folder, "consents", "export", "-o", str(out)).code == 0
    assert json.loads(out.read_text("utf-8"))["consents"] == [consent]
    text = run(capsys, folder, "consents", "list")
    assert "Acme AB" in text.out


@pytest.mark.parametrize(
    "argv",
    [
        ("apply", "nope", "--rate", "950", "--consent"),
        ("apply", assignment_id(1), "--rate", "-5", "--consent"),
        ("apply", assignment_id(1), "--rate", "1e3", "--consent"),
        ("apply", assignment_id(1), "--rate", "NaN", "--consent"),
        ("apply", assignment_id(1), "--rate", "9.999", "--consent"),
        ("apply", assignment_id(1), "--rate", "0", "--consent"),
        ("apply", assignment_id(1), "--rate", "950", "--per", "week", "--consent"),
        ("apply", assignment_id(1), "--rate", "950", "--resume-variant", "None such", "--consent"),
        ("apply", assignment_id(1), "--rate", "950", "--hours-per-week", "0", "--consent"),
        ("apply", assignment_id(1), "--rate", "950", "--available-from", "2027-02-30", "--consent"),
        ("apply", "0000", "--rate", "950", "--consent"),  # the start of both assignments' ids
        ("apply", assignment_id(1)),
        ("applications", "show", "abcd"),
        ("applications", "withdraw", "abcd"),
        ("applications", "ics", "abcd", "-o", "x.ics"),
        ("applications",),
        ("consents", "export", "-o", "/nonexistent/folder/c.json"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, argv: tuple[str, ...]
) -> None:
    before = snapshot(folder)
    assert_one_line_error(run(capsys, folder, *argv))
    assert snapshot(folder) == before


def test_a_second_application_and_an_ics_without_interview_are_refused(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    app_id = applied(capsys, folder)
    before = snapshot(folder)
    assert_one_line_error(run(capsys, folder, "apply", assignment_id(1), "--rate", "950", "--consent"))
    assert_one_line_error(run(capsys, folder, "applications", "ics", app_id, "-o", str(tmp_path / "i.ics")))
    assert snapshot(folder) == before
    assert not (tmp_path / "i.ics").exists()


_numbers = itertools.count(100)


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("applications") / "data"


def _fresh_assignment(folder: Path) -> str:
    ctx = AppContext.open(folder)
    try:
        return put_assignment(ctx, next(_numbers), "Fuzz")
    finally:
        ctx.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rate=st.one_of(st.text(max_size=20), st.text(alphabet="0123456789.,-+eE nNaIif", max_size=12)))
def test_any_rate_applies_or_is_refused_in_one_line(fuzz_folder: Path, rate: str) -> None:
    target = _fresh_assignment(fuzz_folder)
    before = snapshot(fuzz_folder)
    result = quiet_cli("--data-dir", str(fuzz_folder), "apply", target, f"--rate={rate}", "--consent")
    assert "Traceback" not in result.err
    if result.code != 0:
        assert_one_line_error(result)
        assert snapshot(fuzz_folder) == before
        return
    with contextlib.closing(sqlite3.connect(fuzz_folder / "coapp.sqlite3")) as conn:
        [(minor,)] = conn.execute("SELECT rate_minor FROM applications WHERE assignment_id = ?", (target,))
    assert Decimal(minor) / 100 == Decimal(rate.strip().replace(",", ".").replace(" ", ""))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(message=st.text(max_size=2100))
def test_any_message_applies_or_is_refused_in_one_line(fuzz_folder: Path, message: str) -> None:
    target = _fresh_assignment(fuzz_folder)
    before = snapshot(fuzz_folder)
    argv = (
        "--data-dir",
        str(fuzz_folder),
        "apply",
        target,
        "--rate",
        "950",
        f"--message={message}",
        "--consent",
    )
    result = quiet_cli(*argv)
    assert "Traceback" not in result.err
    if result.code != 0:
        assert_one_line_error(result)
        assert snapshot(fuzz_folder) == before
        return
    with contextlib.closing(sqlite3.connect(fuzz_folder / "coapp.sqlite3")) as conn:
        [(stored, consented)] = conn.execute(
            "SELECT a.message, c.message FROM applications a JOIN consents c ON c.application_id = a.id"
            " WHERE a.assignment_id = ?",
            (target,),
        )
    assert stored == consented == message.replace("\r\n", "\n").strip()
    assert uuid.UUID(target)
