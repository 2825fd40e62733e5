"""python-stdnum is imported when a number is first checked, not on the way to opening the store
(coapp.domain.lazy_module), and its errors still become coapp's sentences on that first check."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from coapp.domain.lazy_module import LazyModule


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_identifier_modules_do_not_import_stdnum_until_a_number_is_checked() -> None:
    out = _run(
        """
        import sys
        import coapp.domain.identifiers, coapp.domain.payment_refs, coapp.services.business
        print("stdnum" in sys.modules, "pydoc" in sys.modules)
        """
    )
    assert out == "False False"


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("validate_iban('SE45 5000 0000 0583 9825 7467')", "wrong check digits"),
        ("validate_iban('XX45 5000 0000 0583 9825 7466')", "is not a country with IBANs"),
        ("validate_org_number('556036-0794', 'SE')", "wrong check digit"),
    ],
)
def test_the_first_check_in_a_fresh_process_raises_coapps_sentence(call: str, expected: str) -> None:
    """The ``except`` clauses name stdnum's exception classes through the lazy module: in a process
    where nothing has loaded stdnum yet, the first failing check must still be matched and worded."""
    out = _run(
        f"""
        from coapp.domain.errors import ValidationError
        from coapp.domain.identifiers import validate_iban, validate_org_number
        try:
            {call}
        except ValidationError as exc:
            print(str(exc))
        """
    )
    assert expected in out


def test_a_lazy_module_imports_on_first_use_only_once() -> None:
    lazy = LazyModule("json")
    assert "not imported yet" in repr(lazy)
    assert lazy.loads("[1]") == [1]
    assert repr(lazy) == "<LazyModule json (imported)>"
    import json

    assert lazy.dumps is json.dumps


def test_a_missing_name_or_module_fails_when_used_not_when_named() -> None:
    lazy = LazyModule("coapp_no_such_module_here")  # naming it costs nothing and raises nothing
    with pytest.raises(ModuleNotFoundError):
        _ = lazy.anything
    with pytest.raises(AttributeError):
        _ = LazyModule("json").no_such_name
