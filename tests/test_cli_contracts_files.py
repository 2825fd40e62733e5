"""`coapp contracts pdf` and `coapp contracts add` (issue 11): the PDF by an id's start, in the
settings' language or --language, written atomically; a contract of one's own from a shell; and bad
input (exit 2, one line, nothing written), including any free-form arguments (Hypothesis)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from coapp.app.context import AppContext
from tests.documents.pdf_samples import page_texts
from tests.test_cli import Run, assert_one_line_error, quiet_cli, use_settings
from tests.test_cli_contracts import ACTIVE, FIXED, OFFER, fill, run, snapshot

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@pytest.fixture
def folder(data_dir: Path) -> Path:
    fill(data_dir)
    return data_dir


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page_texts(path.read_bytes())).split())


def test_pdf_by_the_id_s_start_in_the_settings_language(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    ctx = AppContext.open(folder)
    try:
        use_settings(ctx, language="sv")
    finally:
        ctx.close()
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "avtal.pdf"
    result = run(capsys, folder, "contracts", "pdf", ACTIVE[:8], "-o", str(target))
    assert result.code == 0, result
    assert result.out == f"Wrote {target}\n"
    text = pdf_text(target)
    for phrase in ("Avtal", "Ledger rewrite", "Kund AB", "PLATTFORM", "Arvode 1 000,00 kr per timme",
                   "Rapporterad tid 7:30 tim", "Signerat av Anna Lindqvist", "Sida 1 av 1"):  # fmt: skip
        assert phrase in text, phrase
    assert [p.name for p in target.parent.iterdir()] == ["avtal.pdf"]  # no temporary file left behind


def test_pdf_language_option_a_fixed_fee_and_an_offer(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "fixed.pdf"
    target.write_bytes(b"an older file")  # replaced whole
    assert run(capsys, folder, "contracts", "pdf", FIXED[:8], "-o", str(target), "--language", "en").code == 0
    text = pdf_text(target)
    assert "Contract" in text
    assert "Design 1 Jun 2026 40,000.00 Ready to invoice" in text
    assert "Budget left SEK 100,000.00" in text
    offer = tmp_path / "offer.pdf"
    assert run(capsys, folder, "contracts", "pdf", "Offered", "-o", str(offer), "--language", "en").code == 0
    assert "Offer — not signed" in pdf_text(offer)
    assert OFFER in pdf_text(offer)


@pytest.mark.parametrize(
    "argv",
    [
        ("contracts", "pdf", ACTIVE[:8], "-o", "{tmp}"),  # a folder
        ("contracts", "pdf", ACTIVE[:8], "-o", "{tmp}/missing/c.pdf"),  # no such folder
        ("contracts", "pdf", "nothing-like-it", "-o", "{tmp}/c.pdf"),
        ("contracts", "pdf", ACTIVE[:8], "-o", "{tmp}/c.pdf", "--language", "de"),
        ("contracts", "pdf", ACTIVE[:8]),  # no -o
    ],
)
def test_pdf_refusals_are_one_line_and_write_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run(capsys, folder, *(a.replace("{tmp}", str(out)) for a in argv))
    assert_one_line_error(result)
    assert list(out.iterdir()) == []


ADD = ("contracts", "add", "--title", "Own audit", "--client", "Eget Kund AB", "--fee", "hourly",
       "--rate", "950.50", "--currency", "SEK", "--start", "2026-02-01")  # fmt: skip


def shown(capsys: pytest.CaptureFixture[str], folder: Path, contract_id: str) -> dict[str, object]:
    result = run(capsys, folder, "contracts", "show", contract_id, "--json")
    assert result.code == 0, result
    return dict(json.loads(result.out))


def test_add_an_own_contract_prints_its_id(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    result = run(capsys, folder, *ADD)
    assert result.code == 0, result
    new_id = result.out.strip()
    assert UUID.match(new_id)
    c = shown(capsys, folder, new_id)
    assert (c["title"], c["client_name"], c["fee_model"], c["rate"], c["currency"]) == (
        "Own audit", "Eget Kund AB", "hourly", "950.50", "SEK",
    )  # fmt: skip
    # One's own contract, as the timesheet's dialog makes it: no platform, no commission, in force.
    assert (c["origin"], c["commission_rate"], c["state"], c["in_force"]) == ("local", "0.00", "active", True)
    assert (c["start"], c["end"], c["minutes_per_day"]) == ("2026-02-01", None, 480)


def test_add_a_daily_contract_with_every_option(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    argv = ("contracts", "add", "--title", "Days", "--client", "Kund", "--fee", "daily", "--rate", "8000",
            "--currency", "eur", "--start", "2026-03-01", "--end", "2026-03-31", "--hours-per-day", "7:30",
            "--commission", "12,5")  # fmt: skip
    result = run(capsys, folder, *argv)
    assert result.code == 0, result
    c = shown(capsys, folder, result.out.strip())
    assert (c["fee_model"], c["currency"], c["end"], c["minutes_per_day"], c["commission_rate"]) == (
        "daily", "EUR", "2026-03-31", 450, "12.50",
    )  # fmt: skip


def _with(option: str, value: str) -> tuple[str, ...]:
    argv = list(ADD)
    if option in argv:
        argv[argv.index(option) + 1] = value
    else:
        argv += [option, value]
    return tuple(argv)


@pytest.mark.parametrize(
    "argv",
    [
        _with("--rate", "abc"),
        _with("--rate", "-5"),
        _with("--rate", "1e3"),
        _with("--rate", "NaN"),
        _with("--rate", "9.999"),
        _with("--currency", "USD"),
        _with("--end", "2026-01-31"),  # before the start
        _with("--title", "  "),
        _with("--title", ""),
        _with("--client", "a\x00b"),
        _with("--title", "T" * 201),
        _with("--start", "2026-02-30"),
        _with("--start", "1/2/2026"),
        _with("--fee", "weekly"),
        _with("--hours-per-day", "25"),
        _with("--hours-per-day", "0"),
        _with("--commission", "101"),
        _with("--commission", "-1"),
        ADD[:-2],  # no start
    ],
)
def test_add_bad_input_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, argv: tuple[str, ...]
) -> None:
    before = snapshot(folder)
    assert_one_line_error(run(capsys, folder, *argv))
    assert snapshot(folder) == before


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("contracts-add-fuzz")
    fill(folder)
    return folder


def _or_valid(valid: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Mostly a valid value, so that some examples get through all nine arguments to the store."""
    free: st.SearchStrategy[str] = st.text(max_size=max_size)
    return st.integers(0, 4).flatmap(lambda i: free if i == 0 else st.sampled_from(valid))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=_or_valid(["Audit", " Audit ", "Å" * 200], 250),
    client=_or_valid(["Kund AB", "Ünïcødé Oy"], 250),
    fee=_or_valid(["hourly", "daily", "fixed"]),
    rate=_or_valid(["950", "950,50", "0", "1000000"]),
    currency=_or_valid(["SEK", "nok", "EUR"]),
    start=_or_valid(["2026-01-01", "2026-06-30"]),
    end=st.none() | _or_valid(["2026-03-31", "2026-12-31"]),
    hours=st.none() | _or_valid(["8", "7:30", "7,5"]),
    commission=st.none() | _or_valid(["0", "15", "100"]),
)
def test_any_arguments_add_one_contract_or_are_refused_in_one_line(
    fuzz_folder: Path,
    title: str,
    client: str,
    fee: str,
    rate: str,
    currency: str,
    start: str,
    end: str | None,
    hours: str | None,
    commission: str | None,
) -> None:
    argv = ["contracts", "add", f"--title={title}", f"--client={client}", f"--fee={fee}", f"--rate={rate}",
            f"--currency={currency}", f"--start={start}"]  # fmt: skip
    for option, value in (("--end", end), ("--hours-per-day", hours), ("--commission", commission)):
        if value is not None:
            argv.append(f"{option}={value}")
    before = snapshot(fuzz_folder)
    result: Run = quiet_cli("--data-dir", str(fuzz_folder), *argv)
    event("refused" if result.code else "added")
    if result.code != 0:
        assert_one_line_error(result)
        assert snapshot(fuzz_folder) == before
        return
    new_id = result.out.strip()
    assert UUID.match(new_id), result
    ctx = AppContext.open(fuzz_folder)
    try:
        made = ctx.contracts.get(new_id)
    finally:
        ctx.close()
    assert made.title == title.strip()
    assert made.client_name == client.strip()
    assert made.fee_model.value == fee
    assert made.start_date == date.fromisoformat(start.strip())
