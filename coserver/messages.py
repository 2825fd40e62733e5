"""Messages between a freelancer and their agent (issue 10). The freelancer's arrive by push (entity
`message`, the app's id, fields {"text"}) and are immutable once sent: the same text again is
applied without a change (a retry under a new op id), another text or a delete is refused. The
agent's are written by a route. Both reach the freelancer's feed; the thread is keyed by the
freelancer (`account_id`), so no other account ever reads it."""

from __future__ import annotations

import re
import uuid

from sqlalchemy.orm import Session

from coapp.sync.wire import (
    MESSAGE_MAX_LENGTH,
    Account,
    AgentMessageRequest,
    MessageRecord,
    OpKind,
    OpResult,
    OpStatus,
    PushOp,
)
from coserver.agents import agent_of
from coserver.application_models import MessageRow
from coserver.context import ServerContext
from coserver.db import next_version
from coserver.errors import ApiError
from coserver.refusals import check_known_fields, encodable, rejected

_CONTROL_IN_PROSE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def message_record(row: MessageRow) -> MessageRecord:
    return MessageRecord(
        id=row.id,
        sender=row.sender,  # type: ignore[arg-type]  # checked by the table
        agent_id=row.agent_id,
        text=row.text,
        sent_at=row.sent_at,
        version=row.version,
    )


def message_problem(raw: object) -> str | None:
    """Why `raw` cannot be a message's text, or None."""
    if not isinstance(raw, str):
        return "text: the message as text."
    text = raw.strip()
    if not text:
        return "text: write something."
    if len(text) > MESSAGE_MAX_LENGTH:
        return f"text: at most {MESSAGE_MAX_LENGTH} characters."
    if _CONTROL_IN_PROSE.search(text) or not encodable(text):
        return "text: holds characters that cannot be stored."
    return None


def find_message(session: Session, account_id: uuid.UUID, row_id: uuid.UUID) -> MessageRow | None:
    row = session.get(MessageRow, row_id)
    return row if row is not None and row.account_id == account_id else None


def apply_message(ctx: ServerContext, session: Session, account_id: uuid.UUID, op: PushOp) -> OpResult:
    row = session.get(MessageRow, op.row_id)
    if row is not None and row.account_id != account_id:
        raise rejected("id_taken", "This id is taken; send the message with a new one.")
    if op.op is OpKind.DELETE:
        raise rejected("immutable", "A sent message cannot be taken back.", row)
    check_known_fields(op, {"text"}, "a message")
    problem = message_problem(op.fields.get("text"))
    if problem is not None:
        raise rejected("invalid_field", problem)
    text = str(op.fields["text"]).strip()
    if row is not None:
        if row.sender == "freelancer" and row.text == text:
            return OpResult(
                op_id=op.op_id, status=OpStatus.APPLIED, version=row.version, row=message_record(row)
            )
        raise rejected("immutable", "A sent message never changes; write a new one.", row)
    agent_id = agent_of(session, account_id)
    if agent_id is None:
        raise rejected("no_agent", "No agent is assigned to you yet; one is with your first application.")
    row = MessageRow(
        id=op.row_id,
        account_id=account_id,
        agent_id=agent_id,
        sender="freelancer",
        text=text,
        sent_at=ctx.now(),
        version=next_version(session),
    )
    session.add(row)
    session.flush()
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, version=row.version, row=message_record(row))


def agent_sends(
    ctx: ServerContext, session: Session, agent: Account, body: AgentMessageRequest
) -> MessageRecord:
    """`POST /v1/agent/messages`: only to a freelancer whose agent the caller is (404 otherwise)."""
    if agent_of(session, body.freelancer_id) != agent.id:
        raise ApiError(404, "not_found", "No such freelancer of yours.", field="freelancer_id")
    problem = message_problem(body.text)
    if problem is not None:
        raise ApiError(422, "invalid_field", problem, field="text")
    row = MessageRow(
        id=uuid.uuid4(),
        account_id=body.freelancer_id,
        agent_id=agent.id,
        sender="agent",
        text=body.text.strip(),
        sent_at=ctx.now(),
        version=next_version(session),
    )
    session.add(row)
    session.flush()
    return message_record(row)
