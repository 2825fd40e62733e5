"""The data folder is the user's alone: on POSIX every folder in it is 0700 and every file 0600, after
real use (store, backups, a confirmed invoice's PDF, settings, the log, the holiday cache, a kept
refused change, exports) and also when an older coapp left them readable by others."""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from coapp.__main__ import file_logging
from coapp.app.context import AppContext
from coapp.base.paths import Paths
from coapp.services.holiday_names import HolidayNames
from coapp.services.sheets import CellChange
from coapp.store.backup import make_backup
from tests.services.invoicing_helpers import SOLE_TRADER, hourly_contract
from tests.test_cli import cli

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="POSIX modes; on Windows the profile folder's ACL keeps the data private"
)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most desktops have, which alone would make 0755 folders and 0644 files."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def modes(folder: Path) -> dict[str, str]:
    """Every folder and file under *folder* (itself included) with its permission bits."""
    found = {".": oct(stat.S_IMODE(folder.stat().st_mode))}
    for root, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            path = Path(root) / name
            found[str(path.relative_to(folder))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def assert_private(folder: Path) -> dict[str, str]:
    found = modes(folder)
    wrong = {
        name: mode
        for name, mode in found.items()
        if mode != oct(0o700 if (folder / name).is_dir() else 0o600)
    }
    assert wrong == {}, f"readable by others: {wrong}"
    return found


def test_after_real_use_every_folder_is_0700_and_every_file_0600(data_dir: Path) -> None:
    ctx = AppContext.open(data_dir)
    try:
        ctx.business.save(SOLE_TRADER)
        contract = hourly_contract(ctx)
        first = date(2026, 11, 23)
        ctx.timesheet.apply(
            [CellChange(contract.id, first + timedelta(days=i), 480, "work") for i in range(5)]
        )
        draft = ctx.drafts.create(contract.id, first, first + timedelta(days=6), today=date(2026, 11, 30))
        ctx.confirmation.confirm(draft.id, today=date(2026, 11, 30))  # the real PDF writer
        make_backup(ctx.paths.database, "test")
        ctx.save_settings(ctx.settings.with_changes(holiday_country="NO"))
        HolidayNames(data_dir / "holidays-cache.json").for_days([first], "SE", "sv")
        from coapp.base.atomic_file import write_atomic

        write_atomic(data_dir / "exports" / "invoices.csv", b"number;total\n")
        with file_logging(ctx.paths):
            logging.getLogger("coapp").warning("a line in the log")
        open_store = assert_private(data_dir)  # SQLite's -wal and -shm exist while the store is open
        assert "coapp.sqlite3-wal" in open_store
        assert "coapp.sqlite3-shm" in open_store
    finally:
        ctx.close()

    found = assert_private(data_dir)
    for expected in (
        "coapp.sqlite3",
        "settings.json",
        "holidays-cache.json",
        "backups",
        "invoices",
        "logs",
        "logs/coapp.log",
        "exports/invoices.csv",
    ):
        assert expected in found, sorted(found)
    assert any(name.startswith("invoices/") and name.endswith(".pdf") for name in found)
    assert any(name.startswith("backups/") for name in found)


def test_the_command_line_keeps_the_folder_private(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, "demo", "--today", "2026-11-26").code == 0
    listed = cli(capsys, "invoice", "list", "--state", "draft", "--json")  # the demo's waiting drafts
    assert listed.code == 0, listed
    invoice_id = next(i["id"] for i in json.loads(listed.out) if i["contract"].startswith("Backend"))
    assert cli(capsys, "invoice", "confirm", invoice_id).code == 0
    assert cli(capsys, "invoice", "pdf", invoice_id, "-o", str(data_dir / "copy.pdf")).code == 0
    assert cli(capsys, "time", "week", "--week", "2026-W48").code == 0  # a second start: the daily backup
    found = assert_private(data_dir)
    assert "logs/coapp.log" in found
    assert "copy.pdf" in found
    assert any(name.startswith("backups/") for name in found)
    assert os.umask(0o022) == 0o022  # main() gave the umask back


def test_a_folder_an_older_coapp_left_open_is_tightened_at_start(data_dir: Path) -> None:
    # What an older coapp left: the usual umask's 0755 folders and 0644 files.
    AppContext.open(data_dir).close()
    with file_logging(Paths.resolve(data_dir)):
        logging.getLogger("coapp").warning("old")
    (data_dir / "invoices").mkdir(exist_ok=True)
    (data_dir / "invoices" / "2026-0001.pdf").write_bytes(b"%PDF")
    (data_dir / "logs" / "coapp.log.1").write_text("older\n", encoding="utf-8")
    (data_dir / "files").mkdir(exist_ok=True)  # the profile's photo and portfolio files
    (data_dir / "files" / ("a" * 64)).write_bytes(b"%PDF")
    for root, dirs, files in os.walk(data_dir):
        for name in dirs:
            os.chmod(Path(root) / name, 0o755)
        for name in files:
            os.chmod(Path(root) / name, 0o644)
    os.chmod(data_dir, 0o755)
    assert modes(data_dir)["coapp.sqlite3"] == oct(0o644)

    AppContext.open(data_dir).close()
    found = assert_private(data_dir)
    assert "invoices/2026-0001.pdf" in found
    assert "logs/coapp.log.1" in found
    assert "files/" + "a" * 64 in found  # fails when "files" is not among DATA_FOLDERS


def test_a_database_left_open_in_a_private_folder_is_tightened(data_dir: Path) -> None:
    AppContext.open(data_dir).close()
    for name in ("coapp.sqlite3", "coapp.sqlite3-wal", "coapp.sqlite3-shm"):
        if (data_dir / name).exists():
            os.chmod(data_dir / name, 0o644)
    AppContext.open(data_dir).close()
    assert_private(data_dir)


@pytest.mark.skipif(sys.platform == "darwin", reason="the demo's own folder is tested on Linux")
def test_the_demo_platforms_folder_is_private(tmp_path: Path) -> None:
    from coapp.app.demo import demo_platform

    folder = tmp_path / "demo-platform"
    with demo_platform(folder):
        pass
    assert_private(folder)


def test_only_coapps_own_files_are_tightened_in_a_folder_that_holds_other_things(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --data-dir may name a folder with the user's other files (a home folder): not ours to change.
    home = tmp_path / "home"
    (home / "bin").mkdir(parents=True)
    script = home / "bin" / "backup.sh"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    (home / "notes.txt").write_text("shared\n", encoding="utf-8")
    (home / "notes.txt").chmod(0o644)
    home.chmod(0o755)
    assert cli(capsys, "--data-dir", str(home), "time", "week", "--week", "2026-W48").code == 0
    assert modes(home)["bin"] == oct(0o755)
    assert modes(home)["bin/backup.sh"] == oct(0o755)
    assert modes(home)["notes.txt"] == oct(0o644)
    for own in ("coapp.sqlite3", "logs", "logs/coapp.log", "invoices"):
        assert modes(home)[own] == oct(0o700 if (home / own).is_dir() else 0o600), own


def test_a_shared_sticky_folder_keeps_its_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp
    for _ in range(2):  # the second start finds coapp's database there
        assert cli(capsys, "--data-dir", str(shared), "time", "week", "--week", "2026-W48").code == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert modes(shared)["coapp.sqlite3"] == oct(0o600)
