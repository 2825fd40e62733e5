"""Outgoing mail through a pluggable sender: a folder of .eml files in development and tests, SMTP
in production."""

from __future__ import annotations

import smtplib
import ssl
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Protocol


class MailSender(Protocol):
    def send(self, message: EmailMessage) -> None: ...


def compose(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="coapp.invalid")
    message.set_content(body)
    return message


class MailboxSender:
    """One .eml file per mail; written under a temporary name and renamed, so a reader never sees a
    half-written file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def send(self, message: EmailMessage) -> None:
        name = uuid.uuid4().hex
        partial = self.folder / f".{name}.tmp"
        partial.write_bytes(bytes(message))
        partial.replace(self.folder / f"{name}.eml")


class SmtpSender:
    """STARTTLS on the submission port (587) with certificate verification, or implicit TLS (465)."""

    def __init__(
        self, host: str, port: int = 587, user: str | None = None, password: str | None = None
    ) -> None:
        self.host, self.port, self.user, self.password = host, port, user, password

    def send(self, message: EmailMessage) -> None:
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if self.port == 465:
            smtp = smtplib.SMTP_SSL(self.host, self.port, context=context, timeout=30)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=30)
        with smtp:
            if self.port != 465:
                smtp.starttls(context=context)
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(message)
