"""Applications with consent through the real reference server over loopback: an agent posts, the
freelancer favourites and applies with consent offline, the next sync sends it, the agent proposes
and books an interview, the freelancer's next sync shows both and exports the .ics; without consent
nothing reaches the server; a refusal stays visible with its reason; another freelancer sees none."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import icalendar
import pytest
from sqlalchemy import select

from coapp.domain.errors import ValidationError
from coapp.models import ApplicationCommand
from coapp.sync import account, refused
from coapp.sync.application_commands import run_commands
from coserver.assignments import close_assignment
from tests.coserver.application_helpers import AgentAccount, agent, command, interview
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer
from tests.sync.devices import Device


def platform_consents(server: LiveServer, token: str) -> list[dict[str, object]]:
    response = server.http.get(
        f"{server.url}/v1/consents", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    assert response.status_code == 200, response.text
    return list(response.json()["consents"])


def version_of(server: LiveServer, headers: dict[str, str], application_id: str) -> int:
    response = server.http.get(f"{server.url}/v1/applications/{application_id}", headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["application"]["version"])


def test_apply_offline_then_the_pipeline_arrives_with_the_interview(
    server: LiveServer, tmp_path: Path
) -> None:
    # The app stamps its consent with the real clock; the platform checks it against its own.
    server.clock.now = datetime.now(UTC).replace(microsecond=0)
    anna = freelancer(server)
    sara = agent(server)
    start = datetime.now(UTC).date() + timedelta(days=30)
    assignment_id, _ = sara.post_assignment(start_date=start)
    a = Device.open(tmp_path / "a")
    a.sign_in(server.url, anna.email)
    try:
        a.sync()
        a.ctx.notices.take_new(datetime.now(UTC))  # the first look: recorded, not told
        a.ctx.assignments.favourite(str(assignment_id))
        with pytest.raises(ValidationError, match="consent"):
            a.ctx.applications.apply(str(assignment_id), Decimal(1000), consent=False)
        a.sync()
        assert platform_consents(server, anna.token) == []  # without consent nothing reached it

        applied = a.ctx.applications.apply(
            str(assignment_id)[:8], Decimal(1200), message="Hej Sara!", consent=True
        )
        assert applied.warnings  # above the client's 900–1,100: said, still sent
        app_id = applied.application.id
        assert a.ctx.applications.get(app_id).waiting == "submit"  # offline: queued
        report = a.sync()
        assert report.commands == 1
        assert report.refused == 0
        mine = a.ctx.applications.get(app_id)
        assert (mine.state, mine.waiting) == ("submitted", "")
        [given] = platform_consents(server, anna.token)
        assert given["rate_minor"] == 120000
        [ledger] = a.ctx.applications.consents()
        assert ledger.recorded_by_platform
        assert ledger.resume_digest == given["resume_digest"]
        assert a.ctx.applications.agent() is not None  # the consent named the agent: card fetched

        headers = sara.headers()
        response = command(
            server,
            headers,
            app_id,
            "propose",
            {"text": "Skickad till kunden."},
            version_of(server, headers, app_id),
        )
        assert response.status_code == 200, response.text
        starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
        body = interview(starts_at=starts.isoformat(), ends_at=(starts + timedelta(hours=1)).isoformat())
        response = command(server, headers, app_id, "interview", body, version_of(server, headers, app_id))
        assert response.status_code == 200, response.text

        a.sync()
        shown = a.ctx.applications.get(app_id)
        assert shown.state == "interview"
        assert [e.state for e in shown.events] == ["submitted", "proposed", "interview"]
        assert shown.interview is not None
        assert shown.interview.starts_at == starts
        assert shown.interview.agent_attends
        [event] = icalendar.Calendar.from_ical(a.ctx.applications.interview_ics(app_id)).walk("VEVENT")
        assert event.decoded("DTSTART") == starts
        assert "Storgatan" in str(event["LOCATION"])
        # What the platform did is told once: the agent's two moves and the interview.
        told = a.ctx.notices.take_new(datetime.now(UTC))
        assert sorted(e.kind.value for e in told) == ["interview", "move", "move"]
        assert {e.detail for e in told if e.kind.value == "move"} == {"proposed", "interview"}
        assert a.ctx.notices.moved_applications() == {app_id}
        a.sync()
        assert a.ctx.notices.take_new(datetime.now(UTC)) == []

        # Another freelancer sees none of it.
        freelancer(server, "bob@example.com")
        b = Device.open(tmp_path / "b")
        b.sign_in(server.url, "bob@example.com")
        try:
            b.sync()
            assert b.ctx.applications.list() == []
            assert b.ctx.applications.consents() == []
        finally:
            b.close()
    finally:
        a.close()


def test_a_refused_application_stays_visible_until_discarded(server: LiveServer, tmp_path: Path) -> None:
    server.clock.now = datetime.now(UTC).replace(microsecond=0)
    anna = freelancer(server)
    sara = agent(server)
    assignment_id, _ = sara.post_assignment(start_date=date.today() + timedelta(days=30))
    a = Device.open(tmp_path / "a")
    a.sign_in(server.url, anna.email)
    try:
        a.sync()
        app_id = a.ctx.applications.apply(str(assignment_id), Decimal(1000), consent=True).application.id
        with database(server) as session:
            close_assignment(session, assignment_id)  # closed while the application waited offline
        a.sync()
        # Closing changed the assignment after the freelancer decided: 412, and the new terms (closed)
        # arrive with the same round.
        [change] = [c for c in refused.list_refused(a.ctx.store) if c.entity == "application"]
        assert change.row_id == app_id
        assert change.code == "stale"
        assert "new terms" in change.advice
        a.sync()  # a refusal is not sent again by itself
        assert len(refused.list_refused(a.ctx.store)) == 1
        refused.retry(a.ctx.store, "application", app_id)  # decided on the assignment as it is now
        a.sync()
        [change] = refused.list_refused(a.ctx.store)
        assert change.code == "assignment_closed"
        assert a.ctx.applications.get(app_id).refused_code == "assignment_closed"
        refused.discard(a.ctx.store, "application", app_id)
        assert a.ctx.applications.list() == []
        [kept] = a.ctx.applications.consents()  # the consent was given: the ledger keeps it
        assert not kept.recorded_by_platform
        assert platform_consents(server, anna.token) == []
    finally:
        a.close()


def test_messages_to_and_from_the_agent(server: LiveServer, tmp_path: Path) -> None:
    server.clock.now = datetime.now(UTC).replace(microsecond=0)
    anna = freelancer(server)
    sara = agent(server)
    assignment_id, _ = sara.post_assignment(start_date=date.today() + timedelta(days=30))
    a = Device.open(tmp_path / "a")
    a.sign_in(server.url, anna.email)
    try:
        a.sync()
        # The platform links a freelancer to the agent at their first application.
        a.ctx.applications.apply(str(assignment_id), Decimal(1000), consent=True)
        a.sync()
        card = a.ctx.applications.agent()
        assert card is not None
        assert card.name == "Sara Agent"
        sent = a.ctx.applications.send_message("Hej! Är uppdraget kvar?")
        assert a.sync().refused == 0
        response = server.http.post(
            f"{server.url}/v1/agent/messages",
            json={"freelancer_id": str(anna.account_id), "text": "Ja, det är kvar."},
            headers=sara.headers(),
            timeout=30,
        )
        assert response.status_code in (200, 201), response.text
        a.sync()
        texts = [(m.sender, m.text, m.sent) for m in a.ctx.applications.messages()]
        assert texts == [("freelancer", sent.text, True), ("agent", "Ja, det är kvar.", True)]
        assert uuid.UUID(sent.id)
        assert a.ctx.notices.unread_messages() == 1  # the agent's; one's own is never unread
        a.ctx.notices.mark_seen(datetime.now(UTC))
        assert a.ctx.notices.unread_messages() == 0

        # The agent's photo: fetched with the card (a day later), kept under its checksum, replaced
        # when it changes, gone when the agent removes it.
        from coapp.sync.agent_card import agent_folder, refresh_agent

        assert a.ctx.applications.agent().photo is None
        api = a.engine().api
        later = datetime.now(UTC) + timedelta(days=2)
        assert _put_photo(server, sara, (200, 40, 40)).status_code == 200
        assert refresh_agent(a.ctx.store, api, now=later)
        photo = a.ctx.applications.agent().photo
        assert photo is not None
        assert photo.name == hashlib.sha256(photo.read_bytes()).hexdigest() + ".jpg"
        assert not refresh_agent(a.ctx.store, api, now=later)  # fresh: no request
        assert _put_photo(server, sara, (40, 40, 200)).status_code == 200
        assert refresh_agent(a.ctx.store, api, now=later + timedelta(days=2))
        assert [p.name for p in agent_folder(a.ctx.store).iterdir()] != [photo.name]
        assert len(list(agent_folder(a.ctx.store).iterdir())) == 1
        gone = server.http.delete(server.url + "/v1/agent/photo", headers=sara.headers(), timeout=30)
        assert gone.status_code == 204
        assert refresh_agent(a.ctx.store, api, now=later + timedelta(days=4))
        assert a.ctx.applications.agent().photo is None
    finally:
        a.close()


def _put_photo(server: LiveServer, agent_account: AgentAccount, color: tuple[int, int, int]) -> Any:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (300, 300), color).save(out, "PNG")
    return server.http.put(
        server.url + "/v1/agent/photo",
        data=out.getvalue(),
        headers=agent_account.headers(),
        timeout=30,
    )


def test_a_lost_answer_is_not_a_second_application(server: LiveServer, tmp_path: Path) -> None:
    """The submit went through but its answer was lost: the next round sends the same key and the
    platform replays its answer; sent again under a new key, already_submitted counts as done."""
    server.clock.now = datetime.now(UTC).replace(microsecond=0)
    anna = freelancer(server)
    sara = agent(server)
    assignment_id, _ = sara.post_assignment(start_date=date.today() + timedelta(days=30))
    a = Device.open(tmp_path / "a")
    a.sign_in(server.url, anna.email)
    try:
        a.sync()
        app_id = a.ctx.applications.apply(str(assignment_id), Decimal(1000), consent=True).application.id
        api = account.current_api(a.ctx.store, a.tokens, a.policy)
        assert api is not None
        with a.ctx.store.read() as s:
            c = s.scalars(select(ApplicationCommand)).one()
            path, body, key, version = (
                f"/applications/{app_id}/submit",
                dict(c.body),
                c.idempotency_key,
                c.if_match,
            )
        assert api.command(path, body, key, version).status_code == 200  # its answer "lost"
        a.sync()
        assert a.ctx.applications.get(app_id).state == "submitted"
        with a.ctx.store.write() as s:  # the same submit again under a new key
            s.add(ApplicationCommand(kind="submit", application_id=app_id, if_match=version, body=body))
        assert run_commands(a.ctx.store, api) == 1
        assert refused.list_refused(a.ctx.store) == []
        assert len(platform_consents(server, anna.token)) == 1
    finally:
        a.close()
