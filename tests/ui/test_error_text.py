"""Issue 12: errors raised by the domain, the services, the store and the sync are said in the UI's
language. Each is an English template with its values (coapp.domain.errors); the templates are
gathered for lupdate (resources/translations/error_catalogue.py) and looked up at the front end
(coapp.ui.error_text)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from coapp.domain.errors import CoappError, NotFoundError, ValidationError
from coapp.ui import i18n
from coapp.ui.error_text import error_text, translated

ROOT = Path(__file__).resolve().parents[2]


def _catalogue_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "error_catalogue", ROOT / "resources" / "translations" / "error_catalogue.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["error_catalogue"] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def test_the_catalogue_holds_every_template_of_the_code() -> None:
    """Fails after a new or changed error message: run `uv run python resources/translations/update.py`."""
    catalogue = _catalogue_module()
    assert (ROOT / "coapp" / "ui" / "error_messages.py").read_text(encoding="utf-8") == catalogue.catalogue()


def test_every_error_message_is_a_template_a_translation_can_hold() -> None:
    """An f-string or a joined message cannot be looked up: write the template and its values,
    `ValidationError("the rate {rate} is negative", rate=rate)`. A message passed on from a library
    says so on its line (`# error text: ...`)."""
    catalogue = _catalogue_module()
    dynamic = [f"{r.path.relative_to(ROOT)}:{r.line}" for r in catalogue.raises() if r.template is None]
    assert dynamic == []


def test_a_template_is_the_english_message_with_its_values() -> None:
    error = ValidationError("the rate {rate} {currency} is negative", rate=Decimal("-5.50"), currency="SEK")
    assert str(error) == "the rate -5.50 SEK is negative"
    assert error.template == "the rate {rate} {currency} is negative"
    assert error.values == {"rate": Decimal("-5.50"), "currency": "SEK"}
    plain = NotFoundError("no contract with that id")
    assert (str(plain), plain.values) == ("no contract with that id", {})
    assert str(CoappError()) == ""


@pytest.fixture
def swedish(qapp):  # type: ignore[no-untyped-def]
    i18n.install_translator("sv")
    yield
    i18n.install_translator("en")


def test_under_the_swedish_ui_an_error_is_said_in_swedish(swedish) -> None:  # type: ignore[no-untyped-def]
    error = ValidationError("the rate cannot be negative")
    assert translated(error) == "priset kan inte vara negativt"
    assert error_text(error) == "Priset kan inte vara negativt"
    assert str(error) == "the rate cannot be negative"  # the command line and the log keep English


def test_an_unknown_template_or_a_foreign_error_is_shown_as_it_is(swedish) -> None:  # type: ignore[no-untyped-def]
    assert (
        error_text(ValidationError("{n} widgets are {state}", n=3, state="broken")) == "3 widgets are broken"
    )
    assert error_text(OSError("disk full")) == "Disk full"
    assert error_text(ValidationError("“JS” is not known")) == "“JS” is not known"  # no capital forced


def test_a_number_the_template_groups_is_grouped_the_swedish_way(swedish) -> None:  # type: ignore[no-untyped-def]
    error = ValidationError(
        "the personal letter is {n:,} characters long; at most {max_length:,} fit — shorten it",
        n=200_016,
        max_length=20_000,
    )
    assert str(error) == "the personal letter is 200,016 characters long; at most 20,000 fit — shorten it"
    assert translated(error) == (
        "det personliga brevet är 200\u00a0016 tecken långt; högst 20\u00a0000 får plats – korta det"
    )


def test_a_domain_word_given_as_a_value_is_said_in_swedish(swedish) -> None:  # type: ignore[no-untyped-def]
    from coapp.domain.contract_states import ContractState, ContractTransitionRefused, check_extension

    with pytest.raises(ContractTransitionRefused) as refused:
        check_extension(ContractState.ENDED, date(2026, 6, 30), date(2026, 9, 30), date(2026, 1, 1))
    assert str(refused.value) == "the contract is ended; it cannot be extended"  # English stays English
    assert error_text(refused.value) == "Avtalet är avslutat; det kan inte förlängas"
