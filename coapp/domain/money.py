"""Money as Decimal in code and integer minor units in storage. Never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from coapp.domain.errors import ValidationError

CURRENCIES = {"SEK": 2, "NOK": 2, "DKK": 2, "EUR": 2}


def exponent(currency: str) -> int:
    try:
        return CURRENCIES[currency]
    except KeyError:
        raise ValidationError(
            "unsupported currency “{currency}”; use one of {currencies}",
            currency=currency,
            currencies=", ".join(CURRENCIES),
        ) from None


def to_minor(amount: Decimal, currency: str) -> int:
    """Decimal → integer minor units, rounding half up at the currency's precision."""
    if not isinstance(amount, Decimal):
        raise TypeError("money must be Decimal")
    scale = Decimal(10) ** exponent(currency)
    return int((amount * scale).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-exponent(currency))


def percent_to_basis_points(rate: Decimal) -> int:
    """A percentage (e.g. Decimal("12.5")) to integer hundredths of a percent."""
    return int((rate * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def basis_points_to_percent(bp: int) -> Decimal:
    return Decimal(bp).scaleb(-2)
