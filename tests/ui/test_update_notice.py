"""The update notice against the real reference server: an admin publishes a version, a signed-in
app asks once a day (a fake clock) and says so in the status line, never downloading anything; the
manual check always answers; signed out the app never asks."""

# The server fixtures are imported into this module (tests/ui/conftest.py does not offer them), so
# their names come back as test parameters:
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from coapp import __version__
from coapp.sync.data_safety_calls import is_newer, version_key
from coapp.ui.data_safety.menu import install_data_actions
from coapp.ui.main_window import MainWindow
from tests.coserver.authz_helpers import account_of_role
from tests.coserver.conftest import server, start_server  # noqa: F401 - pytest fixtures
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import freelancer
from tests.ui.sync_helpers import WAIT_MS, db_url, fast_sync, sign_in, wait_idle  # noqa: F401 - pytest fixtures

pytestmark = pytest.mark.usefixtures("fast_sync")


def _publish(server: LiveServer, version: str, token: str) -> int:
    response = server.http.post(
        server.url + "/v1/app/latest-version",
        json={"version": version},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    return response.status_code


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_a_newer_published_version_is_said_once_a_day(
    qtbot: QtBot, server: LiveServer, open_window: Callable[..., MainWindow]
) -> None:
    freelancer(server)
    admin = account_of_role(server, "admin")
    assert _publish(server, "9.0.0", admin.token) == 200
    window = open_window(server.clock.now.date())
    actions = install_data_actions(window)
    clock = Clock()
    actions.updates.now = clock
    said: list[str] = []
    actions.updates.checked.connect(said.append)
    with qtbot.waitSignal(actions.updates.checked, timeout=WAIT_MS):
        sign_in(qtbot, window, server.url)
    assert said[0] == (
        f"coapp 9.0.0 is available (you have {__version__}). Update it the way you installed it; "
        "coapp never downloads anything by itself."
    )
    assert said[0] in window.statusBar().currentMessage()
    assert actions.updates.newer == "9.0.0"

    window.sync.request_round()  # the view changes again within the day: no second question
    wait_idle(qtbot, window)
    actions.updates.check_if_due()
    qtbot.wait(200)
    assert len(said) == 1

    clock.now += timedelta(hours=25)
    with qtbot.waitSignal(actions.updates.checked, timeout=WAIT_MS):
        actions.updates.check_if_due()
    assert len(said) == 2

    assert _publish(server, __version__, admin.token) == 200
    with qtbot.waitSignal(actions.updates.checked, timeout=WAIT_MS):
        actions.check_updates()  # Help → Check for updates answers even when nothing is newer
    assert said[-1] == f"coapp {__version__} is the newest version."


def test_signed_out_the_app_never_asks_and_the_manual_check_says_why(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    actions = install_data_actions(window)
    said: list[str] = []
    actions.updates.checked.connect(said.append)
    actions.updates.check_if_due()
    qtbot.wait(100)
    assert said == []
    with qtbot.waitSignal(actions.updates.checked, timeout=WAIT_MS):
        actions.updates_action.trigger()
    assert said == ["Sign in to the platform to check for updates."]


def test_only_an_admin_publishes_and_anyone_reads(server: LiveServer) -> None:
    anna = freelancer(server)
    admin = account_of_role(server, "admin")
    url = server.url + "/v1/app/latest-version"
    assert server.http.get(url, timeout=30).json() == {"version": None, "published_at": None}
    assert _publish(server, "2.0.0", anna.token) == 403
    for bad in ("", "1.2.3; rm -rf /", "v2", "1..2", "2.0.0-beta+build", "1" * 40):
        assert _publish(server, bad, admin.token) == 422, bad
    assert _publish(server, "2.0.0rc1", admin.token) == 200
    answer = server.http.get(url, timeout=30).json()  # public: no token
    assert answer["version"] == "2.0.0rc1"
    assert answer["published_at"].startswith(server.clock.now.date().isoformat())


@pytest.mark.parametrize(
    ("published", "running", "newer"),
    [
        ("0.2.0", "0.1.0", True),
        ("0.10.0", "0.9.0", True),  # numbers, not text
        ("1.0", "1.0.0", False),
        ("1.0.0rc1", "1.0.0", False),
        ("1.0.0", "1.0.0rc1", True),
        ("1.0.0.post1", "1.0.0", True),
        ("0.1.0", "0.1.0", False),
        (None, "0.1.0", False),
        ("", "0.1.0", False),
    ],
)
def test_versions_compare_as_versions(published: str | None, running: str, newer: bool) -> None:
    assert is_newer(published, running) is newer


_VERSIONS = st.builds(
    lambda parts, tail: ".".join(str(p) for p in parts) + tail,
    st.lists(st.integers(0, 30), min_size=1, max_size=4),
    st.sampled_from(["", "rc1", "a2", "b1", ".post1"]),
)


@given(a=_VERSIONS, b=_VERSIONS)
def test_newer_is_a_strict_order(a: str, b: str) -> None:
    assert not (is_newer(a, b) and is_newer(b, a))
    if version_key(a) == version_key(b):
        assert not is_newer(a, b)
    else:
        assert is_newer(a, b) or is_newer(b, a)
