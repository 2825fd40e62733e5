"""The sync client's tests run against the real reference server over loopback (the fixtures of
tests/coserver), with devices that are real data folders opened like the app opens them."""

from tests.coserver.conftest import db_url, server, start_server  # noqa: F401 - pytest fixtures
