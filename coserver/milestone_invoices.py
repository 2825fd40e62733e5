"""A fixed-fee milestone and the invoice to the platform that bills it (issue 11).

Confirming an invoice that names a milestone (`milestone_id`) needs the milestone on the invoice's
contract and ready to invoice; in the same transaction it becomes `invoiced`, linked to the invoice.
Crediting that invoice makes it `ready` again, as credited time unlocks (coapp.domain.milestones).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.domain.milestones import MilestoneRefused, MilestoneState, check_invoiceable, check_release
from coserver.contract_models import MilestoneRow
from coserver.db import next_version
from coserver.errors import ApiError


def billable(session: Session, contract_id: uuid.UUID, milestone_id: uuid.UUID) -> MilestoneRow:
    """The milestone an invoice names, or a refusal: 404 when it is not on this contract, 409 when
    it is not ready to invoice."""
    row = session.get(MilestoneRow, milestone_id)
    if row is None or row.contract_id != contract_id or row.deleted_at is not None:
        raise ApiError(404, "not_found", "No such milestone on this contract.", field="milestone_id")
    try:
        check_invoiceable(MilestoneState(row.state))
    except MilestoneRefused as exc:
        reason = str(exc)
        raise ApiError(409, "milestone_not_ready", f"{reason[:1].upper()}{reason[1:]}.") from None
    return row


def mark_invoiced(session: Session, row: MilestoneRow, invoice_id: uuid.UUID, now: datetime) -> None:
    row.state = MilestoneState.INVOICED.value
    row.invoice_id = invoice_id
    row.state_changed_at = now
    row.version = next_version(session)
    session.flush()


def release(session: Session, invoice_id: uuid.UUID, now: datetime) -> None:
    """The invoice was credited: its milestone is ready to invoice again."""
    for row in session.execute(select(MilestoneRow).where(MilestoneRow.invoice_id == invoice_id)).scalars():
        check_release(MilestoneState(row.state))
        row.state = MilestoneState.READY.value
        row.invoice_id = None
        row.state_changed_at = now
        row.version = next_version(session)
    session.flush()
