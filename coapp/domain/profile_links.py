"""Links on the profile (LinkedIn, GitHub, a portfolio site): checked and written one way only.

One way only, so that "github.com/ada" and "https://GitHub.com/ada" are the same link and the set of
links can refuse the second one (and sync can treat links as a set keyed by the normalised URL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote, urlsplit, urlunsplit

from coapp.domain.errors import ValidationError

MAX_URL_LENGTH = 2000
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
# Kept as typed in paths and queries (RFC 3986 reserved and unreserved characters, and %).
_SAFE_IN_PATH = "/:@!$&'()*+,;=-._~%"
_SAFE_IN_QUERY = _SAFE_IN_PATH + "?"


class LinkKind(StrEnum):
    LINKEDIN = "linkedin"
    GITHUB = "github"
    PORTFOLIO = "portfolio"


def _shown(text: str) -> str:
    return text if len(text) <= 60 else text[:60] + "…"


def _ascii_host(host: str, raw: str) -> str:
    """Unicode host names become their IDNA (punycode) form, as browsers send them."""
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise ValidationError(
            "“{raw}” has a host name that cannot be written as a web address", raw=_shown(raw)
        ) from None
    labels = ascii_host.rstrip(".").split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        raise ValidationError(
            "“{raw}” has no valid host name; write it like example.com/you", raw=_shown(raw)
        )
    return ".".join(labels)


def normalise_url(text: str) -> str:
    """https:// added when no scheme is given; http(s) only; no spaces; host lower-case and IDNA-encoded;
    non-ASCII in the path percent-encoded."""
    raw = text.strip()
    if not raw:
        raise ValidationError("a link needs a web address")
    if len(raw) > MAX_URL_LENGTH:
        raise ValidationError(
            "the web address is {n:,} characters long; at most {max_url_length:,} fit",
            n=len(raw),
            max_url_length=MAX_URL_LENGTH,
        )
    if any(ch.isspace() for ch in raw):
        raise ValidationError("“{raw}” contains a space; a web address has none", raw=_shown(raw))
    if not _SCHEME.match(raw):
        if ":" in raw.split("/", 1)[0] and not re.match(r"^[^:/]+:[0-9]+(/|$)", raw):
            raise ValidationError(
                "“{raw}” is not a web address; write it like https://example.com", raw=_shown(raw)
            )
        raw_with_scheme = "https://" + raw
    else:
        raw_with_scheme = raw
    try:
        parts = urlsplit(raw_with_scheme)
        port = parts.port
    except ValueError:
        raise ValidationError(
            "“{raw}” is not a web address; write it like https://example.com", raw=_shown(raw)
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ValidationError(
            "“{raw}” is not a web page; only http and https links are taken", raw=_shown(raw)
        )
    if parts.username is not None or parts.password is not None:
        raise ValidationError("“{raw}” contains a user name or password; leave them out", raw=_shown(raw))
    host = _ascii_host(parts.hostname or "", raw)
    netloc = host if port is None else f"{host}:{port}"
    path = quote(parts.path, safe=_SAFE_IN_PATH)
    query = quote(parts.query, safe=_SAFE_IN_QUERY)
    fragment = quote(parts.fragment, safe=_SAFE_IN_QUERY)
    url = urlunsplit((scheme, netloc, path, query, fragment))
    if len(url) > MAX_URL_LENGTH:
        raise ValidationError(
            "the web address is longer than {max_url_length:,} characters once encoded",
            max_url_length=MAX_URL_LENGTH,
        )
    return url


def kind_of(url: str) -> LinkKind:
    host = urlsplit(url).hostname or ""
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        return LinkKind.LINKEDIN
    if host == "github.com" or host.endswith(".github.com"):
        return LinkKind.GITHUB
    return LinkKind.PORTFOLIO


@dataclass(frozen=True)
class Link:
    """A normalised web address and what kind of page it is (worked out from the host)."""

    url: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", normalise_url(self.url))

    @property
    def kind(self) -> LinkKind:
        return kind_of(self.url)


def link_key(url: str) -> str:
    """What makes two addresses the same link on a profile: http or https and a trailing slash do not
    count ("github.com/ada" and "https://github.com/ada/" are one link)."""
    parts = urlsplit(normalise_url(url))
    return urlunsplit(("", parts.netloc, parts.path.rstrip("/"), parts.query, parts.fragment))
