"""Assignments and favourites through the real reference server over loopback: what an agent posts
arrives on the device and is searchable offline, a favourite set on one device shows on the other and
goes when unset, a closed assignment shows as closed, a withdrawn one goes, and another freelancer's
favourites are never seen."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from coapp.models import AssignmentRow as LocalAssignment
from coapp.services.assignments import AssignmentFilters
from coserver.assignments import close_assignment, withdraw_assignment
from coserver.models import AccountRow
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer
from tests.sync.devices import Device


def agent_token(server: LiveServer) -> str:
    pair = server.signed_in("agent@example.com")
    with database(server) as session:
        account_id = uuid.UUID(pair["account"]["id"])
        session.execute(update(AccountRow).where(AccountRow.id == account_id).values(role="agent"))
    return str(pair["access_token"])


def post(server: LiveServer, token: str, title: str, **terms: Any) -> str:
    body: dict[str, Any] = {
        "title": title,
        "client_name": "Kund AB",
        "description": "Avräkning och återbetalningar i Göteborg.",
        "location": "Stockholm",
        "country": "SE",
        "rate_min_minor": 90000,
        "rate_max_minor": 110000,
        "currency": "SEK",
        "hours_per_week": 40,
        "start_date": "2026-04-01",
        "closes_at": "2026-03-20T16:00:00+01:00",
        **terms,
    }
    response = server.http.post(
        server.url + "/v1/assignments", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def signed_in(server: LiveServer, folder: Path, email: str, *names: str) -> list[Device]:
    devices = []
    for name in names:
        device = Device.open(folder / name)
        device.sign_in(server.url, email)
        devices.append(device)
    return devices


def found(device: Device, query: str = "", **filters: Any) -> list[str]:
    result = device.ctx.assignments.search(AssignmentFilters(query=query, **filters))
    return [item.title for item in result.items]


def test_assignments_arrive_searchable_offline_and_closing_and_withdrawing_show(
    server: LiveServer, tmp_path: Path
) -> None:
    freelancer(server)
    agent = agent_token(server)
    k8s = post(server, agent, "Platform engineer", must_have=["k8s", "Terraform"], workplace="remote")
    post(server, agent, "Frontend developer", must_have=["JS"], nice_to_have=["CSS"], seniority="senior")
    old = post(server, agent, "Older poster", skills=["Python"])  # before must-haves: all of them are
    [a] = signed_in(server, tmp_path, "anna@example.com", "a")
    try:
        assert a.sync().refused == 0
        assert found(a, "k8s") == ["Platform engineer"]
        assert found(a, "JS") == ["Frontend developer"]
        assert len(found(a, "goteb")) == 3  # the descriptions' words, as they are being typed
        detail = a.ctx.assignments.get(k8s)
        assert detail.item.must_have == ("Kubernetes", "Terraform")
        assert detail.item.remote
        assert {r.text for r in detail.match.reasons} >= {"Missing: Kubernetes, Terraform"}
        assert a.ctx.assignments.get(old).item.must_have == ("Python",)
        with database(server) as session:
            close_assignment(session, uuid.UUID(k8s))
        a.sync()
        assert a.ctx.assignments.get(k8s).item.closed
        assert found(a, "k8s", open_only=True) == []
        with database(server) as session:
            withdraw_assignment(session, uuid.UUID(old), server.clock.now)
        a.sync()
        assert found(a, "older") == []
        with a.ctx.store.read() as s:  # pulled, never queued to go back
            assert s.scalars(select(LocalAssignment.dirty)).all() == [False, False, False]
        assert a.outbox() == 0
        assert a.sync().requests == 1  # nothing to do is one request
    finally:
        a.close()


def test_a_favourite_shows_on_the_other_device_and_goes_when_unset(
    server: LiveServer, tmp_path: Path
) -> None:
    freelancer(server)
    freelancer(server, "bo@example.com")
    agent = agent_token(server)
    first = post(server, agent, "Platform engineer", must_have=["Kubernetes"])
    second = post(server, agent, "Frontend developer", must_have=["JavaScript"])
    a, b = signed_in(server, tmp_path, "anna@example.com", "a", "b")
    [bo] = signed_in(server, tmp_path, "bo@example.com", "bo")
    try:
        for device in (a, b, bo):
            device.sync()
        a.ctx.assignments.favourite(first[:8])
        b.ctx.assignments.favourite(second)  # offline on both: a set, nothing lost
        for device in (a, b, a):
            assert device.sync().refused == 0
        assert a.ctx.assignments.favourite_ids() == b.ctx.assignments.favourite_ids() == {first, second}
        assert sorted(found(b, favourites_only=True)) == ["Frontend developer", "Platform engineer"]
        b.ctx.assignments.unfavourite(first)
        b.sync()
        a.sync()
        assert a.ctx.assignments.favourite_ids() == {second}
        # Starred again after the removal: the same row revives.
        a.ctx.assignments.favourite(first)
        a.sync()
        b.sync()
        assert b.ctx.assignments.favourite_ids() == {first, second}
        bo.sync()
        assert bo.ctx.assignments.favourite_ids() == frozenset()  # another freelancer's are never seen
        assert len(found(bo)) == 2  # while the assignments are everyone's
        for device in (a, b, bo):
            assert device.outbox() == 0
    finally:
        for device in (a, b, bo):
            device.close()


def test_a_device_from_before_assignments_reads_the_feed_again_once_and_gets_them(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coapp.sync import api

    freelancer(server)
    agent = agent_token(server)
    post(server, agent, "Platform engineer", must_have=["Kubernetes"])
    [a] = signed_in(server, tmp_path, "anna@example.com", "a")
    try:
        with monkeypatch.context() as older:  # a coapp that did not ask for assignments yet
            older.setattr(api, "_WITH_PROFILE", {"with_profile": "true"})
            a.sync()
        assert found(a) == []
        report = a.sync()  # this version asks: its old cursor passed them, so the feed is read again
        assert report.resynced == "full"
        assert found(a, "kube") == ["Platform engineer"]
        assert a.sync().resynced == ""  # and the replica agrees with the summary from then on
        post(server, agent, "Frontend developer", must_have=["JavaScript"])
        report = a.sync()
        assert (report.pulled, report.resynced) == (1, "")
    finally:
        a.close()
