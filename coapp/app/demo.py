"""`coapp --demo`: the whole app end to end, platform included, with nothing else installed.

A composition-root module (like coapp.app): it runs the reference server (coserver) inside this
process, uvicorn on 127.0.0.1 on a free port in a background thread, on a SQLite database seeded with
the demo accounts. The app signs in as the first demo freelancer with tokens in memory (the user's
keyring is never touched) and syncs once, so the platform's contract and time are there when the
window opens. Nothing here is imported on the normal start path.

Without --data-dir everything lives in a temporary folder deleted at exit. With --data-dir the
platform's database is kept beside the app's (DATA_DIR/demo-platform), so the next demo on that
folder finds the same account and the same rows.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coapp.base.paths import create_private_file, make_private_dir
from coapp.domain.errors import CoappError

if TYPE_CHECKING:
    import uvicorn
    from fastapi import FastAPI

    from coapp.app.context import AppContext
    from coapp.sync.client import SyncClient
    from coapp.sync.engine import SyncReport

log = logging.getLogger(__name__)

PLATFORM_FOLDER = "demo-platform"
# The demo freelancer's personnummer, her sole trader's organisation number (see coapp.services.demo):
# a test-series number (birth number 984, a woman's), valid Luhn.
DEMO_FREELANCER_PERSONNUMMER = "880410-9844"
START_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 10.0


@dataclass
class DemoPlatform:
    """The reference server running on loopback, with the demo accounts (passwords of this run)."""

    url: str
    accounts: list[dict[str, Any]]
    folder: Path
    _server: uvicorn.Server
    _thread: threading.Thread
    _app: FastAPI

    @property
    def freelancer(self) -> dict[str, Any]:
        return next(a for a in self.accounts if a["role"] == "freelancer")

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self) -> None:
        """Serve until the thread ends (Ctrl+C reaches the caller: join with a timeout lets it in)."""
        while self._thread.is_alive():
            self._thread.join(0.5)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(STOP_TIMEOUT_SECONDS)
        self._app.state.ctx.engine.dispose()
        if self._thread.is_alive():
            log.warning("the demo platform did not stop within %s s", STOP_TIMEOUT_SECONDS)


def _serve(app: FastAPI, port: int) -> tuple[uvicorn.Server, threading.Thread]:
    import uvicorn

    # log_config=None: uvicorn's warnings go to coapp's log file instead of reconfiguring logging.
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", log_config=None, lifespan="off", ws="none"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="coapp-demo-platform", daemon=True)
    thread.start()
    ready = threading.Event()
    waited = 0.0
    while not server.started and thread.is_alive() and waited < START_TIMEOUT_SECONDS:
        ready.wait(0.02)
        waited += 0.02
    if not server.started:
        server.should_exit = True
        thread.join(STOP_TIMEOUT_SECONDS)
        raise CoappError(f"the demo platform could not start on 127.0.0.1 port {port} (is the port in use?)")
    return server, thread


@contextlib.contextmanager
def _folder(folder: Path | None, prefix: str) -> Iterator[Path]:
    """*folder* (created, kept), or a temporary one removed at the end."""
    if folder is not None:
        make_private_dir(folder)
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix=prefix) as temp:
        yield Path(temp)


@contextlib.contextmanager
def demo_platform(folder: Path | None = None, port: int = 0) -> Iterator[DemoPlatform]:
    """The reference server with the demo accounts and some reported time; stopped at the end."""
    from argon2 import PasswordHasher

    from coserver.app import create_app
    from coserver.seed import seed_demo
    from coserver.settings import Settings

    # Cheap argon2 parameters: each default hash takes about 0.4 s and the demo makes seven before the
    # window opens. Acceptable here only: the platform listens on loopback alone, and the passwords
    # are random and replaced on every start.
    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    with _folder(folder, "coapp-demo-platform-") as where:
        # The platform's files are private like the app's (0600 database, 0700 mailbox).
        create_private_file(where / "platform.sqlite3")
        make_private_dir(where / "mailbox")
        db_url = f"sqlite:///{where / 'platform.sqlite3'}"
        accounts = seed_demo(db_url, hasher)  # migrates; new random passwords each run
        app = create_app(Settings(db_url=db_url, mailbox=where / "mailbox", password_hasher=hasher))
        try:
            server, thread = _serve(app, port)
        except BaseException:
            app.state.ctx.engine.dispose()
            raise
        bound = server.servers[0].sockets[0].getsockname()[1]
        platform = DemoPlatform(f"http://127.0.0.1:{bound}", accounts, where, server, thread, app)
        log.info("demo platform at %s", platform.url)
        try:
            _report_demo_time(platform)
            yield platform
        finally:
            platform.stop()


def _report_demo_time(platform: DemoPlatform) -> None:
    """The demo freelancer's last weeks of time, sent from another 'device' (a throw-away data
    folder) through the real sync, so the demo's own folder receives it from the platform."""
    from coapp.app.context import AppContext
    from coapp.services.demo import plan_demo
    from coapp.services.sheets import CellChange
    from coapp.sync.credentials import MemoryTokenStore

    who = platform.freelancer
    with tempfile.TemporaryDirectory(prefix="coapp-demo-device-") as temp:
        device = AppContext.open(Path(temp), tokens=MemoryTokenStore())
        try:
            device.sync.sign_in(platform.url, who["email"], who["password"])
            device.sync.run()
            contracts = device.contracts.all()
            today = date.today()
            if not contracts or device.timesheet.entries_between(date.min, today):
                device.sync.sign_out()
                return  # the platform already has this account's time (a kept demo folder)
            contract = contracts[0]
            per_day: dict[date, tuple[int, str]] = {}
            for entry in plan_demo(today).entries:
                if contract.active_on(entry.work_date):
                    minutes, note = per_day.get(entry.work_date, (0, ""))
                    per_day[entry.work_date] = (minutes + entry.minutes, note or entry.note)
            device.timesheet.apply(
                [CellChange(contract.id, day, minutes, note) for day, (minutes, note) in per_day.items()]
            )
            device.sync.run()
            device.sync.sign_out()
        finally:
            device.close()


@dataclass
class Demo:
    """A running demo: the platform, the app's data folder and its context, signed in and synced."""

    platform: DemoPlatform
    data_dir: Path
    ctx: AppContext
    email: str
    first_sync: SyncReport

    @property
    def sync(self) -> SyncClient:
        return self.ctx.sync


@contextlib.contextmanager
def demo_data_dir(data_dir: str | Path | None = None) -> Iterator[Path]:
    """The demo's data folder: *data_dir* when given (kept), else a temporary one deleted at exit."""
    with _folder(Path(data_dir).expanduser().resolve() if data_dir else None, "coapp-demo-") as folder:
        yield folder


@contextlib.contextmanager
def running_demo(data_dir: str | Path | None = None) -> Iterator[Demo]:
    """Start the platform, sign in as the first demo freelancer and sync once; undo it all at exit."""
    from coapp.app.context import AppContext
    from coapp.services.business import BusinessInfo
    from coapp.services.demo import demo_business
    from coapp.sync.credentials import MemoryTokenStore

    with contextlib.ExitStack() as stack:
        folder = stack.enter_context(demo_data_dir(data_dir))
        platform = stack.enter_context(demo_platform(folder / PLATFORM_FOLDER))
        # Tokens in memory: the demo never writes to the user's keyring.
        ctx = AppContext.open(folder, tokens=MemoryTokenStore())
        stack.callback(ctx.close)
        who = platform.freelancer
        if ctx.business.get() == BusinessInfo():
            # Her business details, so the one-click confirmation works from the start of the demo
            # (they stay on this computer: the protocol does not carry them).
            ctx.business.save(demo_business(who["name"], DEMO_FREELANCER_PERSONNUMMER, who["email"]))
        ctx.sync.sign_in(platform.url, who["email"], who["password"])
        report = ctx.sync.run()
        log.info("demo: signed in as %s, %d rows pulled", who["email"], report.pulled)
        yield Demo(platform, folder, ctx, who["email"], report)
