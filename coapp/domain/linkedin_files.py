"""Getting LinkedIn's CSV files out of what "Get a copy of your data" sends, safely.

The export is untrusted input: a ZIP is read in memory (never extracted, its member names never used
as paths) within size and count caps checked before anything is decompressed, and every CSV problem
is an error naming the file and the physical line, so a person can open the file and look.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import lzma
import os
import re
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, TypeVar

from coapp.domain.errors import ValidationError

KNOWN_FILES = (
    "Profile.csv",
    "Positions.csv",
    "Education.csv",
    "Skills.csv",
    "Languages.csv",
    "Certifications.csv",
    "Honors.csv",
)
# A real export's profile files are a few hundred kB; the caps stop a zip bomb or a wrong file (a
# database dump picked by mistake) from filling memory before anything is looked at.
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 10_000  # a complete export (messages, connections, media lists) holds well under a thousand
MAX_FIELD_CHARS = 20_000  # LinkedIn's own limits are far lower (a summary is 2,600 characters)
HEADER_SEARCH_ROWS = 5  # some exports put a "Notes:" preamble (a row or two) above the header

_Item = TypeVar("_Item")
_KNOWN_BY_FOLDED = {name.casefold(): name for name in KNOWN_FILES}
# Controls other than tab and line break mean nothing in a profile and break the resume's PDF and XML.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def read_export_files(path: str | os.PathLike[str]) -> dict[str, bytes]:
    """The known CSV files of an export (a ZIP or the folder it unpacks to) by their canonical names.

    The files may sit at the top or inside one folder; files missing from the export are absent here.
    """
    where = Path(path)
    if where.is_dir():
        return _from_folder(where)
    if where.is_file():
        return _from_zip(where)
    if where.exists():
        raise ValidationError(
            "{where} is neither a ZIP file nor a folder; choose LinkedIn's export", where=where
        )
    raise ValidationError("{where}: no such file or folder", where=where)


def _canonical(file_name: str) -> str | None:
    return _KNOWN_BY_FOLDED.get(file_name.casefold())


def _pick_folder(where: Path, holding: Mapping[str, dict[str, _Item]]) -> dict[str, _Item]:
    """The files at the top if there are any, else those of the one folder that holds known files."""
    if "" in holding:
        return holding[""]
    if len(holding) > 1:
        folders = ", ".join(sorted(holding))
        raise ValidationError(
            "{where} holds LinkedIn files in more than one folder ({folders}); choose the folder you mean",
            where=where,
            folders=folders,
        )
    return next(iter(holding.values()), {})


def _add(where: Path, holding: dict[str, dict[str, _Item]], folder: str, name: str, item: _Item) -> None:
    canonical = _canonical(name)
    if canonical is None:
        return
    files = holding.setdefault(folder, {})
    if canonical in files:
        place = f"{folder}/{canonical}" if folder else canonical
        raise ValidationError(
            "{where} holds {place} twice; which one is the export?", where=where, place=place
        )
    files[canonical] = item


def _skipped_folder(name: str) -> bool:
    # macOS adds __MACOSX/ (resource forks) to ZIPs it makes; hidden folders are never the export.
    return name == "__MACOSX" or name.startswith(".")


def _from_folder(where: Path) -> dict[str, bytes]:
    holding: dict[str, dict[str, Path]] = {}
    try:
        # The same count cap as for a ZIP, so picking a home folder by mistake stays quick.
        listed = 0

        def listing(folder: Path) -> list[Path]:
            nonlocal listed
            entries = list(itertools.islice(folder.iterdir(), MAX_MEMBERS + 1 - listed))
            listed += len(entries)
            if listed > MAX_MEMBERS:
                raise ValidationError(
                    "{where} holds more than {max_members:,} files; choose the folder of LinkedIn's export",
                    where=where,
                    max_members=MAX_MEMBERS,
                )
            return sorted(entries)

        for entry in listing(where):
            if entry.is_file():
                _add(where, holding, "", entry.name, entry)
            elif entry.is_dir() and not _skipped_folder(entry.name):
                for inner in listing(entry):
                    if inner.is_file():
                        _add(where, holding, entry.name, inner.name, inner)
        chosen = _pick_folder(where, holding)
        total = sum(p.stat().st_size for p in chosen.values())
        if total > MAX_TOTAL_BYTES:
            _refuse_too_big(where, total)
        result: dict[str, bytes] = {}
        for name, file in chosen.items():
            with open(file, "rb") as f:
                # Read at most one byte past the cap: the files may grow while we read.
                data = f.read(MAX_TOTAL_BYTES - sum(map(len, result.values())) + 1)
            result[name] = data
            if sum(map(len, result.values())) > MAX_TOTAL_BYTES:
                _refuse_too_big(where, MAX_TOTAL_BYTES + 1)
    except OSError as e:
        if e.filename:
            raise ValidationError(
                "{where}: could not read {file} ({reason})", where=where, file=e.filename, reason=e.strerror
            ) from None
        raise ValidationError(
            "{where}: could not read the folder ({reason})", where=where, reason=e.strerror
        ) from None
    return result


def _refuse_too_big(where: Path, size: int) -> NoReturn:
    raise ValidationError(
        "{where}: the LinkedIn files unpack to more than {most} MB ({size:,} bytes); "
        "a real export is far smaller",
        where=where,
        most=MAX_TOTAL_BYTES // (1024 * 1024),
        size=size,
    )


# What zipfile and its decompressors raise for damaged data (ValueError: a name flagged UTF-8 that is
# not, among others). Found by fuzzing damaged exports; see the tests.
_ZIP_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    NotImplementedError,
    ValueError,
)


def _from_zip(where: Path) -> dict[str, bytes]:
    try:
        with open(where, "rb") as f:
            magic = f.read(4)
    except OSError as e:
        raise ValidationError(
            "{where}: could not read the file ({reason})", where=where, reason=e.strerror
        ) from None
    if not magic.startswith(b"PK"):
        raise ValidationError(
            "{where} is neither a ZIP file nor a folder; choose LinkedIn's export", where=where
        )
    try:
        with zipfile.ZipFile(where) as archive:
            return _read_members(where, archive)
    except ValidationError:  # ours, already clear (it is a ValueError too, so it must not be caught below)
        raise
    except _ZIP_DAMAGE as e:
        raise ValidationError(
            "{where} is a damaged ZIP file ({reason}); download the export again", where=where, reason=str(e)
        ) from None
    except RuntimeError as e:  # zipfile's word for a password it was not given
        raise ValidationError(
            "{where}: {reason}; save the export without a password", where=where, reason=str(e)
        ) from None


def _read_members(where: Path, archive: zipfile.ZipFile) -> dict[str, bytes]:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ValidationError(
            "{where} holds {n:,} files, more than {max_members:,}; this is not a LinkedIn export",
            where=where,
            n=len(members),
            max_members=MAX_MEMBERS,
        )
    holding: dict[str, dict[str, zipfile.ZipInfo]] = {}
    for info in members:
        if info.filename.endswith("/"):  # a folder (ZipInfo.is_dir fails on an empty name)
            continue
        # The name is only compared, never joined to a path: "../x" or "C:\x" cannot go anywhere.
        parts = [p for p in info.filename.replace("\\", "/").split("/") if p]
        if len(parts) == 1:
            _add(where, holding, "", parts[0], info)
        elif len(parts) == 2 and not _skipped_folder(parts[0]):
            _add(where, holding, parts[0], parts[1], info)
    chosen = _pick_folder(where, holding)
    for name, info in chosen.items():
        if info.flag_bits & 0x1:
            raise ValidationError(
                "{where}: {name} is encrypted; save the export without a password", where=where, name=name
            )
    declared = sum(info.file_size for info in chosen.values())
    if declared > MAX_TOTAL_BYTES:
        _refuse_too_big(where, declared)
    result: dict[str, bytes] = {}
    budget = MAX_TOTAL_BYTES
    for name, info in chosen.items():
        with archive.open(info) as member:
            # Never more than the budget allows, whatever the header claims.
            data = member.read(budget + 1)
        if len(data) > budget:
            _refuse_too_big(where, MAX_TOTAL_BYTES - budget + len(data))
        budget -= len(data)
        result[name] = data
    return result


def decode_text(file_name: str, data: bytes) -> tuple[str, str | None]:
    """The text and, when it was not UTF-8, a warning saying how it was read.

    UTF-8 (with or without a BOM) is what LinkedIn sends; UTF-16 with a BOM and Windows-1252 are what
    spreadsheet programs on Windows write when someone opens and re-saves the file.
    """
    if data.startswith(codecs.BOM_UTF8):
        # Decoded past the BOM so the bad byte's position counts lines from the file's start.
        return _decode(file_name, data[len(codecs.BOM_UTF8) :], "utf-8", "UTF-8"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(file_name, data, "utf-16", "UTF-16"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = _decode(file_name, data, "cp1252", "UTF-8 or Windows-1252")
    return text, f"{file_name} is not UTF-8; read as Windows-1252 (check accented letters)"


def _decode(file_name: str, data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        # The line of the bad byte: the text before it, decoded leniently, says how many lines precede it.
        line = data[: e.start].decode(codec, errors="replace").count("\n") + 1
        raise ValidationError(
            "{file_name} line {line}: not {label} text; save it as UTF-8 CSV",
            file_name=file_name,
            line=line,
            label=label,
        ) from None


@dataclass(frozen=True)
class CsvRow:
    line: int  # the physical line where the row starts (a quoted description may span several)
    values: Mapping[str, str]  # by the expected column names; "" for a column the file lacks


@dataclass(frozen=True)
class CsvTable:
    file_name: str
    rows: tuple[CsvRow, ...]
    warnings: tuple[str, ...]


def read_table(file_name: str, data: bytes, required: Iterable[str], optional: Iterable[str]) -> CsvTable:
    """The data rows of one CSV file under its header row; extra columns and empty rows are left out."""
    required, optional = tuple(required), tuple(optional)
    text, warning = decode_text(file_name, data)
    warnings = [warning] if warning else []
    raw_rows = _physical_rows(file_name, text)
    non_empty = [(line, cells) for line, cells in raw_rows if any(c.strip() for c in cells)]
    if not non_empty:
        return CsvTable(file_name, (), (*warnings, f"{file_name} is empty; nothing read from it"))
    header_at, columns = _find_header(file_name, non_empty, required, optional)
    rows: list[CsvRow] = []
    for line, cells in non_empty[header_at + 1 :]:
        values: dict[str, str] = {}
        for name in required + optional:
            index = columns.get(name)
            raw = cells[index] if index is not None and index < len(cells) else ""
            values[name] = _clean(raw, f"{file_name} line {line}", name, warnings)
        rows.append(CsvRow(line, values))
    return CsvTable(file_name, tuple(rows), tuple(warnings))


def _physical_rows(file_name: str, text: str) -> list[tuple[int, list[str]]]:
    # newline="" keeps line breaks inside quoted fields as written, so csv sees the real records;
    # reader.line_num counts physical lines, so a row starts one past where the previous one ended.
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    ended = 0
    try:
        for cells in reader:
            rows.append((ended + 1, cells))
            ended = reader.line_num
    except csv.Error as e:
        raise ValidationError(
            "{file_name} line {line_num}: not readable as CSV ({reason})",
            file_name=file_name,
            line_num=reader.line_num,
            reason=str(e),
        ) from None
    return rows


def _header_name(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


def _find_header(
    file_name: str, rows: list[tuple[int, list[str]]], required: tuple[str, ...], optional: tuple[str, ...]
) -> tuple[int, dict[str, int]]:
    """Which of the first rows is the header, and where each expected column is in it."""
    best: tuple[int, dict[str, int]] | None = None
    for at, (_line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        positions: dict[str, int] = {}
        for index, cell in enumerate(cells):
            positions.setdefault(_header_name(cell), index)  # a repeated column: the first one counts
        columns = {
            name: positions[key] for name in required + optional if (key := name.casefold()) in positions
        }
        if all(name in columns for name in required):
            return at, columns
        if best is None or len(columns) > len(best[1]):
            best = (at, columns)
    assert best is not None  # there is at least one row
    missing = next(name for name in required if name not in best[1])
    line = rows[best[0]][0]
    if best[1]:
        raise ValidationError(
            "{file_name} line {line}: no column “{missing}”; is this a LinkedIn export?",
            file_name=file_name,
            line=line,
            missing=missing,
        )
    raise ValidationError(
        "{file_name}: no column “{missing}” in the first lines; is this a LinkedIn export?",
        file_name=file_name,
        missing=missing,
    )


def _clean(raw: str, where: str, column: str, warnings: list[str]) -> str:
    """The value as written, minus outer spaces and control characters, within MAX_FIELD_CHARS.

    A value that looks like a formula ("=HYPERLINK(…)") stays as it is: it is text, not a formula.
    """
    text = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if len(text) > MAX_FIELD_CHARS:
        warnings.append(
            f"{where}: “{column}” is {len(text):,} characters long; cut to the first {MAX_FIELD_CHARS:,}"
        )
        text = text[:MAX_FIELD_CHARS].rstrip()
    return text
