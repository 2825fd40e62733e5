"""Helpers for the server tests: a fake clock and a client for a server running on loopback."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import requests
from argon2 import PasswordHasher

from coserver.settings import Settings

PASSWORD = "correct horse battery"
# The cheapest argon2 parameters: tests hash hundreds of passwords; production keeps the defaults.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@dataclass
class LiveServer:
    url: str
    settings: Settings
    clock: FakeClock
    http: requests.Session = field(default_factory=requests.Session)

    def post(self, path: str, body: Any = None, token: str | None = None, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.http.post(self.url + path, json=body, headers=headers, timeout=30, **kwargs)

    def get(self, path: str, token: str | None = None) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.http.get(self.url + path, headers=headers, timeout=30)

    def mails(self) -> list[EmailMessage]:
        assert self.settings.mailbox is not None
        files = sorted(self.settings.mailbox.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
        return [message_from_bytes(p.read_bytes(), policy=policy.default) for p in files]  # type: ignore[misc]

    def confirmation_token(self, email: str) -> str:
        for mail in reversed(self.mails()):
            if mail["To"].casefold() == email.casefold():
                match = re.search(r"Confirmation code: (\S+)", mail.get_content())
                assert match, mail.get_content()
                return match.group(1)
        raise AssertionError(f"no mail to {email}")

    def register(self, email: str, password: str = PASSWORD, **extra: Any) -> requests.Response:
        return self.post("/v1/auth/register", {"email": email, "password": password, **extra})

    def sign_in(self, email: str, password: str = PASSWORD) -> requests.Response:
        return self.post("/v1/auth/sign-in", {"email": email, "password": password})

    def signed_in(self, email: str = "anna@example.com", password: str = PASSWORD) -> dict[str, Any]:
        """Register, confirm from the mailbox and sign in; the token pair as JSON."""
        assert self.register(email, password).status_code == 201
        assert self.post("/v1/auth/confirm", {"token": self.confirmation_token(email)}).status_code == 200
        response = self.sign_in(email, password)
        assert response.status_code == 200, response.text
        pair: dict[str, Any] = response.json()
        return pair
