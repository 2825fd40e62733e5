"""File names the app makes for invoices it archives: readable ("2026-0001 Client AB.pdf") and safe
on every system, whatever the parts hold.

Parts come from people and from the platform (an invoice number, a client's name), so none of them
is trusted to be a file name: path separators, control and format characters and the characters
Windows forbids become spaces, leading and trailing dots and spaces go (so no ".." and no hidden
files), names Windows reserves (CON, NUL, COM1, ...) get a leading underscore, and the name is cut to
a length every file system takes. ``inside`` then checks that the result stays in its folder.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from coapp.domain.invoices import InvoiceKind

MAX_NAME_BYTES = 200  # well under the 255 bytes of ext4, APFS and NTFS, leaving room for ".tmp" files
_FORBIDDEN = set('<>:"/\\|?*')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)}
# Control, format (bidi overrides), surrogate, private-use, unassigned and line/paragraph separators.
_NOT_PRINTED = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
_SPACES = re.compile(r"\s+")
_KIND_WORD = {"sv": {InvoiceKind.CREDIT_NOTE: "Kreditnota"}, "en": {InvoiceKind.CREDIT_NOTE: "Credit note"}}


def safe_file_name(text: str, *, fallback: str = "invoice", max_bytes: int = MAX_NAME_BYTES) -> str:
    """*text* made into one file name (no folders), never empty, at most *max_bytes* in UTF-8."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(" " if ch in _FORBIDDEN or unicodedata.category(ch) in _NOT_PRINTED else ch for ch in text)
    name = _SPACES.sub(" ", kept).strip(" .")
    name = _cut(name, max_bytes).strip(" .")
    if not name:
        name = fallback
    stem = name.split(".")[0].strip().upper()
    if stem in _RESERVED:
        name = "_" + name
    return _cut(name, max_bytes)


def _cut(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def archive_name(
    number: str, counterparty: str, kind: InvoiceKind = InvoiceKind.INVOICE, *, language: str = "sv"
) -> str:
    """The archived PDF's name: "2026-0001 Client AB.pdf", "Kreditnota 2026-0002 Client AB.pdf"."""
    word = _KIND_WORD.get(language, _KIND_WORD["en"]).get(kind, "")
    stem = " ".join(part for part in (word, number, counterparty) if part.strip())
    return safe_file_name(stem, max_bytes=MAX_NAME_BYTES - 4) + ".pdf"


def inside(folder: Path, name: str) -> Path:
    """*folder* / *name*, refusing any name that would land elsewhere (a last line of defence)."""
    base = folder.resolve()
    path = (base / name).resolve()
    if path.parent != base:
        raise ValueError(f"{name!r} is not a file name inside {folder}")
    return path
