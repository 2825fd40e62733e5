"""The full export against its documented format (docs/export-format.md and the manifest's JSON
Schema beside it): every kind of data, every file, names made safe whatever the data holds."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from sqlalchemy import text

from coapp.__main__ import main
from coapp.app.context import AppContext
from coapp.domain.profile_sections import PortfolioItem
from coapp.domain.resume_variants import ResumeVariant
from coapp.services.data_export import (
    INTERNAL_TABLES,
    MANIFEST_SCHEMA,
    _Names,
    export_all,
    exported_tables,
    json_value,
)
from coapp.services.demo import seed_demo
from coapp.services.export_resumes import resume_files
from coapp.services.resume_variants import ResumeVariantService
from coapp.store.sqlite_uri import read_only_uri

DOCS = Path(__file__).resolve().parent.parent / "docs"


def validate(value: Any, schema: dict[str, Any], where: str = "$") -> None:
    """The part of JSON Schema the manifest's schema uses, strictly (unknown keywords fail)."""
    known = {"$schema", "title", "type", "required", "additionalProperties", "properties", "const"}
    known |= {"pattern", "items", "minimum", "enum"}
    assert set(schema) <= known, f"{where}: the test does not know {set(schema) - known}"
    kinds = {"object": dict, "array": list, "string": str, "integer": int}
    if "type" in schema:
        assert isinstance(value, kinds[schema["type"]]), f"{where}: not {schema['type']}"
        assert not isinstance(value, bool), where
    if "const" in schema:
        assert value == schema["const"], where
    if "enum" in schema:
        assert value in schema["enum"], where
    if "pattern" in schema:
        assert re.search(schema["pattern"], value), f"{where}: {value!r} !~ {schema['pattern']}"
    if "minimum" in schema:
        assert value >= schema["minimum"], where
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{where}: {key} missing"
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                validate(item, props[key], f"{where}.{key}")
            elif extra is False:
                pytest.fail(f"{where}: unexpected {key}")
            elif isinstance(extra, dict):
                validate(item, extra, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            validate(item, schema["items"], f"{where}[{i}]")


def _full_folder(ctx: AppContext, tmp_path: Path) -> None:
    seed_demo(ctx, today=date(2026, 11, 25), holiday_country="SE")
    picture = tmp_path / "me.png"
    Image.new("RGB", (40, 40), (200, 30, 30)).save(picture)
    ctx.profile_files.set_photo(picture)
    item = ctx.profile.add_item(PortfolioItem("Shop", "https://example.com/shop"))
    notes = tmp_path / "notes.txt"
    notes.write_text("what I built\n", encoding="utf-8")
    ctx.profile_files.attach_file(item.id, notes)
    ResumeVariantService(ctx.store).save(ResumeVariant("../Kort CV", language="en"))


def _zip_json(zf: zipfile.ZipFile, name: str) -> Any:
    return json.loads(zf.read(name).decode("utf-8"))


def _table_counts(db: Path) -> dict[str, int]:
    import sqlite3

    conn = sqlite3.connect(read_only_uri(db), uri=True)
    try:
        return {
            t.name: conn.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in exported_tables()
        }
    finally:
        conn.close()


def test_the_export_holds_every_kind_and_file_as_documented(ctx: AppContext, tmp_path: Path) -> None:
    _full_folder(ctx, tmp_path)
    steps: list[tuple[int, int]] = []
    target = tmp_path / "export.zip"
    summary = export_all(
        ctx.store,
        ctx.paths.invoice_archive,
        ctx.profile_files.file_path,
        target,
        app_version="9.9.9",
        generated=lambda: resume_files(ctx.store, ctx.profile, ctx.profile_files.photo_path(), "sv"),
        progress=lambda done, total: steps.append((done, total)),
    )
    assert target.stat().st_mode & 0o077 == 0  # private to the user
    assert not target.with_name("export.zip.partial").exists()
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        manifest = _zip_json(zf, "manifest.json")
        validate(manifest, MANIFEST_SCHEMA)
        assert manifest["app_version"] == "9.9.9"
        counts = _table_counts(ctx.store.path)
        assert {k: v["rows"] for k, v in manifest["data"].items()} == counts
        assert summary.rows == counts
        assert counts["contracts"] > 0
        assert counts["invoices"] > 0
        for kind, entry in manifest["data"].items():
            body = _zip_json(zf, entry["file"])
            assert body["kind"] == kind
            assert len(body["rows"]) == entry["rows"]
            _no_floats(body, entry["file"])
        listed = {f["path"] for f in manifest["files"]}
        for f in manifest["files"]:
            content = zf.read(f["path"])
            assert hashlib.sha256(content).hexdigest() == f["sha256"]
            assert len(content) == f["bytes"]
        kinds = {f["kind"] for f in manifest["files"]}
        assert kinds == {"invoice_pdf", "photo", "portfolio_file", "resume"}
        resumes = sorted(f["path"] for f in manifest["files"] if f["kind"] == "resume")
        assert resumes == ["files/resumes/Kort CV.pdf", "files/resumes/resume.pdf"]  # "../" made safe
        assert all(zf.read(path).startswith(b"%PDF") for path in resumes)
        assert zf.read("files/profile/photo.jpg")[:3] == b"\xff\xd8\xff"
        assert zf.read("files/portfolio/notes.txt") == b"what I built\n"
        archived = sorted(p.name for p in ctx.paths.invoice_archive.glob("*.pdf"))
        assert sorted(PurePosixPath(p).name for p in listed if p.startswith("files/invoices/")) == archived
        assert names == {"manifest.json"} | {e["file"] for e in manifest["data"].values()} | listed
    assert steps[-1] == (len(exported_tables()) + len(listed) + 1,) * 2
    assert [done for done, _ in steps] == list(range(1, len(steps) + 1))


def _no_floats(value: Any, where: str) -> None:
    """Money never travels as floating point."""
    if isinstance(value, dict):
        for key, item in value.items():
            _no_floats(item, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            _no_floats(item, where)
    else:
        assert not isinstance(value, float), where


def test_the_document_lists_every_top_level_entry_and_kind() -> None:
    doc = (DOCS / "export-format.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`(data/[a-z_]+\.json)`", doc))
    assert documented == {f"data/{t.name}.json" for t in exported_tables()}
    entries = (
        "manifest.json",
        "files/invoices/",
        "files/profile/photo.jpg",
        "files/portfolio/",
        "files/resumes/",
    )
    for entry in entries:
        assert f"`{entry}`" in doc, entry
    for table in INTERNAL_TABLES - {"alembic_version"}:
        assert f"data/{table}.json" not in doc


def test_the_schema_file_beside_the_document_is_the_one_in_code() -> None:
    on_disk = json.loads((DOCS / "export-manifest.schema.json").read_text(encoding="utf-8"))
    assert on_disk == json.loads(json.dumps(MANIFEST_SCHEMA))


def test_values_become_json_without_losing_precision() -> None:
    assert json_value(Decimal("0.10")) == "0.10"
    assert json_value(date(2026, 2, 28)) == "2026-02-28"
    assert json_value(b"\x00\xff") == "AP8="
    with pytest.raises(TypeError):
        json_value(object())


ODD_NAMES = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["../../etc/passwd", "/abs/path", "..", ".", "CON", "nul.txt", "a\\b", "C:\\x", "\u202efdp.exe", ""]
    ),
)


@given(names=st.lists(ODD_NAMES, max_size=12))
def test_member_names_stay_in_their_folder_and_never_collide(names: list[str]) -> None:
    made = _Names()
    members = [made.member("files/portfolio", name, fallback="portfolio file") for name in names]
    assert len({m.casefold() for m in members}) == len(members)
    for member in members:
        path = PurePosixPath(member)
        assert path.parent == PurePosixPath("files/portfolio")
        assert path.name not in ("", ".", "..")
        assert "\\" not in member
        assert len(path.name.encode("utf-8")) <= 210


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=ODD_NAMES)
def test_a_portfolio_file_named_by_the_platform_is_exported_under_a_safe_name(
    ctx: AppContext, tmp_path: Path, name: str
) -> None:
    with ctx.store.read() as s:
        has_item = s.execute(text("SELECT count(*) FROM profile_portfolio")).scalar_one()
    if not has_item:
        item = ctx.profile.add_item(PortfolioItem("Shop"))
        source = tmp_path / "work.txt"
        source.write_text("work\n", encoding="utf-8")
        ctx.profile_files.attach_file(item.id, source)
    with ctx.store.write() as s:  # as a sync round would store it
        s.execute(text("UPDATE profile_portfolio SET file_name = :n"), {"n": name})
    target = tmp_path / "odd.zip"
    export_all(
        ctx.store,
        ctx.paths.invoice_archive,
        ctx.profile_files.file_path,
        target,
        app_version="1",
        overwrite=True,
    )
    with zipfile.ZipFile(target) as zf:
        manifest = _zip_json(zf, "manifest.json")
        validate(manifest, MANIFEST_SCHEMA)
        (entry,) = [f for f in manifest["files"] if f["kind"] == "portfolio_file"]
        assert PurePosixPath(entry["path"]).parent == PurePosixPath("files/portfolio")
        assert zf.read(entry["path"]) == b"work\n"
        (row,) = _zip_json(zf, "data/profile_portfolio.json")["rows"]
        assert row["file_name"] == name  # the original name stays in the data


def test_the_cli_exports_and_refuses_to_overwrite(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _full_folder(ctx, tmp_path)
    ctx.close()
    target = tmp_path / "all.zip"
    assert main(["export", str(target)]) == 0
    assert "files to" in capsys.readouterr().out
    before = target.read_bytes()
    assert main(["export", str(target)]) == 2
    assert "exists already" in capsys.readouterr().err
    assert target.read_bytes() == before
    assert main(["export", str(tmp_path / "missing" / "x.zip")]) == 2
    assert "there is no folder" in capsys.readouterr().err
    assert main(["export", str(tmp_path)]) == 2
    assert main(["export", "--force", str(target)]) == 0
