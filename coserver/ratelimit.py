"""Fixed-window rate limits counted in the database, so every server process sees the same counts."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, literal, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from coserver.errors import ApiError
from coserver.models import RateLimitBucket, UtcDateTime
from coserver.settings import RateLimit


@dataclass(frozen=True)
class Ticket:
    """One attempt counted under `key` in the window that started at `window_start`."""

    key: str
    window_start: datetime


def enforce(
    sessions: sessionmaker[Session], hits: list[tuple[str, RateLimit]], now: datetime
) -> list[Ticket]:
    """Count one attempt under each key in its own committed transaction, then answer 429 with
    Retry-After if any limit is passed. Refused attempts count too, so hammering never resets a window,
    and the count survives the request failing later (a wrong password).

    Counting before the work, not after a failure, keeps concurrent attempts within the limit; a
    route that counts failures only gives a successful attempt back with `refund`."""
    with sessions() as session, session.begin():
        counted = [hit(session, key, rule, now) for key, rule in hits]
    waits = [wait for wait, _ticket in counted if wait is not None]
    if waits:
        raise ApiError(
            429,
            "rate_limited",
            "Too many attempts; try again later.",
            headers={"Retry-After": str(max(waits))},
        )
    return [ticket for _wait, ticket in counted]


def refund(sessions: sessionmaker[Session], tickets: list[Ticket]) -> None:
    """Give counted attempts back (they succeeded). Only within the window they were counted in:
    a window that has started again since owes nothing."""
    with sessions() as session, session.begin():
        for ticket in tickets:
            session.execute(
                update(RateLimitBucket)
                .where(
                    RateLimitBucket.key == ticket.key,
                    RateLimitBucket.window_start == ticket.window_start,
                    RateLimitBucket.count > 0,
                )
                .values(count=RateLimitBucket.count - 1)
            )


def hit(session: Session, key: str, rule: RateLimit, now: datetime) -> tuple[int | None, Ticket]:
    """Count one attempt under `key`: the seconds to wait when the window's limit is passed (else
    None), and the ticket that can give the attempt back.

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
    ticket = Ticket(key, window_start)
    if count <= rule.limit:
        return None, ticket
    retry = rule.window - (now - window_start)
    return max(1, math.ceil(retry.total_seconds())), ticket
