"""Demo mode: the reference server inside the app's process, seeded, signed in and synced; and the
window opening on it. Everything it started stops, and its temporary folders go, at exit."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coapp.__main__ import main
from coapp.app import demo as demo_mode
from coapp.app.context import AppContext
from coserver.seed import DEMO_CONTRACTS
from tests.test_cli import Run
from tests.ui.conftest import OFFSCREEN_NOISE
from tests.ui.helpers import grid_of

ANNA = "anna.freelancer@demo.coapp.se"
ANNAS_CONTRACT = DEMO_CONTRACTS[ANNA][0]


class Tripwire(KeyringBackend):
    """A keyring that fails the test when touched: the demo must never use the user's keyring."""

    priority = 5  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("the demo read the keyring")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("the demo wrote to the keyring")

    def delete_password(self, service: str, username: str) -> None:
        raise AssertionError("the demo deleted from the keyring")


@pytest.fixture(autouse=True)
def tripwire_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(Tripwire())
    yield
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def _own_temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's throw-away folders in this test's own temp folder: another test (or process) making
    its own at the same time is not taken for a leftover."""
    own = tmp_path / "tmp"
    own.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own))


def _demo_leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).iterdir() if p.name.startswith("coapp-demo-")}


def _platform_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "coapp-demo-platform"]


def test_the_demo_syncs_the_platforms_contract_and_time_then_leaves_nothing_behind() -> None:
    leftovers, threads = _demo_leftovers(), set(threading.enumerate())
    with demo_mode.running_demo() as demo:
        assert demo.email == ANNA
        assert demo.platform.url.startswith("http://127.0.0.1:")
        assert demo.platform.running
        assert demo.data_dir.is_dir()
        assert demo.data_dir.name.startswith("coapp-demo-")
        # The contract and the time came from the platform, through the first sync.
        assert demo.first_sync.pulled > 1
        assert [c.title for c in demo.ctx.contracts.all()] == [ANNAS_CONTRACT]
        today = date.today()
        entries = demo.ctx.timesheet.entries_between(today - timedelta(weeks=13), today)
        assert len(entries) > 20
        assert sum(minutes for *_, minutes, _note in entries) > 100 * 60
        status = demo.sync.status()
        assert (status.account_email, status.signed_in) == (ANNA, True)
        assert (status.waiting, status.refused) == (0, 0)
        # The session is live: another round works and has nothing to do.
        again = demo.sync.run()
        assert (again.pushed, again.pulled, again.refused) == (0, 0, 0)
        folder = demo.data_dir
    assert not folder.exists()
    assert _demo_leftovers() == leftovers
    assert _platform_threads() == []
    assert set(threading.enumerate()) <= threads


def test_a_named_folder_keeps_the_demo_and_the_next_demo_continues_it(tmp_path: Path) -> None:
    folder = tmp_path / "kept-demo"
    with demo_mode.running_demo(folder) as demo:
        assert demo.data_dir == folder
        first = demo.ctx.timesheet.entries_between(date.min, date.today())
    assert (folder / "coapp.sqlite3").exists()
    assert (folder / demo_mode.PLATFORM_FOLDER / "platform.sqlite3").exists()
    with demo_mode.running_demo(folder) as demo:
        # The same account on the kept platform: no refusal for another account, no doubled time.
        assert demo.ctx.timesheet.entries_between(date.min, date.today()) == first
        assert demo.first_sync.refused == 0
    with contextlib.closing(AppContext.open(folder)) as ctx:
        assert [c.title for c in ctx.contracts.all()] == [ANNAS_CONTRACT]
    assert _platform_threads() == []


def test_coapp_demo_runs_the_window_on_a_synced_throwaway_folder(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    from coapp.ui import launch

    seen: list[tuple[Path, list[str]]] = []

    def run_window_on(ctx: AppContext) -> int:
        seen.append((ctx.paths.data_dir, [c.title for c in ctx.contracts.all()]))
        assert ctx.sync.status().signed_in
        return 0

    monkeypatch.setattr(launch, "run_window_on", run_window_on)
    leftovers = _demo_leftovers()
    assert main(["--demo"]) == 0
    [(folder, titles)] = seen
    assert titles == [ANNAS_CONTRACT]
    assert folder.name.startswith("coapp-demo-")
    assert not folder.exists()
    assert _demo_leftovers() == leftovers
    assert not data_dir.exists()  # the user's data folder was never touched
    assert "coapp demo: platform at http://127.0.0.1:" in capsys.readouterr().out


def test_demo_server_serves_until_ctrl_c_and_the_cli_can_use_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = shutil.which("coapp", path=str(Path(sys.executable).parent))
    assert script is not None
    env = {k: v for k, v in os.environ.items() if k != "COAPP_DATA_DIR"}
    env["COAPP_DATA_DIR"] = str(tmp_path / "server-logs")
    child = subprocess.Popen(
        [script, "demo-server"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert child.stdout is not None
        first = child.stdout.readline()
        match = re.match(r"Demo platform at (http://127\.0\.0\.1:\d+) ", first)
        assert match, first
        url = match.group(1)
        accounts = [child.stdout.readline().split() for _ in range(4)]
        anna = next(a for a in accounts if a[1] == ANNA)
        password = anna[-1]

        # No keyring here: `sync --email` signs in and syncs in this one process.
        keyring.set_keyring(fail.Keyring())
        saved = sys.stdin
        sys.stdin = io.StringIO(password + "\n")
        try:
            code = main(["sync", "--server", url, "--email", ANNA, "--json"])
        finally:
            sys.stdin = saved
        run = Run(code, *capsys.readouterr())
        assert run.code == 0, run
        assert json.loads(run.out)["pulled"] > 1
    finally:
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    assert out.endswith("Stopped.\n")


def test_demo_server_stops_cleanly_in_process() -> None:
    with demo_mode.demo_platform() as platform:
        folder = platform.folder
        assert folder.is_dir()
        assert len(platform.accounts) == 4
    assert not platform.running
    assert not folder.exists()


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_the_window_opens_on_the_demo_with_the_platforms_contract(qtbot: QtBot) -> None:
    from coapp.ui.launch import build_window_on

    with demo_mode.running_demo() as demo:
        window = build_window_on(demo.ctx)
        qtbot.addWidget(window)
        try:
            window.show()
            qtbot.waitExposed(window)
            window.timesheet.show_date(date.today())
            model = grid_of(window).model()
            titles = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
            assert any(ANNAS_CONTRACT in str(title) for title in titles), titles
        finally:
            window.close()  # before the demo's store closes: the window's workers stop first
            QApplication.processEvents()


def test_the_demo_freelancer_has_business_details_so_a_draft_confirms_with_one_call() -> None:
    from coapp.domain.identifiers import validate_org_number, validate_vat_number, vat_number_from_org_number
    from coapp.services.business import field_problems, missing_for_invoicing

    with demo_mode.running_demo() as demo:
        ctx = demo.ctx
        info = ctx.business.get()
        assert info.name == "Anna Lindqvist"
        assert field_problems(info) == {}
        assert missing_for_invoicing(info) == []
        # A Swedish sole trader: her personnummer is the organisation number, with F-skatt.
        assert (info.company_form, info.country, info.f_skatt) == ("sole_trader", "SE", True)
        assert validate_org_number(info.org_number, "SE")
        assert validate_vat_number(info.vat_number, "SE") == vat_number_from_org_number(info.org_number, "SE")
        contract = ctx.contracts.all()[0]
        first, last = ctx.drafts.uninvoiced_period(contract.id)
        draft = ctx.drafts.create(contract.id, first, last)
        problems = ctx.confirmation.preflight(draft.id)
        assert not [p for p in problems if "business details" in p or "your " in p], problems
        assert problems == []
        confirmed = ctx.confirmation.confirm(draft.id)  # the one click
        assert confirmed.state.value != "draft"
