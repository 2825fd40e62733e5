"""The command line: verbs in-process through main(), and the installed entry point in a subprocess."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import types
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coapp.__main__ import main
from coapp.app.context import AppContext
from coapp.cli import time_verbs as cli_time
from coapp.domain.durations import HoursFormat
from coapp.domain.weeks import IsoWeek
from coapp.models import TimeEntry
from coapp.models.time_entries import entry_id
from coapp.services.sheets import ContractInfo
from tests.conftest import make_contract

TODAY = "2026-11-26"
TABLES = ("contracts", "time_entries", "running_timers", "outbox", "hidden_week_rows")


@dataclass
class Run:
    code: int
    out: str
    err: str


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    code = main(list(argv))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def quiet_cli(*argv: str) -> Run:
    """main() without pytest's capsys (Hypothesis tests cannot take function-scoped fixtures)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return Run(code, out.getvalue(), err.getvalue())


def assert_one_line_error(run: Run, code: int = 2) -> None:
    assert run.code == code, run
    assert run.out == ""
    assert "Traceback" not in run.err
    assert run.err.startswith("coapp: error: ")
    assert run.err.endswith("\n")
    assert run.err.count("\n") == 1, run.err


def snapshot(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    with contextlib.closing(sqlite3.connect(folder / "coapp.sqlite3")) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def use_settings(ctx: AppContext, **changes: object) -> None:
    ctx.save_settings(ctx.settings.with_changes(**changes))


def _stand_in_pdf(doc: object, path: Path, logo: object) -> None:
    path.write_bytes(b"%PDF-stand-in")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `coapp demo --today 2026-11-26` makes, once per module; each test gets a copy. Seeded
    through the services with a stand-in PDF writer: the demo confirms two years of monthly
    invoices, and rendering their PDFs takes seconds (test_demo_reports_what_it_created and
    test_console_script_and_python_m run the verb itself)."""
    from coapp.services.demo import seed_demo
    from coapp.services.invoice_confirm import InvoiceConfirmation
    from coapp.services.invoice_series import LocalSeries

    folder = tmp_path_factory.mktemp("demo-template") / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LANG", "en_US.UTF-8")  # as the data_dir fixture sets it
        with contextlib.closing(AppContext.open(folder)) as ctx:
            quick = InvoiceConfirmation(ctx.store, LocalSeries(), ctx.paths.invoice_archive, _stand_in_pdf)
            seed_demo(
                dataclasses.replace(ctx, confirmation=quick),
                today=date.fromisoformat(TODAY),
                holiday_country=ctx.settings.holiday_country,
            )
    return folder


@pytest.fixture
def seeded(data_dir: Path, demo_template: Path) -> Path:
    shutil.copytree(demo_template, data_dir)
    return data_dir


# --- options, help and usage errors ---------------------------------------------------------


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "--version")
    assert run.code == 0
    assert run.out == f"coapp {version('coapp')}\n"
    assert run.err == ""


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--help"], ["--data-dir", "--version", "demo", "time", "Exit codes"]),
        (["time", "--help"], ["set", "week", "timer"]),
        (["time", "set", "--help"], ["CONTRACT", "DATE", "DURATION", "--note"]),
        (["time", "timer", "--help"], ["start", "stop", "status"]),
    ],
)
def test_help_describes_the_verbs(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: list[str]
) -> None:
    run = cli(capsys, *argv)
    assert run.code == 0
    assert run.err == ""
    for word in expected:
        assert word in run.out


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["bogus"], "invalid choice"),
        (["--nope"], "unrecognized arguments"),
        (["time"], "required"),
        (["time", "timer"], "required"),
        (["time", "set", "Backend"], "DATE, DURATION"),
        (["time", "set", "Backend", "2026-11-26", "7,5", "extra"], "unrecognized arguments"),
        (["time", "set", "Backend", "26/11/2026", "7,5"], "is not a date"),
        (["time", "set", "Backend", "2026-02-30", "7,5"], "not a date in the calendar"),
        (["time", "set", "Backend", "2026-11-26", "sju"], "not a duration"),
        (["time", "set", "Backend", "2026-11-26", "-1"], "negative"),
        (["time", "set", "Backend", "2026-11-26", "25"], "24 hours"),
        (["time", "week", "--week", "2026-W60"], "no week 60"),
        (["time", "week", "--week", "next week"], "not an ISO week"),
        (["demo", "--today", "tomorrow"], "not a date"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], data_dir: Path, argv: list[str], reason: str
) -> None:
    run = cli(capsys, *argv)
    assert_one_line_error(run)
    assert reason in run.err
    # Input is checked before the store is touched, so not even an empty database appears.
    assert not (data_dir / "coapp.sqlite3").exists()


# --- demo -------------------------------------------------------------------------------------


def test_demo_seeds_once_and_refuses_again(capsys: pytest.CaptureFixture[str], seeded: Path) -> None:
    before = snapshot(seeded)
    assert len(before["contracts"]) == 7  # three current, four ended
    assert len(before["time_entries"]) > 50

    run = cli(capsys, "--data-dir", str(seeded), "demo")
    assert_one_line_error(run)
    assert "already holds 7 contract" in run.err
    assert snapshot(seeded) == before


def test_demo_reports_what_it_created(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    run = cli(capsys, "demo", "--today", TODAY)  # the data folder comes from COAPP_DATA_DIR
    assert run.code == 0
    assert run.out.startswith(f"Demo data in {data_dir.resolve()}: 7 contracts")
    pdfs = list((data_dir / "invoices").glob("*.pdf"))  # two years of confirmed invoices, archived
    assert len(pdfs) >= 48
    assert all(pdf.read_bytes().startswith(b"%PDF-") for pdf in pdfs)
    assert re.search(
        r"to 2026-11-25; (\d+) invoices confirmed, (\d+) drafts waiting for confirmation\.", run.out
    )
    confirmed = int(re.search(r"; (\d+) invoices confirmed", run.out)[1])  # type: ignore[index]
    assert confirmed == len(pdfs)  # each confirmed invoice has its PDF
    assert "NOK" in run.out


# --- time set ---------------------------------------------------------------------------------


def test_time_set_sets_replaces_and_clears_a_day(
    capsys: pytest.CaptureFixture[str], ctx: AppContext, contract: ContractInfo
) -> None:
    use_settings(ctx, language="sv")
    day = date(2026, 11, 23)

    run = cli(capsys, "time", "set", "back", "2026-11-23", "7,5", "--note", "Sprintplanering")
    assert run.code == 0, run
    assert run.err == ""
    assert run.out == "Backend (Acme AB), mån 2026-11-23: 7,5 h (was 0 h)\n"
    assert ctx.timesheet.cell(contract.id, day).minutes == 450
    assert ctx.timesheet.cell(contract.id, day).note == "Sprintplanering"

    run = cli(capsys, "time", "set", contract.id, "2026-11-23", "7h45m")  # by id; the note stays
    assert run.out.endswith(": 7,75 h (was 7,5 h)\n")
    assert ctx.timesheet.cell(contract.id, day).minutes == 465
    assert ctx.timesheet.cell(contract.id, day).note == "Sprintplanering"

    run = cli(capsys, "time", "set", "BACKEND", "2026-11-23", "0")
    assert run.out.endswith(": cleared (was 7,75 h)\n")
    assert ctx.timesheet.cell(contract.id, day).minutes == 0


def test_time_set_json_and_clock_format(
    capsys: pytest.CaptureFixture[str], ctx: AppContext, contract: ContractInfo
) -> None:
    use_settings(ctx, language="en", hours_format=HoursFormat.CLOCK)
    run = cli(capsys, "time", "set", "Backend", "2026-11-24", "7.5")
    assert run.out.endswith(": 7:30 h (was 0:00 h)\n")

    run = cli(capsys, "time", "set", "Backend", "2026-11-24", "8:15", "--note", "Review", "--json")
    assert json.loads(run.out) == {
        "contract_id": contract.id,
        "title": "Backend",
        "date": "2026-11-24",
        "minutes": 495,
        "note": "Review",
        "previous_minutes": 450,
    }


def _lock(ctx: AppContext, contract: ContractInfo, day: date) -> None:
    with ctx.store.write() as s:
        entry = s.get(TimeEntry, entry_id(contract.id, day))
        assert entry is not None
        entry.invoice_id = "invoice-1"


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["nope", "2026-11-23", "1"], "no contract matches “nope”"),
        (["Back", "2026-11-23", "1"], "matches several contracts (Backend, Backoffice)"),
        (["  ", "2026-11-23", "1"], "name a contract"),
        (["Backend", "2026-11-23", "5"], "at most 24 hours"),
        (["Backend", "2025-12-31", "1"], "outside the contract's period"),
        (["Backend", "2027-07-01", "1"], "outside the contract's period"),
        (["Backend", "2026-11-24", "1"], "confirmed invoice"),
        (["Backend", "2026-11-24", "0"], "confirmed invoice"),
        (["Backend", "2026-11-25", "0", "--note", "forgot"], "a note belongs to reported time"),
        (["Backend", "2026-11-25", "2", "--note", "x" * 2001], "at most 2000 characters"),
    ],
)
def test_refused_time_set_changes_nothing(
    capsys: pytest.CaptureFixture[str], ctx: AppContext, data_dir: Path, argv: list[str], reason: str
) -> None:
    backend = make_contract(ctx, "Backend")
    backoffice = make_contract(ctx, "Backoffice")
    ctx.timesheet.set_time(backoffice.id, date(2026, 11, 23), 20 * 60)
    ctx.timesheet.set_time(backend.id, date(2026, 11, 24), 6 * 60, "Invoiced")
    _lock(ctx, backend, date(2026, 11, 24))
    before = snapshot(data_dir)

    run = cli(capsys, "time", "set", *argv)

    assert_one_line_error(run)
    assert reason in run.err
    assert snapshot(data_dir) == before


# --- time week --------------------------------------------------------------------------------


def test_time_week_json_is_one_document_with_the_promised_keys(
    capsys: pytest.CaptureFixture[str], seeded: Path
) -> None:
    run = cli(capsys, "--data-dir", str(seeded), "time", "week", "--week", "2026-W47", "--json")
    assert run.code == 0
    assert run.err == ""
    doc = json.loads(run.out)  # raises if there is anything but one JSON document

    days = [d.isoformat() for d in IsoWeek(2026, 47).days()]
    assert doc["week"] == "2026-W47"
    assert {"week", "rows", "day_totals", "total_minutes"} <= set(doc)
    assert len(doc["rows"]) == 3
    for row in doc["rows"]:
        assert {"contract_id", "title", "days", "total_minutes"} <= set(row)
        assert list(row["days"]) == days
        for cell in row["days"].values():
            assert {"minutes", "note"} <= set(cell)
            assert isinstance(cell["minutes"], int)
            assert bool(cell["note"]) == bool(cell["minutes"])  # the demo notes every entry
        assert row["total_minutes"] == sum(c["minutes"] for c in row["days"].values())
    assert list(doc["day_totals"]) == days
    for day in days:
        assert doc["day_totals"][day] == sum(r["days"][day]["minutes"] for r in doc["rows"])
    assert doc["total_minutes"] == sum(doc["day_totals"].values()) > 0
    assert doc["day_totals"][days[5]] == doc["day_totals"][days[6]] == 0  # weekends are free

    with contextlib.closing(AppContext.open(seeded)) as ctx:
        sheet = ctx.timesheet.week(IsoWeek(2026, 47))
    assert doc["total_minutes"] == sheet.total
    assert [r["contract_id"] for r in doc["rows"]] == [r.contract.id for r in sheet.rows]


def test_time_week_defaults_to_this_week(capsys: pytest.CaptureFixture[str], ctx: AppContext) -> None:
    def this_week() -> str:
        return str(IsoWeek.of(datetime.now(ZoneInfo(ctx.settings.zone)).date()))

    before = this_week()
    run = cli(capsys, "time", "week", "--json")
    assert json.loads(run.out)["week"] in {before, this_week()}
    assert json.loads(run.out)["rows"] == []


def test_time_week_table_uses_the_hours_format(
    capsys: pytest.CaptureFixture[str], ctx: AppContext, contract: ContractInfo
) -> None:
    ctx.timesheet.set_time(contract.id, date(2026, 10, 26), 450)
    ctx.timesheet.set_time(contract.id, date(2026, 10, 27), 495)

    use_settings(ctx, language="sv")
    run = cli(capsys, "time", "week", "--week", "2026-W44")
    lines = run.out.splitlines()
    assert lines[0] == "Vecka 44, 2026 (2026-10-26 – 2026-11-01)"
    assert " ".join(lines[1].split()) == "mån 26 tis 27 ons 28 tor 29 fre 30 lör 31* sön 1 Summa"
    assert lines[2].split() == ["Backend", "7,5", "8,25", "15,75"]
    assert lines[3].split() == ["Summa", "7,5", "8,25", "15,75"]
    assert lines[4] == "* lör 2026-10-31: Alla helgons dag"

    use_settings(ctx, language="en", hours_format=HoursFormat.CLOCK)
    run = cli(capsys, "time", "week", "--week", "2026w44")
    assert run.out.splitlines()[2].split() == ["Backend", "7:30", "8:15", "15:45"]
    assert "All Saints' Day" in run.out


# --- time timer -------------------------------------------------------------------------------


def test_timer_start_status_stop(
    capsys: pytest.CaptureFixture[str], ctx: AppContext, contract: ContractInfo
) -> None:
    run = cli(capsys, "time", "timer", "status", "--json")
    assert json.loads(run.out) == {"running": False}

    run = cli(capsys, "time", "timer", "start", "Backend")
    assert run.code == 0, run
    assert run.out.startswith("Timer started for Backend (Acme AB) at ")

    run = cli(capsys, "time", "timer", "status", "--json")
    status = json.loads(run.out)
    assert status["running"] is True
    assert status["contract_id"] == contract.id
    assert status["zone"] == ctx.settings.zone
    assert status["elapsed_minutes"] in (0, 1)

    run = cli(capsys, "time", "timer", "start", "back")
    assert "already running" in run.out

    run = cli(capsys, "time", "timer", "stop")
    assert run.code == 0
    assert "less than a minute" in run.out
    assert ctx.timers.running() is None

    run = cli(capsys, "time", "timer", "stop")
    assert (run.code, run.out) == (0, "No timer is running.\n")


def test_timer_stop_adds_the_elapsed_minutes(
    capsys: pytest.CaptureFixture[str], ctx: AppContext, contract: ContractInfo
) -> None:
    started = datetime.now(UTC) - timedelta(hours=2, seconds=5)
    ctx.timers.start(contract.id, ctx.settings.zone, now=started)

    run = cli(capsys, "time", "timer", "stop", "--json")
    result = json.loads(run.out)
    assert result["stopped"] is True
    assert result["contract_id"] == contract.id
    # Two hours, split at midnight if the test runs across it.
    assert sum(result["added"].values()) == 120
    for day, minutes in result["added"].items():
        assert ctx.timesheet.cell(contract.id, date.fromisoformat(day)).minutes == minutes


def test_refused_timer_start_leaves_the_running_timer_alone(
    capsys: pytest.CaptureFixture[str], ctx: AppContext, data_dir: Path, contract: ContractInfo
) -> None:
    make_contract(ctx, "Finished", start_date=date(2020, 1, 1), end_date=date(2020, 12, 31))
    ctx.timers.start(contract.id, ctx.settings.zone, now=datetime.now(UTC) - timedelta(minutes=30))
    before = snapshot(data_dir)

    run = cli(capsys, "time", "timer", "start", "Fin")

    assert_one_line_error(run)
    assert "not active today" in run.err
    assert snapshot(data_dir) == before
    running = ctx.timers.running()
    assert running is not None
    assert running.contract.id == contract.id


def test_unknown_contract_for_timer_is_refused(capsys: pytest.CaptureFixture[str], ctx: AppContext) -> None:
    run = cli(capsys, "time", "timer", "start", "nothing-like-this")
    assert_one_line_error(run)
    assert ctx.timers.running() is None


# --- errors, logging and the GUI hand-off -----------------------------------------------------


def test_a_newer_database_exits_1_and_is_left_alone(
    capsys: pytest.CaptureFixture[str], ctx: AppContext, data_dir: Path
) -> None:
    ctx.close()
    with contextlib.closing(sqlite3.connect(data_dir / "coapp.sqlite3")) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = 'r9999'")
    before = (data_dir / "coapp.sqlite3").read_bytes()

    run = cli(capsys, "time", "week")

    assert_one_line_error(run, code=1)
    assert "newer coapp" in run.err
    assert (data_dir / "coapp.sqlite3").read_bytes() == before


def test_a_bug_is_one_line_on_stderr_and_a_trace_in_the_log(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ctx: AppContext, args: object) -> int:
        raise RuntimeError("the week fell over")

    monkeypatch.setattr(cli_time, "show_week", broken)
    handlers = list(logging.getLogger().handlers)

    run = cli(capsys, "time", "week")

    assert_one_line_error(run, code=70)
    assert "RuntimeError: the week fell over" in run.err
    log = (data_dir / "logs" / "coapp.log").read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "RuntimeError: the week fell over" in log
    assert logging.getLogger().handlers == handlers  # the log file is closed after each run


def test_without_a_verb_the_gui_starts_on_the_data_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str | None] = []

    def run_gui(data_dir: str | None) -> int:
        calls.append(data_dir)
        return 3

    monkeypatch.setitem(sys.modules, "coapp.app", types.SimpleNamespace(run_gui=run_gui))
    # The display check is its own module (imported on the GUI path only); this test is not about it.
    monkeypatch.setitem(sys.modules, "coapp.app.qt_system", types.SimpleNamespace(gui_problem=lambda: None))
    assert cli(capsys, "--data-dir", str(tmp_path / "elsewhere")).code == 3
    assert cli(capsys).code == 3
    assert calls == [str(tmp_path / "elsewhere"), None]
    assert (tmp_path / "elsewhere" / "logs" / "coapp.log").exists()


# --- the installed entry point, in a real process --------------------------------------------


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("COAPP_DATA_DIR", None)  # every call below names its folder
    return env


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, capture_output=True, text=True, encoding="utf-8", env=_child_env(), timeout=120, check=False
    )


def test_console_script_and_python_m(tmp_path: Path) -> None:
    script = shutil.which("coapp", path=str(Path(sys.executable).parent))
    assert script is not None, "the coapp console script is not installed in this environment"
    folder = str(tmp_path / "proc")

    done = _run(script, "--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"coapp {version('coapp')}\n", "")

    done = _run(script, "--data-dir", folder, "demo", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert "7 contracts" in done.stdout

    done = _run(
        sys.executable, "-m", "coapp", "--data-dir", folder, "time", "week", "--week", "2026-W47", "--json"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["week"] == "2026-W47"

    done = _run(
        sys.executable, "-m", "coapp", "--data-dir", folder, "time", "set", "Back", TODAY, "nio timmar"
    )
    assert done.returncode == 2
    assert_one_line_error(Run(done.returncode, done.stdout, done.stderr))


def test_cli_verbs_never_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from coapp.__main__ import main\n"
        f"rc = main(['--data-dir', {str(tmp_path / 'qtfree')!r}, 'time', 'week', '--json'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not loaded, loaded\n"
        "sys.exit(rc)\n"
    )
    done = _run(sys.executable, "-c", code)
    assert done.returncode == 0, done.stderr


# --- arbitrary input --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> tuple[Path, list[str]]:
    """One demo folder shared by every example (a fresh one each would take minutes)."""
    folder = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(demo_template, folder)
    with contextlib.closing(AppContext.open(folder)) as ctx:
        ids = [c.id for c in ctx.contracts.all()]
        # One locked day, so the invoice rule is among the refusals.
        entry = ctx.timesheet.entries_between(date(2026, 11, 16), date(2026, 11, 20))[0]
        with ctx.store.write() as s:
            row = s.get(TimeEntry, entry_id(entry[0], entry[1]))
            assert row is not None
            row.invoice_id = "invoice-1"
    return folder, ids


_DAYS = st.one_of(
    st.text(max_size=20),
    st.dates(date(2025, 1, 1), date(2028, 12, 31)).map(date.isoformat),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
)
_DURATIONS = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"[0-9]{1,2}([.,:][0-9]{1,3})?", fullmatch=True),
    st.sampled_from(["0", "", "7h30m", "24", "24:00", "0,25", "30m", "12h"]),
)
_PREFIXES = st.sampled_from(["Backend", "back", "ARKITEKTUR", "t", "a", "Tillg", "B", ""])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    day=_DAYS,
    duration=_DURATIONS,
    note=st.one_of(st.none(), st.text(max_size=30)),
)
def test_arbitrary_time_set_input_is_applied_or_refused_cleanly(
    fuzz_folder: tuple[Path, list[str]], data: st.DataObject, day: str, duration: str, note: str | None
) -> None:
    folder, ids = fuzz_folder
    contract = data.draw(
        st.one_of(st.text(max_size=20), _PREFIXES, st.sampled_from(ids).map(lambda i: i[: len(i) // 3])),
        label="contract",
    )
    argv = ["--data-dir", str(folder), "time", "set", contract, day, duration]
    if note is not None:
        argv.append(f"--note={note}")
    before = snapshot(folder)

    run = quiet_cli(*argv)

    assert run.code in (0, 2), run
    assert "Traceback" not in run.err
    if run.code == 2:
        assert_one_line_error(run)
        assert snapshot(folder) == before
    else:
        assert run.err == ""


@settings(max_examples=30, deadline=None)
@given(week=st.one_of(st.text(max_size=12), st.from_regex(r"[0-9]{4}-?[wW][0-9]{1,2}", fullmatch=True)))
def test_arbitrary_week_is_shown_or_refused_cleanly(fuzz_folder: tuple[Path, list[str]], week: str) -> None:
    folder, _ = fuzz_folder
    run = quiet_cli("--data-dir", str(folder), "time", "week", f"--week={week}", "--json")
    assert run.code in (0, 2), run
    if run.code == 0:
        assert json.loads(run.out)["week"] == str(IsoWeek.parse(week))
    else:
        assert_one_line_error(run)
