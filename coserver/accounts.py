"""Account use cases: register, confirm, sign in, refresh, sign out, change password, authenticate.

Every function takes the ServerContext and answers wire models or raises ApiError. Slow argon2 work
runs outside database transactions so a write lock is never held while hashing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coapp.sync.wire import (
    Account,
    ChangePasswordRequest,
    RegisterRequest,
    Role,
    SignInRequest,
    TokenPair,
    password_problems,
)
from coserver import ratelimit, tokens
from coserver.context import ServerContext
from coserver.db import next_version, transaction
from coserver.errors import ApiError
from coserver.mail import compose
from coserver.models import AccessToken, AccountRow, AuthSession, EmailConfirmation, RefreshToken

_BEARER = {"WWW-Authenticate": 'Bearer error="invalid_token"'}


def email_key(email: str) -> str:
    return email.strip().casefold()


def to_wire(row: AccountRow) -> Account:
    return Account(
        id=row.id,
        email=row.email,
        role=Role(row.role),
        display_name=row.display_name,
        confirmed=row.confirmed_at is not None,
        created_at=row.created_at,
    )


def _unauthorized(code: str, message: str) -> ApiError:
    return ApiError(401, code, message, headers=_BEARER)


def _check_password(password: str, email: str, field: str) -> None:
    problems = password_problems(password, email)
    if problems:
        raise ApiError(422, "weak_password", "Password too weak: " + "; ".join(problems) + ".", field=field)


def create_account(
    session: Session, now: datetime, email: str, password_hash: str, role: Role, display_name: str | None
) -> AccountRow:
    """Insert an unconfirmed account in the caller's transaction; 409 when the e-mail is taken."""
    key = email_key(email)
    if session.execute(select(AccountRow.id).where(AccountRow.email_key == key)).first():
        raise ApiError(
            409, "email_taken", "An account with this e-mail address already exists.", field="email"
        )
    row = AccountRow(
        id=uuid.uuid4(),
        email=email,
        email_key=key,
        password_hash=password_hash,
        role=role.value,
        display_name=display_name,
        created_at=now,
        version=next_version(session),
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:  # a concurrent registration won the unique index
        raise ApiError(409, "email_taken", "An account with this e-mail address already exists.") from exc
    return row


def register(ctx: ServerContext, body: RegisterRequest, ip: str) -> Account:
    cfg = ctx.settings
    now = ctx.now()
    ratelimit.enforce(
        ctx.sessions,
        [
            (f"register:ip:{ip}", cfg.register_per_ip),
            (f"register:email:{email_key(body.email)}", cfg.register_per_account),
        ],
        now,
    )
    _check_password(body.password, body.email, "password")
    password_hash = ctx.passwords.hash(body.password)
    token = tokens.new_token(tokens.CONFIRM_PREFIX)
    with transaction(ctx.sessions) as session:
        row = create_account(session, now, body.email, password_hash, Role(body.role), body.display_name)
        session.add(
            EmailConfirmation(
                token_hash=tokens.token_hash(token),
                account_id=row.id,
                expires_at=now + cfg.confirmation_lifetime,
            )
        )
        account = to_wire(row)
    # After the commit: a mail is never sent for an account that does not exist.
    ctx.mailer.send(
        compose(
            cfg.mail_from,
            account.email,
            "Confirm your coapp account",
            "Welcome to coapp.\n\n"
            "Confirm your e-mail address by entering this code in the app:\n\n"
            f"Confirmation code: {token}\n\n"
            f"The code is valid until {(now + cfg.confirmation_lifetime):%Y-%m-%d %H:%M} UTC.\n",
        )
    )
    return account


def confirm(ctx: ServerContext, token: str) -> Account:
    now = ctx.now()
    with transaction(ctx.sessions) as session:
        found = session.get(EmailConfirmation, tokens.token_hash(token))
        if found is None or found.expires_at <= now:
            raise ApiError(400, "invalid_token", "This confirmation code is unknown or has expired.")
        row = session.get_one(AccountRow, found.account_id)
        # A repeated confirmation (a retry after a lost answer) succeeds again without a change.
        if found.used_at is None:
            found.used_at = now
            if row.confirmed_at is None:
                row.confirmed_at = now
                row.version = next_version(session)
        return to_wire(row)


def _issue(ctx: ServerContext, session: Session, session_id: uuid.UUID, row: AccountRow) -> TokenPair:
    cfg = ctx.settings
    now = ctx.now()
    access = tokens.new_token(tokens.ACCESS_PREFIX)
    refresh = tokens.new_token(tokens.REFRESH_PREFIX)
    session.add(
        AccessToken(
            token_hash=tokens.token_hash(access),
            session_id=session_id,
            expires_at=now + cfg.access_token_lifetime,
        )
    )
    session.add(
        RefreshToken(
            token_hash=tokens.token_hash(refresh),
            session_id=session_id,
            expires_at=now + cfg.refresh_token_lifetime,
        )
    )
    return TokenPair(
        access_token=access,
        refresh_token=refresh,
        expires_in=int(cfg.access_token_lifetime.total_seconds()),
        refresh_expires_in=int(cfg.refresh_token_lifetime.total_seconds()),
        account=to_wire(row),
    )


def sign_in(ctx: ServerContext, body: SignInRequest, ip: str) -> TokenPair:
    cfg = ctx.settings
    key = email_key(body.email)
    tickets = ratelimit.enforce(
        ctx.sessions,
        [(f"sign-in:ip:{ip}", cfg.sign_in_per_ip), (f"sign-in:email:{key}", cfg.sign_in_per_account)],
        ctx.now(),
    )
    with ctx.sessions() as session:
        row = session.execute(select(AccountRow).where(AccountRow.email_key == key)).scalar_one_or_none()
    # Verified even when no account exists (against a dummy hash): the same work either way.
    if not ctx.passwords.verify(row.password_hash if row else None, body.password) or row is None:
        raise _unauthorized("invalid_credentials", "The e-mail address or the password is wrong.")
    # The right password is no failure: only failures count towards the limits (see Settings).
    ratelimit.refund(ctx.sessions, tickets)
    if row.confirmed_at is None:
        raise ApiError(
            403, "email_not_confirmed", "Confirm your e-mail address first (see the mail we sent)."
        )
    new_hash = ctx.passwords.hash(body.password) if ctx.passwords.needs_rehash(row.password_hash) else None
    with transaction(ctx.sessions) as session:
        row = session.get_one(AccountRow, row.id)
        if new_hash:
            row.password_hash = new_hash
        auth = AuthSession(
            id=uuid.uuid4(), account_id=row.id, device_name=body.device_name, created_at=ctx.now()
        )
        session.add(auth)
        session.flush()
        return _issue(ctx, session, auth.id, row)


def _revoke(session: Session, session_ids: list[uuid.UUID], reason: str, now: datetime) -> None:
    if session_ids:
        session.execute(
            update(AuthSession)
            .where(AuthSession.id.in_(session_ids), AuthSession.revoked_at.is_(None))
            .values(revoked_at=now, revoked_reason=reason)
        )


def refresh(ctx: ServerContext, refresh_token: str) -> TokenPair:
    now = ctx.now()
    reused = False
    with transaction(ctx.sessions) as session:
        found = session.get(RefreshToken, tokens.token_hash(refresh_token))
        if found is None:
            raise _unauthorized("invalid_token", "Unknown refresh token; sign in again.")
        auth = session.get_one(AuthSession, found.session_id)
        if auth.revoked_at is not None:
            raise _unauthorized("session_revoked", "This session has ended; sign in again.")
        if found.expires_at <= now:
            raise _unauthorized("token_expired", "The refresh token has expired; sign in again.")
        # Conditional update, not read-then-write: of two concurrent uses exactly one wins, on any
        # number of server processes.
        won = session.execute(
            update(RefreshToken)
            .where(RefreshToken.token_hash == found.token_hash, RefreshToken.used_at.is_(None))
            .values(used_at=now)
        ).rowcount
        if won:
            return _issue(ctx, session, auth.id, session.get_one(AccountRow, auth.account_id))
        reused = True
    if reused:
        # A rotated token came back: someone holds a copy. End the whole family, in its own commit.
        with transaction(ctx.sessions) as session:
            _revoke(session, [found.session_id], "refresh_reused", now)
    raise _unauthorized("refresh_reused", "This refresh token was already used; the session has been ended.")


def sign_out(ctx: ServerContext, refresh_token: str) -> None:
    """Ends the session the refresh token belongs to; unknown tokens are fine (idempotent)."""
    with transaction(ctx.sessions) as session:
        found = session.get(RefreshToken, tokens.token_hash(refresh_token))
        if found is not None:
            _revoke(session, [found.session_id], "sign_out", ctx.now())


@dataclass(frozen=True)
class Caller:
    account: Account
    session_id: uuid.UUID


def authenticate(ctx: ServerContext, access_token: str | None) -> Caller:
    if not access_token:
        raise _unauthorized("not_authenticated", "Sign in first: this endpoint needs a bearer token.")
    now = ctx.now()
    with ctx.sessions() as session:
        found = session.execute(
            select(AccessToken, AuthSession, AccountRow)
            .join(AuthSession, AuthSession.id == AccessToken.session_id)
            .join(AccountRow, AccountRow.id == AuthSession.account_id)
            .where(AccessToken.token_hash == tokens.token_hash(access_token))
        ).first()
    if found is None:
        raise _unauthorized("invalid_token", "Unknown access token; sign in again.")
    access, auth, row = found
    if auth.revoked_at is not None:
        raise _unauthorized("session_revoked", "This session has ended; sign in again.")
    if access.expires_at <= now:
        raise _unauthorized("token_expired", "The access token has expired; refresh it.")
    return Caller(to_wire(row), auth.id)


def change_password(ctx: ServerContext, caller: Caller, body: ChangePasswordRequest, ip: str) -> None:
    """Guessing the current password with a stolen access token is limited like sign-in: wrong
    current passwords count per account and per address, a right one gives its attempt back."""
    cfg = ctx.settings
    tickets = ratelimit.enforce(
        ctx.sessions,
        [
            (f"change-password:ip:{ip}", cfg.change_password_per_ip),
            (f"change-password:account:{caller.account.id}", cfg.change_password_per_account),
        ],
        ctx.now(),
    )
    with ctx.sessions() as session:
        stored = session.get_one(AccountRow, caller.account.id).password_hash
    if not ctx.passwords.verify(stored, body.current_password):
        raise ApiError(403, "wrong_password", "The current password is wrong.", field="current_password")
    ratelimit.refund(ctx.sessions, tickets)
    _check_password(body.new_password, caller.account.email, "new_password")
    new_hash = ctx.passwords.hash(body.new_password)
    with transaction(ctx.sessions) as session:
        row = session.get_one(AccountRow, caller.account.id)
        row.password_hash = new_hash
        row.version = next_version(session)
        others = session.execute(
            select(AuthSession.id).where(
                AuthSession.account_id == row.id,
                AuthSession.id != caller.session_id,
                AuthSession.revoked_at.is_(None),
            )
        ).scalars()
        # Anyone who knew the old password is signed out everywhere but here.
        _revoke(session, list(others), "password_changed", ctx.now())
