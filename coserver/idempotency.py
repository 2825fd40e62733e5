"""Stripe-style idempotency keys for push and the commands (SYNC.md).

The same key with the same body replays the first answer; with another body it is `422`; while the
first request still runs it is `409`. A request claims its key in a committed transaction of its own,
does its work, and stores its answer in the work's own transaction, so an answer is stored exactly
when the work committed. A request that died without an answer leaves a lease that a retry may take
over once it ran out (the work rolled back with it, so nothing is done twice).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from coapp.sync.wire import IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH
from coserver.context import ServerContext
from coserver.db import transaction
from coserver.errors import ApiError, error_response
from coserver.models import IdempotencyKey

log = logging.getLogger(__name__)

REPLAYED_HEADER = "Idempotent-Replayed"
_KEY = re.compile(r"^[\x21-\x7e]{1," + str(IDEMPOTENCY_KEY_MAX_LENGTH) + r"}$")


def request_hash(endpoint: str, body: Any) -> str:
    """What "the same request" means: the endpoint and the parsed body, keys sorted."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True, default=str)
    return hashlib.sha256(f"{endpoint}\n{canonical}".encode()).hexdigest()


def check_key(key: str | None) -> str:
    if key is None:
        raise ApiError(
            400,
            "idempotency_key_required",
            f"Send an {IDEMPOTENCY_HEADER} header (a random id stored before the request is sent).",
            field=IDEMPOTENCY_HEADER,
        )
    if not _KEY.match(key):
        raise ApiError(
            400,
            "invalid_idempotency_key",
            f"{IDEMPOTENCY_HEADER} must be 1 to {IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters.",
            field=IDEMPOTENCY_HEADER,
        )
    return key


def _replay(row: IdempotencyKey) -> JSONResponse:
    assert row.status is not None
    assert row.response is not None
    return JSONResponse(json.loads(row.response), status_code=row.status, headers={REPLAYED_HEADER: "true"})


def _claim(ctx: ServerContext, account_id: uuid.UUID, key: str, digest: str) -> datetime | JSONResponse:
    """Take the key: the lease's end when this request may run, or the stored answer to replay."""
    now = ctx.now()
    lease = now + ctx.settings.idempotency_lease
    with transaction(ctx.sessions) as session:
        insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        inserted = session.execute(
            insert(IdempotencyKey)
            .values(account_id=account_id, key=key, request_hash=digest, created_at=now, locked_until=lease)
            .on_conflict_do_nothing()
            .returning(IdempotencyKey.key)  # rowcount is -1 here on psycopg; RETURNING is exact
        ).first()
        if inserted is not None:
            return lease
        row = session.get_one(IdempotencyKey, (account_id, key))
        if row.request_hash != digest:
            raise ApiError(
                422,
                "idempotency_key_reused",
                "This Idempotency-Key was already used for a different request; use a new key.",
                field=IDEMPOTENCY_HEADER,
            )
        if row.status is not None:
            return _replay(row)
        if row.locked_until is not None and row.locked_until > now:
            raise ApiError(
                409,
                "request_in_progress",
                "A request with this Idempotency-Key is still running; retry shortly.",
                headers={"Retry-After": "1"},
            )
        # The first request died without an answer (its work rolled back): take its place, unless a
        # concurrent retry was quicker.
        taken = session.execute(
            update(IdempotencyKey)
            .where(
                IdempotencyKey.account_id == account_id,
                IdempotencyKey.key == key,
                IdempotencyKey.status.is_(None),
                IdempotencyKey.locked_until == row.locked_until,
            )
            .values(locked_until=lease)
        ).rowcount
        if not taken:
            raise ApiError(
                409, "request_in_progress", "A request with this Idempotency-Key is still running."
            )
        return lease


def _store(
    session: Session, account_id: uuid.UUID, key: str, lease: datetime, status: int, body: str
) -> bool:
    return bool(
        session.execute(
            update(IdempotencyKey)
            .where(
                IdempotencyKey.account_id == account_id,
                IdempotencyKey.key == key,
                IdempotencyKey.status.is_(None),
                IdempotencyKey.locked_until == lease,
            )
            .values(status=status, response=body, locked_until=None)
        ).rowcount
    )


def run(
    ctx: ServerContext,
    account_id: uuid.UUID,
    key: str | None,
    endpoint: str,
    body: Any,
    work: Callable[[Session], tuple[int, BaseModel]],
) -> JSONResponse:
    """Run `work` (in one transaction) at most once per key; answer what it answered, every time."""
    key = check_key(key)
    claimed = _claim(ctx, account_id, key, request_hash(endpoint, body))
    if isinstance(claimed, JSONResponse):
        return claimed
    lease = claimed
    if ctx.settings.after_idempotency_claim is not None:
        ctx.settings.after_idempotency_claim()
    try:
        with transaction(ctx.sessions) as session:
            status, answer = work(session)
            text = answer.model_dump_json()
            if not _store(session, account_id, key, lease, status, text):
                # Our lease ran out and a retry took over: roll our work back; the retry answers.
                raise ApiError(409, "request_in_progress", "This request was taken over by a retry.")
        return JSONResponse(json.loads(text), status_code=status)
    except ApiError as exc:
        if exc.code == "request_in_progress":
            raise
        # A refusal is an answer too: the same request gets the same refusal.
        refusal = error_response(exc.status, exc.code, exc.message, exc.field)
        with transaction(ctx.sessions) as session:
            _store(session, account_id, key, lease, exc.status, bytes(refusal.body).decode())
        raise
    except Exception:
        # A failure (a bug, the database gone): release the key so a retry can run the request.
        try:
            with transaction(ctx.sessions) as session:
                session.execute(
                    delete(IdempotencyKey).where(
                        IdempotencyKey.account_id == account_id,
                        IdempotencyKey.key == key,
                        IdempotencyKey.status.is_(None),
                        IdempotencyKey.locked_until == lease,
                    )
                )
        except Exception:  # pragma: no cover - the lease runs out instead
            log.exception("could not release idempotency key")
        raise


def stored(session: Session, account_id: uuid.UUID, key: str) -> IdempotencyKey | None:
    return session.execute(
        select(IdempotencyKey).where(IdempotencyKey.account_id == account_id, IdempotencyKey.key == key)
    ).scalar_one_or_none()
