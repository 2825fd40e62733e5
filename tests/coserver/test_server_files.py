"""The platform's file routes: resumable uploads by checksum (wrong offsets refused with the right
one, the last byte checked for size, SHA-256 and content type), downloads by checksum, each file its
account's own, and the size limits."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from coapp.sync.wire.files import FILE_CHUNK_MAX, UPLOAD_OFFSET_HEADER
from coserver.file_models import FileChunkRow, FileRow, FileUploadRow
from tests.coserver.file_helpers import UPLOADS, download, jpeg, put, sha, start, status, upload
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import Freelancer, database, freelancer

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


@pytest.fixture
def anna(server: LiveServer) -> Freelancer:
    return freelancer(server, "anna@example.com")


def counts(server: LiveServer) -> tuple[int, int, int]:
    with database(server) as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (FileRow, FileUploadRow, FileChunkRow)
        )


def test_a_file_uploaded_in_chunks_is_kept_and_downloaded_whole(anna: Freelancer) -> None:
    data = PDF
    started = start(anna, data, "application/pdf", "portfolio")
    assert started.status_code == 201, started.text
    body = started.json()
    assert (body["offset"], body["complete"], body["size"]) == (0, False, len(data))
    final = upload(anna, data, chunk=4096, content_type="application/pdf", purpose="portfolio")
    assert final["complete"]
    assert final["offset"] == len(data)
    got = download(anna, sha(data))
    assert got.status_code == 200
    assert got.content == data
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["X-Content-SHA256"] == sha(data)
    assert counts(anna.server) == (1, 0, 0)  # the upload and its chunks are gone once the file is kept


def test_starting_again_resumes_and_a_held_file_needs_no_upload(anna: Freelancer) -> None:
    data = jpeg(size=200)
    first = start(anna, data).json()
    assert put(anna, first["upload_id"], 0, data[:500]).status_code == 200
    again = start(anna, data)
    assert again.status_code == 200
    assert again.json()["upload_id"] == first["upload_id"]
    assert again.json()["offset"] == 500
    assert status(anna, first["upload_id"]).json()["offset"] == 500
    assert put(anna, first["upload_id"], 500, data[500:]).json()["complete"]
    held = start(anna, data)
    assert held.status_code == 200
    assert held.json() == {
        "upload_id": None,
        "sha256": sha(data),
        "size": len(data),
        "offset": len(data),
        "complete": True,
    }
    assert status(anna, first["upload_id"]).status_code == 404  # finished uploads are gone


def test_a_chunk_at_the_wrong_offset_is_refused_with_the_offset_held(anna: Freelancer) -> None:
    data = jpeg(size=200)
    upload_id = start(anna, data).json()["upload_id"]
    assert put(anna, upload_id, 0, data[:300]).status_code == 200
    for offset in (0, 100, 301, 5000):  # a retry of what arrived, a gap, a jump ahead
        refused = put(anna, upload_id, offset, data[offset : offset + 100] or b"x")
        assert refused.status_code == 409, refused.text
        assert refused.json()["error"] == "wrong_offset"
        assert refused.headers[UPLOAD_OFFSET_HEADER] == "300"
    assert status(anna, upload_id).json()["offset"] == 300
    assert put(anna, upload_id, 300, data[300:]).json()["complete"]
    assert download(anna, sha(data)).content == data


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        (lambda d: d[:-1] + bytes([d[-1] ^ 1]), "checksum_mismatch"),
        (lambda d: b"hello, plain text" + bytes(len(d) - 17), "checksum_mismatch"),
    ],
)
def test_bytes_that_do_not_match_the_checksum_are_refused_and_the_upload_discarded(
    anna: Freelancer, tamper: object, code: str
) -> None:
    data = jpeg(size=120)
    upload_id = start(anna, data).json()["upload_id"]
    sent = tamper(data)  # type: ignore[operator]
    half = len(sent) // 2
    assert put(anna, upload_id, 0, sent[:half]).status_code == 200
    refused = put(anna, upload_id, half, sent[half:])
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"] == code
    assert status(anna, upload_id).status_code == 404  # start again
    assert download(anna, sha(data)).status_code == 404
    assert counts(anna.server) == (0, 0, 0)
    assert start(anna, data).status_code == 201  # a clean restart


def test_a_content_type_the_bytes_do_not_show_is_refused(anna: Freelancer) -> None:
    text = b"just some notes\n" * 10
    for claimed, purpose in (
        ("application/pdf", "portfolio"),
        ("image/jpeg", "photo"),
        ("image/png", "portfolio"),
    ):
        upload_id = start(anna, text, claimed, purpose).json()["upload_id"]
        refused = put(anna, upload_id, 0, text)
        assert refused.status_code == 422
        assert refused.json()["error"] == "content_type_mismatch"
    assert upload(anna, text, content_type="text/markdown", purpose="portfolio")["complete"]


def test_size_and_kind_limits_are_refused_at_the_start(anna: Freelancer) -> None:
    data = jpeg()
    cases = [
        ({"size": 2 * 1024 * 1024 + 1}, "file_too_large"),
        ({"size": 25 * 1024 * 1024 + 1, "purpose": "portfolio"}, "invalid_field"),
        ({"size": 0}, "invalid_field"),
        ({"content_type": "application/pdf"}, "invalid_content_type"),  # a photo is a JPEG
        ({"content_type": "text/html", "purpose": "portfolio"}, "invalid_field"),
        ({"sha256": "A" * 64}, "invalid_field"),
        ({"sha256": "../../etc/passwd"}, "invalid_field"),
        ({"purpose": "avatar"}, "invalid_field"),
        ({"extra": 1}, "invalid_field"),
        ({"size": True}, "invalid_field"),  # JSON true is not one byte (schemathesis found it)
        ({"size": "1"}, "invalid_field"),
    ]
    for overrides, code in cases:
        refused = start(anna, data, **overrides)
        assert refused.status_code == 422, (overrides, refused.text)
        assert refused.json()["error"] == code, overrides
    assert counts(anna.server) == (0, 0, 0)


def test_chunks_beyond_the_size_empty_or_too_big_are_refused(anna: Freelancer) -> None:
    data = jpeg()
    upload_id = start(anna, data).json()["upload_id"]
    assert put(anna, upload_id, 0, data + b"extra").json()["error"] == "beyond_size"
    assert put(anna, upload_id, 0, b"").json()["error"] == "empty_chunk"
    too_big = put(anna, upload_id, 0, bytes(FILE_CHUNK_MAX + 1))
    assert too_big.status_code == 413
    assert status(anna, upload_id).json()["offset"] == 0


def test_another_account_never_sees_my_files_or_uploads_even_with_the_same_bytes(
    server: LiveServer, anna: Freelancer
) -> None:
    bertil = freelancer(server, "bertil@example.com")
    data, pending = jpeg(seed=1), jpeg(seed=2, size=100)
    upload(anna, data)
    anna_upload = start(anna, pending).json()["upload_id"]
    put(anna, anna_upload, 0, pending[:100])
    assert download(bertil, sha(data)).status_code == 404
    assert status(bertil, anna_upload).status_code == 404
    assert put(bertil, anna_upload, 100, pending[100:]).status_code == 404
    assert status(anna, anna_upload).json()["offset"] == 100
    # Bertil holding the same bytes learns nothing of Anna's: his start is a new upload of his own.
    his = start(bertil, data)
    assert his.status_code == 201
    assert his.json()["offset"] == 0
    assert upload(bertil, data)["complete"]
    assert download(bertil, sha(data)).content == data
    assert counts(server) == (2, 1, 1)


def test_an_upload_nobody_touched_for_a_week_is_forgotten(anna: Freelancer) -> None:
    data = jpeg(size=150)
    upload_id = start(anna, data).json()["upload_id"]
    put(anna, upload_id, 0, data[:200])
    anna.server.clock.advance(days=8)
    anna.sign_in_again()  # the access token expired meanwhile
    assert status(anna, upload_id).status_code == 404
    assert put(anna, upload_id, 200, data[200:]).status_code == 404
    again = start(anna, data)
    assert again.status_code == 201
    assert again.json()["offset"] == 0
    assert again.json()["upload_id"] != upload_id


def test_unknown_ids_and_bad_checksums_in_the_path(anna: Freelancer) -> None:
    assert status(anna, str(uuid.uuid4())).status_code == 404
    assert download(anna, "0" * 64).status_code == 404
    for bad in ("0" * 63, "Z" * 64, "..%2F..%2Fetc%2Fpasswd"):
        assert download(anna, bad).status_code in (404, 422)
    assert status(anna, "not-a-uuid").status_code == 422


def test_the_openapi_document_states_the_limits(server: LiveServer) -> None:
    document = server.get("/openapi.json").json()
    start_op = document["paths"][UPLOADS]["post"]
    assert "2 MB" in start_op["summary"]
    assert "25 MB" in start_op["summary"]
    chunk = document["paths"][UPLOADS + "/{upload_id}"]["put"]
    assert "application/octet-stream" in chunk["requestBody"]["content"]
    assert "413" in chunk["responses"]
    assert UPLOAD_OFFSET_HEADER in chunk["responses"]["409"]["headers"]
