"""What the status bar says about sync: the account, whether it is signed in, what waits.

Light on purpose (SQLAlchemy and the models only): the window reads it right after start-up,
and a device that has never signed in never needs the wire schemas (pydantic), requests or the
keyring. The keyring is opened only when there is an account whose tokens to look for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coapp.models import OutboxRecord, SyncCommand, SyncState
from coapp.store.engine import Store
from coapp.sync.entity_names import PUSHED_ENTITIES

if TYPE_CHECKING:
    from coapp.sync.credentials import TokenStore


@dataclass(frozen=True)
class SyncStatus:
    account_email: str | None
    server_url: str | None
    signed_in: bool
    last_synced_at: datetime | None
    waiting: int
    refused: int
    last_error: str | None
    clock_skew_seconds: int


def account_key(server_url: str, email: str) -> str:
    """The keyring entry's name: one per server and account."""
    return f"{server_url.rstrip('/')}|{email.casefold()}"


def waiting_changes(s: Session) -> int:
    """Rows with local changes not yet on the server (refused ones not counted)."""
    # Counted by SQLite: a store that has not synced for years holds tens of thousands of rows,
    # and loading them to count them held the GIL long enough to freeze the window at start-up.
    rows = (
        select(OutboxRecord.entity, OutboxRecord.row_id)
        .where(OutboxRecord.refused_code.is_(None), OutboxRecord.entity.in_(PUSHED_ENTITIES))
        .distinct()
        .subquery()
    )
    return s.scalar(select(func.count()).select_from(rows)) or 0


def _count(s: Session, query) -> int:  # type: ignore[no-untyped-def]
    return s.scalar(select(func.count()).select_from(query)) or 0


def read_status(store: Store, tokens: Callable[[], TokenStore]) -> SyncStatus:
    """The status; *tokens* is asked for only when there is an account to look up."""
    with store.read() as s:
        state = s.get(SyncState, 1)
        commands = select(SyncCommand.id)
        queued = commands.where(SyncCommand.refused_code.is_(None)).subquery()
        waiting = waiting_changes(s) + _count(s, queued)
        refused_rows = (
            select(OutboxRecord.entity, OutboxRecord.row_id)
            .where(OutboxRecord.refused_code.is_not(None))
            .distinct()
            .subquery()
        )
        refused = _count(s, refused_rows) + _count(
            s, commands.where(SyncCommand.refused_code.is_not(None)).subquery()
        )
        if state is None:
            return SyncStatus(None, None, False, None, waiting, refused, None, 0)
        account = state.server_url, state.account_email
        last_synced_at, last_error, skew = state.last_synced_at, state.last_error, state.clock_skew_seconds
    signed_in = (
        None not in account and tokens().load(account_key(*account)) is not None  # type: ignore[arg-type]
    )
    return SyncStatus(account[1], account[0], signed_in, last_synced_at, waiting, refused, last_error, skew)
