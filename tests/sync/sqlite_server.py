"""The reference server on a SQLite file, in a uvicorn thread on 127.0.0.1, that a test can stop and
start again on the same file and the same port.

The fixtures of tests/coserver start a server once per pytest test; a Hypothesis example or a
restore-from-backup test needs its own lifecycle: one server per example, or the same server stopped
while its database file is swapped for a backup and then started again. Devices keep the address
they signed in with, so a restart binds the port the first start got.

    with SqliteServer(tmp_path / "server") as srv:
        live = srv.live          # a tests.coserver.harness.LiveServer
        srv.stop(); ...; srv.start()
"""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn
from sqlalchemy import update

from coserver.app import create_app
from coserver.models import ServerMeta
from coserver.settings import Settings
from tests.coserver.harness import CHEAP_HASHER, FakeClock, LiveServer
from tests.coserver.sync_helpers import database

START_TIMEOUT_SECONDS = 10.0


class SqliteServer:
    def __init__(self, folder: Path, clock: FakeClock | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.db_path = folder / "server.sqlite3"
        self.clock = clock or FakeClock()
        self.settings = Settings(
            db_url=f"sqlite:///{self.db_path}",
            mailbox=folder / "mailbox",
            clock=self.clock,
            password_hasher=CHEAP_HASHER,
        )
        self.port = 0  # fixed by the first start
        self._running: tuple[uvicorn.Server, threading.Thread, Any] | None = None
        self._live: LiveServer | None = None
        self.start()

    @property
    def live(self) -> LiveServer:
        assert self._live is not None, "the server is stopped"
        return self._live

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        assert self._running is None, "already running"
        app = create_app(self.settings)  # migrates the file, as a real start-up does
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off", ws="none"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name="coserver-sqlite", daemon=True)
        thread.start()
        started = threading.Event()
        for _ in range(int(START_TIMEOUT_SECONDS / 0.01)):
            if server.started or not thread.is_alive():
                break
            started.wait(0.01)
        if not server.started:
            app.state.ctx.engine.dispose()
            raise RuntimeError(f"the test server did not start on port {self.port}")
        self.port = server.servers[0].sockets[0].getsockname()[1]
        self._running = (server, thread, app)
        self._live = LiveServer(self.url, self.settings, self.clock)
        return self._live

    def stop(self) -> None:
        """Stop serving and close every connection to the file (a backup may replace it next)."""
        if self._running is None:
            return
        server, thread, app = self._running
        self._running = None
        if self._live is not None:
            self._live.http.close()
            self._live = None
        server.should_exit = True
        thread.join(timeout=15)
        if thread.is_alive():
            raise RuntimeError("the test server did not stop")
        app.state.ctx.engine.dispose()

    def set_epoch(self, epoch: str) -> None:
        """What an operator does after restoring a backup (coserver has no command for it yet):
        give the database a new epoch, so clients know it may have lost what they sent."""
        assert self._running is None, "change the epoch while the server is stopped"
        with database(LiveServer(self.url, self.settings, self.clock)) as session:
            session.execute(update(ServerMeta).where(ServerMeta.key == "server_epoch").values(value=epoch))

    def __enter__(self) -> SqliteServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
