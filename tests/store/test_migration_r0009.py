"""r0009 (photo, portfolio files, file transfers, one business-details row) on an r0008 database."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from coapp.app.context import AppContext
from coapp.models.business import BUSINESS_ID
from coapp.store.database import create_at_revision, head_revision, quick_check, stored_revision

STAMP = "2026-11-20 10:00:00.000000"
OLDER = "2026-10-01 10:00:00.000000"


def _business(conn: sqlite3.Connection, row_id: str, name: str, stamp: str) -> None:
    conn.execute(
        "INSERT INTO business_details (id, name, company_form, address, postcode, city, country,"
        " org_number, vat_number, f_skatt, registered_office, bankgiro, plusgiro, iban, bic,"
        " payment_terms_days, invoice_language, email, logo_path, invoice_number_format, dirty,"
        " updated_at) VALUES (?, ?, 'sole_trader', 'Gatan 1', '11122', 'Stockholm', 'SE', '', '', 1,"
        " '', '', '', '', '', 30, 'sv', 'ada@example.com', '', '{year}-{seq:04d}', 1, ?)",
        (row_id, name, stamp),
    )
    conn.execute(
        "INSERT INTO outbox (entity, row_id, op_id, op, base_version, fields, created_at)"
        " VALUES ('business_details', ?, ?, 'upsert', NULL, '{}', ?)",
        (row_id, f"op-{row_id}", stamp),
    )


def test_r0009_gives_the_newest_business_row_the_fixed_id_and_drops_the_rest(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "coapp.sqlite3"
    create_at_revision(db, "r0008").dispose()
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        _business(conn, "old-row", "Old name", OLDER)
        _business(conn, "new-row", "Ada Konsult", STAMP)

    ctx = AppContext.open(data_dir)
    try:
        assert stored_revision(db) == head_revision()
        assert ctx.business.get().name == "Ada Konsult"
        ctx.profile.set_field("title", "Backend developer")
    finally:
        ctx.close()
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT id, name FROM business_details").fetchall() == [
            (BUSINESS_ID, "Ada Konsult")
        ]
        rows = conn.execute("SELECT row_id FROM outbox WHERE entity = 'business_details'").fetchall()
        assert rows == [(BUSINESS_ID,)]
        columns = {r[1] for r in conn.execute("PRAGMA table_info(profile_portfolio)")}
        assert {"file_sha256", "file_name", "file_size", "content_type"} <= columns
    assert quick_check(db) is None


def test_a_new_business_row_takes_the_fixed_id(data_dir: Path) -> None:
    from coapp.services.business import BusinessInfo

    ctx = AppContext.open(data_dir)
    try:
        ctx.business.save(BusinessInfo(name="Ada Konsult"))
    finally:
        ctx.close()
    with contextlib.closing(sqlite3.connect(data_dir / "coapp.sqlite3")) as conn:
        assert conn.execute("SELECT id FROM business_details").fetchall() == [(BUSINESS_ID,)]


def test_r0009_downgrades_cleanly(tmp_path: Path) -> None:
    from coapp.store.database import _run_alembic

    db = tmp_path / "coapp.sqlite3"
    store = create_at_revision(db, "r0009")
    try:
        _run_alembic(store, "downgrade", "r0008")
    finally:
        store.dispose()
    assert stored_revision(db) == "r0008"
