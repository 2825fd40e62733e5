"""After the platform is restored from a backup the device sends again what it made; the agent's
messages are the platform's, not the device's: only the freelancer's own go again."""

from __future__ import annotations

from sqlalchemy import select

from coapp.app.context import AppContext
from coapp.models import OutboxRecord, SyncState
from coapp.models.applications import MessageRow
from coapp.sync.resync import after_epoch_change


def test_only_the_freelancers_own_messages_are_sent_again_after_a_restore(ctx: AppContext) -> None:
    with ctx.store.write() as s:
        s.info["applying_remote"] = True  # as pulled from the platform: no outbox record
        s.add(
            MessageRow(
                id="m-agent", sender="agent", text="Interview on Monday?", server_version=4, dirty=False
            )
        )
        s.add(
            MessageRow(id="m-mine", sender="freelancer", text="Monday works.", server_version=5, dirty=False)
        )
        s.flush()
        s.info["applying_remote"] = False
        state = SyncState(
            id=1, server_url="http://127.0.0.1:1", account_id="a", account_email="a@example.com"
        )
        s.add(state)
        s.flush()
        after_epoch_change(s, state, "new-epoch")
        queued = [(r.entity, r.row_id) for r in s.scalars(select(OutboxRecord))]
    assert ("message", "m-mine") in queued
    assert ("message", "m-agent") not in queued
