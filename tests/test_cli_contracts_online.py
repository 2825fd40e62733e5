"""`coapp contracts sign` and `coapp reviews write` against the real reference server on loopback:
terms that changed since the last sync are refused in one line that shows them (and stored), signing
again works, and after the end the review is written once and listed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest

from tests.coserver import conftest as live_server
from tests.coserver.contract_helpers import offered
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import freelancer
from tests.file_keyring import ENV as KEYRING_ENV
from tests.file_keyring import FileKeyring
from tests.test_cli import assert_one_line_error
from tests.test_cli_sync import cli, login

db_url, start_server, server = live_server.db_url, live_server.start_server, live_server.server
migrated_templates = live_server.migrated_templates


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "keyring" / "entries.json"
    monkeypatch.setenv(KEYRING_ENV, str(path))
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield path
    keyring.set_keyring(before)


def listed(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, Any]]:
    run = cli(capsys, "contracts", "list", "--json")
    assert run.code == 0, run
    return {c["id"]: c for c in json.loads(run.out)}


def test_sign_with_changed_terms_then_sign_end_and_review(
    capsys: pytest.CaptureFixture[str], file_keyring: Path, server: LiveServer, data_dir: Path
) -> None:
    today = server.clock.now.date()
    anna = freelancer(server)
    deal = offered(server, anna, start=today - timedelta(days=1), end=today + timedelta(days=30))
    contract_id = str(deal.contract_id)
    assert login(capsys, server.url).code == 0
    assert cli(capsys, "sync").code == 0
    assert listed(capsys)[contract_id]["state"] == "offered"

    assert deal.agent("terms", {"payment_terms_days": 10}).status_code == 200
    stale = cli(capsys, "contracts", "sign", contract_id[:8], "--name", "Anna Lindqvist")
    assert_one_line_error(stale)
    assert "terms changed" in stale.err
    assert "payment in 10 days" in stale.err
    assert listed(capsys)[contract_id]["terms_version"] == 2  # the new terms are here to read

    signed = cli(capsys, "contracts", "sign", contract_id[:8], "--name", "Anna Lindqvist")
    assert signed.code == 0, signed
    assert "terms version 2" in signed.out
    assert listed(capsys)[contract_id]["state"] == "active"

    early = cli(capsys, "reviews", "write", contract_id[:8], "--score", "4", "--text", "Bra.")
    assert_one_line_error(early)  # not ended yet: the platform's reason
    assert deal.agent("end", {"text": "Klart."}).status_code == 200
    assert cli(capsys, "sync").code == 0
    wrote = cli(capsys, "reviews", "write", contract_id[:8], "--score", "4", "--text", "Tydliga krav.")
    assert wrote.code == 0, wrote
    run = cli(capsys, "reviews", "list", "--json")
    [reviews] = [r for r in json.loads(run.out) if r["contract_id"] == contract_id]
    assert (reviews["mine"]["score"], reviews["mine"]["text"], reviews["theirs"]) == (
        4,
        "Tydliga krav.",
        None,
    )
    again = cli(capsys, "reviews", "write", contract_id[:8], "--score", "5", "--text", "Igen.")
    assert_one_line_error(again)  # a review never changes
