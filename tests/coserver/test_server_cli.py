"""`coapp-server`: one-line errors with exit 2 on bad input; `seed-demo` prints usable accounts."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from coserver.__main__ import main
from tests.coserver.harness import LiveServer


@pytest.mark.parametrize(
    "argv",
    [
        ["--port", "abc"],
        ["serve", "--port", "70000"],
        ["serve", "--db", "mysql://somewhere/db"],
        ["--db", "::not a url::"],
        ["--bogus"],
        ["frobnicate"],
    ],
)
def test_bad_arguments_exit_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("coapp-server")
    assert len(err.strip().splitlines()) == 1, err


def test_unreachable_database_is_one_line_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "postgresql+psycopg://nobody:x@127.0.0.1:1/none", "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("coapp-server: error:")
    assert len(err.strip().splitlines()) == 1, err


def test_seed_demo_prints_accounts_that_can_sign_in(
    db_url: str, start_server: Callable[..., LiveServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["seed-demo", "--db", db_url]) == 0
    accounts = json.loads(capsys.readouterr().out)
    assert sorted(a["role"] for a in accounts) == ["agent", "client", "freelancer", "freelancer"]
    server = start_server()
    for account in accounts:
        signed = server.sign_in(account["email"], account["password"])
        assert signed.status_code == 200, signed.text
        assert signed.json()["account"]["role"] == account["role"]
    # Seeding again resets the passwords rather than failing.
    assert main(["seed-demo", "--db", db_url]) == 0
    again = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in again] == [a["id"] for a in accounts]
    assert server.sign_in(again[0]["email"], again[0]["password"]).status_code == 200
    # Each freelancer has one contract (not two after seeding twice) running around today.
    for account in again:
        token = server.sign_in(account["email"], account["password"]).json()["access_token"]
        feed = server.get("/v1/sync/changes", token)
        if account["role"] != "freelancer":  # the change feed is the freelancers' (coserver.roles)
            assert feed.status_code == 403, feed.text
            continue
        changes = feed.json()["changes"]
        # Issue 11's seed adds an earlier contract of Erik's that has ended; one runs now.
        contracts = [c["row"] for c in changes if c["entity"] == "contract" and c["row"]["state"] == "active"]
        assert len(contracts) == 1
        for contract in contracts:
            assert contract["start_date"] < date.today().isoformat() < contract["end_date"]
            assert contract["assignment_id"] is not None  # from a demo assignment (test_server_assignments)


def test_prune_prints_what_it_deleted(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prune", "--db", db_url]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "idempotency_keys": 0,
        "applied_ops": 0,
        "tombstones": 0,
        "access_tokens": 0,
        "refresh_tokens": 0,
        "sessions": 0,
        "confirmation_codes": 0,
        "rate_limit_windows": 0,
        "unconfirmed_accounts": 0,
        "profile_tombstones": 0,
        "uploads": 0,
    }


def test_new_epoch_after_a_restore_changes_the_epoch(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from coserver.db import make_engine, make_session_factory, server_epoch

    assert main(["new-epoch", "--db", db_url]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["old_epoch"] != printed["new_epoch"]
    engine = make_engine(db_url)
    try:
        with make_session_factory(engine)() as session:
            assert server_epoch(session) == printed["new_epoch"]
    finally:
        engine.dispose()
