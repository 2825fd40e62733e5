"""Retention of what issue 9 added: profile-row tombstones go after 180 days and move the feed's
horizon (an older cursor is 410), and uploads left unfinished for a week go with their chunks."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from coserver.file_models import FileChunkRow, FileUploadRow
from coserver.models import ProfileRow
from coserver.retention import prune
from tests.coserver.file_helpers import jpeg, put, start
from tests.coserver.harness import LiveServer
from tests.coserver.profile_samples import SAMPLE_FIELDS
from tests.coserver.sync_helpers import database, delete, freelancer, upsert


def _count(server: LiveServer, table: type) -> int:
    with database(server) as session:
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())


def test_profile_tombstones_go_after_180_days_and_an_older_cursor_is_gone(server: LiveServer) -> None:
    anna = freelancer(server)
    skill = uuid.uuid4()
    (added,) = anna.push(upsert(skill, entity="profile_skill", **SAMPLE_FIELDS["profile_skill"]))
    assert added["status"] == "applied"
    response = anna.get("/v1/sync/changes?with_profile=true")
    old_cursor = response.json()["cursor"]
    (removed,) = anna.push(delete(skill, base=added["version"], entity="profile_skill"))
    assert removed["status"] == "applied"

    with database(server) as session:
        assert prune(session, server.clock()).profile_tombstones == 0  # not yet
    server.clock.advance(days=181)
    with database(server) as session:
        assert prune(session, server.clock()).profile_tombstones == 1
    assert _count(server, ProfileRow) == 0
    anna.sign_in_again()  # the tokens expired in the meantime
    gone = anna.get(f"/v1/sync/changes?with_profile=true&cursor={old_cursor}")
    assert gone.status_code == 410  # it may have missed the deletion: a full resync


def test_uploads_left_for_a_week_go_with_their_chunks(server: LiveServer) -> None:
    anna = freelancer(server)
    data = jpeg(size=200)
    upload_id = start(anna, data).json()["upload_id"]
    assert put(anna, upload_id, 0, data[:500]).status_code == 200

    server.clock.advance(days=6)
    with database(server) as session:
        assert prune(session, server.clock()).uploads == 0  # a resumable upload stays a week
    server.clock.advance(days=1, minutes=1)
    with database(server) as session:
        assert prune(session, server.clock()).uploads == 1
    assert _count(server, FileUploadRow) == _count(server, FileChunkRow) == 0
    anna.sign_in_again()  # the tokens expired in the meantime
    again = start(anna, data).json()
    assert again["offset"] == 0  # the client starts it again
