"""`coapp profile import-linkedin PATH [--dry-run] [--json]`: the plan as text and JSON, a dry run that
writes nothing, a second import that adds nothing, and a malformed export (exit 2, one line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.services.linkedin_fixtures import export_files, write_export
from tests.services.profile_helpers import profile_snapshot
from tests.test_cli import Run, assert_one_line_error, cli


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> Run:
    return cli(capsys, "--data-dir", str(folder), "profile", *argv)


def plan_json(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> dict[str, object]:
    result = run(capsys, folder, "import-linkedin", *argv, "--json")
    assert result.code == 0, result
    document: dict[str, object] = json.loads(result.out)
    return document


def show(capsys: pytest.CaptureFixture[str], folder: Path) -> dict[str, object]:
    result = run(capsys, folder, "show", "--json")
    assert result.code == 0, result
    document: dict[str, object] = json.loads(result.out)
    return document


def test_a_dry_run_shows_the_plan_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "in")
    run(capsys, data_dir, "show")  # the store exists before the snapshot
    before = profile_snapshot(data_dir / "coapp.sqlite3")
    result = run(capsys, data_dir, "import-linkedin", str(path), "--dry-run")
    assert result.code == 0, result
    assert "Added (15)" in result.out
    assert "experience   Architect at Acme (2017-03 – 2019-12)" in result.out
    assert "details      name = Åsa Öberg" in result.out
    assert (
        "Dev at Backwards AB: the job at Backwards AB ends (2013-01) before it starts (2013-06)" in result.out
    )
    assert "LinkedIn gives only the year 2015 for the start; saved as 2015-01" in result.out
    assert "Positions.csv line 5: “Finished On” is not a date" in result.out  # the reader's warning
    assert result.out.rstrip().endswith("Dry run: nothing was changed.")
    assert profile_snapshot(data_dir / "coapp.sqlite3") == before


def test_the_plan_as_json_then_a_second_import_adds_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = str(write_export(tmp_path / "in"))
    doc = plan_json(capsys, data_dir, path)
    assert set(doc) >= {"added", "changed", "kept", "skipped", "notes", "warnings", "applied"}
    assert doc["applied"] is True
    added = doc["added"]
    assert isinstance(added, dict)
    assert added["skills"] == ["Python", "JavaScript", "PostgreSQL"]
    assert {"item": "your profile", "field": "city", "value": "Stockholm"} in doc["changed"]["details"]  # type: ignore[index]
    assert {"item": "Suomi", "reason": "LinkedIn gives no level; add it by hand with its level"} in doc[
        "skipped"
    ][  # type: ignore[index]
        "languages"
    ]
    assert doc["kept"] == {}
    profile = show(capsys, data_dir)
    assert profile["name"] == "Åsa Öberg"
    assert len(profile["experience"]) == 4  # type: ignore[arg-type]

    before = profile_snapshot(data_dir / "coapp.sqlite3")
    again = plan_json(capsys, data_dir, path)
    assert again["added"] == {}
    assert again["changed"] == {}
    assert "experience" in again["skipped"]  # type: ignore[operator]
    assert profile_snapshot(data_dir / "coapp.sqlite3") == before
    text = run(capsys, data_dir, "import-linkedin", path)
    assert "Nothing to import" in text.out


def test_values_the_user_wrote_are_kept(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    assert run(capsys, data_dir, "set", "title", "Architect").code == 0
    assert run(capsys, data_dir, "skill", "add", "JavaScript").code == 0
    path = str(write_export(tmp_path / "in"))
    doc = plan_json(capsys, data_dir, path, "--dry-run")
    assert doc["applied"] is False
    assert doc["kept"] == {
        "details": [
            {
                "item": "your profile",
                "field": "title",
                "profile": "Architect",
                "export": "Senior .NET-konsult",
            }
        ]
    }
    assert {"item": "JS", "reason": "already in your profile as JavaScript"} in doc["skipped"]["skills"]  # type: ignore[index]
    result = run(capsys, data_dir, "import-linkedin", path)
    assert "title: yours “Architect”, LinkedIn “Senior .NET-konsult”" in result.out
    assert show(capsys, data_dir)["title"] == "Architect"


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_malformed_export_is_one_line_naming_file_and_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, dry_run: bool
) -> None:
    run(capsys, data_dir, "show")
    before = profile_snapshot(data_dir / "coapp.sqlite3")
    files = export_files(Positions="Company Name,Started On\nAcme,Jan 2020\n")
    path = write_export(tmp_path / "in", files, name="bad.zip")
    result = run(capsys, data_dir, "import-linkedin", str(path), *(["--dry-run"] if dry_run else []))
    assert_one_line_error(result)
    assert "bad.zip" in result.err
    assert "Positions.csv line 1: no column “Title”" in result.err
    assert profile_snapshot(data_dir / "coapp.sqlite3") == before


def test_a_missing_path_is_one_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    result = run(capsys, data_dir, "import-linkedin", str(tmp_path / "nowhere.zip"))
    assert_one_line_error(result)
    assert "nowhere.zip: no such file or folder" in result.err
