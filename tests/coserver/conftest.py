"""The real server over loopback HTTP: uvicorn in a background thread on 127.0.0.1, port 0, with a fresh
database per test, on SQLite and, when COAPP_TEST_POSTGRES_URL is set, on PostgreSQL too."""

from __future__ import annotations

import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from coserver.app import create_app
from coserver.db import make_engine, migrate
from coserver.settings import Settings
from tests.coserver.harness import CHEAP_HASHER, FakeClock, LiveServer

POSTGRES_ENV = "COAPP_TEST_POSTGRES_URL"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get(POSTGRES_ENV) else [])


@pytest.fixture(scope="session")
def migrated_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One migrated database per backend, copied for each test: migrating every test's database from
    scratch cost most of the server suite's time. Made on first use."""
    made: dict[str, str] = {}
    yield made
    if "postgresql" in made:
        admin = create_engine(make_url(os.environ[POSTGRES_ENV]), isolation_level="AUTOCOMMIT")
        try:
            _drop_database(admin, made["postgresql"])
        finally:
            admin.dispose()


def _migrated(templates: dict[str, str], backend: str, folder: Path) -> str:
    if backend in templates:
        return templates[backend]
    if backend == "sqlite":
        path = folder / "template.sqlite3"
        url = f"sqlite:///{path}"
        templates[backend] = str(path)
    else:
        base = make_url(os.environ[POSTGRES_ENV])
        name = f"coserver_tmpl_{uuid.uuid4().hex[:12]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            admin.dispose()
        url = base.set(database=name).render_as_string(hide_password=False)
        templates[backend] = name
    engine = make_engine(url)
    try:
        migrate(engine)
    finally:
        engine.dispose()  # a PostgreSQL template may have no open connections
    return templates[backend]


@pytest.fixture(params=BACKENDS)
def db_url(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    migrated_templates: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    template = _migrated(migrated_templates, request.param, tmp_path_factory.getbasetemp())
    if request.param == "sqlite":
        target = tmp_path / "server.sqlite3"
        shutil.copyfile(template, target)
        yield f"sqlite:///{target}"
        return
    base = make_url(os.environ[POSTGRES_ENV])
    name = f"coserver_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        yield base.set(database=name).render_as_string(hide_password=False)
        _drop_database(admin, name)
    finally:
        admin.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Any]:
    """An engine of the test's own on the PostgreSQL database, to interleave writers by hand; on
    SQLite the test is skipped: BEGIN IMMEDIATE lets one writer in at a time, nothing interleaves."""
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time: no writer runs beside another")
    made = make_engine(db_url)
    yield made
    made.dispose()


def _drop_database(admin: Any, name: str) -> None:
    # WITH (FORCE) cannot end a backend of another role (seen: a superuser's connection to the fresh
    # database for a moment); it is gone a little later, so try again before failing the test.
    for attempt in range(20):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except DBAPIError:
            if attempt == 19:
                raise
            time.sleep(0.25)


def _run(app: Any) -> tuple[uvicorn.Server, threading.Thread, int]:
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="coserver-test", daemon=True)
    thread.start()
    for _ in range(500):
        if server.started or not thread.is_alive():
            break
        threading.Event().wait(0.01)
    assert server.started, "the test server did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, thread, port


@pytest.fixture
def start_server(db_url: str, tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    running: list[tuple[uvicorn.Server, threading.Thread, Any, LiveServer]] = []

    def start(**overrides: Any) -> LiveServer:
        clock = FakeClock()
        settings = Settings(
            db_url=db_url, mailbox=tmp_path / "mailbox", clock=clock, password_hasher=CHEAP_HASHER
        )
        settings = replace(settings, **overrides)
        app = create_app(settings)
        server, thread, port = _run(app)
        live = LiveServer(f"http://127.0.0.1:{port}", settings, clock)
        running.append((server, thread, app, live))
        return live

    yield start
    for server, thread, app, live in running:
        live.http.close()
        server.should_exit = True
        thread.join(timeout=10)
        app.state.ctx.engine.dispose()


@pytest.fixture
def server(start_server: Callable[..., LiveServer]) -> LiveServer:
    return start_server()
