"""An agent's card photo over loopback HTTP: the agent uploads any common picture, the platform stores
a square JPEG it made itself (metadata gone, bombs and non-pictures refused), the card names its
SHA-256, and only the agent's own freelancers download it."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

import pytest
from PIL import Image

from tests.coserver.harness import LiveServer
from tests.coserver.test_server_messages import _with_agent


def picture(size: tuple[int, int] = (900, 600), kind: str = "JPEG", gps: bool = True) -> bytes:
    image = Image.new("RGB", size, (30, 120, 200))
    out = io.BytesIO()
    if kind == "JPEG" and gps:
        exif = Image.Exif()
        exif[0x010E] = "secret description"  # ImageDescription: must not reach anyone
        exif[0x0112] = 6  # rotated a quarter: the stored photo is upright
        image.save(out, kind, exif=exif.tobytes())
    else:
        image.save(out, kind)
    return out.getvalue()


def _bomb() -> bytes:
    """A PNG whose header claims 100,000 × 100,000 pixels (a few hundred bytes on the wire)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def put(server: LiveServer, token_headers: dict[str, str], data: bytes):  # type: ignore[no-untyped-def]
    return server.http.put(server.url + "/v1/agent/photo", data=data, headers=token_headers, timeout=30)


def test_the_agent_sets_a_photo_and_their_freelancer_downloads_the_platforms_jpeg(server: LiveServer) -> None:
    sara, anna = _with_agent(server)
    assert anna.get("/v1/agent").json()["photo_sha256"] is None
    assert anna.get("/v1/agent/photo").status_code == 404
    answer = put(server, sara.headers(), picture())
    assert answer.status_code == 200, answer.text
    digest = answer.json()["photo_sha256"]
    assert anna.get("/v1/agent").json()["photo_sha256"] == digest
    got = anna.get("/v1/agent/photo")
    assert got.status_code == 200
    assert got.headers["content-type"] == "image/jpeg"
    assert hashlib.sha256(got.content).hexdigest() == digest
    stored = Image.open(io.BytesIO(got.content))
    assert stored.format == "JPEG"
    assert stored.size == (512, 512)  # square, at most 512 px
    assert b"secret description" not in got.content  # the source's metadata stays behind
    assert not stored.getexif()
    # Removed: the card says so and the download is gone.
    assert (
        server.http.delete(server.url + "/v1/agent/photo", headers=sara.headers(), timeout=30).status_code
        == 204
    )
    assert anna.get("/v1/agent").json()["photo_sha256"] is None
    assert anna.get("/v1/agent/photo").status_code == 404


def test_another_agents_freelancer_never_gets_it(server: LiveServer) -> None:
    sara, _anna = _with_agent(server)
    _olle, bertil = _with_agent(server, "bertil@example.com")
    assert put(server, sara.headers(), picture()).status_code == 200
    assert bertil.get("/v1/agent").json()["photo_sha256"] is None
    assert bertil.get("/v1/agent/photo").status_code == 404


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        (b"", 422, "invalid_photo"),
        (b"GIF89a not really", 422, "invalid_photo"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", 422, "invalid_photo"),
        (_bomb(), 422, "invalid_photo"),
        (picture()[:200], 422, "invalid_photo"),  # truncated
        (picture((16, 16), "PNG"), 422, "invalid_photo"),  # too small to be a face
        (b"\xff" * (10 * 1024 * 1024 + 1), 413, "body_too_large"),
    ],
)
def test_bad_pictures_are_refused_and_change_nothing(
    server: LiveServer, data: bytes, status: int, code: str
) -> None:
    sara, anna = _with_agent(server)
    assert put(server, sara.headers(), picture()).status_code == 200
    before = anna.get("/v1/agent").json()["photo_sha256"]
    answer = put(server, sara.headers(), data)
    assert (answer.status_code, answer.json()["error"]) == (status, code), answer.text
    assert anna.get("/v1/agent").json()["photo_sha256"] == before
