"""Push batches stay under the server's body cap when the profile's rows carry long texts: 300 jobs
with the longest description there is (5,000 emoji, 12 bytes each as sent) are 18 MB of fields, more
than one push may carry (16 MiB); the client splits them by size as well as by count."""

from __future__ import annotations

import json
from pathlib import Path

from coapp.domain.profile_sections import MAX_DESCRIPTION_LENGTH, MAX_SKILLS_PER_ITEM
from coapp.models import ProfileExperience, SyncState
from coapp.sync import push
from coapp.sync.wire import PushRequest
from coserver.settings import BodyLimits
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import freelancer
from tests.sync.devices import Device
from tests.sync.replicas import device_profile
from tests.sync.test_profile_sync import same_everywhere

EMOJI = "\U0001f600"
JOBS = 300


def _long_jobs(device: Device) -> None:
    with device.ctx.store.write() as s:
        for n in range(JOBS):
            s.add(
                ProfileExperience(
                    organisation=EMOJI * 200,
                    role=EMOJI * 200,
                    start_month="2020-01",
                    is_current=True,
                    description=EMOJI * MAX_DESCRIPTION_LENGTH,
                    skills=json.dumps([f"Skill {n} {k}" for k in range(MAX_SKILLS_PER_ITEM)]),
                    position=n,
                )
            )


def test_batches_of_long_texts_fit_the_push_cap_and_all_arrive(server: LiveServer, tmp_path: Path) -> None:
    anna = freelancer(server)
    device = Device.open(tmp_path / "a")
    try:
        device.sign_in(server.url, "anna@example.com")
        _long_jobs(device)
        with device.ctx.store.write() as s:
            batch = push.prepare(s, s.get_one(SyncState, 1))
            assert batch is not None
            body = json.dumps(PushRequest(ops=batch.ops()).model_dump(mode="json"))  # as requests sends it
            s.rollback()  # leave the batch unfixed: the sync below makes its own
        assert len(body) <= BodyLimits().push
        assert 0 < len(batch.groups) < JOBS  # split by size, not only at 500 rows
        report = device.sync()
        assert report.refused == 0
        assert report.pushed == JOBS
        replica = same_everywhere([device], server, anna.account_id)
        assert len(replica) == JOBS
        assert device_profile(device) == replica
    finally:
        device.close()
