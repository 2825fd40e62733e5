"""The sync client's tests run against the real reference server over loopback (the fixtures of
tests/coserver), with devices that are real data folders opened like the app opens them."""

from tests.coserver.conftest import (  # noqa: F401 - pytest fixtures
    db_url,
    migrated_templates,
    server,
    start_server,
)
