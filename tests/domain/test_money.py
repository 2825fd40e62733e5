"""Money: Decimal in code, integer minor units in storage, half-up rounding, never float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain.errors import ValidationError
from coapp.domain.money import (
    basis_points_to_percent,
    from_minor,
    percent_to_basis_points,
    to_minor,
)


@pytest.mark.parametrize(
    ("amount", "minor"),
    [
        ("950", 95000),
        ("950.5", 95050),
        ("0.005", 1),  # half up
        ("0.004", 0),
        ("1.125", 113),
        ("-1.125", -113),  # half away from zero
    ],
)
def test_to_minor(amount: str, minor: int) -> None:
    assert to_minor(Decimal(amount), "SEK") == minor


def test_float_is_refused() -> None:
    with pytest.raises(TypeError):
        to_minor(9.5, "SEK")  # type: ignore[arg-type]


def test_unknown_currency_is_refused() -> None:
    with pytest.raises(ValidationError, match="XYZ"):
        to_minor(Decimal(1), "XYZ")
    with pytest.raises(ValidationError):
        from_minor(1, "usd")


def test_from_minor() -> None:
    assert from_minor(95050, "NOK") == Decimal("950.50")
    assert str(from_minor(5, "EUR")) == "0.05"


def test_basis_points() -> None:
    assert percent_to_basis_points(Decimal("12.5")) == 1250
    assert percent_to_basis_points(Decimal("0.005")) == 1
    assert basis_points_to_percent(1250) == Decimal("12.5")


@given(minor=st.integers(-(10**12), 10**12), currency=st.sampled_from(["SEK", "NOK", "DKK", "EUR"]))
def test_minor_round_trip(minor: int, currency: str) -> None:
    assert to_minor(from_minor(minor, currency), currency) == minor
