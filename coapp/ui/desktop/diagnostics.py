"""Help → Copy diagnostic information: what support needs to know about this installation, and
nothing about the person: versions, the system, the data folder's schema, the state of sync, as
counts and yes/no. No names, e-mail addresses, tokens, server answers or paths (a home folder's
path names its user); the text also passes the log's redaction, in case.
"""

from __future__ import annotations

import platform
import sys
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSystemTrayIcon

from coapp import __version__
from coapp.base.log_redaction import redact

if TYPE_CHECKING:
    from coapp.ui.main_window import MainWindow


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _schema(window: MainWindow) -> str:
    from coapp.store.database import stored_revision  # the store's own reader, read-only
    from coapp.store.schema_version import HEAD_REVISION

    try:
        stored = stored_revision(window.state.paths.database)
    except Exception as exc:  # a damaged file is itself the diagnosis
        stored = f"unreadable ({type(exc).__name__})"
    return f"{stored or 'none'} (this coapp writes {HEAD_REVISION})"


def diagnostic_lines(window: MainWindow) -> list[str]:
    """In English on purpose: support reads it, whatever the window's language."""
    settings = window.state.settings
    view = window.sync.view
    desktop = window.desktop
    log = window.state.paths.logs / "coapp.log"
    last = view.last_synced_at.isoformat(timespec="seconds") if view.last_synced_at else "never"
    source = type(desktop.idle.source).__name__ if desktop.idle.source is not None else "not yet read"
    return [
        f"coapp {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform plugin {QGuiApplication.platformName()}",
        f"System: {platform.system()} {platform.release()} ({platform.machine()})",
        f"Frozen build: {_yes(bool(getattr(sys, 'frozen', False)))}",
        f"Data folder schema: {_schema(window)}",
        f"Language: {settings.language}; holidays: {settings.holiday_country}; theme: {settings.theme}",
        f"Sync: signed in {_yes(view.signed_in)}; session ended {_yes(view.session_ended)}; "
        f"offline {_yes(view.offline)}; running {_yes(view.running)}",
        f"Sync: last round {last}; waiting changes {view.waiting}; refused changes {view.refused}; "
        f"last round refused {_yes(bool(view.error))}; clock skew {view.clock_skew_seconds} s",
        f"Tray: available {_yes(QSystemTrayIcon.isSystemTrayAvailable())}; "
        f"close to tray {_yes(settings.close_to_tray)}",
        f"Reminders: {_yes(settings.reminders)}; idle question after {settings.idle_minutes} min; "
        f"idle source {source}",
        f"Log file: {log.stat().st_size if log.exists() else 0} bytes",
    ]


def diagnostic_text(window: MainWindow) -> str:
    return redact("\n".join(diagnostic_lines(window))) + "\n"
