"""What every request handler needs: settings, the session factory, the password hasher, the mailer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from coserver.mail import MailboxSender, MailSender, SmtpSender
from coserver.passwords import Passwords
from coserver.settings import Settings


@dataclass
class ServerContext:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    passwords: Passwords
    mailer: MailSender

    def now(self) -> datetime:
        now = self.settings.clock()
        if now.tzinfo is None:
            raise ValueError("the server clock must return aware datetimes")
        return now.astimezone(UTC)


def make_mailer(settings: Settings) -> MailSender:
    if settings.mailbox is not None:
        return MailboxSender(settings.mailbox)
    if settings.smtp_host:
        return SmtpSender(settings.smtp_host, settings.smtp_port, settings.smtp_user, settings.smtp_password)
    raise ValueError("configure a mailbox folder or an SMTP host for outgoing mail")


def get_context(request: Request) -> ServerContext:
    ctx: ServerContext = request.app.state.ctx
    return ctx


def client_ip(request: Request) -> str:
    # Behind a load balancer, run uvicorn with --proxy-headers so this is the caller, not the proxy.
    return request.client.host if request.client else "unknown"
