"""HTTP with the retries SYNC.md asks for: network errors, 5xx and 429 are retried with exponential
backoff and full jitter, honouring ``Retry-After``; TLS verification is always on."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from coapp.sync.errors import OfflineError, RateLimitedError

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
# No answer, or a body cut short (ChunkedEncodingError, raised for a short Content-Length body too).
LOST_ANSWER = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 0.5  # seconds before the second attempt, doubled each time
    max_delay: float = 30.0
    timeout: float = 20.0  # per request: connect and read
    max_wait: float = 60.0  # a longer Retry-After ends the attempt (RateLimitedError) instead

    def delay(self, attempt: int, retry_after: float | None, rng: random.Random) -> float:
        """Full jitter (AWS architecture blog's "exponential backoff and jitter"), but never
        sooner than the server asked for."""
        backoff = min(self.max_delay, self.base_delay * 2**attempt)
        wait = rng.uniform(0, backoff)
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.max_delay * 4))
        return wait


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Transport:
    def __init__(
        self,
        base_url: str,
        policy: RetryPolicy | None = None,
        *,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.policy = policy or RetryPolicy()
        self.session = session or requests.Session()
        self.session.verify = True  # never switched off: tokens travel in these requests
        self._sleep = sleep
        self._rng = rng or random.Random()

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """The first answer that is not a retryable failure; OfflineError when none came.

        A request retried after a lost response may reach the server twice: writes must carry an
        ``Idempotency-Key`` (SYNC.md), which makes the second arrival replay the first answer."""
        kwargs.setdefault("timeout", self.policy.timeout)
        lost: str | None = None  # the last attempt's lost answer (its exception's name), or
        status: int | None = None  # the status of its retryable answer
        for attempt in range(self.policy.attempts):
            retry_after = None
            try:
                response = self.session.request(method, f"{self.base_url}{path}", **kwargs)
            except LOST_ANSWER as exc:
                lost, status = type(exc).__name__, None
            else:
                if response.status_code not in RETRY_STATUS:
                    return response
                lost, status = None, response.status_code
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                response.close()
                if (
                    response.status_code == 429
                    and retry_after is not None
                    and retry_after > self.policy.max_wait
                ):
                    raise RateLimitedError(
                        "the platform asks to wait {seconds} s before the next attempt (rate limited); "
                        "your changes are kept and will sync later",
                        retry_after,
                    )
            if attempt + 1 < self.policy.attempts:
                self._sleep(self.policy.delay(attempt, retry_after, self._rng))
        if lost is not None:
            raise OfflineError(
                "offline: cannot reach {url} ({problem}); your changes are kept and will sync later",
                url=self.base_url,
                problem=lost,
            )
        if status is not None:
            raise OfflineError(
                "offline: {url} answered {status}; your changes are kept and will sync later",
                url=self.base_url,
                status=status,
            )
        raise OfflineError("offline: no attempt was made; your changes are kept and will sync later")
