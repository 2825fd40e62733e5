"""ICU's data library trimmed to what coapp can use: the frozen Linux app's largest single file.

Qt links ICU, and PySide6's wheel ships ICU's full data as libicudata.so.NN: 32 MB of collation,
locale names, time-zone names, break-iterator dictionaries, legacy character-set converters and
transliterators for every language CLDR knows. Qt asks ICU for collation (QCollator), time-zone
names and a few locale facts; it formats dates and numbers with its own CLDR tables, and coapp
formats money with Babel. So the bundle keeps ICU's root data, the Nordic languages and English
(every region of them), and the data that is not per locale; it drops the converters (coapp decodes
nothing through Qt but UTF-8 and Latin-1, which ICU computes without data), the CJK, Thai, Khmer,
Lao and Burmese word dictionaries, and the transliterators (Qt never transliterates). A locale ICU
lacks falls back to root, as ICU does for any locale it does not know: a German desktop sorts by
the root collation, which is German's.

The data is ICU's "common data" format (ICU's ucmndata.h): a header, a table of contents of
(name offset, data offset) pairs sorted by name, the names, then each item aligned to 16 bytes. It
is read from the library's one exported symbol (icudtNN_dat), filtered, written back in the same
layout and linked into a new library of the same name and soname with the GNU assembler and linker
(binutils, which PyInstaller itself needs on Linux).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

MAGIC = b"\xda\x27"
FORMAT = b"CmnD"
ALIGN = 16
# Languages kept, with every region and script of them: the UI's two, and the Nordic countries'.
LANGUAGES = frozenset({"sv", "en", "nb", "nn", "no", "da", "fi", "is"})
_LOCALE = re.compile(r"^(root|[a-z]{2,3}(_[A-Za-z0-9]+)*)$")
_SYMBOL = re.compile(r"^icudt\d+_dat$")


class IcuDataError(ValueError):
    """The file is not ICU common data laid out as this module expects."""


def keep_item(name: str) -> bool:
    """Whether the item *name* ("icudt73l/coll/sv.res") stays in the trimmed data."""
    relative = name.split("/", 1)[-1]
    tree, _, leaf = relative.rpartition("/")
    stem, _, extension = leaf.rpartition(".")
    if tree == "translit" or extension in ("cnv", "dict"):
        return False
    if extension == "res" and _LOCALE.match(stem):
        return stem == "root" or stem.split("_")[0] in LANGUAGES
    return True  # not per locale: pools, indexes, normalisation, time zones, collation's root, ...


def read_common(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of common data, in the table's (name) order."""
    if len(blob) < 32 or blob[2:4] != MAGIC:
        raise IcuDataError("not ICU data: the header's magic number is missing")
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[12:16] != FORMAT or header_size < 24 or header_size + 4 > len(blob):
        raise IcuDataError("not ICU common data (little-endian CmnD)")
    table = blob[header_size:]
    count = struct.unpack_from("<I", table, 0)[0]
    if count == 0 or 4 + 8 * count > len(table):
        raise IcuDataError(f"ICU data with a table of contents of {count} items that does not fit")
    entries = [struct.unpack_from("<II", table, 4 + 8 * i) for i in range(count)]
    starts = sorted(offset for _, offset in entries)
    ends = dict(zip(starts, [*starts[1:], len(table)], strict=True))
    items = []
    for name_offset, data_offset in entries:
        end_of_name = table.find(b"\0", name_offset)
        if end_of_name < 0 or data_offset > len(table):
            raise IcuDataError("ICU data whose table of contents points outside it")
        name = table[name_offset:end_of_name].decode("ascii")
        items.append((name, table[data_offset : ends[data_offset]]))
    return blob[:header_size], items


def write_common(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """Common data in ICU's layout: header, table of contents, names, items aligned to 16 bytes.
    The items' order must be the names' (ICU looks them up by binary search)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    offset = _aligned(len(header) + table_size + len(names)) - len(header)
    name_offset = table_size
    table = bytearray(struct.pack("<I", len(items)))
    body = bytearray()
    for name, data in items:
        table += struct.pack("<II", name_offset, offset + len(body))
        name_offset += len(name) + 1
        body += data + b"\0" * (_aligned(len(data)) - len(data))
    head = header + bytes(table) + names
    return head + b"\0" * (_aligned(len(head)) - len(head)) + bytes(body)


def _aligned(size: int) -> int:
    return (size + ALIGN - 1) // ALIGN * ALIGN


def trim(blob: bytes) -> bytes:
    header, items = read_common(blob)
    return write_common(header, [(name, data) for name, data in items if keep_item(name)])


# --- the library ---------------------------------------------------------------------------------


def data_symbol(library: Path) -> tuple[str, int, int]:
    """The exported data symbol of *library*: its name, file offset and size (binutils' nm and
    readelf; the data is the library's .rodata)."""
    symbols = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)], capture_output=True, text=True, check=True
    ).stdout.split()
    found = [i for i, word in enumerate(symbols) if _SYMBOL.match(word)]
    if len(found) != 1:
        raise IcuDataError(f"{library.name} does not export exactly one icudtNN_dat symbol")
    address, size = int(symbols[found[0] - 3], 16), int(symbols[found[0] - 2], 16)
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"\]\s+\.rodata\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if match is None:
        raise IcuDataError(f"{library.name} has no .rodata section")
    section_address, section_offset = int(match[1], 16), int(match[2], 16)
    return symbols[found[0]], section_offset + address - section_address, size


def trim_library(library: Path) -> int:
    """Replace *library* (libicudata.so.NN) with one holding the trimmed data; returns the bytes
    saved (0 where binutils are missing or this is not Linux: the library is then left as it is)."""
    tools = [shutil.which(tool) for tool in ("nm", "readelf", "as", "ld")]
    if not sys.platform.startswith("linux") or None in tools:
        return 0
    symbol, offset, size = data_symbol(library)
    with library.open("rb") as source:
        source.seek(offset)
        trimmed = trim(source.read(size))
    before = library.stat().st_size
    with tempfile.TemporaryDirectory(prefix="coapp-icu-") as work:
        folder = Path(work)
        (folder / "data.bin").write_bytes(trimmed)
        (folder / "data.s").write_text(
            f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign {ALIGN}\n"
            f'{symbol}:\n\t.incbin "data.bin"\n\t.size {symbol}, .-{symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=folder, check=True)
        subprocess.run(
            ["ld", "-shared", "-soname", library.name, "-o", "out.so", "data.o"], cwd=folder, check=True
        )
        shutil.copyfile(folder / "out.so", library)
    return before - library.stat().st_size


def trim_app(app: Path) -> int:
    """Trim every libicudata.so.NN in the one-folder app *app*; returns the bytes saved."""
    return sum(trim_library(path) for path in sorted(app.rglob("libicudata.so.*")) if not path.is_symlink())
