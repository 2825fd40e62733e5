"""Earlier versions of the profile's long texts (SYNC.md: an overwritten long text can be restored).

The platform keeps the newest 20 texts that pushes replaced, per row: the letter of the profile, the
description of an experience, award or portfolio item. The screen lists them with
``earlier_texts`` (a network call: run it on a network worker) and brings one back with
``restore_text``, which is an ordinary local edit of the field: saved at once, queued in the outbox,
pushed at the next sync like any other edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from coapp.models.profile import PROFILE_ID
from coapp.store.engine import Store
from coapp.sync.api import PlatformApi
from coapp.sync.entities import ENTITIES
from coapp.sync.wire import LONG_TEXTS


class NoSuchText(LookupError):
    """The row is not one with a long text on this device (or was removed)."""


@dataclass(frozen=True)
class EarlierText:
    text: str
    replaced_at: datetime  # when a push from some device replaced it (UTC)
    version: int  # the server version that had written it


def earlier_texts(api: PlatformApi, row_id: str = PROFILE_ID) -> list[EarlierText]:
    """The row's earlier texts on the platform, newest first (the profile's letter by default).
    Raises the api's errors: SignInRequired, ApiError (404 when the platform has no such row yet)."""
    return [EarlierText(v.text, v.replaced_at, v.version) for v in api.text_versions(row_id)]


def restore_text(store: Store, entity: str, row_id: str, text: str) -> None:
    """Make *text* the current value of the row's long text, as an edit made on this device."""
    field = LONG_TEXTS.get(entity)
    if field is None:
        raise NoSuchText(f"{entity} has no long text to restore")
    model = ENTITIES[entity].model
    with store.write() as s:
        row = s.get(model, row_id)
        if row is None or row.deleted_at is not None:
            raise NoSuchText(f"no {entity} {row_id} on this device")
        if getattr(row, field) != text:
            setattr(row, field, text)
