"""The profile, its resume sections, resume variants and business details between devices, through the
real server over loopback: offline edits of different fields and sets merge without losing anything,
an overwritten letter is listed and restored, the logo's path stays on its device, records queued
before this version are pushed, and a server restored from a backup gets the profile back."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from coapp.domain.profile_sections import Experience
from coapp.domain.resume_variants import ResumeVariant
from coapp.domain.year_month import YearMonth
from coapp.models import BusinessDetails, OutboxRecord, Profile
from coapp.models.profile import PROFILE_ID
from coapp.services.resume_variants import ResumeVariantService
from coapp.sync.profile_texts import earlier_texts, restore_text
from coserver.models import ProfileRow
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer
from tests.sync.devices import Device
from tests.sync.replicas import ProfileRows, device_profile, server_profile
from tests.sync.sqlite_server import SqliteServer
from tests.sync.test_server_restore import PATIENT, backup, restore


def same_everywhere(devices: list[Device], server: LiveServer, account_id: uuid.UUID) -> ProfileRows:
    on_server = server_profile(server, account_id)
    for device in devices:
        assert device.outbox() == 0
        assert device_profile(device) == on_server
    return on_server


def signed_in(server: LiveServer, folder: Path, *names: str) -> list[Device]:
    devices = []
    for name in names:
        device = Device.open(folder / name)
        device.sign_in(server.url, "anna@example.com")
        device.sync()
        devices.append(device)
    return devices


def job(organisation: str, start: str, description: str = "") -> Experience:
    return Experience(
        organisation, "Developer", YearMonth.parse(start), current=True, description=description
    )


def test_offline_edits_of_different_fields_and_different_skills_all_survive(
    server: LiveServer, tmp_path: Path
) -> None:
    anna = freelancer(server)
    a, b = signed_in(server, tmp_path, "a", "b")
    try:
        a.ctx.profile.set_field("name", "Anna Andersson")
        a.ctx.profile.add_skill("Python", level=4)
        a.ctx.profile.add_item(job("Acme", "2020-01", "Billing."))
        assert a.sync().refused == 0
        b.sync()
        # Offline on both: different fields, different set members, the same skill added twice.
        a.ctx.profile.set_field("title", "Backend developer")
        a.ctx.profile.add_skill("Rust")
        a.ctx.profile.add_skill("Kubernetes", years=3)
        a.ctx.profile.add_language("Swedish", "native")
        b.ctx.profile.set_field("city", "Göteborg")
        b.ctx.profile.set_field("phone", "+46 70 123 45 67")
        b.ctx.profile.add_skill("Go", level=3)
        b.ctx.profile.add_skill("k8s", years=5)  # Kubernetes under a synonym: one row, not two
        b.ctx.profile.add_link("https://github.com/anna")
        b.ctx.profile.remove_skill("Python")
        for device in (a, b, a):
            assert device.sync().refused == 0
        replica = same_everywhere([a, b], server, anna.account_id)
        profile = a.ctx.profile.get()
        details = profile.details
        assert (details.name, details.title, details.city) == (
            "Anna Andersson",
            "Backend developer",
            "Göteborg",
        )
        assert details.phone == "+46 70 123 45 67"
        skills = {s.name: s for s in profile.skills}
        assert set(skills) == {"Rust", "Kubernetes", "Go"}
        assert skills["Kubernetes"].years == 5  # b pushed after a: last writer wins per field
        assert [lang.language for lang in profile.languages] == ["Swedish"]
        assert len(profile.links) == 1
        assert len(profile.experience) == 1
        assert len([key for key in replica if key[0] == "profile_skill"]) == 3
    finally:
        a.close()
        b.close()


def test_a_letter_overwritten_on_another_device_is_listed_and_restored(
    server: LiveServer, tmp_path: Path
) -> None:
    anna = freelancer(server)
    a, b = signed_in(server, tmp_path, "a", "b")
    try:
        a.ctx.profile.set_letter("# Hej\n\nAnna's letter, written on a.")
        a.ctx.profile.add_item(job("Acme", "2021-03", "What a did at Acme."))
        a.sync()
        b.sync()
        [acme] = b.ctx.profile.get().experience
        b.ctx.profile.set_letter("A shorter letter from b.")
        b.ctx.profile.edit_item(replace(acme, description="b's words for Acme."))
        b.sync()
        a.sync()
        assert a.ctx.profile.get().letter == "A shorter letter from b."
        api = a.engine().api
        earlier = earlier_texts(api)
        assert [e.text for e in earlier] == ["# Hej\n\nAnna's letter, written on a."]
        assert [e.text for e in earlier_texts(api, acme.id)] == ["What a did at Acme."]
        restore_text(a.ctx.store, "profile", PROFILE_ID, earlier[0].text)
        restore_text(a.ctx.store, "profile_experience", acme.id, "What a did at Acme.")
        assert a.sync().refused == 0
        b.sync()
        same_everywhere([a, b], server, anna.account_id)
        assert b.ctx.profile.get().letter == "# Hej\n\nAnna's letter, written on a."
        assert b.ctx.profile.get().experience[0].description == "What a did at Acme."
        # b's letter, replaced by the restore, is kept in its turn.
        assert earlier_texts(api)[0].text == "A shorter letter from b."
    finally:
        a.close()
        b.close()


def test_business_details_and_resume_variants_sync_and_the_logo_path_stays_on_its_device(
    server: LiveServer, tmp_path: Path
) -> None:
    anna = freelancer(server)
    a, b = signed_in(server, tmp_path, "a", "b")
    try:
        info = replace(
            a.ctx.business.get(),
            name="Anna Andersson Konsult",
            city="Göteborg",
            payment_terms_days=20,
            logo_path="/home/anna/logo.png",
        )
        a.ctx.business.save(info)
        b.ctx.business.save(replace(b.ctx.business.get(), logo_path="C:/Users/anna/logo.png"))
        variants = ResumeVariantService(a.ctx.store)
        variants.save(ResumeVariant("Backend", sections=("letter", "experience", "skills"), language="en"))
        for device in (a, b, a):
            assert device.sync().refused == 0
        same_everywhere([a, b], server, anna.account_id)
        on_b = b.ctx.business.get()
        assert (on_b.name, on_b.city, on_b.payment_terms_days) == ("Anna Andersson Konsult", "Göteborg", 20)
        assert on_b.logo_path == "C:/Users/anna/logo.png"  # its own, not a's
        assert a.ctx.business.get().logo_path == "/home/anna/logo.png"
        with database(server) as session:
            stored = session.scalars(select(ProfileRow).where(ProfileRow.entity == "business_details")).one()
            assert "logo_path" not in stored.fields
        [variant] = ResumeVariantService(b.ctx.store).all()
        assert (variant.name, variant.sections, variant.language) == (
            "Backend",
            ("letter", "experience", "skills"),
            "en",
        )
        ResumeVariantService(b.ctx.store).remove("Backend")
        b.sync()
        a.sync()
        assert variants.all() == []
    finally:
        a.close()
        b.close()


def test_records_queued_before_this_version_are_pushed(server: LiveServer, tmp_path: Path) -> None:
    """Before, the profile's records waited in the outbox and the business details' were dropped at
    every push: the profile's are pushed now, and business details that never reached the platform
    are queued again."""
    anna = freelancer(server)
    a = Device.open(tmp_path / "a")
    try:
        a.ctx.profile.set_field("name", "Anna")
        a.ctx.profile.add_skill("Python")
        a.ctx.business.save(replace(a.ctx.business.get(), name="Anna Konsult"))
        a.sign_in(server.url, "anna@example.com")
        with a.ctx.store.write() as s:  # what an older version's push did to them
            s.execute(delete(OutboxRecord).where(OutboxRecord.entity == "business_details"))
        assert a.sync().refused == 0
        replica = same_everywhere([a], server, anna.account_id)
        assert {entity for entity, _id in replica} == {"profile", "profile_skill", "business_details"}
        with a.ctx.store.read() as s:
            assert s.get_one(BusinessDetails, replica_id(replica, "business_details")).dirty is False
    finally:
        a.close()


def replica_id(replica: ProfileRows, entity: str) -> str:
    [row_id] = [row_id for name, row_id in replica if name == entity]
    return row_id


def test_a_server_restored_from_a_backup_gets_the_profile_back(tmp_path: Path) -> None:
    with SqliteServer(tmp_path / "server") as srv:
        anna = freelancer(srv.live)
        a = Device.open(tmp_path / "a", PATIENT)
        fresh: Device | None = None
        try:
            a.sign_in(srv.url, "anna@example.com")
            a.ctx.profile.set_field("name", "Anna")
            a.sync()
            copy = tmp_path / "backup.sqlite3"
            backup(srv.db_path, copy)
            a.ctx.profile.set_field("title", "Architect")
            a.ctx.profile.add_skill("Python", level=5)
            a.ctx.profile.add_item(job("Acme", "2022-02", "After the backup."))
            a.ctx.business.save(replace(a.ctx.business.get(), name="Anna Konsult"))
            assert a.sync().refused == 0
            expected = same_everywhere([a], srv.live, anna.account_id)

            restore(srv, copy, epoch=uuid.uuid4().hex)
            assert server_profile(srv.live, anna.account_id) != expected
            report = a.sync()
            assert report.resynced == "epoch"
            assert report.refused == 0
            a.sync()
            assert same_everywhere([a], srv.live, anna.account_id) == expected
            fresh = Device.open(tmp_path / "b", PATIENT)
            fresh.sign_in(srv.url, "anna@example.com")
            fresh.sync()
            assert same_everywhere([a, fresh], srv.live, anna.account_id) == expected
            with fresh.ctx.store.read() as s:
                assert s.get_one(Profile, PROFILE_ID).title == "Architect"
        finally:
            a.close()
            if fresh is not None:
                fresh.close()


def test_entities_this_client_does_not_know_are_left_out_of_pages_and_summaries() -> None:
    """A newer server's entities (files, say) must not make this client refuse a whole page, as a
    closed list of entities made clients before this one refuse the profile's (the server sends
    those only to clients that ask, with_profile)."""
    from coapp.sync.wire import ChangesPage, SyncSummary

    page = ChangesPage.model_validate_json(
        '{"changes": [{"entity": "file", "version": 3, "row": {"sha256": "x"}},'
        ' {"entity": "profile_skill", "version": 4, "row": {"entity": "profile_skill",'
        ' "id": "00000000-0000-0000-0000-000000000001", "version": 4, "name": "Go", "level": null,'
        ' "years": null, "position": 0}}], "cursor": "e.4", "has_more": false}'
    )
    assert [change.entity for change in page.changes] == ["profile_skill"]
    summary = SyncSummary.model_validate_json(
        '{"as_of": 4, "entities": {"file": {"count": 1, "digest": "x"},'
        ' "profile_skill": {"count": 1, "digest": "y"}}}'
    )
    assert [str(entity) for entity in summary.entities] == ["profile_skill"]


def test_a_refused_profile_change_is_named_and_discarding_it_takes_the_platform_s_copy(
    server: LiveServer, tmp_path: Path
) -> None:
    from datetime import date

    from coapp.models import ProfileExperience
    from coapp.sync import refused

    anna = freelancer(server)
    [a] = signed_in(server, tmp_path, "a")
    try:
        a.ctx.profile.set_field("available_from", "2026-04-01")
        a.ctx.profile.add_item(job("Acme", "2021-03"))
        a.sync()
        with a.ctx.store.write() as s:  # values only a bug could write: the platform refuses them
            s.get_one(Profile, PROFILE_ID).currency = "sek"
            [row] = s.scalars(select(ProfileExperience)).all()
            row.role = ""
        assert a.sync().refused == 2
        changes = {c.label: c for c in refused.list_refused(a.ctx.store)}
        assert set(changes) == {"My Profile", "My Profile, experience: Acme"}
        assert changes["My Profile"].code == "invalid_field"
        assert "currency" in changes["My Profile"].message
        assert changes["My Profile, experience: Acme"].code == "invalid_field"
        assert "role" in changes["My Profile, experience: Acme"].message
        for change in changes.values():
            refused.discard(a.ctx.store, change.entity, change.row_id)
        with a.ctx.store.read() as s:
            profile = s.get_one(Profile, PROFILE_ID)
            assert (profile.currency, profile.available_from) == ("SEK", date(2026, 4, 1))
            [row] = s.scalars(select(ProfileExperience)).all()
            assert row.role == "Developer"
        a.sync()
        same_everywhere([a], server, anna.account_id)
    finally:
        a.close()


def test_a_device_upgraded_from_a_version_without_the_profile_reads_the_feed_again(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its cursor may be past profile rows it was never sent: the server answers 410 for a cursor
    made without the profile, and the device reads the whole feed again, once."""
    from coapp.sync import api

    anna = freelancer(server)
    a, b = signed_in(server, tmp_path, "a", "b")
    try:
        a.ctx.profile.set_field("name", "Anna")
        a.ctx.profile.add_skill("Go")
        a.sync()
        with monkeypatch.context() as old:
            old.setattr(api, "_WITH_PROFILE", {})  # b as the version before this one
            assert b.sync().pulled == 0
        assert device_profile(b) == {}
        report = b.sync()
        assert report.resynced == "full"
        assert report.refused == 0
        same_everywhere([a, b], server, anna.account_id)
        assert b.sync().resynced == ""  # once
    finally:
        a.close()
        b.close()


def test_restoring_is_for_rows_with_a_long_text_on_this_device(tmp_path: Path) -> None:
    from coapp.sync.profile_texts import NoSuchText

    device = Device.open(tmp_path / "a")
    try:
        device.ctx.profile.add_skill("Go")
        [(_entity, skill_id)] = device_profile(device)
        with pytest.raises(NoSuchText):
            restore_text(device.ctx.store, "profile_skill", skill_id, "text")
        with pytest.raises(NoSuchText):  # no profile row yet
            restore_text(device.ctx.store, "profile", PROFILE_ID, "text")
        device.ctx.profile.set_letter("Now.")
        waiting = device.outbox()
        restore_text(device.ctx.store, "profile", PROFILE_ID, "Before.")
        assert device.ctx.profile.get().letter == "Before."
        assert device.outbox() == waiting + 1  # an edit like any other, queued for the platform
    finally:
        device.close()
