"""The profile's files between devices through the real server over loopback: a photo and a portfolio
file go up from one device and come down on another; an upload cut by the fault proxy resumes at the
platform's offset (or starts again when the platform forgot it) and the platform's copy has the
checksum; a download whose bytes do not match is refused and nothing is kept."""

from __future__ import annotations

import hashlib
import io
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import delete, select

from coapp.domain.profile_sections import PortfolioItem
from coapp.models import FileTransfer
from coapp.sync.engine import SyncEngine
from coapp.sync.errors import OfflineError
from coapp.sync.files import files_dir_of
from coserver.file_models import FileRow, FileUploadRow
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import database, freelancer
from tests.sync.devices import Device
from tests.sync.fault_proxy import FaultPlan, FaultProxy

CHUNK = 32 * 1024


def pdf(size: int, seed: int = 1) -> bytes:
    """A PDF-looking file of *size* bytes that no compression shrinks (random after the header)."""
    body = random.Random(seed).randbytes(size - 6)
    return b"%PDF-1" + body


def picture(path: Path, color: tuple[int, int, int] = (30, 120, 200)) -> Path:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), color).save(out, "PNG")
    path.write_bytes(out.getvalue())
    return path


def transfers(device: Device) -> dict[tuple[str, str], FileTransfer]:
    with device.ctx.store.read() as s:
        return {(t.sha256, t.direction): t for t in s.scalars(select(FileTransfer))}


def server_file(server: LiveServer, sha: str) -> bytes | None:
    with database(server) as s:
        row = s.scalar(select(FileRow).where(FileRow.sha256 == sha))
        return None if row is None else row.data


@pytest.fixture
def two(server: LiveServer, tmp_path: Path) -> Iterator[tuple[Device, Device]]:
    freelancer(server)
    devices = (Device.open(tmp_path / "a"), Device.open(tmp_path / "b"))
    for device in devices:
        device.sign_in(server.url, "anna@example.com")
        device.sync()
    yield devices
    for device in devices:
        device.close()


def test_a_photo_and_a_portfolio_file_travel_to_another_device(
    server: LiveServer, two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    assert files_dir_of(a.ctx.store) == a.ctx.profile_files.folder  # the engine and the service agree
    sha = a.ctx.profile_files.set_photo(picture(tmp_path / "me.png"))
    work = a.ctx.profile.add_item(PortfolioItem("Talk"))
    attached = a.ctx.profile_files.attach_file(work.id, _write(tmp_path / "talk.pdf", pdf(100_000)))
    assert attached.file is not None
    sent = a.sync()
    assert (sent.files_uploaded, sent.file_problems) == (2, 0)
    assert server_file(server, sha) == (a.ctx.profile_files.folder / sha).read_bytes()
    got = b.sync()
    assert (got.files_downloaded, got.file_problems) == (2, 0)
    photo = b.ctx.profile_files.photo_path()
    assert photo is not None
    assert photo.read_bytes() == (a.ctx.profile_files.folder / sha).read_bytes()
    item = b.ctx.profile.get().portfolio[0]
    assert item.file == attached.file
    assert b.ctx.profile_files.file_path(attached.file.sha256) is not None
    assert {t.state for t in transfers(b).values()} == {"done"}
    assert {key[1] for key in transfers(b)} == {"down", "up"}  # what came down needs no offer back
    # Nothing left to move: a round is the one request it was before files existed.
    for device in (a, b):
        again = device.sync()
        assert (again.files_uploaded, again.files_downloaded, again.requests) == (0, 0, 1)


def test_a_removed_photo_leaves_the_other_device_after_its_round(
    server: LiveServer, two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    sha = a.ctx.profile_files.set_photo(picture(tmp_path / "me.png"))
    a.sync()
    b.sync()
    assert b.ctx.profile_files.photo_path() is not None
    a.ctx.profile_files.remove_photo()
    a.sync()
    b.ctx.sync.run()  # as the app runs a round: the clean-up comes after it
    assert b.ctx.profile_files.photo_path() is None
    assert b.ctx.profile_files.photo_sha256() is None
    assert not (b.ctx.profile_files.folder / sha).exists()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _cut_after(engine: SyncEngine, proxy: FaultProxy, chunks: int) -> list[int]:
    """Let *chunks* chunks through, then take the proxy offline (the next chunk meets a reset);
    returns the offsets sent."""
    real = engine.api.upload_chunk
    offsets: list[int] = []

    def send(upload_id: object, offset: int, data: bytes) -> object:
        offsets.append(offset)
        if len(offsets) > chunks:
            proxy.go_offline()
        return real(upload_id, offset, data)  # type: ignore[arg-type]

    engine.api.upload_chunk = send  # type: ignore[method-assign]
    return offsets


@pytest.fixture
def proxied(server: LiveServer, tmp_path: Path) -> Iterator[tuple[Device, FaultProxy]]:
    freelancer(server)
    port = int(server.url.rsplit(":", 1)[1])
    with FaultProxy("127.0.0.1", port, seed=3) as proxy:
        device = Device.open(tmp_path / "a")
        device.sign_in(proxy.url, "anna@example.com")
        device.sync()
        yield device, proxy
        device.close()


def _engine(device: Device) -> SyncEngine:
    engine = device.engine()
    engine.file_chunk_size = CHUNK
    return engine


def test_an_interrupted_upload_resumes_at_the_platforms_offset(
    server: LiveServer, proxied: tuple[Device, FaultProxy], tmp_path: Path
) -> None:
    device, proxy = proxied
    data = pdf(20 * CHUNK + 123)
    sha = hashlib.sha256(data).hexdigest()
    item = device.ctx.profile.add_item(PortfolioItem("Report"))
    device.ctx.profile_files.attach_file(item.id, _write(tmp_path / "report.pdf", data))
    engine = _engine(device)
    _cut_after(engine, proxy, chunks=6)
    with pytest.raises(OfflineError):
        engine.run()
    up = transfers(device)[(sha, "up")]
    assert up.state == "sending"
    assert up.done_bytes == 6 * CHUNK
    assert up.error is not None
    assert "offline" in up.error
    with database(server) as s:
        held = s.scalar(select(FileUploadRow.received).where(FileUploadRow.sha256 == sha))
    assert held == 6 * CHUNK
    assert server_file(server, sha) is None
    proxy.go_online()
    engine = _engine(device)
    offsets = _cut_after(engine, proxy, chunks=10**6)
    report = engine.run()
    assert report.files_uploaded == 1
    assert offsets[0] == 6 * CHUNK  # resumed, not restarted
    assert len(offsets) == 15  # the 14 full chunks and the short last one that were missing
    assert server_file(server, sha) == data
    assert transfers(device)[(sha, "up")].state == "done"


def test_an_upload_the_platform_forgot_starts_again(
    server: LiveServer, proxied: tuple[Device, FaultProxy], tmp_path: Path
) -> None:
    device, proxy = proxied
    data = pdf(8 * CHUNK, seed=2)
    sha = hashlib.sha256(data).hexdigest()
    item = device.ctx.profile.add_item(PortfolioItem("Report"))
    device.ctx.profile_files.attach_file(item.id, _write(tmp_path / "report.pdf", data))
    engine = _engine(device)
    _cut_after(engine, proxy, chunks=3)
    with pytest.raises(OfflineError):
        engine.run()
    with database(server) as s:  # expired on the platform meanwhile
        s.execute(delete(FileUploadRow))
    proxy.go_online()
    engine = _engine(device)
    offsets = _cut_after(engine, proxy, chunks=10**6)
    assert engine.run().files_uploaded == 1
    assert offsets[0] == 0
    assert server_file(server, sha) == data


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_an_upload_through_resets_and_lost_answers_arrives_whole(
    server: LiveServer, tmp_path: Path, seed: int
) -> None:
    """Answers dropped after the platform took a chunk, resets before it, 5xx: the chunk's retry
    meets "wrong offset" and the upload goes on from the platform's; a few rounds at most."""
    freelancer(server)
    port = int(server.url.rsplit(":", 1)[1])
    plan = FaultPlan(drop_after_commit=0.2, reset_before=0.1, inject_5xx=0.1)
    data = pdf(12 * CHUNK + 7, seed=seed)
    sha = hashlib.sha256(data).hexdigest()
    with FaultProxy("127.0.0.1", port, seed=seed) as proxy:
        device = Device.open(tmp_path / "a")
        try:
            device.sign_in(proxy.url, "anna@example.com")
            device.sync()
            item = device.ctx.profile.add_item(PortfolioItem("Report"))
            device.ctx.profile_files.attach_file(item.id, _write(tmp_path / "r.pdf", data))
            proxy.plan = plan  # the faults start with the round that moves the file
            for _round in range(10):
                try:
                    if _engine(device).run().files_uploaded:
                        break
                except OfflineError:
                    continue
            else:
                pytest.fail("the upload never completed")
            assert proxy.injected  # the faults really happened
            # A chunk's answer was lost after the platform took it: the retry met "wrong offset" and
            # the client asked where the upload stood (these seeds make that happen).
            asked = [e for e in proxy.record if e.method == "GET" and "/files/uploads/" in e.target]
            assert asked
        finally:
            device.close()
    assert server_file(server, sha) == data
    with database(server) as s:
        assert s.scalars(select(FileUploadRow)).all() == []


def test_a_tampered_download_is_refused_and_nothing_is_kept(
    server: LiveServer, two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    sha = a.ctx.profile_files.set_photo(picture(tmp_path / "me.png"))
    a.sync()
    good = server_file(server, sha)
    assert good is not None
    with database(server) as s:
        row = s.scalar(select(FileRow).where(FileRow.sha256 == sha))
        assert row is not None
        row.data = good[:-1] + bytes([good[-1] ^ 0xFF])
    report = b.sync()
    assert report.file_problems == 1
    assert b.ctx.profile_files.photo_path() is None
    folder = b.ctx.profile_files.folder
    assert not folder.exists() or os.listdir(folder) == []
    down = transfers(b)[(sha, "down")]
    assert down.state == "refused"
    assert "checksum" in (down.error or "")
    shown = b.ctx.profile_files.transfer(sha)  # what the profile screen can say
    assert shown is not None
    assert (shown.direction, shown.state) == ("down", "refused")
    with database(server) as s:  # the platform's copy mended: the next round keeps it
        row = s.scalar(select(FileRow).where(FileRow.sha256 == sha))
        assert row is not None
        row.data = good
    assert b.sync().files_downloaded == 1
    photo = b.ctx.profile_files.photo_path()
    assert photo is not None
    assert photo.read_bytes() == good


def test_a_file_the_platform_lacks_waits_with_its_reason(
    server: LiveServer, two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    sha = a.ctx.profile_files.set_photo(picture(tmp_path / "me.png"))
    a.sync()
    with database(server) as s:
        s.execute(delete(FileRow))
    report = b.sync()
    assert report.file_problems == 1
    assert transfers(b)[(sha, "down")].state == "waiting"
    assert "does not have this file yet" in (transfers(b)[(sha, "down")].error or "")
    assert b.ctx.profile_files.photo_path() is None
