"""Assignments put into a data folder as a pull from the platform would (no outbox), for the
assignment service's and the CLI's tests."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from typing import Any

from coapp.app.context import AppContext
from coapp.models import AssignmentRow

PUBLISHED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def assignment_id(n: int) -> str:
    return str(uuid.UUID(int=n, version=4))


def put_assignment(ctx: AppContext, n: int, title: str, **fields: Any) -> str:
    """Assignment number n (its id is assignment_id(n)); skills as lists, rates as minor units."""
    must = fields.pop("must_have", [])
    nice = fields.pop("nice_to_have", [])
    values: dict[str, Any] = {
        "id": assignment_id(n),
        "title": title,
        "client_name": "Acme AB",
        "description": "",
        "location": "Stockholm",
        "country": "SE",
        "workplace": "onsite",
        "remote": False,
        "skills": json.dumps([*must, *nice]),
        "must_have": json.dumps(must),
        "nice_to_have": json.dumps(nice),
        "rate_min_minor": 90_000,
        "rate_max_minor": 110_000,
        "currency": "SEK",
        "hours_per_week": 40,
        "start_date": date(2027, 1, 4),
        "published_at": PUBLISHED,
        "closes_at": datetime(2027, 1, 1, tzinfo=UTC),
        "agent_id": str(uuid.UUID(int=999, version=4)),
        "status": "open",
        "server_version": 1,
        "dirty": False,
    }
    values.update(fields)
    if values["workplace"] == "remote":
        values["remote"] = True
    with ctx.store.write() as s:
        s.info["applying_remote"] = True
        s.add(AssignmentRow(**values))
        s.flush()
        s.info["applying_remote"] = False
    return str(values["id"])


def edit_assignment(ctx: AppContext, n: int, **fields: Any) -> None:
    with ctx.store.write() as s:
        s.info["applying_remote"] = True
        row = s.get_one(AssignmentRow, assignment_id(n))
        for key, value in fields.items():
            setattr(row, key, json.dumps(value) if isinstance(value, list) else value)
        s.flush()
        s.info["applying_remote"] = False
