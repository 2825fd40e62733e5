"""`coapp login|logout|status|sync ...` against the real server on 127.0.0.1 (port 0), through main()
in-process and once through the installed entry point in child processes."""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from coapp.__main__ import main
from coapp.cli import sync_verbs as cli_sync
from coapp.domain.errors import ValidationError
from coapp.sync.credentials import NO_KEYRING_WARNING
from coapp.sync.refused import RefusedChange
from coapp.sync.transport import RetryPolicy
from coserver.platform import change_contract
from coserver.settings import RateLimit
from tests.coserver import conftest as live_server
from tests.coserver.harness import PASSWORD, LiveServer
from tests.coserver.sync_helpers import Freelancer, database, freelancer
from tests.file_keyring import ENV as KEYRING_ENV
from tests.file_keyring import FileKeyring, live_entries, secrets_ever_stored
from tests.sync.fault_proxy import FaultProxy
from tests.test_cli import Run, assert_one_line_error

# The real server on loopback (tests/coserver/conftest.py), on SQLite and PostgreSQL.
db_url, start_server, server = live_server.db_url, live_server.start_server, live_server.server
migrated_templates = live_server.migrated_templates

EMAIL = "anna@example.com"
LATE = date(2026, 6, 29)  # inside the contract (to 2026-06-30) until the platform shortens it
ROOT = Path(__file__).resolve().parent.parent


def cli(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = "") -> Run:
    """main() with *stdin* as standard input (not a terminal, so the password is read from it)."""
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = saved
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A working keyring whose file lies outside the data folder (tmp_path/data)."""
    path = tmp_path / "keyring" / "entries.json"
    monkeypatch.setenv(KEYRING_ENV, str(path))
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield path
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def anna(server: LiveServer) -> Freelancer:
    return freelancer(server, EMAIL)


def login(capsys: pytest.CaptureFixture[str], url: str, email: str = EMAIL, password: str = PASSWORD) -> Run:
    return cli(capsys, "login", "--server", url, "--email", email, stdin=password + "\n")


def sync_json(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, Any]]:
    run = cli(capsys, "sync", "--json", *extra)
    assert run.err == "", run
    return run.code, json.loads(run.out)


def files_text(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


# --- the whole session ----------------------------------------------------------------------------


def test_login_sync_refuse_discard_logout(
    capsys: pytest.CaptureFixture[str], file_keyring: Path, anna: Freelancer, data_dir: Path
) -> None:
    server = anna.server
    run = login(capsys, server.url)
    assert run.code == 0, run
    assert run.out == f"Signed in as {EMAIL} on {server.url}.\n"
    assert len(live_entries(file_keyring)) == 1

    code, report = sync_json(capsys)
    assert code == 0
    assert set(report) == {
        "account",
        "server",
        "pushed",
        "pulled",
        "refused",
        "waiting",
        "refused_changes",
        "resynced",
        "clock_skew_seconds",
    }
    assert (report["account"], report["server"]) == (EMAIL, server.url)
    assert (report["pushed"], report["refused"], report["waiting"]) == (0, 0, 0)
    assert report["pulled"] >= 1  # the contract
    assert report["refused_changes"] == []

    contract = str(anna.contract_id)
    assert cli(capsys, "time", "set", contract, LATE.isoformat(), "1", "--note", "late work").code == 0
    run = cli(capsys, "status", "--json")
    assert json.loads(run.out)["waiting"] == 1
    with database(server) as session:
        change_contract(session, anna.contract_id, end_date=date(2026, 5, 31))

    run = cli(capsys, "sync")
    assert run.code == 1, run  # something was refused
    assert "1 refused" in run.out
    assert "outside the contract" in run.out
    assert "Move the time" in run.out

    code, report = sync_json(capsys)
    assert code == 1
    assert report["refused"] == 1
    [change] = report["refused_changes"]
    assert change["code"] == "outside_contract"
    assert change["what"].endswith(LATE.isoformat())
    assert change["your_values"]["minutes"] == 60

    run = cli(capsys, "sync", "refused")
    assert run.code == 0
    assert change["id"][:8] in run.out

    run = cli(capsys, "sync", "discard", change["id"][:6])
    assert run.code == 0, run
    assert "Discarded" in run.out
    assert cli(capsys, "sync", "refused").out == "No refused changes.\n"
    assert sync_json(capsys)[0] == 0
    week = json.loads(cli(capsys, "time", "week", "--week", "2026-W27", "--json").out)
    assert week["total_minutes"] == 0  # the platform's version: no time on that day

    run = cli(capsys, "logout")
    assert run.code == 0
    assert run.out == f"Signed out of {EMAIL}; the data in this folder stays.\n"
    assert live_entries(file_keyring) == {}
    status = json.loads(cli(capsys, "status", "--json").out)
    assert (status["account"], status["signed_in"]) == (EMAIL, False)
    # Signed out: sync says how to sign in, in one line, exit 2.
    run = cli(capsys, "sync")
    assert_one_line_error(run)
    assert "coapp login" in run.err


def test_status_and_sync_status_need_no_network(
    capsys: pytest.CaptureFixture[str], file_keyring: Path, anna: Freelancer
) -> None:
    run = cli(capsys, "status")
    assert run.code == 0
    assert "No platform account" in run.out
    assert login(capsys, anna.server.url).code == 0
    assert cli(capsys, "sync").code == 0
    anna.server.http.close()
    # The same answer from both spellings, and no request: the server may as well be gone.
    plain = cli(capsys, "status", "--json")
    assert plain.code == 0
    assert cli(capsys, "sync", "--status", "--json").out == plain.out
    status = json.loads(plain.out)
    assert status["account"] == EMAIL
    assert status["signed_in"] is True
    assert status["last_synced_at"] is not None
    assert (status["waiting"], status["refused"], status["last_error"]) == (0, 0, None)
    text = cli(capsys, "status").out
    assert f"Account: {EMAIL} on {anna.server.url} (signed in)" in text


def test_retry_and_keep_resolve_by_unambiguous_prefix(
    capsys: pytest.CaptureFixture[str], file_keyring: Path, anna: Freelancer, data_dir: Path, tmp_path: Path
) -> None:
    assert login(capsys, anna.server.url).code == 0
    assert cli(capsys, "sync").code == 0
    contract = str(anna.contract_id)
    for day in (LATE, LATE - timedelta(days=1)):
        assert cli(capsys, "time", "set", contract, day.isoformat(), "2").code == 0
    with database(anna.server) as session:
        change_contract(session, anna.contract_id, end_date=date(2026, 5, 31))
    assert cli(capsys, "sync").code == 1
    changes = sync_json(capsys)[1]["refused_changes"]
    assert len(changes) == 2

    run = cli(capsys, "sync", "retry", "")
    assert_one_line_error(run)
    run = cli(capsys, "sync", "retry", "zzzz")
    assert_one_line_error(run)
    assert "no refused change" in run.err
    first, second = changes
    with database(anna.server) as session:
        change_contract(session, anna.contract_id, end_date=date(2026, 6, 30))
    assert cli(capsys, "sync", "retry", first["id"]).code == 0
    run = cli(capsys, "sync", "keep", second["id"], "--to", str(tmp_path / "kept"))
    assert run.code == 0, run
    [kept] = (tmp_path / "kept").iterdir()
    assert json.loads(kept.read_text(encoding="utf-8"))["code"] == "outside_contract"
    code, report = sync_json(capsys)
    assert (code, report["pushed"], report["refused"], report["waiting"]) == (0, 1, 0, 0)


def test_an_id_prefix_must_name_one_change() -> None:
    def change(row_id: str) -> RefusedChange:
        return RefusedChange("time_entry", row_id, "locked", "", "", None, {}, None, "Backend")

    changes = [change("ab12-0000"), change("ab34-0000"), change("cd56-0000")]
    assert cli_sync.find_change(changes, "AB1").row_id == "ab12-0000"
    assert cli_sync.find_change(changes, " cd ").row_id == "cd56-0000"
    for prefix, reason in (
        ("ab", "give more of it"),
        ("ef", "no refused change"),
        ("  ", "give the change's id"),
    ):
        with pytest.raises(ValidationError, match=reason):
            cli_sync.find_change(changes, prefix)


# --- without a keyring ----------------------------------------------------------------------------


def test_without_a_keyring_login_says_so_and_sync_email_works_in_one_process(
    capsys: pytest.CaptureFixture[str], no_keyring: None, anna: Freelancer
) -> None:
    run = login(capsys, anna.server.url)
    assert run.code == 0, run
    assert "No keyring is available" in run.out
    assert f"coapp sync --email {EMAIL}" in run.out
    status = json.loads(cli(capsys, "status", "--json").out)
    assert (status["account"], status["signed_in"]) == (EMAIL, False)

    run = cli(capsys, "sync")
    assert_one_line_error(run)
    assert "sync --email" in run.err

    run = cli(capsys, "sync", "--email", EMAIL, "--json", stdin=PASSWORD + "\n")
    assert run.code == 0, run
    assert json.loads(run.out)["pulled"] >= 1
    assert NO_KEYRING_WARNING not in run.out  # the JSON stays one document
    # The session ended with the process: the server refuses its refresh tokens (none survive).
    run = cli(capsys, "sync")
    assert run.code == 2


# --- refusals: one line, exit 2 ---------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["login", "--server", "platform.example", "--email", EMAIL], "not a server address"),
        (["login", "--server", "ftp://platform.example", "--email", EMAIL], "not a server address"),
        (["login", "--server", "http://platform.example", "--email", EMAIL], "use https://"),
        (["login", "--server", "https://platform.example", "--email", "anna"], "not an e-mail address"),
        (["login", "--email", EMAIL], "--server URL"),
        (["sync", "--server", "https://platform.example"], "--server goes with --email"),
        (["sync", "retry"], "required: ID"),
        (["sync", "discard", "abc"], "no refused change"),
        (["sync", "bogus"], "invalid choice"),
        (["demo-server", "--port", "70000"], "not a port number"),
        (["--demo", "status"], "leave out the verb"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], file_keyring: Path, argv: list[str], reason: str
) -> None:
    run = cli(capsys, *argv, stdin=PASSWORD + "\n")
    assert_one_line_error(run)
    assert reason in run.err


def test_server_refusals_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], file_keyring: Path, start_server: Any, tmp_path: Path
) -> None:
    # Only failed sign-ins count against the limit (a success gives its attempt back).
    server = start_server(sign_in_per_account=RateLimit(3, timedelta(minutes=5)))
    freelancer(server, EMAIL)
    assert server.register("new@example.com").status_code == 201

    run = login(capsys, server.url, password="not the password")
    assert_one_line_error(run)
    assert "password is wrong" in run.err

    run = login(capsys, server.url, email="new@example.com")
    assert_one_line_error(run)
    assert "Confirm your e-mail address" in run.err

    run = cli(capsys, "login", "--server", server.url, "--email", EMAIL, stdin="")
    assert_one_line_error(run)
    assert "no password given" in run.err

    run = login(capsys, server.url)  # successes never lock the account
    assert run.code == 0, run
    for _ in range(2):  # the second and third failure
        run = login(capsys, server.url, password="not the password")
        assert "password is wrong" in run.err
    run = login(capsys, server.url)  # a fourth attempt, even with the right password
    assert_one_line_error(run)
    assert "rate limited" in run.err

    run = login(capsys, f"http://127.0.0.1:{_closed_port()}")
    assert_one_line_error(run)
    assert "cannot reach" in run.err
    assert len(live_entries(file_keyring)) == 1  # the earlier session is still there


def test_an_address_that_is_no_platform_is_named(
    capsys: pytest.CaptureFixture[str], file_keyring: Path
) -> None:
    class NotFound(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_: object) -> None:
            pass

    with ThreadingHTTPServer(("127.0.0.1", 0), NotFound) as other:
        thread = threading.Thread(target=other.serve_forever, daemon=True)
        thread.start()
        try:
            run = login(capsys, f"http://127.0.0.1:{other.server_address[1]}")
        finally:
            other.shutdown()
            thread.join()
    assert_one_line_error(run)
    assert "answered 404" in run.err
    assert "coapp platform?" in run.err


def test_at_a_terminal_the_password_is_asked_for_without_echo(
    capsys: pytest.CaptureFixture[str], file_keyring: Path, anna: Freelancer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return PASSWORD

    monkeypatch.setattr(getpass, "getpass", ask)
    monkeypatch.setattr(sys, "stdin", Terminal("not read\n"))
    assert main(["login", "--server", anna.server.url, "--email", EMAIL]) == 0
    assert prompts == [f"Password for {EMAIL}: "]
    assert PASSWORD not in capsys.readouterr().out


def test_a_keyring_that_refuses_is_one_line(capsys: pytest.CaptureFixture[str], anna: Freelancer) -> None:
    class Locked(FileKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.PasswordSetError("the collection is locked")

    before = keyring.get_keyring()
    keyring.set_keyring(Locked())
    try:
        run = login(capsys, anna.server.url)
    finally:
        keyring.set_keyring(before)
    assert_one_line_error(run)
    assert "keyring refused" in run.err
    assert "collection is locked" in run.err


def test_another_accounts_folder_is_refused(
    capsys: pytest.CaptureFixture[str], file_keyring: Path, anna: Freelancer
) -> None:
    freelancer(anna.server, "erik@example.com")
    assert login(capsys, anna.server.url).code == 0
    run = login(capsys, anna.server.url, email="erik@example.com")
    assert_one_line_error(run)
    assert f"belongs to {EMAIL}" in run.err
    assert "--data-dir" in run.err


def test_offline_sync_keeps_the_changes_and_exits_2(
    capsys: pytest.CaptureFixture[str],
    file_keyring: Path,
    anna: Freelancer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No waiting between the transport's retries (the backoff itself is tested in tests/sync).
    monkeypatch.setattr(RetryPolicy, "delay", lambda *_: 0.0)
    port = int(anna.server.url.rpartition(":")[2])
    with FaultProxy("127.0.0.1", port, seed=1) as proxy:
        assert login(capsys, proxy.url).code == 0
        assert cli(capsys, "sync").code == 0
        assert cli(capsys, "time", "set", str(anna.contract_id), "2026-03-03", "3").code == 0
        proxy.go_offline()
        run = cli(capsys, "sync")
        assert_one_line_error(run)
        assert "offline" in run.err
        assert "kept" in run.err
        status = json.loads(cli(capsys, "status", "--json").out)
        assert status["waiting"] == 1
        assert "offline" in status["last_error"]
        proxy.go_online()
        code, report = sync_json(capsys)
        assert (code, report["pushed"], report["waiting"]) == (0, 1, 0)


# --- a real process, and the proof that tokens reach no file ----------------------------------------


def _child(env: dict[str, str], *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    script = shutil.which("coapp", path=str(Path(sys.executable).parent))
    assert script is not None, "the coapp console script is not installed in this environment"
    return subprocess.run(
        [script, *argv],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_a_session_in_child_processes_leaves_no_token_in_any_file(anna: Freelancer, tmp_path: Path) -> None:
    folder = tmp_path / "proc-data"
    ring = tmp_path / "outside" / "keyring.json"
    env = {k: v for k, v in os.environ.items() if k != "COAPP_DATA_DIR"}
    env.update(
        {
            "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
            KEYRING_ENV: str(ring),
            "PYTHONPATH": os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        }
    )
    base = ["--data-dir", str(folder)]

    done = _child(env, *base, "login", "--server", anna.server.url, "--email", EMAIL, stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert "No keyring" not in done.stdout  # keyring honoured PYTHON_KEYRING_BACKEND

    done = _child(env, *base, "sync")  # the contract arrives
    assert done.returncode == 0, done.stderr
    done = _child(env, *base, "time", "set", str(anna.contract_id), "2026-03-04", "7,5", "--note", "api")
    assert done.returncode == 0, done.stderr
    done = _child(env, *base, "sync", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["pushed"], report["refused"], report["waiting"]) == (1, 0, 0)

    done = _child(env, *base, "logout")
    assert done.returncode == 0, done.stderr

    tokens = secrets_ever_stored(ring)
    assert len(tokens) >= 2  # an access and a refresh token were really issued
    written = files_text(folder)
    names = {p.name for p in folder.rglob("*") if p.is_file()}
    assert {"coapp.sqlite3", "coapp.log"} <= names  # the database and the log were really read
    for token in tokens:
        assert token.encode() not in written
    assert live_entries(ring) == {}
    # Nor did any output show one.
    assert not any(token in done.stdout + done.stderr for token in tokens)


def test_tokens_are_never_printed(
    capsys: pytest.CaptureFixture[str], file_keyring: Path, anna: Freelancer
) -> None:
    outputs = [login(capsys, anna.server.url), cli(capsys, "sync", "--json"), cli(capsys, "status", "--json")]
    outputs.append(cli(capsys, "logout"))
    tokens = secrets_ever_stored(file_keyring)
    assert tokens
    for run in outputs:
        for token in tokens:
            assert token not in run.out + run.err
