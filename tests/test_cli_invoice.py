"""`coapp invoice ...`: the JSON shape, the whole life from draft to credit note, exports, refusals."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_cli import assert_one_line_error, cli, quiet_cli, snapshot
from tests.test_cli import demo_template as demo_template  # a module fixture, shared

INVOICE_KEYS = {
    "id", "number", "state", "currency", "lines", "net", "vat", "total",
    "agreement_value", "commission_rate", "commission_amount", "commission_vat", "payout", "kind",
    "billed_to", "signed_total",
}  # fmt: skip
LINE_KEYS = {"description", "quantity", "unit", "unit_price", "amount", "vat_rate"}


@pytest.fixture
def demo(data_dir: Path, request: pytest.FixtureRequest) -> Path:
    """A copy of one `coapp demo --today 2026-11-26` folder per module."""
    shutil.copytree(request.getfixturevalue("demo_template"), data_dir)
    return data_dir


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    run = cli(capsys, *argv)
    assert run.code == 0, run.err
    return json.loads(run.out)


def _waiting(capsys: pytest.CaptureFixture[str], contract: str = "Backend") -> dict[str, object]:
    """The demo's draft for this month, waiting for its confirmation (the months before are
    confirmed), and how many invoices the demo's history holds."""
    listed = _json(capsys, "invoice", "list", "--json")
    assert isinstance(listed, list)
    drafts = [i for i in listed if i["state"] == "draft" and i["contract"].startswith(contract)]
    assert len(drafts) == 1
    return {**drafts[0], "history": len([i for i in listed if i["state"] != "draft"])}


def test_from_draft_to_credit_note(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    draft = _waiting(capsys)
    history = draft["history"]
    assert isinstance(history, int)
    assert set(draft) >= INVOICE_KEYS
    assert draft["number"] is None
    assert draft["state"] == "draft"
    assert all(set(line) >= LINE_KEYS for line in draft["lines"])
    assert all(isinstance(draft[k], str) for k in ("net", "total", "payout", "commission_amount"))
    net = sum((Decimal(li["amount"]) for li in draft["lines"]), start=Decimal(0))
    assert str(net) == draft["net"]

    # payout = total (VAT included) − commission − VAT on the commission (25 %: a Swedish freelancer).
    commission = Decimal(draft["commission_amount"])
    assert Decimal(draft["commission_vat"]) == (commission * Decimal("0.25")).quantize(Decimal("0.01"))
    assert Decimal(draft["payout"]) == Decimal(draft["total"]) - commission - Decimal(draft["commission_vat"])
    assert draft["billed_to"] == "client"

    confirmed = _json(capsys, "invoice", "confirm", draft["id"][:8], "--json")
    number = confirmed["number"]
    assert re.fullmatch(rf"20\d\d-{history + 1:04d}", number)
    assert confirmed["state"] == "confirmed"
    assert confirmed["total"] == draft["total"]
    assert f"{number} {confirmed['buyer']}.pdf" in [p.name for p in (demo / "invoices").glob("*.pdf")]

    # The invoiced days are locked for the CLI too.
    day = draft["lines"][0]["first_day"]
    assert_one_line_error(cli(capsys, "time", "set", "Backend", day, "1"))

    listed = _json(capsys, "invoice", "list", "--json")
    assert next(i["number"] for i in listed if i["state"] != "draft") == number

    pdf, ubl = tmp_path / "one.pdf", tmp_path / "one.xml"
    assert cli(capsys, "invoice", "pdf", number, "-o", str(pdf)).code == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert cli(capsys, "invoice", "ubl", number, "-o", str(ubl)).code == 0
    assert b"urn:fdc:peppol.eu:2017:poacc:billing:3.0" in ubl.read_bytes()

    time_file = tmp_path / "time.csv"
    assert cli(capsys, "invoice", "time", number, "-o", str(time_file)).code == 0
    rows = list(csv.reader(io.StringIO(time_file.read_text(encoding="utf-8-sig")), delimiter=","))
    assert rows[0][0] == "Date"  # the settings speak English in tests
    assert len(rows) == len(draft["lines"]) + 2  # header, one row per day, total

    credit = _json(capsys, "invoice", "credit", number, "--json")
    assert credit["number"] == number.replace(f"{history + 1:04d}", f"{history + 2:04d}")
    assert credit["credited_number"] == number
    # UBL's convention: the credit note's amounts are positive, its kind says credit; sums sign it.
    assert (credit["kind"], credit["total"], credit["signed_total"]) == (
        "credit_note",
        confirmed["total"],
        str(-Decimal(confirmed["total"])),
    )
    assert all(Decimal(li["amount"]) > 0 for li in credit["lines"])
    shown = cli(capsys, "invoice", "show", credit["number"])
    assert shown.out.startswith(f"Credit note {credit['number']} ")
    assert "VAT 25" in shown.out
    assert cli(capsys, "time", "set", "Backend", day, "1").code == 0  # unlocked again

    listing = tmp_path / "list.csv"
    assert cli(capsys, "invoice", "csv", "-o", str(listing)).code == 0
    # header, the history, the other waiting draft, this invoice and its credit note
    assert listing.read_bytes().decode("utf-8-sig").count("\r\n") == 1 + history + 1 + 2


def test_confirm_refused_names_the_problems(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    draft = _waiting(capsys)
    assert cli(capsys, "time", "set", "Backend", "2026-11-02", "3").code == 0  # the grid changes
    before = snapshot(demo)
    run = cli(capsys, "invoice", "confirm", draft["id"])
    assert_one_line_error(run)
    assert "refresh the draft" in run.err
    assert snapshot(demo) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["invoice", "draft", "Backend", "--period", "2026-13"],
        ["invoice", "draft", "Backend", "--period", "2026-11-31..2026-12-01"],
        ["invoice", "draft", "Backend", "--period", "2026-12-01..2026-11-01"],
        ["invoice", "draft", "Nope", "--period", "2026-11"],
        ["invoice", "draft", "Backend"],
        ["invoice", "confirm", "does-not-exist"],
        ["invoice", "credit", "x1"],
        ["invoice", "pdf", "1", "-o", "/nonexistent-folder/x.pdf"],
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], demo: Path, argv: list[str]
) -> None:
    before = snapshot(demo)
    assert_one_line_error(cli(capsys, *argv))
    assert snapshot(demo) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(period=st.text(max_size=30))
def test_any_period_text_is_a_draft_or_a_clear_refusal(demo: Path, period: str) -> None:
    run = quiet_cli("invoice", "draft", "Backend", "--period", period)
    assert run.code in (0, 2), run
    assert "Traceback" not in run.err


def test_a_second_draft_over_drafted_days_needs_force(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    first = _waiting(capsys)  # the demo's draft for November
    before = snapshot(demo)
    again = cli(capsys, "invoice", "draft", "Backend", "--period", "2026-11")
    assert_one_line_error(again)
    assert "already bills" in again.err
    assert "--force" in again.err
    assert snapshot(demo) == before  # nothing was made
    forced = cli(capsys, "invoice", "draft", "Backend", "--period", "2026-11", "--force", "--json")
    assert forced.code == 0
    assert forced.err.startswith("warning: ")
    assert json.loads(forced.out)["id"] != first["id"]
