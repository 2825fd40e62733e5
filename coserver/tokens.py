"""Opaque bearer tokens: random, shown to the client once, stored only as their SHA-256.

A database leak then yields no usable token; SHA-256 (not argon2) is enough because the tokens carry
256 bits of randomness, and it keeps the lookup an indexed equality.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

# Prefixes make a leaked token recognisable in logs and secret scanners.
ACCESS_PREFIX = "coa_"
REFRESH_PREFIX = "cor_"
CONFIRM_PREFIX = "coc_"


def new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
