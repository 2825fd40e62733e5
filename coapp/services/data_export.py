"""The full data export: one ZIP with every kind of data as JSON and the files the data names.

The format is documented in docs/export-format.md and described by MANIFEST_SCHEMA (a JSON Schema
kept beside that document, docs/export-manifest.schema.json, and checked against it by the tests):

    manifest.json           what the ZIP holds: format and version, when, which coapp, the counts
    data/<kind>.json        one file per kind of data (a table of the store), {"kind", "rows": [...]}
    files/invoices/...      the archived PDFs of confirmed invoices
    files/profile/photo.jpg the profile photo
    files/portfolio/...     the files attached to portfolio items
    files/resumes/...       the resume as PDF, and each saved variant (rendered for the export)

Names inside the ZIP never come straight from the data: a portfolio file's name came from a
person or from the platform, so every name is made safe (coapp.documents.file_names) and kept in
its folder; two files of the same name get " (2)", " (3)". The ZIP is written beside its target
and renamed into place when complete, private to the user (it holds clients, rates and invoices).
"""

from __future__ import annotations

import base64
import enum
import hashlib
import json
import os
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import Table, select

from coapp.base.paths import PRIVATE_FILE_MODE
from coapp.documents.file_names import safe_file_name
from coapp.domain.errors import ValidationError
from coapp.models import Base
from coapp.services.export_resumes import GeneratedFile
from coapp.store.engine import Store
from coapp.store.schema_version import HEAD_REVISION

FORMAT = "coapp-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_FOLDER = "data"
INVOICE_FOLDER = "files/invoices"
PROFILE_FOLDER = "files/profile"
PORTFOLIO_FOLDER = "files/portfolio"
RESUME_FOLDER = "files/resumes"
# The sync engine's own bookkeeping (what waits to be sent, cursors, file trips) and the schema's
# stamp: not the user's data, and meaningless outside this installation.
INTERNAL_TABLES = frozenset(
    {
        "alembic_version",
        "outbox",
        "sync_state",
        "sync_seen",
        "sync_commands",
        "application_commands",
        "file_transfers",
    }
)

FILE_PATH_PATTERN = r"^files/(invoices|profile|portfolio|resumes)/[^/\\]+$"
Progress = Callable[[int, int], None]  # (done, total) steps

MANIFEST_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "coapp export manifest",
    "type": "object",
    "required": [
        "format",
        "format_version",
        "app_version",
        "schema_revision",
        "exported_at",
        "data",
        "files",
    ],
    "additionalProperties": False,
    "properties": {
        "format": {"const": FORMAT},
        "format_version": {"const": FORMAT_VERSION},
        "app_version": {"type": "string"},
        "schema_revision": {"type": "string"},
        "exported_at": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"},
        "data": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["file", "rows"],
                "additionalProperties": False,
                "properties": {
                    "file": {"type": "string", "pattern": r"^data/[a-z_]+\.json$"},
                    "rows": {"type": "integer", "minimum": 0},
                },
            },
        },
        "files": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["path", "kind", "table", "row_id", "sha256", "bytes"],
                "additionalProperties": False,
                "properties": {
                    "path": {
                        "type": "string",
                        "pattern": r"^files/(invoices|profile|portfolio|resumes)/[^/\\]+$",
                    },
                    "kind": {"enum": ["invoice_pdf", "photo", "portfolio_file", "resume"]},
                    "table": {"type": "string"},
                    "row_id": {"type": "string"},
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                    "bytes": {"type": "integer", "minimum": 0},
                },
            },
        },
    },
}


def exported_tables() -> list[Table]:
    """The store's tables that hold the user's data, in the order their rows depend on each other."""
    return [t for t in Base.metadata.sorted_tables if t.name not in INTERNAL_TABLES]


def json_value(value: object) -> object:
    """A stored value as JSON: money and other decimals as strings (never floats), dates as ISO."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return json_value(value.value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=json_value).encode("utf-8")


@dataclass
class ExportSummary:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0


@dataclass(frozen=True)
class _File:
    source: Path
    folder: str
    name: str  # as the data has it: made safe before it becomes a name in the ZIP
    kind: str
    table: str
    row_id: str


class _Names:
    """Safe, unique member names per folder."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def member(self, folder: str, name: str, fallback: str) -> str:
        safe = safe_file_name(name, fallback=fallback)
        stem, dot, suffix = safe.rpartition(".")
        if not dot or not stem:
            stem, suffix = safe, ""
        candidate, n = safe, 1
        while f"{folder}/{candidate}".casefold() in self._taken:
            n += 1
            candidate = f"{stem} ({n}).{suffix}" if suffix else f"{stem} ({n})"
        path = f"{folder}/{candidate}"
        # A last check: one folder level below its own, no "..", no absolute path.
        assert PurePosixPath(path).parent == PurePosixPath(folder), path
        self._taken.add(path.casefold())
        return path


def _rows(store: Store, table: Table) -> list[dict[str, object]]:
    with store.read() as s:
        rows = [dict(r) for r in s.execute(select(table)).mappings()]
    return sorted(rows, key=lambda r: str(r.get("id", "")))


def _files(
    tables: dict[str, list[dict[str, object]]], invoice_archive: Path, file_path: Callable[[str], Path | None]
) -> Iterable[_File]:
    archive = invoice_archive.resolve()
    for row in tables.get("invoices", []):
        raw = str(row.get("pdf_path") or "")
        if not raw:
            continue
        pdf = Path(raw).resolve()
        # Only coapp's own archive: a path in the data is never followed elsewhere on the disk.
        if pdf.is_file() and pdf.is_relative_to(archive):
            yield _File(pdf, INVOICE_FOLDER, pdf.name, "invoice_pdf", "invoices", str(row["id"]))
    for row in tables.get("profiles", []):
        photo = file_path(str(row.get("photo_sha256") or ""))
        if photo is not None:
            yield _File(photo, PROFILE_FOLDER, "photo.jpg", "photo", "profiles", str(row["id"]))
    for row in tables.get("profile_portfolio", []):
        if row.get("deleted_at") is not None:
            continue
        attached = file_path(str(row.get("file_sha256") or ""))
        if attached is not None:
            name = str(row.get("file_name") or "")
            yield _File(
                attached, PORTFOLIO_FOLDER, name, "portfolio_file", "profile_portfolio", str(row["id"])
            )


def check_target(target: Path, *, overwrite: bool = False) -> Path:
    target = target.expanduser()
    if target.is_dir():
        raise ValidationError("{path} is a folder; name the ZIP file to write", path=target)
    if target.exists() and not overwrite:
        raise ValidationError("{path} exists already; choose another name", path=target)
    if not target.parent.is_dir():
        raise ValidationError("there is no folder {folder} to write the export in", folder=target.parent)
    return target


def export_all(
    store: Store,
    invoice_archive: Path,
    file_path: Callable[[str], Path | None],
    target: Path,
    *,
    app_version: str,
    overwrite: bool = False,
    generated: Callable[[], Iterable[GeneratedFile]] | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ExportSummary:
    """Write the whole export to *target*; the summary of what it holds."""
    target = check_target(target, overwrite=overwrite)
    tables = exported_tables()
    data = {t.name: _rows(store, t) for t in tables}
    files = list(_files(data, invoice_archive, file_path))
    made = list(generated()) if generated is not None else []
    total, done = len(tables) + len(files) + len(made) + 1, 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    summary = ExportSummary(target)
    partial = target.with_name(target.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    os.close(fd)
    try:
        manifest_data: dict[str, object] = {}
        manifest_files: list[dict[str, object]] = []
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for table in tables:
                member = f"{DATA_FOLDER}/{table.name}.json"
                zf.writestr(member, _dumps({"kind": table.name, "rows": data[table.name]}))
                manifest_data[table.name] = {"file": member, "rows": len(data[table.name])}
                summary.rows[table.name] = len(data[table.name])
                step()
            names = _Names()
            sources: list[tuple[str, str, str, str, str, Path | bytes]]
            sources = [(f.folder, f.name, f.kind, f.table, f.row_id, f.source) for f in files]
            sources += [(RESUME_FOLDER, g.name, g.kind, g.table, g.row_id, g.content) for g in made]
            for folder, name, kind, table_name, row_id, source in sources:
                content = source if isinstance(source, bytes) else source.read_bytes()
                member = names.member(folder, name, fallback=kind.replace("_", " "))
                zf.writestr(member, content)
                manifest_files.append(
                    {
                        "path": member,
                        "kind": kind,
                        "table": table_name,
                        "row_id": row_id,
                        "sha256": hashlib.sha256(content).hexdigest(),
                        "bytes": len(content),
                    }
                )
                summary.files += 1
                step()
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "app_version": app_version,
                "schema_revision": HEAD_REVISION,
                "exported_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
                "data": manifest_data,
                "files": manifest_files,
            }
            zf.writestr(MANIFEST, _dumps(manifest))
            step()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return summary
