"""`coapp resume ...`: the PDF written (atomically, only on good input), variants saved, listed and
removed, and bad input: exit 2, one line on stderr, nothing changed or written."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.test_cli import Run, assert_one_line_error, cli


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> Run:
    return cli(capsys, "--data-dir", str(folder), *argv)


def text_of(path: Path) -> str:
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(path.read_bytes())).pages
    )


@pytest.fixture
def folder(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    for argv in (
        ("set", "name", "Åsa Økland"),
        ("set", "letter", "I build *things*."),
        ("skill", "add", "python", "--level", "5"),
        (
            "experience",
            "add",
            "--organisation",
            "Acme",
            "--role",
            "Dev",
            "--start",
            "2020-01",
            "--end",
            "2021-06",
        ),
        (
            "experience",
            "add",
            "--organisation",
            "Globex",
            "--role",
            "Lead",
            "--start",
            "2021-07",
            "--current",
        ),
    ):
        result = run(capsys, data_dir, "profile", *argv)
        assert result.code == 0, result
    return data_dir


def job_ids(capsys: pytest.CaptureFixture[str], folder: Path) -> dict[str, str]:
    doc = json.loads(run(capsys, folder, "profile", "show", "--json").out)
    return {job["organisation"]: job["id"] for job in doc["experience"]}


def variants(capsys: pytest.CaptureFixture[str], folder: Path) -> list[dict[str, object]]:
    result = run(capsys, folder, "resume", "variant", "list", "--json")
    assert result.code == 0, result
    found: list[dict[str, object]] = json.loads(result.out)
    return found


def test_pdf_in_each_language_and_look(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "cv.pdf"
    result = run(capsys, folder, "resume", "pdf", "-o", str(target))
    assert result.code == 0, result
    text = text_of(target)
    assert "Åsa Økland" in text
    assert "Erfarenhet" in text
    assert "Acme" in text
    assert "Globex" in text
    result = run(capsys, folder, "resume", "pdf", "-o", str(target), "--lang", "en", "--look", "modern")
    assert result.code == 0, result
    assert "EXPERIENCE" in text_of(target).replace(" ", "")


def test_variants_and_a_pdf_of_one(capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path) -> None:
    ids = job_ids(capsys, folder)
    result = run(
        capsys, folder, "resume", "variant", "save", "Lead roles", "--sections", "experience,skills",
        "--experiences", ids["Globex"][:8], "--lang", "en", "--look", "modern",
    )  # fmt: skip
    assert result.code == 0, result
    assert variants(capsys, folder) == [
        {"name": "Lead roles", "sections": ["experience", "skills"], "experiences": [ids["Globex"]],
         "language": "en", "look": "modern"},
    ]  # fmt: skip
    listed = run(capsys, folder, "resume", "variant", "list")
    assert listed.out == "Lead roles: en, modern, experience, skills (1 job)\n"

    target = tmp_path / "lead.pdf"
    assert run(capsys, folder, "resume", "pdf", "-o", str(target), "--variant", "lead roles").code == 0
    text = text_of(target)
    assert "Globex" in text
    assert "Acme" not in text
    assert "things" not in text
    assert "EXPERIENCE" in text.replace(" ", "")  # the variant's language and look

    assert run(capsys, folder, "resume", "variant", "remove", "LEAD ROLES").code == 0
    assert variants(capsys, folder) == []


@pytest.mark.parametrize(
    "argv",
    [
        ("variant", "save", ""),
        ("variant", "save", "x" * 81),
        ("variant", "save", "v", "--sections", "experience,hobbies"),
        ("variant", "save", "v", "--experiences", "nope"),
        ("variant", "save", "v", "--lang", "de"),
        ("variant", "save", "v", "--look", "fancy"),
        ("variant", "save", "Existing"),
        ("variant", "remove", "missing"),
        ("pdf", "-o", "{tmp}/cv.pdf", "--variant", "missing"),
        ("pdf", "-o", "{tmp}/cv.pdf", "--lang", "fi"),
        ("pdf", "-o", "{tmp}"),
        ("pdf",),
    ],
)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert run(capsys, folder, "resume", "variant", "save", "Existing").code == 0
    before = variants(capsys, folder)
    result = run(capsys, folder, "resume", *(a.replace("{tmp}", str(out)) for a in argv))
    assert_one_line_error(result)
    assert variants(capsys, folder) == before
    assert list(out.iterdir()) == []


def test_an_unwritable_target_is_bad_input(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run(capsys, folder, "resume", "pdf", "-o", str(blocker / "cv.pdf"))
    assert_one_line_error(result)
    assert "cannot write" in result.err
