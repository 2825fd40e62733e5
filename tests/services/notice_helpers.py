"""Platform rows for notices and the dashboard, put as a pull writes them (no outbox)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from coapp.app.context import AppContext
from coapp.models import ApplicationEventRow, MessageRow
from tests.services.assignments_helpers import assignment_id

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def remote(ctx: AppContext, *rows: object) -> None:
    """Rows as a pull writes them (no outbox)."""
    with ctx.store.write() as s:
        s.info["applying_remote"] = True
        for row in rows:
            s.add(row)
        s.flush()
        s.info["applying_remote"] = False


def agent_message(text: str, at: datetime = NOW) -> MessageRow:
    return MessageRow(
        id=str(uuid.uuid4()), sender="agent", agent_id="ag", text=text, sent_at=at, server_version=1
    )


def applied(ctx: AppContext, n: int = 1) -> str:
    return ctx.applications.apply(assignment_id(n), Decimal(1000), consent=True).application.id


def move(application_id: str, state: str, actor: str = "agent", at: datetime = NOW) -> ApplicationEventRow:
    return ApplicationEventRow(
        id=str(uuid.uuid4()), application_id=application_id, at=at, state=state, actor=actor, server_version=2
    )
