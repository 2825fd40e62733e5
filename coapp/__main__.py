"""`coapp` and `python -m coapp`: arguments, logging, then the app's window or a CLI verb.

Exit codes:
  0   done
  1   an expected problem that is not the input: the database is damaged, from a newer coapp,
      or not a coapp database (the message says what to do)
  2   bad input: a usage error, a refused change, an unknown or ambiguous contract; nothing changed.
      Also a data folder that cannot be created or written, and (the window) no display or a
      missing system library Qt needs: the message names it and the command that installs it.
      And a verb that changes data while coapp's window (or another such verb) holds the data folder:
      it waits a few seconds first, then says who holds it
  70  an internal error (a bug): one line on stderr, the trace in <data dir>/logs/coapp.log
  130 interrupted (Ctrl+C)
  141 the output pipe was closed early (`coapp time week | head`), as a shell reports SIGPIPE
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from types import TracebackType
from typing import Any

from coapp.base.log_redaction import RedactingFormatter
from coapp.base.paths import PRIVATE_FILE_MODE, DataFolderError, Paths, make_private, make_private_dir
from coapp.cli.common import PROG, one_line
from coapp.domain.errors import CoappError, NotFoundError, ValidationError
from coapp.store.data_lock import DataFolderBusyError

EXIT_OK = 0
EXIT_UNUSABLE = 1
EXIT_BAD_INPUT = 2
EXIT_BUG = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

LOG_BYTES = 1_000_000
LOG_KEEP = 3

log = logging.getLogger("coapp")


def app_version() -> str:
    try:
        return package_version("coapp")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


class PrivateLogFile(logging.handlers.RotatingFileHandler):
    """The rotating log, readable by its owner only (0600 on POSIX), new and rotated files alike:
    it names clients and invoices."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
        if os.name == "posix":
            os.fchmod(fd, PRIVATE_FILE_MODE)  # a log file an older coapp made 0644
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


@contextmanager
def file_logging(paths: Paths) -> Iterator[None]:
    """Log to <data dir>/logs/coapp.log for the length of one run, then close the file.

    Closing matters: tests call main() many times in one process, and an unclosed log file per
    call would leak handles and repeat every message."""
    try:
        make_private_dir(paths.logs)
        for old in paths.logs.glob("coapp.log*"):
            make_private(old)  # rotated files of an older coapp
        handler: logging.Handler = PrivateLogFile(
            paths.logs / "coapp.log", maxBytes=LOG_BYTES, backupCount=LOG_KEEP, encoding="utf-8", delay=True
        )
    except OSError as exc:
        # A read-only or missing folder must not stop the app; the command reports its own errors.
        print(f"{PROG}: warning: cannot write the log file ({one_line(str(exc))})", file=sys.stderr)
        handler = logging.NullHandler()
    # E-mail addresses and tokens never reach the file (coapp.base.log_redaction).
    handler.setFormatter(
        RedactingFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    )
    root = logging.getLogger()
    # Alembic announces every plugin and stamp at INFO on each start, and fontTools every table it
    # subsets for each PDF; only their problems belong in our log.
    chatty = [logging.getLogger(name) for name in ("alembic", "fontTools")]
    levels = [root.level, *(logger.level for logger in chatty)]
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    for logger in chatty:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        root.removeHandler(handler)
        for logger, level in zip([root, *chatty], levels, strict=True):
            logger.setLevel(level)
        handler.close()


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def _log_uncaught(
    previous: ExceptHook, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    log.critical("uncaught exception", exc_info=(kind, exc, tb))
    previous(kind, exc, tb)


def _run_gui(data_dir: str | None, demo: bool = False) -> int:
    # Imported here so CLI verbs never load Qt.
    from coapp.app import run_gui

    previous = sys.excepthook
    # Exceptions raised in Qt slots reach sys.excepthook; keep their traces in the log file.
    sys.excepthook = lambda kind, exc, tb: _log_uncaught(previous, kind, exc, tb)
    try:
        if demo and data_dir is not None:
            from coapp.app import run_demo_gui

            return int(run_demo_gui(data_dir))
        return int(run_gui(data_dir))
    finally:
        sys.excepthook = previous


def _silence_stdout() -> None:
    # Python flushes stdout again at exit and would print a second BrokenPipeError there.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # no real file descriptor (tests)
        pass


def _fail(code: int, message: str) -> int:
    print(f"{PROG}: error: {one_line(message)}", file=sys.stderr)
    return code


@contextmanager
def _private_files() -> Iterator[None]:
    """Files and folders made during the run are the user's alone (umask 077), also those a library
    creates (SQLite, the demo platform's mailbox); the previous umask is back afterwards (tests call
    main() many times in one process). The modules that write the data folder set the modes
    themselves too, so the folder is private when they run without main() (tests, build_main_window)."""
    if os.name != "posix":
        yield
        return
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def main(argv: Sequence[str] | None = None) -> int:
    from coapp.cli.verbs import build_parser

    parser = build_parser(app_version())
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors (already printed)
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT
    if args.verb is None:
        # Before anything starts (the demo platform) and before Qt is imported: Qt aborts the
        # process when it cannot open a window. (Imported here: CLI verbs never pay for it.)
        from coapp.app.qt_system import gui_problem

        problem = gui_problem()
        if problem is not None:
            return _fail(EXIT_BAD_INPUT, problem)
    if getattr(args, "demo", False) and args.verb is None:
        # Demo mode's data and log live in its own folder (temporary unless --data-dir), never the user's.
        from coapp.app.demo import demo_data_dir

        if args.data_dir is not None:
            try:
                Paths.resolve(args.data_dir).ensure()
            except DataFolderError as exc:
                return _fail(EXIT_BAD_INPUT, str(exc))

        with demo_data_dir(args.data_dir) as folder:
            args.data_dir = str(folder)
            return _main(args)
    return _main(args)


def _main(args: Any) -> int:
    paths = Paths.resolve(args.data_dir)
    try:
        paths.ensure()
    except DataFolderError as exc:
        return _fail(EXIT_BAD_INPUT, str(exc))
    with _private_files(), file_logging(paths):
        verb = " ".join(v for v in (args.verb, getattr(args, "time_action", None)) if v) or "gui"
        log.info("coapp %s: %s in %s", app_version(), verb, paths.data_dir)
        try:
            if args.verb is None:
                return _run_gui(args.data_dir, demo=getattr(args, "demo", False))
            from coapp.cli import verbs as cli

            return cli.run(args)
        except (ValidationError, NotFoundError, DataFolderBusyError) as exc:
            log.info("refused: %s", exc)
            return _fail(EXIT_BAD_INPUT, str(exc))
        except CoappError as exc:
            log.warning("%s", exc)
            return _fail(EXIT_UNUSABLE, str(exc))
        except BrokenPipeError:
            # The reader went away (`coapp time week | head`); stop quietly, as `cat` would.
            _silence_stdout()
            return EXIT_BROKEN_PIPE
        except KeyboardInterrupt:
            return _fail(EXIT_INTERRUPTED, "interrupted")
        except Exception as exc:
            log.exception("internal error in %s", verb)
            log_file = paths.logs / "coapp.log"
            return _fail(
                EXIT_BUG, f"internal error ({type(exc).__name__}: {exc}); the details are in {log_file}"
            )


if __name__ == "__main__":
    sys.exit(main())
