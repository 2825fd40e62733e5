"""Fixed-window rate limits counted in the database, so every server process sees the same counts."""

from __future__ import annotations

import math
from datetime import datetime

from sqlalchemy import case, literal
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from coserver.errors import ApiError
from coserver.models import RateLimitBucket, UtcDateTime
from coserver.settings import RateLimit


def enforce(sessions: sessionmaker[Session], hits: list[tuple[str, RateLimit]], now: datetime) -> None:
    """Count one attempt under each key in its own committed transaction, then answer 429 with
    Retry-After if any limit is passed. Refused attempts count too, so hammering never resets a window,
    and the count survives the request failing later (a wrong password)."""
    with sessions() as session, session.begin():
        waits = [wait for key, rule in hits if (wait := hit(session, key, rule, now)) is not None]
    if waits:
        raise ApiError(
            429,
            "rate_limited",
            "Too many attempts; try again later.",
            headers={"Retry-After": str(max(waits))},
        )


def hit(session: Session, key: str, rule: RateLimit, now: datetime) -> int | None:
    """Count one attempt under `key`; the seconds to wait when the window's limit is passed, else None.

    One atomic upsert: the count restarts at 1 when the stored window has ended, else goes up by one.
    """
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    expired = RateLimitBucket.window_start <= now - rule.window
    stmt = insert(RateLimitBucket).values(key=key, window_start=now, count=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[RateLimitBucket.key],
        set_={
            "count": case((expired, 1), else_=RateLimitBucket.count + 1),
            # Typed literal: bound through UtcDateTime like the column, never as a local timestamp.
            "window_start": case((expired, literal(now, UtcDateTime)), else_=RateLimitBucket.window_start),
        },
    ).returning(RateLimitBucket.count, RateLimitBucket.window_start)
    count, window_start = session.execute(stmt).one()
    if count <= rule.limit:
        return None
    retry = rule.window - (now - window_start)
    return max(1, math.ceil(retry.total_seconds()))
