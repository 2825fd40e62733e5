"""The reference server for the sync benchmark, in a process of its own (as it would be in use).

    python benchmarks/sync_server.py DB_URL FOLDER

Runs ``coserver.app.create_app`` under uvicorn on 127.0.0.1, port 0, with uvicorn's defaults as
``coapp-server serve`` has them. Prints ``PORT <n>`` once it listens, then serves until its stdin
closes (the benchmark closes it, or dies), so it never outlives the run. The settings differ from
production in two ways that the benchmark needs and that do not touch the sync path: a cheap argon2
hasher (the benchmark signs in many fresh devices; hashing is not what it measures) and sign-in rate
limits high enough for those sign-ins.
"""

from __future__ import annotations

import sys
import threading
from datetime import timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import uvicorn
from argon2 import PasswordHasher

from coserver.app import create_app
from coserver.settings import RateLimit, Settings

CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
GENEROUS = RateLimit(100_000, timedelta(minutes=5))


def main() -> int:
    db_url, folder = sys.argv[1], Path(sys.argv[2])
    settings = Settings(
        db_url=db_url,
        mailbox=folder / "mailbox",
        password_hasher=CHEAP_HASHER,
        sign_in_per_account=GENEROUS,
        sign_in_per_ip=GENEROUS,
    )
    app = create_app(settings)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="coserver-bench", daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        threading.Event().wait(0.01)
    if not server.started:
        print("the server did not start", file=sys.stderr)
        return 1
    print(f"PORT {server.servers[0].sockets[0].getsockname()[1]}", flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin (or exits)
    server.should_exit = True
    thread.join(timeout=10)
    app.state.ctx.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
