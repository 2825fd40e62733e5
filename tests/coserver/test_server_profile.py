"""The profile's entities against the real server: push, feed and summary per entity, per-field last
writer wins with `overwritten`, sets that revive, list items whose delete wins, rules across fields,
one profile per account, and accounts that never see each other's rows although their ids are equal."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from coapp.sync.wire import PROFILE_RECORDS, PROFILE_ROW_ID, ChangesPage, SyncSummary, id_version_digest
from tests.coserver.harness import LiveServer
from tests.coserver.profile_samples import SAMPLE_FIELDS, sample_id
from tests.coserver.sync_helpers import Freelancer, delete, freelancer, upsert

PROFILE = {"with_profile": "true"}


def feed(person: Freelancer, cursor: str | None = None, **params: str) -> dict[str, Any]:
    query = {**params, **({"cursor": cursor} if cursor else {})}
    response = person.server.http.get(
        person.server.url + "/v1/sync/changes", params=query, headers=person.headers(), timeout=30
    )
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def summary(person: Freelancer, **params: str) -> dict[str, Any]:
    response = person.server.http.get(
        person.server.url + "/v1/sync/summary", params=params, headers=person.headers(), timeout=30
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def profile_rows(person: Freelancer) -> dict[tuple[str, str], dict[str, Any]]:
    """The newest copy of every profile row in the person's feed, by (entity, id)."""
    newest: dict[tuple[str, str], dict[str, Any]] = {}
    for change in feed(person, **PROFILE)["changes"]:
        if change["entity"] in PROFILE_RECORDS:
            newest[(change["entity"], change["row"]["id"])] = change["row"]
    return newest


def op(
    entity: str, base: int | None = None, row_id: uuid.UUID | None = None, **fields: Any
) -> dict[str, Any]:
    return upsert(row_id or sample_id(entity), base, entity, **fields)


def test_every_entity_is_pushed_fed_and_summarised(server: LiveServer) -> None:
    anna = freelancer(server)
    results = anna.push(*(op(entity, **fields) for entity, fields in SAMPLE_FIELDS.items()))
    assert [r["status"] for r in results] == ["applied"] * len(SAMPLE_FIELDS), results
    for result, (entity, fields) in zip(results, SAMPLE_FIELDS.items(), strict=True):
        row = result["row"]
        assert row["entity"] == entity
        assert {k: row[k] for k in fields} == fields
    page = feed(anna, **PROFILE)
    ChangesPage.model_validate(page)  # the client's own parser takes it
    rows = profile_rows(anna)
    assert set(rows) == {(entity, str(sample_id(entity))) for entity in SAMPLE_FIELDS}
    for (entity, _), row in rows.items():
        assert {k: row[k] for k in SAMPLE_FIELDS[entity]} == SAMPLE_FIELDS[entity]
    body = summary(anna, **PROFILE)
    SyncSummary.model_validate(body)
    versions = {r["row"]["entity"]: r["version"] for r in results}
    for entity in SAMPLE_FIELDS:
        assert body["entities"][entity] == {
            "count": 1,
            "digest": id_version_digest([(sample_id(entity), versions[entity])]),
        }


def test_clients_that_do_not_ask_never_see_the_profile(server: LiveServer) -> None:
    """A client built before the profile synced parses the feed with a closed list of entities."""
    anna = freelancer(server)
    anna.push(
        op("profile", **SAMPLE_FIELDS["profile"]), op("profile_skill", **SAMPLE_FIELDS["profile_skill"])
    )
    assert not [c for c in feed(anna)["changes"] if c["entity"] in PROFILE_RECORDS]
    assert not set(summary(anna)["entities"]) & set(PROFILE_RECORDS)
    assert len(profile_rows(anna)) == 2


def test_fields_edited_on_two_devices_both_survive_and_overwrites_are_reported(server: LiveServer) -> None:
    anna = freelancer(server)
    [created] = anna.push(op("profile", name="Anna", title="Dev", city="Lund"))
    base = created["version"]
    [phone] = anna.push(op("profile", base, phone="+46 70 1"))  # device A
    [title] = anna.push(op("profile", base, title="Architect"))  # device B, A's phone unseen
    assert phone["overwritten"] == []
    assert title["overwritten"] == []
    row = title["row"]
    assert (row["name"], row["title"], row["phone"], row["city"]) == ("Anna", "Architect", "+46 70 1", "Lund")
    # Device A, still at `base`, renames the title B changed: last writer wins, and A is told.
    [again] = anna.push(op("profile", base, title="Lead", name="Anna"))
    assert again["status"] == "applied"
    assert again["overwritten"] == ["title"]
    assert again["row"]["title"] == "Lead"
    # An op that changes nothing takes no new version.
    [same] = anna.push(op("profile", again["version"], title="Lead"))
    assert same["version"] == again["version"]


def test_a_device_that_never_saw_the_row_does_not_clear_fields_with_its_defaults(server: LiveServer) -> None:
    """Two devices each made the profile before their first sync: the second one's new row carries
    every column, most at their defaults, and those must not wipe what the first one wrote."""
    anna = freelancer(server)
    [first] = anna.push(op("profile", name="Anna", title="Dev", letter="Hello"))
    defaults = {"name": "", "title": "", "letter": "", "currency": "SEK", "hourly_rate_minor": None}
    [second] = anna.push(op("profile", **defaults, phone="+46 70 1"))
    assert second["overwritten"] == []
    row = second["row"]
    assert (row["name"], row["title"], row["letter"], row["phone"]) == ("Anna", "Dev", "Hello", "+46 70 1")
    # With a base, clearing a field is a decision like any other.
    [cleared] = anna.push(op("profile", second["version"], title=""))
    assert cleared["row"]["title"] == ""
    assert first["version"] < cleared["version"]


def test_unknown_base_version_is_a_conflict(server: LiveServer) -> None:
    anna = freelancer(server)
    [created] = anna.push(op("profile", name="Anna"))
    [result] = anna.push(op("profile", created["version"] + 100, name="Other"))
    assert (result["status"], result["code"]) == ("conflict", "unknown_base_version")
    assert result["row"]["name"] == "Anna"


def test_set_members_added_on_two_devices_are_both_kept_and_a_removed_one_comes_back(
    server: LiveServer,
) -> None:
    anna = freelancer(server)
    python, rust = uuid.uuid4(), uuid.uuid4()
    # Two devices add different skills offline (ids from their names), then push.
    [a] = anna.push(op("profile_skill", row_id=python, name="Python", level=4))
    [b] = anna.push(op("profile_skill", row_id=rust, name="Rust", years=2))
    assert a["status"] == b["status"] == "applied"
    [removed] = anna.push(delete(python, a["version"], "profile_skill"))
    assert removed["row"]["deleted_at"] is not None
    # A device that saw the skill before its removal adds it again: the tombstone revives.
    [again] = anna.push(op("profile_skill", a["version"], row_id=python, name="Python", level=5, years=None))
    assert again["status"] == "applied", again
    assert again["row"]["deleted_at"] is None
    assert again["row"]["level"] == 5
    rows = profile_rows(anna)
    assert {row["name"] for row in rows.values() if row["deleted_at"] is None} == {"Python", "Rust"}
    assert summary(anna, **PROFILE)["entities"]["profile_skill"]["count"] == 2


def test_a_list_item_deleted_wins_over_an_edit_made_before_the_delete_was_seen(server: LiveServer) -> None:
    anna = freelancer(server)
    job = uuid.uuid4()
    [made] = anna.push(op("profile_experience", row_id=job, **SAMPLE_FIELDS["profile_experience"]))
    [gone] = anna.push(delete(job, made["version"], "profile_experience"))
    assert gone["status"] == "applied"
    [edit] = anna.push(op("profile_experience", made["version"], row_id=job, role="Lead"))
    assert (edit["status"], edit["code"]) == ("conflict", "deleted")
    assert edit["row"]["deleted_at"] is not None
    assert edit["row"]["role"] == "Developer"
    # Sent again without a base (the server restored from a backup): filling in, not editing.
    [resent] = anna.push(op("profile_experience", row_id=job, **SAMPLE_FIELDS["profile_experience"]))
    assert resent["status"] == "applied"
    assert resent["row"]["deleted_at"] is None
    # Deleting twice, or deleting what the server never had, is harmless.
    [twice] = anna.push(delete(uuid.uuid4(), None, "profile_award"))
    assert twice["status"] == "applied"
    assert twice["version"] is None


def test_rules_across_fields_hold_on_the_merged_row(server: LiveServer) -> None:
    anna = freelancer(server)
    job = uuid.uuid4()
    fields = {**SAMPLE_FIELDS["profile_experience"], "end_month": None, "is_current": True}
    [made] = anna.push(op("profile_experience", row_id=job, **fields))
    base = made["version"]
    bad_new = {**fields, "end_month": "2019-01", "is_current": False}
    [refused] = anna.push(op("profile_experience", row_id=uuid.uuid4(), **bad_new))
    assert (refused["status"], refused["code"]) == ("rejected", "invalid_period")
    assert "before the start month" in refused["message"]
    # Device A marks the job ended; device B, unaware, ... the merge would be current with an end.
    [ended] = anna.push(op("profile_experience", base, row_id=job, end_month="2024-01"))
    assert (ended["status"], ended["code"]) == ("rejected", "invalid_period")
    assert ended["row"]["is_current"] is True
    assert ended["row"]["end_month"] is None
    [both] = anna.push(op("profile_experience", base, row_id=job, end_month="2024-01", is_current=False))
    assert both["status"] == "applied"
    [cert] = anna.push(
        op("profile_certificate", row_id=uuid.uuid4(), name="X", issued="2024-01", expires="2023-01")
    )
    assert cert["code"] == "invalid_period"
    [fmt] = anna.push(op("business_details", invoice_number_format="{year}"))
    assert fmt["code"] == "invalid_field"
    assert "seq" in fmt["message"]


def test_a_new_row_needs_its_required_fields(server: LiveServer) -> None:
    anna = freelancer(server)
    [result] = anna.push(op("profile_experience", row_id=uuid.uuid4(), role="Dev"))
    assert (result["status"], result["code"]) == ("rejected", "missing_field")
    assert "organisation" in result["message"]
    assert "start_month" in result["message"]
    # The profile and the business details have a default for everything.
    [profile] = anna.push(op("profile", city="Malmö"))
    assert profile["status"] == "applied"
    assert profile["row"]["currency"] == "SEK"


@pytest.mark.parametrize("entity", ["profile", "business_details"])
def test_the_profile_and_the_business_details_are_one_row_with_a_fixed_id(
    server: LiveServer, entity: str
) -> None:
    anna = freelancer(server)
    [result] = anna.push(op(entity, row_id=uuid.uuid4(), name="Second"))
    assert (result["status"], result["code"]) == ("rejected", "wrong_row_id")
    assert str(sample_id(entity)) in result["message"]
    assert not profile_rows(anna)


def test_a_replayed_op_answers_duplicate_with_the_callers_row(server: LiveServer) -> None:
    anna = freelancer(server)
    first = op("profile", name="Anna")
    [applied] = anna.push(first)
    [duplicate] = anna.push(first)
    assert duplicate["status"] == "duplicate"
    assert duplicate["row"]["name"] == "Anna"
    assert duplicate["version"] == applied["version"]


def test_equal_ids_in_two_accounts_are_two_rows_and_neither_sees_the_other(server: LiveServer) -> None:
    """Ids are derived on the devices, so Bertil's profile has Anna's id: his pushes edit his row."""
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    skill = sample_id("profile_skill")
    a, _skill = anna.push(
        op("profile", name="Anna", letter="Anna's letter"), op("profile_skill", row_id=skill, name="Go")
    )
    [mine] = anna.push(op("profile", a["version"], letter="Anna's second letter"))
    # Bertil pushes with Anna's ids and even Anna's versions as bases.
    results = bertil.push(
        op("profile", mine["version"], name="Bertil", letter="Bertil's letter"),
        delete(skill, None, "profile_skill"),
        op("profile_experience", row_id=skill, **SAMPLE_FIELDS["profile_experience"]),
    )
    # His first profile row, whatever base he names: Anna's is not his to edit.
    assert results[0]["status"] == "applied"
    assert results[0]["overwritten"] == []
    assert results[0]["row"]["name"] == "Bertil"
    assert results[2]["status"] == "applied"
    assert results[1]["status"] == "applied"
    assert results[1]["version"] is None
    anna_rows = profile_rows(anna)
    assert anna_rows[("profile", str(PROFILE_ROW_ID))]["name"] == "Anna"
    assert anna_rows[("profile", str(PROFILE_ROW_ID))]["letter"] == "Anna's second letter"
    assert anna_rows[("profile_skill", str(skill))]["deleted_at"] is None
    assert ("profile_experience", str(skill)) not in anna_rows
    bertil_rows = profile_rows(bertil)
    assert {row["name"] for (e, _), row in bertil_rows.items() if e == "profile"} == {"Bertil"}
    assert ("profile_skill", str(skill)) not in bertil_rows
    assert summary(anna, **PROFILE)["entities"]["profile_experience"]["count"] == 0
    assert summary(bertil, **PROFILE)["entities"]["profile_skill"]["count"] == 0
    texts = f"/v1/profile/text-versions/{PROFILE_ROW_ID}"
    assert [v["text"] for v in anna.get(texts).json()] == ["Anna's letter"]
    assert bertil.get(texts).json() == []  # his own profile's: nothing replaced yet
    [edited] = bertil.push(op("profile", results[0]["version"], letter="Bertil's second"))
    assert edited["overwritten"] == []
    assert [v["text"] for v in bertil.get(texts).json()] == ["Bertil's letter"]
    assert [v["text"] for v in anna.get(texts).json()] == ["Anna's letter"]
    job = f"/v1/profile/text-versions/{skill}"
    assert anna.get(job).status_code == 404  # Bertil's job under that id is not Anna's
    assert bertil.get(job).status_code == 200


def test_replaced_long_texts_are_kept_newest_first_and_bounded(server: LiveServer) -> None:
    anna = freelancer(server)
    [result] = anna.push(op("profile", letter="letter 0"))
    written = [result["version"]]
    for n in range(1, 25):
        [result] = anna.push(op("profile", result["version"], letter=f"letter {n}"))
        written.append(result["version"])
    [cleared] = anna.push(op("profile", result["version"], letter=""))
    [refilled] = anna.push(op("profile", cleared["version"], letter="fresh"))
    assert refilled["status"] == "applied"
    url = f"/v1/profile/text-versions/{PROFILE_ROW_ID}"
    versions = anna.get(url).json()
    # The empty letter is not worth keeping; the 20 newest texts are.
    assert [v["text"] for v in versions] == [f"letter {n}" for n in range(24, 4, -1)]
    assert [v["version"] for v in versions] == written[24:4:-1]
    job = uuid.uuid4()
    [made] = anna.push(op("profile_experience", row_id=job, **SAMPLE_FIELDS["profile_experience"]))
    anna.push(op("profile_experience", made["version"], row_id=job, description="Rewritten."))
    url = f"/v1/profile/text-versions/{job}"
    assert [v["text"] for v in anna.get(url).json()] == [SAMPLE_FIELDS["profile_experience"]["description"]]


def test_text_versions_are_for_rows_with_a_long_text_only(server: LiveServer) -> None:
    anna = freelancer(server)
    skill = uuid.uuid4()
    anna.push(op("profile_skill", row_id=skill, name="Go"))
    for path, status in (
        (f"/v1/profile/text-versions/{skill}", 404),  # a skill has no long text
        (f"/v1/profile/text-versions/{PROFILE_ROW_ID}", 404),  # no profile yet
        ("/v1/profile/text-versions/not-a-uuid", 422),
    ):
        response = anna.get(path)
        assert response.status_code == status, response.text
        assert response.json()["error"]
    anna.push(op("profile", name="Anna"))
    assert anna.get(f"/v1/profile/text-versions/{PROFILE_ROW_ID}").json() == []


def test_a_cursor_from_a_feed_without_the_profile_is_gone_for_one_with_it(server: LiveServer) -> None:
    anna = freelancer(server)
    anna.push(op("profile", name="Anna"))
    plain = feed(anna)["cursor"]
    with_profile = feed(anna, **PROFILE)["cursor"]
    assert with_profile != plain
    assert with_profile.rsplit(".", 1)[1] == plain.rsplit(".", 1)[1]  # the same place in the feed
    response = anna.server.http.get(
        anna.server.url + "/v1/sync/changes",
        params={"cursor": plain, **PROFILE},
        headers=anna.headers(),
        timeout=30,
    )
    assert response.status_code == 410, response.text
    assert response.json()["error"] == "cursor_without_profile"
    anna.push(op("profile_skill", name="Go"))
    [change] = feed(anna, with_profile, **PROFILE)["changes"]
    assert change["row"]["name"] == "Go"
    assert feed(anna, with_profile)["changes"] == []  # a marked cursor read by an older client: fine
