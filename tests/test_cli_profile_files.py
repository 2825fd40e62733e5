"""`coapp profile photo ...`, `coapp profile portfolio ...` and the resume's --photo: the JSON shows
the photo and each item's file; bad input exits 2 with one line and changes nothing."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.services.profile_files_helpers import encode, picture, png_header, write
from tests.services.profile_helpers import profile_snapshot
from tests.test_cli import Run, assert_one_line_error, cli

PDF_BYTES = b"%PDF-1.4\n%%EOF\n"


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> Run:
    return cli(capsys, "--data-dir", str(folder), *argv)


def doc(capsys: pytest.CaptureFixture[str], folder: Path) -> dict[str, object]:
    result = run(capsys, folder, "profile", "show", "--json")
    assert result.code == 0, result
    loaded: dict[str, object] = json.loads(result.out)
    return loaded


def state(folder: Path) -> tuple[object, list[str]]:
    files = folder / "files"
    return profile_snapshot(folder / "coapp.sqlite3"), sorted(os.listdir(files)) if files.exists() else []


def test_photo_set_shown_and_removed(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    assert doc(capsys, data_dir)["photo"] is None
    source = write(tmp_path, "me.png", encode(picture((800, 600)), "PNG"))
    result = run(capsys, data_dir, "profile", "photo", "set", str(source), "--crop", "100,50,500")
    assert result.code == 0, result
    photo = doc(capsys, data_dir)["photo"]
    assert isinstance(photo, dict)
    stored = data_dir / "files" / photo["sha256"]
    assert photo["downloaded"] is True
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == photo["sha256"]
    with Image.open(stored) as image:
        assert image.size == (500, 500)
    assert "Photo" in run(capsys, data_dir, "profile", "show").out
    assert run(capsys, data_dir, "profile", "photo", "remove").out == "Photo removed.\n"
    assert doc(capsys, data_dir)["photo"] is None
    assert not stored.exists()


@pytest.mark.parametrize(
    ("name", "data", "crop"),
    [
        ("bomb.png", png_header(100_000, 100_000), None),
        ("notes.jpg", b"just text", None),
        ("empty.png", b"", None),
        ("cut.jpg", encode(Image.effect_noise((300, 300), 90).convert("RGB"), "JPEG")[:3000], None),
        ("ok.png", encode(picture((300, 200)), "PNG"), "150,0,200"),
        ("ok.png", encode(picture((300, 200)), "PNG"), "1,2"),
        ("ok.png", encode(picture((300, 200)), "PNG"), "a,b,c"),
        ("ok.png", encode(picture((300, 200)), "PNG"), "-5,0,100"),
    ],
)
def test_a_bad_photo_exits_2_with_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    name: str,
    data: bytes,
    crop: str | None,
) -> None:
    kept = write(tmp_path, "kept.png", encode(picture(), "PNG"))
    assert run(capsys, data_dir, "profile", "photo", "set", str(kept)).code == 0
    before = state(data_dir)
    argv = ["profile", "photo", "set", str(write(tmp_path, name, data))]
    if crop is not None:
        argv += ["--crop", crop]
    assert_one_line_error(run(capsys, data_dir, *argv))
    assert state(data_dir) == before


def test_a_missing_file_or_a_folder_as_photo(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    run(capsys, data_dir, "profile", "show")
    before = state(data_dir)
    for path in (tmp_path / "nope.jpg", tmp_path):
        result = run(capsys, data_dir, "profile", "photo", "set", str(path))
        assert_one_line_error(result)
    assert (
        "nope.jpg does not exist"
        in run(capsys, data_dir, "profile", "photo", "set", str(tmp_path / "nope.jpg")).err
    )
    assert state(data_dir) == before


def test_portfolio_add_attach_detach_remove(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    pdf = write(tmp_path, "Talk slides.pdf", PDF_BYTES)
    result = run(
        capsys, data_dir, "profile", "portfolio", "add", "Conference talk", "--url", "example.com/talk"
    )
    assert result.code == 0, result
    portfolio = doc(capsys, data_dir)["portfolio"]
    assert isinstance(portfolio, list)
    item_id = portfolio[0]["id"]
    assert portfolio[0]["file"] is None
    assert run(capsys, data_dir, "profile", "portfolio", "attach", item_id[:8], str(pdf)).code == 0
    entry = doc(capsys, data_dir)["portfolio"][0]  # type: ignore[index]
    sha = hashlib.sha256(PDF_BYTES).hexdigest()
    assert entry["file"] == {
        "name": "Talk slides.pdf",
        "size": len(PDF_BYTES),
        "content_type": "application/pdf",
        "sha256": sha,
    }
    assert (data_dir / "files" / sha).read_bytes() == PDF_BYTES
    assert "Talk slides.pdf (application/pdf" in run(capsys, data_dir, "profile", "show").out
    assert run(capsys, data_dir, "profile", "portfolio", "detach", item_id).code == 0
    assert doc(capsys, data_dir)["portfolio"][0]["file"] is None  # type: ignore[index]
    assert not (data_dir / "files" / sha).exists()
    assert run(capsys, data_dir, "profile", "portfolio", "attach", item_id, str(pdf)).code == 0
    assert run(capsys, data_dir, "profile", "portfolio", "remove", item_id).code == 0
    assert doc(capsys, data_dir)["portfolio"] == []
    assert not (data_dir / "files" / sha).exists()


def test_portfolio_add_with_a_file(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    notes = write(tmp_path, "notes.md", b"# Notes\n")
    result = run(capsys, data_dir, "profile", "portfolio", "add", "Notes", "--file", str(notes))
    assert result.code == 0, result
    entry = doc(capsys, data_dir)["portfolio"][0]  # type: ignore[index]
    assert entry["file"]["content_type"] == "text/markdown"


def test_bad_portfolio_input_exits_2_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    assert run(capsys, data_dir, "profile", "portfolio", "add", "Work").code == 0
    item_id = doc(capsys, data_dir)["portfolio"][0]["id"]  # type: ignore[index]
    exe = write(tmp_path, "tool.exe", b"MZ\x90\x00" + bytes(64))
    before = state(data_dir)
    for argv in (
        ("attach", item_id, str(exe)),
        ("attach", "no-such", str(write(tmp_path, "a.pdf", PDF_BYTES))),
        ("attach", item_id, str(tmp_path / "missing.pdf")),
        ("attach", item_id, str(tmp_path)),
        ("attach", item_id, str(write(tmp_path, "empty.txt", b""))),
        ("detach", "no-such"),
        ("remove", "no-such"),
        ("add", "", "--url", "x"),
        ("add", "With a bad file", "--file", str(exe)),
    ):
        result = run(capsys, data_dir, "profile", "portfolio", *argv)
        assert_one_line_error(result)
    assert (
        "tool.exe is not a kind of file a portfolio can hold"
        in run(capsys, data_dir, "profile", "portfolio", "attach", item_id, str(exe)).err
    )
    assert state(data_dir) == before


def images(pdf: Path) -> int:
    return len(PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].images)


def test_resume_pdf_with_and_without_the_photo(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    run(capsys, data_dir, "profile", "set", "name", "Åsa")
    out = tmp_path / "cv.pdf"
    result = run(capsys, data_dir, "resume", "pdf", "-o", str(out), "--photo")
    assert_one_line_error(result)
    assert "there is no profile photo" in result.err
    assert not out.exists()
    source = write(tmp_path, "me.png", encode(picture(), "PNG"))
    assert run(capsys, data_dir, "profile", "photo", "set", str(source)).code == 0
    for argv, expected in (((), 1), (("--photo",), 1), (("--no-photo",), 0), (("--look", "modern"), 1)):
        assert run(capsys, data_dir, "resume", "pdf", "-o", str(out), *argv).code == 0
        assert images(out) == expected, argv
    assert run(capsys, data_dir, "resume", "variant", "save", "Anon", "--sections", "letter,skills").code == 0
    assert run(capsys, data_dir, "resume", "variant", "save", "Face", "--sections", "photo,skills").code == 0
    for argv, expected in (
        (("--variant", "Anon"), 0),
        (("--variant", "Face"), 1),
        (("--variant", "Anon", "--photo"), 1),
    ):
        assert run(capsys, data_dir, "resume", "pdf", "-o", str(out), *argv).code == 0
        assert images(out) == expected, argv
