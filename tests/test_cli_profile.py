"""`coapp profile ...`: the JSON document, readable text, and bad input (exit 2, one line, nothing
changed) for every verb."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.profile_helpers import profile_snapshot
from tests.test_cli import Run, assert_one_line_error, cli, quiet_cli


@pytest.fixture
def folder(data_dir: Path) -> Path:
    return data_dir


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> Run:
    return cli(capsys, "--data-dir", str(folder), "profile", *argv)


def show_json(capsys: pytest.CaptureFixture[str], folder: Path) -> dict[str, object]:
    result = run(capsys, folder, "show", "--json")
    assert result.code == 0, result
    document: dict[str, object] = json.loads(result.out)
    return document


def test_an_empty_profile_as_json(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    doc = show_json(capsys, folder)
    assert doc["completeness"] == 0
    assert doc["availability"] == {"from": None, "percent": None}
    assert doc["rates"] == {"hourly": None, "daily": None, "currency": "SEK"}
    for key in ("languages", "links", "experience", "education", "skills", "certificates", "awards"):
        assert doc[key] == [], key
    assert doc["portfolio"] == []
    assert isinstance(doc["tips"], list)
    assert "Add your name" in doc["tips"]


def test_a_filled_profile_as_json(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    for argv in (
        ("set", "name", "Åsa Økland"),
        ("set", "title", "Senior backend developer"),
        ("set", "email", "asa@example.com"),
        ("set", "phone", "+47 912 34 567"),
        ("set", "city", "Oslo"),
        ("set", "country", "no"),
        ("set", "currency", "NOK"),
        ("set", "hourly_rate", "1150.50"),
        ("set", "daily_rate", "9000"),
        ("set", "available_from", "2027-01-04"),
        ("set", "availability_percent", "80"),
        ("set", "letter", "I build *things*."),
        ("language", "add", "Norwegian", "native"),
        ("language", "add", "english", "c1"),
        ("link", "add", "linkedin.com/in/asa"),
        ("skill", "add", "golang", "--level", "5", "--years", "8"),
        ("skill", "add", "k8s"),
        ("experience", "add", "--organisation", "Acme", "--role", "Lead", "--start", "2022-03", "--current",
         "--description", "Led a team", "--skills", "go, Postgres"),
        ("experience", "add", "--organisation", "Initech", "--role", "Dev", "--start", "2019-01",
         "--end", "2022-02"),
        ("education", "add", "--school", "NTNU", "--degree", "MSc", "--field", "CS", "--start", "2012-08",
         "--end", "2017-06"),
    ):  # fmt: skip
        result = run(capsys, folder, *argv)
        assert result.code == 0, (argv, result)
    doc = show_json(capsys, folder)
    assert (doc["name"], doc["title"], doc["country"], doc["city"]) == (
        "Åsa Økland",
        "Senior backend developer",
        "NO",
        "Oslo",
    )
    assert doc["email"] == "asa@example.com"
    assert doc["phone"] == "+47 912 34 567"
    assert doc["languages"] == [
        {"language": "Norwegian", "level": "native"},
        {"language": "English", "level": "C1"},
    ]
    assert doc["availability"] == {"from": "2027-01-04", "percent": 80}
    assert doc["rates"] == {"hourly": "1150.50", "daily": "9000.00", "currency": "NOK"}
    assert doc["links"] == [{"url": "https://linkedin.com/in/asa", "kind": "linkedin"}]
    assert doc["letter"] == "I build *things*."
    assert doc["skills"] == [
        {"name": "Go", "level": 5, "years": 8},
        {"name": "Kubernetes", "level": None, "years": None},
    ]
    jobs = doc["experience"]
    assert isinstance(jobs, list)
    assert jobs[0] | {"id": "x"} == {
        "id": "x",
        "organisation": "Acme",
        "role": "Lead",
        "start": "2022-03",
        "end": None,
        "current": True,
        "description": "Led a team",
        "skills": ["Go", "PostgreSQL"],
    }
    assert (jobs[1]["end"], jobs[1]["current"]) == ("2022-02", False)
    assert doc["education"] == [
        {
            "id": doc["education"][0]["id"],  # type: ignore[index]
            "school": "NTNU",
            "degree": "MSc",
            "field": "CS",
            "start": "2012-08",
            "end": "2017-06",
        }
    ]
    assert 0 < doc["completeness"] < 100  # type: ignore[operator]
    assert "Add the skills you used at Initech" in doc["tips"]  # type: ignore[operator]

    text = run(capsys, folder, "show")
    assert text.code == 0
    assert "Åsa Økland" in text.out
    assert "1150.50 NOK/hour" in text.out
    assert "Lead, Acme" in text.out
    assert "Complete:" in text.out

    removed = run(capsys, folder, "experience", "remove", jobs[1]["id"][:8])
    assert removed.code == 0, removed
    assert len(show_json(capsys, folder)["experience"]) == 1  # type: ignore[arg-type]


@pytest.fixture
def filled(capsys: pytest.CaptureFixture[str], folder: Path) -> Path:
    assert run(capsys, folder, "skill", "add", "JavaScript").code == 0
    assert run(capsys, folder, "language", "add", "Swedish", "native").code == 0
    assert run(capsys, folder, "link", "add", "github.com/ada").code == 0
    assert run(capsys, folder, "set", "letter", "Hello").code == 0
    return folder


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("set", "salary", "100"), "not a profile field"),
        (("set", "email", "ada@"), "e-mail"),
        (("set", "country", "Sweden"), "country code"),
        (("set", "hourly_rate", "-1"), "negative"),
        (("set", "hourly_rate", "abc"), "not an amount"),
        (("set", "currency", "USD"), "currency"),
        (("set", "available_from", "2027-13-01"), "date"),
        (("set", "availability_percent", "0"), "1 to 100"),
        (("set", "letter", "x" * 200_000), "at most 20,000 fit"),
        (("skill", "add", "JS"), "“JS” is JavaScript, which is already in your skills"),
        (("skill", "add", "Go", "--level", "9"), "1 (beginner) to 5"),
        (("skill", "add", "Go", "--years", "-1"), "years"),
        (("skill", "add", "Go", "--level", "high"), "invalid int"),
        (("skill", "add", " "), "required"),
        (("skill", "remove", "Rust"), "Rust is not in your skills"),
        (("language", "add", "Swedish", "C1"), "already in your languages"),
        (("language", "add", "German", "fluent"), "not a language level"),
        (("language", "remove", "German"), "not among your languages"),
        (("link", "add", "github.com/ada lovelace"), "contains a space"),
        (("link", "add", "https://GitHub.com/ada/"), "already in your links"),
        (("link", "add", "ftp://example.com"), "http and https"),
        (("link", "remove", "example.com"), "not among your links"),
        (("experience", "add", "--organisation", "Acme", "--role", "Dev", "--start", "2022-01",
          "--end", "2021-12"), "ends (2021-12) before it starts (2022-01)"),
        (("experience", "add", "--organisation", "Acme", "--role", "Dev", "--start", "2022-01"),
         "one of the arguments --end --current is required"),
        (("experience", "add", "--organisation", "Acme", "--role", "Dev", "--start", "2022-01",
          "--end", "2023-01", "--current"), "not allowed with argument"),
        (("experience", "add", "--organisation", "Acme", "--role", "Dev", "--start", "Jan 2022",
          "--current"), "is not a month"),
        (("experience", "add", "--organisation", " ", "--role", "Dev", "--start", "2022-01", "--current"),
         "organisation is required"),
        (("experience", "remove", "nope"), "no item in experience"),
        (("education", "add", "--school", "KTH", "--start", "2015-08", "--end", "2010-06"),
         "before it starts"),
        (("education", "add", "--school", "KTH", "--start", "2015-13"), "not between 01 and 12"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], filled: Path, argv: tuple[str, ...], message: str
) -> None:
    before = profile_snapshot(filled / "coapp.sqlite3")
    result = run(capsys, filled, *argv)
    assert_one_line_error(result)
    assert message in result.err, result.err
    assert profile_snapshot(filled / "coapp.sqlite3") == before


@pytest.fixture(scope="module")
def fuzz_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("profile-fuzz")
    assert quiet_cli("--data-dir", str(folder), "profile", "skill", "add", "Python").code == 0
    return folder


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    verb=st.sampled_from(["skill", "link", "language", "set-title", "set-rate", "experience"]),
    text=st.one_of(
        st.text(max_size=40),
        st.from_regex(r"[a-zåäö]{1,8}\.(se|com)/[a-z ]{0,6}", fullmatch=True),
        st.from_regex(r"[0-9]{4}-[0-9]{2}", fullmatch=True),
    ),
)
def test_free_form_input_is_applied_or_refused_cleanly(fuzz_profile: Path, verb: str, text: str) -> None:
    argv = {
        "skill": ["skill", "add", text],
        "link": ["link", "add", text],
        "language": ["language", "add", text, "B2"],
        "set-title": ["set", "title", text],
        "set-rate": ["set", "hourly_rate", text],
        "experience": ["experience", "add", "--organisation", "Acme", "--role", "Dev", f"--start={text}",
                       "--end=2030-01"],
    }[verb]  # fmt: skip
    if text.startswith("-"):
        argv = [*argv[:-1], "--", argv[-1]] if verb in ("skill", "link", "set-title", "set-rate") else argv
    database = fuzz_profile / "coapp.sqlite3"
    before = profile_snapshot(database)
    result = quiet_cli("--data-dir", str(fuzz_profile), "profile", *argv)
    assert result.code in (0, 2), result
    assert "Traceback" not in result.err
    if result.code == 2:
        assert_one_line_error(result)
        assert profile_snapshot(database) == before
    shown = quiet_cli("--data-dir", str(fuzz_profile), "profile", "show", "--json")
    assert shown.code == 0
    assert 0 <= json.loads(shown.out)["completeness"] <= 100
