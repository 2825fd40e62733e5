"""Tab-separated text as spreadsheets put it on the clipboard (quotes around cells that hold tabs,
line breaks or quotes), so a block copied from Excel, Numbers or LibreOffice pastes into the grid."""

from __future__ import annotations

import csv
import io

MAX_CELLS = 10_000


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells; a trailing line break (spreadsheets add one) does not make an empty row."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    reader = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"', strict=False)
    rows = [list(r) if r else [""] for r in reader]
    if sum(len(r) for r in rows) > MAX_CELLS:
        raise ValueError("too many cells on the clipboard")
    return rows


def format_tsv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", quotechar='"', lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return out.getvalue()
