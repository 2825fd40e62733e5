"""A device in a sync test: a real data folder (AppContext), tokens in memory, the real engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from coapp.app.context import AppContext
from coapp.models import OutboxRecord, TimeEntry
from coapp.services.sheets import CellChange
from coapp.sync import account
from coapp.sync.credentials import MemoryTokenStore
from coapp.sync.engine import SyncEngine, SyncReport
from coapp.sync.transport import RetryPolicy
from tests.coserver.harness import PASSWORD

FAST = RetryPolicy(attempts=6, base_delay=0.01, max_delay=0.05, timeout=10)


@dataclass
class Device:
    ctx: AppContext
    tokens: MemoryTokenStore = field(default_factory=MemoryTokenStore)
    policy: RetryPolicy = FAST

    @classmethod
    def open(cls, folder: Path, policy: RetryPolicy = FAST) -> Device:
        tokens = MemoryTokenStore()
        return cls(AppContext.open(folder, tokens=tokens), tokens=tokens, policy=policy)

    def sign_in(self, url: str, email: str, password: str = PASSWORD) -> None:
        account.sign_in(self.ctx.store, url, email, password, self.tokens, self.policy)

    def engine(self) -> SyncEngine:
        api = account.current_api(self.ctx.store, self.tokens, self.policy)
        assert api is not None, "not signed in"
        return SyncEngine(self.ctx.store, api)

    def sync(self) -> SyncReport:
        return self.engine().run()

    def set(self, contract_id: str, day: date, minutes: int, note: str = "") -> None:
        self.ctx.timesheet.apply([CellChange(contract_id, day, minutes, note)])

    def entries(self) -> dict[tuple[str, date], tuple[int, str]]:
        """Live time entries: (contract, day) -> (minutes, note)."""
        with self.ctx.store.read() as s:
            rows = s.scalars(select(TimeEntry).where(TimeEntry.deleted_at.is_(None))).all()
            return {(r.contract_id, r.work_date): (r.minutes, r.note) for r in rows if r.minutes}

    def outbox(self, refused: bool | None = None) -> int:
        with self.ctx.store.read() as s:
            query = select(func.count()).select_from(OutboxRecord)
            if refused is not None:
                column = OutboxRecord.refused_code
                query = query.where(column.is_not(None) if refused else column.is_(None))
            return s.scalar(query) or 0

    def close(self) -> None:
        self.ctx.close()
