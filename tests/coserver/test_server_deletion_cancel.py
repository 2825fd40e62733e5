"""Taking back an account deletion request (issue 13's grace period) on the real server over loopback:
GET reads the pending request, DELETE cancels it while the grace period runs (404 when none, 409 once
it has ended), only ever the caller's own, and the operators' list of due deletions never holds a
cancelled request."""

from __future__ import annotations

from datetime import datetime

import pytest
import requests

from coserver.data_safety import DELETION_GRACE, DeletionRequestRow, due_deletions
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, database, freelancer

PATH = "/v1/account/deletion-request"


def _call(server: LiveServer, method: str, who: Freelancer, body: object = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {who.token}"}
    return server.http.request(method, server.url + PATH, json=body, headers=headers, timeout=30)


def _ask(server: LiveServer, who: Freelancer) -> dict[str, str]:
    response = _call(server, "POST", who, {"confirm_email": who.email, "reason": "Slutar"})
    assert response.status_code in (200, 201), response.text
    answer: dict[str, str] = response.json()
    return answer


def _state(server: LiveServer, who: Freelancer) -> object:
    response = _call(server, "GET", who)
    assert response.status_code == 200, response.text
    return response.json()["request"]


def _later(server: LiveServer, *people: Freelancer, **delta: float) -> None:
    """Move the clock on; the access tokens have expired by then, so everyone signs in again."""
    server.clock.advance(**delta)
    for who in people:
        who.token = server.sign_in(who.email).json()["access_token"]


def _rows(server: LiveServer) -> set[object]:
    with database(server) as session:
        return {row.account_id for row in session.query(DeletionRequestRow)}


def _due(server: LiveServer) -> list[object]:
    with database(server) as session:
        return list(due_deletions(session, server.clock.now))


def test_request_then_cancel_leaves_nothing_pending(server: LiveServer) -> None:
    anna = freelancer(server)
    assert _state(server, anna) is None
    asked = _ask(server, anna)
    assert _state(server, anna) == asked
    assert (
        datetime.fromisoformat(asked["delete_after"]) - datetime.fromisoformat(asked["requested_at"])
        == DELETION_GRACE
    )
    _later(server, anna, days=29, hours=23)  # the last hour of the grace period
    cancelled = _call(server, "DELETE", anna)
    assert cancelled.status_code == 204, cancelled.text
    assert cancelled.content == b""
    assert _state(server, anna) is None
    assert _rows(server) == set()
    # Twice: there is nothing left to cancel.
    again = _call(server, "DELETE", anna)
    assert (again.status_code, again.json()["error"]) == (404, "no_deletion_request")
    # Asking again later starts a new grace period, from now.
    _later(server, anna, days=3)
    renewed = _ask(server, anna)
    assert datetime.fromisoformat(renewed["requested_at"]) == server.clock.now
    assert renewed != asked


def test_cancelling_without_a_request_is_404(server: LiveServer) -> None:
    anna = freelancer(server)
    response = _call(server, "DELETE", anna)
    assert response.status_code == 404
    assert response.json()["error"] == "no_deletion_request"


@pytest.mark.parametrize("past", [{"days": 30}, {"days": 30, "seconds": 1}, {"days": 400}])
def test_after_the_grace_period_the_request_cannot_be_cancelled(
    server: LiveServer, past: dict[str, int]
) -> None:
    anna = freelancer(server)
    asked = _ask(server, anna)
    _later(server, anna, **past)
    refused = _call(server, "DELETE", anna)
    assert refused.status_code == 409, refused.text
    assert refused.json()["error"] == "deletion_due"
    assert _state(server, anna) == asked  # still pending, still due
    assert _due(server) == [anna.account_id]


def test_another_accounts_token_cannot_cancel_or_read_someone_elses(server: LiveServer) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    asked = _ask(server, anna)
    assert _state(server, bertil) is None  # Bertil sees only his own (none)
    refused = _call(server, "DELETE", bertil)
    assert (refused.status_code, refused.json()["error"]) == (404, "no_deletion_request")
    assert _state(server, anna) == asked
    assert _rows(server) == {anna.account_id}
    # His own request and its cancellation leave hers as it was.
    _ask(server, bertil)
    assert _call(server, "DELETE", bertil).status_code == 204
    assert _state(server, anna) == asked
    assert _rows(server) == {anna.account_id}


def test_the_due_list_skips_a_cancelled_request(server: LiveServer) -> None:
    anna = freelancer(server)
    bertil = freelancer(server, "bertil@example.com")
    cecilia = freelancer(server, "cecilia@example.com")
    _ask(server, anna)
    _later(server, bertil, cecilia, hours=1)
    _ask(server, bertil)
    _ask(server, cecilia)
    assert _due(server) == []  # nothing is due during the grace period
    assert _call(server, "DELETE", bertil).status_code == 204
    server.clock.advance(days=29, hours=22, minutes=59)
    assert _due(server) == []  # Anna's is one minute short
    server.clock.advance(minutes=1)
    assert _due(server) == [anna.account_id]
    server.clock.advance(hours=1)
    assert _due(server) == [anna.account_id, cecilia.account_id]  # oldest first; Bertil's is gone


def test_only_freelancers_may_read_or_cancel(server: LiveServer) -> None:
    from tests.coserver.authz_helpers import account_of_role, call

    for role in ("client", "agent", "admin"):
        other = account_of_role(server, role)
        for method in ("GET", "DELETE"):
            response = call(server, method, PATH, other.token)
            assert (response.status_code, response.json()["error"]) == (403, "role_not_allowed")
