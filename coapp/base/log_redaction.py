"""What the log must never keep: e-mail addresses, tokens (bearer tokens, JWTs, passwords and
secrets given as key=value, long opaque keys) and the home folder's name (written ~). Applied
when a line is written to the log file and again when the log is shown, so a file an older coapp
wrote is shown clean too.

The patterns err on the side of hiding: a long hexadecimal id in a line is hidden as well, which
costs support little (ids are in the data folder) and keeps any key that looks like one out.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[\w.~+/=-]+")
SECRET_FIELD = re.compile(
    r"(?i)\b([\w-]*(?:token|password|passwd|secret|api[_-]?key|authorization|cookie|session)[\w-]*)"
    r"(\"?\s*[:=]\s*\"?)([^\s\"',;}&]+)"
)
JWT = re.compile(r"\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*")
LONG_KEY = re.compile(r"\b[A-Za-z0-9_-]{32,}\b")  # hex or url-safe base64: keys, refresh tokens

HIDDEN = "‹hidden›"


def _home() -> str:
    try:
        return str(Path.home())
    except RuntimeError:  # no home to resolve (a service account): nothing to hide
        return ""


HOME = _home()  # its last part is often the person's name: written as ~ in the log


def redact(text: str) -> str:
    if len(HOME) > 1:
        text = text.replace(HOME, "~")
    text = JWT.sub(HIDDEN, text)
    text = BEARER.sub(lambda m: f"{m.group(1)} {HIDDEN}", text)
    text = SECRET_FIELD.sub(lambda m: f"{m.group(1)}{m.group(2)}{HIDDEN}", text)
    text = EMAIL.sub("‹e-mail›", text)
    return LONG_KEY.sub(HIDDEN, text)


class RedactingFormatter(logging.Formatter):
    """Formats as *inner* does (message, trace and all), then hides what must not be kept."""

    def __init__(self, inner: logging.Formatter | None) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        return redact(self.inner.format(record))


def redact_file_handlers(folder: Path, logger: logging.Logger | None = None) -> int:
    """Make every file handler of *logger* (the root one) writing into *folder* redact its lines;
    how many were changed. Idempotent: a handler already redacting is left alone."""
    changed = 0
    for handler in (logger or logging.getLogger()).handlers:
        target = getattr(handler, "baseFilename", None)
        if target is None or Path(target).parent != folder:
            continue
        if isinstance(handler.formatter, RedactingFormatter):
            continue
        handler.setFormatter(RedactingFormatter(handler.formatter))
        changed += 1
    return changed
