"""Uploading and downloading the profile's files in the server tests (and an owner's files and
uploads for the cross-account tests)."""

from __future__ import annotations

import hashlib
import io
import uuid
from typing import Any

import requests
from PIL import Image

from coapp.sync.wire.files import UPLOAD_OFFSET_HEADER
from tests.coserver.sync_helpers import Freelancer

UPLOADS = "/v1/files/uploads"


def jpeg(seed: int = 0, size: int = 64) -> bytes:
    """A small, real JPEG whose bytes differ per seed."""
    out = io.BytesIO()
    Image.new("RGB", (size, size), (seed % 256, (seed * 7) % 256, 90)).save(out, "JPEG")
    return out.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def start(
    who: Freelancer, data: bytes, content_type: str = "image/jpeg", purpose: str = "photo", **overrides: Any
) -> requests.Response:
    body = {
        "sha256": sha(data),
        "size": len(data),
        "content_type": content_type,
        "purpose": purpose,
        **overrides,
    }
    return who.server.http.post(who.server.url + UPLOADS, json=body, headers=who.headers(), timeout=30)


def put(who: Freelancer, upload_id: str, offset: int, chunk: bytes) -> requests.Response:
    headers = who.headers(**{UPLOAD_OFFSET_HEADER: str(offset), "Content-Type": "application/octet-stream"})
    return who.server.http.put(
        f"{who.server.url}{UPLOADS}/{upload_id}", data=chunk, headers=headers, timeout=30
    )


def status(who: Freelancer, upload_id: str) -> requests.Response:
    return who.server.http.get(f"{who.server.url}{UPLOADS}/{upload_id}", headers=who.headers(), timeout=30)


def download(who: Freelancer, digest: str) -> requests.Response:
    return who.server.http.get(f"{who.server.url}/v1/files/{digest}", headers=who.headers(), timeout=30)


def upload(who: Freelancer, data: bytes, chunk: int = 1024, **start_fields: Any) -> dict[str, Any]:
    """The whole file in chunks; the last answer (complete when the server kept it)."""
    started = start(who, data, **start_fields)
    assert started.status_code in (200, 201), started.text
    answer: dict[str, Any] = started.json()
    while not answer["complete"]:
        offset = answer["offset"]
        sent = put(who, answer["upload_id"], offset, data[offset : offset + chunk])
        assert sent.status_code == 200, sent.text
        answer = sent.json()
    return answer


# --- an owner's files and uploads for the cross-account tests (made once per owner) ----------------

_FILES: dict[uuid.UUID, list[str]] = {}
_UPLOADS: dict[uuid.UUID, list[uuid.UUID]] = {}


def owner_files(who: Freelancer) -> list[str]:
    """The checksum of a photo the owner holds on the server."""
    if who.account_id not in _FILES:
        data = jpeg(seed=who.account_id.int % 1000)
        assert upload(who, data)["complete"]
        _FILES[who.account_id] = [sha(data)]
    return _FILES[who.account_id]


def owner_uploads(who: Freelancer) -> list[uuid.UUID]:
    """An upload of the owner's under way (half sent)."""
    if who.account_id not in _UPLOADS:
        data = jpeg(seed=who.account_id.int % 1000 + 1, size=80)
        started = start(who, data).json()
        assert put(who, started["upload_id"], 0, data[: len(data) // 2]).status_code == 200
        _UPLOADS[who.account_id] = [uuid.UUID(started["upload_id"])]
    return _UPLOADS[who.account_id]
