"""Application commands (SYNC.md): submit and withdraw, sent in the round like invoice commands.

The service stores each command with its body, idempotency key and If-Match version in the same
transaction as the application and its consent, before anything is sent; a retry after a crash or a
lost answer sends exactly the same request, so the platform replays its first answer. The answer
(ApplicationDetail) replaces the local copy. A refusal is kept with its reason and stays out of the
queue until the user retries or discards it (coapp.sync.refused): nothing is dropped silently.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError as PydanticError
from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.models import (
    ApplicationCommand,
    ApplicationRow,
    AssignmentRow,
)
from coapp.store.engine import Store
from coapp.sync.api import PlatformApi
from coapp.sync.entities import ENTITIES
from coapp.sync.errors import ApiError, BadServerAnswer
from coapp.sync.pull import apply_row
from coapp.sync.wire import ApplicationDetail, ApplicationTextRequest, SubmitApplicationRequest

log = logging.getLogger(__name__)

SUBMIT = "submit"
WITHDRAW = "withdraw"

# What the user can do about each refusal, in words (the platform's message says what happened).
ADVICE = {
    "stale": "The assignment changed after you decided: read its new terms, then retry or discard.",
    "assignment_closed": "The assignment is closed: discard the application.",
    "already_applied": "You have already applied to this assignment: discard this one.",
    "consent_required": "Apply again and give your consent; discard this one.",
    "invalid_field": "Apply again with the field corrected; discard this one.",
    "unknown_assignment": "The assignment is gone from the platform: discard the application.",
    "forbidden": "The platform did not take this application: discard it and apply again.",
    "conflict": "The application moved on the platform meanwhile: retry to withdraw it from where it is now.",
}
DEFAULT_ADVICE = "Retry later, or discard the application (your consent record stays in the ledger)."


def run_commands(store: Store, api: PlatformApi) -> int:
    """Send the queued commands in order; the number the platform answered."""
    with store.read() as s:
        queued = [
            c.id
            for c in s.scalars(
                select(ApplicationCommand)
                .where(ApplicationCommand.refused_code.is_(None))
                .order_by(ApplicationCommand.created_at)
            )
        ]
    sent = 0
    for command_id in queued:
        request = _prepared(store, command_id)
        if request is None:
            continue
        kind, target, key, if_match, body = request
        try:
            response = api.command(f"/applications/{target}/{kind}", body, key, if_match)
            detail = ApplicationDetail.model_validate_json(response.content)
        except ApiError as exc:
            if exc.status >= 500 or exc.status in (401, 426, 429):
                raise
            if kind == SUBMIT and exc.code == "already_submitted":
                # Submitted already (an answer lost on the way): the platform's copy is the result.
                detail = api.application(target)
            else:
                _refuse(store, command_id, exc.code, exc.message)
                continue
        except PydanticError:
            raise BadServerAnswer("an answer to an application command was not understood") from None
        with store.write() as s:
            command = s.get(ApplicationCommand, command_id)
            if command is not None:
                s.delete(command)
            apply_detail(s, detail)
        sent += 1
    return sent


def _prepared(store: Store, command_id: str) -> tuple[str, str, str, int | None, dict[str, Any]] | None:
    """The request to send, fixed in the store first; None when it must wait (a withdraw of an
    application the platform has not answered for yet) or cannot be sent (refused here)."""
    with store.write() as s:
        command = s.get(ApplicationCommand, command_id)
        if command is None:
            return None
        body = dict(command.body)
        try:
            if command.kind == SUBMIT:
                SubmitApplicationRequest.model_validate(body)
            else:
                ApplicationTextRequest.model_validate(body)
        except PydanticError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            _mark(command, "invalid_field", f"{where}: {first['msg']}")
            return None
        if command.kind == WITHDRAW and command.if_match is None:
            row = s.get(ApplicationRow, command.application_id)
            if row is None or row.server_version is None:
                return None  # its submit is not answered yet: a later round
            command.if_match = row.server_version  # fixed before sending: a retry sends the same
        return command.kind, command.application_id, command.idempotency_key, command.if_match, body


def _mark(command: ApplicationCommand, code: str, message: str) -> None:
    command.refused_code, command.refused_message = code, message
    command.refused_at = datetime.now(UTC)


def _refuse(store: Store, command_id: str, code: str, message: str) -> None:
    with store.write() as s:
        command = s.get(ApplicationCommand, command_id)
        if command is not None:
            _mark(command, code, message)


def apply_detail(s: Session, detail: ApplicationDetail) -> None:
    """The platform's copy of an application with its timeline and interviews."""
    s.info["applying_remote"] = True
    try:
        for name, record in (
            ("application", detail.application),
            *(("application_event", e) for e in detail.events),
            *(("interview", i) for i in detail.interviews),
        ):
            data = record.model_dump()
            apply_row(s, ENTITIES[name], data, int(data["version"]))
        s.flush()
    finally:
        s.info["applying_remote"] = False


def retry(s: Session, application_id: str) -> bool:
    """Send a refused command again with a new key; a submit decides on the assignment as it is
    now (the user has seen its new terms). False when nothing was refused."""
    found = False
    for command in _refused(s, application_id):
        found = True
        command.refused_code = command.refused_message = None
        command.refused_at = None
        command.idempotency_key = str(uuid.uuid4())
        if command.kind == SUBMIT:
            row = s.get(ApplicationRow, application_id)
            assignment = s.get(AssignmentRow, row.assignment_id) if row is not None else None
            if assignment is not None and assignment.server_version is not None:
                command.if_match = assignment.server_version
        else:
            command.if_match = None  # from the application's version when sent
    return found


def discard(s: Session, application_id: str) -> bool:
    """Drop a refused command. A submit never taken leaves the application withdrawn here (its
    consent stays in the ledger: it was given, even if never used)."""
    found = False
    for command in _refused(s, application_id):
        found = True
        if command.kind == SUBMIT:
            row = s.get(ApplicationRow, application_id)
            if row is not None and row.server_version is None:
                s.info["applying_remote"] = True
                try:
                    row.deleted_at = datetime.now(UTC)
                    s.flush()
                finally:
                    s.info["applying_remote"] = False
        s.delete(command)
    return found


def _refused(s: Session, application_id: str) -> list[ApplicationCommand]:
    return list(
        s.scalars(
            select(ApplicationCommand).where(
                ApplicationCommand.application_id == application_id,
                ApplicationCommand.refused_code.is_not(None),
            )
        )
    )
