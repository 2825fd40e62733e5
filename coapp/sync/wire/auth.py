"""Accounts and sign-in: roles, password rules, the auth requests and the token pair."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    EmailStr,
    Field,
)

from coapp.sync.wire.common import _Body

PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 256  # argon2 takes any length; a cap keeps a request from costing seconds
PASSWORD_MIN_DISTINCT = 5

# The handful that people still try; a real deployment would add a breached-password check.
_COMMON_PASSWORDS = frozenset(
    {
        "1234567890",
        "0123456789",
        "12345678910",
        "qwertyuiop",
        "password123",
        "password1234",
        "passwordpassword",
        "iloveyou123",
        "lösenord123",
        "qwerty123456",
        "letmein1234",
        "welcome123",
        "administrator",
    }
)


class Role(StrEnum):
    FREELANCER = "freelancer"
    CLIENT = "client"
    AGENT = "agent"
    ADMIN = "admin"


SELF_SERVICE_ROLES = (Role.FREELANCER, Role.CLIENT)


def password_problems(password: str, email: str = "") -> list[str]:
    """Why a password is too weak, in words a person can act on; empty when it is acceptable."""
    problems: list[str] = []
    if len(password) < PASSWORD_MIN_LENGTH:
        problems.append(f"use at least {PASSWORD_MIN_LENGTH} characters")
    if len(password) > PASSWORD_MAX_LENGTH:
        problems.append(f"use at most {PASSWORD_MAX_LENGTH} characters")
    if len(set(password)) < PASSWORD_MIN_DISTINCT:
        problems.append(f"use at least {PASSWORD_MIN_DISTINCT} different characters")
    lowered = password.casefold()
    if lowered in _COMMON_PASSWORDS:
        problems.append("this password is too common")
    local_part = email.split("@", 1)[0].casefold()
    if len(local_part) >= 4 and local_part in lowered:
        problems.append("do not use your e-mail address in the password")
    return problems


class RegisterRequest(_Body):
    email: EmailStr
    password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)
    role: Literal[Role.FREELANCER, Role.CLIENT] = Role.FREELANCER
    display_name: str | None = Field(default=None, max_length=200)


class ConfirmRequest(_Body):
    token: str = Field(min_length=1, max_length=200)


class SignInRequest(_Body):
    email: EmailStr
    password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)
    device_name: str | None = Field(default=None, max_length=200)


class RefreshRequest(_Body):
    refresh_token: str = Field(min_length=1, max_length=200)


class SignOutRequest(_Body):
    refresh_token: str = Field(min_length=1, max_length=200)


class ChangePasswordRequest(_Body):
    current_password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)
    new_password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)


class Account(BaseModel):
    id: UUID
    email: str
    role: Role
    display_name: str | None = None
    confirmed: bool
    created_at: datetime


class TokenPair(BaseModel):
    """Opaque bearer tokens; the client keeps them in the OS keyring only."""

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds until the access token expires")
    refresh_expires_in: int = Field(description="seconds until the refresh token expires")
    account: Account
