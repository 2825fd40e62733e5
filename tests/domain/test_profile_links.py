"""Links: normalised one way, refused with the reason, idempotent, any typed text handled."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.profile_links import Link, LinkKind, link_key, normalise_url


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("github.com/ada", "https://github.com/ada"),
        ("  HTTPS://GitHub.COM/Ada  ", "https://github.com/Ada"),
        ("http://example.com/a?b=c#d", "http://example.com/a?b=c#d"),
        ("bücher.example/läsa", "https://xn--bcher-kva.example/l%C3%A4sa"),
        ("example.com:8080/x", "https://example.com:8080/x"),
        ("www.linkedin.com/in/ada/", "https://www.linkedin.com/in/ada/"),
    ],
)
def test_urls_are_normalised(typed: str, url: str) -> None:
    assert normalise_url(typed) == url


@pytest.mark.parametrize(
    ("typed", "match"),
    [
        ("", "needs a web address"),
        ("github.com/ada lovelace", "contains a space"),
        ("ftp://example.com", "only http and https"),
        ("mailto:ada@example.com", "not a web address"),
        ("javascript:alert(1)", "not a web address"),
        ("https://", "no valid host"),
        ("localhost", "no valid host"),
        ("https://user:pw@example.com", "user name or password"),
        ("https://exa_mple.com", "no valid host"),
        ("https://example.com:99999", "not a web address"),
        ("https://" + "a" * 64 + ".com", "cannot be written"),
        ("example.com/" + "x" * 2000, "at most 2,000"),
    ],
)
def test_bad_urls_are_refused(typed: str, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        normalise_url(typed)


def test_kinds_come_from_the_host() -> None:
    assert Link("linkedin.com/in/ada").kind is LinkKind.LINKEDIN
    assert Link("se.linkedin.com/in/ada").kind is LinkKind.LINKEDIN
    assert Link("github.com/ada").kind is LinkKind.GITHUB
    assert Link("notlinkedin.com/ada").kind is LinkKind.PORTFOLIO
    assert Link("ada.dev").kind is LinkKind.PORTFOLIO


def test_the_same_page_typed_differently_has_one_key() -> None:
    assert link_key("github.com/ada") == link_key("http://GitHub.com/ada/")
    assert link_key("github.com/ada") != link_key("github.com/bob")


url_text = st.text(
    alphabet=st.sampled_from([*"abcxyz019.-/:?#%_~ äöüåøæ日本", " ", "\t", "é", "ß"]), max_size=40
)


@given(st.one_of(url_text, st.text(max_size=40)))
def test_any_typed_text_is_a_normalised_url_or_a_validation_error(typed: str) -> None:
    try:
        url = normalise_url(typed)
    except ValidationError as exc:
        url, problem = "", str(exc)
    if not url:
        assert problem
        if any(ch.isspace() for ch in typed.strip()) and len(typed.strip()) <= 2000:
            assert "space" in problem
        return
    assert url.isascii()
    assert not any(ch.isspace() for ch in url)
    assert url.startswith(("http://", "https://"))
    assert normalise_url(url) == url, "normalising twice changes nothing"


@given(st.from_regex(r"[a-zäöüå]{1,10}\.(se|com|no)/[a-zäö]{0,10}", fullmatch=True))
def test_unicode_hosts_are_idna_encoded(typed: str) -> None:
    url = normalise_url(typed)
    host = url.split("/")[2]
    assert host.isascii()
    assert host == host.lower()
    if not typed.split("/")[0].isascii():
        assert "xn--" in host
