"""`coapp login|logout|status|sync ...` and `coapp demo-server`: the platform account from a shell.

Exit codes of `sync`: 0 everything is on the platform, 1 something was refused or is still waiting,
2 an error (one line on stderr: bad input, the server refused, offline). Tokens are never printed
and never written to a file: they live in the OS keyring, or (where none exists) in memory for this
one process only, which `login` says plainly and `sync --email` works around.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coapp.cli.common import PROG, CliParser, argument_type, one_line, print_json
from coapp.cli.counted import counted
from coapp.domain.errors import CoappError, ValidationError

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.sync.account import SyncStatus
    from coapp.sync.client import SyncClient
    from coapp.sync.refused import RefusedChange
    from coapp.sync.transport import RetryPolicy

log = logging.getLogger(__name__)

EXIT_SYNCED = 0
EXIT_NOT_ALL_SYNCED = 1
EXIT_ERROR = 2
SHORT_ID = 8  # how much of a refused change's id the listing shows; any unambiguous prefix works


# --- arguments -----------------------------------------------------------------------------------


def _server_url(text: str) -> str:
    from coapp.sync.account import check_server_url

    try:
        return check_server_url(text)
    except CoappError as exc:  # check_server_url's message is meant for people: keep it
        raise ValidationError(str(exc)) from None


def _email(text: str) -> str:
    address = text.strip()
    local, at, domain = address.partition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in address):
        raise ValidationError(f"“{one_line(text)}” is not an e-mail address")
    return address


server_arg = argument_type(_server_url, "server")
email_arg = argument_type(_email, "email")


def add_verbs(verbs: argparse._SubParsersAction[CliParser]) -> None:
    p = verbs.add_parser(
        "login",
        help="sign in to the platform (the password is read from a prompt or one line of stdin)",
        description="Sign in to the platform. The password is asked for at a terminal, or read as one "
        "line from standard input. Without a keyring on this system the session ends with the command; "
        "then use `coapp sync --email E`, which signs in and syncs in one go.",
    )
    p.add_argument("--server", type=server_arg, metavar="URL", help="the platform's address (https://...)")
    p.add_argument("--email", type=email_arg, metavar="E", help="your account's e-mail address")
    p.set_defaults(handler=run_login)

    p = verbs.add_parser("logout", help="sign out; the data stays in the folder")
    p.set_defaults(handler=run_logout)

    p = verbs.add_parser("status", help="the account, the last sync and what waits (no network)")
    p.add_argument("--json", action="store_true", help="print the status as one JSON document")
    p.set_defaults(handler=run_status)

    sync = verbs.add_parser(
        "sync",
        help="one sync round with the platform; list and resolve refused changes",
        description="Send local changes and take the platform's. Exit 0 when everything is on the "
        "platform, 1 when a change was refused or is still waiting, 2 on an error.",
    )
    sync.add_argument("--json", action="store_true", help="print the result as one JSON document")
    sync.add_argument(
        "--status", action="store_true", help="show the account, last sync and counts without syncing"
    )
    sync.add_argument(
        "--email",
        type=email_arg,
        metavar="E",
        help="sign in first (password from the prompt or stdin), for systems without a keyring",
    )
    sync.add_argument("--server", type=server_arg, metavar="URL", help="the platform's address, with --email")
    sync.set_defaults(handler=run_sync)
    actions = sync.add_subparsers(dest="sync_action", metavar="ACTION")
    p = actions.add_parser("refused", help="list the changes the platform refused, with the reasons")
    p.add_argument("--json", action="store_true", help="print them as one JSON document")
    p.set_defaults(handler=run_refused)
    for name, text in (
        ("retry", "send a refused change again (after fixing its cause)"),
        ("discard", "drop a refused change and take the platform's version"),
        ("keep", "write a refused change to a JSON file, then discard it"),
    ):
        p = actions.add_parser(name, help=text)
        p.add_argument("id", metavar="ID", help="the change's id or an unambiguous start of it")
        if name == "keep":
            p.add_argument("--to", metavar="DIR", help="the folder for the file (default: DATA_DIR/kept)")
        p.set_defaults(handler=run_resolve)

    p = verbs.add_parser(
        "demo-server",
        help="run a demo platform on this machine and print its address and accounts",
        description="Start the reference platform on 127.0.0.1 with demo accounts on a throw-away "
        "database, print the address and the accounts, and serve until Ctrl+C.",
    )
    p.add_argument(
        "--port", type=argument_type(_port, "port"), default=0, help="TCP port (default: a free one)"
    )
    p.set_defaults(run_alone=run_demo_server)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise ValidationError(f"“{one_line(text)}” is not a port number (0-65535)")
    return int(text)


# --- errors --------------------------------------------------------------------------------------


def _fail(message: str) -> int:
    log.info("refused: %s", message)
    print(f"{PROG}: error: {one_line(message)}", file=sys.stderr)
    return EXIT_ERROR


def _explain(exc: Exception) -> str:
    """One line a person can act on, for everything talking to the platform can raise."""
    from coapp.sync.errors import ApiError, BadServerAnswer, OfflineError, RateLimitedError, SignInRequired

    if isinstance(exc, ApiError) and exc.code in ("signed_out", "session_ended"):
        return (
            f"{exc.message.rstrip('.')}: run `{PROG} login --server URL --email E`, or `{PROG} sync "
            "--email E` (signs in and syncs in one go; needed where no keyring exists)."
        )
    if isinstance(exc, SignInRequired):
        return exc.message  # a wrong e-mail address or password
    if isinstance(exc, RateLimitedError) or (isinstance(exc, OfflineError) and " answered 429" in str(exc)):
        # The transport gives up on 429 with an OfflineError; the reason matters to the user.
        return "the platform refuses more attempts for now (rate limited); wait a few minutes and try again"
    if isinstance(exc, ApiError) and exc.code.startswith("http_"):
        # No coapp error body: something else answered at that address.
        return f"{exc.message} (is this the address of a coapp platform?)"
    if isinstance(exc, ApiError):
        return exc.message
    if isinstance(exc, BadServerAnswer):
        return f"{exc} (is this the address of a coapp platform?)"
    return str(exc)


def _talking(action: Callable[[], int]) -> int:
    """Run *action*, turning the platform's refusals and network problems into one line, exit 2."""
    from keyring.errors import KeyringError

    from coapp.sync.errors import BadServerAnswer, OfflineError

    try:
        return action()
    except (CoappError, OfflineError, BadServerAnswer) as exc:
        return _fail(_explain(exc))
    except KeyringError as exc:  # a locked keyring, a dismissed unlock prompt, no D-Bus session
        return _fail(f"the system keyring refused to keep the session ({exc or type(exc).__name__})")


# --- signing in and out --------------------------------------------------------------------------


def _read_password(email: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass  # here: the window's start-up imports this module too

        try:
            password = getpass.getpass(f"Password for {email}: ")
        except EOFError:
            password = ""
    else:
        password = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    if not password:
        raise ValidationError("no password given: type it at the prompt, or pass it as one line on stdin")
    return password


def _sign_in_policy() -> RetryPolicy:
    from coapp.sync.transport import RetryPolicy

    # One attempt: a person is waiting, and every retry counts against the server's sign-in limit.
    return RetryPolicy(attempts=1, timeout=20)


def _account_of(ctx: AppContext, server: str | None, email: str | None) -> tuple[str, str]:
    """The server and e-mail to sign in with: as given, else this data folder's account."""
    current = ctx.sync.status()
    server = server or current.server_url
    email = email or current.account_email
    if server is None:
        raise ValidationError("say which platform: --server URL (this data folder has no account yet)")
    if email is None:
        raise ValidationError("say which account: --email E")
    return server, email


def _sign_in(ctx: AppContext, server: str, email: str) -> None:
    from coapp.sync.client import SyncClient

    password = _read_password(email)
    SyncClient(ctx.store, ctx.tokens, policy=_sign_in_policy()).sign_in(server, email, password)
    log.info("signed in as %s on %s", email, server)


def _memory_only(ctx: AppContext) -> bool:
    return ctx.tokens.warning is not None


def run_login(ctx: AppContext, args: argparse.Namespace) -> int:
    def login() -> int:
        server, email = _account_of(ctx, args.server, args.email)
        _sign_in(ctx, server, email)
        print(f"Signed in as {email} on {server}.")
        if _memory_only(ctx):
            # The tokens would die with this process anyway; end the session on the server too.
            ctx.sync.sign_out()
            print(
                f"No keyring is available on this system, so the session ended with this command "
                f"(tokens are never written to a file). Use `{PROG} sync --email {email}` to sign in "
                "and sync in one go."
            )
        return 0

    return _talking(login)


def run_logout(ctx: AppContext, args: argparse.Namespace) -> int:
    status = ctx.sync.status()
    ctx.sync.sign_out()
    if status.account_email is None:
        print("Not signed in.")
    else:
        print(f"Signed out of {status.account_email}; the data in this folder stays.")
    return 0


# --- status ----------------------------------------------------------------------------------------


def _status_document(status: SyncStatus) -> dict[str, Any]:
    return {
        "account": status.account_email,
        "server": status.server_url,
        "signed_in": status.signed_in,
        "last_synced_at": status.last_synced_at.isoformat() if status.last_synced_at else None,
        "waiting": status.waiting,
        "refused": status.refused,
        "last_error": status.last_error,
        "clock_skew_seconds": status.clock_skew_seconds,
    }


def run_status(ctx: AppContext, args: argparse.Namespace) -> int:
    status = ctx.sync.status()
    if args.json:
        print_json(_status_document(status))
        return 0
    if status.account_email is None:
        print(f"No platform account in this folder. Sign in with `{PROG} login --server URL --email E`.")
    else:
        state = "signed in" if status.signed_in else "signed out"
        print(f"Account: {status.account_email} on {status.server_url} ({state})")
    when = status.last_synced_at.astimezone().strftime("%Y-%m-%d %H:%M") if status.last_synced_at else "never"
    print(f"Last sync: {when}")
    print(f"Waiting to be sent: {status.waiting}")
    print(f"Refused, waiting for your decision: {status.refused}")
    if status.last_error:
        print(f"Last error: {one_line(status.last_error)}")
    return 0


# --- sync ------------------------------------------------------------------------------------------


def _change_document(change: RefusedChange) -> dict[str, Any]:
    return {
        "id": change.row_id,
        "entity": change.entity,
        "what": change.label,
        "code": change.code,
        "message": change.message,
        "advice": change.advice,
        "refused_at": change.refused_at.isoformat() if change.refused_at else None,
        "your_values": change.fields,
        "platform_copy": change.server_row,
    }


def _print_refused(changes: list[RefusedChange]) -> None:
    for change in changes:
        print(f"  {change.row_id[:SHORT_ID]}  {change.label}: {one_line(change.message)}")
        print(f"  {'':{SHORT_ID}}  {change.advice}")


def run_sync(ctx: AppContext, args: argparse.Namespace) -> int:
    if args.status:
        return run_status(ctx, args)
    if args.server and not args.email:
        return _fail("--server goes with --email (to sign in before syncing)")
    return _talking(lambda: _sync_round(ctx, args))


def _sync_round(ctx: AppContext, args: argparse.Namespace) -> int:
    signed_in_here = False
    if args.email:
        server, email = _account_of(ctx, args.server, args.email)
        _sign_in(ctx, server, email)
        signed_in_here = True
    try:
        report = ctx.sync.run()
    finally:
        if signed_in_here and _memory_only(ctx):
            ctx.sync.sign_out()  # the tokens die with this process: end the server's session too
    status = ctx.sync.status()
    changes = ctx.sync.refused()
    if args.json:
        print_json(
            {
                "account": status.account_email,
                "server": status.server_url,
                "pushed": report.pushed,
                "pulled": report.pulled,
                "refused": status.refused,
                "waiting": status.waiting,
                "refused_changes": [_change_document(c) for c in changes],
                "resynced": report.resynced or None,
                "clock_skew_seconds": report.clock_skew_seconds,
            }
        )
    else:
        print(
            f"Synced with {status.server_url} as {status.account_email}: {report.pushed} pushed, "
            f"{report.pulled} pulled, {status.refused} refused, {status.waiting} waiting."
        )
        if changes:
            print(f"Refused by the platform (resolve with `{PROG} sync retry|discard|keep ID`):")
            _print_refused(changes)
        if report.clock_warning:
            minutes = abs(report.clock_skew_seconds) // 60
            print(f"Warning: this computer's clock is {counted(minutes, 'minute', 'minutes')} off.")
    return EXIT_NOT_ALL_SYNCED if status.refused or status.waiting else EXIT_SYNCED


# --- refused changes -------------------------------------------------------------------------------


def run_refused(ctx: AppContext, args: argparse.Namespace) -> int:
    changes = ctx.sync.refused()
    if args.json:
        print_json({"refused_changes": [_change_document(c) for c in changes]})
    elif not changes:
        print("No refused changes.")
    else:
        print(f"{len(changes)} refused (resolve with `{PROG} sync retry|discard|keep ID`):")
        _print_refused(changes)
    return 0


def find_change(changes: list[RefusedChange], prefix: str) -> RefusedChange:
    wanted = prefix.strip().lower()
    if not wanted:
        raise ValidationError("give the change's id (see `coapp sync refused`)")
    matches = [c for c in changes if c.row_id.lower().startswith(wanted)]
    if not matches:
        raise ValidationError(f"no refused change has an id starting with “{one_line(prefix)}”")
    if len(matches) > 1:
        raise ValidationError(
            f"“{one_line(prefix)}” starts {len(matches)} refused changes' ids; give more of it"
        )
    return matches[0]


def run_resolve(ctx: AppContext, args: argparse.Namespace) -> int:
    from pathlib import Path

    client: SyncClient = ctx.sync
    change = find_change(client.refused(), args.id)
    if args.sync_action == "retry":
        client.retry(change)
        print(f"Queued again: {change.label}. It is sent at the next `{PROG} sync`.")
    elif args.sync_action == "discard":
        client.discard(change)
        print(f"Discarded: {change.label}. The platform's version is shown.")
    else:
        folder = Path(args.to).expanduser() if args.to else ctx.paths.data_dir / "kept"
        path = client.keep_copy(change, folder)
        print(f"Kept a copy in {path} and discarded the change: {change.label}.")
    return 0


# --- demo platform ---------------------------------------------------------------------------------


def run_demo_server(args: argparse.Namespace) -> int:
    from coapp.app.demo import demo_platform

    with demo_platform(port=args.port) as platform:
        print(f"Demo platform at {platform.url} (Ctrl+C stops it; its data is thrown away).")
        for account in platform.accounts:
            print(f"  {account['role']:<10} {account['email']:<32} password: {account['password']}")
        email = platform.freelancer["email"]
        print(f"Try: {PROG} --data-dir DIR login --server {platform.url} --email {email}")
        sys.stdout.flush()
        try:
            platform.wait()
        except KeyboardInterrupt:
            print("Stopped.")
    return 0
