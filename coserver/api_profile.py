"""HTTP route for the profile's earlier long texts: `/v1/profile/text-versions/{row_id}`. The profile's rows
themselves travel through `/v1/sync/push` and `/v1/sync/changes` (coserver.profile_sync)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends

from coapp.sync.wire import TextVersion
from coserver import profile_texts
from coserver.api_auth import Ctx
from coserver.api_sync import client_version_check
from coserver.errors import responses
from coserver.roles import Freelancer

router = APIRouter(prefix="/v1", tags=["profile"], dependencies=[Depends(client_version_check)])


@router.get(
    "/profile/text-versions/{row_id}",
    response_model=list[TextVersion],
    responses=responses(400, 401, 404, 422, 426),
    summary="The caller's earlier texts of a row's long text (the profile's letter; the description of "
    "an experience, award or portfolio item), newest first: what pushes replaced, the newest 20 kept",
)
def list_text_versions(row_id: uuid.UUID, caller: Freelancer, ctx: Ctx) -> list[TextVersion]:
    return profile_texts.text_versions(ctx, caller.account.id, row_id)
