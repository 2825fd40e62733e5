"""What every API body shares: the prefix and protocol headers, the strict request base and the
error body."""

from __future__ import annotations

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
)

API_PREFIX = "/v1"
# The sync protocol (SYNC.md). A client sends its own version in CLIENT_VERSION_HEADER; one older than
# the server's minimum is refused with 426 and a message saying what to do.
PROTOCOL_VERSION = 1
CLIENT_VERSION_HEADER = "Coapp-Client-Version"
IDEMPOTENCY_HEADER = "Idempotency-Key"
IDEMPOTENCY_KEY_MAX_LENGTH = 200
PUSH_BATCH_MAX = 500
CHANGES_LIMIT_DEFAULT = 500
CHANGES_LIMIT_MAX = 1000


class _Body(BaseModel):
    # Unknown fields are refused so a typo in a client never passes silently.
    model_config = ConfigDict(extra="forbid")


class ErrorBody(BaseModel):
    """Every error the API answers: a stable code for programs, a sentence for people."""

    error: str = Field(description="stable machine-readable code, e.g. invalid_credentials")
    message: str
    field: str | None = Field(default=None, description="the request field at fault (422)")
