"""r0007 (My Profile) on a database that r0006 left, with data in it: upgraded, data kept, usable."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from coapp.app.context import AppContext
from coapp.store.backup import list_backups
from coapp.store.database import create_at_revision, head_revision, quick_check, stored_revision

CONTRACT_ID = "0b7f3c1e-0000-4000-8000-00000000a007"
STAMP = "2026-11-20 10:00:00.000000"
PROFILE_TABLES = {
    "profiles",
    "profile_languages",
    "profile_links",
    "profile_skills",
    "profile_experience",
    "profile_education",
    "profile_certificates",
    "profile_awards",
    "profile_references",
    "profile_portfolio",
}


def tables(db: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def build_r0006(db: Path) -> None:
    create_at_revision(db, "r0006").dispose()
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute(
            "INSERT INTO contracts (id, client_name, title, fee_model, rate_minor, currency, commission_bp,"
            " start_date, end_date, minutes_per_day, rounding_rule, origin, server_version, dirty,"
            " deleted_at, updated_at) VALUES (?, 'Acme AB', 'Backend', 'hourly', 95000, 'SEK', 1250,"
            " '2026-01-01', NULL, 480, 'none', 'local', 4, 0, NULL, ?)",
            (CONTRACT_ID, STAMP),
        )
        conn.execute(
            "INSERT INTO business_details (id, name, company_form, address, postcode, city, country,"
            " org_number, vat_number, f_skatt, registered_office, bankgiro, plusgiro, iban, bic,"
            " payment_terms_days, invoice_language, email, logo_path, invoice_number_format, dirty,"
            " updated_at) VALUES ('biz', 'Ada Konsult', 'sole_trader', 'Gatan 1', '11122',"
            " 'Stockholm', 'SE', '', '', 1, '', '', '', '', '', 30, 'sv', 'ada@example.com', '',"
            " '{year}-{seq:04d}', 0, ?)",
            (STAMP,),
        )


def test_r0007_adds_the_profile_to_an_r0006_database_keeping_its_data(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "coapp.sqlite3"
    build_r0006(db)
    assert stored_revision(db) == "r0006"
    assert not PROFILE_TABLES & tables(db)

    ctx = AppContext.open(data_dir)
    try:
        assert stored_revision(db) == head_revision()  # r0007 and any later revision
        (backup,) = list_backups(db)
        assert stored_revision(backup) == "r0006"
        assert tables(db) >= PROFILE_TABLES
        (contract,) = ctx.contracts.all()
        assert (contract.id, contract.title) == (CONTRACT_ID, "Backend")
        assert ctx.business.get().name == "Ada Konsult"

        # The new tables work at once.
        assert ctx.profile.get().skills == ()
        ctx.profile.set_field("title", "Backend developer")
        ctx.profile.add_skill("k8s", 4)
        assert ctx.profile.get().skills[0].name == "Kubernetes"
    finally:
        ctx.close()
    assert quick_check(db) is None


def test_r0007_downgrades_cleanly(tmp_path: Path) -> None:
    from coapp.store.database import _run_alembic  # the same runner the app upgrades with

    db = tmp_path / "coapp.sqlite3"
    store = create_at_revision(db, "r0007")
    try:
        _run_alembic(store, "downgrade", "r0006")
    finally:
        store.dispose()
    assert stored_revision(db) == "r0006"
    assert not PROFILE_TABLES & tables(db)
