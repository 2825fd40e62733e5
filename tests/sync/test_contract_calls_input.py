"""Signing and reviewing check the typed name, the score and the text before anything is sent
(coapp.domain.contract_states / .reviews): any text either is refused with a ValidationError and no
request, or is sent stripped, exactly once (Hypothesis)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coapp.app.context import AppContext
from coapp.domain.contract_states import check_signed_name
from coapp.domain.errors import ValidationError
from coapp.domain.reviews import check_score, check_text
from coapp.sync import contract_calls
from coapp.sync.contract_calls import ContractRefused
from coapp.sync.errors import OfflineError
from tests.conftest import make_contract
from tests.services.contract_terms_helpers import put_contract

OFFER = "0f0f0f0f-0000-4000-8000-00000000000a"
ENDED = "e3e3e3e3-0000-4000-8000-00000000000b"


class Recording:
    """A platform that records what it was asked and cannot answer (offline)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def command(self, path: str, body: dict[str, Any], key: str, if_match: int | None) -> Any:
        self.sent.append((path, body))
        raise OfflineError("offline")


@pytest.fixture
def contracts(ctx: AppContext) -> AppContext:
    put_contract(ctx, OFFER, state="offered", signed_at=None, signed_name=None, terms_version=3)
    put_contract(ctx, ENDED, state="ended", ended_on=date(2026, 5, 31))
    return ctx


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=220))
def test_any_name_is_refused_or_sent_stripped(contracts: AppContext, name: str) -> None:
    api: Any = Recording()
    try:
        check_signed_name(name)
    except ValidationError:
        with pytest.raises(ValidationError):
            contract_calls.sign_contract(contracts.store, api, OFFER, name)
        assert api.sent == []
        return
    with pytest.raises(OfflineError, match="signing needs the platform's current terms"):
        contract_calls.sign_contract(contracts.store, api, OFFER, name)
    [(path, body)] = api.sent
    assert path.endswith(f"{OFFER}/sign")
    assert body == {"name": name.strip(), "terms_version": 3}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    score=st.one_of(st.integers(-3, 9), st.booleans()),
    text=st.text(max_size=2100),
)
def test_any_review_is_refused_or_sent_stripped(contracts: AppContext, score: int, text: str) -> None:
    api: Any = Recording()
    try:
        check_score(score)
        check_text(text)
    except ValidationError:
        with pytest.raises(ValidationError):
            contract_calls.write_review(contracts.store, api, ENDED, score, text)
        assert api.sent == []
        return
    with pytest.raises(OfflineError, match="connect and try again"):
        contract_calls.write_review(contracts.store, api, ENDED, score, text)
    [(_, body)] = api.sent
    assert body == {"score": score, "text": text.strip()}


def test_one_s_own_contract_is_neither_signed_nor_reviewed(contracts: AppContext) -> None:
    own = make_contract(contracts)
    api: Any = Recording()
    with pytest.raises(ContractRefused, match="your own"):
        contract_calls.sign_contract(contracts.store, api, own.id, "Anna Lindqvist")
    with pytest.raises(ContractRefused, match="your own"):
        contract_calls.write_review(contracts.store, api, own.id, 5, "Bra.")
    with pytest.raises(ContractRefused, match="only an offer"):
        contract_calls.sign_contract(contracts.store, api, ENDED, "Anna Lindqvist")
    assert api.sent == []
