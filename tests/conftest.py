"""Strict, isolated tests: every test gets its own empty data folder and never sees the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coapp.app.context import AppContext
from coapp.base.paths import ENV_DATA_DIR
from coapp.domain.contracts import FeeModel
from coapp.services.contracts import ContractInfo


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--full", action="store_true", help="run reliability loops at their full count")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_DATA_DIR, str(folder))
    # A fixed language so number formats in tests do not depend on the machine's locale.
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return folder


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[AppContext]:
    context = AppContext.open(data_dir)
    yield context
    context.close()


def make_contract(ctx: AppContext, title: str = "Backend", **overrides: object) -> ContractInfo:
    terms: dict[str, object] = {
        "client_name": "Acme AB",
        "title": title,
        "fee_model": FeeModel.HOURLY,
        "rate": Decimal("950"),
        "currency": "SEK",
        "commission_percent": Decimal("12.5"),
        "start_date": date(2026, 1, 1),
        "end_date": date(2027, 6, 30),
    }
    terms.update(overrides)
    return ctx.contracts.create(**terms)  # type: ignore[arg-type]


@pytest.fixture
def contract(ctx: AppContext) -> ContractInfo:
    return make_contract(ctx)


@pytest.fixture
def peppol() -> Path:
    """The folder of the official Peppol files: the test skips without them (fails in CI, where
    COAPP_REQUIRE_PEPPOL=1), see tests/peppol/validate.py."""
    from tests.peppol.validate import peppol_dir

    return peppol_dir()
