"""What the GUI knows about sync at one moment, as one immutable value the widgets render.

Plain data on purpose: the runner builds it on the GUI thread from the workers' answers, and the
status widget and the account menu only read it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coapp.sync.account import SyncStatus

# coapp.sync.engine.CLOCK_TOLERANCE_SECONDS, repeated so start-up does not import the sync engine.
CLOCK_TOLERANCE_SECONDS = 300


@dataclass(frozen=True)
class SyncView:
    known: bool = False  # False until the first status arrived from the database
    signed_in: bool = False
    session_ended: bool = False  # the platform no longer accepts our tokens: sign in again
    email: str | None = None  # the account this data folder belongs to
    server_url: str | None = None
    running: bool = False
    offline: bool = False
    waiting: int = 0  # local changes not yet on the platform
    refused: int = 0  # changes the platform refused, waiting for the user's choice
    last_synced_at: datetime | None = None
    error: str = ""  # the last round's refusal in the server's words ("" when it went through)
    clock_skew_seconds: int = 0

    @property
    def clock_warning(self) -> bool:
        return self.signed_in and abs(self.clock_skew_seconds) > CLOCK_TOLERANCE_SECONDS

    def with_status(self, status: SyncStatus) -> SyncView:
        return replace(
            self,
            known=True,
            signed_in=status.signed_in,
            session_ended=self.session_ended and not status.signed_in,
            email=status.account_email,
            server_url=status.server_url,
            waiting=status.waiting,
            refused=status.refused,
            last_synced_at=status.last_synced_at,
            clock_skew_seconds=status.clock_skew_seconds,
        )

    def but(self, **changes: Any) -> SyncView:
        return replace(self, **changes)
