"""`coapp-server [serve] --db URL --host 127.0.0.1 --port N [--mailbox DIR] [--workers N]`: run the
reference server.

With `--workers N` uvicorn's own process model runs N worker processes on one address (the parent
binds the socket, the workers accept on it, uvicorn restarts one that dies). Workers are stateless:
everything lives in the database, so each builds its app from the environment (`app_from_env`),
where the parent wrote the settings it parsed. Several workers need a database that takes several
writers: PostgreSQL for production; SQLite works (its writers queue) for trying it out.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from coserver.settings import Settings

DEFAULT_DB = "sqlite:///coserver.sqlite3"


def _db_url(value: str) -> str:
    try:
        url = make_url(value)
    except ArgumentError:
        raise argparse.ArgumentTypeError(f"not a database URL: {value!r}") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise argparse.ArgumentTypeError("the database must be sqlite:///FILE or postgresql+psycopg://...")
    return value


def _workers(value: str) -> int:
    try:
        workers = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of worker processes: {value!r}") from None
    if not 1 <= workers <= 64:
        raise argparse.ArgumentTypeError(f"--workers must be 1 to 64, not {workers}")
    return workers


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port out of range: {port}")
    return port


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line a person can act on (plus exit 2), not the whole usage block.
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="coapp-server", description="The coapp platform API (reference).")
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="run the HTTP server (the default)")
    seed = sub.add_parser("seed-demo", help="create the demo accounts and print them as JSON")
    seed.add_argument("--db", type=_db_url, default=DEFAULT_DB, help=f"database URL (default {DEFAULT_DB})")
    epoch = sub.add_parser(
        "new-epoch",
        help="after restoring the database from a backup: give it a new epoch, so every client resends "
        "what the backup may lack (run it before the server starts on the restored database)",
    )
    epoch.add_argument("--db", type=_db_url, default=DEFAULT_DB, help=f"database URL (default {DEFAULT_DB})")
    prune = sub.add_parser(
        "prune",
        help="delete idempotency keys older than 90 days, tombstones older than 180 days, expired "
        "tokens, sessions and confirmation codes, old rate-limit windows and accounts left "
        "unconfirmed for 7 days; prints the counts as JSON",
    )
    prune.add_argument("--db", type=_db_url, default=DEFAULT_DB, help=f"database URL (default {DEFAULT_DB})")
    for p in (parser, serve):
        p.add_argument("--db", type=_db_url, default=DEFAULT_DB, help=f"database URL (default {DEFAULT_DB})")
        p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
        p.add_argument("--port", type=_port, default=8000, help="TCP port; 0 picks a free one")
        p.add_argument("--mailbox", type=Path, help="write mail as .eml files here instead of SMTP")
        p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
        p.add_argument(
            "--workers",
            type=_workers,
            default=1,
            help="worker processes on the one address (default 1; see README, Deployment)",
        )
    return parser


# What the parent hands its workers (they are started by uvicorn, not by us, so they read it here).
_ENV_DB = "COSERVER_DB_URL"
_ENV_MAILBOX = "COSERVER_MAILBOX"


def _settings(args: argparse.Namespace) -> Settings:
    return _settings_for(args.db, args.mailbox)


def _settings_for(db_url: str, mailbox: Path | None) -> Settings:
    if mailbox is not None:
        return Settings(db_url=db_url, mailbox=mailbox)
    smtp_host = os.environ.get("COSERVER_SMTP_HOST")
    if not smtp_host:
        # Development default: mail lands next to the database rather than being lost.
        return Settings(db_url=db_url, mailbox=Path("coserver-mailbox"))
    return Settings(
        db_url=db_url,
        smtp_host=smtp_host,
        smtp_port=int(os.environ.get("COSERVER_SMTP_PORT", "587")),
        smtp_user=os.environ.get("COSERVER_SMTP_USER"),
        smtp_password=os.environ.get("COSERVER_SMTP_PASSWORD"),
    )


def app_from_env() -> Any:
    """The app factory each worker process calls (uvicorn imports it by name): the settings come
    from the environment the parent set in `serve`."""
    from coserver.app import create_app

    mailbox = os.environ.get(_ENV_MAILBOX)
    return create_app(_settings_for(os.environ[_ENV_DB], Path(mailbox) if mailbox else None))


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from coserver.http_protocol import PROTOCOL

    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    options: dict[str, Any] = {"host": args.host, "port": args.port, "log_level": args.log_level}
    options["ws"] = "none"
    options["http"] = PROTOCOL  # Nagle off on every connection (coserver.http_protocol)
    if args.workers == 1:
        from coserver.app import create_app

        uvicorn.run(create_app(_settings(args)), **options)
        return 0
    from coserver.db import make_engine, migrate

    # Migrate once here, so the workers start on a current schema instead of queueing to migrate.
    engine = make_engine(args.db)
    try:
        migrate(engine)
    finally:
        engine.dispose()
    os.environ[_ENV_DB] = args.db
    if args.mailbox is not None:
        os.environ[_ENV_MAILBOX] = str(args.mailbox.resolve())
    else:
        os.environ.pop(_ENV_MAILBOX, None)
    uvicorn.run("coserver.__main__:app_from_env", factory=True, workers=args.workers, **options)
    return 0


def seed_demo(args: argparse.Namespace) -> int:
    from coserver.seed import seed_demo

    print(json.dumps(seed_demo(args.db), indent=2, ensure_ascii=False))
    return 0


def prune(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from coserver.db import make_engine, make_session_factory, migrate, transaction
    from coserver.retention import prune as prune_tables
    from coserver.settings import utc_now

    engine = make_engine(args.db)
    try:
        migrate(engine)
        with transaction(make_session_factory(engine)) as session:
            print(json.dumps(asdict(prune_tables(session, utc_now()))))
    finally:
        engine.dispose()
    return 0


def new_epoch(args: argparse.Namespace) -> int:
    import secrets

    from sqlalchemy import update

    from coserver.db import make_engine, make_session_factory, migrate, server_epoch, transaction
    from coserver.models import ServerMeta

    engine = make_engine(args.db)
    try:
        migrate(engine)
        with transaction(make_session_factory(engine)) as session:
            old = server_epoch(session)
            new = secrets.token_hex(16)
            session.execute(update(ServerMeta).where(ServerMeta.key == "server_epoch").values(value=new))
        print(json.dumps({"old_epoch": old, "new_epoch": new}))
    finally:
        engine.dispose()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # argparse prints one usage line + the error and exits 2
    try:
        if args.command == "seed-demo":
            return seed_demo(args)
        if args.command == "prune":
            return prune(args)
        if args.command == "new-epoch":
            return new_epoch(args)
        return serve(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # start-up failures (database unreachable, ...): one line, not a trace
        first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        print(f"coapp-server: error: {first_line}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
