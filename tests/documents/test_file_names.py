"""Archive file names: readable, and always a single file inside the archive folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.documents.file_names import MAX_NAME_BYTES, archive_name, inside, safe_file_name
from coapp.domain.invoices import InvoiceKind


def test_names_read_like_the_invoice() -> None:
    assert archive_name("2026-0001", "Client AB") == "2026-0001 Client AB.pdf"
    assert (
        archive_name("2026-0002", "Client AB", InvoiceKind.CREDIT_NOTE)
        == "Kreditnota 2026-0002 Client AB.pdf"
    )
    assert (
        archive_name("7", "Åsa Økland", InvoiceKind.CREDIT_NOTE, language="en")
        == "Credit note 7 Åsa Økland.pdf"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../x", "x"),
        ("a/b\\c", "a b c"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("...", "invoice"),
        ("line\nbreak\ttab", "line break tab"),
        ("bidi\u202etxt.exe", "bidi txt.exe"),
        ('what?*:<>|"', "what"),
    ],
)
def test_what_is_not_a_file_name_is_cleaned(text: str, expected: str) -> None:
    assert safe_file_name(text) == expected


def test_a_server_number_cannot_climb_out_of_the_archive(tmp_path: Path) -> None:
    name = archive_name("../../x", "Client AB")
    assert inside(tmp_path, name).parent == tmp_path.resolve()
    with pytest.raises(ValueError, match="not a file name"):
        inside(tmp_path, "../x.pdf")


@given(st.text(), st.text(), st.sampled_from(list(InvoiceKind)))
def test_any_parts_make_one_file_inside_the_folder(number: str, client: str, kind: InvoiceKind) -> None:
    folder = Path("/tmp/coapp-archive-test")
    name = archive_name(number, client, kind)
    assert name.endswith(".pdf")
    assert "/" not in name
    assert "\\" not in name
    assert "\x00" not in name
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert inside(folder, name).parent == folder.resolve()


@given(st.text())
def test_safe_names_are_never_empty_reserved_or_dotted(text: str) -> None:
    name = safe_file_name(text)
    assert name
    assert name not in (".", "..")
    assert not name.startswith(" ")
    assert not name.endswith((" ", "."))
    assert name.split(".")[0].strip().upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}
