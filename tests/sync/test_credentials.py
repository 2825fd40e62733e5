"""Tokens live in the OS keyring, or in memory with a warning; never in a file coapp writes."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from coapp.sync.credentials import (
    NO_KEYRING_WARNING,
    KeyringTokenStore,
    MemoryTokenStore,
    Tokens,
    open_token_store,
)


class DictKeyring(KeyringBackend):
    """An in-memory keyring backend standing in for the OS one."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError("not there")
        del self.items[(service, username)]


@pytest.fixture
def restore_keyring():  # type: ignore[no-untyped-def]
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


def test_a_working_keyring_keeps_the_tokens(restore_keyring, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    backend = DictKeyring()
    keyring.set_keyring(backend)
    store = open_token_store()
    assert isinstance(store, KeyringTokenStore)
    assert store.warning is None
    store.save("sara@example.se", Tokens("access-secret-1", "refresh-secret-2"))
    assert open_token_store().load("sara@example.se") == Tokens("access-secret-1", "refresh-secret-2")
    store.forget("sara@example.se")
    store.forget("sara@example.se")  # twice is fine
    assert store.load("sara@example.se") is None
    assert not data_dir.exists() or not any(
        b"secret" in p.read_bytes() for p in data_dir.rglob("*") if p.is_file()
    )


def test_no_keyring_means_memory_and_a_warning(restore_keyring) -> None:  # type: ignore[no-untyped-def]
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    store = open_token_store()
    assert isinstance(store, MemoryTokenStore)
    assert store.warning == NO_KEYRING_WARNING
    store.save("a", Tokens("x", "y"))
    assert store.load("a") == Tokens("x", "y")


def test_the_environment_names_the_backend(monkeypatch: pytest.MonkeyPatch, restore_keyring) -> None:  # type: ignore[no-untyped-def]
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    keyring.core.init_backend()
    assert isinstance(open_token_store(), MemoryTokenStore)


def test_a_damaged_entry_means_signing_in_again(restore_keyring) -> None:  # type: ignore[no-untyped-def]
    backend = DictKeyring()
    backend.set_password("coapp", "a", "not json")
    keyring.set_keyring(backend)
    assert open_token_store().load("a") is None
