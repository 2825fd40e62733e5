"""The freelancer's agent as the platform last told it: the card (name, e-mail, phone) and its photo,
a step of the sync round (coapp.sync.engine).

The card is asked for when a consent or a message names an agent the card is not (a first agent, or
a new one), and otherwise once a day (a new phone number or photo); a round in between makes no
request. The photo is downloaded only when the card's checksum names one this device lacks, kept
only when its bytes have that checksum and are a JPEG, and written under the checksum into the data
folder's agent/ (never under a name from the platform); the photo before it goes.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from coapp.base.atomic_file import write_atomic
from coapp.base.paths import make_private_dir
from coapp.models import AgentCard, ConsentRow, MessageRow
from coapp.store.engine import Store
from coapp.sync.api import PlatformApi
from coapp.sync.errors import ApiError, BadServerAnswer

log = logging.getLogger("coapp.sync")
AGENT_FOLDER = "agent"  # beside the database (coapp.services.applications.AGENT_PHOTO_FOLDER)
PHOTO_MAX_BYTES = 2 * 1024 * 1024  # the platform's photos are square JPEGs of 512 px, ~50-150 KB
CARD_MAX_AGE = timedelta(days=1)
_JPEG = b"\xff\xd8\xff"


def agent_folder(store: Store) -> Path:
    return store.path.parent / AGENT_FOLDER


def refresh_agent(store: Store, api: PlatformApi, now: datetime | None = None) -> bool:
    """Ask for the agent's card when something points to a change or it is a day old; True when
    it was asked."""
    now = now or datetime.now(UTC)
    with store.read() as s:
        card = s.get(AgentCard, 1)
        known = card.agent_id if card is not None else None
        fetched = card.fetched_at if card is not None else None
        named = {
            *s.scalars(select(ConsentRow.agent_id).where(ConsentRow.agent_id != "").distinct()),
            *s.scalars(select(MessageRow.agent_id).where(MessageRow.agent_id != "").distinct()),
        }
    stale = fetched is not None and now - fetched >= CARD_MAX_AGE
    if not named or (named == {known} and not stale):
        return False
    try:
        agent = api.agent()
    except ApiError as exc:
        if exc.status == 404:
            return False  # no agent assigned yet
        raise
    with store.write() as s:
        card = s.get(AgentCard, 1) or AgentCard(id=1)
        card.agent_id, card.name, card.email, card.phone = str(agent.id), agent.name, agent.email, agent.phone
        card.fetched_at = now
        s.add(card)
    keep_photo(store, api, agent.photo_sha256)
    return True


def keep_photo(store: Store, api: PlatformApi, sha256: str | None) -> None:
    """The agent's photo on this device as the card names it (None: no photo, any old one goes)."""
    folder = agent_folder(store)
    wanted = f"{sha256}.jpg" if sha256 else None
    if wanted is not None and not (folder / wanted).exists():
        data = api.agent_photo(PHOTO_MAX_BYTES)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise BadServerAnswer("the agent's photo does not have the checksum its card names")
        if not data.startswith(_JPEG):
            raise BadServerAnswer("the agent's photo is not a JPEG")
        make_private_dir(folder)
        write_atomic(folder / wanted, data)
    if folder.is_dir():
        for old in folder.iterdir():
            if old.name != wanted:
                old.unlink(missing_ok=True)
