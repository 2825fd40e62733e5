"""Portfolio files: copied into the data folder under their checksum, kinds decided from the bytes,
names cleaned for showing, sizes limited; detaching or removing an item leaves no orphan file."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coapp.app.context import AppContext
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.profile_files import (
    MAX_FILE_NAME,
    clean_file_name,
    same_kind,
    sniff_content_type,
)
from coapp.domain.profile_sections import AttachedFile, PortfolioItem
from coapp.services.profile_rows import Section
from tests.services.profile_files_helpers import encode, picture, state, stored_files, write

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
KINDS = [
    ("talk.pdf", PDF_BYTES, "application/pdf"),
    ("shot.png", encode(picture(), "PNG"), "image/png"),
    ("shot.jpg", encode(picture(), "JPEG"), "image/jpeg"),
    ("anim.gif", encode(picture(), "GIF"), "image/gif"),
    ("shot.webp", encode(picture(), "WEBP"), "image/webp"),
    ("notes.txt", "Åsa's notes\n\ttabbed\r\n".encode(), "text/plain"),
    ("README.md", b"# Title\n\n- a list\n", "text/markdown"),
    ("noext", b"plain words", "text/plain"),
]


def item(ctx: AppContext, title: str = "Shop rewrite") -> PortfolioItem:
    added: PortfolioItem = ctx.profile.add_item(PortfolioItem(title, "https://example.com/shop"))
    return added


@pytest.mark.parametrize(("name", "data", "content_type"), KINDS)
def test_an_attached_file_is_stored_under_its_checksum_with_its_kind_from_the_bytes(
    ctx: AppContext, tmp_path: Path, name: str, data: bytes, content_type: str
) -> None:
    target = item(ctx)
    attached = ctx.profile_files.attach_file(target.id, write(tmp_path, name, data))
    sha = hashlib.sha256(data).hexdigest()
    assert attached.file == AttachedFile(sha, name, len(data), content_type)
    assert ctx.profile.items(Section.PORTFOLIO)[0].file == attached.file
    path = ctx.profile_files.file_path(sha)
    assert path == ctx.profile_files.folder / sha
    assert path.read_bytes() == data
    assert stored_files(ctx) == [sha]


def test_the_kind_comes_from_the_bytes_not_the_name(ctx: AppContext, tmp_path: Path) -> None:
    target = item(ctx)
    pdf_named_png = ctx.profile_files.attach_file(target.id, write(tmp_path, "cv.png", PDF_BYTES))
    assert pdf_named_png.file is not None
    assert pdf_named_png.file.content_type == "application/pdf"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("setup.exe", b"MZ\x90\x00" + bytes(100)),
        ("archive.zip", b"PK\x03\x04" + bytes(100)),
        ("latin1.txt", "Åsa".encode("latin-1")),
        ("nul.txt", b"text\x00with a nul"),
        ("photo.heic", b"\x00\x00\x00\x18ftypheic" + bytes(40)),
    ],
)
def test_other_kinds_are_refused_naming_the_allowed_ones(
    ctx: AppContext, tmp_path: Path, name: str, data: bytes
) -> None:
    target = item(ctx)
    before = state(ctx)
    with pytest.raises(
        ValidationError, match=f"{name} is not a kind of file a portfolio can hold: use PDF, PNG"
    ):
        ctx.profile_files.attach_file(target.id, write(tmp_path, name, data))
    assert state(ctx) == before


def test_bad_paths_are_refused_and_change_nothing(ctx: AppContext, tmp_path: Path) -> None:
    target = item(ctx)
    huge = tmp_path / "video.pdf"
    with huge.open("wb") as fh:
        fh.write(b"%PDF-")
        fh.truncate(25 * 1024 * 1024 + 1)
    cases = [
        (write(tmp_path, "empty.pdf", b""), "empty.pdf is empty"),
        (tmp_path / "missing.pdf", "missing.pdf does not exist"),
        (tmp_path, "is a folder; choose a file"),
        (huge, "video.pdf is larger than 25 MB, the most a portfolio file can be"),
    ]
    before = state(ctx)
    for path, message in cases:
        with pytest.raises(ValidationError, match=message):
            ctx.profile_files.attach_file(target.id, path)
    assert state(ctx) == before


def test_an_unknown_or_removed_item_is_refused_before_any_file_is_kept(
    ctx: AppContext, tmp_path: Path
) -> None:
    source = write(tmp_path, "a.pdf", PDF_BYTES)
    gone = item(ctx)
    ctx.profile.remove_item(Section.PORTFOLIO, gone.id)
    before = state(ctx)
    for item_id in ("no-such-id", gone.id, ""):
        with pytest.raises(NotFoundError, match="not in your portfolio"):
            ctx.profile_files.attach_file(item_id, source)
        with pytest.raises(NotFoundError):
            ctx.profile_files.detach_file(item_id)
    assert state(ctx) == before


def test_detaching_replacing_and_removing_leave_no_orphan_file(ctx: AppContext, tmp_path: Path) -> None:
    first, second = item(ctx, "One"), item(ctx, "Two")
    shared = write(tmp_path, "shared.pdf", PDF_BYTES)
    ctx.profile_files.attach_file(first.id, shared)
    ctx.profile_files.attach_file(second.id, shared)
    sha = hashlib.sha256(PDF_BYTES).hexdigest()
    assert stored_files(ctx) == [sha]  # the same bytes are one file
    detached = ctx.profile_files.detach_file(first.id)
    assert detached.file is None
    assert stored_files(ctx) == [sha]  # still attached to the second
    other = write(tmp_path, "other.txt", b"other")
    ctx.profile_files.attach_file(second.id, other)  # replaces: the PDF is no longer named
    other_sha = hashlib.sha256(b"other").hexdigest()
    assert stored_files(ctx) == [other_sha]
    ctx.profile.remove_item(Section.PORTFOLIO, second.id)
    assert stored_files(ctx) == []


def test_editing_an_item_keeps_its_file(ctx: AppContext, tmp_path: Path) -> None:
    target = item(ctx)
    attached = ctx.profile_files.attach_file(target.id, write(tmp_path, "a.pdf", PDF_BYTES))
    edited = ctx.profile.edit_item(replace(target, title="Shop rewrite, 2024"))  # the UI's copy has no file
    assert edited.title == "Shop rewrite, 2024"
    assert edited.file == attached.file


def test_only_checksums_become_paths(ctx: AppContext, tmp_path: Path) -> None:
    ctx.profile_files.attach_file(item(ctx).id, write(tmp_path, "a.pdf", PDF_BYTES))
    sha = hashlib.sha256(PDF_BYTES).hexdigest()
    for name in ("../coapp.sqlite3", "coapp.sqlite3", sha.upper(), sha + "/", "", "/etc/passwd", "a" * 64):
        assert ctx.profile_files.file_path(name) is None


def test_clean_up_touches_only_coapp_names_and_stale_temporary_files(ctx: AppContext, tmp_path: Path) -> None:
    ctx.profile_files.attach_file(item(ctx).id, write(tmp_path, "a.pdf", PDF_BYTES))
    folder = ctx.profile_files.folder
    orphan = "b" * 64
    for name in (orphan, "notes.txt", ".a-x.tmp", ".old-y.tmp"):
        (folder / name).write_bytes(b"x")
    os.utime(folder / ".old-y.tmp", (1, 1))  # from a crash long ago
    assert ctx.profile_files.collect_garbage() == [orphan]
    assert sorted(os.listdir(folder)) == sorted(
        [hashlib.sha256(PDF_BYTES).hexdigest(), "notes.txt", ".a-x.tmp"]
    )


# --- the pure rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("picked", "shown"),
    [
        ("/home/åsa/Work/report.pdf", "report.pdf"),
        ("C:\\Users\\x\\cv.pdf", "cv.pdf"),
        ("../../etc/passwd", "passwd"),
        ("evil\u202egpj.exe", "evilgpj.exe"),  # the right-to-left override is dropped
        ("tab\tand\nnewline.txt", "tabandnewline.txt"),
        ("..", "file"),
        ("   ", "file"),
        ("trailing dots...", "trailing dots"),
        ("a" * 300 + ".pdf", "a" * (MAX_FILE_NAME - 4) + ".pdf"),
    ],
)
def test_file_names_are_cleaned_for_showing(picked: str, shown: str) -> None:
    assert clean_file_name(picked) == shown


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_any_name_becomes_a_safe_bounded_name(name: str) -> None:
    shown = clean_file_name(name)
    assert 1 <= len(shown) <= MAX_FILE_NAME
    assert "/" not in shown
    assert "\\" not in shown
    assert shown not in (".", "..")
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in shown)
    assert clean_file_name(shown) == shown


@settings(max_examples=300)
@given(st.binary(max_size=64))
def test_sniffing_any_bytes_gives_an_allowed_kind_or_none(data: bytes) -> None:
    kind = sniff_content_type(data)
    assert kind in (
        None,
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "text/plain",
    )
    if kind == "text/plain":
        data.decode("utf-8")  # text means valid UTF-8
    assert same_kind(kind or "", kind) is (kind is not None)


def test_text_may_be_claimed_plain_or_markdown_but_nothing_else() -> None:
    assert same_kind("text/markdown", "text/plain")
    assert same_kind("text/plain", "text/markdown")
    assert not same_kind("image/png", "text/plain")
    assert not same_kind("application/pdf", "image/png")
    assert not same_kind("text/plain", None)
